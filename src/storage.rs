//! Autosave in localStorage: the only module that touches browser storage.
//!
//! Every change is saved as dataset JSON. The previous good copy is kept under a second key before it is
//! overwritten, so a failed or partial write never loses the last good state. Storage may be missing (private
//! mode) or full: both are reported to the user, never a panic.

use crate::launch::Prefs;
use crate::recovery::{drop_recovery, keep_recovery};
use clustercalc_core::dataset::Dataset;
use clustercalc_core::Error;

/// The autosave key (another tab's write to it arrives as a `storage` event, see `app.rs`).
pub const CURRENT: &str = "clustercalc:autosave";
const PREVIOUS: &str = "clustercalc:autosave:previous";
const PREFS: &str = "clustercalc:prefs";
/// An autosave this version could not read (damaged, or written by a newer version) is moved here before
/// anything overwrites it, so that it is never lost.
const UNREADABLE: &str = "clustercalc:autosave:unreadable";
/// Set when the latest work was too big to autosave (`town \t bytes`), cleared by the next autosave: a reload
/// then opens older work, and the user must be told.
const SKIPPED: &str = "clustercalc:autosave:skipped";

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
    /// The dataset alone is larger than browser storage holds (`bytes` of JSON): it is never autosaved.
    TooBig {
        bytes: usize,
    },
    /// Storage refused the write (full, or denied). `kept` tells whether an earlier autosave is still there
    /// (without the latest changes).
    Full {
        kept: bool,
    },
}

/// What a browser keeps per site in local storage: 5 MiB, counted in UTF-16 code units (2 bytes each) in
/// Chromium and Firefox, keys included. A dataset whose text alone needs more is not tried.
const STORAGE_BUDGET_UNITS: usize = 5 * 1024 * 1024 / 2;

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
/// Whatever storage cannot take is kept on the page for the recovery file (`src/js/fatal.js`), so that even a
/// trap of the calculator leaves the latest data savable.
pub fn save(d: &Dataset) -> Result<(), SaveProblem> {
    let Ok(text) = serde_json::to_string(d) else {
        return Err(SaveProblem::Full { kept: false });
    };
    let result = write(&text);
    if result.is_ok() {
        drop_recovery();
    } else {
        keep_recovery(&text);
    }
    result
}

fn write(text: &str) -> Result<(), SaveProblem> {
    let s = storage().ok_or(SaveProblem::Unavailable)?;
    if text.encode_utf16().count() > STORAGE_BUDGET_UNITS {
        let _ = s.set_item(SKIPPED, &format!("{}\t{}", town_of(text), text.len()));
        return Err(SaveProblem::TooBig { bytes: text.len() });
    }
    let old = s.get_item(CURRENT).ok().flatten();
    let full = SaveProblem::Full {
        kept: old.is_some(),
    };
    if let Some(old) = old {
        if old == text {
            return Ok(());
        }
        let ours = LAST_WRITTEN.with(|l| l.borrow().as_deref() == Some(old.as_str()));
        if (ours || Dataset::from_json(&old).is_ok()) && s.set_item(PREVIOUS, &old).is_err() {
            // No room for two copies of a large dataset: the newest matters more than the one before it
            // (a failed write below leaves the current copy as it was).
            let _ = s.remove_item(PREVIOUS);
        }
    }
    s.set_item(CURRENT, text).map_err(|_| full)?;
    let _ = s.remove_item(SKIPPED);
    LAST_WRITTEN.with(|l| *l.borrow_mut() = Some(text.to_string()));
    Ok(())
}

/// The town name at the start of a dataset's JSON text (`"town":{"name":"…"`), without parsing the whole of it.
fn town_of(text: &str) -> String {
    let mut n = text.len().min(64 * 1024);
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    let head = &text[..n];
    head.split_once("\"town\":{\"name\":")
        .and_then(|(_, rest)| {
            serde_json::Deserializer::from_str(rest)
                .into_iter::<String>()
                .next()
        })
        .and_then(Result::ok)
        .unwrap_or_default()
}

