//! Errors for invalid input: a kind the front ends can word in either language, and where it happened.
//!
//! Bad input is a value to show, never a panic. The location is a JSON path (`local.C17`, `x[3]`, `z[1][0]`)
//! or, for spreadsheets, a sheet/row/column that the importer writes into the same string.

use crate::lang::Lang;
use std::fmt;

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The JSON text could not be parsed or did not have the expected shape; the message is serde's.
    Syntax(String),
    /// A required field is absent.
    Missing,
    /// A number is NaN or infinite.
    NotFinite,
    /// A number must be ≥ 0.
    Negative,
    /// A number must be > 0.
    NotPositive,
    /// A number lies outside the closed range [min, max].
    OutOfRange { min: f64, max: f64 },
    /// A number lies outside the half-open range [min, max).
    OutOfRangeHalfOpen { min: f64, max: f64 },
    /// A total (sum) must be > 0.
    ZeroTotal,
    /// An id used here is not present in the map it refers to (e.g. a local industry absent from the reference).
    UnknownId(String),
    /// Two maps or lists that must name the same ids do not.
    IdMismatch,
    /// A matrix is not square.
    NotSquare,
    /// A dimension does not match (expected, found).
    DimensionMismatch { expected: usize, found: usize },
    /// I − A is singular.
    Singular,
    /// An I-O table is not productive: the column sum of A is ≥ 1 for the column named in the path.
    NotProductive { column_sum: f64 },
    /// An AHP matrix is not reciprocal: a_ji ≠ 1/a_ij.
    NotReciprocal,
    /// An AHP matrix diagonal entry is not 1.
    DiagonalNotOne,
    /// A name of a method, variant or option is unknown.
    UnknownName { name: String, expected: Vec<String> },
    /// The document is not a clustercalc dataset or has an unsupported version.
    UnsupportedFormat(String),
    /// Too few items to compute (e.g. fewer than two areas).
    TooFew { min: usize },
    /// Input larger than the engine accepts (protects memory and time).
    TooLarge { max: usize },
    /// A text field is invalid (e.g. an industry code that is not 2–4 digits).
    BadText(String),
    /// The text of a JSON document is not valid JSON at `line`:`column` (1-based), for the reason named.
    JsonText {
        problem: JsonProblem,
        line: usize,
        column: usize,
    },
}

/// What is wrong with a JSON text, worded in either language by [`Error::reason`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonProblem {
    /// Something that is not a JSON value where one should be: `NaN`, `Infinity`, a bare word, a stray comma.
    NotAValue,
    /// A number too large for a 64-bit float (`1e309`).
    NumberTooLarge,
    /// Arrays or objects nested deeper than the reader follows (128 levels).
    TooDeep,
    /// The text ends in the middle of the document (cut off when copied or downloaded).
    Truncated,
    /// A key written twice in one object (JSON readers differ on which one wins, so neither is taken).
    DuplicateKey(String),
    /// Text after the end of the document.
    TrailingText,
    /// Anything else, in the parser's words (English).
    Other(String),
}

