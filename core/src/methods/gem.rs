//! GEM model of cluster competitiveness (Padmore & Gibson 1998), in the form used by Chinese applications.
//!
//! Six factors scored 1–10 form three pairs: groundings (resources + facilities), enterprises (suppliers + firm
//! structure), markets (local + external). GEM = 2.5·(P_G·P_E·P_M)^(2/3): all factors 5 → 250 ("average"),
//! all 10 → 1000. The formula's source is the Chinese applications until the original is checked (METHODS.md §5).

use crate::error::{in_range, Result};
use serde::{Deserialize, Serialize};

/// Input of the `gem` method: six scores, each 1..10.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GemInput {
    pub resources: f64,
    pub facilities: f64,
    pub suppliers: f64,
    pub structure: f64,
    pub local_market: f64,
    pub external_market: f64,
}

/// Output of the `gem` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GemOutput {
    pub method: String,
    pub score: f64,
    pub groundings: f64,
    pub enterprises: f64,
    pub markets: f64,
}

/// Validates the six scores (1..10) and computes the pairs and the GEM score.
pub fn gem(input: &GemInput) -> Result<GemOutput> {
    let factors = [
        ("resources", input.resources),
        ("facilities", input.facilities),
        ("suppliers", input.suppliers),
        ("structure", input.structure),
        ("local_market", input.local_market),
        ("external_market", input.external_market),
    ];
    for (name, v) in factors {
        in_range(v, 1.0, 10.0, || name.to_string())?;
    }
    let groundings = input.resources + input.facilities;
    let enterprises = input.suppliers + input.structure;
    let markets = input.local_market + input.external_market;
    let score = 2.5 * (groundings * enterprises * markets).powf(2.0 / 3.0);
    Ok(GemOutput {
        method: "gem".into(),
        score,
        groundings,
        enterprises,
        markets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(v: f64) -> GemInput {
        GemInput {
            resources: v,
            facilities: v,
            suppliers: v,
            structure: v,
            local_market: v,
            external_market: v,
        }
    }

    #[test]
    fn published_anchor_points() {
        // Chinese GEM applications: all factors 5 → 250, all 10 → 1000; all 1 → 2.5·8^(2/3) = 10.
        for (v, score) in [(5.0, 250.0), (10.0, 1000.0), (1.0, 10.0)] {
            let out = gem(&all(v)).unwrap();
            assert!((out.score - score).abs() < 1e-9, "{v}: {}", out.score);
        }
    }

    #[test]
    fn out_of_range_factor_is_named() {
        let mut input = all(5.0);
        input.external_market = 11.0;
        assert_eq!(gem(&input).unwrap_err().path, "external_market");
        input.external_market = 0.5;
        assert_eq!(gem(&input).unwrap_err().path, "external_market");
    }
}
