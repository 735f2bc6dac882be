//! Tests of `checklists.rs`.

use super::*;

fn result<'a>(results: &'a [ChecklistResult], id: &str) -> &'a CriterionResult {
    results
        .iter()
        .flat_map(|r| r.criteria.iter())
        .find(|c| c.id == id)
        .expect(id)
}

#[track_caller]
fn check(input: &ChecklistInput, id: &str, status: Status, gap: Option<f64>) {
    let r = evaluate(input).expect("valid");
    let c = result(&r, id);
    assert_eq!(c.status, status, "{id}: {c:?}");
    match (c.gap, gap) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{id}: gap {a} != {b}"),
        (a, b) => assert_eq!(a, b, "{id}: gap"),
    }
}

#[test]
fn bundled_checklists_parse_with_the_methods_criteria() {
    let lists = checklists().expect("bundled checklists parse");
    let ids: Vec<&str> = lists.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["miit_sme_cluster_2022", "featured_town_2021"]);
    let miit = &lists[0];
    assert_eq!(miit.source, "工信部企业〔2022〕119号");
    assert_eq!(miit.criteria.len(), 8);
    let town = &lists[1];
    assert_eq!(town.source, "发改规划〔2021〕1383号");
    assert_eq!(town.criteria.len(), 6);
    for c in lists.iter().flat_map(|l| l.criteria.iter()) {
        assert!(!c.text.zh.is_empty() && !c.text.en.is_empty(), "{}", c.id);
        assert!(!c.source.is_empty(), "{}", c.id);
    }
}

#[test]
fn a_bad_bundle_fails_with_its_path() {
    let bad = r#"{"version":1,"checklists":[{"id":"x","name":{"zh":"x","en":"x"},"source":"s","criteria":[
        {"id":"a","text":{"zh":"a","en":"a"},"test":{"kind":"compare","field":"jobs","op":"ge","threshold":-1},"unit":{"zh":"","en":""},"source":"s"}]}]}"#;
    let err = parse_bundle(bad).expect_err("negative threshold");
    assert!(err.path.contains("criteria[0]"), "{}", err.path);
    let bad = r#"{"version":1,"checklists":[{"id":"x","name":{"zh":"x","en":"x"},"source":"s","criteria":[
        {"id":"a","text":{"zh":"a","en":"a"},"test":{"kind":"compare","field":"within_one_county","op":"ge","threshold":1},"unit":{"zh":"","en":""},"source":"s"}]}]}"#;
    assert!(
        parse_bundle(bad).is_err(),
        "a yes/no field cannot be compared"
    );
}

#[test]
fn empty_input_is_all_unknown() {
    let r = evaluate(&ChecklistInput::default()).expect("valid");
    for list in &r {
        assert_eq!(list.qualifies, None, "{}", list.id);
        for c in &list.criteria {
            assert_eq!(c.status, Status::Unknown, "{}", c.id);
            assert_eq!(c.gap, None, "{}", c.id);
        }
    }
    assert_eq!(
        result(&r, "town.rd_intensity").note,
        Some(Note::ApplicabilityUnknown)
    );
}

#[test]
fn compare_criteria_each_status_and_gap() {
    let i = |f: fn(&mut ChecklistInput)| {
        let mut x = ChecklistInput::default();
        f(&mut x);
        x
    };
    // Upper bound: area ≤ 100 km².
    check(
        &i(|x| x.area_km2 = Some(80.0)),
        "miit.area",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(|x| x.area_km2 = Some(100.0)),
        "miit.area",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(|x| x.area_km2 = Some(130.0)),
        "miit.area",
        Status::NotMet,
        Some(30.0),
    );
    // Lower bound: SMEs ≥ 70 %.
    check(
        &i(|x| x.sme_output_share = Some(0.7)),
        "miit.sme_share",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(|x| x.sme_output_share = Some(0.55)),
        "miit.sme_share",
        Status::NotMet,
        Some(0.15),
    );
    // Strict: leading industry > 70 %; exactly 70 % fails with a zero gap.
    check(
        &i(|x| x.leading_industry_share = Some(0.7)),
        "miit.leading_industry_share",
        Status::NotMet,
        Some(0.0),
    );
    check(
        &i(|x| x.leading_industry_share = Some(0.8)),
        "miit.leading_industry_share",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(|x| x.average_growth = Some(0.08)),
        "miit.growth",
        Status::NotMet,
        Some(0.02),
    );
    check(
        &i(|x| x.average_growth = Some(-0.05)),
        "miit.growth",
        Status::NotMet,
        Some(0.15),
    );
    check(
        &i(|x| x.jobs = Some(1500.0)),
        "town.jobs",
        Status::NotMet,
        Some(500.0),
    );
    check(
        &i(|x| x.labour_productivity_wan = Some(25.0)),
        "town.productivity",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(|x| x.tax_per_mu_wan = Some(6.5)),
        "town.tax_per_mu",
        Status::NotMet,
        Some(3.5),
    );
    check(
        &i(|x| x.featured_investment_share = Some(0.6)),
        "town.featured_investment",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(|x| x.within_one_county = Some(true)),
        "miit.within_county",
        Status::Met,
        None,
    );
    check(
        &i(|x| x.within_one_county = Some(false)),
        "miit.within_county",
        Status::NotMet,
        None,
    );
}

