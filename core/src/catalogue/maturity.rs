//! Maturity index of a cluster (0–100) over eight dimensions (METHODS.md §5), and the scoring tables it shares
//! with the formation conditions and the life-cycle stage.
//!
//! Every piecewise threshold lives in `core/data/maturity-scoring.json` with its source or "assumption", so the
//! UI can show the rule next to the number and a reviewer can change it without touching code. A dimension's
//! score is the mean of its computable indicators; the index is the weighted mean of the computable dimensions.
//! Missing data never silently lowers the index: it lowers the confidence (weighted share of indicators that
//! could be computed), and the missing dimensions and indicators are listed.

use crate::error::{Error, ErrorKind, Result};
use crate::lang::Text;
use crate::lifecycle::LifecycleRules;
use crate::report::{Metric, Metrics};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The maturity dimensions, in the order used by the AHP matrix `judgments.maturity_ahp`.
pub const DIMENSIONS: [&str; 8] = [
    "concentration",
    "scale",
    "value_chain",
    "leading_firms",
    "support",
    "innovation",
    "green",
    "embeddedness",
];

/// Display names of the dimensions, same order as [`DIMENSIONS`].
pub fn dimension_label(id: &str) -> Text {
    let (zh, en) = match id {
        "concentration" => ("集聚程度", "Concentration"),
        "scale" => ("规模", "Scale"),
        "value_chain" => ("产业链", "Value chain"),
        "leading_firms" => ("龙头企业与品牌", "Leading firms and brands"),
        "support" => ("支撑体系", "Support system"),
        "innovation" => ("创新", "Innovation"),
        "green" => ("绿色", "Green"),
        "embeddedness" => ("根植性与开放度", "Embeddedness and openness"),
        other => (other, other),
    };
    Text::new(zh, en)
}

const BUNDLED_PATH: &str = "core/data/maturity-scoring.json";
const BUNDLED: &str = include_str!("../../data/maturity-scoring.json");

/// One scored indicator: a metric and its piecewise-linear scoring table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    /// The metric scored (`cluster.lq`, `chain.completeness`, …); an unknown name is refused at load.
    pub metric: Metric,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// (value, score) breakpoints, values strictly increasing.
    pub points: Vec<[f64; 2]>,
    /// Where the breakpoints come from, or "assumption".
    pub source: String,
}

impl Indicator {
    /// Score 0–100 of a value: flat outside the table, linear between breakpoints.
    pub fn score(&self, x: f64) -> Option<f64> {
        piecewise(&self.points, x)
    }
}

/// Piecewise-linear interpolation over (x, y) points with increasing x; `None` for an empty table or a
/// non-finite x.
pub fn piecewise(points: &[[f64; 2]], x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    let first = points.first()?;
    let last = points.last()?;
    if x <= first[0] {
        return Some(first[1]);
    }
    if x >= last[0] {
        return Some(last[1]);
    }
    for w in points.windows(2) {
        let (a, b) = match w {
            [a, b] => (a, b),
            _ => continue,
        };
        if x <= b[0] {
            let span = b[0] - a[0];
            if span <= 0.0 {
                return Some(b[1]);
            }
            return Some(a[1] + (x - a[0]) / span * (b[1] - a[1]));
        }
    }
    Some(last[1])
}

/// The bundled scoring file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub version: u32,
    pub note: Text,
    pub indicators: Vec<Indicator>,
    /// Dimension id → indicator ids.
    pub maturity: BTreeMap<String, Vec<String>>,
    /// Formation block id → indicator ids.
    pub formation: BTreeMap<String, Vec<String>>,
    pub lifecycle: LifecycleRules,
}

impl Scoring {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// The bundled scoring tables (parsed once).
pub fn scoring() -> Result<&'static Scoring> {
    static S: OnceLock<Result<Scoring>> = OnceLock::new();
    S.get_or_init(|| parse_scoring(BUNDLED))
        .as_ref()
        .map_err(Clone::clone)
}

fn parse_scoring(text: &str) -> Result<Scoring> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let s: Scoring = serde_path_to_error::deserialize(de).map_err(|e| {
        Error::new(
            ErrorKind::Syntax(e.inner().to_string()),
            format!("{BUNDLED_PATH}:{}", e.path()),
        )
    })?;
    for (i, ind) in s.indicators.iter().enumerate() {
        let p = format!("{BUNDLED_PATH}:indicators[{i}].points");
        if ind.points.is_empty() {
            return Err(Error::new(ErrorKind::TooFew { min: 1 }, p));
        }
        for w in ind.points.windows(2) {
            if let [a, b] = w {
                if b[0].partial_cmp(&a[0]) != Some(std::cmp::Ordering::Greater) {
                    return Err(Error::new(
                        ErrorKind::BadText("breakpoints must increase".into()),
                        p,
                    ));
                }
            }
        }
        for pt in &ind.points {
            if !pt[0].is_finite() || !(0.0..=100.0).contains(&pt[1]) {
                return Err(Error::new(
                    ErrorKind::OutOfRange {
                        min: 0.0,
                        max: 100.0,
                    },
                    p,
                ));
            }
        }
    }
    for (group, table) in [("maturity", &s.maturity), ("formation", &s.formation)] {
        for (block, ids) in table {
            for id in ids {
                if s.indicator(id).is_none() {
                    return Err(Error::new(
                        ErrorKind::UnknownId(id.clone()),
                        format!("{BUNDLED_PATH}:{group}.{block}"),
                    ));
                }
            }
        }
    }
    for d in DIMENSIONS {
        if !s.maturity.contains_key(d) {
            return Err(Error::new(
                ErrorKind::Missing,
                format!("{BUNDLED_PATH}:maturity.{d}"),
            ));
        }
    }
    Ok(s)
}

