//! Components, one family per file.

pub mod fields;
pub mod industries;
pub mod lq_chart;
pub mod lq_results;
pub mod start;
pub mod summary;
pub mod town_profile;
