//! Header matching: header names against the fields (`fields.rs`), units in headers and in a 单位 row, two-row
//! headers, years in headers, and which table a sheet is.

use super::*;

/// How far down a sheet the header is looked for (title rows, 填报单位 and 单位 rows come first).
pub(crate) const HEADER_SCAN_ROWS: usize = 20;

/// Header text reduced for matching: lower case, no spaces, ASCII brackets, the unit in brackets taken out.
pub(crate) fn normalise_header(h: &str) -> (String, String) {
    let mut s: String = h
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '·' | '：' | ':' | '*' | '＊'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '【' | '［' => '[',
            '】' | '］' => ']',
            '％' => '%',
            '／' => '/',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let mut unit = String::new();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(a), Some(b)) = (s.find(open), s.rfind(close)) {
            if a < b {
                let inside = s[a + 1..b].to_string();
                s.replace_range(a..=b, "");
                // A qualifier such as （当年价格） is not a unit; the unit is the part that is one. A year in
                // brackets (（2022年）) goes back to the name, where the year is read.
                match unit_in(&inside) {
                    Some(u) if unit.is_empty() => unit = u,
                    Some(_) => {}
                    None => {
                        if take_year(&inside).1.is_some() {
                            s.push_str(&inside);
                        }
                    }
                }
            }
        }
    }
    for suffix in [
        "/万元", "/亿元", "/千元", "/元", "/人", "/万人", "/%", "/个", "/家",
    ] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            unit = suffix[1..].to_string();
            s = stripped.to_string();
        }
    }
    (s, unit)
}

/// The unit among a bracket's comma-separated parts (`当年价格，千元` → `千元`), if one is a unit.
fn unit_in(inside: &str) -> Option<String> {
    inside
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .find(|p| is_unit_token(p))
        .map(str::to_string)
}

/// Words that look like a unit (end in 元 or 人, or are % or a count word); used to tell a unit from a qualifier.
pub(crate) fn is_unit_token(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars().count() <= 4
        && (t.ends_with('元')
            || t.ends_with('人')
            || matches!(t, "%" | "％" | "个" | "家" | "户" | "百分比" | "万"))
}

/// Money and people units a table may use, and their factor to the dataset's unit (万元, 人).
pub(crate) fn money_factor(unit: &str) -> Option<f64> {
    match unit.trim() {
        "" | "万元" | "万" => Some(1.0),
        "亿元" | "亿" => Some(10_000.0),
        "元" => Some(0.0001),
        "千元" => Some(0.1),
        "百万元" => Some(100.0),
        _ => None,
    }
}

pub(crate) fn people_factor(unit: &str) -> Option<f64> {
    match unit.trim() {
        "" | "人" | "个" | "名" => Some(1.0),
        "万人" => Some(10_000.0),
        "千人" => Some(1_000.0),
        _ => None,
    }
}

/// The dataset unit factor for a column's unit, or an error text for a unit that does not fit the value.
pub(crate) fn unit_factor(value: Value, unit: &str) -> Result<f64, Text> {
    let unit = unit.trim();
    match value {
        Value::Money => money_factor(unit).ok_or_else(|| {
            Text::new(
                format!("金额单位“{unit}”无法识别，请用元、千元、万元或亿元"),
                format!("money unit '{unit}' not recognised: use 元, 千元, 万元 or 亿元"),
            )
        }),
        Value::People => match unit {
            // 千人 is rare enough in a township table to be a typo for 人; ask rather than guess.
            "千人" => Err(Text::new(
                "人数单位“千人”无法识别，请用人或万人",
                "unit '千人' for people not recognised: use 人 or 万人",
            )),
            _ => people_factor(unit).ok_or_else(|| {
                Text::new(
                    format!("人数单位“{unit}”无法识别，请用人或万人"),
                    format!("unit '{unit}' for people not recognised: use 人 or 万人"),
                )
            }),
        },
        Value::Share => match unit {
            "%" | "百分比" => Ok(0.01),
            _ => Ok(1.0),
        },
        _ => Ok(1.0),
    }
}

