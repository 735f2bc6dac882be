//! Scenario tests of the measure engine through the public API: chain assessment → metrics → suggestions.

use clustercalc_core::chain::{self, AssessOptions};
use clustercalc_core::measures::{self, EvidenceRole, Metric, Metrics, Op, SuggestedMeasure};
use std::collections::BTreeMap;

fn metric(name: &str) -> Metric {
    Metric::from_name(name).expect("a known metric")
}

fn find<'a>(out: &'a [SuggestedMeasure], id: &str) -> Option<&'a SuggestedMeasure> {
    out.iter().find(|s| s.id == id)
}

#[track_caller]
fn trigger(s: &SuggestedMeasure, metric: &str) -> (Option<f64>, Op, f64) {
    let e = s
        .evidence
        .iter()
        .find(|e| e.metric.name() == metric && e.role == EvidenceRole::Trigger)
        .unwrap_or_else(|| panic!("{} has no trigger on {metric}: {:?}", s.id, s.evidence));
    (e.value, e.op, e.threshold)
}

#[test]
fn empty_metrics_suggest_only_the_baseline_survey() {
    let out = measures::evaluate(&Metrics::new());
    let ids: Vec<&str> = out.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["plan.baseline_survey"]);
    let s = &out[0];
    assert_eq!(s.evidence.len(), 3);
    assert!(s
        .evidence
        .iter()
        .all(|e| e.op == Op::Missing && e.value.is_none()));
    // Three missing rules of weight 0.6 at the floor 0.25: 1 − (1 − 0.15)³.
    assert!((s.priority - (1.0 - 0.85f64.powi(3))).abs() < 1e-12);
}

/// A town of 120 sock knitters and 5 yarn dealers with LQ 3 and no leading firm, every other stage surveyed
/// and found empty: the seed's "扎堆" (ch.5 (三)).
fn crowded_town() -> Metrics {
    let t = chain::template("hosiery").expect("hosiery");
    let mut firms: BTreeMap<String, f64> = t.stages.iter().map(|s| (s.id.clone(), 0.0)).collect();
    firms.insert("sock_knitting".into(), 120.0);
    firms.insert("material_dealers".into(), 5.0);
    let a = chain::assess(
        t,
        &firms,
        &AssessOptions {
            lq: Some(3.0),
            ..Default::default()
        },
    )
    .expect("valid");
    let mut m = Metrics::new();
    m.extend(a.metrics());
    m.set(metric("lq.cluster_employment"), 3.0)
        .set(metric("firms.count"), 125.0)
        .set(metric("firms.leading_count"), 0.0)
        .set(metric("output.cluster_yi"), 6.0);
    m
}

#[test]
fn crowded_town_gets_chain_and_leading_firm_measures_with_evidence() {
    let out = measures::evaluate(&crowded_town());

    let s = find(&out, "found.extend_chain").expect("extend chain");
    let (v, op, t) = trigger(s, "chain.completeness");
    assert_eq!((v, op, t), (Some(0.2), Op::Lt, 0.6));

    let s = find(&out, "found.link_colocated_firms").expect("co-located");
    assert_eq!(trigger(s, "chain.colocated_not_linked").0, Some(1.0));
    let (v, _, _) = trigger(s, "chain.zhadui_index");
    assert!((v.expect("zhadui") - 120.0 / 125.0).abs() < 1e-12);
    assert!(s
        .evidence
        .iter()
        .any(|e| e.role == EvidenceRole::Condition && e.metric == Metric::LqClusterEmployment));

    let s = find(&out, "plan.division_network").expect("division of labour");
    let (v, op, t) = trigger(s, "chain.intermediate_share");
    assert_eq!((op, t), (Op::Lt, 0.2));
    assert!((v.expect("share") - 5.0 / 125.0).abs() < 1e-12);

    let s = find(&out, "lead.cultivate_leaders").expect("leading firms");
    assert_eq!(trigger(s, "firms.leading_count"), (Some(0.0), Op::Lt, 1.0));
    assert_eq!(trigger(s, "output.cluster_yi"), (Some(6.0), Op::Lt, 40.0));

    // The chain and leading-firm measures lead the list; the survey is not suggested (the data are there).
    let top: Vec<&str> = out.iter().take(4).map(|s| s.id.as_str()).collect();
    for id in [
        "found.extend_chain",
        "found.link_colocated_firms",
        "lead.cultivate_leaders",
    ] {
        assert!(top.contains(&id), "{id} not in top 4: {top:?}");
    }
    assert!(find(&out, "plan.baseline_survey").is_none());
    // Nothing about support, environment or brands fires: no data, no evidence, no suggestion.
    assert!(out
        .iter()
        .all(|s| !s.id.starts_with("env.") && !s.id.starts_with("serv.")));
    // Ranked by priority, ties by id.
    for w in out.windows(2) {
        assert!(
            w[0].priority > w[1].priority || (w[0].priority == w[1].priority && w[0].id < w[1].id)
        );
    }
}

