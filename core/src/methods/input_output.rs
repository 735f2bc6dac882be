//! Input–output multipliers: A, the Leontief inverse, output multipliers, x = L·f, value-added / employment /
//! income multipliers (simple, Type I) and Type II with the household closure of ENGINE-API.md (METHODS.md §4).
//!
//! A = Z·diag(x)⁻¹ (rows sell, columns buy), L = (I − A)⁻¹. Output multiplier m_j = Σ_i L_ij, direct = Σ_i A_ij.
//! With coefficients h_j = w_j/x_j: simple = Σ_i h_i L_ij, Type I = simple / h_j. Type II (Miller & Blair): append
//! the household row labour_income_j/x_j and the column household_consumption_i/X_h (X_h = Σ labour income, the
//! household-to-household cell 0) to A, invert to L̄; Type II income = `L̄[n][j]`/h_j, Type II output = Σ_{i<n} L̄_ij.
//! A table whose I − A is singular, or with a column sum of A ≥ 1 (not productive), is refused with the reason.

use crate::error::{non_negative, positive, Error, ErrorKind, Result};
use crate::methods::linalg::{self, Matrix};
use serde::{Deserialize, Serialize};

/// The largest table accepted (sectors): a 500 × 500 inverse takes well under a second; more is not a town table.
pub const MAX_SECTORS: usize = 500;

/// Input of the `input-output` method.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IoInput {
    /// Intermediate flows, rows selling, columns buying.
    pub z: Vec<Vec<f64>>,
    /// Total output by sector (> 0).
    pub x: Vec<f64>,
    /// Final demand (or a change in it); may be negative. Gives `output` = L·f.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_demand: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_added: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labour_income: Option<Vec<f64>>,
    /// Households' local purchases by sector; with `labour_income` it closes the model (Type II).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_consumption: Option<Vec<f64>>,
}

/// Multipliers of one satellite quantity (value added, jobs or labour income). Type I/II are `None` (null) for a
/// sector whose own coefficient h_j is 0, where the ratio is undefined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Satellite {
    /// h_j = quantity_j / x_j.
    pub coefficients: Vec<f64>,
    /// Σ_i h_i L_ij.
    pub simple: Vec<f64>,
    pub type1: Vec<Option<f64>>,
    /// Σ_{i<n} h_i L̄_ij (for income: `L̄[n][j]`, the household row), with the household closure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type2_simple: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub type2: Option<Vec<Option<f64>>>,
}

/// Output of the `input-output` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IoOutput {
    pub method: String,
    pub a: Vec<Vec<f64>>,
    pub leontief: Vec<Vec<f64>>,
    pub output_multipliers: Vec<f64>,
    pub output_multipliers_direct: Vec<f64>,
    pub output_multipliers_indirect: Vec<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_added: Option<Satellite>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment: Option<Satellite>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income: Option<Satellite>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_multipliers_type2: Option<Vec<f64>>,
}

/// A validated table: A and its Leontief inverse, reusable by the regionalisation and scenario code.
#[derive(Debug, Clone)]
pub struct Leontief {
    pub a: Matrix,
    pub l: Matrix,
}

/// Checks a matrix field: `rows × rows`, every entry finite and ≥ 0. Paths `name[i][j]`.
pub fn check_square(rows: &[Vec<f64>], name: &str) -> Result<Matrix> {
    let n = rows.len();
    if n == 0 {
        return Err(Error::new(ErrorKind::TooFew { min: 1 }, name));
    }
    if n > MAX_SECTORS {
        return Err(Error::new(ErrorKind::TooLarge { max: MAX_SECTORS }, name));
    }
    for (i, row) in rows.iter().enumerate() {
        if row.len() != n {
            return Err(Error::new(ErrorKind::NotSquare, format!("{name}[{i}]")));
        }
        for (j, v) in row.iter().enumerate() {
            non_negative(*v, || format!("{name}[{i}][{j}]"))?;
        }
    }
    Matrix::from_rows(rows).map_err(|e| e.within(name))
}

/// Checks an optional per-sector vector: length n, finite, ≥ 0 unless `allow_negative`.
fn check_vector(v: &[f64], n: usize, name: &str, allow_negative: bool) -> Result<()> {
    if v.len() != n {
        return Err(Error::new(
            ErrorKind::DimensionMismatch {
                expected: n,
                found: v.len(),
            },
            name,
        ));
    }
    for (i, x) in v.iter().enumerate() {
        if allow_negative {
            if !x.is_finite() {
                return Err(Error::new(ErrorKind::NotFinite, format!("{name}[{i}]")));
            }
        } else {
            non_negative(*x, || format!("{name}[{i}]"))?;
        }
    }
    Ok(())
}