/// The dataset's unit of a value kind, for the preview ("千元 → 万元").
pub(crate) fn dataset_unit(value: Value) -> &'static str {
    match value {
        Value::Money => "万元",
        Value::People => "人",
        _ => "",
    }
}

/// One header column: what the user sees, and its name, unit and year as matched.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HeaderCol {
    /// The header as shown (`从业人员 / 平均人数`).
    pub label: String,
    pub name: String,
    pub unit: String,
    pub year: Option<i32>,
    /// Last year's figure (上年, 去年同期), which has no year of its own.
    pub last_year: bool,
    /// A growth rate or a change (增长%, 同比, 比上年), not a level.
    pub growth: bool,
}

/// Takes a year (`2022年`, `2022`) out of a normalised header name.
fn take_year(name: &str) -> (String, Option<i32>) {
    let chars: Vec<char> = name.chars().collect();
    let mut k = 0;
    while k + 4 <= chars.len() {
        let four: String = chars[k..k + 4].iter().collect();
        let before_digit = k > 0 && chars[k - 1].is_ascii_digit();
        let after_digit = chars.get(k + 4).is_some_and(|c| c.is_ascii_digit());
        if !before_digit && !after_digit && four.bytes().all(|b| b.is_ascii_digit()) {
            if let Ok(y) = four.parse::<i32>() {
                if (1949..=2100).contains(&y) {
                    let mut end = k + 4;
                    for suffix in ["年度", "年末", "年底", "年"] {
                        let s: Vec<char> = suffix.chars().collect();
                        if chars.get(end..end + s.len()) == Some(&s[..]) {
                            end += s.len();
                            break;
                        }
                    }
                    let rest: String = chars[..k].iter().chain(&chars[end..]).collect();
                    return (rest, Some(y));
                }
            }
        }
        k += 1;
    }
    (name.to_string(), None)
}

/// One header cell (or the join of a group cell over a sub-cell) as matched.
fn header_col(parts: &[&str]) -> HeaderCol {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    let mut col = HeaderCol {
        label: parts.join(" / "),
        ..HeaderCol::default()
    };
    for p in &parts {
        let (name, unit) = normalise_header(p);
        let (name, year) = take_year(&name);
        col.year = col.year.or(year);
        col.name.push_str(&name);
        if !unit.is_empty() {
            col.unit = unit;
        }
    }
    // 本年/本期 is the current figure; 上年/去年 last year's; 增长/同比 a rate.
    let mut name = col.name.clone();
    for word in ["本年实际", "本年累计", "本年", "本期", "当年", "现价"] {
        if let Some(rest) = name.strip_prefix(word).or_else(|| name.strip_suffix(word)) {
            if !rest.is_empty() {
                name = rest.to_string();
            }
        }
    }
    for word in ["上年同期", "去年同期", "上年", "去年", "上期"] {
        if name.contains(word) {
            col.last_year = true;
            name = name.replace(word, "");
        }
    }
    if ["增长", "增速", "同比", "比上年", "增减", "±"]
        .iter()
        .any(|w| name.contains(w))
    {
        col.growth = true;
    }
    col.name = name;
    col
}

/// The header of a sheet: its first and last row (a two-row header has a group row over a sub-row), and its
/// columns.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Header {
    pub first: usize,
    pub last: usize,
    pub cols: Vec<HeaderCol>,
}

fn cell(row: &[String], k: usize) -> &str {
    row.get(k).map(String::as_str).unwrap_or("")
}

/// A header from one row, or from a group row over a sub-row: a blank group cell to the right of a group label
/// belongs to it while the sub-row goes on (a merged cell: 从业人员 over 平均人数 and 期末人数).
pub(crate) fn build_header(rows: &[Vec<String>], first: usize, two: bool) -> Header {
    let empty = Vec::new();
    let top = rows.get(first).unwrap_or(&empty);
    let sub = if two {
        rows.get(first + 1).unwrap_or(&empty)
    } else {
        &empty
    };
    let width = top.len().max(sub.len());
    let mut group: Option<&str> = None;
    let mut cols = Vec::with_capacity(width);
    for k in 0..width {
        let (t, s) = (cell(top, k).trim(), cell(sub, k).trim());
        let parts: Vec<&str> = match (t.is_empty(), s.is_empty()) {
            (false, false) => {
                group = Some(t);
                vec![t, s]
            }
            (false, true) => {
                group = None;
                vec![t]
            }
            (true, false) => match group {
                Some(g) => vec![g, s],
                None => vec![s],
            },
            (true, true) => {
                group = None;
                vec![]
            }
        };
        cols.push(header_col(&parts));
    }
    Header {
        first,
        last: first + usize::from(two),
        cols,
    }
}

