//! Ellison–Glaeser agglomeration index γ of one industry over areas (METHODS.md §2), as REAT's `ellison.a`.
//!
//! x_j = area j's share of all employment, s_j = area j's share of the industry's (firms') employment,
//! G = Σ_j (s_j − x_j)², H = Σ_k (z_k/Σz)², γ = [G − (1 − Σx²)H] / [(1 − Σx²)(1 − H)].
//! The z statistic divides G − E(G) by the standard deviation of G under random location (Ellison & Glaeser
//! 1997), Var G = 2{H²[Σx² − 2Σx³ + (Σx²)²] − Σz⁴[Σx² − 4Σx³ + 3(Σx²)²]} with Σz⁴ = Σ_k (z_k/Σz)⁴, as REAT computes.

use crate::error::{non_negative, Error, ErrorKind, Result};
use crate::methods::location_quotient::Values;
use serde::{Deserialize, Serialize};

/// Interpretation bands commonly cited from Ellison & Glaeser (1997).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EgBand {
    /// γ < 0.02: not very localised.
    NotLocalised,
    /// 0.02 ≤ γ ≤ 0.05: moderately localised.
    Moderate,
    /// γ > 0.05: highly localised.
    High,
}

impl EgBand {
    pub fn of(gamma: f64) -> EgBand {
        if gamma > 0.05 {
            EgBand::High
        } else if gamma >= 0.02 {
            EgBand::Moderate
        } else {
            EgBand::NotLocalised
        }
    }
}

/// One firm of the industry: its area and size (employment).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Firm {
    pub area: String,
    pub size: f64,
}

/// Input of the `ellison-glaeser` method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EgInput {
    pub firms: Vec<Firm>,
    pub area_totals: Values,
}

/// The statistics of one industry.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EgStats {
    pub gamma: f64,
    pub g: f64,
    pub h: f64,
    pub sum_x2: f64,
    /// z statistic of G; `None` when its variance is not positive (e.g. every firm the same size in two areas).
    pub z: Option<f64>,
    pub band: EgBand,
}

/// Output of the `ellison-glaeser` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EgOutput {
    pub method: String,
    #[serde(flatten)]
    pub stats: EgStats,
    pub firms: usize,
    pub areas: usize,
}

/// Area shares x_j with the sums Σx², Σx³ that every industry of a region reuses.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaShares {
    pub x: Vec<f64>,
    pub sum_x2: f64,
    pub sum_x3: f64,
}

impl AreaShares {
    /// Shares of `totals` (all ≥ 0, finite, sum > 0 checked by the caller).
    pub fn new(totals: &[f64]) -> AreaShares {
        let sum: f64 = totals.iter().sum();
        let x: Vec<f64> = totals.iter().map(|t| t / sum).collect();
        let sum_x2 = x.iter().map(|v| v * v).sum();
        let sum_x3 = x.iter().map(|v| v * v * v).sum();
        AreaShares { x, sum_x2, sum_x3 }
    }
}

/// Moments of one industry's firm sizes: Σz, Σz², Σz⁴ and the count. Accumulate firm by firm.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FirmMoments {
    pub count: usize,
    pub sum: f64,
    pub sum2: f64,
    pub sum4: f64,
}

impl FirmMoments {
    pub fn add(&mut self, z: f64) {
        self.count += 1;
        self.sum += z;
        let z2 = z * z;
        self.sum2 += z2;
        self.sum4 += z2 * z2;
    }
}

/// Why γ cannot be computed for an industry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EgUndefined {
    /// The industry's firms employ nobody.
    NoEmployment,
    /// H = 1: one firm holds all the industry's employment, so γ divides by zero.
    SingleFirm,
    /// Σx² = 1: all employment is in one area.
    SingleArea,
}

/// γ, G, H and z from the industry's employment per area (`industry_by_area`, aligned with `areas.x`) and its firm
/// moments. Pure arithmetic on validated numbers.
pub fn eg_stats(
    industry_by_area: &[f64],
    areas: &AreaShares,
    firms: &FirmMoments,
) -> std::result::Result<EgStats, EgUndefined> {
    let total = firms.sum;
    if total.is_nan() || total <= 0.0 {
        return Err(EgUndefined::NoEmployment);
    }
    let h = firms.sum2 / (total * total);
    let t2 = total * total;
    let sum_z4 = firms.sum4 / (t2 * t2);
    let g: f64 = industry_by_area
        .iter()
        .zip(&areas.x)
        .map(|(e, x)| {
            let d = e / total - x;
            d * d
        })
        .sum();
    let one_minus_x2 = 1.0 - areas.sum_x2;
    if one_minus_x2.is_nan() || one_minus_x2 <= 1e-12 {
        return Err(EgUndefined::SingleArea);
    }
    if h.is_nan() || 1.0 - h <= 1e-12 {
        return Err(EgUndefined::SingleFirm);
    }
    let excess = g - one_minus_x2 * h;
    let gamma = excess / (one_minus_x2 * (1.0 - h));
    let (s2, s3) = (areas.sum_x2, areas.sum_x3);
    let var_g =
        2.0 * (h * h * (s2 - 2.0 * s3 + s2 * s2) - sum_z4 * (s2 - 4.0 * s3 + 3.0 * s2 * s2));
    let z = (var_g > 0.0)
        .then(|| excess / var_g.sqrt())
        .filter(|z| z.is_finite());
    Ok(EgStats {
        gamma,
        g,
        h,
        sum_x2: areas.sum_x2,
        z,
        band: EgBand::of(gamma),
    })
}

