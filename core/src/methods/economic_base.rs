//! Economic-base (export-base) multiplier by the LQ method and the assignment (survey) method (METHODS.md §4).
//!
//! LQ method: b_i = e_i − e_r·E_i/E where LQ_i > 1, else 0 (it assumes equal productivity and consumption, and
//! misjudges basic activity: show that caveat). Assignment: b_i = share_i·e_i with share_i the user's share of
//! sales outside the town. M = e_r/Σb = 1 + N/B. Impact: Δtotal = M·Δbasic. With both inputs both multipliers are
//! shown as a range.

use crate::error::{in_range, Error, ErrorKind, Result};
use crate::methods::location_quotient::{location_quotients, Values};
use serde::{Deserialize, Serialize};

/// Input of the `economic-base` method.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EconomicBaseInput {
    pub local: Values,
    /// Needed for the LQ method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Values>,
    /// Share of each industry's sales outside the town, 0..1 (assignment method). Local industries not listed
    /// count as 0 (purely local).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_shares: Option<Values>,
    /// Optional change in basic employment for the impact Δtotal = M·Δbasic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta_basic: Option<f64>,
}

/// One method's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BaseResult {
    pub basic: Values,
    pub total_basic: f64,
    pub non_basic: f64,
    pub multiplier: f64,
}

/// Output of the `economic-base` method. The top-level fields are the variant's; with both inputs the
/// assignment method leads (survey data beats the LQ assumption) and `range` spans both multipliers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EconomicBaseOutput {
    pub method: String,
    pub variant: String,
    pub basic: Values,
    pub total_basic: f64,
    pub non_basic: f64,
    pub total: f64,
    pub multiplier: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lq_method: Option<BaseResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment_method: Option<BaseResult>,
    /// [lower, higher] multiplier when both methods were possible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// M·Δbasic when `delta_basic` was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta_total: Option<f64>,
}

fn finish(basic: Values, total: f64) -> Result<BaseResult> {
    let total_basic: f64 = basic.values().sum();
    if total_basic.is_nan() || total_basic <= 0.0 {
        // No basic activity: the multiplier e_r/B is undefined (e.g. the town's structure equals the reference).
        return Err(Error::new(ErrorKind::ZeroTotal, "basic"));
    }
    let multiplier = total / total_basic;
    if !multiplier.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "local"));
    }
    Ok(BaseResult {
        basic,
        total_basic,
        non_basic: total - total_basic,
        multiplier,
    })
}

/// LQ-method basic employment (validation as in [`location_quotients`]).
pub fn lq_method(local: &Values, reference: &Values) -> Result<BaseResult> {
    let lq = location_quotients(local, reference)?;
    let (e_r, big_e) = (lq.local_total, lq.reference_total);
    let mut basic = Values::new();
    for (id, e_i) in local {
        let q = lq.lq.get(id).copied().unwrap_or(0.0);
        let big_e_i = reference.get(id).copied().unwrap_or(0.0);
        // max(0, ·) guards rounding: LQ > 1 implies e_i > e_r·E_i/E in exact arithmetic.
        let b = if q > 1.0 {
            (e_i - e_r * big_e_i / big_e).max(0.0)
        } else {
            0.0
        };
        basic.insert(id.clone(), b);
    }
    finish(basic, e_r)
}

/// Assignment-method basic employment. Local values finite ≥ 0 with total > 0; shares in [0, 1]; every share's
/// industry present in `local`.
pub fn assignment_method(local: &Values, export_shares: &Values) -> Result<BaseResult> {
    for (id, v) in local {
        crate::error::non_negative(*v, || format!("local.{id}"))?;
    }
    let total: f64 = local.values().sum();
    if !(total > 0.0 && total.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "local"));
    }
    for (id, s) in export_shares {
        in_range(*s, 0.0, 1.0, || format!("export_shares.{id}"))?;
        if !local.contains_key(id) {
            return Err(Error::new(
                ErrorKind::UnknownId(id.clone()),
                format!("export_shares.{id}"),
            ));
        }
    }
    let basic = local
        .iter()
        .map(|(id, e)| {
            (
                id.clone(),
                e * export_shares.get(id).copied().unwrap_or(0.0),
            )
        })
        .collect();
    finish(basic, total)
}

