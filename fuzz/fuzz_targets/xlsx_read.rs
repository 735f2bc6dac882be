//! An .xlsx file from anywhere (the spreadsheet module's reader, calamine, then the table importer): refused or
//! read, never a panic, a hang or unbounded memory.
#![no_main]

use clustercalc_core::import::{read, Sheet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(sheets) = clustercalc_sheets::read(data) {
        for s in sheets {
            let _ = read(
                &Sheet {
                    name: s.name,
                    rows: s.rows,
                },
                None,
            );
        }
    }
});
