//! Concentration of firm sizes inside a cluster: Herfindahl–Hirschman index, CR1/CR4 and Bain's classes (METHODS.md §1).
//!
//! H = Σ s_k² with s_k the firms' shares (0..1, also reported ×10 000 as "points"), normalised
//! H* = (H − 1/n)/(1 − 1/n), equivalent number of firms 1/H. n counts every listed firm, zeros included, as REAT's
//! `herf` does.

use crate::error::{non_negative, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Bain's market-structure classes by CR4, in the six-type table of Chinese industrial-organisation textbooks
/// (Bain 1959/1968; METHODS.md §1): ≥ 75 % 极高寡占型, 65–75 % 高集中寡占型, 50–65 % 中（上）集中寡占型,
/// 35–50 % 中（下）集中寡占型, 30–35 % 低集中寡占型, < 30 % 原子型（竞争型）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BainClass {
    /// Type I, CR4 ≥ 75 % (极高寡占型).
    VeryHigh,
    /// Type II, 65 % ≤ CR4 < 75 % (高集中寡占型).
    High,
    /// Type III, 50 % ≤ CR4 < 65 % (中（上）集中寡占型).
    UpperModerate,
    /// Type IV, 35 % ≤ CR4 < 50 % (中（下）集中寡占型).
    LowerModerate,
    /// Type V, 30 % ≤ CR4 < 35 % (低集中寡占型).
    Low,
    /// Type VI, CR4 < 30 % (原子型（竞争型）).
    Atomistic,
}

/// Where the class table comes from, for the report.
pub const BAIN_SOURCE: &str = "Bain's six market-structure types on CR4 as tabled in Chinese industrial-organisation textbooks: ≥ 75 % Ⅰ 极高寡占型, 65–75 % Ⅱ 高集中寡占型, 50–65 % Ⅲ 中（上）集中寡占型, 35–50 % Ⅳ 中（下）集中寡占型, 30–35 % Ⅴ 低集中寡占型, < 30 % Ⅵ 原子型 (METHODS.md §1)";

impl BainClass {
    /// The class name in both languages.
    pub fn label(self) -> crate::lang::Text {
        let (zh, en) = match self {
            BainClass::VeryHigh => ("极高寡占型", "very highly concentrated oligopoly (type I)"),
            BainClass::High => ("高集中寡占型", "highly concentrated oligopoly (type II)"),
            BainClass::UpperModerate => (
                "中（上）集中寡占型",
                "upper-moderately concentrated oligopoly (type III)",
            ),
            BainClass::LowerModerate => (
                "中（下）集中寡占型",
                "lower-moderately concentrated oligopoly (type IV)",
            ),
            BainClass::Low => ("低集中寡占型", "low-concentration oligopoly (type V)"),
            BainClass::Atomistic => ("原子型（竞争型）", "atomistic (competitive, type VI)"),
        };
        crate::lang::Text::new(zh, en)
    }

    pub fn of(cr4: f64) -> BainClass {
        if cr4 >= 0.75 {
            BainClass::VeryHigh
        } else if cr4 >= 0.65 {
            BainClass::High
        } else if cr4 >= 0.50 {
            BainClass::UpperModerate
        } else if cr4 >= 0.35 {
            BainClass::LowerModerate
        } else if cr4 >= 0.30 {
            BainClass::Low
        } else {
            BainClass::Atomistic
        }
    }
}

/// Input of the `concentration` method: firm sizes (employment, output or sales).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ConcentrationInput {
    pub sizes: Vec<f64>,
}

/// Output of the `concentration` method. Shares are 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcentrationOutput {
    pub method: String,
    pub n: usize,
    pub total: f64,
    /// Σ s_k², 0..1.
    pub hhi: f64,
    /// Σ s_k² × 10 000 (shares in percent squared), 0..10 000.
    pub hhi_points: f64,
    /// (H − 1/n)/(1 − 1/n); 1 for a single firm (a monopoly is fully concentrated).
    pub hhi_normalized: f64,
    /// 1/H: the number of equal-sized firms that would give the same H.
    pub equivalent_number: f64,
    pub cr1: f64,
    /// Share of the four largest firms (all firms when fewer than four).
    pub cr4: f64,
    pub bain: BainClass,
}

