//! The town as the user typed it, and the analysis derived from it.
//!
//! Raw text is kept exactly as typed (so nothing is lost while a number is half-entered); parsing turns it into
//! core inputs and names the row and column of anything unreadable. Every number shown comes from
//! `clustercalc_core`; this module only parses and calls.

use clustercalc_core::gbt4754;
use clustercalc_core::location_quotient::{location_quotients, LqOutput, Values};
use clustercalc_core::Error;
use leptos::prelude::*;

/// One industry row of the form, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct IndustryRow {
    /// Stable row id (for keyed rendering); not shown.
    pub id: u32,
    pub code: String,
    pub town: String,
    pub reference: String,
}

/// The whole form, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct TownForm {
    pub town_name: String,
    pub reference_name: String,
    pub rows: Vec<IndustryRow>,
    next_id: u32,
}

impl Default for TownForm {
    fn default() -> Self {
        let mut form = TownForm {
            town_name: String::new(),
            reference_name: String::new(),
            rows: Vec::new(),
            next_id: 0,
        };
        form.add_row("", "", "");
        form
    }
}

/// Which column of a row could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Code,
    Town,
    Reference,
}

/// A cell that could not be read; shown next to the cell.
#[derive(Debug, Clone, PartialEq)]
pub struct CellProblem {
    pub row: u32,
    pub column: Column,
}

/// What the form gives the engine: either not enough data yet (a state, not an error), problems in cells,
/// an engine error, or the result.
#[derive(Debug, Clone, PartialEq)]
pub enum LqState {
    Incomplete,
    BadCells(Vec<CellProblem>),
    Invalid(Error),
    Ready(LqOutput),
}

impl TownForm {
    pub fn add_row(&mut self, code: &str, town: &str, reference: &str) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        self.rows.push(IndustryRow {
            id,
            code: code.into(),
            town: town.into(),
            reference: reference.into(),
        });
        id
    }

    pub fn remove_row(&mut self, id: u32) {
        self.rows.retain(|r| r.id != id);
    }

    pub fn row_mut(&mut self, id: u32) -> Option<&mut IndustryRow> {
        self.rows.iter_mut().find(|r| r.id == id)
    }

    /// Parses the rows and, when they are complete and readable, asks the core for location quotients.
    pub fn lq_state(&self) -> LqState {
        let mut problems = Vec::new();
        let mut local = Values::new();
        let mut reference = Values::new();
        for row in &self.rows {
            let blank = row.code.trim().is_empty()
                && row.town.trim().is_empty()
                && row.reference.trim().is_empty();
            if blank {
                continue;
            }
            let code = row.code.trim();
            if gbt4754::division(code).is_none() {
                problems.push(CellProblem {
                    row: row.id,
                    column: Column::Code,
                });
            }
            let town = parse_amount(&row.town);
            let refv = parse_amount(&row.reference);
            if town.is_none() {
                problems.push(CellProblem {
                    row: row.id,
                    column: Column::Town,
                });
            }
            if refv.is_none() {
                problems.push(CellProblem {
                    row: row.id,
                    column: Column::Reference,
                });
            }
            if let (Some(t), Some(r)) = (town, refv) {
                *local.entry(code.to_string()).or_insert(0.0) += t;
                *reference.entry(code.to_string()).or_insert(0.0) += r;
            }
        }
        if !problems.is_empty() {
            return LqState::BadCells(problems);
        }
        if local.values().sum::<f64>() <= 0.0 || reference.values().sum::<f64>() <= 0.0 {
            return LqState::Incomplete;
        }
        match location_quotients(&local, &reference) {
            Ok(out) => LqState::Ready(out),
            Err(e) => LqState::Invalid(e),
        }
    }
}

/// Reads a non-negative amount as typed in China: accepts thousands separators, full-width digits and spaces.
pub fn parse_amount(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// The form shared through context.
#[derive(Debug, Clone, Copy)]
pub struct FormState(pub RwSignal<TownForm>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_amounts_as_typed() {
        assert_eq!(parse_amount(" 1,234 "), Some(1234.0));
        assert_eq!(parse_amount("１２３．５"), Some(123.5));
        assert_eq!(parse_amount("-1"), None);
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount(""), None);
    }

    #[test]
    fn blank_form_is_incomplete_not_an_error() {
        assert_eq!(TownForm::default().lq_state(), LqState::Incomplete);
    }

    #[test]
    fn bad_cells_are_named_by_row_and_column() {
        let mut form = TownForm::default();
        let id = form.add_row("99", "12x", "5");
        let LqState::BadCells(p) = form.lq_state() else {
            panic!("expected bad cells")
        };
        assert_eq!(
            p,
            vec![
                CellProblem {
                    row: id,
                    column: Column::Code
                },
                CellProblem {
                    row: id,
                    column: Column::Town
                }
            ]
        );
    }
}
