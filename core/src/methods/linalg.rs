//! Dense linear algebra for the engine: a row-major matrix, LU with partial pivoting, solve and inverse.
//!
//! The factorisation is nalgebra's (a maintained crate rather than hand-written elimination): it costs about
//! 1.6 KB of gzipped wasm more than a hand-written LU, measured in `core/LINALG-DECISION.md`. What this module
//! adds is the engine's row-major, JSON-shaped [`Matrix`], shape checks that return errors instead of panicking,
//! and a relative pivot tolerance so that numerically singular tables are refused.

use crate::error::{Error, ErrorKind, Result};

/// A dense row-major matrix of f64.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    /// An all-zero `rows × cols` matrix.
    pub fn zeros(rows: usize, cols: usize) -> Matrix {
        Matrix {
            rows,
            cols,
            data: vec![0.0; rows.saturating_mul(cols)],
        }
    }

    /// The `n × n` identity.
    pub fn identity(n: usize) -> Matrix {
        let mut m = Matrix::zeros(n, n);
        for i in 0..n {
            m.data[i * n + i] = 1.0;
        }
        m
    }

    /// Builds a matrix from rows; every row must have the same length. The error path is `[i]` of the bad row.
    pub fn from_rows(rows: &[Vec<f64>]) -> Result<Matrix> {
        let cols = rows.first().map_or(0, Vec::len);
        let mut data = Vec::with_capacity(rows.len().saturating_mul(cols));
        for (i, row) in rows.iter().enumerate() {
            if row.len() != cols {
                return Err(Error::new(
                    ErrorKind::DimensionMismatch {
                        expected: cols,
                        found: row.len(),
                    },
                    format!("[{i}]"),
                ));
            }
            data.extend_from_slice(row);
        }
        Ok(Matrix {
            rows: rows.len(),
            cols,
            data,
        })
    }

    /// Builds a matrix from row-major data; `None` when the length is not `rows × cols`.
    pub fn from_vec(rows: usize, cols: usize, data: Vec<f64>) -> Option<Matrix> {
        (rows.checked_mul(cols) == Some(data.len())).then_some(Matrix { rows, cols, data })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    pub fn is_square(&self) -> bool {
        self.rows == self.cols
    }

    /// Element (i, j), or `None` outside the matrix.
    pub fn get(&self, i: usize, j: usize) -> Option<f64> {
        if i < self.rows && j < self.cols {
            self.data.get(i * self.cols + j).copied()
        } else {
            None
        }
    }

    /// Sets element (i, j); does nothing outside the matrix.
    pub fn set(&mut self, i: usize, j: usize, v: f64) {
        if i < self.rows && j < self.cols {
            if let Some(cell) = self.data.get_mut(i * self.cols + j) {
                *cell = v;
            }
        }
    }

    /// Row i as a slice (empty outside the matrix).
    pub fn row(&self, i: usize) -> &[f64] {
        if i < self.rows {
            self.data
                .get(i * self.cols..(i + 1) * self.cols)
                .unwrap_or(&[])
        } else {
            &[]
        }
    }

    /// The rows as vectors (the JSON shape of a matrix).
    pub fn to_rows(&self) -> Vec<Vec<f64>> {
        (0..self.rows).map(|i| self.row(i).to_vec()).collect()
    }

    /// Column sums Σ_i m_ij.
    pub fn column_sums(&self) -> Vec<f64> {
        let mut sums = vec![0.0; self.cols];
        for i in 0..self.rows {
            for (s, v) in sums.iter_mut().zip(self.row(i)) {
                *s += v;
            }
        }
        sums
    }

    /// Row vector times matrix: Σ_i w_i m_ij for each j. `w` shorter than the rows counts as zero.
    pub fn weighted_column_sums(&self, w: &[f64]) -> Vec<f64> {
        let mut sums = vec![0.0; self.cols];
        for (i, wi) in w.iter().enumerate().take(self.rows) {
            for (s, v) in sums.iter_mut().zip(self.row(i)) {
                *s += wi * v;
            }
        }
        sums
    }

    /// Matrix times column vector; `None` when the lengths differ.
    pub fn mul_vec(&self, v: &[f64]) -> Option<Vec<f64>> {
        if v.len() != self.cols {
            return None;
        }
        Some(
            (0..self.rows)
                .map(|i| self.row(i).iter().zip(v).map(|(a, b)| a * b).sum())
                .collect(),
        )
    }

    /// True when every element is finite.
    pub fn all_finite(&self) -> bool {
        self.data.iter().all(|v| v.is_finite())
    }
}

