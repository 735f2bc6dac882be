//! Analysis engine of the Town Cluster Calculator (小城镇产业集群计算器).
//!
//! Everything the app, the CLI and the JS API show is computed here. The crate knows nothing of the web:
//! no I/O, clocks, randomness or threads, so it gives the same answers natively and in wasm32.
//! Methods and their variants follow `METHODS.md`; the JSON method API follows `ENGINE-API.md` (see [`api`]).

pub mod error;
pub mod finite;
pub mod gbt4754;
pub mod json_compare;
pub mod lang;

// Single methods (ENGINE-API.md).
pub mod ahp;
pub mod api;
pub mod concentration;
pub mod economic_base;
pub mod ellison_glaeser;
pub mod gem;
pub mod growth;
pub mod input_output;
pub mod keynes;
pub mod linalg;
pub mod location_quotient;
pub mod locational_gini;
pub mod regionalize;
pub mod shift_share;

// The town dataset and its whole analysis.
pub mod analyze;
pub mod chain;
pub mod checklists;
pub mod dataset;
pub mod examples;
pub mod formation;
pub mod import;
pub mod lifecycle;
pub mod maturity;
pub mod measures;
pub mod region;
pub mod scenario;
pub mod share;

pub use error::{Error, ErrorKind};
pub use lang::Lang;
