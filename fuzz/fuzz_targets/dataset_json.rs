//! A dataset file from anywhere: parse, migrate, validate, then analyse and serialise the report. Any panic,
//! hang or unbounded allocation is a bug; a refused file must name where it went wrong.
#![no_main]

use clustercalc_core::analyze::analyze;
use clustercalc_core::dataset::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Dataset::from_json(text) {
        Ok(d) => {
            let report = analyze(&d);
            if let Err(e) = clustercalc_core::finite::check(&report) {
                panic!("the report holds {e}");
            }
            // What the app saves must load again as the same dataset.
            let again =
                Dataset::from_json(&d.to_json_pretty()).expect("a saved dataset loads again");
            assert_eq!(again, d);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
