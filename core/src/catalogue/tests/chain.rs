//! Tests of `chain.rs`.

use super::*;

fn firms(pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[track_caller]
fn close(a: Option<f64>, b: f64) {
    let a = a.expect("value");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn bundled_templates_parse_and_are_sane() {
    let all = templates().expect("bundled templates parse");
    let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
    for want in [
        "hosiery",
        "textile_garment",
        "tourism",
        "agri_food",
        "furniture",
        "lighting",
        "ceramics",
    ] {
        assert!(ids.contains(&want), "missing template {want}");
    }
    for t in all {
        validate_template(t).expect("valid");
        assert!(!t.name.zh.is_empty() && !t.name.en.is_empty(), "{}", t.id);
        assert!(
            t.stages.iter().any(|s| s.kind == StageKind::Final),
            "{} has no final stage",
            t.id
        );
        assert!(
            t.stages.iter().any(|s| s.kind == StageKind::Intermediate),
            "{} has no intermediate stage",
            t.id
        );
        for s in &t.stages {
            assert!(!s.name.zh.is_empty() && !s.name.en.is_empty(), "{}", s.id);
        }
    }
    let rule = default_colocation_rule().expect("rule");
    assert_eq!(rule.source, "assumption");
}

#[test]
fn bad_bundle_is_refused_with_its_path() {
    let err = parse_bundle(r#"{"version":1,"colocation_rule":{"lq_min":2,"completeness_max":0.5,"zhadui_min":0.6,"source":"assumption"},"templates":[{"id":"x","name":{"zh":"a","en":"a"},"stages":[{"id":"a","name":{"zh":"a","en":"a"},"kind":"final","weight":1},{"id":"a","name":{"zh":"b","en":"b"},"kind":"final","weight":1}]}]}"#)
        .expect_err("duplicate stage id");
    assert!(
        err.path.ends_with("templates[0].stages[1].id"),
        "{}",
        err.path
    );
    let err = parse_bundle("{").expect_err("syntax");
    assert!(matches!(err.kind, ErrorKind::Syntax(_)));
}

#[test]
fn tourism_has_the_seven_stages_of_methods() {
    let t = template("tourism").expect("tourism");
    for id in [
        "attractions",
        "lodging",
        "catering",
        "transport",
        "agencies",
        "crafts",
        "events",
    ] {
        assert!(t.stages.iter().any(|s| s.id == id), "{id}");
    }
}

#[test]
fn datang_reference_profile_is_the_seeds_counts() {
    // Seed study ch.2: 550 / 400+ / ~2453 / 312 / 5 / 112 / 305 / 208 / 635 / 103 firms.
    let t = template("hosiery").expect("hosiery");
    let r = t.reference.as_ref().expect("reference");
    let want = [
        ("raw_material", 550.0),
        ("material_dealers", 400.0),
        ("sock_knitting", 2453.0),
        ("toe_sewing", 312.0),
        ("dyeing", 5.0),
        ("setting", 112.0),
        ("packaging", 305.0),
        ("machine_parts", 208.0),
        ("sales_agents", 635.0),
        ("freight", 103.0),
    ];
    assert_eq!(r.firms.len(), want.len());
    for (id, n) in want {
        assert_eq!(r.firms.get(id), Some(&n), "{id}");
    }
}

#[test]
fn datang_is_complete_and_not_flagged() {
    let t = template("hosiery").expect("hosiery");
    let r = t.reference.as_ref().expect("reference");
    let a = assess(
        t,
        &r.firms,
        &AssessOptions {
            lq: Some(8.0),
            ..Default::default()
        },
    )
    .expect("valid");
    close(a.completeness.value, 1.0);
    close(a.weighted_completeness.value, 1.0);
    assert!(a.missing_stages.is_empty());
    // 2453 of 5083 firms knit socks.
    close(a.zhadui_index.value, 2453.0 / 5083.0);
    assert_eq!(a.largest_stage.as_deref(), Some("sock_knitting"));
    assert!(a.zhadui_index.assumption);
    // Final: knitting + sales agents; intermediate: the seven supplying stages; service: freight.
    assert_eq!(a.final_firms, 3088.0);
    assert_eq!(a.intermediate_firms, 1892.0);
    assert_eq!(a.service_firms, 103.0);
    close(a.final_intermediate_ratio.value, 3088.0 / 1892.0);
    close(a.intermediate_share.value, 1892.0 / 5083.0);
    assert_eq!(a.colocation.flagged, Some(false));
    let share = a.stages.iter().find(|s| s.id == "dyeing").expect("dyeing");
    close(share.reference_share, 5.0 / 5083.0);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

/// Every stage of the template surveyed: the given counts, 0 for the rest.
fn surveyed(t: &ChainTemplate, pairs: &[(&str, f64)]) -> BTreeMap<String, f64> {
    let mut f: BTreeMap<String, f64> = t.stages.iter().map(|s| (s.id.clone(), 0.0)).collect();
    f.extend(firms(pairs));
    f
}

#[test]
fn crowded_town_is_flagged_co_located_not_linked() {
    // 120 sock knitters, 5 dealers, every other stage surveyed and empty: LQ 3.
    let t = template("hosiery").expect("hosiery");
    let f = surveyed(t, &[("sock_knitting", 120.0), ("material_dealers", 5.0)]);
    let a = assess(
        t,
        &f,
        &AssessOptions {
            lq: Some(3.0),
            ..Default::default()
        },
    )
    .expect("valid");
    close(a.coverage.value, 1.0);
    close(a.completeness.value, 0.2);
    // Weights: knitting 2 + dealers 1 of 11.
    close(a.weighted_completeness.value, 3.0 / 11.0);
    close(a.zhadui_index.value, 120.0 / 125.0);
    assert_eq!(a.colocation.flagged, Some(true));
    assert_eq!(a.missing_stages.len(), 8);
    assert_eq!(
        a.missing_stages.first().map(String::as_str),
        Some("raw_material")
    );
    assert!(a.unsurveyed_stages.is_empty());
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    let m = a.metrics();
    assert_eq!(m.get(Metric::ChainColocatedNotLinked), Some(1.0));
    assert_eq!(m.get(Metric::ChainMissingStageCount), Some(8.0));
    assert_eq!(m.get(Metric::ChainCoverage), Some(1.0));
}

#[test]
fn unsurveyed_stages_are_neither_present_nor_missing() {
    // The same firms, but only three stages surveyed (Xiqiao-like): completeness over what was surveyed,
    // and no 集而不群 verdict on 30 % coverage.
    let t = template("hosiery").expect("hosiery");
    let f = firms(&[
        ("sock_knitting", 120.0),
        ("material_dealers", 5.0),
        ("dyeing", 0.0),
    ]);
    let a = assess(
        t,
        &f,
        &AssessOptions {
            lq: Some(3.0),
            ..Default::default()
        },
    )
    .expect("valid");
    close(a.coverage.value, 0.3);
    close(a.completeness.value, 2.0 / 3.0);
    assert_eq!(a.missing_stages, ["dyeing"]);
    assert_eq!(a.unsurveyed_stages.len(), 7);
    assert_eq!(a.colocation.flagged, None);
    assert!(a
        .warnings
        .iter()
        .any(|w| matches!(w, ChainWarning::CoverageTooLow { .. })));
    let dyeing = a.stages.iter().find(|s| s.id == "dyeing").expect("dyeing");
    assert_eq!(dyeing.status, StageStatus::Absent);
    let raw = a
        .stages
        .iter()
        .find(|s| s.id == "raw_material")
        .expect("raw");
    assert_eq!(raw.status, StageStatus::NotSurveyed);
    assert!(!a.metrics().contains(Metric::ChainColocatedNotLinked));
}

#[test]
fn three_firms_make_no_verdict_on_a_chain() {
    let t = template("hosiery").expect("hosiery");
    let f = surveyed(t, &[("sock_knitting", 3.0)]);
    let a = assess(
        t,
        &f,
        &AssessOptions {
            lq: Some(3.0),
            ..Default::default()
        },
    )
    .expect("valid");
    close(a.coverage.value, 1.0);
    assert_eq!(a.colocation.flagged, None);
}

#[test]
fn no_intermediate_firms_gives_no_ratio_but_a_share() {
    let t = template("hosiery").expect("hosiery");
    let a = assess(
        t,
        &firms(&[("sock_knitting", 10.0)]),
        &AssessOptions::default(),
    )
    .expect("valid");
    assert_eq!(a.final_intermediate_ratio.value, None);
    close(a.intermediate_share.value, 0.0);
    assert_eq!(a.colocation.flagged, None);
    assert!(a.warnings.contains(&ChainWarning::NoLq));
    assert!(!a.metrics().contains(Metric::ChainFinalIntermediateRatio));
}

#[test]
fn no_firms_leaves_shares_undefined() {
    let t = template("ceramics").expect("ceramics");
    let a = assess(t, &BTreeMap::new(), &AssessOptions::default()).expect("valid");
    // Nothing surveyed: completeness is unknown, not 0.
    assert_eq!(a.completeness.value, None);
    close(a.coverage.value, 0.0);
    assert_eq!(a.zhadui_index.value, None);
    assert_eq!(a.largest_stage, None);
    assert!(a.warnings.contains(&ChainWarning::NoFirms));
}

#[test]
fn weight_overrides_change_weighted_completeness_only() {
    let t = template("hosiery").expect("hosiery");
    let f = surveyed(t, &[("sock_knitting", 10.0), ("dyeing", 1.0)]);
    let mut weights = BTreeMap::new();
    weights.insert("dyeing".to_string(), 9.0);
    let a = assess(
        t,
        &f,
        &AssessOptions {
            weights,
            ..Default::default()
        },
    )
    .expect("valid");
    close(a.completeness.value, 0.2);
    // (2 + 9) / (11 - 1 + 9)
    close(a.weighted_completeness.value, 11.0 / 19.0);
}

#[test]
fn invalid_input_is_refused_with_its_path() {
    let t = template("hosiery").expect("hosiery");
    let cases: [(BTreeMap<String, f64>, AssessOptions, &str); 4] = [
        (
            firms(&[("socks", 1.0)]),
            AssessOptions::default(),
            "firms_by_stage.socks",
        ),
        (
            firms(&[("dyeing", -1.0)]),
            AssessOptions::default(),
            "firms_by_stage.dyeing",
        ),
        (
            firms(&[("dyeing", f64::NAN)]),
            AssessOptions::default(),
            "firms_by_stage.dyeing",
        ),
        (
            BTreeMap::new(),
            AssessOptions {
                lq: Some(f64::INFINITY),
                ..Default::default()
            },
            "lq",
        ),
    ];
    for (f, o, path) in cases {
        let err = assess(t, &f, &o).expect_err("invalid");
        assert_eq!(err.path, path);
    }
    let zero: BTreeMap<String, f64> = t.stages.iter().map(|s| (s.id.clone(), 0.0)).collect();
    let err = assess(
        t,
        &BTreeMap::new(),
        &AssessOptions {
            weights: zero,
            ..Default::default()
        },
    )
    .expect_err("all weights zero");
    assert_eq!(err.kind, ErrorKind::ZeroTotal);
}

#[test]
fn user_templates_are_validated() {
    let ok = r#"{"id":"tea","name":{"zh":"茶","en":"Tea"},"stages":[
        {"id":"garden","name":{"zh":"茶园","en":"Tea gardens"},"kind":"intermediate","weight":1,"codes":["0164"]},
        {"id":"processing","name":{"zh":"精制","en":"Processing"},"kind":"final","weight":2,"codes":["1530"]}]}"#;
    let t = parse_template(ok).expect("valid");
    assert_eq!(t.stages.len(), 2);

    let cases = [
        (
            r#"{"id":"x","name":{"zh":"x","en":"x"},"stages":[{"id":"a","name":{"zh":"a","en":"a"},"kind":"final","weight":1}]}"#,
            "stages",
        ),
        (
            r#"{"id":"x","name":{"zh":"x","en":"x"},"stages":[{"id":"a","name":{"zh":"a","en":"a"},"kind":"final","weight":1},{"id":"b","name":{"zh":"b","en":"b"},"kind":"final","weight":-1}]}"#,
            "stages[1].weight",
        ),
        (
            r#"{"id":"x","name":{"zh":"x","en":"x"},"stages":[{"id":"a","name":{"zh":"a","en":"a"},"kind":"final","weight":1,"codes":["153"]},{"id":"b","name":{"zh":"b","en":"b"},"kind":"final","weight":1}]}"#,
            "stages[0].codes[0]",
        ),
        (
            r#"{"id":"x","name":{"zh":"x","en":"x"},"stages":[{"id":"a","name":{"zh":"a","en":"a"},"kind":"middle","weight":1},{"id":"b","name":{"zh":"b","en":"b"},"kind":"final","weight":1}]}"#,
            "stages[0].kind",
        ),
        (
            r#"{"id":"x","name":{"zh":"x","en":"x"},"stages":[{"id":"a","name":{"zh":"a","en":"a"},"kind":"final","weight":0},{"id":"b","name":{"zh":"b","en":"b"},"kind":"final","weight":0}]}"#,
            "stages",
        ),
    ];
    for (json, path) in cases {
        let err = parse_template(json).expect_err(json);
        assert_eq!(err.path, path, "{json}");
    }
}

#[test]
fn unknown_template_lists_the_known_ones() {
    let err = template("widgets").expect_err("unknown");
    assert!(matches!(&err.kind, ErrorKind::UnknownName { expected, .. } if expected.len() >= 7));
}