/// Datang-like: the seed's full hosiery chain, strong support system and outward sales.
fn strong_town() -> Metrics {
    let t = chain::template("hosiery").expect("hosiery");
    let reference = t.reference.as_ref().expect("Datang profile");
    let a = chain::assess(
        t,
        &reference.firms,
        &AssessOptions {
            lq: Some(8.0),
            ..Default::default()
        },
    )
    .expect("valid");
    let mut m = Metrics::new();
    m.extend(a.metrics());
    let values = [
        ("lq.cluster_employment", 8.0),
        ("lq.change", 0.3),
        ("firms.count", 5083.0),
        ("firms.leading_count", 6.0),
        ("firms.above_scale_count", 120.0),
        ("output.cluster_yi", 300.0),
        ("concentration.cr4", 0.12),
        ("planning.cluster_plan", 1.0),
        ("support.association", 1.0),
        ("support.rd_centre", 1.0),
        ("support.finance", 1.0),
        ("support.intermediaries", 1.0),
        ("support.logistics", 1.0),
        ("support.market", 1.0),
        ("support.training", 1.0),
        ("support.design_service", 1.0),
        ("support.quality_testing", 1.0),
        ("support.industrial_park", 1.0),
        ("support.public_service_platform", 1.0),
        ("formation.support", 85.0),
        ("judgment.trust", 4.0),
        ("judgment.market_institutions", 4.0),
        ("judgment.government_service", 4.0),
        ("judgment.infrastructure", 4.0),
        ("innovation.rd_intensity", 0.015),
        ("innovation.valid_patents_per_100_firms", 15.0),
        ("innovation.zjtx_count", 25.0),
        ("green.treatment_coverage", 0.95),
        ("green.emission_to_output_ratio", 1.1),
        ("green.energy_to_output_ratio", 1.0),
        ("digital.adoption_share", 0.4),
        ("embed.local_sourcing_share", 0.75),
        ("embed.outside_sales_share", 0.9),
        ("brand.regional_brand", 1.0),
        ("brand.famous_brands", 4.0),
        ("labour.absorption_ratio", 0.9),
        ("labour.productivity_wan", 24.0),
        ("land.tax_per_mu_wan", 14.0),
        ("growth.output_cagr", 0.07),
        ("growth.firms_cagr", 0.02),
    ];
    for (k, v) in values {
        m.set(metric(k), v);
    }
    m
}

#[test]
fn strong_town_fires_few() {
    let out = measures::evaluate(&strong_town());
    let ids: Vec<&str> = out.iter().map(|s| s.id.as_str()).collect();
    assert!(
        out.len() <= 2,
        "a Datang-like town should need few measures: {ids:?}"
    );
}

#[test]
fn one_weakness_in_a_strong_town_fires_its_measure_only() {
    // Xiqiao in the mid-1990s: strong otherwise, but output falling and no design service (seed ch.4), in a
    // chain that has a design stage.
    let mut m = strong_town();
    m.set(metric("growth.output_cagr"), -0.15)
        .set(metric("support.design_service"), 0.0)
        .set(metric("chain.design_stage"), 1.0);
    let out = measures::evaluate(&m);
    let s = find(&out, "innov.design_service_company").expect("Xiqiao's lesson");
    assert_eq!(
        trigger(s, "support.design_service"),
        (Some(0.0), Op::Eq, 0.0)
    );
    assert_eq!(trigger(s, "growth.output_cagr").0, Some(-0.15));
    // Both triggers at full severity: 1 − (1 − 0.8)(1 − 0.7).
    assert!((s.priority - 0.94).abs() < 1e-12, "{}", s.priority);
    assert_eq!(
        out.first().map(|s| s.id.as_str()),
        Some("innov.design_service_company")
    );
}

#[test]
fn every_rule_metric_is_a_documented_metric() {
    let names: Vec<&str> = measures::METRICS.iter().map(|m| m.name).collect();
    for m in measures::catalogue().expect("catalogue") {
        for r in &m.rules {
            assert!(names.contains(&r.metric.name()), "{}: {}", m.id, r.metric);
        }
    }
    // And every chain metric the assessment emits is documented.
    let t = chain::template("hosiery").expect("hosiery");
    let r = t.reference.as_ref().expect("profile");
    let a = chain::assess(
        t,
        &r.firms,
        &AssessOptions {
            lq: Some(2.0),
            ..Default::default()
        },
    )
    .expect("valid");
    for (k, _) in a.metrics().iter() {
        assert!(names.contains(&k.name()), "{k}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn chain_numbers_stay_in_range(
            counts in proptest::collection::vec(proptest::option::of(0.0f64..10_000.0), 10),
            lq in proptest::option::of(0.0f64..20.0),
        ) {
            let t = chain::template("hosiery").expect("hosiery");
            let firms: BTreeMap<String, f64> = t
                .stages
                .iter()
                .zip(counts)
                .filter_map(|(s, n)| n.map(|n| (s.id.clone(), n)))
                .collect();
            let a = chain::assess(t, &firms, &AssessOptions { lq, ..Default::default() })
                .expect("valid input");
            let unit = |v: Option<f64>| v.is_none_or(|v| (0.0..=1.0).contains(&v));
            prop_assert!(unit(a.completeness.value));
            prop_assert!(unit(a.weighted_completeness.value));
            prop_assert!(unit(a.zhadui_index.value));
            prop_assert!(unit(a.intermediate_share.value));
            prop_assert!(a.final_intermediate_ratio.value.is_none_or(|r| r >= 0.0));
            prop_assert_eq!(a.stages.len(), 10);
        }

        #[test]
        fn suggestions_always_have_evidence_and_unit_priority(
            values in proptest::collection::vec(proptest::option::of(-1e6f64..1e6), measures::METRICS.len()),
        ) {
            let m: Metrics = measures::METRICS
                .iter()
                .zip(values)
                .filter_map(|(info, v)| v.map(|v| (info.metric, v)))
                .collect();
            let out = measures::evaluate(&m);
            for s in &out {
                prop_assert!(!s.evidence.is_empty());
                prop_assert!((0.0..=1.0).contains(&s.priority));
            }
            for w in out.windows(2) {
                prop_assert!(w[0].priority > w[1].priority
                    || (w[0].priority == w[1].priority && w[0].id < w[1].id));
            }
        }
    }
}