/// Validates and computes the multiplier by whichever methods the input allows.
pub fn economic_base(input: &EconomicBaseInput) -> Result<EconomicBaseOutput> {
    let lq = input
        .reference
        .as_ref()
        .map(|r| lq_method(&input.local, r))
        .transpose()?;
    let assignment = input
        .export_shares
        .as_ref()
        .map(|s| assignment_method(&input.local, s))
        .transpose()?;
    let (variant, lead) = match (&assignment, &lq) {
        (Some(a), _) => ("assignment", a.clone()),
        (None, Some(l)) => ("lq", l.clone()),
        (None, None) => return Err(Error::new(ErrorKind::Missing, "reference")),
    };
    let range = match (&lq, &assignment) {
        (Some(l), Some(a)) => Some([
            l.multiplier.min(a.multiplier),
            l.multiplier.max(a.multiplier),
        ]),
        _ => None,
    };
    let delta_total = input
        .delta_basic
        .map(|d| {
            if d.is_finite() {
                Ok(lead.multiplier * d)
            } else {
                Err(Error::new(ErrorKind::NotFinite, "delta_basic"))
            }
        })
        .transpose()?;
    Ok(EconomicBaseOutput {
        method: "economic-base".into(),
        variant: variant.into(),
        total: lead.total_basic + lead.non_basic,
        basic: lead.basic,
        total_basic: lead.total_basic,
        non_basic: lead.non_basic,
        multiplier: lead.multiplier,
        lq_method: lq,
        assignment_method: assignment,
        range,
        delta_total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> Values {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn textbook_assignment_example() {
        // 许学强-style 城市地理学 textbook: 100 000 workers, 20 000 clearly basic, the other 80 000 split 1:1
        // → B = 60 000, M = 100 000 / 60 000 ≈ 1.67. As assignment input: shares 1.0 and 0.5.
        let input = EconomicBaseInput {
            local: values(&[("clearly-basic", 20000.0), ("mixed", 80000.0)]),
            export_shares: Some(values(&[("clearly-basic", 1.0), ("mixed", 0.5)])),
            delta_basic: Some(600.0),
            ..EconomicBaseInput::default()
        };
        let out = economic_base(&input).unwrap();
        assert_eq!(out.variant, "assignment");
        assert!((out.total_basic - 60000.0).abs() < 1e-9);
        assert!((out.multiplier - 1.6667).abs() < 1e-4, "{}", out.multiplier);
        assert!((out.delta_total.unwrap() - 1000.0).abs() < 1e-9);
    }

    #[test]
    fn lq_method_and_range() {
        // Constructed: town 300 manufacturing + 700 services; reference 2 000 + 8 000.
        // LQ_m = 0.3/0.2 = 1.5 → b_m = 300 − 1000·0.2 = 100; LQ_s = 0.875 → 0. M = 1000/100 = 10.
        let mut input = EconomicBaseInput {
            local: values(&[("m", 300.0), ("s", 700.0)]),
            reference: Some(values(&[("m", 2000.0), ("s", 8000.0)])),
            ..EconomicBaseInput::default()
        };
        let out = economic_base(&input).unwrap();
        assert_eq!(out.variant, "lq");
        assert!((out.basic["m"] - 100.0).abs() < 1e-9);
        assert_eq!(out.basic["s"], 0.0);
        assert!((out.multiplier - 10.0).abs() < 1e-9);
        // With survey shares as well (m exports 80 %, s 10 %): B = 240 + 70 = 310, M = 3.2258; range [3.23, 10].
        input.export_shares = Some(values(&[("m", 0.8), ("s", 0.1)]));
        let both = economic_base(&input).unwrap();
        assert_eq!(both.variant, "assignment");
        let [lo, hi] = both.range.unwrap();
        assert!((lo - 1000.0 / 310.0).abs() < 1e-9 && (hi - 10.0).abs() < 1e-9);
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let local = values(&[("m", 300.0), ("s", 700.0)]);
        let cases = [
            (
                EconomicBaseInput {
                    local: local.clone(),
                    ..EconomicBaseInput::default()
                },
                "reference",
            ),
            (
                EconomicBaseInput {
                    local: local.clone(),
                    export_shares: Some(values(&[("m", 1.5)])),
                    ..EconomicBaseInput::default()
                },
                "export_shares.m",
            ),
            (
                EconomicBaseInput {
                    local: local.clone(),
                    export_shares: Some(values(&[("x", 0.5)])),
                    ..EconomicBaseInput::default()
                },
                "export_shares.x",
            ),
            (
                EconomicBaseInput {
                    local: local.clone(),
                    reference: Some(values(&[("m", 3.0), ("s", 7.0)])),
                    ..EconomicBaseInput::default()
                },
                "basic",
            ),
            (
                EconomicBaseInput {
                    local,
                    reference: Some(values(&[("m", 3.0)])),
                    ..EconomicBaseInput::default()
                },
                "local.s",
            ),
        ];
        for (input, path) in cases {
            assert_eq!(economic_base(&input).unwrap_err().path, path);
        }
    }
}
