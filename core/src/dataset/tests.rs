//! Tests of the dataset format: loading, the streaming reader, validation paths.

use super::*;
use crate::lang::Lang;

/// The streaming reader gives what `from_json` gives: the same dataset for valid text, the same located
/// error for invalid text, whatever the size of the pieces the text arrives in.
#[test]
fn reader_matches_from_json() {
    /// Hands out `piece` bytes at a time, as the worker's file reader does with its chunks.
    struct Pieces<'a>(&'a [u8], usize);
    impl std::io::Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let mut texts: Vec<String> = crate::examples::names()
        .into_iter()
        .filter_map(crate::examples::get)
        .map(str::to_string)
        .collect();
    texts.push(serde_json::to_string(&crate::examples::synthetic_county(5, 2_000)).unwrap());
    texts.push(format!("\u{feff}{}", texts[0]));
    let firm = |extra: &str| {
        texts[0].replacen(
            "\"firms\": [",
            &format!("\"firms\": [{{\"name\": \"x\"{extra}}},"),
            1,
        )
    };
    let bad = [
        firm(", \"employment\": 1e16"),
        firm(", \"employment\": -3"),
        firm(", \"colour\": \"red\""),
        firm(", \"employment\": \"many\""),
        firm(", \"employment\": 1e999"),
        texts[0].replacen("\"version\": 1", "\"version\": 7", 1),
        texts[0].replacen(
            "\"format\": \"clustercalc-dataset\"",
            "\"format\": \"other\"",
            1,
        ),
        texts[0][..texts[0].len() / 2].to_string(),
        // A misfit firm field, then broken JSON further on (found by fuzz/dataset_reader).
        firm(", \"tow\": 1")
            .replacen("\"support\"", "\"support\" ", 1)
            .replacen("\"parameters\": {", "\"parameters\": {,", 1),
        format!("{} trailing", texts[0]),
        "[1, 2]".to_string(),
        "{}".to_string(),
    ];
    for t in bad.iter().chain(texts.iter()) {
        let whole = Dataset::from_json(t);
        for piece in [1, 7, 4096] {
            let streamed = Dataset::from_json_reader(Pieces(t.as_bytes(), piece));
            match (&whole, &streamed) {
                (Ok(a), Ok(b)) => assert_eq!(a, b),
                // Broken JSON: both refuse, each naming the first problem it meets.
                (Err(a), Err(b))
                    if matches!(a.kind, ErrorKind::Syntax(_) | ErrorKind::JsonText { .. })
                        || matches!(b.kind, ErrorKind::Syntax(_) | ErrorKind::JsonText { .. }) => {}
                (Err(a), Err(b)) => {
                    assert_eq!(a.path, b.path, "{t:.80}");
                    assert_eq!(
                        std::mem::discriminant(&a.kind),
                        std::mem::discriminant(&b.kind),
                        "{a:?} vs {b:?}"
                    );
                }
                _ => panic!(
                    "{:?} vs {:?} for {t:.200}",
                    whole.as_ref().err(),
                    streamed.as_ref().err()
                ),
            }
        }
    }
    assert!(bad.iter().all(|t| Dataset::from_json(t).is_err()));
    // A key repeated inside a firm: both refuse it at that firm.
    let twice = firm(", \"employment\": 3, \"employment\": 4");
    let e = Dataset::from_json(&twice).unwrap_err();
    assert!(e.path.starts_with("firms[0]"), "{e:?}");
    let e = Dataset::from_json_reader(twice.as_bytes()).unwrap_err();
    assert!(e.path.starts_with("firms[0]"), "{e:?}");
}

fn minimal() -> String {
    r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"测试镇"}}"#.to_string()
}

#[track_caller]
fn err_of(text: &str) -> Error {
    Dataset::from_json(text).expect_err("should be invalid")
}

#[test]
fn minimal_dataset_loads() {
    let d = Dataset::from_json(&minimal()).unwrap();
    assert_eq!(d.town.name, "测试镇");
    assert!(d.industries.is_empty());
    assert_eq!(d, Dataset::empty("测试镇"));
}

