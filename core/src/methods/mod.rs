//! The single methods of ENGINE-API.md, one file per method family. Each takes borrowed, typed inputs and
//! returns a value or an [`Error`](crate::Error) naming the bad field; none reads a `Dataset` (the adapters
//! from a town's dataset live in `analyze/`).

pub mod ahp;
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
pub mod region;
pub mod regionalize;
pub mod shift_share;
pub mod urbanisation;
