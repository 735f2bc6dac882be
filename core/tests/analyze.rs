//! Integration tests of the whole analysis on the bundled examples and on edge cases (issue 3).

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use clustercalc_core::analyze::{analyze, Section};
use clustercalc_core::dataset::Dataset;
use clustercalc_core::examples;
use clustercalc_core::lifecycle::Stage;
use clustercalc_core::report::Metric;

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
fn xiqiao_declines_and_revives_as_the_seed_tells_it() {
    // Seed ch.4 二: the late 1980s were the peak; by 1994 300-odd firms were left and output was more than 60 %
    // below the peak; sales 59.5 → 153.4 亿元 1998–2001. No firm count is placed at the late-1980s peak.
    let d = example("xiqiao");
    let history = &d.clusters[0].history;
    let peak = history.iter().find(|y| y.period.is_some()).unwrap();
    assert_eq!(peak.firms, None);
    assert_eq!(peak.output_index, Some(100.0));
    let r = analyze(&d);
    let lc = &r.clusters[0].lifecycle;
    let fall = lc
        .periods
        .iter()
        .find(|p| p.to == 1994)
        .expect("a period ending 1994");
    assert_eq!(fall.from_period.as_deref(), Some("20 世纪 80 年代后期"));
    assert_eq!(fall.decision.as_ref().unwrap().stage, Stage::Decline);
    // 40 % of the peak after six years: at least 14.2 % a year down.
    let g = fall.inputs["output_cagr"];
    assert!((g - (0.4f64.powf(1.0 / 6.0) - 1.0)).abs() < 1e-12, "{g}");
    let revival = lc.periods.iter().find(|p| p.from == 1998).unwrap();
    assert_eq!(
        (revival.to, revival.decision.as_ref().unwrap().stage),
        (2001, Stage::Growth)
    );
    // 59.5 → 153.4 over three years: 37.1 % a year (the study's 26.7 % counts four periods).
    assert!((revival.inputs["output_cagr"] - 0.3712).abs() < 1e-4);
    assert_eq!(lc.stage, Some(Stage::Growth));
}

#[test]
fn the_hunan_crowd_is_emerging_in_every_period() {
    // Seed ch.5: Hunan's clusters are still at the 扎堆 stage, now and before; growth alone would say 成熟期.
    let r = analyze(&example("hunan-textile-town"));
    let lc = &r.clusters[0].lifecycle;
    assert_eq!(lc.stage, Some(Stage::Emerging));
    assert!(lc.periods.len() >= 2);
    for p in &lc.periods {
        assert_eq!(p.inputs.get("colocated"), Some(&1.0));
        assert_eq!(
            p.decision.as_ref().unwrap().stage,
            Stage::Emerging,
            "{}–{}",
            p.from,
            p.to
        );
    }
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

fn with(extra: &str) -> Dataset {
    let text = format!(
        r#"{{"format":"clustercalc-dataset","version":1,"town":{{"name":"T","employed":10000,"rural_surplus_labour":2000}},
        "reference":{{"name":"R","employment":{{"17":1000,"52":9000}},"total_employment":100000}},
        "industries":[{{"code":"17","employment":3000}},{{"code":"52","employment":50}}]{extra}}}"#
    );
    Dataset::from_json(&text).unwrap()
}

fn codes(r: &clustercalc_core::analyze::Report) -> Vec<&str> {
    r.warnings.iter().map(|w| w.code.as_str()).collect()
}

