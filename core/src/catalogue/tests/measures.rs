//! Tests of `measures.rs`.

use super::*;

/// Raw entries, as a deserialised map could hold them (NaN included).
fn metrics(pairs: &[(&str, f64)]) -> Metrics {
    Metrics(
        pairs
            .iter()
            .map(|(k, v)| (Metric::from_name(k).expect("known metric"), *v))
            .collect(),
    )
}

fn rule(op: Op, threshold: f64, weight: f64) -> Rule {
    Rule {
        metric: Metric::ChainCompleteness,
        op,
        threshold,
        threshold_source: "assumption".into(),
        weight,
        scale: None,
        when: Vec::new(),
    }
}

#[track_caller]
fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-12, "{a} != {b}");
}

#[test]
fn bundled_catalogue_parses_and_is_sane() {
    let c = catalogue().expect("bundled measures parse and validate");
    assert!((20..=35).contains(&c.len()), "{} measures", c.len());
    // Every chapter-6 group and the MIIT areas are represented.
    let groups: BTreeSet<Group> = c.iter().map(|m| m.group).collect();
    assert_eq!(groups.len(), 7);
    // The examples' lessons are present.
    for id in [
        "innov.design_service_company",
        "plan.specialised_markets",
        "serv.public_service_platform",
        "brand.regional_brand",
        "found.industrial_park",
        "miit.digital_upgrading",
        "miit.green_transformation",
    ] {
        assert!(c.iter().any(|m| m.id == id), "{id}");
    }
    for m in c {
        assert!(m.seed_ref.starts_with("ch."), "{}: {}", m.id, m.seed_ref);
        // Descriptions are two or three sentences of concrete action in each language.
        let zh = m.description.zh.matches('。').count();
        assert!((2..=3).contains(&zh), "{}: {zh} zh sentences", m.id);
        let en = m.description.en.matches(". ").count() + 1;
        assert!((2..=3).contains(&en), "{}: {en} en sentences", m.id);
    }
    // Only the survey measure reads missing data (module documentation).
    let missing: Vec<&str> = c
        .iter()
        .filter(|m| m.rules.iter().any(|r| r.op == Op::Missing))
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(missing, ["plan.baseline_survey"]);
}

#[test]
fn metric_names_are_unique_and_described() {
    let mut seen = BTreeSet::new();
    for m in METRICS {
        assert!(seen.insert(m.name), "duplicate {}", m.name);
        assert!(!m.zh.is_empty() && !m.en.is_empty());
        assert!(m.name.contains('.'), "{}", m.name);
    }
}

#[test]
fn a_bad_catalogue_is_refused_with_its_path() {
    let good = r#"{"id":"a","group":"planning","title":{"zh":"甲","en":"A"},"description":{"zh":"一。二。","en":"One. Two."},"seed_ref":"ch.6 一","rules":[RULE]}"#;
    let wrap = |rule: &str| {
        format!(
            r#"{{"version":1,"measures":[{}]}}"#,
            good.replace("RULE", rule)
        )
    };
    let cases = [
        (
            r#"{"metric":"chain.completenes","op":"lt","threshold":0.5,"threshold_source":"assumption","weight":1}"#,
            "measures[0].rules[0].metric",
        ),
        (
            r#"{"metric":"chain.completeness","op":"lt","threshold":0.5,"threshold_source":"assumption","weight":1.5}"#,
            "measures[0].rules[0].weight",
        ),
        (
            r#"{"metric":"chain.completeness","op":"lt","threshold":0.5,"threshold_source":"","weight":1}"#,
            "measures[0].rules[0].threshold_source",
        ),
        (
            r#"{"metric":"chain.completeness","op":"lt","threshold":0.5,"threshold_source":"a","weight":1,"scale":0}"#,
            "measures[0].rules[0].scale",
        ),
        (
            r#"{"metric":"chain.completeness","op":"below","threshold":0.5,"threshold_source":"a","weight":1}"#,
            "measures[0].rules[0].op",
        ),
    ];
    for (r, path) in cases {
        let err = parse_catalogue(&wrap(r)).expect_err(path);
        assert_eq!(err.path, path, "{r}");
    }
    let ok = wrap(
        r#"{"metric":"chain.completeness","op":"lt","threshold":0.5,"threshold_source":"a","weight":1}"#,
    );
    assert_eq!(parse_catalogue(&ok).expect("valid").len(), 1);
    let no_rules = format!(
        r#"{{"version":1,"measures":[{}]}}"#,
        good.replace("RULE", "")
    );
    assert_eq!(
        parse_catalogue(&no_rules).expect_err("no rules").path,
        "measures[0].rules"
    );
}