/// An indicator as scored for one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorScore {
    pub id: String,
    pub metric: Metric,
    pub label: Text,
    /// The input value; `None` when the data does not allow it.
    pub value: Option<f64>,
    pub score: Option<f64>,
    pub points: Vec<[f64; 2]>,
    pub source: String,
}

/// Scores the listed indicators from a metrics map.
pub fn score_indicators(s: &Scoring, ids: &[String], metrics: &Metrics) -> Vec<IndicatorScore> {
    ids.iter()
        .filter_map(|id| s.indicator(id))
        .map(|ind| {
            let value = metrics.get(ind.metric);
            IndicatorScore {
                id: ind.id.clone(),
                metric: ind.metric,
                label: ind.label.clone(),
                value,
                score: value.and_then(|v| ind.score(v)),
                points: ind.points.clone(),
                source: ind.source.clone(),
            }
        })
        .collect()
}

/// Mean score of the computable indicators, and (computable, total).
pub fn mean_score(scores: &[IndicatorScore]) -> (Option<f64>, usize, usize) {
    let vals: Vec<f64> = scores.iter().filter_map(|s| s.score).collect();
    let mean = if vals.is_empty() {
        None
    } else {
        Some(vals.iter().sum::<f64>() / vals.len() as f64)
    };
    (mean, vals.len(), scores.len())
}

/// Where the maturity weights come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum WeightsOrigin {
    /// Equal weights: an assumption (METHODS.md §5).
    Equal { source: String },
    /// Set by the user in `parameters.maturity_weights` (dimensions not listed get 0).
    User,
    /// Principal eigenvector of `judgments.maturity_ahp`.
    Ahp {
        lambda_max: f64,
        ci: f64,
        cr: f64,
        consistent: bool,
    },
}

/// Resolved dimension weights (sum 1) with their origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub weights: BTreeMap<String, f64>,
    pub origin: WeightsOrigin,
}

impl Weights {
    /// Equal weights over [`DIMENSIONS`].
    pub fn equal() -> Weights {
        let w = 1.0 / DIMENSIONS.len() as f64;
        Weights {
            weights: DIMENSIONS.iter().map(|d| (d.to_string(), w)).collect(),
            origin: WeightsOrigin::Equal {
                source: "assumption".into(),
            },
        }
    }

    /// User weights, normalised to sum 1; `None` when they do not sum to > 0.
    pub fn user(raw: &BTreeMap<String, f64>) -> Option<Weights> {
        let sum: f64 = DIMENSIONS
            .iter()
            .map(|d| raw.get(*d).copied().unwrap_or(0.0).max(0.0))
            .sum();
        if sum <= 0.0 || !sum.is_finite() {
            return None;
        }
        Some(Weights {
            weights: DIMENSIONS
                .iter()
                .map(|d| {
                    (
                        d.to_string(),
                        raw.get(*d).copied().unwrap_or(0.0).max(0.0) / sum,
                    )
                })
                .collect(),
            origin: WeightsOrigin::User,
        })
    }
    /// AHP weights over [`DIMENSIONS`] from the pairwise matrix (Saaty's classic RI table, eigenvector).
    ///
    /// The dataset accepts a lower triangle within 0.1 % of the reciprocal of the upper one (people type 0.333
    /// for 1/3); the upper triangle is taken as the judgment and the lower one made its exact reciprocal here,
    /// since the AHP method checks reciprocity to 1e-9.
    pub fn ahp(matrix: &[Vec<f64>]) -> Result<Weights> {
        let mut exact: Vec<Vec<f64>> = matrix.to_vec();
        for i in 0..exact.len() {
            for j in 0..i {
                let upper = matrix.get(j).and_then(|r| r.get(i)).copied();
                if let (Some(u), Some(cell)) = (upper, exact.get_mut(i).and_then(|r| r.get_mut(j)))
                {
                    if u > 0.0 {
                        *cell = 1.0 / u;
                    }
                }
            }
        }
        let out = crate::methods::ahp::ahp(
            &exact,
            crate::methods::ahp::RiTable::SaatyClassic,
            crate::methods::ahp::Weighting::Eigenvector,
        )?;
        if out.weights.len() != DIMENSIONS.len() {
            return Err(Error::new(
                ErrorKind::DimensionMismatch {
                    expected: DIMENSIONS.len(),
                    found: out.weights.len(),
                },
                "judgments.maturity_ahp",
            ));
        }
        Ok(Weights {
            weights: DIMENSIONS
                .iter()
                .zip(&out.weights)
                .map(|(d, w)| (d.to_string(), *w))
                .collect(),
            origin: WeightsOrigin::Ahp {
                lambda_max: out.lambda_max,
                ci: out.ci,
                cr: out.cr,
                consistent: out.consistent,
            },
        })
    }
}

