//! A big dataset file from anywhere, as the analysis worker reads it: `Dataset::from_json_reader`, fed in small
//! pieces, must never panic, hang or grow without bound, and must agree with `from_json` on the same bytes: the
//! same dataset, or an error at the same JSON path. The report of what it reads must read back from its JSON
//! (the worker's hand-over to the page).
#![no_main]

use clustercalc_core::analyze::{analyze, Report};
use clustercalc_core::dataset::Dataset;
use libfuzzer_sys::fuzz_target;

/// Hands out at most `piece` bytes per read, as the worker's file pieces arrive.
struct Pieces<'a>(&'a [u8], usize);

impl std::io::Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the piece size (1–256 bytes); the rest is the file.
    let Some((&k, bytes)) = data.split_first() else {
        return;
    };
    let streamed = Dataset::from_json_reader(Pieces(bytes, usize::from(k) + 1));
    // Text that is not UTF-8 is refused by both (from_json takes text).
    let Ok(text) = std::str::from_utf8(bytes) else {
        assert!(streamed.is_err(), "the reader accepted bytes that are not UTF-8");
        return;
    };
    match (Dataset::from_json(text), streamed) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b);
            let report = analyze(&b);
            let json = serde_json::to_string(&report).expect("a report serialises");
            let back: Report = serde_json::from_str(&json).expect("a report reads back");
            assert_eq!(back, report);
        }
        (Err(a), Err(b)) => assert_eq!(a.path, b.path, "{a:?} vs {b:?}"),
        (a, b) => panic!("from_json {:?} but from_json_reader {:?}", a.err(), b.err()),
    }
});