#[test]
fn operators_fire_as_documented() {
    let cases: [(Op, Option<f64>, f64, bool); 12] = [
        (Op::Lt, Some(0.4), 0.5, true),
        (Op::Lt, Some(0.5), 0.5, false),
        (Op::Le, Some(0.5), 0.5, true),
        (Op::Gt, Some(0.6), 0.5, true),
        (Op::Gt, Some(0.5), 0.5, false),
        (Op::Ge, Some(0.5), 0.5, true),
        (Op::Eq, Some(0.0), 0.0, true),
        (Op::Eq, Some(1.0), 0.0, false),
        (Op::Lt, None, 0.5, false),
        (Op::Eq, None, 0.0, false),
        (Op::Missing, None, 0.0, true),
        (Op::Missing, Some(1.0), 0.0, false),
    ];
    for (op, v, t, want) in cases {
        assert_eq!(op.holds(v, t), want, "{op:?} {v:?} {t}");
    }
}

#[test]
fn priority_grows_with_the_gap() {
    // lt 0.6, weight 1: value 0.6 − ε barely fires (floor), 0.3 is half the threshold short, 0 is all of it.
    close(rule_priority(&rule(Op::Lt, 0.6, 1.0), Some(0.6), 1.0), 0.25);
    close(
        rule_priority(&rule(Op::Lt, 0.6, 1.0), Some(0.3), 1.0),
        0.25 + 0.75 * 0.5,
    );
    close(rule_priority(&rule(Op::Lt, 0.6, 1.0), Some(0.0), 1.0), 1.0);
    // gt 0.6: 0.9 is 0.3/0.6 = half over.
    close(
        rule_priority(&rule(Op::Gt, 0.6, 0.8), Some(0.9), 1.0),
        0.8 * (0.25 + 0.75 * 0.5),
    );
    // Far past the threshold is capped at the weight.
    close(rule_priority(&rule(Op::Gt, 1.2, 0.8), Some(9.0), 1.0), 0.8);
    // eq is a full gap, missing is the floor.
    close(rule_priority(&rule(Op::Eq, 0.0, 0.9), Some(0.0), 1.0), 0.9);
    close(rule_priority(&rule(Op::Missing, 0.0, 0.6), None, 1.0), 0.15);
    // A zero threshold without a scale: any step past it is a full gap; with a scale it is proportional.
    close(
        rule_priority(&rule(Op::Lt, 0.0, 1.0), Some(-0.01), 1.0),
        1.0,
    );
    let mut scaled = rule(Op::Lt, 0.0, 1.0);
    scaled.scale = Some(0.1);
    close(rule_priority(&scaled, Some(-0.05), 1.0), 0.25 + 0.75 * 0.5);
}

#[test]
fn a_composite_built_on_little_data_ranks_lower_and_says_so() {
    // 建设产业公共服务平台 on a support score from one of eight indicators: the same gap, an eighth of the
    // weight, and the evidence carries the confidence.
    let c = catalogue().expect("bundled");
    let m = metrics(&[("formation.support", 10.0)]);
    let full = evaluate_with(c, &m);
    let mut conf = Confidence::new();
    conf.insert(Metric::FormationSupport, 0.125);
    let thin = evaluate_with_confidence(c, &m, &conf);
    let find = |v: &[SuggestedMeasure]| {
        v.iter()
            .find(|s| s.id == "serv.public_service_platform")
            .cloned()
            .expect("fires")
    };
    let (a, b) = (find(&full), find(&thin));
    close(b.priority, a.priority * 0.125);
    assert_eq!(b.confidence, 0.125);
    assert_eq!(b.evidence[0].confidence, Some(0.125));
    assert_eq!(a.confidence, 1.0);
}