/// The use of one header column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ColumnUse {
    pub col: usize,
    pub field: &'static str,
    pub value: Value,
    pub tier: usize,
    pub year: Option<i32>,
}

/// What a header column is: a field (with its tier), or why not.
pub(crate) enum Matched {
    Field(ColumnUse),
    Ignored(Text),
}

fn match_col(k: usize, c: &HeaderCol, kind: TableKind) -> Matched {
    if c.name.is_empty() {
        return Matched::Ignored(if c.label.is_empty() {
            Text::new("无列名", "no header")
        } else {
            Text::new("列名未识别", "header not recognised")
        });
    }
    if c.growth {
        return Matched::Ignored(Text::new(
            "增长率或增减数，不是数量",
            "a growth rate or change, not a level",
        ));
    }
    for def in fields(kind) {
        for (tier, names) in def.tiers.iter().enumerate() {
            if names.contains(&c.name.as_str()) {
                if c.last_year {
                    return Matched::Ignored(Text::new(
                        "上年数不导入（列名写上年份，如“2022年从业人员”，可作历史数据导入）",
                        "last year's figure is not imported (a header with the year, e.g. '2022 employment', is read as history)",
                    ));
                }
                if def.value == Value::Year && c.year.is_some() {
                    break;
                }
                return Matched::Field(ColumnUse {
                    col: k,
                    field: def.field,
                    value: def.value,
                    tier,
                    year: c.year,
                });
            }
        }
    }
    if KNOWN_UNUSED.contains(&c.name.as_str()) {
        return Matched::Ignored(Text::new(
            "数据集中没有这一项",
            "the dataset has no such field",
        ));
    }
    if kind == TableKind::Firms
        && INDUSTRY_FIELDS
            .iter()
            .any(|d| d.field == "output" && d.tiers[0].contains(&c.name.as_str()))
    {
        return Matched::Ignored(Text::new(
            "企业表只导入营业收入，不导入产值",
            "a firm list imports revenue, not output",
        ));
    }
    Matched::Ignored(Text::new("列名未识别", "header not recognised"))
}

/// Matches a header: every column's use or why it is not used. Of two columns naming one field (and year), the
/// lower tier wins, then the first.
pub(crate) fn match_header(h: &Header, kind: TableKind) -> Vec<Result<ColumnUse, Text>> {
    let mut out: Vec<Result<ColumnUse, Text>> = h
        .cols
        .iter()
        .enumerate()
        .map(|(k, c)| match match_col(k, c, kind) {
            Matched::Field(u) => Ok(u),
            Matched::Ignored(t) => Err(t),
        })
        .collect();
    // The best column of each (field, year), in one pass (a sheet may be 16 384 columns wide).
    // (field, year), column, tier.
    type Best<'a> = ((&'a str, Option<i32>), usize, usize);
    let mut best: Vec<Best> = Vec::new();
    for (k, o) in out.iter().enumerate() {
        let Ok(u) = o else { continue };
        let key = (u.field, u.year);
        match best.iter_mut().find(|(bk, _, _)| *bk == key) {
            Some(b) if u.tier < b.2 => *b = (key, k, u.tier),
            Some(_) => {}
            None => best.push((key, k, u.tier)),
        }
    }
    let chosen: Vec<Option<usize>> = out
        .iter()
        .map(|o| {
            let u = o.as_ref().ok()?;
            best.iter()
                .find(|(bk, _, _)| *bk == (u.field, u.year))
                .map(|b| b.1)
        })
        .collect();
    for k in 0..out.len() {
        if let (Some(best), Ok(u)) = (chosen[k], &out[k]) {
            if best != k {
                let winner = h
                    .cols
                    .get(best)
                    .map(|c| c.label.clone())
                    .unwrap_or_default();
                let label = field_label(kind, u.field);
                let why = match u.field {
                    "employment" => (
                        "（平均人数优先于期末人数）",
                        " (the average is preferred to the year-end count)",
                    ),
                    "output" => (
                        "（产值优先于营业收入）",
                        " (output is preferred to revenue)",
                    ),
                    _ => ("", ""),
                };
                out[k] = Err(Text::new(
                    format!(
                        "已用 {} 列“{winner}”作{}{}",
                        column_letter(best),
                        label.zh,
                        why.0
                    ),
                    format!(
                        "column {} '{winner}' is used as {}{}",
                        column_letter(best),
                        label.en,
                        why.1
                    ),
                ));
            }
        }
    }
    out
}

