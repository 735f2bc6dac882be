//! Criterion benches of the single methods (filled in below).
fn main() {}
