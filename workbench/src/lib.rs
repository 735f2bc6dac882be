//! The workbench module: data entry, results and the engine, loaded by the start screen when the user chooses
//! what to work on (see `clustercalc_web::shell`).
//!
//! It is also the JavaScript API for pages that script the calculator (README, "JavaScript API"):
//! `analyze(datasetJson, lang)` and `callMethod(name, inputJson, lang)` return the engine's JSON as text, or throw
//! `{ path, reason, message }`; `mount(request)` and `mountInto(element, request)` show the calculator. Every number comes from `clustercalc_core`, as in
//! the app and the CLI.

use clustercalc_core::dataset::Dataset;
use clustercalc_core::{analyze as engine, api, Error, Lang};
use wasm_bindgen::prelude::*;

/// Mounts the workbench on `<body>`. `request` is a `clustercalc_web::launch::Launch` in its text form; an empty
/// string continues the saved session.
#[wasm_bindgen]
pub fn mount(request: &str) {
    clustercalc_web::app::mount(request);
}

/// Mounts the calculator inside an element of the host page (`request` as for `mount`, e.g.
/// `lang=en;choice=example:xiqiao`).
#[wasm_bindgen(js_name = mountInto)]
pub fn mount_into(element: web_sys::HtmlElement, request: &str) {
    clustercalc_web::app::mount_in(element, request);
}

fn lang_of(code: &str) -> Lang {
    if code == "en" {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The error a script receives: the JSON path of the problem, the reason, and the CLI's one line
/// (`path: reason`) as `message`, in the requested language.
fn thrown(e: &Error, lang: Lang) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"path".into(), &JsValue::from_str(&e.path));
    let _ = js_sys::Reflect::set(&o, &"reason".into(), &JsValue::from_str(&e.reason(lang)));
    let _ = js_sys::Reflect::set(&o, &"message".into(), &JsValue::from_str(&e.message(lang)));
    o.into()
}

/// Validates and analyses a dataset (format `clustercalc-dataset`); returns the report as JSON text.
#[wasm_bindgen]
pub fn analyze(dataset_json: &str, lang: &str) -> Result<String, JsValue> {
    let lang = lang_of(lang);
    let d = Dataset::from_json(dataset_json).map_err(|e| thrown(&e, lang))?;
    serde_json::to_string(&engine::analyze(&d)).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Calls one engine method by its ENGINE-API.md name (`location-quotient`, `keynes`, …) on JSON input.
#[wasm_bindgen(js_name = callMethod)]
pub fn call_method(name: &str, input_json: &str, lang: &str) -> Result<String, JsValue> {
    let lang = lang_of(lang);
    let out = api::call_str(name, input_json).map_err(|e| thrown(&e, lang))?;
    Ok(out.to_string())
}

/// The engine methods this module offers, as a JSON array of names.
#[wasm_bindgen]
pub fn methods() -> String {
    serde_json::to_string(api::METHODS).unwrap_or_else(|_| "[]".into())
}
