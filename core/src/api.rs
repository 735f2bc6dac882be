//! The JSON method API of ENGINE-API.md: one entry point, `call(name, input)`, shared by the CLI, the wasm JS API
//! and tests, so every front end gets the same names, shapes, validation and error paths.
//!
//! Deserialisation errors carry the JSON path (`x[3]`, `local.C17`) via `serde_path_to_error`; validation errors
//! carry the path the method names. Inputs are bounded (numbers |v| ≤ 1e15, matrices ≤ 500 × 500, …) so that
//! hostile input cannot take unbounded time or memory.
//!
//! Natively, JSON text is read straight into each method's typed input, with no `Value` tree in between (in
//! wasm32 it still goes through the tree, see `Input::parse`): the number bound is checked as each number is read
//! (`Checked`, a pass-through deserializer that also sees the numbers of fields the method ignores), and no path is
//! tracked (`serde_path_to_error` allocates a string per map key). Only input that fails is read again through a
//! tree, to name the path exactly as before. A million-firm `ellison-glaeser` input reads in a tenth of the time
//! and a twentieth of the memory the tree took (`scripts/peer-bench.sh`).

use crate::error::{Error, ErrorKind, Result};
use crate::methods::{
    ahp, concentration, economic_base, ellison_glaeser, gem, growth, input_output, keynes,
    location_quotient, locational_gini, region, regionalize, shift_share,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

#[cfg(not(target_arch = "wasm32"))]
mod checked;
#[cfg(not(target_arch = "wasm32"))]
use checked::Checked;

/// Every method name `call` accepts, in the order of ENGINE-API.md (then the extra ones).
pub const METHODS: &[&str] = &[
    "location-quotient",
    "economic-base",
    "concentration",
    "ellison-glaeser",
    "shift-share",
    "keynes",
    "input-output",
    "regionalize",
    "ahp",
    "gem",
    "cagr",
    "locational-gini",
    "region",
    "lq-dynamics",
];

/// Largest magnitude accepted for any input number. Employment and money (万元) never come near it, and it
/// keeps sums and products of a few thousand inputs far from f64 overflow.
pub const MAX_ABS_NUMBER: f64 = 1e15;

/// Largest JSON text `call_str` parses (a county with a million firms is about 60 MB).
pub const MAX_JSON_BYTES: usize = 256 * 1024 * 1024;

/// Runs method `name` on a JSON input and returns its JSON output (with `"method"` and, where one exists,
/// `"variant"`). Unknown names are `ErrorKind::UnknownName`.
pub fn call(name: &str, input: &Value) -> Result<Value> {
    run(name, Input::Tree(input))
}

/// Parses JSON text and runs [`call`]. Syntax errors are `ErrorKind::Syntax` with serde's line and column.
pub fn call_str(name: &str, json_text: &str) -> Result<Value> {
    if json_text.len() > MAX_JSON_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                max: MAX_JSON_BYTES,
            },
            "",
        ));
    }
    run(name, Input::Text(json_text))
}