/// Refuses a coefficient matrix with a column sum ≥ 1 (path `{name}[*][j]`), then inverts I − A.
pub fn leontief_of(a: Matrix, name: &str) -> Result<Leontief> {
    for (j, s) in a.column_sums().iter().enumerate() {
        if !s.is_finite() {
            return Err(Error::new(ErrorKind::NotFinite, format!("{name}[*][{j}]")));
        }
        if *s >= 1.0 {
            return Err(Error::new(
                ErrorKind::NotProductive { column_sum: *s },
                format!("{name}[*][{j}]"),
            ));
        }
    }
    let l = inverse_of_i_minus(&a, name)?;
    Ok(Leontief { a, l })
}

/// (I − A)⁻¹, with `Singular` at `name` when I − A is (numerically) singular.
fn inverse_of_i_minus(a: &Matrix, name: &str) -> Result<Matrix> {
    let n = a.rows();
    let mut i_minus_a = Matrix::identity(n);
    for i in 0..n {
        for j in 0..n {
            let v = i_minus_a.get(i, j).unwrap_or(0.0) - a.get(i, j).unwrap_or(0.0);
            i_minus_a.set(i, j, v);
        }
    }
    linalg::inverse(&i_minus_a).map_err(|e| e.within(name))
}

/// A = Z·diag(x)⁻¹ from validated z and x.
pub fn coefficients(z: &Matrix, x: &[f64]) -> Matrix {
    let n = z.rows();
    let mut a = Matrix::zeros(n, n);
    for i in 0..n {
        for (j, xj) in x.iter().enumerate().take(n) {
            a.set(i, j, z.get(i, j).unwrap_or(0.0) / xj);
        }
    }
    a
}

fn ratio(num: &[f64], den: &[f64]) -> Vec<Option<f64>> {
    num.iter()
        .zip(den)
        .map(|(a, b)| (*b > 0.0).then(|| a / b).filter(|v| v.is_finite()))
        .collect()
}

/// Validates and computes everything the input allows.
pub fn input_output(input: &IoInput) -> Result<IoOutput> {
    let z = check_square(&input.z, "z")?;
    let n = z.rows();
    if input.x.len() != n {
        return Err(Error::new(
            ErrorKind::DimensionMismatch {
                expected: n,
                found: input.x.len(),
            },
            "x",
        ));
    }
    for (j, v) in input.x.iter().enumerate() {
        positive(*v, || format!("x[{j}]"))?;
    }
    // Non-productive columns are named by z's column: that is where the user typed the flows.
    let Leontief { a, l } = leontief_of(coefficients(&z, &input.x), "z")?;
    let output_multipliers = l.column_sums();
    let direct = a.column_sums();
    let indirect = output_multipliers
        .iter()
        .zip(&direct)
        .map(|(t, d)| t - d)
        .collect();

    let output = match &input.final_demand {
        Some(f) => {
            check_vector(f, n, "final_demand", true)?;
            l.mul_vec(f)
        }
        None => None,
    };

    // The household closure, when both vectors are given.
    let closed = match (&input.labour_income, &input.household_consumption) {
        (Some(w), Some(c)) => {
            check_vector(w, n, "labour_income", false)?;
            check_vector(c, n, "household_consumption", false)?;
            Some(close_households(&a, &input.x, w, c)?)
        }
        (None, Some(_)) => return Err(Error::new(ErrorKind::Missing, "labour_income")),
        _ => None,
    };

    let satellite =
        |v: &Option<Vec<f64>>, name: &str, is_income: bool| -> Result<Option<Satellite>> {
            let Some(v) = v else { return Ok(None) };
            check_vector(v, n, name, false)?;
            let h: Vec<f64> = v.iter().zip(&input.x).map(|(q, x)| q / x).collect();
            let simple = l.weighted_column_sums(&h);
            let type1 = ratio(&simple, &h);
            let (type2_simple, type2) = match &closed {
                Some(lbar) => {
                    let t2s: Vec<f64> = if is_income {
                        // The household row of L̄: income generated per unit of final demand, induced effects included.
                        (0..n).map(|j| lbar.get(n, j).unwrap_or(0.0)).collect()
                    } else {
                        lbar.weighted_column_sums(&h).into_iter().take(n).collect()
                    };
                    let t2 = ratio(&t2s, &h);
                    (Some(t2s), Some(t2))
                }
                None => (None, None),
            };
            Ok(Some(Satellite {
                coefficients: h,
                simple,
                type1,
                type2_simple,
                type2,
            }))
        };
    let value_added = satellite(&input.value_added, "value_added", false)?;
    let employment = satellite(&input.employment, "employment", false)?;
    let income = satellite(&input.labour_income, "labour_income", true)?;
    let output_multipliers_type2 = closed.as_ref().map(|lbar| {
        (0..n)
            .map(|j| (0..n).map(|i| lbar.get(i, j).unwrap_or(0.0)).sum())
            .collect()
    });

    Ok(IoOutput {
        method: "input-output".into(),
        a: a.to_rows(),
        leontief: l.to_rows(),
        output_multipliers,
        output_multipliers_direct: direct,
        output_multipliers_indirect: indirect,
        output,
        value_added,
        employment,
        income,
        output_multipliers_type2,
    })
}