/// An LU factorisation P·A = L·U with partial (row) pivoting, computed by nalgebra.
#[derive(Debug, Clone)]
pub struct Lu {
    n: usize,
    lu: nalgebra::LU<f64, nalgebra::Dyn, nalgebra::Dyn>,
}

/// Relative pivot tolerance: a pivot smaller than this times the largest |a_ij| means singular. Chosen far above
/// f64 rounding (1e-16) so that a matrix singular in exact arithmetic, such as I − A for a table whose column sums
/// are exactly 1, is reported as singular rather than "inverted" into numbers of 1e16. nalgebra itself only
/// refuses an exactly zero pivot, hence this check on the diagonal of U.
const PIVOT_TOLERANCE: f64 = 1e-12;

/// Factorises a square matrix with partial (row) pivoting. Errors: `NotSquare`, `NotFinite`, `Singular`
/// (paths are empty; the caller prefixes its field name).
pub fn lu(a: &Matrix) -> Result<Lu> {
    if !a.is_square() {
        return Err(Error::new(ErrorKind::NotSquare, ""));
    }
    if !a.all_finite() {
        return Err(Error::new(ErrorKind::NotFinite, ""));
    }
    let n = a.rows;
    let scale = a.data.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if n == 0 || scale == 0.0 {
        return Err(Error::new(ErrorKind::Singular, ""));
    }
    let lu = nalgebra::DMatrix::from_row_slice(n, n, &a.data).lu();
    let tiny = scale * PIVOT_TOLERANCE;
    let u = lu.u();
    if u.diagonal().iter().any(|p| p.is_nan() || p.abs() <= tiny) {
        return Err(Error::new(ErrorKind::Singular, ""));
    }
    Ok(Lu { n, lu })
}

impl Lu {
    pub fn dim(&self) -> usize {
        self.n
    }

    /// Solves A·x = b; `None` when b has the wrong length.
    pub fn solve(&self, b: &[f64]) -> Option<Vec<f64>> {
        if b.len() != self.n {
            return None;
        }
        let rhs = nalgebra::DVector::from_column_slice(b);
        self.lu.solve(&rhs).map(|x| x.as_slice().to_vec())
    }

    /// The inverse A⁻¹; `None` only if nalgebra meets an exactly zero pivot (already refused by [`lu`]).
    pub fn inverse(&self) -> Option<Matrix> {
        let n = self.n;
        let m = self.lu.try_inverse()?;
        let mut inv = Matrix::zeros(n, n);
        for i in 0..n {
            for j in 0..n {
                inv.set(i, j, m[(i, j)]);
            }
        }
        Some(inv)
    }
}

/// Inverse of a square matrix (see [`lu`] for the errors).
pub fn inverse(a: &Matrix) -> Result<Matrix> {
    let f = lu(a)?;
    let inv = f
        .inverse()
        .ok_or_else(|| Error::new(ErrorKind::Singular, ""))?;
    if inv.all_finite() {
        Ok(inv)
    } else {
        Err(Error::new(ErrorKind::Singular, ""))
    }
}