fn run(name: &str, input: Input<'_>) -> Result<Value> {
    if !METHODS.contains(&name) {
        return Err(Error::new(
            ErrorKind::UnknownName {
                name: name.to_string(),
                expected: METHODS.iter().map(|m| m.to_string()).collect(),
            },
            "",
        ));
    }
    match name {
        "location-quotient" => {
            let i: location_quotient::LqInput = input.parse()?;
            let out = location_quotient::location_quotients(&i.local, &i.reference)?;
            // A tiny reference share can push an LQ past f64: refuse rather than print null.
            if let Some((id, _)) = out.lq.iter().find(|(_, v)| !v.is_finite()) {
                return Err(Error::new(ErrorKind::NotFinite, format!("reference.{id}")));
            }
            to_json(&out)
        }
        "economic-base" => {
            let i: economic_base::EconomicBaseInput = input.parse()?;
            to_json(&economic_base::economic_base(&i)?)
        }
        "concentration" => {
            let i: concentration::ConcentrationInput = input.parse()?;
            to_json(&concentration::concentration(&i.sizes)?)
        }
        "ellison-glaeser" => {
            // Each firm's area arrives as an index into the distinct names (interned as it is read).
            let i: ellison_glaeser::EgIndexedInput = input.parse()?;
            if i.firms.len() > region::MAX_FIRMS {
                return Err(Error::new(
                    ErrorKind::TooLarge {
                        max: region::MAX_FIRMS,
                    },
                    "firms",
                ));
            }
            to_json(&ellison_glaeser::ellison_glaeser_indexed(
                &i.firms,
                &i.area_totals,
            )?)
        }
        "shift-share" => {
            let i: shift_share::ShiftShareInput = input.parse()?;
            to_json(&shift_share::shift_share(&i)?)
        }
        "keynes" => {
            let i: keynes::KeynesInput = input.parse()?;
            to_json(&keynes::keynes(i.c, i.t, i.m, i.form, i.band)?)
        }
        "input-output" => {
            let i: input_output::IoInput = input.parse()?;
            to_json(&input_output::input_output(&i)?)
        }
        "regionalize" => {
            let i: regionalize::RegionalizeInput = input.parse()?;
            to_json(&regionalize::regionalize(&i)?)
        }
        "ahp" => {
            let i: ahp::AhpInput = input.parse()?;
            to_json(&ahp::ahp(&i.matrix, i.ri_table, i.weighting)?)
        }
        "gem" => {
            let i: gem::GemInput = input.parse()?;
            to_json(&gem::gem(&i)?)
        }
        "cagr" => {
            let i: growth::CagrInput = input.parse()?;
            to_json(&growth::cagr(i.start, i.end, i.years)?)
        }
        "locational-gini" => {
            let i: locational_gini::GiniInput = input.parse()?;
            to_json(&locational_gini::locational_gini(
                &i.industry,
                &i.area_totals,
            )?)
        }
        "region" => {
            let i: region::RegionIndexedInput = input.parse()?;
            to_json(&region::region_indexed(&i.towns, &i.firms)?)
        }
        "lq-dynamics" => {
            let i: growth::LqDynamicsInput = input.parse()?;
            to_json(&growth::lq_dynamics(&i.earlier, &i.latest)?)
        }
        // METHODS was checked above; this arm keeps the match total without a panic.
        _ => Err(Error::new(
            ErrorKind::UnknownName {
                name: name.to_string(),
                expected: METHODS.iter().map(|m| m.to_string()).collect(),
            },
            "",
        )),
    }
}

/// A method's input: JSON text (the CLI, the JS API) or an already parsed tree (tests, Rust callers).
#[derive(Clone, Copy)]
enum Input<'a> {
    Tree(&'a Value),
    Text(&'a str),
}

impl Input<'_> {
    /// Reads the typed input. Natively, text goes straight into it, every number checked against
    /// ±`MAX_ABS_NUMBER` on the way (`Checked`), with no path tracked. Invalid text (rare, and then not worth
    /// speed) is read again the way a tree is: parsed, walked for numbers, then read with `serde_path_to_error`; so
    /// every error (kind, path, message, and which error comes first) is exactly what it was when all input went
    /// through a tree.
    ///
    /// In wasm32 text goes through the tree, as before: reading it directly would add 8.7 KB gzip of deserialiser
    /// code for `ellison-glaeser` alone, 21 KB for all methods (a probe cdylib at opt-level z), to the workbench
    /// module, whose JS API takes small inputs; big datasets go to the analysis worker.
    fn parse<T: DeserializeOwned>(self) -> Result<T> {
        match self {
            Input::Tree(v) => parse_tree(v),
            #[cfg(not(target_arch = "wasm32"))]
            Input::Text(text) => {
                let mut de = serde_json::Deserializer::from_str(text);
                match T::deserialize(Checked(&mut de)).and_then(|t| de.end().map(|()| t)) {
                    Ok(t) => Ok(t),
                    Err(_) => parse_tree(&tree(text)?),
                }
            }
            #[cfg(target_arch = "wasm32")]
            Input::Text(text) => parse_tree(&tree(text)?),
        }
    }
}

/// The JSON tree of a text; syntax errors carry serde's line and column and no path.
fn tree(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| Error::new(ErrorKind::Syntax(e.to_string()), ""))
}

/// A tree's typed input: every number within bounds (with the path of the first that is not), then the typed
/// reading with the JSON path of the first bad field.
fn parse_tree<T: DeserializeOwned>(v: &Value) -> Result<T> {
    check_numbers(v, &mut String::new())?;
    parse(v)
}