#[test]
fn warnings_are_part_of_the_report() {
    // A 50-person industry gets the unstable-LQ warning (threshold 100, assumption).
    assert!(codes(&analyze(&with(""))).contains(&"small-industry"));
    // A non-productive table (column sum of A = 1.2) is refused with a warning; the rest still computes.
    let r = analyze(&with(
        r#","io_table":{"sectors":[{"name":"a"}],"z":[[12]],"x":[10],"employment":[5]}"#,
    ));
    assert!(codes(&r).contains(&"io-refused"), "{:?}", codes(&r));
    assert!(r.specialisation.is_computed());
    // An inconsistent AHP matrix (CR > 0.10) is warned about.
    let m = "[[1,9,9,9,9,9,9,9],[0.1111111111111111,1,9,9,9,9,9,0.1111111111111111],[0.1111111111111111,0.1111111111111111,1,9,9,9,9,9],[0.1111111111111111,0.1111111111111111,0.1111111111111111,1,9,9,9,9],[0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,1,9,9,9],[0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,1,9,9],[0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,1,9],[0.1111111111111111,9,0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111,1]]";
    let r = analyze(&with(&format!(
        r#","clusters":[{{"name":"c","industries":["17"]}}],"judgments":{{"trust":3,"maturity_ahp":{m}}}"#
    )));
    assert!(codes(&r).contains(&"ahp-inconsistent"), "{:?}", codes(&r));
}

#[test]
fn lq_uses_the_true_totals() {
    // e_17 = 3000 of e_r = 10 000 (town.employed); E_17 = 1000 of E = 100 000 → LQ = 0.3 / 0.01 = 30.
    let r = analyze(&with(""));
    let t = r
        .specialisation
        .computed()
        .unwrap()
        .employment
        .as_ref()
        .unwrap();
    let lq17 = t.industries.iter().find(|i| i.code == "17").unwrap().lq;
    assert!((lq17 - 30.0).abs() < 1e-9, "{lq17}");
}

#[test]
fn scenario_absorption_is_jobs_created_over_surplus_labour() {
    let r = analyze(&with(
        r#","parameters":{"scenario_multiplier":"keynes","keynes":{"c":0.7,"t":0.25,"m":0.2,"form":"textbook"}},
        "scenarios":[{"name":"s","changes":[{"kind":"add-jobs","industry":"17","jobs":500}]}]"#,
    ));
    let s = &r.scenarios.computed().unwrap().items[0];
    // METHODS.md §4 textbook form: c = 0.7, t = 0.25, m = 0.2 → k = 1.48.
    // 1/(1 − 0.7·0.75 + 0.2) = 1.48148…, published rounded to 1.48.
    assert!(
        (s.total_jobs / 500.0 - 1.48).abs() < 0.005,
        "{}",
        s.total_jobs
    );
    assert!((s.absorption_ratio.unwrap() - s.total_jobs / 2000.0).abs() < 1e-12);
    assert_eq!(s.multiplier.choice, "keynes");
    let town = s
        .comparison
        .iter()
        .find(|c| c.metric.name() == "town.employment_total")
        .unwrap();
    assert_eq!(
        (town.baseline, town.scenario),
        (Some(10_000.0), Some(10_500.0))
    );
}

#[test]
fn removing_an_unknown_firm_is_noted_not_fatal() {
    let r = analyze(&with(
        r#","scenarios":[{"name":"s","changes":[{"kind":"remove-firm","name":"nobody"}]}]"#,
    ));
    let s = &r.scenarios.computed().unwrap().items[0];
    assert_eq!(s.direct_jobs, 0.0);
    assert!(s.changes[0].note.is_some());
}

#[test]
fn custom_template_and_unknown_stage() {
    let ok = analyze(&with(
        r#","clusters":[{"name":"c","industries":["17"],
            "custom_template":{"id":"mine","stages":[{"id":"a","kind":"final"},{"id":"b"}]},
            "stage_firms":{"a":3,"b":0}}]"#,
    ));
    let chain = ok.clusters[0].chain.computed().unwrap();
    assert_eq!(chain.completeness.value, Some(0.5));
    let bad = analyze(&with(
        r#","clusters":[{"name":"c","industries":["17"],"chain_template":"hosiery","stage_firms":{"nonsense":3}}]"#,
    ));
    match &bad.clusters[0].chain {
        Section::NotComputed { reason } => assert!(reason.en.contains("nonsense"), "{}", reason.en),
        _ => panic!("unknown stage must not be computed"),
    }
}