#[test]
fn unknown_metrics_are_listed_as_data_to_collect_not_fired() {
    let c = catalogue().expect("bundled");
    let m = metrics(&[("lq.cluster_employment", 3.0)]);
    let fired = evaluate_with(c, &m);
    assert!(fired.iter().all(|s| s.id != "serv.association"));
    let need = data_needed(c, &m, &fired);
    let assoc = need
        .iter()
        .find(|n| n.metric == Metric::SupportAssociation)
        .expect("association listed");
    assert_eq!(assoc.measures, ["serv.association"]);
    // A metric that is known is never listed.
    assert!(need.iter().all(|n| n.metric != Metric::LqClusterEmployment));
}

#[test]
fn measure_priority_combines_rules_and_ranks_by_id_on_ties() {
    let mk = |id: &str, rules: Vec<Rule>| Measure {
        id: id.into(),
        group: Group::Foundations,
        title: Text::new("t", "t"),
        description: Text::new("d", "d"),
        seed_ref: "ch.6 二".into(),
        sources: Vec::new(),
        applies_to: Vec::new(),
        rules,
    };
    let cat = vec![
        mk("b", vec![rule(Op::Lt, 0.6, 0.5)]),
        mk("a", vec![rule(Op::Lt, 0.6, 0.5)]),
        mk("c", vec![rule(Op::Lt, 0.6, 0.5), rule(Op::Le, 0.6, 0.5)]),
        mk("z", vec![rule(Op::Gt, 0.6, 1.0)]),
    ];
    let out = evaluate_with(&cat, &metrics(&[("chain.completeness", 0.0)]));
    let ids: Vec<&str> = out.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["c", "a", "b"],
        "z does not fire; a and b tie and sort by id"
    );
    close(out[0].priority, 1.0 - 0.5 * 0.5);
    close(out[1].priority, 0.5);
    assert_eq!(out[0].evidence.len(), 2);
}

#[test]
fn conditions_gate_a_rule_and_are_reported() {
    let c = catalogue().expect("catalogue");
    // 扎堆 0.9 without LQ: the 扎堆 rule of found.link_colocated_firms needs LQ > 1.
    let out = evaluate_with(c, &metrics(&[("chain.zhadui_index", 0.9)]));
    assert!(!out.iter().any(|s| s.id == "found.link_colocated_firms"));
    let out = evaluate_with(
        c,
        &metrics(&[
            ("chain.zhadui_index", 0.9),
            ("lq.cluster_employment", 2.5),
            ("chain.coverage", 1.0),
        ]),
    );
    let s = out
        .iter()
        .find(|s| s.id == "found.link_colocated_firms")
        .expect("fires with LQ");
    assert_eq!(s.evidence.len(), 3);
    assert_eq!(s.evidence[0].role, EvidenceRole::Trigger);
    assert_eq!(s.evidence[1].role, EvidenceRole::Condition);
    assert_eq!(s.evidence[1].value, Some(2.5));
}

#[test]
fn non_finite_values_are_absent_and_refused_by_validate() {
    let x = metrics(&[("chain.completeness", f64::NAN)]);
    assert_eq!(x.get(Metric::ChainCompleteness), None);
    assert_eq!(
        x.validate().expect_err("nan").path,
        "metrics.chain.completeness"
    );
    let y = metrics(&[("growth.output_cagr", -0.2), ("lq.change", -0.5)]);
    validate_metric_ranges(&y).expect("signed metrics may be negative");
    let z = metrics(&[("chain.completeness", -0.1)]);
    assert!(validate_metric_ranges(&z).is_err());
    assert_eq!(Metric::from_name("chain.completness"), None);
}

#[test]
fn group_names_exist_in_both_languages() {
    for g in [
        Group::Planning,
        Group::Foundations,
        Group::LeadersBrandsInnovation,
        Group::ServicesCulture,
        Group::Environment,
        Group::Balance,
        Group::MiitCultivation,
    ] {
        assert!(!g.label(Lang::Zh).is_empty() && !g.label(Lang::En).is_empty());
    }
}
