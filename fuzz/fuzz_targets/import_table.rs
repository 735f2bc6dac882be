//! A CSV file or a paste from a stranger's spreadsheet: split into cells, read as either table (and as detected),
//! then applied to a dataset. Refused or imported, never a panic; an import that succeeds is a valid dataset.
#![no_main]

use clustercalc_core::dataset::Dataset;
use clustercalc_core::import::{apply, parse_delimited, read, Sheet, TableKind};
use clustercalc_core::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sheet = Sheet {
        name: "fuzz".into(),
        rows: parse_delimited(text),
    };
    let base = Dataset::empty("镇");
    for kind in [None, Some(TableKind::Industries), Some(TableKind::Firms)] {
        match read(&sheet, kind) {
            Ok(preview) => match apply(&base, &preview) {
                Ok(d) => d.validate().expect("an applied import is valid"),
                Err(e) => {
                    let _ = e.message(Lang::Zh);
                }
            },
            Err(e) => {
                let _ = e.message(Lang::En);
            }
        }
    }
});