#[test]
fn town_area_is_a_range() {
    let i = |a: f64| ChecklistInput {
        town_area_km2: Some(a),
        ..Default::default()
    };
    check(&i(3.0), "town.area", Status::Met, Some(0.0));
    check(&i(0.6), "town.area", Status::NotMet, Some(0.4));
    check(&i(7.5), "town.area", Status::NotMet, Some(2.5));
    let r = evaluate(&i(3.0)).expect("valid");
    assert_eq!(result(&r, "town.area").threshold_max, Some(5.0));
}

#[test]
fn output_must_pass_in_each_of_the_last_three_years() {
    let i = |v: &[f64]| ChecklistInput {
        output_last_three_years_yi: Some(v.to_vec()),
        ..Default::default()
    };
    check(
        &i(&[41.0, 45.0, 52.0]),
        "miit.output_each_year",
        Status::Met,
        Some(0.0),
    );
    // Only the last three count: an old weak year does not fail the criterion.
    check(
        &i(&[20.0, 41.0, 45.0, 52.0]),
        "miit.output_each_year",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(&[38.0, 45.0, 52.0]),
        "miit.output_each_year",
        Status::NotMet,
        Some(2.0),
    );
    // Two good years are not enough to say yes, one bad year is enough to say no.
    check(
        &i(&[45.0, 52.0]),
        "miit.output_each_year",
        Status::Unknown,
        None,
    );
    check(
        &i(&[35.0, 52.0]),
        "miit.output_each_year",
        Status::NotMet,
        Some(5.0),
    );
    let r = evaluate(&i(&[45.0, 52.0])).expect("valid");
    assert_eq!(
        result(&r, "miit.output_each_year").note,
        Some(Note::TooFewYears)
    );
    check(&i(&[]), "miit.output_each_year", Status::Unknown, None);
}

#[test]
fn quality_firms_any_of_two_routes() {
    let base = ChecklistInput::default;
    // Route 1: one little giant.
    let x = ChecklistInput {
        little_giants: Some(1),
        ..base()
    };
    check(&x, "miit.quality_firms", Status::Met, Some(0.0));
    // Route 2: ten 专精特新 SMEs in one category.
    let x = ChecklistInput {
        zjtx_smes: Some(10),
        ..base()
    };
    check(&x, "miit.quality_firms", Status::Met, Some(0.0));
    // Both routes fail: the closer one (7 of 10 firms vs 0 of 1) is shown.
    let x = ChecklistInput {
        single_champions: Some(0),
        little_giants: Some(0),
        zjtx_smes: Some(4),
        innovative_smes: Some(2),
        hightech_firms: Some(1),
        ..base()
    };
    check(&x, "miit.quality_firms", Status::NotMet, Some(3.0));
    // 6 + 5 across categories may be fewer than 10 distinct firms.
    let x = ChecklistInput {
        single_champions: Some(0),
        little_giants: Some(0),
        zjtx_smes: Some(6),
        hightech_firms: Some(5),
        innovative_smes: Some(0),
        ..base()
    };
    check(&x, "miit.quality_firms", Status::Unknown, None);
    let r = evaluate(&x).expect("valid");
    assert_eq!(
        result(&r, "miit.quality_firms").note,
        Some(Note::CategoriesMayOverlap)
    );
    // Route 1 known to fail, route 2 partly unknown: unknown.
    let x = ChecklistInput {
        single_champions: Some(0),
        little_giants: Some(0),
        zjtx_smes: Some(3),
        ..base()
    };
    check(&x, "miit.quality_firms", Status::Unknown, None);
}