/// Validates the sizes (finite, ≥ 0, at least one, total > 0) and computes the concentration measures.
pub fn concentration(sizes: &[f64]) -> Result<ConcentrationOutput> {
    if sizes.is_empty() {
        return Err(Error::new(ErrorKind::TooFew { min: 1 }, "sizes"));
    }
    for (k, v) in sizes.iter().enumerate() {
        non_negative(*v, || format!("sizes[{k}]"))?;
    }
    let total: f64 = sizes.iter().sum();
    if !(total > 0.0 && total.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "sizes"));
    }
    let mut shares: Vec<f64> = sizes.iter().map(|v| v / total).collect();
    // Largest first; shares are finite so the comparison is total.
    shares.sort_by(|a, b| b.total_cmp(a));
    let hhi: f64 = shares.iter().map(|s| s * s).sum();
    let n = sizes.len();
    let hhi_normalized = if n == 1 {
        1.0
    } else {
        let inv_n = 1.0 / n as f64;
        (hhi - inv_n) / (1.0 - inv_n)
    };
    let cr1 = shares.first().copied().unwrap_or(0.0);
    let cr4: f64 = shares.iter().take(4).sum();
    Ok(ConcentrationOutput {
        method: "concentration".into(),
        n,
        total,
        hhi,
        hhi_points: hhi * 10_000.0,
        hhi_normalized,
        equivalent_number: 1.0 / hhi,
        cr1,
        cr4,
        bain: BainClass::of(cr4),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn reat_herf_manual_example() {
        // REAT `herf` manual (Dörsam 2004): sales (20, 50, 20, 10) → H 0.34, H* 0.12, 1/H 2.94.
        let out = concentration(&[20.0, 50.0, 20.0, 10.0]).unwrap();
        close(out.hhi, 0.34, 1e-12);
        close(out.hhi_normalized, 0.12, 1e-12);
        close(out.equivalent_number, 2.94, 0.005);
        close(out.cr1, 0.5, 1e-12);
        close(out.cr4, 1.0, 1e-12);
        assert_eq!(out.bain, BainClass::VeryHigh);
    }

    #[test]
    fn shares_40_30_20_10_give_3000_points() {
        // US DOJ/FTC HHI illustration: shares 40/30/20/10 % → 1600 + 900 + 400 + 100 = 3000.
        close(
            concentration(&[40.0, 30.0, 20.0, 10.0]).unwrap().hhi_points,
            3000.0,
            1e-9,
        );
    }

    #[test]
    fn bain_classes_follow_cr4_bounds() {
        let cases = [
            (1.0, BainClass::VeryHigh),
            (0.75, BainClass::VeryHigh),
            (0.7499, BainClass::High),
            (0.65, BainClass::High),
            (0.6499, BainClass::UpperModerate),
            (0.5, BainClass::UpperModerate),
            (0.4999, BainClass::LowerModerate),
            (0.35, BainClass::LowerModerate),
            (0.3499, BainClass::Low),
            (0.3, BainClass::Low),
            (0.2999, BainClass::Atomistic),
            (0.2, BainClass::Atomistic),
        ];
        for (cr4, class) in cases {
            assert_eq!(BainClass::of(cr4), class, "{cr4}");
        }
    }

    #[test]
    fn twenty_equal_firms_are_atomistic() {
        let out = concentration(&[1.0; 20]).unwrap();
        close(out.cr4, 0.2, 1e-12);
        close(out.hhi_normalized, 0.0, 1e-12);
        close(out.equivalent_number, 20.0, 1e-9);
        assert_eq!(out.bain, BainClass::Atomistic);
    }

    #[test]
    fn invalid_sizes_name_the_field() {
        let cases: [(&[f64], &str); 3] = [
            (&[], "sizes"),
            (&[1.0, -1.0], "sizes[1]"),
            (&[0.0, 0.0], "sizes"),
        ];
        for (sizes, path) in cases {
            assert_eq!(concentration(sizes).unwrap_err().path, path, "{sizes:?}");
        }
    }
}
