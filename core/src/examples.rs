//! Bundled example datasets (JSON text, format v1), for the CLI's `example NAME`, the app's example picker and
//! the snapshot tests.
//!
//! Numbers that are not from the seed study are marked illustrative inside each example (`notes` and
//! `provenance`), so a teacher never mistakes a made-up figure for a statistic.

use crate::dataset::*;
use crate::gbt4754::DIVISIONS;
use std::collections::BTreeMap;

/// (name, JSON text), in the order shown to users.
const EXAMPLES: &[(&str, &str)] = &[
    ("datang", include_str!("../examples-data/datang.json")),
    ("xiqiao", include_str!("../examples-data/xiqiao.json")),
    (
        "hunan-textile-town",
        include_str!("../examples-data/hunan-textile-town.json"),
    ),
    ("county", include_str!("../examples-data/county.json")),
    (
        "tourism-town",
        include_str!("../examples-data/tourism-town.json"),
    ),
];

/// Names of the bundled examples, in the same order. Kept apart from the texts so that a caller that only lists
/// the names (the app's first screen) does not link the JSON texts.
const NAMES: [&str; 5] = [
    "datang",
    "xiqiao",
    "hunan-textile-town",
    "county",
    "tourism-town",
];

/// Names of the bundled examples.
pub fn names() -> Vec<&'static str> {
    NAMES.to_vec()
}

/// The JSON text of an example, or `None` for an unknown name.
pub fn get(name: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A synthetic town for benchmarks and performance reports (not an example to learn from): `industries` GB/T
/// divisions with invented employment, one hosiery cluster, `firms` firms, a 10-sector I-O table and two
/// scenarios. Deterministic. `industries` is capped at the number of divisions (97) and at least 10 is needed
/// for the I-O table's sectors.
pub fn synthetic_town(industries: usize, firms: usize) -> Dataset {
    let industries = industries.clamp(10, DIVISIONS.len());
    let codes: Vec<String> = DIVISIONS
        .iter()
        .take(industries)
        .map(|d| d.code.to_string())
        .collect();
    let mut reference = CodeMap::new();
    let mut ref_then = CodeMap::new();
    let mut list = Vec::new();
    for (k, code) in codes.iter().enumerate() {
        let e = 200.0 + (k as f64 * 37.0) % 900.0;
        reference.insert(code.clone(), 50_000.0 + k as f64 * 1_000.0);
        ref_then.insert(code.clone(), 45_000.0 + k as f64 * 900.0);
        list.push(Industry {
            code: code.clone(),
            name: format!("industry {code}"),
            firms: Some(100),
            above_scale_firms: Some(10),
            employment: Some(e),
            output: Some(e * 30.0),
            outside_sales_share: Some(0.3),
            history: vec![
                YearFigures {
                    year: 2019,
                    employment: Some(e * 0.8),
                    output: Some(e * 20.0),
                    ..Default::default()
                },
                YearFigures {
                    year: 2022,
                    employment: Some(e * 0.9),
                    output: Some(e * 25.0),
                    ..Default::default()
                },
            ],
            ..Default::default()
        });
    }
    let stages = [
        "raw_material",
        "sock_knitting",
        "dyeing",
        "packaging",
        "sales_agents",
    ];
    let firm_list: Vec<Firm> = (0..firms)
        .map(|k| Firm {
            name: format!("firm {k}"),
            industry: codes.get(k % industries).cloned(),
            stage: Some(stages[k % stages.len()].to_string()),
            employment: Some(5.0 + (k % 97) as f64),
            revenue: Some(100.0 + (k % 389) as f64 * 50.0),
            specialised_sme: k % 500 == 0,
            ..Default::default()
        })
        .collect();
    let n = 10;
    let z: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| if i == j { 100.0 } else { 20.0 + (i * j) as f64 })
                .collect()
        })
        .collect();
    Dataset {
        format: FORMAT.into(),
        version: CURRENT_VERSION,
        notes: None,
        provenance: vec![],
        town: Town {
            name: "bench".into(),
            year: Some(2024),
            employed: Some(40_000.0),
            rural_surplus_labour: Some(3_000.0),
            ..Default::default()
        },
        reference: Some(Reference {
            name: "province".into(),
            year: Some(2024),
            employment: reference,
            output: BTreeMap::new(),
            total_employment: Some(10_000_000.0),
            total_output: None,
            second_year: Some(ReferenceYear {
                year: 2019,
                employment: ref_then,
                ..Default::default()
            }),
        }),
        industries: list,
        clusters: vec![Cluster {
            name: "cluster".into(),
            industries: codes.iter().take(3).cloned().collect(),
            chain_template: Some("hosiery".into()),
            stage_firms: stages.iter().map(|s| (s.to_string(), 100)).collect(),
            ..Default::default()
        }],
        firms: firm_list,
        support: Some(Support {
            associations: Some(1),
            ..Default::default()
        }),
        environment: None,
        judgments: Some(Judgments {
            trust: Some(3.0),
            ..Default::default()
        }),
        region: None,
        io_table: Some(IoTable {
            name: "t".into(),
            year: None,
            sectors: (0..n)
                .map(|i| IoSector {
                    name: format!("s{i}"),
                    industries: if i == 0 {
                        vec![]
                    } else {
                        vec![codes[i].clone()]
                    },
                })
                .collect(),
            z,
            x: vec![2_000.0; n],
            employment: Some(vec![500.0; n]),
            value_added: None,
            labour_income: Some(vec![400.0; n]),
            household_consumption: Some(vec![300.0; n]),
        }),
        parameters: Parameters {
            keynes: Some(KeynesParams {
                c: 0.683,
                t: 0.1,
                m: 0.6,
                form: KeynesForm::Leakage,
            }),
            ..Default::default()
        },
        scenarios: vec![
            Scenario {
                name: "lead firm".into(),
                description: None,
                changes: vec![Change::AddFirm {
                    firm: Firm {
                        name: "lead".into(),
                        industry: Some(codes[0].clone()),
                        employment: Some(1_000.0),
                        revenue: Some(50_000.0),
                        leading: Some(true),
                        ..Default::default()
                    },
                }],
            },
            Scenario {
                name: "500 jobs".into(),
                description: None,
                changes: vec![Change::AddJobs {
                    industry: codes[1].clone(),
                    jobs: 500.0,
                    output: None,
                }],
            },
        ],
    }
}

