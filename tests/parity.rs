//! Native/wasm parity: the published golden cases and the full reports of the bundled examples, computed by the
//! engine compiled to wasm32 and run in headless Chromium, must match what the native build produced (the
//! expected values in `core/tests/golden/` and the snapshots in `core/tests/snapshots/`, which native tests check).
#![cfg(target_arch = "wasm32")]

use clustercalc_core::{
    analyze::analyze, api, dataset::Dataset, examples, json_compare::first_difference,
};
use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &[(&str, &str)] = &[
    (
        "agglomeration",
        include_str!("../core/tests/golden/agglomeration.json"),
    ),
    ("change", include_str!("../core/tests/golden/change.json")),
    (
        "concentration",
        include_str!("../core/tests/golden/concentration.json"),
    ),
    ("errors", include_str!("../core/tests/golden/errors.json")),
    (
        "judgement",
        include_str!("../core/tests/golden/judgement.json"),
    ),
    (
        "location",
        include_str!("../core/tests/golden/location.json"),
    ),
    (
        "multipliers",
        include_str!("../core/tests/golden/multipliers.json"),
    ),
];

const SNAPSHOTS: &[(&str, &str)] = &[
    (
        "county",
        include_str!("../core/tests/snapshots/county.json"),
    ),
    (
        "datang",
        include_str!("../core/tests/snapshots/datang.json"),
    ),
    (
        "hunan-textile-town",
        include_str!("../core/tests/snapshots/hunan-textile-town.json"),
    ),
    (
        "xiqiao",
        include_str!("../core/tests/snapshots/xiqiao.json"),
    ),
    (
        "tourism-town",
        include_str!("../core/tests/snapshots/tourism-town.json"),
    ),
];

#[wasm_bindgen_test]
fn golden_cases_match_in_wasm() {
    let mut checked = 0;
    for (file, text) in GOLDEN {
        let cases: Vec<Value> = serde_json::from_str(text).expect("golden file parses");
        for case in cases {
            let name = case["name"].as_str().unwrap_or("?");
            let result = api::call(case["method"].as_str().expect("method"), &case["input"]);
            if let Some(path) = case.get("error_path") {
                let err = result.expect_err(name);
                assert_eq!(Some(err.path.as_str()), path.as_str(), "{file}: {name}");
            } else {
                let out = result.unwrap_or_else(|e| panic!("{file}: {name}: {e}"));
                let tol = case["tol"].as_f64().expect("tol");
                for (pointer, want) in case["expect"].as_object().expect("expect") {
                    let got = out
                        .pointer(pointer)
                        .unwrap_or_else(|| panic!("{file}: {name}: no {pointer}"));
                    match (want.as_f64(), got.as_f64()) {
                        (Some(w), Some(g)) => assert!(
                            (w - g).abs() <= tol,
                            "{file}: {name}: {pointer} = {g}, expected {w}"
                        ),
                        _ => assert_eq!(got, want, "{file}: {name}: {pointer}"),
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} golden cases found");
}

#[wasm_bindgen_test]
fn example_reports_match_native_snapshots() {
    assert_eq!(
        examples::names().len(),
        SNAPSHOTS.len(),
        "a bundled example has no snapshot here"
    );
    for (name, snapshot) in SNAPSHOTS {
        let dataset = Dataset::from_json(examples::get(name).expect("bundled example"))
            .expect("valid example");
        let report = serde_json::to_value(analyze(&dataset)).expect("report serialises");
        let expected: Value = serde_json::from_str(snapshot).expect("snapshot parses");
        if let Some(d) = first_difference(name, &expected, &report, 1e-9) {
            panic!("wasm report differs from the native snapshot: {d}");
        }
    }
}
