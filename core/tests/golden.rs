//! Published worked examples and error cases, run through the JSON method API (`api::call`).
//!
//! Format of `core/tests/golden/*.json` (kept simple so the same files run in wasm32 in headless Chromium):
//! each file is a JSON array of cases.
//! - A value case: `{"name", "source", "method", "input", "expect", "tol"}`. `expect` maps a JSON Pointer
//!   (RFC 6901, e.g. `/weights/0`, `/by_industry/i/eg/gamma`) into the output to the expected value. Numbers must
//!   match within the absolute tolerance `tol`; strings and booleans must be equal.
//! - An error case: `{"name", "method", "input", "error_path"}`. The call must fail and the error's path (the JSON
//!   path of the bad field, e.g. `x[1]`, `local.C17`, `matrix[1][0]`; empty for the document root) must equal
//!   `error_path`.
//!
//! `source` names the publication the numbers come from; "Constructed" marks a hand-computed case.

use clustercalc_core::api;
use serde_json::Value;
use std::path::Path;

#[track_caller]
fn check_case(file: &str, case: &Value) {
    let name = case["name"].as_str().unwrap_or("?");
    let method = case["method"].as_str().expect("method");
    let result = api::call(method, &case["input"]);
    if let Some(path) = case.get("error_path") {
        let err = result.expect_err(&format!("{file}: {name}: expected an error"));
        assert_eq!(
            Some(err.path.as_str()),
            path.as_str(),
            "{file}: {name}: {err}"
        );
        return;
    }
    assert!(
        case["source"].as_str().is_some_and(|s| !s.is_empty()),
        "{file}: {name}: every published case names its source"
    );
    let out = result.unwrap_or_else(|e| panic!("{file}: {name}: {e}"));
    let tol = case["tol"].as_f64().expect("tol");
    let expect = case["expect"].as_object().expect("expect");
    assert!(!expect.is_empty(), "{file}: {name}: nothing expected");
    for (pointer, want) in expect {
        let got = out
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{file}: {name}: no {pointer} in {out}"));
        match (want.as_f64(), got.as_f64()) {
            (Some(w), Some(g)) => assert!(
                (w - g).abs() <= tol,
                "{file}: {name}: {pointer} = {g}, expected {w} ± {tol}"
            ),
            _ => assert_eq!(got, want, "{file}: {name}: {pointer}"),
        }
    }
}

#[test]
fn golden_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut count = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read");
        let cases: Vec<Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        for case in &cases {
            check_case(file, case);
            count += 1;
        }
    }
    assert!(count >= 40, "only {count} golden cases found");
}

#[test]
fn every_method_has_a_published_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut seen = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).expect("tests/golden") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let cases: Vec<Value> = serde_json::from_str(&text).expect("json");
        for c in cases.iter().filter(|c| c.get("expect").is_some()) {
            seen.insert(c["method"].as_str().unwrap_or("").to_string());
        }
    }
    for m in api::METHODS {
        assert!(seen.contains(*m), "no golden value case for {m}");
    }
}
