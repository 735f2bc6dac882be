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

/// As `mount`, with the big dataset file the user picked on the start screen (`choice=big:NAME`), which the
/// workbench analyses in its worker.
#[wasm_bindgen(js_name = mountWithFile)]
pub fn mount_with_file(request: &str, file: web_sys::File) {
    clustercalc_web::big::keep_pending(file);
    clustercalc_web::app::mount(request);
}

/// Mounts the calculator inside an element of the host page (`request` as for `mount`, e.g.
/// `lang=en;choice=example:xiqiao`).
#[wasm_bindgen(js_name = mountInto)]
pub fn mount_into(element: web_sys::HtmlElement, request: &str) {
    clustercalc_web::app::mount_in(element, request);
}

/// Fault injection for the journey that proves the trap boundary (`end2end/tests/recovery.spec.ts`): stops this
/// module exactly as a bug's panic or exhausted memory would (a `WebAssembly.RuntimeError`). It harms nothing a
/// page's own script could not: only this page's calculator stops, and the recovery notice covers it.
#[wasm_bindgen(js_name = __trapForTests)]
pub fn trap_for_tests() {
    std::process::abort();
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

/// The size of the pieces a big file is read in, inside the analysis worker.
const PIECE_BYTES: f64 = 1024.0 * 1024.0;

/// A picked file read synchronously in pieces (`FileReaderSync`, which only workers have): the dataset parser
/// pulls text as it needs it, so neither the whole text nor a JSON tree of it is ever held. Reports the bytes
/// read through `progress("read", done, total)`.
struct FilePieces<'a> {
    file: &'a web_sys::File,
    reader: web_sys::FileReaderSync,
    at: f64,
    size: f64,
    piece: Vec<u8>,
    served: usize,
    progress: &'a js_sys::Function,
}

impl std::io::Read for FilePieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.served == self.piece.len() {
            if self.at >= self.size {
                return Ok(0);
            }
            let end = (self.at + PIECE_BYTES).min(self.size);
            let io = |e: JsValue| {
                std::io::Error::other(e.as_string().unwrap_or_else(|| "unreadable file".into()))
            };
            let blob = self.file.slice_with_f64_and_f64(self.at, end).map_err(io)?;
            let buffer = self.reader.read_as_array_buffer(&blob).map_err(io)?;
            let bytes = js_sys::Uint8Array::new(&buffer);
            self.piece.resize(bytes.length() as usize, 0);
            bytes.copy_to(&mut self.piece);
            self.served = 0;
            self.at = end;
            let _ = self.progress.call3(
                &JsValue::NULL,
                &"read".into(),
                &self.at.into(),
                &self.size.into(),
            );
            if self.piece.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.piece.len() - self.served);
        buf[..n].copy_from_slice(&self.piece[self.served..self.served + n]);
        self.served += n;
        Ok(n)
    }
}

/// Reads, validates and analyses a dataset file inside a Web Worker (`src/js/clustercalc-analysis-worker.js`),
/// for towns and counties too big to analyse on the page's thread. `progress(phase, done, total)` is called as
/// it goes: `read` in bytes, then `analyze` in runs (baseline, each scenario, measures). Returns
/// `{ report, dataset, firms }`: the report as JSON, the dataset without its firm list as JSON (the page shows
/// it read-only), and the number of firms. Throws `{ path, reason, message }` as `analyze` does.
#[wasm_bindgen(js_name = analyzeFile)]
pub fn analyze_file(
    file: &web_sys::File,
    lang: &str,
    progress: &js_sys::Function,
) -> Result<JsValue, JsValue> {
    let lang = lang_of(lang);
    let reader = web_sys::FileReaderSync::new()?;
    let mut d = Dataset::from_json_reader(FilePieces {
        file,
        reader,
        at: 0.0,
        size: file.size(),
        piece: Vec::new(),
        served: 0,
        progress,
    })
    .map_err(|e| thrown(&e, lang))?;
    let report = engine::analyze_reporting(&d, &mut |p| {
        let _ = progress.call3(
            &JsValue::NULL,
            &"analyze".into(),
            &(p.done as f64).into(),
            &(p.total as f64).into(),
        );
    });
    let firms = std::mem::take(&mut d.firms).len();
    let report = serde_json::to_string(&report).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"report".into(), &report.into())?;
    js_sys::Reflect::set(&o, &"dataset".into(), &d.to_json_pretty().into())?;
    js_sys::Reflect::set(&o, &"firms".into(), &(firms as f64).into())?;
    Ok(o.into())
}
