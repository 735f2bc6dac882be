//! Analytic hierarchy process: weights from a reciprocal pairwise matrix, λmax, CI and CR (METHODS.md §5).
//!
//! Weights are the principal eigenvector (default, by power iteration) or the row geometric means (variant),
//! normalised to sum 1. λmax is always the principal eigenvalue of the matrix, so CI = (λmax − n)/(n − 1) and
//! CR = CI/RI(n) describe the judgements, whichever weighting is chosen. CR > 0.10 is flagged inconsistent.

use crate::error::{Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Largest matrix accepted: the longest RI table (Donegan & Dodd) stops at 100.
pub const MAX_N: usize = 100;

/// Random-index tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiTable {
    /// Saaty's classic table (1980), as in Chinese textbooks: n = 3..11.
    #[default]
    SaatyClassic,
    /// Saaty, Theory and Applications of the Analytic Network Process (2005), p. 31: n = 3..15 (as AHPy cites).
    #[serde(rename = "saaty-2005")]
    Saaty2005,
    /// Donegan & Dodd, "A note on Saaty's random indexes", Mathematical and Computer Modelling 15(10), 1991,
    /// pp. 135–137: n = 3..20, then 25..100 by tens, linear in between (as AHPy).
    DoneganDodd,
}

const SAATY_CLASSIC: &[(usize, f64)] = &[
    (3, 0.58),
    (4, 0.90),
    (5, 1.12),
    (6, 1.24),
    (7, 1.32),
    (8, 1.41),
    (9, 1.45),
    (10, 1.49),
    (11, 1.51),
];

const SAATY_2005: &[(usize, f64)] = &[
    (3, 0.52),
    (4, 0.89),
    (5, 1.11),
    (6, 1.25),
    (7, 1.35),
    (8, 1.40),
    (9, 1.45),
    (10, 1.49),
    (11, 1.52),
    (12, 1.54),
    (13, 1.56),
    (14, 1.58),
    (15, 1.59),
];

const DONEGAN_DODD: &[(usize, f64)] = &[
    (3, 0.4914),
    (4, 0.8286),
    (5, 1.0591),
    (6, 1.1797),
    (7, 1.2519),
    (8, 1.3171),
    (9, 1.3733),
    (10, 1.4055),
    (11, 1.4213),
    (12, 1.4497),
    (13, 1.4643),
    (14, 1.4822),
    (15, 1.4969),
    (16, 1.5078),
    (17, 1.5153),
    (18, 1.5262),
    (19, 1.5313),
    (20, 1.5371),
    (25, 1.5619),
    (30, 1.5772),
    (40, 1.5976),
    (50, 1.6102),
    (60, 1.6178),
    (70, 1.6237),
    (80, 1.6277),
    (90, 1.6213),
    (100, 1.6339),
];

impl RiTable {
    pub fn name(self) -> &'static str {
        match self {
            RiTable::SaatyClassic => "saaty-classic",
            RiTable::Saaty2005 => "saaty-2005",
            RiTable::DoneganDodd => "donegan-dodd",
        }
    }

    fn table(self) -> &'static [(usize, f64)] {
        match self {
            RiTable::SaatyClassic => SAATY_CLASSIC,
            RiTable::Saaty2005 => SAATY_2005,
            RiTable::DoneganDodd => DONEGAN_DODD,
        }
    }

    /// The largest n the table covers.
    pub fn max_n(self) -> usize {
        self.table().last().map_or(0, |(n, _)| *n)
    }

    /// RI(n) for 3 ≤ n ≤ max_n (linear between tabulated sizes); `None` outside.
    pub fn ri(self, n: usize) -> Option<f64> {
        let t = self.table();
        if let Some((_, v)) = t.iter().find(|(k, _)| *k == n) {
            return Some(*v);
        }
        t.windows(2).find_map(|w| match w {
            [(a, ra), (b, rb)] if *a < n && n < *b => {
                Some(ra + (rb - ra) * (n - a) as f64 / (b - a) as f64)
            }
            _ => None,
        })
    }
}

/// How weights are derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Weighting {
    #[default]
    Eigenvector,
    GeometricMean,
}

impl Weighting {
    pub fn name(self) -> &'static str {
        match self {
            Weighting::Eigenvector => "eigenvector",
            Weighting::GeometricMean => "geometric-mean",
        }
    }
}

/// Input of the `ahp` method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AhpInput {
    pub matrix: Vec<Vec<f64>>,
    #[serde(default)]
    pub ri_table: RiTable,
    #[serde(default)]
    pub weighting: Weighting,
}

/// Output of the `ahp` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AhpOutput {
    pub method: String,
    /// The weighting used (`eigenvector` or `geometric-mean`).
    pub variant: String,
    pub ri_table: String,
    pub weights: Vec<f64>,
    pub lambda_max: f64,
    pub ci: f64,
    /// RI(n) used; 0 for n ≤ 2 (such matrices are always consistent).
    pub ri: f64,
    pub cr: f64,
    /// CR ≤ 0.10.
    pub consistent: bool,
}

