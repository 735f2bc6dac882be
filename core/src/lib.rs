//! Analysis engine of the Town Cluster Calculator (小城镇产业集群计算器).
//!
//! Everything the app, the CLI and the JS API show is computed here. The crate knows nothing of the web:
//! no I/O, clocks, randomness or threads, so it gives the same answers natively and in wasm32.
//! Methods and their variants follow `METHODS.md`; the JSON method API follows `ENGINE-API.md` (see [`api`]).

pub mod crc32;
pub mod error;
pub mod finite;
pub mod gbt4754;
pub mod json_compare;
pub mod lang;

// Single methods (ENGINE-API.md), each over borrowed inputs, and the JSON method API that dispatches to them.
pub mod api;
pub mod methods;
pub use methods::{
    ahp, concentration, economic_base, ellison_glaeser, gem, growth, input_output, keynes, linalg,
    location_quotient, locational_gini, region, regionalize, shift_share,
};

// The town dataset and its whole analysis.
pub mod analyze;
pub mod catalogue;
pub use catalogue::{chain, checklists, formation, lifecycle, maturity, measures, typology};
pub mod dataset;
pub mod examples;
pub mod import;
pub mod present;
pub mod report;
pub mod scenario;
pub mod share;

pub use error::{Error, ErrorKind, JsonProblem};
pub use lang::Lang;
