//! Autosave in localStorage: the only module that touches browser storage.
//!
//! Every change is saved as dataset JSON. The previous good copy is kept under a second key before it is
//! overwritten, so a failed or partial write never loses the last good state. Storage may be missing (private
//! mode) or full: both are reported to the user, never a panic.

use crate::launch::Prefs;
use clustercalc_core::dataset::Dataset;
use clustercalc_core::Error;

const CURRENT: &str = "clustercalc:autosave";
const PREVIOUS: &str = "clustercalc:autosave:previous";
const PREFS: &str = "clustercalc:prefs";
/// An autosave this version could not read (damaged, or written by a newer version) is moved here before
/// anything overwrites it, so that it is never lost.
const UNREADABLE: &str = "clustercalc:autosave:unreadable";

/// What reading the autosave found.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Nothing,
    Dataset(Dataset),
    /// The current copy was unreadable; the previous good copy (if any) was restored instead.
    Recovered {
        dataset: Option<Dataset>,
        error: Error,
    },
    Unavailable,
}

/// Why a save failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveProblem {
    Unavailable,
    QuotaOrDenied,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether an autosaved session exists (without reading it: the first screen only needs to know).
pub fn has_autosave() -> bool {
    storage().is_some_and(|s| matches!(s.get_item(CURRENT), Ok(Some(_))))
}

/// The view settings saved last time, or the defaults.
pub fn load_prefs() -> Prefs {
    storage()
        .and_then(|s| s.get_item(PREFS).ok().flatten())
        .map(|t| Prefs::decode(&t))
        .unwrap_or_default()
}

/// Saves the view settings; failure only means they are not remembered, so it is ignored.
pub fn save_prefs(p: &Prefs) {
    if let Some(s) = storage() {
        let _ = s.set_item(PREFS, &p.encode());
    }
}

/// Reads the autosaved dataset, falling back to the previous copy when the current one is corrupt.
pub fn restore() -> Restored {
    let Some(s) = storage() else {
        return Restored::Unavailable;
    };
    let Ok(Some(text)) = s.get_item(CURRENT) else {
        return Restored::Nothing;
    };
    match Dataset::from_json(&text) {
        Ok(d) => Restored::Dataset(d),
        Err(error) => {
            let _ = s.set_item(UNREADABLE, &text);
            let previous = s
                .get_item(PREVIOUS)
                .ok()
                .flatten()
                .and_then(|t| Dataset::from_json(&t).ok());
            Restored::Recovered {
                dataset: previous,
                error,
            }
        }
    }
}

thread_local! {
    /// The text this page last wrote under CURRENT: known good, so it need not be parsed again before it is
    /// kept as the previous copy.
    static LAST_WRITTEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Saves the dataset; keeps the previous good copy first (a copy this page did not write is checked first).
pub fn save(d: &Dataset) -> Result<(), SaveProblem> {
    let s = storage().ok_or(SaveProblem::Unavailable)?;
    let text = serde_json::to_string(d).map_err(|_| SaveProblem::QuotaOrDenied)?;
    if let Ok(Some(old)) = s.get_item(CURRENT) {
        if old == text {
            return Ok(());
        }
        let ours = LAST_WRITTEN.with(|l| l.borrow().as_deref() == Some(old.as_str()));
        if ours || Dataset::from_json(&old).is_ok() {
            s.set_item(PREVIOUS, &old)
                .map_err(|_| SaveProblem::QuotaOrDenied)?;
        }
    }
    s.set_item(CURRENT, &text)
        .map_err(|_| SaveProblem::QuotaOrDenied)?;
    LAST_WRITTEN.with(|l| *l.borrow_mut() = Some(text));
    Ok(())
}
