//! Keynesian regional income multiplier in its three circulating forms (METHODS.md §4).
//!
//! The forms give different numbers for the same c, t, m, so every result names its form:
//! leakage (default) k = 1/(1 − c(1−t)(1−m)); textbook k = 1/(1 − c(1−t) + m);
//! Armstrong–Taylor k = 1/(1 − (c − m)(1 − t)).

use crate::error::{in_range, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// Which formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum KeynesForm {
    /// m is the share of local spending that leaks out of the town.
    #[default]
    Leakage,
    /// Open-economy textbook form, m the marginal propensity to import.
    Textbook,
    /// Armstrong & Taylor, Regional Economics and Policy.
    ArmstrongTaylor,
}

impl KeynesForm {
    pub fn name(self) -> &'static str {
        match self {
            KeynesForm::Leakage => "leakage",
            KeynesForm::Textbook => "textbook",
            KeynesForm::ArmstrongTaylor => "armstrong-taylor",
        }
    }

    /// The multiplier, or `None` where the denominator is not positive (c = 1, t = m = 0).
    pub fn multiplier(self, c: f64, t: f64, m: f64) -> Option<f64> {
        let denominator = match self {
            KeynesForm::Leakage => 1.0 - c * (1.0 - t) * (1.0 - m),
            KeynesForm::Textbook => 1.0 - c * (1.0 - t) + m,
            KeynesForm::ArmstrongTaylor => 1.0 - (c - m) * (1.0 - t),
        };
        // A denominator this close to zero means "infinite" multiplier: treat as undefined, not as 1e15.
        (denominator > 1e-9).then(|| 1.0 / denominator)
    }
}

/// Input of the `keynes` method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeynesInput {
    /// Marginal propensity to consume, 0..1.
    pub c: f64,
    /// Tax (and other deduction) rate, 0..1.
    pub t: f64,
    /// Import / leakage share, 0..1.
    pub m: f64,
    #[serde(default)]
    pub form: KeynesForm,
    /// Half-width of the sensitivity band for each of c, t, m (default 0.05; 0..0.5).
    #[serde(default)]
    pub band: Option<f64>,
}

/// Low and high multiplier when c, t and m each move by ±`step` (clamped to [0, 1]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub step: f64,
    pub low: f64,
    pub high: f64,
}

/// Output of the `keynes` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeynesOutput {
    pub method: String,
    pub variant: String,
    pub multiplier: f64,
    pub band: Band,
}

/// The default half-width of the sensitivity band (an assumption: a plausible error of an estimated propensity).
pub const DEFAULT_BAND: f64 = 0.05;

/// Validates c, t, m ∈ [0, 1] and the band ∈ [0, 0.5], and computes the multiplier with its band.
pub fn keynes(c: f64, t: f64, m: f64, form: KeynesForm, band: Option<f64>) -> Result<KeynesOutput> {
    in_range(c, 0.0, 1.0, || "c".into())?;
    in_range(t, 0.0, 1.0, || "t".into())?;
    in_range(m, 0.0, 1.0, || "m".into())?;
    let step = in_range(band.unwrap_or(DEFAULT_BAND), 0.0, 0.5, || "band".into())?;
    let multiplier = form.multiplier(c, t, m).ok_or_else(|| {
        // Only c = 1 with t = m = 0 gets here: everything is respent locally forever.
        Error::new(ErrorKind::OutOfRangeHalfOpen { min: 0.0, max: 1.0 }, "c")
    })?;
    // Evaluate the 3 × 3 × 3 grid: the forms are not all monotone in m (Armstrong–Taylor with c < m), so the
    // corners alone are not enough. Undefined points (denominator 0) are skipped.
    let offsets = [-step, 0.0, step];
    let clamp = |v: f64| v.clamp(0.0, 1.0);
    let (mut low, mut high) = (multiplier, multiplier);
    for dc in offsets {
        for dt in offsets {
            for dm in offsets {
                if let Some(k) = form.multiplier(clamp(c + dc), clamp(t + dt), clamp(m + dm)) {
                    low = low.min(k);
                    high = high.max(k);
                }
            }
        }
    }
    Ok(KeynesOutput {
        method: "keynes".into(),
        variant: form.name().into(),
        multiplier,
        band: Band { step, low, high },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_textbook_examples() {
        // Open-economy textbook form: c=.54, t=.11, m=.15 → 1.493875; c=.7, t=.25, m=.2 → 1.48 (METHODS.md §4).
        let cases = [
            (0.54, 0.11, 0.15, 1.493875, 1e-6),
            (0.7, 0.25, 0.2, 1.48, 0.002),
        ];
        for (c, t, m, k, tol) in cases {
            let out = keynes(c, t, m, KeynesForm::Textbook, None).unwrap();
            assert!((out.multiplier - k).abs() < tol, "{}", out.multiplier);
            assert_eq!(out.variant, "textbook");
            assert!(out.band.low <= out.multiplier && out.multiplier <= out.band.high);
        }
    }

    #[test]
    fn forms_differ_and_are_named() {
        let (c, t, m) = (0.7, 0.25, 0.2);
        let leak = keynes(c, t, m, KeynesForm::default(), None).unwrap();
        assert_eq!(leak.variant, "leakage");
        // 1/(1 − 0.7·0.75·0.8) = 1/0.58
        assert!((leak.multiplier - 1.0 / 0.58).abs() < 1e-12);
        let at = keynes(c, t, m, KeynesForm::ArmstrongTaylor, None).unwrap();
        // 1/(1 − 0.5·0.75) = 1.6
        assert!((at.multiplier - 1.6).abs() < 1e-12);
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let cases = [
            (1.1, 0.1, 0.1, None, "c"),
            (0.5, -0.1, 0.1, None, "t"),
            (0.5, 0.1, f64::INFINITY, None, "m"),
            (0.5, 0.1, 0.1, Some(0.6), "band"),
            (1.0, 0.0, 0.0, None, "c"),
        ];
        for (c, t, m, band, path) in cases {
            assert_eq!(
                keynes(c, t, m, KeynesForm::Leakage, band).unwrap_err().path,
                path
            );
        }
    }
}
