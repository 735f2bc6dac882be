//! A big dataset file from anywhere, as the analysis worker reads it: `Dataset::from_json_reader`, fed in small
//! pieces, must never panic, hang or grow without bound, and must agree with `from_json` on the same bytes: the
//! same dataset, or both refused. (Which problem each names first may differ when a file has several: the
//! reader meets them in file order, firms first as they stream by; `from_json` parses the whole text first,
//! then checks fields in key order. The unit test `reader_matches_from_json` checks the paths of files with one
//! problem.) Both refuse a repeated key anywhere (the reader took one inside `provenance` until this target
//! found it); the tolerance below only lets the two name different problems first. (What is read is then analysed as in `dataset_json`, and the
//! report's JSON round trip is a property test: this target stays a fast parser comparison.)
#![no_main]

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

/// True when some JSON object in `text` names a key twice.
fn has_repeated_keys(text: &str) -> bool {
    use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
    struct Scan;
    impl<'de> Visitor<'de> for Scan {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut seen = std::collections::HashSet::new();
            let mut repeated = false;
            while let Some(k) = map.next_key::<String>()? {
                repeated |= !seen.insert(k);
                repeated |= map.next_value::<Repeated>()?.0;
            }
            Ok(repeated)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
            let mut repeated = false;
            while let Some(r) = seq.next_element::<Repeated>()? {
                repeated |= r.0;
            }
            Ok(repeated)
        }
        fn visit_str<E>(self, _: &str) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_unit<E>(self) -> Result<bool, E> {
            Ok(false)
        }
    }
    struct Repeated(bool);
    impl<'de> serde::Deserialize<'de> for Repeated {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Scan).map(Repeated)
        }
    }
    serde_json::from_str::<Repeated>(text).is_ok_and(|r| r.0)
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the piece size (1–256 bytes); the rest is the file.
    let Some((&k, bytes)) = data.split_first() else {
        return;
    };
    let streamed = Dataset::from_json_reader(Pieces(bytes, usize::from(k) + 1));
    // Text that is not UTF-8 is refused by both (from_json takes text).
    let Ok(text) = std::str::from_utf8(bytes) else {
        assert!(
            streamed.is_err(),
            "the reader accepted bytes that are not UTF-8"
        );
        return;
    };
    match (Dataset::from_json(text), streamed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(_)) if has_repeated_keys(text) => {}
        (a, b) => panic!("from_json {:?} but from_json_reader {:?}", a.err(), b.err()),
    }
});
