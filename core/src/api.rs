//! The JSON method API of ENGINE-API.md: one entry point, `call(name, input)`, shared by the CLI, the wasm JS API
//! and tests, so every front end gets the same names, shapes, validation and error paths.
//!
//! Deserialisation errors carry the JSON path (`x[3]`, `local.C17`) via `serde_path_to_error`; validation errors
//! carry the path the method names. Inputs are bounded (numbers |v| ≤ 1e15, matrices ≤ 500 × 500, …) so that
//! hostile input cannot take unbounded time or memory.

use crate::error::{Error, ErrorKind, Result};
use crate::methods::{
    ahp, concentration, economic_base, ellison_glaeser, gem, growth, input_output, keynes,
    location_quotient, locational_gini, region, regionalize, shift_share,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

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
    if !METHODS.contains(&name) {
        return Err(Error::new(
            ErrorKind::UnknownName {
                name: name.to_string(),
                expected: METHODS.iter().map(|m| m.to_string()).collect(),
            },
            "",
        ));
    }
    check_numbers(input, &mut String::new())?;
    match name {
        "location-quotient" => {
            let i: location_quotient::LqInput = parse(input)?;
            let out = location_quotient::location_quotients(&i.local, &i.reference)?;
            // A tiny reference share can push an LQ past f64: refuse rather than print null.
            if let Some((id, _)) = out.lq.iter().find(|(_, v)| !v.is_finite()) {
                return Err(Error::new(ErrorKind::NotFinite, format!("reference.{id}")));
            }
            to_json(&out)
        }
        "economic-base" => {
            let i: economic_base::EconomicBaseInput = parse(input)?;
            to_json(&economic_base::economic_base(&i)?)
        }
        "concentration" => {
            let i: concentration::ConcentrationInput = parse(input)?;
            to_json(&concentration::concentration(&i.sizes)?)
        }
        "ellison-glaeser" => {
            let i: ellison_glaeser::EgInput = parse(input)?;
            if i.firms.len() > region::MAX_FIRMS {
                return Err(Error::new(
                    ErrorKind::TooLarge {
                        max: region::MAX_FIRMS,
                    },
                    "firms",
                ));
            }
            to_json(&ellison_glaeser::ellison_glaeser(&i.firms, &i.area_totals)?)
        }
        "shift-share" => {
            let i: shift_share::ShiftShareInput = parse(input)?;
            to_json(&shift_share::shift_share(&i)?)
        }
        "keynes" => {
            let i: keynes::KeynesInput = parse(input)?;
            to_json(&keynes::keynes(i.c, i.t, i.m, i.form, i.band)?)
        }
        "input-output" => {
            let i: input_output::IoInput = parse(input)?;
            to_json(&input_output::input_output(&i)?)
        }
        "regionalize" => {
            let i: regionalize::RegionalizeInput = parse(input)?;
            to_json(&regionalize::regionalize(&i)?)
        }
        "ahp" => {
            let i: ahp::AhpInput = parse(input)?;
            to_json(&ahp::ahp(&i.matrix, i.ri_table, i.weighting)?)
        }
        "gem" => {
            let i: gem::GemInput = parse(input)?;
            to_json(&gem::gem(&i)?)
        }
        "cagr" => {
            let i: growth::CagrInput = parse(input)?;
            to_json(&growth::cagr(i.start, i.end, i.years)?)
        }
        "locational-gini" => {
            let i: locational_gini::GiniInput = parse(input)?;
            to_json(&locational_gini::locational_gini(
                &i.industry,
                &i.area_totals,
            )?)
        }
        "region" => {
            let i: region::RegionInput = parse(input)?;
            to_json(&region::region(&i)?)
        }
        "lq-dynamics" => {
            let i: growth::LqDynamicsInput = parse(input)?;
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
    let value: Value = serde_json::from_str(json_text)
        .map_err(|e| Error::new(ErrorKind::Syntax(e.to_string()), ""))?;
    call(name, &value)
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
