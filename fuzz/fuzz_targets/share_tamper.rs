//! A share link changed on its way (differential): up to four characters of a real link (the Datang case,
//! format 2 with its checksum) are replaced by what the fuzzer chooses. The result must be refused or read back
//! the very same dataset — never open with other numbers.
#![no_main]

use clustercalc_core::dataset::Dataset;
use clustercalc_core::examples;
use clustercalc_core::share::{decode, encode};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn original() -> &'static (String, Dataset) {
    static LINK: OnceLock<(String, Dataset)> = OnceLock::new();
    LINK.get_or_init(|| {
        let d = Dataset::from_json(examples::get("datang").expect("bundled")).expect("valid");
        (encode(&d).expect("fits a link"), d)
    })
}

fuzz_target!(|data: &[u8]| {
    let (link, dataset) = original();
    let mut bytes = link.as_bytes().to_vec();
    // Each edit: a position (two bytes, little-endian) and the new byte.
    for edit in data.chunks_exact(3).take(4) {
        let at = usize::from(u16::from_le_bytes([edit[0], edit[1]])) % bytes.len();
        bytes[at] = edit[2];
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return;
    };
    if let Ok(shared) = decode(&text) {
        assert!(shared.checked, "a format-2 link cannot turn into an unchecked one by four edits");
        assert_eq!(&shared.dataset, dataset, "a changed link opened with other numbers");
    }
});
