//! Shift-share analysis (Dunn) with the Esteban-Marquillas split of the regional shift (METHODS.md §3).
//!
//! For industry i between t0 and t1, with G the reference total growth rate, G_i the reference industry rate:
//! national share NS_i = e_i0·G, industry mix IM_i = e_i0·(G_i − G), regional shift RS_i = Δe_i − NS_i − IM_i
//! (= e_i0·(g_i − G_i), written without g_i so an industry that starts at 0 is still defined).
//! Esteban-Marquillas (needs reference levels): homothetic ê_i0 = e_r0·E_i0/E_0,
//! competitive = ê_i0·(g_i − G_i), allocation = (e_i0 − ê_i0)·(g_i − G_i); together they equal RS_i.

use crate::error::{in_range, non_negative, positive, Error, ErrorKind, Result};
use crate::methods::location_quotient::Values;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Input of the `shift-share` method: the town's levels and either reference levels or reference growth rates.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ShiftShareInput {
    pub local_start: Values,
    pub local_end: Values,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_start: Option<Values>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_end: Option<Values>,
    /// Reference growth rate per industry (0.1 = +10 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_growth: Option<Values>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_total_growth: Option<f64>,
}

/// The components of one industry (or of the total).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Components {
    pub change: f64,
    pub national_share: f64,
    pub industry_mix: f64,
    pub regional_shift: f64,
    /// Esteban-Marquillas competitive effect (only with reference levels).
    pub competitive: Option<f64>,
    /// Esteban-Marquillas allocation effect (only with reference levels).
    pub allocation: Option<f64>,
}

/// Output of the `shift-share` method. Variant `levels` or `growth-rates` names the reference input used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShiftShareOutput {
    pub method: String,
    pub variant: String,
    /// G: the reference total growth rate used.
    pub reference_total_growth: f64,
    pub industries: BTreeMap<String, Components>,
    pub total: Components,
}

fn same_ids(a: &Values, b: &Values, path: &str) -> Result<()> {
    if a.len() == b.len() && a.keys().zip(b.keys()).all(|(x, y)| x == y) {
        Ok(())
    } else {
        // Name the first id that differs, so the user can find it.
        let id = a
            .keys()
            .find(|k| !b.contains_key(*k))
            .or_else(|| b.keys().find(|k| !a.contains_key(*k)));
        Err(Error::new(
            ErrorKind::IdMismatch,
            match id {
                Some(id) => format!("{path}.{id}"),
                None => path.to_string(),
            },
        ))
    }
}