#[test]
fn rd_intensity_applies_only_to_technology_towns() {
    let i = |tech: Option<bool>, rd: f64| ChecklistInput {
        is_technology_town: tech,
        rd_intensity: Some(rd),
        ..Default::default()
    };
    check(
        &i(Some(true), 0.03),
        "town.rd_intensity",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(Some(true), 0.01),
        "town.rd_intensity",
        Status::NotMet,
        Some(0.015),
    );
    check(
        &i(Some(false), 0.01),
        "town.rd_intensity",
        Status::NotApplicable,
        None,
    );
    check(&i(None, 0.01), "town.rd_intensity", Status::Unknown, None);
}

#[test]
fn qualifies_summarises_the_statuses() {
    let full = ChecklistInput {
        within_one_county: Some(true),
        area_km2: Some(60.0),
        output_last_three_years_yi: Some(vec![48.0, 55.0, 61.0]),
        sme_output_share: Some(0.85),
        leading_industry_share: Some(0.8),
        national_market_share: Some(0.15),
        average_growth: Some(0.12),
        little_giants: Some(2),
        ..Default::default()
    };
    let r = evaluate(&full).expect("valid");
    let miit = r
        .iter()
        .find(|l| l.id == "miit_sme_cluster_2022")
        .expect("miit");
    assert_eq!(miit.qualifies, Some(true));
    assert_eq!(miit.summary.met, 8);
    let mut one_fails = full.clone();
    one_fails.average_growth = Some(0.05);
    let r = evaluate(&one_fails).expect("valid");
    let miit = r
        .iter()
        .find(|l| l.id == "miit_sme_cluster_2022")
        .expect("miit");
    assert_eq!(miit.qualifies, Some(false));
    assert_eq!(miit.summary.not_met, 1);
}

#[test]
fn invalid_values_are_refused_with_their_field() {
    let cases: [(ChecklistInput, &str); 5] = [
        (
            ChecklistInput {
                area_km2: Some(-1.0),
                ..Default::default()
            },
            "area_km2",
        ),
        (
            ChecklistInput {
                sme_output_share: Some(1.2),
                ..Default::default()
            },
            "sme_output_share",
        ),
        (
            ChecklistInput {
                average_growth: Some(-1.5),
                ..Default::default()
            },
            "average_growth",
        ),
        (
            ChecklistInput {
                jobs: Some(f64::NAN),
                ..Default::default()
            },
            "jobs",
        ),
        (
            ChecklistInput {
                output_last_three_years_yi: Some(vec![40.0, f64::INFINITY]),
                ..Default::default()
            },
            "output_last_three_years_yi[1]",
        ),
    ];
    for (input, path) in cases {
        assert_eq!(evaluate(&input).expect_err(path).path, path);
    }
}

#[test]
fn input_deserialises_from_json_with_missing_fields() {
    let x: ChecklistInput =
        serde_json::from_str(r#"{"area_km2": 12.5, "little_giants": 1}"#).expect("json");
    assert_eq!(x.area_km2, Some(12.5));
    assert_eq!(x.jobs, None);
    assert!(serde_json::from_str::<ChecklistInput>(r#"{"area": 1}"#).is_err());
}

#[test]
fn national_position_reads_the_national_market_share() {
    // The seed's ch.4 example: 嵊州 ties, 80 % of the national market.
    let i = |v: Option<f64>| ChecklistInput {
        national_market_share: v,
        ..Default::default()
    };
    check(
        &i(Some(0.8)),
        "miit.national_position",
        Status::Met,
        Some(0.0),
    );
    check(
        &i(Some(0.05)),
        "miit.national_position",
        Status::NotMet,
        Some(0.05),
    );
    check(&i(None), "miit.national_position", Status::Unknown, None);
}
