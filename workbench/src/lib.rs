//! The workbench module: data entry, results and the engine, loaded by the start screen when the user chooses
//! what to work on (see `clustercalc_web::shell`). Its only export mounts the app.

use wasm_bindgen::prelude::*;

/// Mounts the workbench on `<body>`. `request` is a `clustercalc_web::launch::Launch` in its text form.
#[wasm_bindgen]
pub fn mount(request: &str) {
    clustercalc_web::app::mount(request);
}