/// The latest work that was too big to autosave (its town and JSON size), if the autosave is older than it.
pub fn skipped_last() -> Option<(String, usize)> {
    let line = storage()?.get_item(SKIPPED).ok().flatten()?;
    let (town, bytes) = line.rsplit_once('\t')?;
    Some((town.to_string(), bytes.parse().ok()?))
}

/// The short list of earlier work (newest first): lines `id \t saved-at-ms \t town` under this key, each
/// dataset's text under `clustercalc:recent:<id>`. Plain lines, so the first screen lists them without a JSON
/// parser in its download.
const RECENT: &str = "clustercalc:recent";
/// How many earlier datasets are kept.
pub const RECENT_MAX: usize = 5;
/// Larger datasets are not kept in the list (they would crowd out the autosave); save them as files.
const RECENT_MAX_BYTES: usize = 2 * 1024 * 1024;

/// An entry of the recent list.
#[derive(Debug, Clone, PartialEq)]
pub struct Recent {
    pub id: String,
    /// Milliseconds since 1970, when it was left.
    pub at: f64,
    pub town: String,
}

fn parse_recent(index: &str) -> Vec<Recent> {
    index
        .lines()
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let id = parts.next()?.to_string();
            // An integer: parsing a float would link float parsing into the first screen (~20 KB).
            let at = parts.next()?.parse::<u64>().ok()? as f64;
            let town = parts.next().unwrap_or("").to_string();
            (!id.is_empty()).then_some(Recent { id, at, town })
        })
        .collect()
}

/// The recent list, newest first.
pub fn recent() -> Vec<Recent> {
    storage()
        .and_then(|s| s.get_item(RECENT).ok().flatten())
        .map(|t| parse_recent(&t))
        .unwrap_or_default()
}

/// The dataset text of a recent entry.
pub fn recent_text(id: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{RECENT}:{id}"))
        .ok()
        .flatten()
}

/// Keeps the dataset being left (when another one replaces it) at the head of the recent list: one entry per
/// town name, at most [`RECENT_MAX`]; when storage is full the oldest entries go first. Never fails loudly: the
/// list is a convenience, the autosave and files are what keep work.
pub fn remember(d: &Dataset, now_ms: f64) {
    let Some(s) = storage() else { return };
    let Ok(text) = serde_json::to_string(d) else {
        return;
    };
    if text.len() > RECENT_MAX_BYTES {
        return;
    }
    let town = d.town.name.replace(['\t', '\n', '\r'], " ");
    let mut list = recent();
    let (same, mut kept): (Vec<Recent>, Vec<Recent>) = list.drain(..).partition(|r| r.town == town);
    for r in same {
        let _ = s.remove_item(&format!("{RECENT}:{}", r.id));
    }
    let id = format!("{now_ms:.0}");
    kept.retain(|r| r.id != id);
    while kept.len() >= RECENT_MAX {
        if let Some(r) = kept.pop() {
            let _ = s.remove_item(&format!("{RECENT}:{}", r.id));
        }
    }
    // Full storage: drop the oldest until the text fits (or nothing is left to drop).
    while s.set_item(&format!("{RECENT}:{id}"), &text).is_err() {
        match kept.pop() {
            Some(r) => {
                let _ = s.remove_item(&format!("{RECENT}:{}", r.id));
            }
            None => return,
        }
    }
    kept.insert(
        0,
        Recent {
            id,
            at: now_ms,
            town,
        },
    );
    let index: Vec<String> = kept
        .iter()
        .map(|r| format!("{}\t{:.0}\t{}", r.id, r.at, r.town))
        .collect();
    let _ = s.set_item(RECENT, &index.join("\n"));
}

#[cfg(test)]
mod recent_tests {
    use super::parse_recent;

    #[test]
    fn the_index_reads_back_and_skips_damaged_lines() {
        let list = parse_recent("17\t1700000000000\t大唐镇\nbad\n18\t1700000001000\t");
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].town, "大唐镇");
        assert_eq!(list[1].town, "");
    }
}
