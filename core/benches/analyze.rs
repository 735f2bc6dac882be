//! Criterion benchmark of the whole town analysis (filled in with the analysis).
fn main() {}