/// Distinct fields a header names (its score as a header).
pub(crate) fn score(h: &Header, kind: TableKind) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for u in match_header(h, kind).into_iter().flatten() {
        if !seen.contains(&u.field) {
            seen.push(u.field);
        }
    }
    seen.len()
}

/// A row that can be the second row of a header: text only (no numbers but years), not a total or unit row.
fn sub_header_row(row: &[String]) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    !cells.is_empty()
        && cells.iter().all(|c| {
            let n = clean_number(c);
            n.parse::<f64>().is_err() || n.parse::<i32>().is_ok_and(|y| (1949..=2100).contains(&y))
        })
        && !cells.iter().any(|c| total_label(c).is_some())
        && unit_row(row).is_none()
        && !column_number_row(row)
}

/// The header of a sheet: of the first rows, the one (or group row over sub-row) that names the most fields,
/// at least two; the earliest on a tie.
pub(crate) fn find_header(rows: &[Vec<String>], kind: TableKind) -> Option<Header> {
    let mut best: Option<(usize, Header)> = None;
    for r in 0..rows.len().min(HEADER_SCAN_ROWS) {
        let single = build_header(rows, r, false);
        let s1 = score(&single, kind);
        let mut candidate = (s1, single);
        if let Some(next) = rows.get(r + 1) {
            let nonblank = next.iter().filter(|c| !c.trim().is_empty()).count();
            if nonblank >= 2 && sub_header_row(next) && s1 >= 1 {
                let joined = build_header(rows, r, true);
                let s2 = score(&joined, kind);
                if s2 >= s1 {
                    candidate = (s2, joined);
                }
            }
        }
        if candidate.0 >= 2 && best.as_ref().is_none_or(|(s, _)| candidate.0 > *s) {
            best = Some(candidate);
        }
    }
    best.map(|(_, h)| h)
}

/// A 栏次 row under a header: 甲, 乙, 丙 … then 1, 2, 3 … (the column numbers of a statistics form).
pub(crate) fn column_number_row(row: &[String]) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if cells.len() < 2 {
        return false;
    }
    let mut last = 0u32;
    for c in cells {
        if matches!(
            c,
            "甲" | "乙" | "丙" | "丁" | "戊" | "己" | "A" | "B" | "C" | "D"
        ) {
            continue;
        }
        match c.parse::<u32>() {
            Ok(n) if n == last + 1 => last = n,
            _ => return false,
        }
    }
    last >= 1
}

/// Units a 单位 row declares (`单位：千元`, `计量单位：万元、人`), or the per-column units of a unit row under the
/// header (`人 | 千元 | 千元`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RowUnits {
    pub money: Option<String>,
    pub people: Option<String>,
    /// Column → unit, for a row of units under the header.
    pub columns: Vec<(usize, String)>,
    /// The declaration as written, for the preview.
    pub text: String,
}

