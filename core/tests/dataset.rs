//! Property tests of the dataset and the whole analysis (issue 3): `analyze` never panics and never puts NaN or
//! infinity in a report, on structured random datasets with zeros, huge values and missing parts; every valid
//! dataset survives a JSON round trip.

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use clustercalc_core::analyze::analyze;
use clustercalc_core::dataset::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

const CODES: &[&str] = &["01", "13", "17", "18", "1762", "30", "52", "99"];

fn amount() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(1e-9),
        Just(1.0),
        0.0..1e6,
        Just(1e12),
        Just(1e15),
    ]
}

fn opt_amount() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(amount())
}

fn share() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0])
}

fn code_map() -> impl Strategy<Value = CodeMap> {
    prop::collection::btree_map(
        prop::sample::select(CODES).prop_map(String::from),
        amount(),
        0..6,
    )
}

fn years() -> impl Strategy<Value = Vec<YearFigures>> {
    prop::collection::btree_map(
        1990..2030i32,
        (prop::option::of(0..5000u64), opt_amount(), opt_amount()),
        0..4,
    )
    .prop_map(|m| {
        m.into_iter()
            .map(|(year, (firms, employment, output))| YearFigures {
                year,
                firms,
                employment,
                output,
                ..Default::default()
            })
            .collect()
    })
}

fn industries() -> impl Strategy<Value = Vec<Industry>> {
    prop::collection::btree_map(
        prop::sample::select(CODES).prop_map(String::from),
        (
            prop::option::of(0..10_000u64),
            opt_amount(),
            opt_amount(),
            share(),
            years(),
        ),
        0..7,
    )
    .prop_map(|m| {
        m.into_iter()
            .map(
                |(code, (firms, employment, output, outside, history))| Industry {
                    code,
                    name: "i".into(),
                    firms,
                    above_scale_firms: firms.map(|f| f / 2),
                    employment,
                    output,
                    value_added: None,
                    outside_sales_share: outside,
                    history,
                },
            )
            .collect()
    })
}

fn firm() -> impl Strategy<Value = Firm> {
    (
        prop::option::of(prop::sample::select(CODES).prop_map(String::from)),
        opt_amount(),
        opt_amount(),
        any::<bool>(),
        prop::option::of(prop::sample::select(&["A", "B", "C"][..]).prop_map(String::from)),
        prop::option::of(
            prop::sample::select(&["spinning", "dyeing", "nope"][..]).prop_map(String::from),
        ),
    )
        .prop_map(
            |(industry, employment, revenue, leading, town, stage)| Firm {
                name: "f".into(),
                industry,
                stage,
                employment,
                revenue,
                leading: Some(leading),
                specialised_sme: leading,
                town,
                ..Default::default()
            },
        )
}

fn cluster() -> impl Strategy<Value = Cluster> {
    (
        prop::collection::vec(prop::sample::select(CODES).prop_map(String::from), 0..3),
        prop::option::of(
            prop::sample::select(&["hosiery", "textile_garment", "missing"][..])
                .prop_map(String::from),
        ),
        prop::collection::btree_map(
            prop::sample::select(&["spinning", "sock_knitting", "dyeing_finishing", "typo"][..])
                .prop_map(String::from),
            0..3000u64,
            0..4,
        ),
        share(),
        share(),
        years(),
        opt_amount(),
    )
        .prop_map(
            |(industries, chain_template, stage_firms, outside, sourcing, history, output)| {
                Cluster {
                    name: "c".into(),
                    industries,
                    chain_template,
                    stage_firms,
                    outside_market_share: outside,
                    local_sourcing_share: sourcing,
                    history,
                    output,
                    innovation: Some(Innovation {
                        rd_expenditure: Some(10.0),
                        patents: Some(3),
                        ..Default::default()
                    }),
                    ..Default::default()
                }
            },
        )
}

