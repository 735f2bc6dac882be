//! Regionalising a provincial (national) coefficient table to a town with location quotients (METHODS.md §4).
//!
//! SLQ_i = (RE_i/RE)/(NE_i/NE); CILQ_ij = SLQ_i/SLQ_j (diagonal SLQ_i); FLQ_ij = CILQ_ij·λ with
//! λ = [log₂(1 + RE/NE)]^δ; AFLQ_ij = FLQ_ij·log₂(1 + SLQ_j) where SLQ_j > 1. Regional coefficient
//! r_ij = a_ij·min(q_ij, 1). δ = 0.3 by default is an **assumption** (the value most used since Flegg & Webber;
//! Chinese provinces fit 0.05–0.075, small towns leak more), so results are always shown for δ ∈ {0.1, …, 0.4}.

use crate::error::{non_negative, positive, Error, ErrorKind, Result};
use crate::methods::input_output::{check_square, coefficients, MAX_SECTORS};
use crate::methods::linalg::Matrix;
use serde::{Deserialize, Serialize};

/// Default δ (assumption, see the module doc).
pub const DEFAULT_DELTA: f64 = 0.3;

/// The δ values every result is also shown for.
pub const SENSITIVITY_DELTAS: [f64; 4] = [0.1, 0.2, 0.3, 0.4];

/// Which quotient caps the national coefficients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Quotient {
    Slq,
    Cilq,
    #[default]
    Flq,
    Aflq,
}

impl Quotient {
    pub fn name(self) -> &'static str {
        match self {
            Quotient::Slq => "slq",
            Quotient::Cilq => "cilq",
            Quotient::Flq => "flq",
            Quotient::Aflq => "aflq",
        }
    }
}

/// Input of the `regionalize` method: a national coefficient matrix `a`, or flows `z` with outputs `x`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegionalizeInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<Vec<Vec<f64>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub z: Option<Vec<Vec<f64>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<Vec<f64>>,
    pub regional_employment: Vec<f64>,
    pub national_employment: Vec<f64>,
    #[serde(default)]
    pub quotient: Quotient,
    /// FLQ/AFLQ δ in [0, 1); default 0.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
}

/// The regional table for one δ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeltaResult {
    pub delta: f64,
    pub lambda: f64,
    /// Column sums of the regional coefficients (regional direct requirements).
    pub column_sums: Vec<f64>,
}

/// Output of the `regionalize` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionalizeOutput {
    pub method: String,
    pub variant: String,
    /// λ (FLQ/AFLQ only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
    pub slq: Vec<f64>,
    /// q_ij of the chosen quotient.
    pub quotients: Vec<Vec<f64>>,
    /// r_ij = a_ij·min(q_ij, 1).
    pub coefficients: Vec<Vec<f64>>,
    pub column_sums: Vec<f64>,
    /// The same table for δ ∈ {0.1, 0.2, 0.3, 0.4} (FLQ/AFLQ only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sensitivity: Vec<DeltaResult>,
}

/// λ = [log₂(1 + RE/NE)]^δ.
pub fn flq_lambda(regional_total: f64, national_total: f64, delta: f64) -> f64 {
    (1.0 + regional_total / national_total).log2().powf(delta)
}

/// q_ij for every cell (n × n, row-major).
fn quotients(slq: &[f64], quotient: Quotient, lambda: f64) -> Matrix {
    let n = slq.len();
    let mut q = Matrix::zeros(n, n);
    for (i, si) in slq.iter().enumerate() {
        for (j, sj) in slq.iter().enumerate() {
            let cilq = if i == j {
                *si
            } else if *sj > 0.0 {
                si / sj
            } else {
                // The buying sector j has no regional employment: its column buys nothing regionally, so the cap
                // does not matter; 1 keeps the national coefficient and stays finite.
                1.0
            };
            let v = match quotient {
                Quotient::Slq => *si,
                Quotient::Cilq => cilq,
                Quotient::Flq => cilq * lambda,
                Quotient::Aflq => {
                    let size = if *sj > 1.0 { (1.0 + sj).log2() } else { 1.0 };
                    cilq * lambda * size
                }
            };
            q.set(i, j, v);
        }
    }
    q
}