/// Validates and decomposes. Levels take precedence when both kinds of reference are given.
pub fn shift_share(input: &ShiftShareInput) -> Result<ShiftShareOutput> {
    let ls = &input.local_start;
    let le = &input.local_end;
    for (id, v) in ls {
        non_negative(*v, || format!("local_start.{id}"))?;
    }
    for (id, v) in le {
        non_negative(*v, || format!("local_end.{id}"))?;
    }
    if ls.is_empty() {
        return Err(Error::new(ErrorKind::TooFew { min: 1 }, "local_start"));
    }
    same_ids(ls, le, "local_end")?;

    // Reference growth per industry, the total rate, and (with levels) the start levels for Esteban-Marquillas.
    let (variant, growth, total_growth, ref_start): (&str, Values, f64, Option<&Values>) =
        match (&input.reference_start, &input.reference_end) {
            (Some(rs), Some(re)) => {
                for (id, v) in rs {
                    positive(*v, || format!("reference_start.{id}"))?;
                }
                for (id, v) in re {
                    non_negative(*v, || format!("reference_end.{id}"))?;
                }
                same_ids(ls, rs, "reference_start")?;
                same_ids(ls, re, "reference_end")?;
                let s0: f64 = rs.values().sum();
                let s1: f64 = re.values().sum();
                if !(s0.is_finite() && s1.is_finite()) {
                    return Err(Error::new(ErrorKind::NotFinite, "reference_start"));
                }
                let growth = rs
                    .iter()
                    .map(|(id, v0)| {
                        let v1 = re.get(id).copied().unwrap_or(0.0);
                        (id.clone(), v1 / v0 - 1.0)
                    })
                    .collect();
                ("levels", growth, s1 / s0 - 1.0, Some(rs))
            }
            (Some(_), None) => return Err(Error::new(ErrorKind::Missing, "reference_end")),
            (None, Some(_)) => return Err(Error::new(ErrorKind::Missing, "reference_start")),
            (None, None) => {
                let rates = input
                    .reference_growth
                    .as_ref()
                    .ok_or_else(|| Error::new(ErrorKind::Missing, "reference_growth"))?;
                let total = input
                    .reference_total_growth
                    .ok_or_else(|| Error::new(ErrorKind::Missing, "reference_total_growth"))?;
                // A rate below −100 % would mean negative employment.
                in_range(total, -1.0, 1e9, || "reference_total_growth".into())?;
                for (id, v) in rates {
                    in_range(*v, -1.0, 1e9, || format!("reference_growth.{id}"))?;
                }
                same_ids(ls, rates, "reference_growth")?;
                ("growth-rates", rates.clone(), total, None)
            }
        };

    let e_r0: f64 = ls.values().sum();
    let big_e0: f64 = ref_start.map_or(0.0, |r| r.values().sum());
    let mut industries = BTreeMap::new();
    let mut total = Components {
        competitive: ref_start.map(|_| 0.0),
        allocation: ref_start.map(|_| 0.0),
        ..Components::default()
    };
    for (id, e0) in ls {
        let e1 = le.get(id).copied().unwrap_or(0.0);
        let g_i = growth.get(id).copied().unwrap_or(0.0);
        let change = e1 - e0;
        let ns = e0 * total_growth;
        let im = e0 * (g_i - total_growth);
        let rs = change - ns - im;
        // Esteban-Marquillas: RS_i = ê_i0(g_i − G_i) + (e_i0 − ê_i0)(g_i − G_i); with e_i0 = 0 the whole shift
        // is "competitive" (rs / ê_i0 is the differential), which keeps the identity exact.
        let (competitive, allocation) = match ref_start {
            Some(r) => {
                let hat = e_r0 * r.get(id).copied().unwrap_or(0.0) / big_e0;
                if *e0 > 0.0 {
                    let diff = rs / e0;
                    (Some(hat * diff), Some((e0 - hat) * diff))
                } else {
                    (Some(rs), Some(0.0))
                }
            }
            None => (None, None),
        };
        let c = Components {
            change,
            national_share: ns,
            industry_mix: im,
            regional_shift: rs,
            competitive,
            allocation,
        };
        for v in [change, ns, im, rs]
            .into_iter()
            .chain(competitive)
            .chain(allocation)
        {
            if !v.is_finite() {
                return Err(Error::new(
                    ErrorKind::NotFinite,
                    format!("local_start.{id}"),
                ));
            }
        }
        total.change += change;
        total.national_share += ns;
        total.industry_mix += im;
        total.regional_shift += rs;
        total.competitive = total.competitive.zip(competitive).map(|(a, b)| a + b);
        total.allocation = total.allocation.zip(allocation).map(|(a, b)| a + b);
        industries.insert(id.clone(), c);
    }
    Ok(ShiftShareOutput {
        method: "shift-share".into(),
        variant: variant.into(),
        reference_total_growth: total_growth,
        industries,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, f64)]) -> Values {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    fn krumme() -> ShiftShareInput {
        ShiftShareInput {
            local_start: values(&[("a", 500.0), ("b", 100.0), ("c", 200.0), ("d", 200.0)]),
            local_end: values(&[("a", 1000.0), ("b", 100.0), ("c", 250.0), ("d", 280.0)]),
            reference_growth: Some(values(&[("a", 0.1), ("b", 0.2), ("c", 0.3), ("d", 0.4)])),
            reference_total_growth: Some(0.29),
            ..ShiftShareInput::default()
        }
    }

    #[track_caller]
    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn krumme_worked_example() {
        // Krumme (U. Washington, Geog 350 shift-share exercise): NS 290, IM −80, RS 420, total 630.
        let out = shift_share(&krumme()).unwrap();
        assert_eq!(out.variant, "growth-rates");
        close(out.total.national_share, 290.0);
        close(out.total.industry_mix, -80.0);
        close(out.total.regional_shift, 420.0);
        close(out.total.change, 630.0);
        assert_eq!(out.total.competitive, None);
    }

    #[test]
    fn esteban_marquillas_splits_the_regional_shift() {
        let input = ShiftShareInput {
            local_start: values(&[("a", 500.0), ("b", 100.0)]),
            local_end: values(&[("a", 1000.0), ("b", 100.0)]),
            reference_start: Some(values(&[("a", 1000.0), ("b", 3000.0)])),
            reference_end: Some(values(&[("a", 1100.0), ("b", 3600.0)])),
            ..ShiftShareInput::default()
        };
        let out = shift_share(&input).unwrap();
        assert_eq!(out.variant, "levels");
        for c in out.industries.values().chain([&out.total]) {
            close(
                c.competitive.unwrap() + c.allocation.unwrap(),
                c.regional_shift,
            );
            close(
                c.national_share + c.industry_mix + c.regional_shift,
                c.change,
            );
        }
        // a: ê = 600·1000/4000 = 150, g − G_a = 1.0 − 0.1 = 0.9 → competitive 135, allocation 315.
        let a = out.industries["a"];
        close(a.competitive.unwrap(), 135.0);
        close(a.allocation.unwrap(), 315.0);
    }

    #[test]
    fn mismatched_or_missing_maps_name_the_field() {
        let mut extra = krumme();
        extra.local_end.insert("e".into(), 5.0);
        assert_eq!(shift_share(&extra).unwrap_err().path, "local_end.e");
        let mut missing_rate = krumme();
        missing_rate.reference_growth.as_mut().unwrap().remove("c");
        assert_eq!(
            shift_share(&missing_rate).unwrap_err().path,
            "reference_growth.c"
        );
        let mut no_total = krumme();
        no_total.reference_total_growth = None;
        assert_eq!(
            shift_share(&no_total).unwrap_err().path,
            "reference_total_growth"
        );
        let mut negative = krumme();
        negative.local_start.insert("a".into(), -1.0);
        assert_eq!(shift_share(&negative).unwrap_err().path, "local_start.a");
    }
}
