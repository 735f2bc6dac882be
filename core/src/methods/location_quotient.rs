//! Location quotients, the Krugman specialisation index and the Hoover coefficient (METHODS.md §1).
//!
//! LQ_ir = (e_ir / e_r) / (E_i / E). Works on employment, output or value added alike: the caller names the
//! measure. Bands follow Chinese practice: LQ ≤ 1 self-sufficient, 1 < LQ ≤ 2 specialised, LQ > 2 clear advantage.

use crate::error::{non_negative, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Industry (or area) id → value. Ordered so results are deterministic on every platform.
pub type Values = BTreeMap<String, f64>;

/// LQ band used in Chinese practice (METHODS.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LqBand {
    /// LQ ≤ 1: 自给性部门.
    SelfSufficient,
    /// 1 < LQ ≤ 2: 专业化部门.
    Specialised,
    /// LQ > 2: 比较优势明显.
    ClearAdvantage,
}

impl LqBand {
    pub fn of(lq: f64) -> LqBand {
        if lq > 2.0 {
            LqBand::ClearAdvantage
        } else if lq > 1.0 {
            LqBand::Specialised
        } else {
            LqBand::SelfSufficient
        }
    }
}

/// Input of the `location-quotient` method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LqInput {
    pub local: Values,
    pub reference: Values,
}

/// Output of the `location-quotient` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LqOutput {
    pub method: String,
    pub lq: Values,
    pub bands: BTreeMap<String, LqBand>,
    /// Σ_i |local share − reference share| over the union of industries (0..2).
    pub krugman: f64,
    /// Krugman / 2 (0..1).
    pub hoover: f64,
    pub local_total: f64,
    pub reference_total: f64,
}

/// Validates and computes LQs of `local` against `reference`.
///
/// Every local industry must be present in the reference with a value > 0; totals must be > 0.
/// Reference industries absent locally count as local 0 in Krugman (they are part of the reference structure).
pub fn location_quotients(local: &Values, reference: &Values) -> Result<LqOutput> {
    for (id, v) in local {
        non_negative(*v, || format!("local.{id}"))?;
    }
    for (id, v) in reference {
        non_negative(*v, || format!("reference.{id}"))?;
    }
    let e_r: f64 = local.values().sum();
    let big_e: f64 = reference.values().sum();
    if e_r.is_nan() || e_r <= 0.0 || !e_r.is_finite() {
        return Err(Error::new(ErrorKind::ZeroTotal, "local"));
    }
    if big_e.is_nan() || big_e <= 0.0 || !big_e.is_finite() {
        return Err(Error::new(ErrorKind::ZeroTotal, "reference"));
    }
    let mut lq = Values::new();
    let mut bands = BTreeMap::new();
    for (id, e_i) in local {
        let big_e_i = match reference.get(id) {
            Some(v) if *v > 0.0 => *v,
            _ => {
                return Err(Error::new(
                    ErrorKind::UnknownId(id.clone()),
                    format!("local.{id}"),
                ))
            }
        };
        let q = (e_i / e_r) / (big_e_i / big_e);
        lq.insert(id.clone(), q);
        bands.insert(id.clone(), LqBand::of(q));
    }
    let krugman = krugman_index(local, e_r, reference, big_e);
    Ok(LqOutput {
        method: "location-quotient".into(),
        lq,
        bands,
        krugman,
        hoover: krugman / 2.0,
        local_total: e_r,
        reference_total: big_e,
    })
}

/// Krugman index K = Σ_i |a_i/A − b_i/B| over the union of ids (absent = 0). Totals must be > 0.
pub fn krugman_index(a: &Values, a_total: f64, b: &Values, b_total: f64) -> f64 {
    let share = |m: &Values, t: f64, id: &str| m.get(id).copied().unwrap_or(0.0) / t;
    let ids = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
    ids.map(|id| (share(a, a_total, id) - share(b, b_total, id)).abs())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> Values {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn reat_locq_manual_example() {
        // REAT `locq` manual (Farhauer/Kröll): e_ir = 1714, e_r = 79006, E_i = 879213, E = 15593224.
        let local = values(&[("i", 1714.0), ("rest", 79006.0 - 1714.0)]);
        let reference = values(&[("i", 879213.0), ("rest", 15593224.0 - 879213.0)]);
        let out = location_quotients(&local, &reference).expect("valid");
        assert!((out.lq["i"] - 0.3847623).abs() < 1e-7, "{}", out.lq["i"]);
        assert_eq!(out.bands["i"], LqBand::SelfSufficient);
    }

    #[test]
    fn reat_krugman_two_regions() {
        // REAT manual: E_j = (20,10,70,0,0), E_l = (0,0,0,60,40) → K = 2.
        let a = values(&[
            ("1", 20.0),
            ("2", 10.0),
            ("3", 70.0),
            ("4", 0.0),
            ("5", 0.0),
        ]);
        let b = values(&[("1", 0.0), ("2", 0.0), ("3", 0.0), ("4", 60.0), ("5", 40.0)]);
        assert!((krugman_index(&a, 100.0, &b, 100.0) - 2.0).abs() < 1e-12);
    }

    #[test]
    fn local_industry_missing_from_reference_names_it() {
        let err = location_quotients(&values(&[("C17", 5.0)]), &values(&[("C18", 5.0)]))
            .expect_err("invalid");
        assert_eq!(err.path, "local.C17");
        assert!(matches!(err.kind, ErrorKind::UnknownId(_)));
    }

    #[test]
    fn bands_follow_chinese_practice() {
        assert_eq!(LqBand::of(1.0), LqBand::SelfSufficient);
        assert_eq!(LqBand::of(1.5), LqBand::Specialised);
        assert_eq!(LqBand::of(2.0), LqBand::Specialised);
        assert_eq!(LqBand::of(2.01), LqBand::ClearAdvantage);
    }
}