fn io_table() -> impl Strategy<Value = IoTable> {
    (1..4usize).prop_flat_map(|n| {
        (
            prop::collection::vec(prop::collection::vec(amount(), n), n),
            prop::collection::vec(prop_oneof![Just(1.0), 1.0..1e6, Just(1e15)], n),
            prop::option::of(prop::collection::vec(amount(), n)),
            prop::option::of(prop::collection::vec(amount(), n)),
        )
            .prop_map(move |(z, x, employment, labour_income)| IoTable {
                name: "t".into(),
                year: None,
                sectors: (0..n)
                    .map(|i| IoSector {
                        name: format!("s{i}"),
                        industries: if i == 0 {
                            vec![]
                        } else {
                            vec![CODES[i].to_string()]
                        },
                    })
                    .collect(),
                z,
                x,
                household_consumption: labour_income.clone(),
                employment,
                value_added: None,
                labour_income,
            })
    })
}

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        (opt_amount(), opt_amount(), prop::option::of(1990..2030i32)),
        industries(),
        prop::option::of((
            code_map(),
            code_map(),
            opt_amount(),
            prop::option::of((1990..2030i32, code_map())),
        )),
        prop::collection::vec(cluster(), 0..3),
        prop::collection::vec(firm(), 0..12),
        prop::option::of(prop::collection::btree_map(
            prop::sample::select(&["A", "B", "C"][..]).prop_map(String::from),
            (code_map(), opt_amount()),
            0..4,
        )),
        prop::option::of(io_table()),
        prop::option::of((0.0..=1.0, 0.0..=1.0, 0.0..=1.0)),
        prop::option::of(prop_oneof![Just(1.0), 1.0..=5.0, Just(5.0)]),
        prop::collection::vec((0.0..5000.0, any::<bool>()), 0..3),
    )
        .prop_map(
            |(
                (employed, surplus, year),
                industries,
                reference,
                clusters,
                firms,
                region,
                io_table,
                keynes,
                trust,
                scenarios,
            )| {
                Dataset {
                    format: FORMAT.into(),
                    version: CURRENT_VERSION,
                    notes: None,
                    provenance: vec![],
                    town: Town {
                        name: "T".into(),
                        year,
                        employed,
                        rural_surplus_labour: surplus,
                        ..Default::default()
                    },
                    reference: reference.map(|(employment, output, total, second)| Reference {
                        name: "R".into(),
                        year,
                        employment,
                        output,
                        total_employment: total,
                        total_output: None,
                        second_year: second.map(|(y, e)| ReferenceYear {
                            year: y,
                            employment: e,
                            ..Default::default()
                        }),
                    }),
                    industries,
                    clusters,
                    firms,
                    support: Some(Support {
                        associations: Some(1),
                        guarantee_fund: Some(false),
                        ..Default::default()
                    }),
                    environment: Some(Environment {
                        cod_total: Some(10.0),
                        cod_cluster: Some(5.0),
                        treatment_coverage: Some(0.5),
                        ..Default::default()
                    }),
                    judgments: Some(Judgments {
                        trust,
                        ..Default::default()
                    }),
                    region: region.map(|towns| Region {
                        name: "county".into(),
                        towns: towns
                            .into_iter()
                            .map(|(name, (employment, total))| RegionTown {
                                name,
                                code: None,
                                total_employment: total,
                                employment,
                            })
                            .collect(),
                    }),
                    io_table,
                    parameters: Parameters {
                        keynes: keynes.map(|(c, t, m)| KeynesParams {
                            c,
                            t,
                            m,
                            form: KeynesForm::Leakage,
                        }),
                        ..Default::default()
                    },
                    scenarios: scenarios
                        .into_iter()
                        .map(|(jobs, firm)| Scenario {
                            name: "s".into(),
                            description: None,
                            changes: vec![if firm {
                                Change::AddFirm {
                                    firm: Firm {
                                        name: "new".into(),
                                        industry: Some("17".into()),
                                        employment: Some(jobs),
                                        revenue: Some(jobs * 10.0),
                                        ..Default::default()
                                    },
                                }
                            } else {
                                Change::AddJobs {
                                    industry: "17".into(),
                                    jobs,
                                    output: None,
                                }
                            }],
                        })
                        .collect(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics_nor_reports_non_finite_numbers(d in dataset()) {
        // Analyse whether or not the dataset validates: the engine must hold even on data it would refuse.
        let report = analyze(&d);
        if let Err(e) = clustercalc_core::finite::check(&report) {
            prop_assert!(false, "non-finite number in the report: {e}");
        }
        for c in &report.clusters {
            if let Some(m) = c.maturity.computed() {
                let i = m.index.unwrap_or(0.0);
                prop_assert!((0.0..=100.0).contains(&i), "maturity {i}");
                prop_assert!((0.0..=1.0).contains(&m.confidence));
            }
        }
    }

    /// The app's analysis worker sends the report to the page as JSON: the page must read back exactly the
    /// report the engine made.
    #[test]
    fn reports_survive_a_json_round_trip(d in dataset()) {
        let report = analyze(&d);
        let text = serde_json::to_string(&report).unwrap();
        let back: Result<clustercalc_core::analyze::Report, _> = serde_json::from_str(&text);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        prop_assert_eq!(back.unwrap(), report);
    }

    /// The worker's streaming reader reads any valid dataset as `from_json` does.
    #[test]
    fn streamed_datasets_equal_parsed_ones(d in dataset()) {
        if d.validate().is_ok() {
            let text = serde_json::to_string_pretty(&d).unwrap();
            let streamed = Dataset::from_json_reader(text.as_bytes());
            prop_assert!(streamed.is_ok(), "{:?}", streamed.err());
            prop_assert_eq!(streamed.unwrap(), d);
        }
    }

    #[test]
    fn valid_datasets_survive_a_json_round_trip(d in dataset()) {
        if d.validate().is_ok() {
            let text = serde_json::to_string(&d).unwrap();
            let back = Dataset::from_json(&text);
            prop_assert!(back.is_ok(), "{:?}", back.err());
            prop_assert_eq!(back.unwrap(), d);
        }
    }
}

#[test]
fn empty_maps_and_zero_totals_are_fine() {
    let mut d = Dataset::from_json(
        r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x","employed":0}}"#,
    )
    .unwrap();
    d.industries.push(Industry {
        code: "17".into(),
        employment: Some(0.0),
        output: Some(0.0),
        ..Default::default()
    });
    d.reference = Some(Reference {
        name: "r".into(),
        employment: BTreeMap::from([("17".to_string(), 0.0)]),
        ..Default::default()
    });
    let r = analyze(&d);
    assert!(clustercalc_core::finite::check(&r).is_ok());
}
