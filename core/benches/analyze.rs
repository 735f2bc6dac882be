//! Criterion benchmark of the whole town analysis (issue 3): a town with 50 industries and 5 000 firms, one
//! cluster on the hosiery chain, a 10-sector I-O table and two scenarios (each re-runs the analysis).
//! Goal: well under 16 ms (one frame) natively, so the app can re-analyse on every keystroke.

use clustercalc_core::analyze::analyze;
use clustercalc_core::dataset::*;
use clustercalc_core::gbt4754::DIVISIONS;
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeMap;
use std::hint::black_box;

fn town(industries: usize, firms: usize) -> Dataset {
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

/// A county: the study town and 99 others, 97 divisions each, `firms` firms spread over towns and industries.
fn county(firms: usize) -> Dataset {
    let mut d = town(97, 0);
    d.scenarios.clear();
    d.io_table = None;
    let codes: Vec<String> = DIVISIONS.iter().map(|d| d.code.to_string()).collect();
    d.region = Some(Region {
        name: "county".into(),
        towns: (1..100)
            .map(|t| RegionTown {
                name: format!("town {t}"),
                code: None,
                total_employment: None,
                employment: codes
                    .iter()
                    .enumerate()
                    .map(|(k, c)| (c.clone(), 100.0 + ((t * 31 + k * 17) % 500) as f64))
                    .collect(),
            })
            .collect(),
    });
    d.firms = (0..firms)
        .map(|k| Firm {
            name: String::new(),
            industry: codes.get(k % codes.len()).cloned(),
            employment: Some(1.0 + (k % 53) as f64),
            town: (k % 100 != 0).then(|| format!("town {}", k % 100)),
            ..Default::default()
        })
        .collect();
    d
}

fn bench(c: &mut Criterion) {
    let d = town(50, 5_000);
    assert!(d.validate().is_ok());
    c.bench_function("analyze town 50 industries 5000 firms 2 scenarios", |b| {
        b.iter(|| analyze(black_box(&d)))
    });
    let text = serde_json::to_string(&d).unwrap_or_default();
    c.bench_function("parse+validate dataset 5000 firms", |b| {
        b.iter(|| Dataset::from_json(black_box(&text)))
    });
}

fn bench_region(c: &mut Criterion) {
    let d = county(1_000_000);
    assert!(d.validate().is_ok());
    let mut g = c.benchmark_group("region");
    g.sample_size(10);
    g.bench_function(
        "analyze county 100 towns x 97 industries x 1000000 firms",
        |b| b.iter(|| analyze(black_box(&d))),
    );
    g.finish();
}

criterion_group!(benches, bench, bench_region);
criterion_main!(benches);
