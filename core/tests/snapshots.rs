//! Snapshot tests of the full report of every bundled example (issue 3). The committed JSON files under
//! `core/tests/snapshots/` are the expected reports; `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites
//! them after a deliberate change (review the diff before committing). Numbers compare with a relative tolerance
//! of 1e-9, so the same snapshots hold on wasm32 and on other CPUs.

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use clustercalc_core::analyze::analyze;
use clustercalc_core::dataset::Dataset;
use clustercalc_core::examples;
use clustercalc_core::json_compare::first_difference;
use serde_json::Value;
use std::path::PathBuf;

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("snapshots")
        .join(format!("{name}.json"))
}

#[test]
fn reports_of_the_bundled_examples_match_their_snapshots() {
    let update = std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    for name in examples::names() {
        let d = Dataset::from_json(examples::get(name).unwrap()).unwrap();
        let actual = serde_json::to_value(analyze(&d)).unwrap();
        let path = snapshot_path(name);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let mut text = serde_json::to_string_pretty(&actual).unwrap();
            text.push('\n');
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let expected: Value = match std::fs::read_to_string(&path) {
            Ok(t) => serde_json::from_str(&t).unwrap(),
            Err(_) => {
                failures.push(format!("{name}: no snapshot; run with UPDATE_SNAPSHOTS=1"));
                continue;
            }
        };
        if let Some(d) = first_difference("", &expected, &actual, 1e-9) {
            failures.push(format!("{name}: {d}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