/// Saaty's threshold for an acceptable consistency ratio.
pub const CR_THRESHOLD: f64 = 0.10;

/// Tolerance of the diagonal and reciprocity checks (ENGINE-API.md).
const RECIPROCAL_TOLERANCE: f64 = 1e-9;

/// Checks positivity, diagonal 1 and reciprocity; paths `matrix[i][j]`.
fn validate(matrix: &[Vec<f64>], ri_table: RiTable) -> Result<usize> {
    let n = matrix.len();
    if n == 0 {
        return Err(Error::new(ErrorKind::TooFew { min: 1 }, "matrix"));
    }
    let max = if n > 2 { ri_table.max_n() } else { MAX_N };
    if n > max.min(MAX_N) {
        return Err(Error::new(
            ErrorKind::TooLarge {
                max: max.min(MAX_N),
            },
            "matrix",
        ));
    }
    for (i, row) in matrix.iter().enumerate() {
        if row.len() != n {
            return Err(Error::new(ErrorKind::NotSquare, format!("matrix[{i}]")));
        }
        for (j, v) in row.iter().enumerate() {
            crate::error::positive(*v, || format!("matrix[{i}][{j}]"))?;
        }
    }
    for i in 0..n {
        for j in 0..=i {
            let a_ij = matrix.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0);
            let a_ji = matrix.get(j).and_then(|r| r.get(i)).copied().unwrap_or(0.0);
            if i == j {
                if (a_ij - 1.0).abs() > RECIPROCAL_TOLERANCE {
                    return Err(Error::new(
                        ErrorKind::DiagonalNotOne,
                        format!("matrix[{i}][{i}]"),
                    ));
                }
            } else if (a_ij * a_ji - 1.0).abs() > RECIPROCAL_TOLERANCE {
                // Relative test |a_ij·a_ji − 1|: the same as a_ji = 1/a_ij within 1e-9 at the scale of a_ji.
                return Err(Error::new(
                    ErrorKind::NotReciprocal,
                    format!("matrix[{i}][{j}]"),
                ));
            }
        }
    }
    Ok(n)
}

fn mat_vec(matrix: &[Vec<f64>], w: &[f64]) -> Vec<f64> {
    matrix
        .iter()
        .map(|row| row.iter().zip(w).map(|(a, b)| a * b).sum())
        .collect()
}

/// Principal eigenvector (sum 1) and eigenvalue by power iteration. A positive matrix has a simple dominant
/// eigenvalue (Perron), so the iteration converges from the uniform start; it stops when no weight moves by
/// more than 1e-15 or after 10 000 steps, always the same way on every platform.
pub fn principal_eigen(matrix: &[Vec<f64>]) -> (Vec<f64>, f64) {
    let n = matrix.len();
    let mut w = vec![1.0 / n as f64; n];
    let mut lambda = 0.0;
    for _ in 0..10_000 {
        let aw = mat_vec(matrix, &w);
        let s: f64 = aw.iter().sum();
        // Σ_i (Aw)_i with Σ w = 1 is the Rayleigh-type estimate that equals λ at the fixed point.
        lambda = s;
        let next: Vec<f64> = aw.iter().map(|v| v / s).collect();
        let delta = next
            .iter()
            .zip(&w)
            .fold(0.0_f64, |m, (a, b)| m.max((a - b).abs()));
        w = next;
        if delta <= 1e-15 {
            break;
        }
    }
    (w, lambda)
}

/// Row geometric means normalised to sum 1 (through logarithms, so large matrices cannot overflow).
pub fn geometric_mean_weights(matrix: &[Vec<f64>]) -> Vec<f64> {
    let n = matrix.len() as f64;
    let g: Vec<f64> = matrix
        .iter()
        .map(|row| (row.iter().map(|v| v.ln()).sum::<f64>() / n).exp())
        .collect();
    let s: f64 = g.iter().sum();
    g.iter().map(|v| v / s).collect()
}