/// Validates the input and computes EG γ for one industry.
///
/// Every firm's area must be in `area_totals`; sizes and totals finite and ≥ 0; the area total > 0; the firms'
/// total > 0; at least two areas with employment and not all employment in one firm.
pub fn ellison_glaeser(firms: &[Firm], area_totals: &Values) -> Result<EgOutput> {
    for (id, v) in area_totals {
        non_negative(*v, || format!("area_totals.{id}"))?;
    }
    let ids: Vec<&String> = area_totals.keys().collect();
    let totals: Vec<f64> = area_totals.values().copied().collect();
    let sum: f64 = totals.iter().sum();
    if !(sum > 0.0 && sum.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "area_totals"));
    }
    let areas = AreaShares::new(&totals);
    let mut by_area = vec![0.0; ids.len()];
    let mut moments = FirmMoments::default();
    for (k, firm) in firms.iter().enumerate() {
        let z = non_negative(firm.size, || format!("firms[{k}].size"))?;
        let j = ids.binary_search(&&firm.area).map_err(|_| {
            Error::new(
                ErrorKind::UnknownId(firm.area.clone()),
                format!("firms[{k}].area"),
            )
        })?;
        if let Some(e) = by_area.get_mut(j) {
            *e += z;
        }
        moments.add(z);
    }
    if !moments.sum.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "firms"));
    }
    let stats = eg_stats(&by_area, &areas, &moments).map_err(|why| match why {
        EgUndefined::NoEmployment => Error::new(ErrorKind::ZeroTotal, "firms"),
        EgUndefined::SingleFirm => Error::new(ErrorKind::TooFew { min: 2 }, "firms"),
        EgUndefined::SingleArea => Error::new(ErrorKind::TooFew { min: 2 }, "area_totals"),
    })?;
    Ok(EgOutput {
        method: "ellison-glaeser".into(),
        stats,
        firms: firms.len(),
        areas: ids.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reat_example() -> (Vec<Firm>, Values) {
        let firms = [
            ("Wien", 200.0),
            ("Wien", 650.0),
            ("Wien", 12000.0),
            ("Wien", 100.0),
            ("Wien", 50.0),
            ("Linz", 16000.0),
            ("Linz", 13000.0),
            ("Linz", 1500.0),
            ("Linz", 1500.0),
            ("Graz", 25000.0),
        ]
        .iter()
        .map(|(a, s)| Firm {
            area: a.to_string(),
            size: *s,
        })
        .collect();
        let totals = [("Wien", 500000.0), ("Linz", 400000.0), ("Graz", 100000.0)]
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        (firms, totals)
    }

    #[test]
    fn reat_ellison_a_manual_example() {
        // REAT `ellison.a` manual (Farhauer/Kröll 2014): γ = 0.05990628, G = 0.1681633, H = 0.2446888, Σx² = 0.42.
        let (firms, totals) = reat_example();
        let out = ellison_glaeser(&firms, &totals).unwrap();
        let s = out.stats;
        assert!((s.gamma - 0.05990628).abs() < 1e-8, "{}", s.gamma);
        assert!((s.g - 0.1681633).abs() < 1e-7, "{}", s.g);
        assert!((s.h - 0.2446888).abs() < 1e-7, "{}", s.h);
        assert!((s.sum_x2 - 0.42).abs() < 1e-12);
        assert_eq!(s.band, EgBand::High);
        // z recomputed from REAT's variance formula with the same inputs (no published value).
        assert!(s.z.is_some_and(|z| z.is_finite()));
    }

    #[test]
    fn bands_follow_eg_1997() {
        for (g, band) in [
            (-0.1, EgBand::NotLocalised),
            (0.0199, EgBand::NotLocalised),
            (0.02, EgBand::Moderate),
            (0.05, EgBand::Moderate),
            (0.0501, EgBand::High),
        ] {
            assert_eq!(EgBand::of(g), band, "{g}");
        }
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let (firms, totals) = reat_example();
        let mut unknown = firms.clone();
        unknown[3].area = "Salzburg".into();
        assert_eq!(
            ellison_glaeser(&unknown, &totals).unwrap_err().path,
            "firms[3].area"
        );
        let mut negative = firms.clone();
        negative[1].size = -1.0;
        assert_eq!(
            ellison_glaeser(&negative, &totals).unwrap_err().path,
            "firms[1].size"
        );
        let one = vec![Firm {
            area: "Wien".into(),
            size: 5.0,
        }];
        assert_eq!(
            ellison_glaeser(&one, &totals).unwrap_err().kind,
            ErrorKind::TooFew { min: 2 }
        );
    }
}
