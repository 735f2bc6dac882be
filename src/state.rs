//! The app's state: the dataset being edited (with undo/redo), the analysis derived from it, and view settings.
//!
//! The dataset is the single source of truth; the report is a `Memo` over it, computed by
//! `clustercalc_core::analyze`. Nothing here computes a metric: edits change the dataset, the core does the rest.

use clustercalc_core::analyze::{analyze, Report};
use clustercalc_core::dataset::Dataset;
use clustercalc_core::{Error, Lang};
use leptos::prelude::*;

/// Where the user is in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Start,
    Town,
    Industries,
    Cluster,
    Firms,
    Support,
    Judgments,
    Parameters,
    Scenarios,
}

/// Everything the components share, provided once as context.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub dataset: RwSignal<Dataset>,
    /// Snapshots before each edit group (`undo.rs`: firm lists shared, within a memory budget).
    history: StoredValue<crate::undo::History>,
    /// Whether the user was told that undo reaches back fewer steps on this big dataset.
    told_undo_trimmed: StoredValue<bool>,
    /// The field last edited: consecutive keystrokes in one field make one undo step.
    last_edit: StoredValue<Option<String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// The analysis, or the validation error that prevents it (with its JSON path).
    pub report: Memo<Result<Report, Error>>,
    /// Just the validation error, if any: fields showing errors read this, so an edit that keeps the data valid
    /// wakes none of them.
    pub error: Memo<Option<Error>>,
    pub lang: RwSignal<Lang>,
    /// Classroom mode: show formula, substituted inputs, variant and source for every number.
    pub explain: RwSignal<bool>,
    /// Projector mode: larger text.
    pub large_text: RwSignal<bool>,
    pub step: RwSignal<Step>,
    /// The classroom guide shown for a bundled case study (its example name), if any.
    pub guide: RwSignal<Option<String>>,
    /// A big dataset analysed in the worker (`big.rs`), shown read-only: while it is set, its report is the
    /// report, `dataset` is that dataset without its firms, and undo, redo and the autosave wait.
    pub big: RwSignal<Option<crate::big::BigSession>>,
    /// The analysis worker's progress and handle (`big.rs`).
    pub big_run: crate::big::BigRun,
    /// The message line under the toolbar: a text and whether it is a problem (shown as an alert).
    pub notice: RwSignal<Option<(String, bool)>>,
}

impl AppState {
    pub fn new(initial: Dataset) -> AppState {
        let dataset = RwSignal::new(initial);
        let big = RwSignal::new(None::<crate::big::BigSession>);
        let report = Memo::new(move |_| {
            if let Some(r) = big.with(|b| b.as_ref().map(|b| b.report.clone())) {
                return Ok(r);
            }
            dataset.with(|d| {
                let valid = crate::perf::timed("clustercalc:validate", || d.validate());
                valid.map(|()| crate::perf::timed("clustercalc:analyze", || analyze(d)))
            })
        });
        let error = Memo::new(move |_| report.with(|r| r.as_ref().err().cloned()));
        AppState {
            dataset,
            error,
            history: StoredValue::new(crate::undo::History::default()),
            told_undo_trimmed: StoredValue::new(false),
            last_edit: StoredValue::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            report,
            lang: RwSignal::new(Lang::Zh),
            explain: RwSignal::new(false),
            large_text: RwSignal::new(false),
            step: RwSignal::new(Step::Start),
            guide: RwSignal::new(None),
            big,
            big_run: crate::big::BigRun::new(),
            notice: RwSignal::new(None),
        }
    }

    /// True while a big dataset is shown read-only.
    pub fn is_big(&self) -> bool {
        self.big.with_untracked(Option::is_some)
    }

    /// Applies an edit. `field` names what is edited (e.g. `industries[2].employment`): repeated edits of the
    /// same field (typing) are one undo step.
    pub fn edit(&self, field: &str, f: impl FnOnce(&mut Dataset)) {
        crate::perf::mark_edit();
        let same_field = self.last_edit.with_value(|l| l.as_deref() == Some(field));
        if !same_field {
            self.record();
            self.last_edit.set_value(Some(field.to_string()));
        }
        self.dataset.update(f);
        self.sync_flags();
    }

    /// Remembers the dataset as it is, before an edit group (ends what redo could bring back).
    fn record(&self) {
        self.dataset
            .with_untracked(|d| self.history.update_value(|h| h.record(d)));
    }

    /// Replaces the whole dataset (open a file, load an example) as one undoable step.
    pub fn replace(&self, d: Dataset) {
        self.record();
        self.last_edit.set_value(None);
        self.dataset.set(d);
        self.sync_flags();
    }

    pub fn undo(&self) {
        if self.is_big() {
            return;
        }
        let prev = self
            .dataset
            .with_untracked(|d| self.history.try_update_value(|h| h.undo(d)))
            .flatten();
        if let Some(prev) = prev {
            self.last_edit.set_value(None);
            self.dataset.set(prev);
        }
        self.sync_flags();
    }

    pub fn redo(&self) {
        if self.is_big() {
            return;
        }
        let next = self
            .dataset
            .with_untracked(|d| self.history.try_update_value(|h| h.redo(d)))
            .flatten();
        if let Some(next) = next {
            self.last_edit.set_value(None);
            self.dataset.set(next);
        }
        self.sync_flags();
    }

    fn sync_flags(&self) {
        let (can_undo, can_redo, trimmed, steps) = self
            .history
            .with_value(|h| (h.can_undo(), h.can_redo(), h.trimmed(), h.undo_steps()));
        self.can_undo.set(can_undo);
        self.can_redo.set(can_redo);
        // Said once: on a big firm list, undo keeps fewer steps so that memory does not run out.
        if trimmed && !self.told_undo_trimmed.get_value() {
            self.told_undo_trimmed.set_value(true);
            let lang = self.lang.get_untracked();
            let text = crate::i18n::T::UndoTrimmed
                .get(lang)
                .replace("{n}", &steps.to_string());
            self.notice.set(Some((text, false)));
        }
    }
}

/// The shared state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Reads a non-negative amount as typed in China: accepts thousands separators, full-width digits and spaces.
/// `None` for empty text; `Some(Err(()))` for text that is not such a number.
pub fn parse_amount(text: &str) -> Option<Result<f64, ()>> {
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
    Some(
        cleaned
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
            .ok_or(()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_amounts_as_typed() {
        assert_eq!(parse_amount(" 1,234 "), Some(Ok(1234.0)));
        assert_eq!(parse_amount("１２３．５"), Some(Ok(123.5)));
        assert_eq!(parse_amount("-1"), Some(Err(())));
        assert_eq!(parse_amount("abc"), Some(Err(())));
        assert_eq!(parse_amount("1e400"), Some(Err(())));
        assert_eq!(parse_amount("  "), None);
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step_and_redo_restores() {
        let owner = Owner::new();
        owner.with(|| {
            let app = AppState::new(Dataset::empty("甲镇"));
            app.edit("town.name", |d| d.town.name = "乙".into());
            app.edit("town.name", |d| d.town.name = "乙镇".into());
            app.edit("town.population", |d| d.town.population = Some(5.0));
            app.undo();
            assert_eq!(app.dataset.get_untracked().town.population, None);
            assert_eq!(app.dataset.get_untracked().town.name, "乙镇");
            app.undo();
            assert_eq!(app.dataset.get_untracked().town.name, "甲镇");
            assert!(!app.can_undo.get_untracked());
            app.redo();
            assert_eq!(app.dataset.get_untracked().town.name, "乙镇");
        });
    }
}