/// Validates the matrix and computes weights and consistency.
pub fn ahp(matrix: &[Vec<f64>], ri_table: RiTable, weighting: Weighting) -> Result<AhpOutput> {
    let n = validate(matrix, ri_table)?;
    let (eigenvector, lambda_max) = principal_eigen(matrix);
    let weights = match weighting {
        Weighting::Eigenvector => eigenvector,
        Weighting::GeometricMean => geometric_mean_weights(matrix),
    };
    let (ci, ri, cr) = if n <= 2 {
        (0.0, 0.0, 0.0)
    } else {
        let ci = ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0);
        let ri = ri_table.ri(n).ok_or_else(|| {
            Error::new(
                ErrorKind::TooLarge {
                    max: ri_table.max_n(),
                },
                "matrix",
            )
        })?;
        (ci, ri, ci / ri)
    };
    if !(lambda_max.is_finite() && weights.iter().all(|w| w.is_finite())) {
        return Err(Error::new(ErrorKind::NotFinite, "matrix"));
    }
    Ok(AhpOutput {
        method: "ahp".into(),
        variant: weighting.name().into(),
        ri_table: ri_table.name().into(),
        weights,
        lambda_max,
        ci,
        ri,
        cr,
        consistent: cr <= CR_THRESHOLD,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Saaty's drinks matrix (coffee, wine, tea, beer, soda, milk, water) as in the AHPy README and tests
    /// (Saaty 2008, Int. J. Services Sciences 1(1), pp. 83–98).
    pub(crate) fn drinks() -> Vec<Vec<f64>> {
        vec![
            vec![1.0, 9.0, 5.0, 2.0, 1.0, 1.0, 0.5],
            vec![
                1.0 / 9.0,
                1.0,
                1.0 / 3.0,
                1.0 / 9.0,
                1.0 / 9.0,
                1.0 / 9.0,
                1.0 / 9.0,
            ],
            vec![0.2, 3.0, 1.0, 1.0 / 3.0, 0.25, 1.0 / 3.0, 1.0 / 9.0],
            vec![0.5, 9.0, 3.0, 1.0, 0.5, 1.0, 1.0 / 3.0],
            vec![1.0, 9.0, 4.0, 2.0, 1.0, 2.0, 0.5],
            vec![1.0, 9.0, 3.0, 1.0, 0.5, 1.0, 1.0 / 3.0],
            vec![2.0, 9.0, 9.0, 3.0, 2.0, 3.0, 1.0],
        ]
    }

    #[test]
    fn ahpy_drinks_example() {
        // AHPy README: weights coffee .177, wine .019, tea .042, beer .116, soda .190, milk .129, water .327;
        // CR 0.022 with Saaty's 2005 RI, 0.0235 with Donegan & Dodd (AHPy tests).
        let expected = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];
        let out = ahp(&drinks(), RiTable::Saaty2005, Weighting::Eigenvector).unwrap();
        for (w, e) in out.weights.iter().zip(expected) {
            assert!((w - e).abs() < 0.0005, "{:?}", out.weights);
        }
        assert!((out.cr - 0.022).abs() < 0.0005, "{}", out.cr);
        assert!(out.consistent);
        let dd = ahp(&drinks(), RiTable::DoneganDodd, Weighting::Eigenvector).unwrap();
        assert!((dd.cr - 0.0235).abs() < 0.00005, "{}", dd.cr);
        assert_eq!(dd.ri_table, "donegan-dodd");
    }

    #[test]
    fn geometric_mean_is_close_on_a_consistent_matrix() {
        // A perfectly consistent matrix from weights (4, 2, 1): both methods give exactly those weights, CR 0.
        let m = vec![
            vec![1.0, 2.0, 4.0],
            vec![0.5, 1.0, 2.0],
            vec![0.25, 0.5, 1.0],
        ];
        for weighting in [Weighting::Eigenvector, Weighting::GeometricMean] {
            let out = ahp(&m, RiTable::SaatyClassic, weighting).unwrap();
            for (w, e) in out.weights.iter().zip([4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0]) {
                assert!((w - e).abs() < 1e-12);
            }
            assert!(out.cr.abs() < 1e-12 && (out.lambda_max - 3.0).abs() < 1e-12);
        }
    }

    #[test]
    fn ri_tables() {
        let cases = [
            (RiTable::SaatyClassic, 3, Some(0.58)),
            (RiTable::SaatyClassic, 11, Some(1.51)),
            (RiTable::SaatyClassic, 12, None),
            (RiTable::Saaty2005, 7, Some(1.35)),
            (RiTable::DoneganDodd, 7, Some(1.2519)),
            // Between 20 (1.5371) and 25 (1.5619): 1.5371 + 0.0248·2/5.
            (RiTable::DoneganDodd, 22, Some(1.5371 + 0.0248 * 0.4)),
            (RiTable::DoneganDodd, 2, None),
        ];
        for (t, n, ri) in cases {
            match (t.ri(n), ri) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{t:?} {n}"),
                (a, b) => assert_eq!(a, b, "{t:?} {n}"),
            }
        }
    }

    #[test]
    fn small_matrices_have_cr_zero() {
        let out = ahp(
            &[vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]],
            RiTable::SaatyClassic,
            Weighting::Eigenvector,
        )
        .unwrap();
        assert_eq!(out.cr, 0.0);
        assert!((out.weights[0] - 0.75).abs() < 1e-12);
    }

    #[test]
    fn invalid_matrices_name_the_cell() {
        let mut not_reciprocal = drinks();
        not_reciprocal[1][0] = 0.2;
        let mut diagonal = drinks();
        diagonal[2][2] = 2.0;
        let mut negative = drinks();
        negative[0][3] = -2.0;
        let cases = [
            (not_reciprocal, "matrix[1][0]"),
            (diagonal, "matrix[2][2]"),
            (negative, "matrix[0][3]"),
            (vec![vec![1.0, 2.0]], "matrix[0]"),
            (vec![vec![1.0; 12]; 12], "matrix"),
        ];
        for (m, path) in cases {
            assert_eq!(
                ahp(&m, RiTable::SaatyClassic, Weighting::Eigenvector)
                    .unwrap_err()
                    .path,
                path
            );
        }
    }
}
