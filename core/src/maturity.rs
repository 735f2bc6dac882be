//! Maturity index of a cluster (0–100) over eight dimensions (METHODS.md §5).

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
