//! Dense linear algebra for the engine: a row-major matrix, LU with partial pivoting, solve and inverse.
//!
//! Hand-written rather than a crate: see `core/LINALG-DECISION.md` for the wasm size measurements behind that
//! choice. The tables the app inverts are small (a town or county I-O table, at most a few hundred sectors), so a
//! plain Doolittle LU with row pivoting is exact enough and fast (150 × 150 inverse well under 5 ms natively).
//!
//! Every function checks shapes and returns an error instead of panicking; indexing inside this module is on
//! shapes checked at construction.

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

/// An LU factorisation P·A = L·U with unit lower L, stored together in one matrix.
#[derive(Debug, Clone)]
pub struct Lu {
    n: usize,
    lu: Vec<f64>,
    /// perm[k] = the original row now in position k.
    perm: Vec<usize>,
}

/// Relative pivot tolerance: a pivot smaller than this times the largest |a_ij| means singular. Chosen far above
/// f64 rounding (1e-16) so that a matrix singular in exact arithmetic, such as I − A for a table whose column sums
/// are exactly 1, is reported as singular rather than "inverted" into numbers of 1e16.
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
    let mut lu = a.data.clone();
    let mut perm: Vec<usize> = (0..n).collect();
    let scale = lu.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if n == 0 || scale == 0.0 {
        return Err(Error::new(ErrorKind::Singular, ""));
    }
    let tiny = scale * PIVOT_TOLERANCE;
    for k in 0..n {
        // Choose the row with the largest |a_ik| at or below k: partial pivoting keeps the multipliers ≤ 1.
        let (p, pivot_abs) = (k..n)
            .map(|i| (i, lu[i * n + k].abs()))
            .fold((k, -1.0), |best, cur| if cur.1 > best.1 { cur } else { best });
        if !(pivot_abs > tiny) {
            return Err(Error::new(ErrorKind::Singular, ""));
        }
        if p != k {
            for j in 0..n {
                lu.swap(k * n + j, p * n + j);
            }
            perm.swap(k, p);
        }
        let (upper, lower) = lu.split_at_mut((k + 1) * n);
        let pivot_row = &upper[k * n..(k + 1) * n];
        let pivot = pivot_row[k];
        for row in lower.chunks_exact_mut(n) {
            let factor = row[k] / pivot;
            row[k] = factor;
            if factor != 0.0 {
                for (x, u) in row[k + 1..].iter_mut().zip(&pivot_row[k + 1..]) {
                    *x -= factor * u;
                }
            }
        }
    }
    Ok(Lu { n, lu, perm })
}

impl Lu {
    pub fn dim(&self) -> usize {
        self.n
    }

    /// Solves A·x = b; `None` when b has the wrong length.
    pub fn solve(&self, b: &[f64]) -> Option<Vec<f64>> {
        let n = self.n;
        if b.len() != n {
            return None;
        }
        let mut x: Vec<f64> = self.perm.iter().map(|&p| b[p]).collect();
        self.solve_in_place(&mut x);
        Some(x)
    }

    /// Forward then back substitution on an already permuted right-hand side.
    fn solve_in_place(&self, x: &mut [f64]) {
        let n = self.n;
        for i in 0..n {
            let row = &self.lu[i * n..i * n + i];
            let s: f64 = row.iter().zip(&x[..i]).map(|(l, v)| l * v).sum();
            x[i] -= s;
        }
        for i in (0..n).rev() {
            let row = &self.lu[i * n..(i + 1) * n];
            let s: f64 = row[i + 1..].iter().zip(&x[i + 1..]).map(|(u, v)| u * v).sum();
            x[i] = (x[i] - s) / row[i];
        }
    }

    /// The inverse A⁻¹, column by column.
    pub fn inverse(&self) -> Matrix {
        let n = self.n;
        let mut inv = Matrix::zeros(n, n);
        let mut col = vec![0.0; n];
        for j in 0..n {
            // Column j of P·I: a one where perm[k] == j.
            for (k, c) in col.iter_mut().enumerate() {
                *c = if self.perm[k] == j { 1.0 } else { 0.0 };
            }
            self.solve_in_place(&mut col);
            for (i, v) in col.iter().enumerate() {
                inv.data[i * n + j] = *v;
            }
        }
        inv
    }
}

/// Inverse of a square matrix (see [`lu`] for the errors).
pub fn inverse(a: &Matrix) -> Result<Matrix> {
    let f = lu(a)?;
    let inv = f.inverse();
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
        assert_close(&inverse(&m).unwrap(), &[vec![0.0, 1.0], vec![1.0, 0.0]], 1e-15);
        let x = solve(&m, &[2.0, 3.0]).unwrap();
        assert_eq!(x, vec![3.0, 2.0]);
    }

    #[test]
    fn refuses_singular_and_malformed_input() {
        let cases: &[(&[Vec<f64>], fn(&ErrorKind) -> bool)] = &[
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