#[test]
fn future_version_is_refused_with_a_clear_reason() {
    let e = err_of(r#"{"format":"clustercalc-dataset","version":2,"town":{"name":"x"}}"#);
    assert_eq!(e.path, "version");
    assert!(e
        .message(crate::Lang::En)
        .contains("newer than this program"));
}

#[test]
fn errors_name_the_json_path() {
    let cases: &[(&str, &str)] = &[
        (
            r#""industries":[{"code":"17","employment":-1}]"#,
            "industries[0].employment",
        ),
        (r#""industries":[{"code":"C17"}]"#, "industries[0].code"),
        (
            r#""industries":[{"code":"17","employment":"many"}]"#,
            "industries[0].employment",
        ),
        (
            r#""industries":[{"code":"17","employmnet":5}]"#,
            "industries[0].employmnet",
        ),
        (r#""industries":[{"name":"x"}]"#, "industries[0].code"),
        (r#""judgments":{"trust":6}"#, "judgments.trust"),
        (
            r#""reference":{"name":"r","employment":{"17":-3}}"#,
            "reference.employment.17",
        ),
        (r#""parameters":{"flq_delta":1.0}"#, "parameters.flq_delta"),
        (
            r#""parameters":{"keynes":{"c":0.7,"t":0.2,"m":0.2,"form":"magic"}}"#,
            "parameters.keynes.form",
        ),
        (
            r#""scenarios":[{"name":"s","changes":[{"kind":"add-jobs","industry":"17","jobs":-5}]}]"#,
            "scenarios[0].changes[0].jobs",
        ),
        (
            r#""io_table":{"sectors":[{"name":"a"},{"name":"b"}],"z":[[1,2],[3]],"x":[1,2]}"#,
            "io_table.z[1]",
        ),
        (
            r#""firms":[{"name":"a","local_sourcing_share":1.5}]"#,
            "firms[0].local_sourcing_share",
        ),
    ];
    for (fields, path) in cases {
        let text = format!(
            r#"{{"format":"clustercalc-dataset","version":1,"town":{{"name":"x"}},{fields}}}"#
        );
        let e = err_of(&text);
        assert_eq!(&e.path, path, "{fields}: {}", e.message(crate::Lang::En));
    }
}

#[test]
fn wrong_format_and_syntax_are_refused() {
    assert_eq!(err_of(r#"{"format":"other","version":1}"#).path, "format");
    assert_eq!(err_of(r#"{"version":1}"#).path, "format");
    assert!(matches!(
        err_of("{").kind,
        ErrorKind::JsonText {
            problem: JsonProblem::Truncated,
            ..
        }
    ));
    assert!(matches!(err_of("[]").kind, ErrorKind::UnsupportedFormat(_)));
    assert_eq!(
        err_of(r#"{"format":"clustercalc-dataset","version":1}"#).path,
        "town"
    );
}

#[test]
fn round_trip_preserves_the_dataset() {
    let text = r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x","code":"330681104"},
        "industries":[{"code":"1771","name":"袜","firms":10,"employment":100,"history":[{"year":2000,"firms":5}]}],
        "scenarios":[{"name":"s","changes":[{"kind":"add-firm","firm":{"name":"f","employment":50}}]}]}"#;
    let d = Dataset::from_json(text).unwrap();
    let again = Dataset::from_json(&d.to_json_pretty()).unwrap();
    assert_eq!(d, again);
}

/// Text that is not JSON, or JSON no reader agrees on, is refused with its line, column and field, in words
/// (issue 19: these were serde's English, naming no field, and a repeated key silently took the last value).
#[test]
fn broken_json_text_is_located_and_worded_in_both_languages() {
    let good = crate::examples::get("datang").unwrap();
    assert!(good.contains("\"population\": 110000"));
    let case = |from: &str, to: &str| err_of(&good.replacen(from, to, 1));
    let p = "\"population\": 110000";
    for (text, problem, path) in [
        (
            case(p, "\"population\": NaN"),
            JsonProblem::NotAValue,
            "town.population",
        ),
        (
            case(p, "\"population\": Infinity"),
            JsonProblem::NotAValue,
            "town.population",
        ),
        (
            case(p, "\"population\": 1e309"),
            JsonProblem::NumberTooLarge,
            "town.population",
        ),
        (
            case(p, "\"population\": 110000, \"population\": 5"),
            JsonProblem::DuplicateKey("population".into()),
            "town",
        ),
        (err_of(&good[..good.len() / 2]), JsonProblem::Truncated, ""),
        (
            err_of(&format!("{good} {{}}")),
            JsonProblem::TrailingText,
            "",
        ),
        (
            err_of(&format!("{}1{}", "[".repeat(200), "]".repeat(200))),
            JsonProblem::TooDeep,
            "",
        ),
    ] {
        let ErrorKind::JsonText {
            problem: got,
            line,
            column,
        } = &text.kind
        else {
            panic!("{text:?}");
        };
        assert_eq!(got, &problem);
        assert!(*line >= 1 && *column >= 1);
        if !path.is_empty() || matches!(problem, JsonProblem::TooDeep) {
            assert_eq!(text.path, path, "{problem:?}");
        }
        let zh = text.message(Lang::Zh);
        assert!(zh.contains(&format!("第 {line} 行第 {column} 列")), "{zh}");
        assert!(!zh.contains("expected") && !zh.contains("at line"), "{zh}");
        assert!(text
            .message(Lang::En)
            .contains(&format!("line {line}, column {column}")));
    }
    // A repeated key inside a firm, deep in the file, names the firm.
    let firm_dup = good.replacen(
        "\"name\": \"袜企A（示意）\"",
        "\"name\": \"袜企A（示意）\", \"name\": \"x\"",
        1,
    );
    assert_ne!(firm_dup, good);
    let e = err_of(&firm_dup);
    assert!(e.path.starts_with("firms["), "{}", e.path);
}

/// Fuzzing (dataset_reader, after `from_json` became strict): the streaming reader took a repeated key inside
/// `provenance` that `from_json` refuses; both now refuse it by name, and a repeated firm field too.
#[test]
fn the_streaming_reader_refuses_repeated_keys_as_from_json_does() {
    for text in [
        r#"{"format":"clustercalc-dataset","version":1,"provenance":[{"fields":"a","source":"b","source":"c"}],"town":{"name":"x"}}"#,
        r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x"},"town":{"name":"y"}}"#,
        r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x"},"firms":[],"firms":[]}"#,
        r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x"},"firms":[{"name":"a","name":"b"}]}"#,
    ] {
        let whole = Dataset::from_json(text).unwrap_err();
        let streamed = Dataset::from_json_reader(text.as_bytes()).unwrap_err();
        for e in [&whole, &streamed] {
            assert!(
                matches!(
                    &e.kind,
                    ErrorKind::JsonText {
                        problem: JsonProblem::DuplicateKey(_),
                        ..
                    }
                ),
                "{text}: {e:?}"
            );
        }
    }
}
