//! A share link from a stranger: the fragment payload is decoded (base64url, inflate capped at 20 MB, UTF-8,
//! dataset). It must be refused or read, never panic or exhaust memory; what it reads must make a link again.
#![no_main]

use clustercalc_core::share::{decode, encode, payload, ShareError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fragment = payload(text).unwrap_or(text);
    if let Ok(shared) = decode(fragment) {
        let d = shared.dataset;
        match encode(&d) {
            Ok(link) => assert_eq!(decode(&link).ok().map(|s| s.dataset), Some(d)),
            Err(ShareError::TooLarge { .. }) => {}
            Err(e) => panic!("a decoded dataset must encode again: {e:?}"),
        }
    }
});
