//! Reading a dataset document: the JSON path of every error, number limits, and the streaming reader's pieces.

use super::*;

/// A reader that counts the bytes it has given out (the size limit of [`Dataset::from_json_reader`]).
pub(crate) struct Counted<R> {
    pub(crate) inner: R,
    pub(crate) bytes: u64,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// A dataset document as read by [`Dataset::from_json_reader`]: the firm list as firms, everything else as JSON.
pub(crate) struct SplitFirms {
    pub(crate) rest: serde_json::Map<String, Value>,
    pub(crate) firms: Vec<Firm>,
}

impl<'de> Deserialize<'de> for SplitFirms {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = SplitFirms;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<SplitFirms, A::Error> {
                use serde::de::Error as _;
                let mut rest = serde_json::Map::new();
                let mut firms = None;
                // As strict as `from_json`: a repeated key, at the top or anywhere inside, is refused by name
                // (a firm's own fields by serde's derive), never the first or last value taken silently.
                while let Some(key) = map.next_key::<String>()? {
                    if (key == "firms" && firms.is_some()) || rest.contains_key(&key) {
                        return Err(A::Error::custom(format_args!("{DUPLICATE}{key}`")));
                    }
                    if key == "firms" {
                        firms = Some(map.next_value::<Vec<Firm>>()?);
                    } else {
                        let Strict(v) = map.next_value()?;
                        rest.insert(key, v);
                    }
                }
                Ok(SplitFirms {
                    rest,
                    firms: firms.unwrap_or_default(),
                })
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A JSON value read strictly: a key repeated in one object is refused by name, where `serde_json::Value` keeps
/// the last one silently (and other readers the first), so a file would mean different numbers to different
/// tools.
pub(crate) struct Strict(pub(crate) Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Strict;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Strict, E> {
                serde_json::Number::from_f64(v)
                    .map(|n| Strict(Value::Number(n)))
                    .ok_or_else(|| E::custom("not a finite number"))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::String(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::String(v)))
            }
            fn visit_unit<E>(self) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::Null))
            }
            fn visit_none<E>(self) -> std::result::Result<Strict, E> {
                Ok(Strict(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Strict, A::Error> {
                let mut out = Vec::new();
                while let Some(Strict(v)) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Strict(Value::Array(out)))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Strict, A::Error> {
                let mut out = serde_json::Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    if out.contains_key(&key) {
                        return Err(A::Error::custom(format_args!("{DUPLICATE}{key}`")));
                    }
                    let Strict(v) = map.next_value()?;
                    out.insert(key, v);
                }
                Ok(Strict(Value::Object(out)))
            }
        }
        d.deserialize_any(Visit)
    }
}

const DUPLICATE: &str = "duplicate key `";

/// Parses a JSON document strictly ([`Strict`]); an error names where (line, column and, when the parser got
/// inside the document, the field path) and what, in words either language can give.
pub(crate) fn parse_strict(text: &str) -> Result<Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value =
        serde_path_to_error::deserialize::<_, Strict>(&mut de).map_err(|e| json_text_error(&e))?;
    de.end().map_err(|e| {
        Error::new(
            ErrorKind::JsonText {
                problem: JsonProblem::TrailingText,
                line: e.line(),
                column: e.column(),
            },
            "",
        )
    })?;
    Ok(value.0)
}

/// A JSON text error, located: the parser's line and column, the field path it was reading.
pub(crate) fn json_text_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let inner = e.inner();
    let msg = inner.to_string();
    let msg = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(m, _)| m)
        .to_string();
    let problem = if let Some(key) = msg
        .strip_prefix(DUPLICATE)
        .or_else(|| msg.strip_prefix("duplicate field `"))
    {
        JsonProblem::DuplicateKey(key.trim_end_matches('`').to_string())
    } else if inner.classify() == serde_json::error::Category::Eof {
        JsonProblem::Truncated
    } else if msg.starts_with("recursion limit exceeded") {
        JsonProblem::TooDeep
    } else if msg.starts_with("number out of range") {
        JsonProblem::NumberTooLarge
    } else if msg.starts_with("expected value") || msg.starts_with("expected ident") {
        JsonProblem::NotAValue
    } else if msg.starts_with("trailing characters") {
        JsonProblem::TrailingText
    } else {
        JsonProblem::Other(msg)
    };
    // The path into a too-deep nesting is the nesting itself, not a field of the dataset.
    let path = match problem {
        JsonProblem::TooDeep => String::new(),
        _ => e.path().to_string(),
    };
    Error::new(
        ErrorKind::JsonText {
            problem,
            line: inner.line(),
            column: inner.column(),
        },
        if path == "." { String::new() } else { path },
    )
}

