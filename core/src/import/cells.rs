//! Reading cells: delimited text, numbers (thousands separators, full-width digits, percent, the precision they
//! were given in), flags, industry codes (digits, 门类 letters, codes written with their name), and the labels
//! of total rows (合计, 小计, 其中).

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

/// Counts of a delimiter on each of the first lines, outside quotes.
fn delimiter_counts(text: &str, delim: char) -> Vec<usize> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .map(|line| {
            let mut quoted = false;
            line.chars()
                .filter(|&c| {
                    if c == '"' {
                        quoted = !quoted;
                    }
                    c == delim && !quoted
                })
                .count()
        })
        .collect()
}

/// The delimiter of CSV text: the one that splits the most of the first lines into the same number of cells (a
/// title line above the table splits into none). A tab wins when lines have one (a paste from a spreadsheet).
fn detect_delimiter(text: &str) -> char {
    let fit = |delim: char| {
        let counts = delimiter_counts(text, delim);
        let mut best = (0usize, 0usize);
        for &c in counts.iter().filter(|&&c| c > 0) {
            let same = counts.iter().filter(|&&d| d == c).count();
            if (same, c) > best {
                best = (same, c);
            }
        }
        best
    };
    let (tab, comma, semi) = (fit('\t'), fit(','), fit(';'));
    if tab.0 > 0 {
        '\t'
    } else if semi.0 > comma.0 {
        ';'
    } else {
        ','
    }
}

/// A number written with a decimal comma (`12,5`, `1.234,5`): the form a semicolon-delimited CSV from a
/// European-language Excel uses. Returns it with a decimal point.
fn decimal_comma(cell: &str) -> Option<String> {
    let t = cell.trim();
    let (int, frac) = t.split_once(',')?;
    let unsigned = int.strip_prefix('-').unwrap_or(int);
    let groups_ok = match unsigned.split_once('.') {
        None => !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()),
        Some(_) => {
            let mut parts = unsigned.split('.');
            let first = parts.next().unwrap_or("");
            (1..=3).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_digit())
                && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        }
    };
    let frac_ok = !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit() || b == b'%');
    (groups_ok && frac_ok).then(|| format!("{}.{}", int.replace('.', ""), frac))
}

/// Splits CSV or tab-separated text into rows of cells (RFC 4180 quoting, CRLF or LF, a leading BOM dropped).
/// The delimiter is detected: a tab (a paste from a spreadsheet), a comma, or a semicolon (Excel in a European
/// language), in which case numbers have a decimal comma (`12,5` is 12.5) and are given back with a point.
pub fn parse_delimited(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delim = detect_delimiter(text);
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
    if delim == ';' {
        for c in rows.iter_mut().flatten() {
            if let Some(fixed) = decimal_comma(c) {
                *c = fixed;
            }
        }
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
            '＋' => Some('+'),
            ',' | '，' | ' ' | '\u{a0}' | '\u{3000}' | '\'' | '_' => None,
            c => Some(c),
        })
        .collect()
}

pub(crate) fn is_blank(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "—" | "–" | "——" | "--" | "／" | "/" | "…" | "－" | "x" | "X" | "×"
    )
}

/// A number as written: its value, its decimals (the precision it was given in) and whether it carried `%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawNum {
    pub v: f64,
    pub decimals: i32,
    pub percent: bool,
}

/// Reads a cell as a number. `Ok(None)` for a blank cell.
pub(crate) fn parse_number(cell: &str) -> Result<Option<RawNum>, Text> {
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
    let decimals = if s.contains(['e', 'E']) {
        15
    } else {
        s.split_once('.').map_or(0, |(_, f)| f.len() as i32)
    };
    Ok(Some(RawNum {
        v,
        decimals,
        percent,
    }))
}

/// Rounds to `decimals` places through the decimal text, so the result is the double nearest that decimal.
fn round_to(v: f64, decimals: i32) -> f64 {
    let d = decimals.clamp(0, 15) as usize;
    format!("{v:.d$}").parse().unwrap_or(v)
}

