//! Growth over time: compound annual growth rate and the LQ dynamics quadrant (METHODS.md §3).
//!
//! CAGR = (V_end/V_start)^(1/years) − 1; the number of periods is always reported, because "1998–2001" is 3
//! periods, not 4, and the two give very different rates (the Xiqiao example: 26.7 % vs 37.1 %).

use crate::error::{non_negative, positive, Error, ErrorKind, Result};
use crate::methods::location_quotient::Values;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Input of the `cagr` method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CagrInput {
    pub start: f64,
    pub end: f64,
    /// Number of periods (years) between start and end; may be fractional.
    pub years: f64,
}

/// Output of the `cagr` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CagrOutput {
    pub method: String,
    /// Rate per period (0.267 = 26.7 %).
    pub cagr: f64,
    pub years: f64,
    pub start: f64,
    pub end: f64,
}

/// Validates (start, end, years > 0) and computes the CAGR.
pub fn cagr(start: f64, end: f64, years: f64) -> Result<CagrOutput> {
    positive(start, || "start".into())?;
    positive(end, || "end".into())?;
    positive(years, || "years".into())?;
    // Through logarithms so that huge ratios cannot overflow before the root is taken.
    let rate = ((end.ln() - start.ln()) / years).exp() - 1.0;
    if !rate.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "years"));
    }
    Ok(CagrOutput {
        method: "cagr".into(),
        cagr: rate,
        years,
        start,
        end,
    })
}

/// Practitioners' LQ portfolio quadrant (a convention, cite as such): position by the latest LQ (> 1 or not),
/// trend by its change (rising when the latest LQ is strictly above the earlier one; flat counts as falling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LqQuadrant {
    /// LQ > 1 and rising.
    Star,
    /// LQ > 1 and falling.
    Mature,
    /// LQ ≤ 1 and rising.
    Emerging,
    /// LQ ≤ 1 and falling.
    Transforming,
}

impl LqQuadrant {
    /// The quadrant of an industry whose LQ went from `earlier` to `latest`.
    pub fn of(earlier: f64, latest: f64) -> LqQuadrant {
        let rising = latest > earlier;
        match (latest > 1.0, rising) {
            (true, true) => LqQuadrant::Star,
            (true, false) => LqQuadrant::Mature,
            (false, true) => LqQuadrant::Emerging,
            (false, false) => LqQuadrant::Transforming,
        }
    }
}

/// Input of the `lq-dynamics` method: each industry's LQ at an earlier and the latest date.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LqDynamicsInput {
    pub earlier: Values,
    pub latest: Values,
}

/// Output of the `lq-dynamics` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LqDynamicsOutput {
    pub method: String,
    pub quadrants: BTreeMap<String, LqQuadrant>,
    /// latest − earlier.
    pub change: Values,
}

/// Validates (same industries, LQs finite ≥ 0) and classifies every industry.
pub fn lq_dynamics(earlier: &Values, latest: &Values) -> Result<LqDynamicsOutput> {
    for (id, v) in earlier {
        non_negative(*v, || format!("earlier.{id}"))?;
        if !latest.contains_key(id) {
            return Err(Error::new(ErrorKind::IdMismatch, format!("latest.{id}")));
        }
    }
    for (id, v) in latest {
        non_negative(*v, || format!("latest.{id}"))?;
        if !earlier.contains_key(id) {
            return Err(Error::new(ErrorKind::IdMismatch, format!("earlier.{id}")));
        }
    }
    let mut quadrants = BTreeMap::new();
    let mut change = Values::new();
    for (id, a) in earlier {
        let b = latest.get(id).copied().unwrap_or(0.0);
        quadrants.insert(id.clone(), LqQuadrant::of(*a, b));
        change.insert(id.clone(), b - a);
    }
    Ok(LqDynamicsOutput {
        method: "lq-dynamics".into(),
        quadrants,
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xiqiao_textile_output_growth() {
        // Seed text: Xiqiao 59.5 → 153.4 亿元 "1998–2001, 26.7 %/yr" only with 4 periods; 3 periods give 37.1 %.
        let cases = [(4.0, 0.267), (3.0, 0.371)];
        for (years, expected) in cases {
            let out = cagr(59.5, 153.4, years).unwrap();
            assert!(
                (out.cagr - expected).abs() < 0.0005,
                "{years}: {}",
                out.cagr
            );
            assert_eq!(out.years, years);
        }
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        for (s, e, y, path) in [
            (0.0, 1.0, 1.0, "start"),
            (1.0, -1.0, 1.0, "end"),
            (1.0, 1.0, 0.0, "years"),
            (f64::NAN, 1.0, 1.0, "start"),
        ] {
            assert_eq!(cagr(s, e, y).unwrap_err().path, path);
        }
    }

    #[test]
    fn lq_dynamics_names_mismatched_industries() {
        let v =
            |p: &[(&str, f64)]| -> Values { p.iter().map(|(k, v)| (k.to_string(), *v)).collect() };
        let out =
            lq_dynamics(&v(&[("a", 1.2), ("b", 0.5)]), &v(&[("a", 1.5), ("b", 0.4)])).unwrap();
        assert_eq!(out.quadrants["a"], LqQuadrant::Star);
        assert_eq!(out.quadrants["b"], LqQuadrant::Transforming);
        let err = lq_dynamics(&v(&[("a", 1.0)]), &v(&[("b", 1.0)])).unwrap_err();
        assert_eq!(err.path, "latest.a");
    }

    #[test]
    fn quadrants_follow_the_convention() {
        let cases = [
            (1.2, 1.5, LqQuadrant::Star),
            (1.5, 1.2, LqQuadrant::Mature),
            (1.2, 1.2, LqQuadrant::Mature),
            (0.5, 0.8, LqQuadrant::Emerging),
            (0.8, 0.5, LqQuadrant::Transforming),
            (0.8, 1.0, LqQuadrant::Emerging),
        ];
        for (a, b, q) in cases {
            assert_eq!(LqQuadrant::of(a, b), q, "{a} → {b}");
        }
    }
}