/// L̄ of the model closed for households (validated vectors of length n).
fn close_households(a: &Matrix, x: &[f64], w: &[f64], c: &[f64]) -> Result<Matrix> {
    let n = a.rows();
    let x_h: f64 = w.iter().sum();
    if !(x_h > 0.0 && x_h.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "labour_income"));
    }
    let mut abar = Matrix::zeros(n + 1, n + 1);
    for i in 0..n {
        for j in 0..n {
            abar.set(i, j, a.get(i, j).unwrap_or(0.0));
        }
    }
    for (j, (wj, xj)) in w.iter().zip(x).enumerate() {
        abar.set(n, j, wj / xj);
    }
    for (i, ci) in c.iter().enumerate() {
        abar.set(i, n, ci / x_h);
    }
    // Households spending more locally than they earn, or a sector paying out more than it produces,
    // make the closed model non-productive: name the vector that causes it. A column sum of exactly 1 is the
    // textbook closure (all income respent locally) and is allowed here; if every column of a block sums to 1 the
    // inverse is singular and refused below.
    let sums = abar.column_sums();
    for (j, s) in sums.iter().enumerate() {
        if !s.is_finite() || *s > 1.0 {
            let path = if j == n {
                "household_consumption".to_string()
            } else {
                format!("labour_income[{j}]")
            };
            return Err(Error::new(
                ErrorKind::NotProductive { column_sum: *s },
                path,
            ));
        }
    }
    inverse_of_i_minus(&abar, "household_consumption")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn close_all(a: &[f64], b: &[f64], tol: f64) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() <= tol, "{a:?} vs {b:?}");
        }
    }

    fn miller_blair() -> IoInput {
        IoInput {
            z: vec![vec![150.0, 500.0], vec![200.0, 100.0]],
            x: vec![1000.0, 2000.0],
            ..IoInput::default()
        }
    }

    #[test]
    fn miller_blair_table_2_3() {
        // Miller & Blair (2009), Input-Output Analysis, 2nd ed., Table 2.3 and §2.3.
        let mut input = miller_blair();
        input.final_demand = Some(vec![600.0, 1500.0]);
        let out = input_output(&input).unwrap();
        close_all(&out.a[0], &[0.15, 0.25], 1e-12);
        close_all(&out.a[1], &[0.20, 0.05], 1e-12);
        close_all(&out.leontief[0], &[1.25412541, 0.330033], 1e-6);
        close_all(&out.leontief[1], &[0.2640264, 1.12211221], 1e-6);
        close_all(out.output.as_ref().unwrap(), &[1247.5, 1841.6], 0.05);
        close_all(&out.output_multipliers, &[1.518152, 1.452145], 1e-6);
        close_all(&out.output_multipliers_direct, &[0.35, 0.30], 1e-12);
    }

    #[test]
    fn type_ii_household_closure_matches_macroeconometricmodels_jl() {
        // MacroEconometricModels.jl documentation, "Classical Input-Output Analysis" (its `wiot` example is Miller &
        // Blair's Table 2.3 with compensation 300 and 1000 and final demand 350 and 1700; households consume in
        // final-demand proportions): Type II output multipliers 3.55 and 4.09, household income per unit of final
        // demand 1.389 and 1.804.
        let mut input = miller_blair();
        let x_h = 1300.0;
        input.labour_income = Some(vec![300.0, 1000.0]);
        input.household_consumption = Some(vec![350.0 / 2050.0 * x_h, 1700.0 / 2050.0 * x_h]);
        let out = input_output(&input).unwrap();
        close_all(
            out.output_multipliers_type2.as_ref().unwrap(),
            &[3.55, 4.09],
            0.005,
        );
        let income = out.income.unwrap();
        close_all(
            income.type2_simple.as_ref().unwrap(),
            &[1.389, 1.804],
            0.0005,
        );
        // Type II income multiplier = L̄[n][j]/h_j with h = (0.3, 0.5).
        let t2: Vec<f64> = income.type2.unwrap().into_iter().flatten().collect();
        close_all(&t2, &[1.3892189 / 0.3, 1.8041804 / 0.5], 1e-6);
        // Type I income = Σ h_i L_ij / h_j; Type II ≥ Type I (the induced effect).
        for (t1, t2) in income.type1.iter().flatten().zip(&t2) {
            assert!(t2 > t1);
        }
    }

    #[test]
    fn refuses_bad_tables_with_the_path() {
        type Case = (IoInput, &'static str, fn(&ErrorKind) -> bool);
        let cases: Vec<Case> = vec![
            (
                IoInput {
                    z: vec![vec![600.0, 0.0], vec![500.0, 0.0]],
                    x: vec![1000.0, 1000.0],
                    ..IoInput::default()
                },
                "z[*][0]",
                |k| matches!(k, ErrorKind::NotProductive { .. }),
            ),
            (
                IoInput {
                    z: vec![vec![1.0, 2.0], vec![1.0]],
                    x: vec![10.0, 10.0],
                    ..IoInput::default()
                },
                "z[1]",
                |k| matches!(k, ErrorKind::NotSquare),
            ),
            (
                IoInput {
                    z: vec![vec![1.0, 2.0], vec![1.0, -2.0]],
                    x: vec![10.0, 10.0],
                    ..IoInput::default()
                },
                "z[1][1]",
                |k| matches!(k, ErrorKind::Negative),
            ),
            (
                IoInput {
                    x: vec![1000.0, 0.0],
                    ..miller_blair()
                },
                "x[1]",
                |k| matches!(k, ErrorKind::NotPositive),
            ),
            (
                IoInput {
                    x: vec![1000.0],
                    ..miller_blair()
                },
                "x",
                |k| matches!(k, ErrorKind::DimensionMismatch { .. }),
            ),
            (
                IoInput {
                    employment: Some(vec![1.0, 2.0, 3.0]),
                    ..miller_blair()
                },
                "employment",
                |k| matches!(k, ErrorKind::DimensionMismatch { .. }),
            ),
            (
                IoInput {
                    household_consumption: Some(vec![1.0, 2.0]),
                    ..miller_blair()
                },
                "labour_income",
                |k| matches!(k, ErrorKind::Missing),
            ),
            (
                IoInput {
                    labour_income: Some(vec![300.0, 1000.0]),
                    household_consumption: Some(vec![1000.0, 1000.0]),
                    ..miller_blair()
                },
                "household_consumption",
                |k| matches!(k, ErrorKind::NotProductive { .. }),
            ),
        ];
        for (input, path, kind) in cases {
            let err = input_output(&input).unwrap_err();
            assert_eq!(err.path, path, "{err:?}");
            assert!(kind(&err.kind), "{err:?}");
        }
    }

    #[test]
    fn column_sums_of_exactly_one_are_refused() {
        // With A ≥ 0 and every column sum < 1, I − A is column diagonally dominant and so never singular: the only
        // singular tables are non-productive ones, refused before inverting. A = [[.5, .5], [.5, .5]] is both.
        let input = IoInput {
            z: vec![vec![500.0, 500.0], vec![500.0, 500.0]],
            x: vec![1000.0, 1000.0],
            ..IoInput::default()
        };
        let err = input_output(&input).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::NotProductive { .. }));
    }

    #[test]
    fn employment_type_one_is_undefined_for_a_sector_without_jobs() {
        let input = IoInput {
            employment: Some(vec![30.0, 0.0]),
            ..miller_blair()
        };
        let out = input_output(&input).unwrap();
        let e = out.employment.unwrap();
        assert!(e.type1[0].is_some_and(|v| v >= 1.0));
        assert_eq!(e.type1[1], None);
    }
}
