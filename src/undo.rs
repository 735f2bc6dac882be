//! Undo and redo that fit in memory.
//!
//! A snapshot is taken before each edit group. The firm list is most of a large dataset (330 000 firms are
//! tens of megabytes), so a snapshot keeps it in chunks of [`CHUNK`] firms shared with the newest snapshots:
//! an edit that leaves the firms alone costs only the rest of the dataset, and an edit of one firm one chunk.
//! What the snapshots hold is counted (each distinct chunk once), and when it passes the budget the oldest
//! steps are dropped (keeping at least one), so a long session on a big firm list cannot fill the browser's
//! memory; the app then says that undo reaches back fewer steps.

use clustercalc_core::dataset::{Dataset, Firm};
use std::sync::Arc;

/// How many edit groups undo remembers at most.
pub const DEPTH: usize = 200;
/// What the snapshots may hold, in bytes (estimated), before the oldest are dropped.
pub const BUDGET_BYTES: usize = 256 * 1024 * 1024;
/// Firms per shared chunk.
pub const CHUNK: usize = 2048;

/// A shared run of firms and its estimated size.
#[derive(Debug)]
struct Chunk {
    firms: Vec<Firm>,
    bytes: usize,
}

/// A dataset as remembered: everything but the firms, and the firms in chunks shared between snapshots.
#[derive(Debug, Clone)]
struct Snapshot {
    rest: Dataset,
    chunks: Vec<Arc<Chunk>>,
    /// Estimated bytes of `rest`.
    rest_bytes: usize,
}

impl Snapshot {
    fn restore(&self) -> Dataset {
        let mut firms = Vec::with_capacity(self.chunks.iter().map(|c| c.firms.len()).sum());
        for c in &self.chunks {
            firms.extend_from_slice(&c.firms);
        }
        Dataset {
            firms,
            ..self.rest.clone()
        }
    }
}

/// The dataset without its firms, copied field by field (a new field of `Dataset` must be added here: the
/// pattern is exhaustive).
fn without_firms(d: &Dataset) -> Dataset {
    let Dataset {
        format,
        version,
        notes,
        provenance,
        town,
        reference,
        industries,
        clusters,
        firms: _,
        support,
        environment,
        judgments,
        region,
        io_table,
        parameters,
        scenarios,
    } = d;
    Dataset {
        format: format.clone(),
        version: *version,
        notes: notes.clone(),
        provenance: provenance.clone(),
        town: town.clone(),
        reference: reference.clone(),
        industries: industries.clone(),
        clusters: clusters.clone(),
        firms: Vec::new(),
        support: support.clone(),
        environment: environment.clone(),
        judgments: judgments.clone(),
        region: region.clone(),
        io_table: io_table.clone(),
        parameters: parameters.clone(),
        scenarios: scenarios.clone(),
    }
}

fn firm_bytes(firms: &[Firm]) -> usize {
    let text = |s: &Option<String>| s.as_ref().map_or(0, String::len);
    firms
        .iter()
        .map(|f| {
            std::mem::size_of::<Firm>()
                + f.name.len()
                + text(&f.industry)
                + text(&f.stage)
                + text(&f.town)
        })
        .sum()
}

/// A rough size of the rest of a dataset: its industries, clusters, region and I-O table dominate.
fn rest_bytes(d: &Dataset) -> usize {
    4096 + d.industries.len() * 512
        + d.clusters.len() * 2048
        + d.region.as_ref().map_or(0, |r| r.towns.len() * 1024)
        + d.io_table
            .as_ref()
            .map_or(0, |t| t.sectors.len() * t.sectors.len() * 8)
}

/// The undo and redo stacks.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    depth: usize,
    budget: usize,
    /// Set once steps were dropped to stay within the budget.
    trimmed: bool,
}

impl Default for History {
    fn default() -> Self {
        History::new(DEPTH, BUDGET_BYTES)
    }
}