/// Solves A·x = b (see [`lu`] for the errors; a wrong-length b is a `DimensionMismatch`).
pub fn solve(a: &Matrix, b: &[f64]) -> Result<Vec<f64>> {
    let f = lu(a)?;
    let x = f.solve(b).ok_or_else(|| {
        Error::new(
            ErrorKind::DimensionMismatch {
                expected: f.dim(),
                found: b.len(),
            },
            "",
        )
    })?;
    if x.iter().all(|v| v.is_finite()) {
        Ok(x)
    } else {
        Err(Error::new(ErrorKind::Singular, ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_close(a: &Matrix, b: &[Vec<f64>], tol: f64) {
        let b = Matrix::from_rows(b).unwrap();
        assert_eq!((a.rows(), a.cols()), (b.rows(), b.cols()));
        for i in 0..a.rows() {
            for j in 0..a.cols() {
                let (x, y) = (a.get(i, j).unwrap(), b.get(i, j).unwrap());
                assert!((x - y).abs() < tol, "({i},{j}): {x} vs {y}");
            }
        }
    }

    #[test]
    fn inverts_miller_blair_i_minus_a() {
        // Miller & Blair (2009), Table 2.3: I − A with A = [[.15,.25],[.2,.05]].
        let m = Matrix::from_rows(&[vec![0.85, -0.25], vec![-0.2, 0.95]]).unwrap();
        let inv = inverse(&m).unwrap();
        assert_close(
            &inv,
            &[vec![1.25412541, 0.330033], vec![0.2640264, 1.12211221]],
            1e-6,
        );
    }

    #[test]
    fn pivots_when_the_leading_entry_is_zero() {
        let m = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 0.0]]).unwrap();
        assert_close(
            &inverse(&m).unwrap(),
            &[vec![0.0, 1.0], vec![1.0, 0.0]],
            1e-15,
        );
        let x = solve(&m, &[2.0, 3.0]).unwrap();
        assert_eq!(x, vec![3.0, 2.0]);
    }

    #[test]
    fn refuses_singular_and_malformed_input() {
        type Case<'a> = (&'a [Vec<f64>], fn(&ErrorKind) -> bool);
        let cases: &[Case] = &[
            (&[vec![1.0, 2.0], vec![2.0, 4.0]], |k| {
                matches!(k, ErrorKind::Singular)
            }),
            (&[vec![0.0, 0.0], vec![0.0, 0.0]], |k| {
                matches!(k, ErrorKind::Singular)
            }),
            (&[vec![1.0, 2.0, 3.0], vec![2.0, 4.0, 5.0]], |k| {
                matches!(k, ErrorKind::NotSquare)
            }),
            (&[vec![f64::NAN, 0.0], vec![0.0, 1.0]], |k| {
                matches!(k, ErrorKind::NotFinite)
            }),
            (&[], |k| matches!(k, ErrorKind::Singular)),
        ];
        for (rows, ok) in cases {
            let err = inverse(&Matrix::from_rows(rows).unwrap()).unwrap_err();
            assert!(ok(&err.kind), "{rows:?}: {err:?}");
        }
    }

    #[test]
    fn ragged_rows_name_the_row() {
        let err = Matrix::from_rows(&[vec![1.0, 2.0], vec![1.0]]).unwrap_err();
        assert_eq!(err.path, "[1]");
    }

    #[test]
    fn inverse_times_matrix_is_identity_on_a_larger_table() {
        // A diagonally dominant 40 × 40 matrix with a deterministic pattern.
        let n = 40;
        let mut m = Matrix::zeros(n, n);
        for i in 0..n {
            for j in 0..n {
                let v = ((i * 7 + j * 13) % 17) as f64 / 100.0;
                m.set(i, j, if i == j { 5.0 + v } else { -v });
            }
        }
        let inv = inverse(&m).unwrap();
        for i in 0..n {
            for j in 0..n {
                let s: f64 = (0..n)
                    .map(|k| m.get(i, k).unwrap() * inv.get(k, j).unwrap())
                    .sum();
                let e = if i == j { 1.0 } else { 0.0 };
                assert!((s - e).abs() < 1e-12, "({i},{j}) {s}");
            }
        }
    }
}