/// Converts a number into the dataset unit: `%` divides by 100 (and the column's factor is not applied again),
/// else the factor applies; a power-of-ten factor keeps the precision the number was given in (4.52 万人 is
/// 45 200 人, not 45 199.99999999999; 95 % is 0.95).
pub(crate) fn convert(n: RawNum, factor: f64) -> f64 {
    let (v, shift) = if n.percent {
        (n.v / 100.0, -2)
    } else if factor == 1.0 {
        return n.v;
    } else {
        let shift = factor.log10().round() as i32;
        if 10f64.powi(shift) != factor {
            return n.v * factor;
        }
        let v = if shift < 0 {
            n.v / 10f64.powi(-shift)
        } else {
            n.v * 10f64.powi(shift)
        };
        (v, shift)
    };
    round_to(v, n.decimals - shift)
}

pub(crate) fn check_count(cell: &str, value: Value, v: f64) -> Result<(), Text> {
    if value == Value::Count && (v < 0.0 || v.fract() != 0.0) {
        return Err(Text::new(
            format!("“{}”应为非负整数", shorten(cell)),
            format!("'{}' must be a whole number ≥ 0", shorten(cell)),
        ));
    }
    Ok(())
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

/// A year cell (`2022`, `2022年`, `2022.0`).
pub(crate) fn read_year(cell: &str) -> Result<Option<i32>, Text> {
    let t = clean_number(cell);
    let t = t.trim_end_matches('年').trim_end_matches(".0");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<i32>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(Some(y)),
        _ => Err(Text::new(
            format!("“{}”不是年份", shorten(cell)),
            format!("'{}' is not a year", shorten(cell)),
        )),
    }
}

/// An industry code read from a cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CodeRead {
    pub code: Option<String>,
    /// Something changed on the way (a lost leading zero restored, `C13` read as 13, a name looked up).
    pub note: Option<Text>,
    /// A name written after the code in the same cell (`17 纺织业`).
    pub name: Option<String>,
}