/// One dimension as scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionScore {
    pub id: String,
    pub label: Text,
    /// Mean of the computable indicators; `None` when none is.
    pub score: Option<f64>,
    pub weight: f64,
    pub computable: usize,
    pub total: usize,
    pub indicators: Vec<IndicatorScore>,
}

/// The maturity index of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Maturity {
    pub method: String,
    /// Weighted mean over the computable dimensions (weights renormalised over them); `None` when no dimension
    /// is computable.
    pub index: Option<f64>,
    pub dimensions: Vec<DimensionScore>,
    pub weights: Weights,
    /// Σ weight × (computable indicators / indicators) over all dimensions, 0..1.
    pub confidence: f64,
    /// Dimensions without any computable indicator.
    pub missing_dimensions: Vec<String>,
}

/// Scores the maturity index from a cluster's metrics map.
pub fn assess(metrics: &Metrics, weights: Weights) -> Result<Maturity> {
    let s = scoring()?;
    let mut dimensions = Vec::with_capacity(DIMENSIONS.len());
    let mut num = 0.0;
    let mut den = 0.0;
    let mut confidence = 0.0;
    let mut missing = Vec::new();
    for d in DIMENSIONS {
        let ids = s.maturity.get(d).map(Vec::as_slice).unwrap_or(&[]);
        let indicators = score_indicators(s, ids, metrics);
        let (score, computable, total) = mean_score(&indicators);
        let w = weights.weights.get(d).copied().unwrap_or(0.0);
        if let Some(sc) = score {
            num += w * sc;
            den += w;
        } else {
            missing.push(d.to_string());
        }
        if total > 0 {
            confidence += w * computable as f64 / total as f64;
        }
        dimensions.push(DimensionScore {
            id: d.to_string(),
            label: dimension_label(d),
            score,
            weight: w,
            computable,
            total,
            indicators,
        });
    }
    let index = if den > 0.0 {
        Some((num / den).clamp(0.0, 100.0))
    } else {
        None
    };
    Ok(Maturity {
        method: "maturity-index".into(),
        index,
        dimensions,
        weights,
        confidence: confidence.clamp(0.0, 1.0),
        missing_dimensions: missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(name: &str) -> Metric {
        Metric::from_name(name).expect("a known metric")
    }

    #[test]
    fn bundled_scoring_parses() {
        let s = scoring().unwrap();
        assert_eq!(s.maturity.len(), DIMENSIONS.len());
        assert!(s.indicators.iter().all(|i| !i.source.is_empty()));
    }

    #[test]
    fn piecewise_is_flat_outside_and_linear_inside() {
        let p = [[0.0, 0.0], [1.0, 30.0], [2.0, 60.0]];
        assert_eq!(piecewise(&p, -1.0), Some(0.0));
        assert_eq!(piecewise(&p, 0.5), Some(15.0));
        assert_eq!(piecewise(&p, 1.5), Some(45.0));
        assert_eq!(piecewise(&p, 9.0), Some(60.0));
        assert_eq!(piecewise(&p, f64::NAN), None);
        assert_eq!(piecewise(&[], 1.0), None);
    }

    #[test]
    fn missing_data_lowers_confidence_not_the_index() {
        let mut m = Metrics::new();
        m.set(metric("output.cluster_yi"), 40.0);
        let out = assess(&m, Weights::equal()).unwrap();
        // Only the scale dimension is computable: the index is its score, the confidence 1/8.
        assert_eq!(out.index, Some(100.0));
        assert!((out.confidence - 0.125).abs() < 1e-12);
        assert_eq!(out.missing_dimensions.len(), 7);
    }

    #[test]
    fn ahp_accepts_typed_reciprocals() {
        // 1/3 typed as 0.333: within the dataset's 0.1 % tolerance, made exact before the AHP method runs.
        let mut m = vec![vec![1.0; 8]; 8];
        m[0][1] = 3.0;
        m[1][0] = 0.333;
        let w = Weights::ahp(&m).unwrap();
        let total: f64 = w.weights.values().sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!(w.weights["concentration"] > w.weights["scale"]);
    }

    #[test]
    fn empty_metrics_give_no_index() {
        let out = assess(&Metrics::new(), Weights::equal()).unwrap();
        assert_eq!(out.index, None);
        assert_eq!(out.confidence, 0.0);
    }
}