/// A synthetic county for the big-data path (issue 6: analysis off the main thread): the benchmark town of
/// [`synthetic_town`] with 50 industries, plus `towns` other towns (at least 2) of the county, and `firms` firms
/// spread over all of them. Each other town's employment by industry is the sum of its firms' employment, so the
/// region figures (EG γ, Gini, the town × industry LQ matrix) are consistent with the firm list. Deterministic.
pub fn synthetic_county(towns: usize, firms: usize) -> Dataset {
    let towns = towns.max(2);
    let mut d = synthetic_town(50, firms);
    d.town.name = "bench town".into();
    let names: Vec<String> = (1..=towns).map(|t| format!("town {t}")).collect();
    let mut employment: Vec<CodeMap> = vec![CodeMap::new(); towns];
    for (k, f) in d.firms.iter_mut().enumerate() {
        // One firm in (towns + 1) stays in the study town.
        let t = k % (towns + 1);
        if t == 0 {
            continue;
        }
        f.town = Some(names[t - 1].clone());
        if let (Some(code), Some(e)) = (&f.industry, f.employment) {
            *employment[t - 1].entry(code.clone()).or_insert(0.0) += e;
        }
    }
    d.region = Some(Region {
        name: "bench county".into(),
        towns: names
            .into_iter()
            .zip(employment)
            .map(|(name, employment)| RegionTown {
                name,
                code: None,
                total_employment: Some(employment.values().sum::<f64>() * 1.5 + 1_000.0),
                employment,
            })
            .collect(),
    });
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn names_match_the_texts() {
        let from_texts: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names(), from_texts);
    }

    #[test]
    fn every_example_loads_and_validates() {
        for name in names() {
            let text = get(name).unwrap();
            if let Err(e) = Dataset::from_json(text) {
                panic!("{name}: {}", e.message(crate::Lang::En));
            }
        }
    }

    #[test]
    fn every_example_says_what_is_illustrative() {
        for name in names() {
            let d = Dataset::from_json(get(name).unwrap()).unwrap();
            assert!(d.notes.is_some(), "{name}");
            assert!(d.provenance.iter().any(|p| p.illustrative), "{name}");
        }
    }

    #[test]
    fn unknown_name_is_none() {
        assert!(get("atlantis").is_none());
    }
}
