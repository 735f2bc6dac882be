//! Formation conditions of a cluster (seed ch.2 (二), METHODS.md §5): premise, demand, support and external
//! environment, each scored 0–100 from the data the user has.
//!
//! Each block is the mean of its computable sub-scores, and each sub-score lists its input and scoring table
//! (from `core/data/maturity-scoring.json`). A sub-score without data is shown as missing and lowers the block's
//! confidence (share of sub-scores computable) — it is never counted as 0, which would silently lower the score.

use crate::error::Result;
use crate::lang::Text;
use crate::maturity::{mean_score, score_indicators, scoring, IndicatorScore};
use crate::report::Metrics;
use serde::{Deserialize, Serialize};

/// The four blocks in the seed's order.
pub const BLOCKS: [&str; 4] = ["premise", "demand", "support", "environment"];

fn block_label(id: &str) -> Text {
    let (zh, en) = match id {
        "premise" => ("前提条件（集聚）", "Premise (concentration)"),
        "demand" => (
            "需求条件（可分性与分工、市场）",
            "Demand (divisibility, division of labour, market)",
        ),
        "support" => ("支撑条件（社会化服务体系）", "Support (service system)"),
        "environment" => (
            "外部环境条件（市场制度、信任、政府服务）",
            "External environment (market institutions, trust, government service)",
        ),
        other => (other, other),
    };
    Text::new(zh, en)
}

/// One block as scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub id: String,
    pub label: Text,
    /// Mean of the computable sub-scores; `None` when none is computable.
    pub score: Option<f64>,
    /// Share of sub-scores computable, 0..1.
    pub confidence: f64,
    pub indicators: Vec<IndicatorScore>,
}

/// The formation-condition assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Formation {
    pub method: String,
    pub blocks: Vec<Block>,
    /// Blocks without any computable sub-score.
    pub missing_blocks: Vec<String>,
    /// Mean confidence of the four blocks, 0..1.
    pub confidence: f64,
}

/// Scores the four blocks from a cluster's metrics map.
pub fn assess(metrics: &Metrics) -> Result<Formation> {
    let s = scoring()?;
    let mut blocks = Vec::with_capacity(BLOCKS.len());
    let mut missing = Vec::new();
    for b in BLOCKS {
        let ids = s.formation.get(b).map(Vec::as_slice).unwrap_or(&[]);
        let indicators = score_indicators(s, ids, metrics);
        let (score, computable, total) = mean_score(&indicators);
        if score.is_none() {
            missing.push(b.to_string());
        }
        blocks.push(Block {
            id: b.to_string(),
            label: block_label(b),
            score,
            confidence: if total > 0 {
                computable as f64 / total as f64
            } else {
                0.0
            },
            indicators,
        });
    }
    let confidence = blocks.iter().map(|b| b.confidence).sum::<f64>() / BLOCKS.len() as f64;
    Ok(Formation {
        method: "formation-conditions".into(),
        blocks,
        missing_blocks: missing,
        confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Metric;

    fn metric(name: &str) -> Metric {
        Metric::from_name(name).expect("a known metric")
    }

    #[test]
    fn missing_sub_scores_lower_confidence_only() {
        let mut m = Metrics::new();
        m.set(metric("cluster.lq"), 5.0);
        let f = assess(&m).unwrap();
        let premise = &f.blocks[0];
        // LQ 5 scores 100; the two other premise inputs are missing: score stays 100, confidence 1/3.
        assert_eq!(premise.score, Some(100.0));
        assert!((premise.confidence - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(f.missing_blocks, vec!["demand", "support", "environment"]);
    }

    #[test]
    fn judgments_map_linearly() {
        let mut m = Metrics::new();
        for k in [
            "judgment.trust",
            "judgment.market_institutions",
            "judgment.government_service",
        ] {
            m.set(metric(k), 3.0);
        }
        let f = assess(&m).unwrap();
        assert_eq!(f.blocks[3].score, Some(50.0));
        assert_eq!(f.blocks[3].confidence, 1.0);
    }
}
