//! Number formatting: the core's presentation layer (`clustercalc_core::present::format`) is the one
//! formatter of every front end; the app uses it through this module's names.

pub use clustercalc_core::present::format::{money_wan, number, people};
