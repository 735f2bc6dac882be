//! Criterion benchmark of the whole town analysis (issue 3): a town with 50 industries and 5 000 firms, one
//! cluster on the hosiery chain, a 10-sector I-O table and two scenarios (each re-runs the analysis).
//! Goal: well under 16 ms (one frame) natively, so the app can re-analyse on every keystroke.

use clustercalc_core::analyze::analyze;
use clustercalc_core::dataset::*;
use clustercalc_core::examples;
use clustercalc_core::gbt4754::DIVISIONS;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// A county: the study town and 99 others, 97 divisions each, `firms` firms spread over towns and industries.
fn county(firms: usize) -> Dataset {
    let mut d = examples::synthetic_town(97, 0);
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
    let d = examples::synthetic_town(50, 5_000);
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
