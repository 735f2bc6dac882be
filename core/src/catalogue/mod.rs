//! The rule catalogues: data in `core/data/` with the engine that applies it. Each file loads its bundled
//! table once with `include_str!`, validates it with the same checks a user's own table gets (a rule naming
//! an unknown metric, stage or field is refused at load with its path), and evaluates it.
//!
//! - `chain`: value-chain templates and the chain assessment (completeness over surveyed stages, 扎堆 index,
//!   集而不群);
//! - `checklists`: MIIT 2022 and 特色小镇 2021 criteria;
//! - `maturity`, `formation`, `lifecycle`: the scoring tables of `maturity-scoring.json`;
//! - `measures`: the measure catalogue, its rules over typed metrics, priority and the data to collect;
//! - `typology`: the seed's four cluster types (ch.6 一), which decide the measures that apply.

pub mod chain;
pub mod checklists;
pub mod formation;
pub mod lifecycle;
pub mod maturity;
pub mod measures;
pub mod typology;
