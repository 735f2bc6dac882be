//! Criterion benches of the heavy single methods: a 150 × 150 Leontief inverse (goal ≤ 5 ms native) and region
//! mode over 100 towns × 97 industries × 1 000 000 firms (goal ≤ 0.5 s native).

use clustercalc_core::input_output::{input_output, IoInput};
use clustercalc_core::linalg::{inverse, Matrix};
use clustercalc_core::location_quotient::Values;
use clustercalc_core::region::{region, RegionFirm, RegionInput};
use criterion::{criterion_group, criterion_main, Criterion};
use std::collections::BTreeMap;
use std::hint::black_box;

/// A small deterministic generator (64-bit LCG): benches must not depend on a random seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A productive n × n table: every column of A sums to about 0.6.
fn table(n: usize) -> IoInput {
    let mut rng = Lcg(42);
    let x: Vec<f64> = (0..n).map(|_| 1000.0 + 1e5 * rng.next()).collect();
    let raw: Vec<Vec<f64>> = (0..n)
        .map(|_| (0..n).map(|_| rng.next()).collect())
        .collect();
    let mut z = vec![vec![0.0; n]; n];
    for j in 0..n {
        let s: f64 = raw.iter().map(|r| r[j]).sum();
        for i in 0..n {
            z[i][j] = raw[i][j] / s * 0.6 * x[j];
        }
    }
    IoInput {
        z,
        x,
        ..IoInput::default()
    }
}

fn county(towns: usize, industries: usize, firms: usize) -> RegionInput {
    let mut rng = Lcg(7);
    let town_ids: Vec<String> = (0..towns).map(|t| format!("43012{t:04}")).collect();
    let industry_ids: Vec<String> = (1..=industries).map(|i| format!("{i:02}")).collect();
    let mut map = BTreeMap::new();
    for t in &town_ids {
        let v: Values = industry_ids
            .iter()
            .map(|i| (i.clone(), (1000.0 * rng.next()).floor()))
            .collect();
        map.insert(t.clone(), v);
    }
    let firms = (0..firms)
        .map(|_| RegionFirm {
            town: town_ids[(rng.next() * towns as f64) as usize % towns].clone(),
            industry: industry_ids[(rng.next() * industries as f64) as usize % industries].clone(),
            employment: 1.0 + (200.0 * rng.next()).floor(),
        })
        .collect();
    RegionInput { towns: map, firms }
}

fn benches(c: &mut Criterion) {
    let io = table(150);
    // I − A of the same table, to time the inverse alone.
    let mut i_minus_a = Matrix::identity(150);
    for (i, row) in io.z.iter().enumerate() {
        for (j, z) in row.iter().enumerate() {
            let v = i_minus_a.get(i, j).unwrap_or(0.0) - z / io.x[j];
            i_minus_a.set(i, j, v);
        }
    }
    c.bench_function("linalg inverse 150x150", |b| {
        b.iter(|| inverse(black_box(&i_minus_a)))
    });
    c.bench_function(
        "input-output 150x150 (A, Leontief inverse, multipliers)",
        |b| b.iter(|| input_output(black_box(&io))),
    );
    let big = county(100, 97, 1_000_000);
    let mut group = c.benchmark_group("region");
    group.sample_size(10);
    group.bench_function("100 towns x 97 industries x 1 000 000 firms", |b| {
        b.iter(|| region(black_box(&big)))
    });
    group.finish();
}

criterion_group!(methods, benches);
criterion_main!(methods);
