//! Reading cells: delimited text, numbers (thousands separators, units), flags and industry codes.

use super::*;

/// Spreadsheet column letter of a 0-based index (`0` → `A`, `26` → `AA`).
pub fn column_letter(mut k: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (k % 26) as u8);
        if k < 26 {
            break;
        }
        k = k / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Splits CSV or tab-separated text into rows of cells (RFC 4180 quoting, CRLF or LF, a leading BOM dropped).
/// The delimiter is a tab when the first line has one (a paste from a spreadsheet), else a comma, else a
/// semicolon (European Excel).
pub fn parse_delimited(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let delim = if first.contains('\t') {
        '\t'
    } else if !first.contains(',') && first.contains(';') {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            c if c == delim => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Half-width digits and separators; blank and dash cells are empty.
pub(crate) fn clean_number(cell: &str) -> String {
    cell.trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            '－' | '−' => Some('-'),
            '％' => Some('%'),
            ',' | '，' | ' ' | '\u{a0}' | '\'' => None,
            c => Some(c),
        })
        .collect()
}

pub(crate) fn is_blank(cell: &str) -> bool {
    matches!(cell.trim(), "" | "-" | "—" | "–" | "／" | "/" | "…")
}

/// Reads one cell into the value its field needs. `Ok(None)` for a blank cell.
pub(crate) fn read_number(cell: &str, value: Value, factor: f64) -> Result<Option<f64>, Text> {
    if is_blank(cell) {
        return Ok(None);
    }
    let s = clean_number(cell);
    let (s, percent) = match s.strip_suffix('%') {
        Some(s) => (s.to_string(), true),
        None => (s, false),
    };
    let v: f64 = s.parse().map_err(|_| {
        Text::new(
            format!("“{}”不是数字", shorten(cell)),
            format!("'{}' is not a number", shorten(cell)),
        )
    })?;
    if !v.is_finite() || v.abs() > crate::api::MAX_ABS_NUMBER {
        return Err(Text::new(
            format!("“{}”超出可计算范围", shorten(cell)),
            format!("'{}' is out of range", shorten(cell)),
        ));
    }
    let v = if percent { v / 100.0 } else { v * factor };
    if value == Value::Count && (v < 0.0 || v.fract() != 0.0) {
        return Err(Text::new(
            format!("“{}”应为非负整数", shorten(cell)),
            format!("'{}' must be a whole number ≥ 0", shorten(cell)),
        ));
    }
    Ok(Some(v))
}

pub(crate) fn read_flag(cell: &str) -> Result<Option<bool>, Text> {
    let s = cell.trim().to_lowercase();
    match s.as_str() {
        "" | "-" | "—" => Ok(None),
        "是" | "有" | "y" | "yes" | "true" | "1" | "√" | "✓" | "✔" | "x" => Ok(Some(true)),
        "否" | "无" | "n" | "no" | "false" | "0" | "×" => Ok(Some(false)),
        _ => Err(Text::new(
            format!("“{}”应为“是”或“否”", shorten(cell)),
            format!("'{}' must be yes or no", shorten(cell)),
        )),
    }
}

/// An industry code as text. A spreadsheet may have turned `0511` into the number 511 or `17` into `17.0`:
/// the decimal part is dropped and a lost leading zero restored when only the padded code exists (noted).
pub(crate) fn read_code(cell: &str) -> Result<(Option<String>, bool), Text> {
    let mut s = cell.trim().trim_start_matches('\'').to_string();
    if s.is_empty() {
        return Ok((None, false));
    }
    if let Some(whole) = s.strip_suffix(".0") {
        s = whole.to_string();
    }
    // A lost leading zero: one digit ("5" → "05"), or three digits whose first two name no division of the
    // standard while "0" + the first digit does ("990" starts with no division; "0990" is in division 09).
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    let lost_zero = digits
        && (s.len() == 1
            || (s.len() == 3
                && crate::gbt4754::division(&s[..2]).is_none()
                && crate::gbt4754::division(&format!("0{}", &s[..1])).is_some()));
    if lost_zero {
        return Ok((Some(format!("0{s}")), true));
    }
    if is_industry_code(&s) {
        return Ok((Some(s), false));
    }
    Err(Text::new(
        format!(
            "“{}”不是 GB/T 4754-2017 行业代码（2–4 位数字）",
            shorten(cell)
        ),
        format!(
            "'{}' is not a GB/T 4754-2017 industry code (2–4 digits)",
            shorten(cell)
        ),
    ))
}

pub(crate) fn shorten(cell: &str) -> String {
    let t = cell.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}
