//! The town dataset, format v1: everything the app and the CLI analyse, as one versioned JSON document.
//!
//! `{"format": "clustercalc-dataset", "version": 1, "town": {...}, ...}` — field by field in `docs/dataset.md`.
//! Loading goes text → `serde_json::Value` → [`migrate`] (older versions are upgraded step by step, newer ones
//! refused) → typed structs through `serde_path_to_error` (so a type error names its JSON path) → [`Dataset::validate`]
//! (ranges, codes, sizes, shapes; again with the exact path). Unknown fields are **rejected**: a typo such as
//! `"employmnet"` would otherwise silently drop data an official typed in, and every analysis after it would be
//! wrong without a word. Free text belongs in `notes` and `provenance`.
//!
//! Money is in 万元 throughout (亿元 only for display); employment in persons (人); shares in 0..1.

use crate::error::{in_range, non_negative, Error, ErrorKind, JsonProblem, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

mod migrate;
mod model;
mod read;
#[cfg(test)]
mod tests;
mod validate;

pub use migrate::migrate;
pub use model::*;
#[cfg(feature = "schema")]
pub use read::json_schema;
pub use read::MAX_ABS_NUMBER;
use read::*;
pub use validate::is_industry_code;
use validate::*;

/// The `format` value of every dataset document.
pub const FORMAT: &str = "clustercalc-dataset";

/// The version this program writes and analyses. Older versions are migrated to it by [`migrate`].
pub const CURRENT_VERSION: u64 = 1;

/// Largest dataset text accepted (bytes). A 2 000 000-firm list fits; anything bigger is refused before parsing.
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// Size limits that protect memory and time (the web app runs in a browser tab).
pub mod limits {
    pub const FIRMS: usize = 2_000_000;
    pub const INDUSTRIES: usize = 2_000;
    pub const HISTORY_YEARS: usize = 200;
    pub const CLUSTERS: usize = 50;
    pub const STAGES: usize = 100;
    pub const REGION_TOWNS: usize = 1_000;
    pub const IO_SECTORS: usize = 500;
    pub const SCENARIOS: usize = 100;
    pub const CHANGES: usize = 10_000;
    pub const REFERENCE_INDUSTRIES: usize = 5_000;
    pub const TEXT_CHARS: usize = 10_000;
    pub const PROVENANCE: usize = 1_000;
}

/// Industry (GB/T 4754 code, text) → value.
pub type CodeMap = BTreeMap<String, f64>;

impl Dataset {
    /// The smallest valid dataset: a named town and nothing else (what a new form in the app starts from).
    pub fn empty(town_name: impl Into<String>) -> Dataset {
        Dataset {
            format: FORMAT.into(),
            version: CURRENT_VERSION,
            notes: None,
            provenance: Vec::new(),
            town: Town {
                name: town_name.into(),
                ..Default::default()
            },
            reference: None,
            industries: Vec::new(),
            clusters: Vec::new(),
            firms: Vec::new(),
            support: None,
            environment: None,
            judgments: None,
            region: None,
            io_table: None,
            parameters: Parameters::default(),
            scenarios: Vec::new(),
        }
    }

    /// Parses, migrates and validates a dataset. Errors name the JSON path and the reason.
    pub fn from_json(text: &str) -> Result<Dataset> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    max: MAX_TEXT_BYTES,
                },
                "",
            ));
        }
        // Strip a UTF-8 BOM: spreadsheet tools on Windows add one.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Strict: NaN, 1e309, too deep a nesting and a repeated key are refused, located and in words.
        let value = read::parse_strict(text)?;
        Dataset::from_value(value)
    }

    /// As [`Dataset::from_json`], from an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<Dataset> {
        let dataset = Dataset::from_value_unvalidated(value)?;
        dataset.validate()?;
        Ok(dataset)
    }

    fn from_value_unvalidated(value: Value) -> Result<Dataset> {
        let value = migrate(value)?;
        check_numbers(&value, &mut String::new())?;
        serde_path_to_error::deserialize(value).map_err(|e| path_error(&e))
    }

    /// As [`Dataset::from_json`], reading the text as it arrives (a big county's file, read in pieces by the
    /// app's analysis worker): the same dataset or the same located error, without ever holding the whole text
    /// or a JSON tree of the firm list. The firm list, the only part that grows to millions, is read straight
    /// into [`Firm`]s; the rest of the document takes the `from_json` path (migration, number check).
    ///
    /// Two differences, both on broken files (found by `fuzz/dataset_reader`): the reader meets problems in file
    /// order, firms first, so of several it may name another (`from_json` names a syntax error first, then the
    /// first field in key order). A repeated key anywhere is refused by both, by name. A migration that changes firms would have to be
    /// applied here too; there is none (format version 1).
    pub fn from_json_reader<R: std::io::Read>(reader: R) -> Result<Dataset> {
        use std::io::Read;
        let mut counted = Counted {
            inner: reader.take(MAX_TEXT_BYTES as u64 + 1),
            bytes: 0,
        };
        // Strip a UTF-8 BOM, as `from_json` does: look at the first three bytes, however they arrive.
        let mut head = [0u8; 3];
        let mut got = 0;
        while got < head.len() {
            match counted.read(&mut head[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::new(ErrorKind::Syntax(e.to_string()), "")),
            }
        }
        let head = if head[..got] == *b"\xEF\xBB\xBF" {
            &[][..]
        } else {
            &head[..got]
        };
        let buffered = std::io::BufReader::with_capacity(1 << 16, head.chain(&mut counted));
        let mut de = serde_json::Deserializer::from_reader(buffered);
        let parsed = serde_path_to_error::deserialize::<_, SplitFirms>(&mut de)
            .map_err(|e| reader_error(&e))
            .and_then(|split| {
                de.end()
                    .map_err(|e| Error::new(ErrorKind::Syntax(e.to_string()), ""))?;
                Ok(split)
            });
        drop(de);
        if counted.bytes > MAX_TEXT_BYTES as u64 {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    max: MAX_TEXT_BYTES,
                },
                "",
            ));
        }
        let SplitFirms { rest, firms } = parsed?;
        let mut dataset = Dataset::from_value_unvalidated(Value::Object(rest))?;
        for (i, f) in firms.iter().enumerate() {
            for (field, v) in [
                ("employment", f.employment),
                ("revenue", f.revenue),
                ("local_sourcing_share", f.local_sourcing_share),
            ] {
                if v.is_some_and(|x| x.abs() > MAX_ABS_NUMBER) {
                    return Err(too_big(format!("firms[{i}].{field}")));
                }
            }
        }
        dataset.firms = firms;
        dataset.validate()?;
        Ok(dataset)
    }

    /// Pretty JSON text of the dataset.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain structs of strings, numbers and maps with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks ranges, codes, shapes and sizes. The first violation is returned with its JSON path.
    pub fn validate(&self) -> Result<()> {
        if self.format != FORMAT {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat(format!("format must be \"{FORMAT}\"")),
                "format",
            ));
        }
        if self.version != CURRENT_VERSION {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat(format!("version must be {CURRENT_VERSION}")),
                "version",
            ));
        }
        if let Some(n) = &self.notes {
            text_len(n, "notes")?;
        }
        cap(self.provenance.len(), limits::PROVENANCE, "provenance")?;
        validate_town(&self.town)?;
        if let Some(r) = &self.reference {
            validate_reference(r)?;
        }
        cap(self.industries.len(), limits::INDUSTRIES, "industries")?;
        let mut seen = BTreeSet::new();
        for (i, ind) in self.industries.iter().enumerate() {
            let p = format!("industries[{i}]");
            validate_industry(ind, &p)?;
            if !seen.insert(ind.code.as_str()) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("duplicate industry code {}", ind.code)),
                    format!("{p}.code"),
                ));
            }
        }
        cap(self.clusters.len(), limits::CLUSTERS, "clusters")?;
        for (i, c) in self.clusters.iter().enumerate() {
            validate_cluster(c, &format!("clusters[{i}]"))?;
        }
        cap(self.firms.len(), limits::FIRMS, "firms")?;
        for (i, f) in self.firms.iter().enumerate() {
            // Check first, build the path only for the error: no allocation per firm of a two-million list.
            if validate_firm(f, "").is_err() {
                validate_firm(f, &format!("firms[{i}]"))?;
            }
        }
        if let Some(s) = &self.environment {
            validate_environment(s)?;
        }
        if let Some(j) = &self.judgments {
            validate_judgments(j)?;
        }
        if let Some(r) = &self.region {
            validate_region(r)?;
        }
        if let Some(t) = &self.io_table {
            validate_io(t)?;
        }
        validate_parameters(&self.parameters)?;
        cap(self.scenarios.len(), limits::SCENARIOS, "scenarios")?;
        for (i, s) in self.scenarios.iter().enumerate() {
            validate_scenario(s, &format!("scenarios[{i}]"))?;
        }
        Ok(())
    }
}
