//! The presentation layer: a report turned into labelled facts with units, in both languages. Every front end
//! (the app's views, the CLI text, the CSV/xlsx exports, the printed report) takes its number formatting
//! ([`format`]) and its terms ([`glossary`]) from here, so that one figure reads the same everywhere.

pub mod document;
pub mod docx;
pub mod format;
pub mod glossary;
pub mod render;
pub mod sources;
pub mod text;
pub mod zip;

pub use format::{
    metric_number, metric_value, money_wan, money_wan_in, number, people, people_in, percent,
};
