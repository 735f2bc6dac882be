//! Locational Gini coefficient of one industry over areas, in REAT's `gini.conc` convention (METHODS.md §2).
//!
//! C_j = LQ of the industry in area j = (e_ij/e_i)/(e_j/e); sorted ascending as C_(1..n),
//! G = 2/(n² C̄) · Σ_λ λ (C_(λ) − C̄). 0 = spread like all employment; towards 1 − 1/n = all in one small area.

use crate::error::{non_negative, positive, Error, ErrorKind, Result};
use crate::methods::location_quotient::Values;
use serde::{Deserialize, Serialize};

/// Input of the `locational-gini` method: the industry's employment per area and every area's total employment.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct GiniInput {
    pub industry: Values,
    pub area_totals: Values,
}

/// Output of the `locational-gini` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GiniOutput {
    pub method: String,
    pub gini: f64,
    /// The LQ of the industry in each area (the Lorenz curve's ordering key).
    pub lq: Values,
}

/// The Gini of already computed area LQs (REAT convention); `None` when the mean LQ is not positive.
pub fn gini_of_quotients(lq: &[f64]) -> Option<f64> {
    let n = lq.len();
    if n == 0 {
        return None;
    }
    let mut sorted = lq.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mean = sorted.iter().sum::<f64>() / n as f64;
    if mean.is_nan() || mean <= 0.0 {
        return None;
    }
    let s: f64 = sorted
        .iter()
        .enumerate()
        .map(|(k, c)| (k + 1) as f64 * (c - mean))
        .sum();
    let g = 2.0 / ((n * n) as f64 * mean) * s;
    g.is_finite().then_some(g)
}

/// Validates and computes the locational Gini. Areas must have totals > 0; every area of `industry` must be in
/// `area_totals` (areas missing from `industry` count as 0); the industry total must be > 0.
pub fn locational_gini(industry: &Values, area_totals: &Values) -> Result<GiniOutput> {
    for (id, v) in area_totals {
        positive(*v, || format!("area_totals.{id}"))?;
    }
    for (id, v) in industry {
        non_negative(*v, || format!("industry.{id}"))?;
        if !area_totals.contains_key(id) {
            return Err(Error::new(
                ErrorKind::UnknownId(id.clone()),
                format!("industry.{id}"),
            ));
        }
    }
    if area_totals.len() < 2 {
        return Err(Error::new(ErrorKind::TooFew { min: 2 }, "area_totals"));
    }
    let e: f64 = area_totals.values().sum();
    let e_i: f64 = industry.values().sum();
    if !(e_i > 0.0 && e_i.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "industry"));
    }
    if !e.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "area_totals"));
    }
    let mut lq = Values::new();
    for (id, e_j) in area_totals {
        let e_ij = industry.get(id).copied().unwrap_or(0.0);
        let q = (e_ij / e_i) / (e_j / e);
        if !q.is_finite() {
            return Err(Error::new(
                ErrorKind::NotFinite,
                format!("area_totals.{id}"),
            ));
        }
        lq.insert(id.clone(), q);
    }
    let values: Vec<f64> = lq.values().copied().collect();
    let gini =
        gini_of_quotients(&values).ok_or_else(|| Error::new(ErrorKind::ZeroTotal, "industry"))?;
    Ok(GiniOutput {
        method: "locational-gini".into(),
        gini,
        lq,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> Values {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn reat_gini_conc_manual_example() {
        // REAT `gini.conc` manual (Farhauer/Kröll 2013): E_ij = (500, 500, 1000, 7000, 1000),
        // E_j = (20000, 15000, 20000, 40000, 5000) → 0.4068966.
        let industry = values(&[
            ("a", 500.0),
            ("b", 500.0),
            ("c", 1000.0),
            ("d", 7000.0),
            ("e", 1000.0),
        ]);
        let totals = values(&[
            ("a", 20000.0),
            ("b", 15000.0),
            ("c", 20000.0),
            ("d", 40000.0),
            ("e", 5000.0),
        ]);
        let out = locational_gini(&industry, &totals).unwrap();
        assert!((out.gini - 0.4068966).abs() < 1e-7, "{}", out.gini);
    }

    #[test]
    fn industry_spread_like_employment_has_gini_zero() {
        let totals = values(&[("a", 100.0), ("b", 300.0)]);
        let industry = values(&[("a", 10.0), ("b", 30.0)]);
        assert!(locational_gini(&industry, &totals).unwrap().gini.abs() < 1e-12);
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let totals = values(&[("a", 100.0), ("b", 300.0)]);
        let cases = [
            (values(&[("c", 1.0)]), totals.clone(), "industry.c"),
            (values(&[("a", 0.0)]), totals.clone(), "industry"),
            (
                values(&[("a", 1.0)]),
                values(&[("a", 0.0), ("b", 1.0)]),
                "area_totals.a",
            ),
            (values(&[("a", 1.0)]), values(&[("a", 1.0)]), "area_totals"),
        ];
        for (industry, totals, path) in cases {
            assert_eq!(locational_gini(&industry, &totals).unwrap_err().path, path);
        }
    }
}
