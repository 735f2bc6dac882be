//! Urbanisation (城镇化率): the urban share of the resident population and its change in percentage points a
//! year, as the seed study reads Hunan's 2000–2007 figures (ch.5 (一): 29.75 % → 40.45 %, 1.53 points a year,
//! against about 1 point nationally).

use crate::error::{in_range, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};

/// One observation: a year and the urbanisation rate (0..1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UrbanisationYear {
    pub year: i32,
    /// Urban residents / resident population, 0..1.
    pub rate: f64,
}

/// The latest rate and its average change over the observations given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Urbanisation {
    pub method: String,
    pub year: i32,
    /// The latest rate, 0..1.
    pub rate: f64,
    /// First year of the change; `None` with a single observation.
    pub from_year: Option<i32>,
    /// (latest − first) × 100 / years: percentage points a year.
    pub points_per_year: Option<f64>,
}

/// Urbanisation from observations (any order). The change is the straight line between the first and the
/// latest year (the way statistical communiqués quote "年均提高 x 个百分点").
pub fn urbanisation(obs: &[UrbanisationYear]) -> Result<Urbanisation> {
    if obs.is_empty() {
        return Err(Error::new(ErrorKind::TooFew { min: 1 }, "urbanisation"));
    }
    for (i, o) in obs.iter().enumerate() {
        in_range(o.rate, 0.0, 1.0, || format!("urbanisation[{i}].rate"))?;
    }
    let mut v = obs.to_vec();
    v.sort_by_key(|o| o.year);
    for w in v.windows(2) {
        if w[0].year == w[1].year {
            return Err(Error::new(
                ErrorKind::BadText(format!("year {} given twice", w[0].year)),
                "urbanisation",
            ));
        }
    }
    let (first, last) = (v[0], v[v.len() - 1]);
    let years = f64::from(last.year - first.year);
    Ok(Urbanisation {
        method: "urbanisation-points-per-year".into(),
        year: last.year,
        rate: last.rate,
        from_year: (years > 0.0).then_some(first.year),
        points_per_year: (years > 0.0).then(|| (last.rate - first.rate) * 100.0 / years),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunan_2000_to_2007_rises_1_53_points_a_year() {
        // Seed ch.5 (一): 湖南省城市化率从 29.75% 提高到 40.45%，年均提高 1.53 个百分点.
        let u = urbanisation(&[
            UrbanisationYear {
                year: 2007,
                rate: 0.4045,
            },
            UrbanisationYear {
                year: 2000,
                rate: 0.2975,
            },
        ])
        .unwrap();
        assert_eq!((u.year, u.from_year), (2007, Some(2000)));
        assert!((u.rate - 0.4045).abs() < 1e-12);
        let p = u.points_per_year.unwrap();
        assert!((p - 10.7 / 7.0).abs() < 1e-9, "{p}");
        assert_eq!(format!("{p:.2}"), "1.53");
    }

    #[test]
    fn one_year_has_a_rate_and_no_change_and_bad_input_is_located() {
        let u = urbanisation(&[UrbanisationYear {
            year: 2020,
            rate: 0.5,
        }])
        .unwrap();
        assert_eq!(u.points_per_year, None);
        let e = urbanisation(&[UrbanisationYear {
            year: 2020,
            rate: 40.0,
        }])
        .unwrap_err();
        assert_eq!(e.path, "urbanisation[0].rate");
        assert!(urbanisation(&[]).is_err());
    }
}