impl History {
    pub fn new(depth: usize, budget: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            depth: depth.max(1),
            budget,
            trimmed: false,
        }
    }

    /// A snapshot of `d`, sharing each chunk of firms that the newest snapshots hold unchanged.
    fn snapshot(&self, d: &Dataset) -> Snapshot {
        let near: Vec<&Snapshot> = self
            .undo
            .last()
            .into_iter()
            .chain(self.redo.last())
            .collect();
        let chunks = d
            .firms
            .chunks(CHUNK)
            .enumerate()
            .map(|(i, run)| {
                near.iter()
                    .filter_map(|s| s.chunks.get(i))
                    .find(|c| c.firms.as_slice() == run)
                    .map(Arc::clone)
                    .unwrap_or_else(|| {
                        Arc::new(Chunk {
                            firms: run.to_vec(),
                            bytes: firm_bytes(run),
                        })
                    })
            })
            .collect();
        Snapshot {
            rest: without_firms(d),
            chunks,
            rest_bytes: rest_bytes(d),
        }
    }

    /// Remembers `before`, the dataset before an edit group; a new edit ends what redo could bring back.
    pub fn record(&mut self, before: &Dataset) {
        let s = self.snapshot(before);
        self.undo.push(s);
        self.redo.clear();
        self.trim();
    }

    /// The dataset before the last edit group, remembering `current` for redo.
    pub fn undo(&mut self, current: &Dataset) -> Option<Dataset> {
        let prev = self.undo.pop()?;
        let now = self.snapshot(current);
        self.redo.push(now);
        let out = prev.restore();
        self.trim();
        Some(out)
    }

    /// The dataset undo last replaced, remembering `current` for undo.
    pub fn redo(&mut self, current: &Dataset) -> Option<Dataset> {
        let next = self.redo.pop()?;
        let now = self.snapshot(current);
        self.undo.push(now);
        let out = next.restore();
        self.trim();
        Some(out)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps undo can go back.
    pub fn undo_steps(&self) -> usize {
        self.undo.len()
    }

    /// Whether steps were ever dropped to stay within the memory budget.
    pub fn trimmed(&self) -> bool {
        self.trimmed
    }

    /// Estimated bytes held: each distinct chunk of firms once, and every snapshot's other data.
    pub fn retained_bytes(&self) -> usize {
        let mut seen: std::collections::HashSet<*const Chunk> = std::collections::HashSet::new();
        let mut total = 0;
        for s in self.undo.iter().chain(&self.redo) {
            total += s.rest_bytes;
            for c in &s.chunks {
                if seen.insert(Arc::as_ptr(c)) {
                    total += c.bytes;
                }
            }
        }
        total
    }

    /// Drops the oldest undo steps beyond the depth or the budget (the newest always stays); then, if still
    /// over the budget, the redo steps furthest from now.
    fn trim(&mut self) {
        while self.undo.len() > self.depth {
            self.undo.remove(0);
        }
        while self.retained_bytes() > self.budget && self.undo.len() > 1 {
            self.undo.remove(0);
            self.trimmed = true;
        }
        while self.retained_bytes() > self.budget && self.redo.len() > 1 {
            self.redo.remove(0);
            self.trimmed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(firms: usize) -> Dataset {
        let mut d = Dataset::empty("甲镇");
        d.firms = (0..firms)
            .map(|k| Firm {
                name: format!("企业{k}"),
                industry: Some("17".into()),
                employment: Some(10.0),
                ..Default::default()
            })
            .collect();
        d
    }

    #[test]
    fn edits_that_leave_the_firms_alone_share_one_firm_list() {
        let mut d = town(20_000);
        let mut h = History::default();
        let one_list = firm_bytes(&d.firms);
        for k in 0..150 {
            h.record(&d);
            d.town.population = Some(f64::from(k));
        }
        assert_eq!(h.undo_steps(), 150);
        // 150 snapshots hold the firm list once (was: 150 copies).
        assert!(
            h.retained_bytes() < one_list + 150 * 8192,
            "{}",
            h.retained_bytes()
        );
        assert!(!h.trimmed());
        // Undo brings every step back, firms included.
        let mut now = d.clone();
        for k in (0..150).rev() {
            now = h.undo(&now).unwrap();
            let want = if k == 0 { None } else { Some(f64::from(k - 1)) };
            assert_eq!(now.town.population, want);
            assert_eq!(now.firms.len(), 20_000);
        }
        assert!(h.undo(&now).is_none());
        let again = h.redo(&now).unwrap();
        assert_eq!(again.town.population, Some(0.0));
    }

    #[test]
    fn editing_one_firm_costs_one_chunk_and_330_000_firms_stay_within_the_ceiling() {
        // Issue 19: after importing 330 000 firms, 66 edits used to fill the 4 GB wasm memory (a full copy per
        // edit). 200 edit groups — town fields and single firms, alternately — now hold the list once plus one
        // chunk per firm edit.
        let mut d = town(330_000);
        let one_list = firm_bytes(&d.firms);
        let chunk = firm_bytes(&d.firms[..CHUNK]);
        let mut h = History::default();
        for k in 0..200 {
            h.record(&d);
            if k % 2 == 0 {
                d.town.population = Some(f64::from(k));
            } else {
                d.firms[(k as usize * 1_651) % 330_000].employment = Some(f64::from(k));
            }
        }
        assert_eq!(h.undo_steps(), 200);
        assert!(!h.trimmed());
        let held = h.retained_bytes();
        assert!(held <= one_list + 100 * chunk + 200 * 8192, "{held}");
        assert!(held < BUDGET_BYTES, "{held}");
        // Back to the start: every firm as it was.
        let start = town(330_000);
        let mut now = d;
        while let Some(prev) = h.undo(&now) {
            now = prev;
        }
        assert_eq!(now.firms, start.firms);
        assert_eq!(now.town.population, None);
    }

    #[test]
    fn firm_edits_past_the_budget_drop_the_oldest_steps_and_say_so() {
        let mut d = town(5_000);
        let chunk = firm_bytes(&d.firms[..CHUNK]);
        let one_list = firm_bytes(&d.firms);
        // Room for the list and about four changed chunks.
        let budget = one_list + 4 * chunk + 100_000;
        let mut h = History::new(DEPTH, budget);
        for k in 0..30 {
            h.record(&d);
            // Each edit touches every chunk: the whole list changes.
            for f in d.firms.iter_mut().step_by(CHUNK) {
                f.employment = Some(f64::from(k));
            }
        }
        assert!(h.trimmed());
        assert!(h.retained_bytes() <= budget);
        assert!((1..=3).contains(&h.undo_steps()), "{}", h.undo_steps());
        // What is kept is right: the newest step undoes the last edit.
        let back = h.undo(&d).unwrap();
        assert_eq!(back.firms[0].employment, Some(28.0));
    }

    #[test]
    fn a_new_edit_ends_redo_and_depth_is_bounded() {
        let mut d = town(3);
        let mut h = History::new(5, BUDGET_BYTES);
        for k in 0..9 {
            h.record(&d);
            d.town.population = Some(f64::from(k));
        }
        assert_eq!(h.undo_steps(), 5);
        assert!(!h.trimmed());
        let back = h.undo(&d).unwrap();
        assert!(h.can_redo());
        h.record(&back);
        assert!(!h.can_redo());
    }
}