/// Full-width letters and digits as ASCII.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '０'..='９' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// An industry code as text: 2–4 digits, or a 门类 letter A–T. A spreadsheet may have turned `0511` into the
/// number 511 or `17` into `17.0`: the decimal part is dropped and a lost leading zero restored when only the
/// padded code exists (noted). `C13` (section and division) reads as 13; a code with its name in the same cell
/// (`17 纺织业`, `C 制造业`) gives both; a standard name alone (`制造业`) gives its code (noted).
pub(crate) fn read_code(cell: &str) -> Result<CodeRead, Text> {
    let s = half_width(cell.trim().trim_start_matches('\''));
    let s = s.trim();
    if s.is_empty() {
        return Ok(CodeRead::default());
    }
    let s = s.strip_suffix(".0").unwrap_or(s);
    let head: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let rest = s[head.len()..]
        .trim_start_matches([' ', '、', '.', '．', '-', ':', '：', '\t'])
        .trim();
    let named = |code: String, note: Option<Text>| CodeRead {
        code: Some(code),
        note,
        name: (!rest.is_empty()).then(|| rest.to_string()),
    };
    let not_a_code = || {
        Text::new(
            format!(
                "“{}”不是 GB/T 4754-2017 行业代码（2–4 位数字，或门类字母 A–T）",
                shorten(cell)
            ),
            format!(
                "'{}' is not a GB/T 4754-2017 industry code (2–4 digits, or a section letter A–T)",
                shorten(cell)
            ),
        )
    };
    // A name written in the code column, or text after something that is not a code.
    let by_name = || -> Result<CodeRead, Text> {
        match crate::gbt4754::code_for_name(s) {
            Some(code) => Ok(CodeRead {
                note: Some(Text::new(
                    format!("按标准名称“{s}”取代码 {code}"),
                    format!("code {code} taken from the standard name '{s}'"),
                )),
                code: Some(code),
                name: Some(s.to_string()),
            }),
            None => Err(not_a_code()),
        }
    };
    if head.is_empty() {
        return by_name();
    }
    let upper = head.to_ascii_uppercase();
    let digits = upper.bytes().all(|b| b.is_ascii_digit());
    if upper.len() == 1 && !digits {
        return if crate::gbt4754::is_section_code(&upper) {
            Ok(named(upper, None))
        } else {
            by_name()
        };
    }
    // Section letter and division: C13, C1762.
    if let Some(letter) = upper.chars().next().filter(|c| c.is_ascii_alphabetic()) {
        let tail = &upper[1..];
        if tail.bytes().all(|b| b.is_ascii_digit()) && is_industry_code(tail) {
            return match crate::gbt4754::division(tail) {
                Some(d) if d.section == letter => Ok(named(
                    tail.to_string(),
                    Some(Text::new(
                        format!("“{head}”按行业代码 {tail} 读"),
                        format!("'{head}' read as industry code {tail}"),
                    )),
                )),
                _ => Err(not_a_code()),
            };
        }
        return by_name();
    }
    // A lost leading zero: one digit ("5" → "05"), or three digits whose first two name no division of the
    // standard while "0" + the first digit does ("990" starts with no division; "0990" is in division 09).
    let lost_zero = digits
        && (upper.len() == 1
            || (upper.len() == 3
                && crate::gbt4754::division(&upper[..2]).is_none()
                && crate::gbt4754::division(&format!("0{}", &upper[..1])).is_some()));
    if lost_zero {
        let code = format!("0{upper}");
        let note = Text::new(
            format!("代码补回前导 0：{code}"),
            format!("leading zero restored: {code}"),
        );
        return Ok(named(code, Some(note)));
    }
    if is_industry_code(&upper) {
        return Ok(named(upper, None));
    }
    Err(not_a_code())
}

/// What a total-like row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TotalKind {
    /// 合计, 总计: the sum of every row.
    Total,
    /// 小计, 第二产业: the sum of the rows next to it.
    Subtotal,
    /// 其中, # : a part of the row above it.
    Part,
}

/// The label of a total, subtotal or part row, if the cell is one (`合  计`, `总计：`, `其中：规上`, `#纺织业`,
/// `Total`, `一、第二产业`).
pub(crate) fn total_label(cell: &str) -> Option<TotalKind> {
    let t: String = half_width(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if t.is_empty() {
        return None;
    }
    if t.starts_with("其中") || t.starts_with('#') || t.starts_with('＃') {
        return Some(TotalKind::Part);
    }
    let t = t.trim_end_matches([':', '：']).to_string();
    if matches!(t.as_str(), "一产" | "二产" | "三产") {
        return Some(TotalKind::Subtotal);
    }
    // Leading enumerators: 一、 （一） 1. 1、
    let t = t
        .trim_start_matches(['(', '（'])
        .trim_start_matches(|c: char| "一二三四五六七八九十0123456789".contains(c))
        .trim_start_matches([')', '）', '、', '.', '．'])
        .to_string();
    if matches!(
        t.as_str(),
        "第一产业" | "第二产业" | "第三产业" | "subtotal"
    ) || t.ends_with("小计")
    {
        return Some(TotalKind::Subtotal);
    }
    if matches!(
        t.as_str(),
        "合计"
            | "总计"
            | "总数"
            | "共计"
            | "汇总"
            | "全部"
            | "全镇"
            | "全乡"
            | "全县"
            | "全街道"
            | "全部企业"
            | "全部行业"
            | "总体"
            | "total"
            | "grandtotal"
            | "sum"
            | "all"
            | "alltotal"
    ) || t.ends_with("合计")
        || t.ends_with("总计")
    {
        return Some(TotalKind::Total);
    }
    None
}

pub(crate) fn shorten(cell: &str) -> String {
    let t = cell.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}