/// Walks the input: every number must be within ±`MAX_ABS_NUMBER` (JSON itself cannot hold NaN or infinity;
/// numbers too large for f64 are already refused by the parser).
fn check_numbers(v: &Value, path: &mut String) -> Result<()> {
    match v {
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.abs() <= MAX_ABS_NUMBER => Ok(()),
            _ => Err(Error::new(
                ErrorKind::OutOfRange {
                    min: -MAX_ABS_NUMBER,
                    max: MAX_ABS_NUMBER,
                },
                path.clone(),
            )),
        },
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_numbers(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                check_numbers(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Deserialises with the JSON path of the first bad field.
fn parse<T: DeserializeOwned>(input: &Value) -> Result<T> {
    serde_path_to_error::deserialize(input).map_err(|e| {
        let mut path = e.path().to_string();
        if path == "." {
            path.clear();
        }
        let message = e.inner().to_string();
        syntax_error(&message, path)
    })
}

/// Turns serde's messages into kinds the front ends can word: missing fields and unknown variant names.
fn syntax_error(message: &str, path: String) -> Error {
    let between_backticks = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        if let Some(field) = between_backticks(rest).into_iter().next() {
            let full = if path.is_empty() {
                field
            } else {
                format!("{path}.{field}")
            };
            return Error::new(ErrorKind::Missing, full);
        }
    }
    if message.starts_with("unknown variant ") {
        let mut names = between_backticks(message).into_iter();
        if let Some(name) = names.next() {
            return Error::new(
                ErrorKind::UnknownName {
                    name,
                    expected: names.collect(),
                },
                path,
            );
        }
    }
    Error::new(ErrorKind::Syntax(message.to_string()), path)
}

fn to_json<T: Serialize>(out: &T) -> Result<Value> {
    serde_json::to_value(out).map_err(|e| Error::new(ErrorKind::Syntax(e.to_string()), ""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[track_caller]
    fn error_at(name: &str, input: Value, path: &str) -> ErrorKind {
        let err = call(name, &input).unwrap_err();
        assert_eq!(err.path, path, "{err:?}");
        err.kind
    }

    #[test]
    fn every_method_runs_and_names_itself() {
        let cases = [
            (
                "location-quotient",
                json!({"local": {"a": 1, "b": 3}, "reference": {"a": 2, "b": 2}}),
            ),
            (
                "economic-base",
                json!({"local": {"a": 1, "b": 3}, "reference": {"a": 2, "b": 2}}),
            ),
            ("concentration", json!({"sizes": [1, 2, 3]})),
            (
                "ellison-glaeser",
                json!({"firms": [{"area": "x", "size": 1}, {"area": "y", "size": 2}],
                       "area_totals": {"x": 10, "y": 10}}),
            ),
            (
                "shift-share",
                json!({"local_start": {"a": 1}, "local_end": {"a": 2},
                       "reference_growth": {"a": 0.1}, "reference_total_growth": 0.1}),
            ),
            ("keynes", json!({"c": 0.6, "t": 0.2, "m": 0.3})),
            (
                "input-output",
                json!({"z": [[150, 500], [200, 100]], "x": [1000, 2000]}),
            ),
            (
                "regionalize",
                json!({"a": [[0.1]], "regional_employment": [1], "national_employment": [10],
                       "quotient": "flq"}),
            ),
            ("ahp", json!({"matrix": [[1, 2], [0.5, 1]]})),
            (
                "gem",
                json!({"resources": 5, "facilities": 5, "suppliers": 5, "structure": 5,
                       "local_market": 5, "external_market": 5}),
            ),
            ("cagr", json!({"start": 1, "end": 2, "years": 1})),
            (
                "locational-gini",
                json!({"industry": {"x": 1}, "area_totals": {"x": 10, "y": 10}}),
            ),
            (
                "region",
                json!({"towns": {"t1": {"a": 1, "b": 2}, "t2": {"a": 3}}}),
            ),
            (
                "lq-dynamics",
                json!({"earlier": {"a": 0.8}, "latest": {"a": 1.1}}),
            ),
        ];
        assert_eq!(cases.len(), METHODS.len());
        for (name, input) in cases {
            let out = call(name, &input).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(out["method"], name);
        }
    }

    #[test]
    fn variants_are_named() {
        let k = call("keynes", &json!({"c": 0.6, "t": 0.2, "m": 0.3})).unwrap();
        assert_eq!(k["variant"], "leakage");
        let a = call(
            "ahp",
            &json!({"matrix": [[1, 2], [0.5, 1]], "weighting": "geometric-mean"}),
        )
        .unwrap();
        assert_eq!(a["variant"], "geometric-mean");
        let e = call(
            "economic-base",
            &json!({"local": {"a": 10}, "export_shares": {"a": 0.5}}),
        )
        .unwrap();
        assert_eq!(e["variant"], "assignment");
    }

    #[test]
    fn unknown_names() {
        assert!(matches!(
            call("nope", &json!({})).unwrap_err().kind,
            ErrorKind::UnknownName { .. }
        ));
        let kind = error_at(
            "keynes",
            json!({"c": 0.5, "t": 0.1, "m": 0.1, "form": "x"}),
            "form",
        );
        assert!(
            matches!(&kind, ErrorKind::UnknownName { name, expected } if name == "x" && expected.len() == 3),
            "{kind:?}"
        );
    }

    #[test]
    fn deserialisation_errors_carry_the_path() {
        let cases = [
            (
                "input-output",
                json!({"z": [[1, 2], [3, "a"]], "x": [1, 2]}),
                "z[1][1]",
            ),
            (
                "location-quotient",
                json!({"local": {"C17": "x"}, "reference": {}}),
                "local.C17",
            ),
            ("cagr", json!({"start": 1, "end": 2}), "years"),
            (
                "ellison-glaeser",
                json!({"firms": [{"area": "x"}], "area_totals": {}}),
                "firms[0].size",
            ),
            // A struct may arrive as an array (serde reads it positionally): the path is the bad element.
            ("concentration", json!([1, 2]), "[0]"),
        ];
        for (name, input, path) in cases {
            error_at(name, input, path);
        }
    }

    #[test]
    fn oversized_matrices_are_refused_before_any_work() {
        let n = input_output::MAX_SECTORS + 1;
        let z = vec![vec![0.0; n]; n];
        let kind = error_at("input-output", json!({"z": z, "x": vec![1.0; n]}), "z");
        assert_eq!(kind, ErrorKind::TooLarge { max: 500 });
        let m = vec![vec![1.0; 101]; 101];
        let kind = error_at(
            "ahp",
            json!({"matrix": m, "ri_table": "donegan-dodd"}),
            "matrix",
        );
        assert_eq!(kind, ErrorKind::TooLarge { max: 100 });
    }

    /// The text path (`call_str`: typed reading, straight from the text) and the tree path (`call`) give the same
    /// result, or the same error: kind, path and message.
    #[track_caller]
    fn same_by_text_and_tree(name: &str, input: &Value) -> Result<Value> {
        let by_tree = call(name, input);
        let by_text = call_str(name, &input.to_string());
        assert_eq!(by_tree, by_text, "{name} {input}");
        by_text
    }

    #[test]
    fn text_and_tree_agree_on_results_and_errors() {
        let eg_firms = json!([{"area": "x", "size": 1}, {"area": "y", "size": 2},
                              {"area": "x", "size": 3}, {"area": "z", "size": 2.5}]);
        let totals = json!({"x": 10, "y": 10, "z": 5});
        let cases = [
            (
                "ellison-glaeser",
                json!({"firms": eg_firms, "area_totals": totals}),
                "",
            ),
            // A struct given as an array, as serde reads it; unknown fields are ignored.
            (
                "ellison-glaeser",
                json!({"firms": [["x", 1], {"area": "y", "size": 2, "note": "a"}],
                       "area_totals": totals, "comment": [1, 2]}),
                "",
            ),
            (
                "ellison-glaeser",
                json!({"firms": [{"area": "x", "size": 1}, {"area": "y", "size": 2e300}],
                                       "area_totals": totals}),
                "firms[1].size",
            ),
            (
                "ellison-glaeser",
                json!({"firms": [{"area": "x", "size": 1}, {"area": "q", "size": 2}],
                                       "area_totals": totals}),
                "firms[1].area",
            ),
            (
                "ellison-glaeser",
                json!({"firms": [{"area": "x", "size": -1}], "area_totals": totals}),
                "firms[0].size",
            ),
            (
                "ellison-glaeser",
                json!({"firms": [{"size": 1}], "area_totals": totals}),
                "firms[0].area",
            ),
            (
                "ellison-glaeser",
                json!({"firms": [{"area": 7, "size": 1}], "area_totals": totals}),
                "firms[0].area",
            ),
            (
                "ellison-glaeser",
                json!({"firms": [["x"]], "area_totals": totals}),
                "firms[0]",
            ),
            (
                "ellison-glaeser",
                json!({"firms": {"x": 1}, "area_totals": totals}),
                "firms",
            ),
            (
                "ellison-glaeser",
                json!({"firms": eg_firms, "area_totals": {"x": "1"}}),
                "area_totals.x",
            ),
            ("ellison-glaeser", json!({"firms": eg_firms}), "area_totals"),
            (
                "region",
                json!({"towns": {"a": {"i": 5, "j": 1}, "b": {"i": 1, "j": 4}},
                       "firms": [{"town": "a", "industry": "i", "employment": 3},
                                 {"town": "b", "industry": "j", "employment": 2},
                                 {"town": "a", "industry": "i", "employment": 1}]}),
                "",
            ),
            (
                "region",
                json!({"towns": {"a": {"i": 5}, "b": {"i": 1}},
                       "firms": [{"town": "a", "industry": "i", "employment": 3},
                                 {"town": "b", "industry": "i", "employment": -2e16}]}),
                "firms[1].employment",
            ),
            (
                "region",
                json!({"towns": {"a": {"i": 5}, "b": {"i": 1}},
                       "firms": [{"town": "a", "industry": "k", "employment": 3}]}),
                "firms[0].industry",
            ),
            (
                "location-quotient",
                json!({"local": {"a": 1, "b": 3}, "reference": {"a": 2, "b": 2}}),
                "",
            ),
            (
                "location-quotient",
                json!({"local": {"a": 1}, "reference": {"a": 2e15}}),
                "reference.a",
            ),
            (
                "keynes",
                json!({"c": 0.5, "t": 0.1, "m": 0.1, "form": "x"}),
                "form",
            ),
            // Numbers in fields a method ignores are checked too.
            (
                "concentration",
                json!({"sizes": [1, 2], "extra": {"deep": [0, 1e16]}}),
                "extra.deep[1]",
            ),
            (
                "input-output",
                json!({"z": [[1, 2], [3, "a"]], "x": [1, 2]}),
                "z[1][1]",
            ),
            ("concentration", json!([1, 2]), "[0]"),
        ];
        for (name, input, path) in cases {
            match same_by_text_and_tree(name, &input) {
                Ok(out) => assert!(
                    path.is_empty(),
                    "{name} {input}: expected an error at {path}, got {out}"
                ),
                Err(e) => assert_eq!(e.path, path, "{name} {input}: {e:?}"),
            }
        }
        let refused = call_str(
            "ellison-glaeser",
            r#"{"firms": [{"area": "x", "size": 1e16}], "area_totals": {}}"#,
        );
        assert!(matches!(
            refused.unwrap_err().kind,
            ErrorKind::OutOfRange { .. }
        ));
        // A field given twice: the last one counts, as it did when all input went through a tree (which cannot
        // hold both; `json!` cannot write this input either).
        let twice = r#"{"firms": [{"area": "q", "size": 1, "area": "x"}, {"area": "y", "size": 2}],
                        "area_totals": {"x": 1, "y": 1}}"#;
        let once = json!({"firms": [{"area": "x", "size": 1}, {"area": "y", "size": 2}],
                          "area_totals": {"x": 1, "y": 1}});
        assert_eq!(
            call_str("ellison-glaeser", twice),
            call("ellison-glaeser", &once)
        );
    }

    #[test]
    fn syntax_errors_have_no_path_and_keep_line_and_column() {
        for text in ["{ not json", r#"{"sizes": [1, 2]} x"#, r#"{"sizes": [1, 2"#] {
            let err = call_str("concentration", text).unwrap_err();
            assert_eq!(err.path, "", "{text}");
            assert!(
                matches!(&err.kind, ErrorKind::Syntax(m) if m.contains("line 1")),
                "{err:?}"
            );
        }
    }

    #[test]
    fn huge_numbers_are_refused_with_the_path() {
        let kind = error_at("concentration", json!({"sizes": [1, 2e300]}), "sizes[1]");
        assert!(matches!(kind, ErrorKind::OutOfRange { .. }));
        assert!(matches!(
            call_str("concentration", "{\"sizes\": [1e999]}")
                .unwrap_err()
                .kind,
            ErrorKind::Syntax(_)
        ));
    }
}