#[test]
fn traded_basis_names_its_variant() {
    let r = analyze(&with(r#","parameters":{"lq_basis":"traded"}"#));
    assert_eq!(
        r.specialisation.computed().unwrap().variant,
        "traded-employment"
    );
}

#[test]
fn versions_other_than_1_are_refused() {
    for v in ["0", "\"1\"", "1.5", "-1"] {
        let text =
            format!(r#"{{"format":"clustercalc-dataset","version":{v},"town":{{"name":"x"}}}}"#);
        let e = Dataset::from_json(&text).unwrap_err();
        assert_eq!(e.path, "version", "{v}");
    }
}

#[test]
fn entered_final_and_intermediate_firms_give_the_division() {
    let r = analyze(&with(
        r#","clusters":[{"name":"c","industries":["17"],"final_firms":30,"intermediate_firms":70}]"#,
    ));
    let m = &r.clusters[0].metrics;
    assert!((m.get(Metric::ChainIntermediateShare).unwrap() - 0.7).abs() < 1e-12);
    assert!((m.get(Metric::ChainFinalIntermediateRatio).unwrap() - 30.0 / 70.0).abs() < 1e-12);
}

/// The app's analysis worker hands the report to the page as JSON, so every section of every example (and the
/// synthetic county, with its region section) must read back as the same report: no duplicate keys from
/// flattened sections, no field that is written but cannot be read.
#[test]
fn reports_read_back_from_json() {
    let mut datasets: Vec<Dataset> = examples::names().into_iter().map(example).collect();
    datasets.push(examples::synthetic_county(4, 3_000));
    for d in datasets {
        let report = analyze(&d);
        let text = serde_json::to_string(&report).unwrap();
        let back: clustercalc_core::analyze::Report =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", d.town.name));
        assert_eq!(back, report, "{}", d.town.name);
    }
}

/// The progress an analysis reports counts up to its total once per run, and the report is `analyze`'s.
#[test]
fn progress_counts_every_run_and_changes_nothing() {
    let d = examples::synthetic_county(3, 500);
    let mut seen = Vec::new();
    let report =
        clustercalc_core::analyze::analyze_reporting(&d, &mut |p| seen.push((p.done, p.total)));
    assert_eq!(report, analyze(&d));
    let total = d.scenarios.len() + 2;
    assert_eq!(seen, (1..=total).map(|k| (k, total)).collect::<Vec<_>>());
}

#[test]
fn urbanisation_and_private_investment_are_reported_only_from_given_figures() {
    let text = r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"T",
        "urbanisation":[{"year":2000,"rate":0.2975},{"year":2007,"rate":0.4045}],
        "construction_investment":{"private":7000}}}"#;
    let r = analyze(&Dataset::from_json(text).unwrap());
    let u = r.town.urbanisation.as_ref().unwrap();
    assert_eq!((u.from_year, u.year), (Some(2000), 2007));
    assert!((u.points_per_year.unwrap() - 1.528_571_428_571_428_6).abs() < 1e-12);
    // The public figure is not given: the private share is unknown, not 100 %.
    assert_eq!(r.town.private_investment_share, None);
    let bad = r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"T",
        "urbanisation":[{"year":2000,"rate":29.75}]}}"#;
    assert_eq!(
        Dataset::from_json(bad).unwrap_err().path,
        "town.urbanisation[0].rate"
    );
}

