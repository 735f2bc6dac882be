//! Components, one family per file.

pub mod lq_chart;
pub mod lq_results;
pub mod town_form;
