//! Integration tests of the whole analysis on the bundled examples and on edge cases (issue 3).

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use clustercalc_core::analyze::{analyze, Section};
use clustercalc_core::dataset::Dataset;
use clustercalc_core::examples;
use clustercalc_core::lifecycle::Stage;

fn example(name: &str) -> Dataset {
    Dataset::from_json(examples::get(name).unwrap()).unwrap()
}

#[test]
fn every_example_analyzes_without_non_finite_numbers() {
    for name in examples::names() {
        let r = analyze(&example(name));
        let text = serde_json::to_string(&r).unwrap();
        // serde_json writes NaN and infinity as null; a report must hold neither, so no metric may vanish that way.
        for c in &r.clusters {
            for (k, v) in &c.metrics {
                assert!(v.is_finite(), "{name}: {k} = {v}");
            }
        }
        assert!(text.contains("\"format\":\"clustercalc-report\""), "{name}");
    }
}

#[test]
fn xiqiao_1988_1994_is_decline() {
    let r = analyze(&example("xiqiao"));
    let lc = &r.clusters[0].lifecycle;
    let p = lc
        .periods
        .iter()
        .find(|p| p.from == 1988 && p.to == 1994)
        .expect("period 1988–1994");
    assert_eq!(p.decision.as_ref().unwrap().stage, Stage::Decline);
}

#[test]
fn datang_chain_is_complete_and_lq_high() {
    let r = analyze(&example("datang"));
    let c = &r.clusters[0];
    let chain = c.chain.computed().expect("chain computed");
    assert_eq!(chain.completeness.value, Some(1.0));
    let lq = c.lq.computed().unwrap().employment.unwrap();
    assert!(lq > 2.0, "{lq}");
}

#[test]
fn minimal_dataset_reports_reasons() {
    let d =
        Dataset::from_json(r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x"}}"#)
            .unwrap();
    let r = analyze(&d);
    assert!(matches!(r.specialisation, Section::NotComputed { .. }));
    assert!(matches!(r.keynes, Section::NotComputed { .. }));
    assert!(r.clusters.is_empty());
}

#[test]
fn dump_reports_for_review() {
    if std::env::var("DUMP_REPORTS").is_err() {
        return;
    }
    for name in examples::names() {
        let r = analyze(&example(name));
        std::fs::write(
            format!("/tmp/rep/{name}.json"),
            serde_json::to_string_pretty(&r).unwrap(),
        )
        .unwrap();
    }
}