/// A located error from [`Dataset::from_json_reader`]: text that is not JSON is a syntax error of the document
/// (as in `from_json`); anything else is a field problem at its path.
pub(crate) fn reader_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let duplicate = {
        let m = e.inner().to_string();
        m.starts_with(DUPLICATE) || m.starts_with("duplicate field `")
    };
    match e.inner().classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            json_text_error(e)
        }
        serde_json::error::Category::Data if duplicate => json_text_error(e),
        serde_json::error::Category::Io => Error::new(ErrorKind::Syntax(e.inner().to_string()), ""),
        serde_json::error::Category::Data if e.path().to_string() == "." => Error::new(
            ErrorKind::UnsupportedFormat("the document must be a JSON object".into()),
            "",
        ),
        serde_json::error::Category::Data => path_error(e),
    }
}

/// Largest magnitude of any number in a dataset (as `api::MAX_ABS_NUMBER`): employment and 万元 never come near
/// it, and it keeps sums over two million firms far from f64 overflow, so no report can hold an infinity.
pub const MAX_ABS_NUMBER: f64 = 1e15;

/// A number beyond ±[`MAX_ABS_NUMBER`] at `path`.
pub(crate) fn too_big(path: String) -> Error {
    Error::new(
        ErrorKind::OutOfRange {
            min: -MAX_ABS_NUMBER,
            max: MAX_ABS_NUMBER,
        },
        path,
    )
}

pub(crate) fn check_numbers(v: &Value, path: &mut String) -> Result<()> {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::INFINITY);
            if !x.is_finite() {
                return Err(Error::new(ErrorKind::NotFinite, path.clone()));
            }
            if x.abs() > MAX_ABS_NUMBER {
                return Err(too_big(path.clone()));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                // write! into the existing buffer: no allocation per element of a two-million-firm list.
                let _ = std::fmt::Write::write_fmt(path, format_args!("[{i}]"));
                check_numbers(item, path)?;
                path.truncate(len);
            }
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
        }
        _ => {}
    }
    Ok(())
}

/// JSON Schema of the dataset format (draft 2020-12), for `clustercalc schema` and editors.
#[cfg(feature = "schema")]
pub fn json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Dataset)).unwrap_or(Value::Null)
}

/// Turns a serde error with its path into an [`Error`] naming the field.
pub(crate) fn path_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let msg = e.inner().to_string();
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = backticked(&msg, "missing field `") {
        return Error::new(ErrorKind::Missing, join(field));
    }
    if let Some(field) = backticked(&msg, "unknown field `") {
        let expected = msg
            .split_once("expected one of ")
            .map(|(_, list)| {
                list.split(", ")
                    .map(|s| s.trim_matches('`').to_string())
                    .collect()
            })
            .unwrap_or_default();
        return Error::new(
            ErrorKind::UnknownName {
                name: field.to_string(),
                expected,
            },
            // serde_path_to_error already ends the path with the unknown key.
            path,
        );
    }
    if let Some(name) = backticked(&msg, "unknown variant `") {
        let expected = msg
            .split_once("expected one of ")
            .or_else(|| msg.split_once("expected "))
            .map(|(_, list)| {
                list.split(", ")
                    .map(|s| s.trim_matches('`').to_string())
                    .collect()
            })
            .unwrap_or_default();
        return Error::new(
            ErrorKind::UnknownName {
                name: name.to_string(),
                expected,
            },
            path,
        );
    }
    Error::new(ErrorKind::Syntax(msg), path)
}

/// The text between `prefix` and the next backtick, if `msg` starts with `prefix`.
pub(crate) fn backticked<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = msg.strip_prefix(prefix)?;
    rest.split('`').next()
}