#[test]
fn a_scenario_estimates_tax_at_the_towns_rate_and_says_so() {
    let text = r#"{"format":"clustercalc-dataset","version":1,
        "town":{"name":"T","employed":10000,"tax_revenue":2000},
        "industries":[{"code":"17","employment":3000,"output":15000},{"code":"52","employment":500,"output":5000}],
        "scenarios":[{"name":"s","changes":[{"kind":"add-jobs","industry":"17","jobs":100,"output":1000}]}]}"#;
    let r = analyze(&Dataset::from_json(text).unwrap());
    let s = &r.scenarios.computed().unwrap().items[0];
    let tax = s.tax.as_ref().unwrap();
    // 2 000 万元 of tax on 20 000 万元 of output: 10 %; no multiplier in this town, so on the direct 1 000.
    assert!((tax.rate - 0.1).abs() < 1e-12);
    assert_eq!(tax.basis, "direct");
    assert!((tax.tax - 100.0).abs() < 1e-9);
    // Without the town's tax revenue there is no estimate.
    let r = analyze(&Dataset::from_json(&text.replace(r#","tax_revenue":2000"#, "")).unwrap());
    assert!(r.scenarios.computed().unwrap().items[0].tax.is_none());
}

#[test]
fn the_cluster_lq_divides_by_the_same_totals_as_the_industry_table() {
    // Issue 18: Datang typed in without the reference's total employment gave a cluster LQ of 2.26 — the town's
    // 88 000 jobs (unlisted included) over the reference's listed sum — while its own industry table, on listed
    // sums on both sides, implies 2.45.
    let full = analyze(&example("datang"));
    let c = full.clusters[0].lq.computed().unwrap();
    assert_eq!(c.variant, "all-employment");
    assert!(
        (c.employment.unwrap() - 4.953).abs() < 1e-3,
        "{:?}",
        c.employment
    );

    let mut d = example("datang");
    d.reference.as_mut().unwrap().total_employment = None;
    let r = analyze(&d);
    let table = r
        .specialisation
        .computed()
        .unwrap()
        .employment
        .as_ref()
        .unwrap();
    let listed: f64 = table.industries.iter().map(|i| i.value).sum();
    assert!((table.local_total - listed).abs() < 1e-9);
    let lq = r.clusters[0].lq.computed().unwrap();
    assert_eq!(lq.variant, "listed-industries");
    // By hand from the table: the cluster's jobs over the listed town sum, its reference jobs over the listed
    // reference sum.
    let cluster = &d.clusters[0];
    let e: f64 = r.clusters[0].totals.employment.unwrap();
    let refs = &d.reference.as_ref().unwrap().employment;
    let e_ref: f64 = refs
        .iter()
        .filter(|(k, _)| cluster.industries.iter().any(|c| k.starts_with(c.as_str())))
        .map(|(_, v)| v)
        .sum();
    let want = (e / table.local_total) / (e_ref / table.reference_total);
    assert!((lq.employment.unwrap() - want).abs() < 1e-12);
    assert!((want - 2.454).abs() < 1e-3, "{want}");
}

#[test]
fn firms_without_a_stage_are_placed_by_their_4_digit_code_when_it_names_one_stage() {
    // Issue 15/14: the chain templates carry GB/T 4754 小类 codes; a firm list with codes but no stages now
    // gives a chain. 1711 → spinning, 1761 → weaving/knitting (textile template); hosiery's 1830 is both
    // knitting and toe sewing, so it is not guessed.
    let firms = |codes: &[&str]| {
        codes
            .iter()
            .enumerate()
            .map(|(k, c)| format!(r#"{{"name":"f{k}","industry":"{c}","employment":10}}"#))
            .collect::<Vec<_>>()
            .join(",")
    };
    let town = |template: &str, codes: &[&str]| {
        Dataset::from_json(&format!(
            r#"{{"format":"clustercalc-dataset","version":1,"town":{{"name":"T"}},
            "clusters":[{{"name":"c","industries":["17","18"],"chain_template":"{template}"}}],
            "firms":[{}]}}"#,
            firms(codes)
        ))
        .unwrap()
    };
    let r = analyze(&town("textile_garment", &["1711", "1711", "1761", "1810"]));
    let chain = r.clusters[0]
        .chain
        .computed()
        .expect("a chain from the codes");
    let firms_in = |id: &str| {
        chain
            .stages
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.firms)
            .unwrap_or(0.0)
    };
    assert_eq!(firms_in("spinning"), 2.0);
    assert_eq!(firms_in("weaving_knitting"), 1.0);
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == "stage-from-code")
        .unwrap();
    assert!(w.message.zh.contains("3 家企业"), "{}", w.message.zh);
    assert!(w.message.zh.contains("1 家的代码"), "{}", w.message.zh);

    let r = analyze(&town("hosiery", &["1830", "1830"]));
    assert!(r.clusters[0].chain.computed().is_none());
    assert!(!r.warnings.iter().any(|w| w.code == "stage-from-code"));
}
