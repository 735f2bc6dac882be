//! Share links: the dataset, deflated and base64url-encoded, in the URL fragment (`#share=1.…`). The fragment is
//! never sent to a server, so the data still does not leave the device except through the link the user passes
//! on. Pure functions with no web dependency (fuzzed natively in `fuzz/`); the app's toolbar and start screen do
//! the browser part.

use crate::dataset::Dataset;
use crate::Error;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The fragment key; the payload starts with the codec version.
pub const KEY: &str = "share=";
const VERSION: &str = "1.";

/// Longest link the app offers. Browsers accept far longer URLs, but chat apps and e-mail clients cut or refuse
/// links of more than a few thousand characters; a larger dataset should travel as a file.
pub const MAX_LINK_CHARS: usize = 8_000;

/// Largest JSON a link may expand to (a deflate bomb in a stranger's link must not exhaust memory).
const MAX_JSON_BYTES: usize = 20 * 1024 * 1024;

/// Why a link could not be made or read.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// The encoded dataset is longer than [`MAX_LINK_CHARS`].
    TooLarge { chars: usize },
    /// Not a share link of a version this app reads, or damaged in transit.
    Damaged,
    /// It decoded, but is not a valid dataset (the core's error names the field).
    Invalid(Error),
}

/// The fragment payload (after `#share=`) for a dataset.
pub fn encode(d: &Dataset) -> Result<String, ShareError> {
    let json = serde_json::to_string(d).map_err(|_| ShareError::Damaged)?;
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    let text = format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(packed));
    if text.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge { chars: text.len() });
    }
    Ok(text)
}

/// The payload from a URL fragment (`#share=…` or `share=…`), if it is a share link at all.
pub fn payload(fragment: &str) -> Option<&str> {
    fragment.trim_start_matches('#').strip_prefix(KEY)
}

/// Reads a payload back into a validated dataset.
pub fn decode(payload: &str) -> Result<Dataset, ShareError> {
    let body = payload.strip_prefix(VERSION).ok_or(ShareError::Damaged)?;
    let packed = URL_SAFE_NO_PAD
        .decode(body.trim())
        .map_err(|_| ShareError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_JSON_BYTES)
        .map_err(|_| ShareError::Damaged)?;
    let text = std::str::from_utf8(&json).map_err(|_| ShareError::Damaged)?;
    Dataset::from_json(text).map_err(ShareError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples;

    #[test]
    fn every_example_that_fits_round_trips() {
        let mut fitted = 0;
        for name in examples::names() {
            let d = Dataset::from_json(examples::get(name).unwrap()).unwrap();
            match encode(&d) {
                Ok(link) => {
                    fitted += 1;
                    assert!(link.len() <= MAX_LINK_CHARS);
                    assert!(link
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
                    assert_eq!(decode(&link).unwrap(), d, "{name}");
                }
                Err(ShareError::TooLarge { chars }) => assert!(chars > MAX_LINK_CHARS),
                Err(e) => panic!("{name}: {e:?}"),
            }
        }
        assert!(fitted >= 2, "the case studies fit in a link");
    }

    #[test]
    fn a_big_town_is_refused_with_its_length() {
        let d = examples::synthetic_town(50, 5_000);
        assert!(
            matches!(encode(&d), Err(ShareError::TooLarge { chars }) if chars > MAX_LINK_CHARS)
        );
    }

    #[test]
    fn damaged_and_hostile_links_are_refused_not_panicking() {
        let good = encode(&Dataset::empty("甲镇")).unwrap();
        for bad in [
            "",
            "1.",
            "2.abc",
            "1.!!!",
            "1.AAAA",
            &good[..good.len() / 2],
            &format!("{good}x"),
        ] {
            assert!(decode(bad).is_err(), "{bad:?}");
        }
        // Valid deflate of text that is not a dataset: the core names the problem.
        let not_a_dataset = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
                b"{\"format\":\"x\"}",
                6
            ))
        );
        assert!(matches!(
            decode(&not_a_dataset),
            Err(ShareError::Invalid(_))
        ));
        // A deflate bomb (64 MB of spaces) stops at the limit.
        let bomb = vec![b' '; 64 * 1024 * 1024];
        let link = format!(
            "1.{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 9))
        );
        assert_eq!(decode(&link), Err(ShareError::Damaged));
    }

    #[test]
    fn the_payload_is_found_in_the_fragment() {
        assert_eq!(payload("#share=1.abc"), Some("1.abc"));
        assert_eq!(payload("share=1.abc"), Some("1.abc"));
        assert_eq!(payload("#other=1"), None);
    }
}