/// Reads a row as a 单位 row: a cell declaring `单位：…` (not 填报单位), or cells that are all units.
pub(crate) fn unit_row(row: &[String]) -> Option<RowUnits> {
    let mut out = RowUnits::default();
    for cell in row {
        for token in cell.split_whitespace() {
            let token = token.replace('：', ":");
            let Some((head, value)) = token.split_once(':') else {
                continue;
            };
            let Some(prefix) = head.strip_suffix("单位") else {
                continue;
            };
            if !matches!(
                prefix,
                "" | "计量" | "金额" | "货币" | "价值量" | "数量" | "计算"
            ) {
                continue;
            }
            for u in value
                .split(['、', ',', '，', '/', ';', '；'])
                .map(|u| u.trim().trim_matches(['(', ')', '（', '）']))
            {
                if money_factor(u).is_some() && !u.is_empty() {
                    out.money = Some(u.to_string());
                } else if people_factor(u).is_some() && u.ends_with('人') {
                    out.people = Some(u.to_string());
                }
            }
            if out.money.is_some() || out.people.is_some() {
                out.text = cell.trim().to_string();
            }
        }
    }
    if out.money.is_some() || out.people.is_some() {
        return Some(out);
    }
    // A row of units, one per column (the first cell may say 计量单位).
    let mut columns = Vec::new();
    for (k, c) in row.iter().enumerate() {
        let t = c.trim().trim_matches(['(', ')', '（', '）']);
        if t.is_empty() || matches!(t, "计量单位" | "单位" | "unit" | "units") {
            continue;
        }
        if (money_factor(t).is_some() || people_factor(t).is_some() || matches!(t, "%" | "％"))
            && is_unit_token(t)
        {
            columns.push((k, t.replace('％', "%")));
        } else {
            return None;
        }
    }
    (columns.len() >= 2).then(|| RowUnits {
        text: columns
            .iter()
            .map(|(_, u)| u.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        columns,
        ..RowUnits::default()
    })
}

/// A table the calculator itself exported (a results sheet: LQs, bands), which is not input.
pub(crate) fn results_header(h: &Header) -> bool {
    let names: Vec<&str> = h.cols.iter().map(|c| c.name.as_str()).collect();
    names
        .iter()
        .any(|n| matches!(*n, "lq" | "区位商" | "locationquotient"))
        && names
            .iter()
            .any(|n| matches!(*n, "分档" | "band" | "行业" | "industry"))
}

/// Decides the table from the headers (a firm-name column means firms; industry names or counts of firms mean
/// industries), then from the sheet name.
pub(crate) fn detect(sheet: &Sheet) -> Option<TableKind> {
    let firm_header = find_header(&sheet.rows, TableKind::Firms);
    let industry_header = find_header(&sheet.rows, TableKind::Industries);
    let firm_evidence = firm_header.as_ref().is_some_and(|h| {
        match_header(h, TableKind::Firms)
            .into_iter()
            .flatten()
            .any(|u| {
                (u.field == "name" && u.tier == 0)
                    || matches!(
                        u.field,
                        "leading" | "stage" | "specialised_sme" | "little_giant" | "high_tech"
                    )
            })
    });
    let industry_evidence = industry_header.as_ref().is_some_and(|h| {
        match_header(h, TableKind::Industries)
            .into_iter()
            .flatten()
            .any(|u| {
                matches!(u.field, "firms" | "above_scale_firms" | "value_added")
                    || (u.field == "name"
                        && h.cols
                            .get(u.col)
                            .is_some_and(|c| c.name != "名称" && c.name != "name"))
            })
    });
    match (firm_evidence, industry_evidence) {
        (true, false) => return Some(TableKind::Firms),
        (false, true) => return Some(TableKind::Industries),
        _ => {}
    }
    let name = sheet.name.to_lowercase();
    let by_name = if name.contains("分行业") || name.contains("行业") || name.contains("industr")
    {
        Some(TableKind::Industries)
    } else if name.contains("企业") || name.contains("firm") || name.contains("名录") {
        Some(TableKind::Firms)
    } else {
        None
    };
    let fits = |k: TableKind| match k {
        TableKind::Firms => firm_header.is_some(),
        TableKind::Industries => industry_header.is_some(),
    };
    if let Some(k) = by_name.filter(|k| fits(*k)) {
        return Some(k);
    }
    let si = industry_header
        .as_ref()
        .map_or(0, |h| score(h, TableKind::Industries));
    let sf = firm_header
        .as_ref()
        .map_or(0, |h| score(h, TableKind::Firms));
    if si >= 2 && si >= sf {
        Some(TableKind::Industries)
    } else if sf >= 2 {
        Some(TableKind::Firms)
    } else {
        by_name
    }
}
