//! Components, one family per file.

pub mod chain_view;
pub mod chart_axis;
pub mod checklists_view;
pub mod chrome;
pub mod cluster;
pub mod field_error;
pub mod fields;
pub mod firms;
pub mod guide;
pub mod hidpi;
pub mod import;
pub mod industries;
pub mod judgments;
pub mod lq_chart;
pub mod lq_results;
pub mod maturity_view;
pub mod multipliers_view;
pub mod parameters;
pub mod region_view;
pub mod report_view;
pub mod results_tabs;
pub mod scenarios;
pub mod start;
pub mod summary;
pub mod support;
pub mod town_profile;
