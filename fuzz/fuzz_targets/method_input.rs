//! Each ENGINE-API.md method with an input from anywhere: the first byte picks the method, the rest is the JSON
//! text. The API must answer with a result or a located error, never panic.
#![no_main]

use clustercalc_core::api::{call_str, METHODS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let name = METHODS[usize::from(pick) % METHODS.len()];
    if let Ok(out) = call_str(name, text) {
        assert_eq!(out["method"], name);
        let _ = serde_json::to_string(&out).expect("a result always serialises");
    }
});
