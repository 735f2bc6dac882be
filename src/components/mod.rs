//! Components, one family per file.

pub mod chain_view;
pub mod checklists_view;
pub mod fields;
pub mod industries;
pub mod lq_chart;
pub mod lq_results;
pub mod maturity_view;
pub mod multipliers_view;
pub mod region_view;
pub mod results_tabs;
pub mod start;
pub mod summary;
pub mod town_profile;