/// An invalid input with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    /// JSON path (`reference.C17`, `x[3]`) or spreadsheet cell; empty for the document root.
    pub path: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(kind: ErrorKind, path: impl Into<String>) -> Self {
        Error {
            kind,
            path: path.into(),
        }
    }

    /// Prefixes the path with an outer field, e.g. `x[3]` inside `io` becomes `io.x[3]`.
    pub fn within(mut self, outer: &str) -> Self {
        self.path = if self.path.is_empty() {
            outer.to_string()
        } else if self.path.starts_with('[') {
            format!("{outer}{}", self.path)
        } else {
            format!("{outer}.{}", self.path)
        };
        self
    }

    /// One line: `path: reason`, in the chosen language.
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.reason(lang);
        if self.path.is_empty() {
            reason
        } else {
            format!("{}: {reason}", self.path)
        }
    }

    /// The reason alone, in the chosen language.
    pub fn reason(&self, lang: Lang) -> String {
        use ErrorKind as K;
        let zh = lang == Lang::Zh;
        match &self.kind {
            K::Syntax(m) => {
                if zh {
                    format!("格式错误（{m}）")
                } else {
                    format!("invalid JSON ({m})")
                }
            }
            K::Missing => lang.pick("缺少必填项", "is required").into(),
            K::NotFinite => lang
                .pick("必须是有限的数字", "must be a finite number")
                .into(),
            K::Negative => lang.pick("不能为负数（须 ≥ 0）", "must be >= 0").into(),
            K::NotPositive => lang.pick("必须大于 0", "must be > 0").into(),
            K::OutOfRange { min, max } => {
                if zh {
                    format!("必须在 {min} 到 {max} 之间")
                } else {
                    format!("must be between {min} and {max}")
                }
            }
            K::OutOfRangeHalfOpen { min, max } => {
                if zh {
                    format!("必须 ≥ {min} 且 < {max}")
                } else {
                    format!("must be >= {min} and < {max}")
                }
            }
            K::ZeroTotal => lang.pick("合计必须大于 0", "total must be > 0").into(),
            K::UnknownId(id) => {
                if zh {
                    format!("“{id}”在参照数据中不存在或为 0")
                } else {
                    format!("'{id}' is missing from the reference or is 0")
                }
            }
            K::IdMismatch => lang
                .pick(
                    "各组数据列出的行业必须一致",
                    "must name the same industries as the other maps",
                )
                .into(),
            K::NotSquare => lang.pick("矩阵必须是方阵", "matrix must be square").into(),
            K::DimensionMismatch { expected, found } => {
                if zh {
                    format!("长度应为 {expected}，实际为 {found}")
                } else {
                    format!("expected length {expected}, found {found}")
                }
            }
            K::Singular => lang
                .pick("I − A 为奇异矩阵，无法求逆", "I - A is singular")
                .into(),
            K::NotProductive { column_sum } => {
                if zh {
                    format!("投入产出表不具生产性：直接消耗系数列和为 {column_sum:.4}（须 < 1）")
                } else {
                    format!(
                        "table is not productive: column sum of A is {column_sum:.4} (must be < 1)"
                    )
                }
            }
            K::NotReciprocal => lang
                .pick(
                    "判断矩阵不互反（须 a_ji = 1/a_ij）",
                    "matrix is not reciprocal (a_ji must be 1/a_ij)",
                )
                .into(),
            K::DiagonalNotOne => lang
                .pick("判断矩阵对角线必须为 1", "diagonal must be 1")
                .into(),
            K::UnknownName { name, expected } => {
                let list = expected.join(", ");
                if zh {
                    format!("未知名称“{name}”，可选：{list}")
                } else {
                    format!("unknown name '{name}', expected one of: {list}")
                }
            }
            K::UnsupportedFormat(m) => {
                if zh {
                    format!("不是可识别的数据文件（{m}）")
                } else {
                    format!("not a supported dataset ({m})")
                }
            }
            K::TooFew { min } => {
                if zh {
                    format!("至少需要 {min} 项")
                } else {
                    format!("needs at least {min} items")
                }
            }
            K::TooLarge { max } => {
                if zh {
                    format!("超过上限 {max}")
                } else {
                    format!("exceeds the limit of {max}")
                }
            }
            K::BadText(m) => {
                if zh {
                    format!("文本无效（{m}）")
                } else {
                    format!("invalid text ({m})")
                }
            }
            K::JsonText {
                problem,
                line,
                column,
            } => {
                use JsonProblem as P;
                let what = match (problem, zh) {
                    (P::NotAValue, true) => "这里不是 JSON 允许的值（数字须写成阿拉伯数字，NaN、Infinity 不是数字；未知的值请删去这一项）".to_string(),
                    (P::NotAValue, false) => "this is not a value JSON allows (NaN and Infinity are not numbers; leave an unknown value out)".to_string(),
                    (P::NumberTooLarge, true) => "数字太大，超出可表示的范围".to_string(),
                    (P::NumberTooLarge, false) => "the number is too large to represent".to_string(),
                    (P::TooDeep, true) => "括号嵌套层数太多（超过 128 层），不是本工具的数据文件".to_string(),
                    (P::TooDeep, false) => "brackets nested too deeply (over 128 levels); not a data file of this tool".to_string(),
                    (P::Truncated, true) => "文件在这里意外结束，可能复制或下载不完整".to_string(),
                    (P::Truncated, false) => "the file ends here unexpectedly; it may have been cut when copied or downloaded".to_string(),
                    (P::DuplicateKey(k), true) => format!("同一对象中“{k}”出现了两次，无法确定用哪一个"),
                    (P::DuplicateKey(k), false) => format!("“{k}” appears twice in one object; which one to use cannot be known"),
                    (P::TrailingText, true) => "文件结束后还有多余的内容".to_string(),
                    (P::TrailingText, false) => "there is more text after the end of the document".to_string(),
                    (P::Other(m), true) => format!("JSON 格式错误（{m}）"),
                    (P::Other(m), false) => format!("invalid JSON ({m})"),
                };
                if zh {
                    format!("第 {line} 行第 {column} 列：{what}")
                } else {
                    format!("line {line}, column {column}: {what}")
                }
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}

/// Checks that `v` is finite and ≥ 0.
pub fn non_negative(v: f64, path: impl Fn() -> String) -> Result<f64> {
    if !v.is_finite() {
        Err(Error::new(ErrorKind::NotFinite, path()))
    } else if v < 0.0 {
        Err(Error::new(ErrorKind::Negative, path()))
    } else {
        Ok(v)
    }
}

/// Checks that `v` is finite and > 0.
pub fn positive(v: f64, path: impl Fn() -> String) -> Result<f64> {
    if !v.is_finite() {
        Err(Error::new(ErrorKind::NotFinite, path()))
    } else if v <= 0.0 {
        Err(Error::new(ErrorKind::NotPositive, path()))
    } else {
        Ok(v)
    }
}

/// Checks that `v` is finite and within [min, max].
pub fn in_range(v: f64, min: f64, max: f64, path: impl Fn() -> String) -> Result<f64> {
    if !v.is_finite() {
        Err(Error::new(ErrorKind::NotFinite, path()))
    } else if v < min || v > max {
        Err(Error::new(ErrorKind::OutOfRange { min, max }, path()))
    } else {
        Ok(v)
    }
}