fn regional(a: &Matrix, q: &Matrix) -> Matrix {
    let n = a.rows();
    let mut r = Matrix::zeros(n, n);
    for i in 0..n {
        for j in 0..n {
            let cap = q.get(i, j).unwrap_or(0.0).min(1.0);
            r.set(i, j, a.get(i, j).unwrap_or(0.0) * cap);
        }
    }
    r
}

/// Validates and regionalises.
pub fn regionalize(input: &RegionalizeInput) -> Result<RegionalizeOutput> {
    let a = match (&input.a, &input.z, &input.x) {
        (Some(a), _, _) => check_square(a, "a")?,
        (None, Some(z), Some(x)) => {
            let z = check_square(z, "z")?;
            if x.len() != z.rows() {
                return Err(Error::new(
                    ErrorKind::DimensionMismatch {
                        expected: z.rows(),
                        found: x.len(),
                    },
                    "x",
                ));
            }
            for (j, v) in x.iter().enumerate() {
                positive(*v, || format!("x[{j}]"))?;
            }
            coefficients(&z, x)
        }
        (None, Some(_), None) => return Err(Error::new(ErrorKind::Missing, "x")),
        (None, None, _) => return Err(Error::new(ErrorKind::Missing, "a")),
    };
    let n = a.rows();
    debug_assert!(n <= MAX_SECTORS);
    for (name, v) in [
        ("regional_employment", &input.regional_employment),
        ("national_employment", &input.national_employment),
    ] {
        if v.len() != n {
            return Err(Error::new(
                ErrorKind::DimensionMismatch {
                    expected: n,
                    found: v.len(),
                },
                name,
            ));
        }
    }
    for (i, v) in input.regional_employment.iter().enumerate() {
        non_negative(*v, || format!("regional_employment[{i}]"))?;
    }
    for (i, v) in input.national_employment.iter().enumerate() {
        positive(*v, || format!("national_employment[{i}]"))?;
    }
    let re: f64 = input.regional_employment.iter().sum();
    let ne: f64 = input.national_employment.iter().sum();
    if !(re > 0.0 && re.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "regional_employment"));
    }
    if !ne.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "national_employment"));
    }
    let uses_delta = matches!(input.quotient, Quotient::Flq | Quotient::Aflq);
    let delta = input.delta.unwrap_or(DEFAULT_DELTA);
    if uses_delta && !(delta.is_finite() && (0.0..1.0).contains(&delta)) {
        return Err(Error::new(
            ErrorKind::OutOfRangeHalfOpen { min: 0.0, max: 1.0 },
            "delta",
        ));
    }
    let slq: Vec<f64> = input
        .regional_employment
        .iter()
        .zip(&input.national_employment)
        .map(|(r, nat)| (r / re) / (nat / ne))
        .collect();
    if let Some(i) = slq.iter().position(|v| !v.is_finite()) {
        return Err(Error::new(
            ErrorKind::NotFinite,
            format!("national_employment[{i}]"),
        ));
    }
    let lambda = flq_lambda(re, ne, delta);
    let q = quotients(&slq, input.quotient, lambda);
    let r = regional(&a, &q);
    let sensitivity = if uses_delta {
        SENSITIVITY_DELTAS
            .iter()
            .map(|d| {
                let l = flq_lambda(re, ne, *d);
                let rd = regional(&a, &quotients(&slq, input.quotient, l));
                DeltaResult {
                    delta: *d,
                    lambda: l,
                    column_sums: rd.column_sums(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(RegionalizeOutput {
        method: "regionalize".into(),
        variant: input.quotient.name().into(),
        lambda: uses_delta.then_some(lambda),
        delta: uses_delta.then_some(delta),
        slq,
        quotients: q.to_rows(),
        column_sums: r.column_sums(),
        coefficients: r.to_rows(),
        sensitivity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(quotient: Quotient) -> RegionalizeInput {
        // Constructed (no published FLQ table was found to test against): national A = Miller & Blair Table 2.3,
        // the town has 60 and 40 workers against 6 000 and 14 000 nationally (RE/NE = 0.005).
        RegionalizeInput {
            a: Some(vec![vec![0.15, 0.25], vec![0.20, 0.05]]),
            regional_employment: vec![60.0, 40.0],
            national_employment: vec![6000.0, 14000.0],
            quotient,
            ..RegionalizeInput::default()
        }
    }

    #[track_caller]
    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn slq_cilq_flq_aflq_by_hand() {
        // SLQ = (0.6/0.3, 0.4/0.7) = (2, 0.5714…); CILQ_12 = 2/0.5714 = 3.5, CILQ_21 = 0.2857.
        let slq = regionalize(&input(Quotient::Slq)).unwrap();
        close(slq.slq[0], 2.0);
        close(slq.slq[1], 0.4 / 0.7);
        // Row 1 (SLQ ≥ 1) keeps national coefficients; row 2 is scaled by 0.5714.
        close(slq.coefficients[0][1], 0.25);
        close(slq.coefficients[1][0], 0.20 * 0.4 / 0.7);

        let cilq = regionalize(&input(Quotient::Cilq)).unwrap();
        close(cilq.quotients[0][1], 3.5);
        close(cilq.coefficients[1][0], 0.20 * (0.4 / 0.7) / 2.0);

        let flq = regionalize(&input(Quotient::Flq)).unwrap();
        let lambda = (1.005f64).log2().powf(0.3);
        close(flq.lambda.unwrap(), lambda);
        assert_eq!(flq.delta, Some(0.3));
        close(flq.coefficients[0][0], 0.15 * (2.0 * lambda).min(1.0));
        assert_eq!(flq.sensitivity.len(), 4);
        // λ falls as δ rises (log₂(1.005) < 1), so the regional column sums fall too.
        let sums: Vec<f64> = flq.sensitivity.iter().map(|s| s.column_sums[0]).collect();
        assert!(sums.windows(2).all(|w| w[1] <= w[0]), "{sums:?}");

        let aflq = regionalize(&input(Quotient::Aflq)).unwrap();
        // Column 1 has SLQ 2 > 1: multiplied by log₂(3); column 2 (SLQ < 1) unchanged from FLQ.
        close(aflq.quotients[1][0], flq.quotients[1][0] * 3f64.log2());
        close(aflq.quotients[0][1], flq.quotients[0][1]);
    }

    #[test]
    fn z_and_x_give_the_same_as_a() {
        let mut from_z = input(Quotient::Flq);
        from_z.a = None;
        from_z.z = Some(vec![vec![150.0, 500.0], vec![200.0, 100.0]]);
        from_z.x = Some(vec![1000.0, 2000.0]);
        let a = regionalize(&input(Quotient::Flq)).unwrap();
        let z = regionalize(&from_z).unwrap();
        for (ra, rz) in a.coefficients.iter().zip(&z.coefficients) {
            for (x, y) in ra.iter().zip(rz) {
                close(*x, *y);
            }
        }
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let mut delta = input(Quotient::Flq);
        delta.delta = Some(1.0);
        let mut short = input(Quotient::Slq);
        short.regional_employment = vec![1.0];
        let mut zero_national = input(Quotient::Slq);
        zero_national.national_employment[1] = 0.0;
        let mut none = input(Quotient::Slq);
        none.a = None;
        let mut no_x = none.clone();
        no_x.z = Some(vec![vec![1.0]]);
        let cases = [
            (delta, "delta"),
            (short, "regional_employment"),
            (zero_national, "national_employment[1]"),
            (none, "a"),
            (no_x, "x"),
        ];
        for (i, path) in cases {
            assert_eq!(regionalize(&i).unwrap_err().path, path);
        }
    }
}
