//! Tables from spreadsheets into the dataset (issue 5): CSV and tab-separated text (a paste from Excel or WPS),
//! and the cell text of an .xlsx sheet that the app's spreadsheet module reads. The importer maps the header row
//! to dataset fields by Chinese or English names, converts units named in the headers (元 / 万元 / 亿元, 人 / 万人),
//! keeps industry codes as text, and names the sheet, row, column and cell of anything it cannot read.
//!
//! An import is all or nothing: [`read`] gives a preview, [`apply`] returns a new validated dataset or the first
//! problem, located in the sheet, never a partly changed dataset.

use crate::dataset::{is_industry_code, limits, Dataset, Firm, Industry};
use crate::error::Error;
use crate::lang::{Lang, Text};
use serde::Serialize;

/// Largest text accepted from a file or the clipboard (a 50 000-firm sheet is about 5 MB).
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Which dataset table a sheet fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableKind {
    Industries,
    Firms,
}

impl TableKind {
    /// The dataset field the table replaces.
    pub fn field(self) -> &'static str {
        match self {
            TableKind::Industries => "industries",
            TableKind::Firms => "firms",
        }
    }
}

/// A sheet as rows of cell texts (from CSV, a paste, or an .xlsx sheet).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// Where an import went wrong: sheet, 1-based row, column letter and cell, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellError {
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it; 0 when the problem is the whole sheet.
    pub row: usize,
    /// Column letter (`C`); empty when the problem is a whole row or the sheet.
    pub column: String,
    pub reason: Text,
}

impl CellError {
    fn sheet(sheet: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        CellError {
            sheet: sheet.to_string(),
            row: 0,
            column: String::new(),
            reason: Text::new(zh, en),
        }
    }

    /// The cell reference (`C5`), or empty when the problem is not in one cell.
    pub fn cell(&self) -> String {
        if self.column.is_empty() || self.row == 0 {
            String::new()
        } else {
            format!("{}{}", self.column, self.row)
        }
    }

    /// One line for the user: `工作表“企业”第 5 行 C 列（C5）：…`.
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.reason.get(lang);
        match (lang, self.row, self.column.is_empty()) {
            (Lang::Zh, 0, _) => format!("工作表“{}”：{reason}", self.sheet),
            (Lang::Zh, r, true) => format!("工作表“{}”第 {r} 行：{reason}", self.sheet),
            (Lang::Zh, r, false) => format!(
                "工作表“{}”第 {r} 行 {} 列（{}）：{reason}",
                self.sheet,
                self.column,
                self.cell()
            ),
            (Lang::En, 0, _) => format!("sheet '{}': {reason}", self.sheet),
            (Lang::En, r, true) => format!("sheet '{}', row {r}: {reason}", self.sheet),
            (Lang::En, r, false) => format!(
                "sheet '{}', row {r}, column {} (cell {}): {reason}",
                self.sheet,
                self.column,
                self.cell()
            ),
        }
    }
}

/// A dataset field a column was matched to, with the factor that converts its unit to the dataset's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnMatch {
    pub column: String,
    pub header: String,
    /// The dataset field (`employment`, `revenue`, …), or `None` when the column is ignored.
    pub field: Option<&'static str>,
    /// Multiplies the cell value into the dataset unit (亿元 → 万元 = 10 000); 1 when none applies.
    pub factor: f64,
}

/// What an import would do, shown before it is applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preview {
    pub kind: TableKind,
    pub sheet: String,
    /// 1-based row of the header.
    pub header_row: usize,
    pub columns: Vec<ColumnMatch>,
    /// The rows read, with the sheet row each came from.
    pub industries: Vec<(usize, Industry)>,
    pub firms: Vec<(usize, Firm)>,
    /// Blank rows skipped.
    pub blank_rows: usize,
    /// Cells corrected on the way, e.g. a code Excel turned into a number and lost its leading zero.
    pub notes: Vec<CellError>,
}

impl Preview {
    /// Rows that will be imported.
    pub fn len(&self) -> usize {
        self.industries.len() + self.firms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

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

/// Header text reduced for matching: lower case, no spaces, ASCII brackets, no unit in brackets.
fn normalise_header(h: &str) -> (String, String) {
    let mut s: String = h
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '·'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '【' | '［' => '[',
            '】' | '］' => ']',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let mut unit = String::new();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(a), Some(b)) = (s.find(open), s.rfind(close)) {
            if a < b {
                unit = s[a + 1..b].to_string();
                s.replace_range(a..=b, "");
            }
        }
    }
    for suffix in ["/万元", "/亿元", "/元", "/人", "/万人", "/%"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            unit = suffix[1..].to_string();
            s = stripped.to_string();
        }
    }
    (s, unit)
}

/// (field, names it is known by in headers, kind of value).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Text,
    Code,
    Count,
    People,
    Money,
    Share,
    Flag,
}

const INDUSTRY_FIELDS: &[(&str, &[&str], Value)] = &[
    (
        "code",
        &[
            "行业代码",
            "代码",
            "国民经济行业代码",
            "code",
            "industrycode",
        ],
        Value::Code,
    ),
    (
        "name",
        &[
            "行业名称",
            "行业",
            "名称",
            "name",
            "industry",
            "industryname",
        ],
        Value::Text,
    ),
    (
        "firms",
        &["企业数", "企业数量", "企业个数", "firms", "numberoffirms"],
        Value::Count,
    ),
    (
        "above_scale_firms",
        &[
            "规上企业数",
            "规模以上企业数",
            "规上企业",
            "abovescalefirms",
        ],
        Value::Count,
    ),
    (
        "employment",
        &[
            "就业人数",
            "从业人员",
            "从业人数",
            "就业",
            "本镇就业",
            "employment",
            "jobs",
            "employed",
        ],
        Value::People,
    ),
    (
        "output",
        &["产值", "总产值", "工业总产值", "output", "grossoutput"],
        Value::Money,
    ),
    ("value_added", &["增加值", "valueadded"], Value::Money),
    (
        "outside_sales_share",
        &[
            "外销比例",
            "外销占比",
            "外销率",
            "outsidesalesshare",
            "soldoutside",
        ],
        Value::Share,
    ),
];

const FIRM_FIELDS: &[(&str, &[&str], Value)] = &[
    (
        "name",
        &["企业名称", "企业", "名称", "firm", "name", "firmname"],
        Value::Text,
    ),
    (
        "industry",
        &["行业代码", "代码", "industry", "industrycode", "code"],
        Value::Code,
    ),
    (
        "stage",
        &["环节", "产业链环节", "stage", "chainstage"],
        Value::Text,
    ),
    (
        "employment",
        &[
            "就业人数",
            "从业人员",
            "从业人数",
            "就业",
            "employment",
            "jobs",
        ],
        Value::People,
    ),
    (
        "revenue",
        &[
            "营业收入",
            "主营业务收入",
            "营收",
            "销售收入",
            "revenue",
            "sales",
        ],
        Value::Money,
    ),
    (
        "leading",
        &["龙头企业", "是否龙头", "龙头", "leading", "leadingfirm"],
        Value::Flag,
    ),
    (
        "specialised_sme",
        &["专精特新", "specialisedsme", "specializedsme"],
        Value::Flag,
    ),
    (
        "little_giant",
        &["小巨人", "专精特新小巨人", "littlegiant"],
        Value::Flag,
    ),
    (
        "single_champion",
        &["单项冠军", "singlechampion"],
        Value::Flag,
    ),
    (
        "high_tech",
        &["高新技术企业", "高新", "hightech"],
        Value::Flag,
    ),
    (
        "local_sourcing_share",
        &[
            "本地配套率",
            "本地采购比例",
            "localsourcingshare",
            "localsourcing",
        ],
        Value::Share,
    ),
    (
        "sells_outside",
        &["外销", "是否外销", "sellsoutside"],
        Value::Flag,
    ),
    ("town", &["所在镇", "镇", "乡镇", "town"], Value::Text),
];

fn fields(kind: TableKind) -> &'static [(&'static str, &'static [&'static str], Value)] {
    match kind {
        TableKind::Industries => INDUSTRY_FIELDS,
        TableKind::Firms => FIRM_FIELDS,
    }
}

/// The dataset unit factor for a header's unit, or an error text for a unit that does not fit the value.
fn unit_factor(value: Value, unit: &str) -> Result<f64, Text> {
    let unit = unit.trim();
    match value {
        Value::Money => match unit {
            "" | "万元" | "万" => Ok(1.0),
            "亿元" | "亿" => Ok(10_000.0),
            "元" => Ok(0.0001),
            "千元" => Ok(0.1),
            _ => Err(Text::new(
                format!("金额单位“{unit}”无法识别，请用元、万元或亿元"),
                format!("money unit '{unit}' not recognised: use 元, 万元 or 亿元"),
            )),
        },
        Value::People => match unit {
            "" | "人" | "个" => Ok(1.0),
            "万人" => Ok(10_000.0),
            _ => Err(Text::new(
                format!("人数单位“{unit}”无法识别，请用人或万人"),
                format!("unit '{unit}' for people not recognised: use 人 or 万人"),
            )),
        },
        Value::Share => match unit {
            "%" | "百分比" => Ok(0.01),
            _ => Ok(1.0),
        },
        _ => Ok(1.0),
    }
}

/// Matches the header row: (column matches, the kind they fit best).
fn match_header(header: &[String], kind: TableKind) -> Vec<(usize, &'static str, Value, String)> {
    let mut used: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (k, h) in header.iter().enumerate() {
        let (name, unit) = normalise_header(h);
        if name.is_empty() {
            continue;
        }
        let hit = fields(kind)
            .iter()
            .find(|(field, names, _)| !used.contains(field) && names.contains(&name.as_str()));
        if let Some((field, _, value)) = hit {
            used.push(field);
            out.push((k, *field, *value, unit));
        }
    }
    out
}

/// The row that looks like the header: the first of the first ten rows matching at least two fields.
fn find_header(rows: &[Vec<String>], kind: TableKind) -> Option<usize> {
    rows.iter()
        .take(10)
        .position(|r| match_header(r, kind).len() >= 2)
}

/// Decides the table from the sheet name and the headers: a firm name or revenue column means firms.
fn detect(sheet: &Sheet) -> Option<TableKind> {
    let name = sheet.name.to_lowercase();
    if name.contains("企业") || name.contains("firm") {
        return Some(TableKind::Firms);
    }
    if name.contains("行业") || name.contains("industr") {
        return Some(TableKind::Industries);
    }
    let score = |kind| {
        find_header(&sheet.rows, kind)
            .map(|h| {
                let m = match_header(&sheet.rows[h], kind);
                let firm_only = m
                    .iter()
                    .any(|(_, f, _, _)| matches!(*f, "revenue" | "leading" | "stage"))
                    || sheet.rows[h].iter().any(|c| {
                        matches!(
                            normalise_header(c).0.as_str(),
                            "企业名称" | "firmname" | "firm"
                        )
                    });
                (m.len(), firm_only)
            })
            .unwrap_or((0, false))
    };
    let (i, _) = score(TableKind::Industries);
    let (f, firm_only) = score(TableKind::Firms);
    if f >= 2 && firm_only {
        Some(TableKind::Firms)
    } else if i >= 2 {
        Some(TableKind::Industries)
    } else if f >= 2 {
        Some(TableKind::Firms)
    } else {
        None
    }
}

/// Half-width digits and separators; blank and dash cells are empty.
fn clean_number(cell: &str) -> String {
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

fn is_blank(cell: &str) -> bool {
    matches!(cell.trim(), "" | "-" | "—" | "–" | "／" | "/" | "…")
}

/// Reads one cell into the value its field needs. `Ok(None)` for a blank cell.
fn read_number(cell: &str, value: Value, factor: f64) -> Result<Option<f64>, Text> {
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

fn read_flag(cell: &str) -> Result<Option<bool>, Text> {
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
fn read_code(cell: &str) -> Result<(Option<String>, bool), Text> {
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

fn shorten(cell: &str) -> String {
    let t = cell.trim();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}

/// Reads a sheet into a preview. `kind` forces the table; `None` decides from the sheet name and headers.
pub fn read(sheet: &Sheet, kind: Option<TableKind>) -> Result<Preview, CellError> {
    let kind = kind.or_else(|| detect(sheet)).ok_or_else(|| {
        CellError::sheet(
            &sheet.name,
            "前十行中找不到表头：需要“行业代码”“就业人数”等列名（可下载模板对照）",
            "no header row in the first ten rows: columns such as 'code' and 'employment' are needed (see the template)",
        )
    })?;
    let header_at = find_header(&sheet.rows, kind).ok_or_else(|| {
        CellError::sheet(
            &sheet.name,
            "前十行中找不到表头：至少要有两列能对应到数据项（可下载模板对照）",
            "no header row in the first ten rows: at least two columns must name a data field (see the template)",
        )
    })?;
    let header = &sheet.rows[header_at];
    let matched = match_header(header, kind);
    let key = match kind {
        TableKind::Industries => "code",
        TableKind::Firms => "name",
    };
    if !matched.iter().any(|(_, f, _, _)| *f == key) {
        let (zh, en) = match kind {
            TableKind::Industries => ("缺少“行业代码”列", "the 'code' column is missing"),
            TableKind::Firms => ("缺少“企业名称”列", "the 'name' column is missing"),
        };
        return Err(CellError {
            row: header_at + 1,
            ..CellError::sheet(&sheet.name, zh, en)
        });
    }
    let mut factors = Vec::with_capacity(matched.len());
    for (col, _, value, unit) in &matched {
        let factor = unit_factor(*value, unit).map_err(|reason| CellError {
            sheet: sheet.name.clone(),
            row: header_at + 1,
            column: column_letter(*col),
            reason,
        })?;
        factors.push(factor);
    }
    let columns = header
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let m = matched.iter().position(|(c, ..)| *c == k);
            ColumnMatch {
                column: column_letter(k),
                header: h.clone(),
                field: m.map(|m| matched[m].1),
                factor: m.map_or(1.0, |m| factors[m]),
            }
        })
        .collect();
    let limit = match kind {
        TableKind::Industries => limits::INDUSTRIES,
        TableKind::Firms => limits::FIRMS,
    };
    let mut preview = Preview {
        kind,
        sheet: sheet.name.clone(),
        header_row: header_at + 1,
        columns,
        industries: Vec::new(),
        firms: Vec::new(),
        blank_rows: 0,
        notes: Vec::new(),
    };
    for (r, row) in sheet.rows.iter().enumerate().skip(header_at + 1) {
        let line = r + 1;
        if row.iter().all(|c| is_blank(c)) {
            preview.blank_rows += 1;
            continue;
        }
        if preview.len() >= limit {
            return Err(CellError {
                row: line,
                ..CellError::sheet(
                    &sheet.name,
                    format!("行数超过上限 {limit}"),
                    format!("more than {limit} rows"),
                )
            });
        }
        let mut industry = Industry::default();
        let mut firm = Firm::default();
        for ((col, field, value, _), factor) in matched.iter().zip(&factors) {
            let cell = row.get(*col).map(String::as_str).unwrap_or("");
            let at = |reason: Text| CellError {
                sheet: sheet.name.clone(),
                row: line,
                column: column_letter(*col),
                reason,
            };
            if cell.chars().count() > limits::TEXT_CHARS {
                return Err(at(Text::new(
                    format!("内容超过 {} 个字符", limits::TEXT_CHARS),
                    format!("longer than {} characters", limits::TEXT_CHARS),
                )));
            }
            match value {
                Value::Text => {
                    let t = cell.trim().to_string();
                    match (kind, *field) {
                        (TableKind::Industries, _) => industry.name = t,
                        (_, "name") => firm.name = t,
                        (_, "stage") => firm.stage = (!t.is_empty()).then_some(t),
                        (_, _) => firm.town = (!t.is_empty()).then_some(t),
                    }
                }
                Value::Code => {
                    let (code, padded) = read_code(cell).map_err(at)?;
                    if padded {
                        preview.notes.push(at(Text::new(
                            format!("代码补回前导 0：{}", code.clone().unwrap_or_default()),
                            format!(
                                "leading zero restored: {}",
                                code.clone().unwrap_or_default()
                            ),
                        )));
                    }
                    match kind {
                        TableKind::Industries => industry.code = code.unwrap_or_default(),
                        TableKind::Firms => firm.industry = code,
                    }
                }
                Value::Flag => {
                    let v = read_flag(cell).map_err(at)?;
                    match *field {
                        "leading" => firm.leading = v,
                        "sells_outside" => firm.sells_outside = v,
                        "specialised_sme" => firm.specialised_sme = v.unwrap_or(false),
                        "little_giant" => firm.little_giant = v.unwrap_or(false),
                        "single_champion" => firm.single_champion = v.unwrap_or(false),
                        _ => firm.high_tech = v.unwrap_or(false),
                    }
                }
                Value::Count | Value::People | Value::Money | Value::Share => {
                    let v = read_number(cell, *value, *factor).map_err(at)?;
                    match (kind, *field) {
                        (TableKind::Industries, "firms") => industry.firms = v.map(|v| v as u64),
                        (TableKind::Industries, "above_scale_firms") => {
                            industry.above_scale_firms = v.map(|v| v as u64)
                        }
                        (TableKind::Industries, "employment") => industry.employment = v,
                        (TableKind::Industries, "output") => industry.output = v,
                        (TableKind::Industries, "value_added") => industry.value_added = v,
                        (TableKind::Industries, _) => industry.outside_sales_share = v,
                        (_, "employment") => firm.employment = v,
                        (_, "revenue") => firm.revenue = v,
                        (_, _) => firm.local_sourcing_share = v,
                    }
                }
            }
        }
        let missing_key = match kind {
            TableKind::Industries => industry.code.is_empty(),
            TableKind::Firms => firm.name.is_empty(),
        };
        if missing_key {
            let col = matched.iter().find(|m| m.1 == key).map_or(0, |m| m.0);
            return Err(CellError {
                sheet: sheet.name.clone(),
                row: line,
                column: column_letter(col),
                reason: match kind {
                    TableKind::Industries => {
                        Text::new("行业代码为空", "the industry code is empty")
                    }
                    TableKind::Firms => Text::new("企业名称为空", "the firm name is empty"),
                },
            });
        }
        match kind {
            TableKind::Industries => preview.industries.push((line, industry)),
            TableKind::Firms => preview.firms.push((line, firm)),
        }
    }
    if preview.is_empty() {
        return Err(CellError {
            row: header_at + 1,
            ..CellError::sheet(
                &sheet.name,
                "表头下面没有数据行",
                "no data rows below the header",
            )
        });
    }
    Ok(preview)
}

/// The dataset with the previewed table in place of the current one, validated. A problem the validation finds
/// in an imported row is reported at that row and column of the sheet; nothing is applied then.
pub fn apply(d: &Dataset, p: &Preview) -> Result<Dataset, CellError> {
    let mut next = d.clone();
    match p.kind {
        TableKind::Industries => {
            next.industries = p.industries.iter().map(|(_, i)| i.clone()).collect();
        }
        TableKind::Firms => next.firms = p.firms.iter().map(|(_, f)| f.clone()).collect(),
    }
    next.validate().map_err(|e| locate(&e, p))?;
    Ok(next)
}

/// Maps a validation error's path (`firms[12].employment`) to the sheet cell it came from.
fn locate(e: &Error, p: &Preview) -> CellError {
    let reason = Text::new(e.message(Lang::Zh), e.message(Lang::En));
    let table = p.kind.field();
    let rest = e.path.strip_prefix(table).and_then(|r| r.strip_prefix('['));
    let index_and_field = rest.and_then(|r| {
        let (k, after) = r.split_once(']')?;
        Some((k.parse::<usize>().ok()?, after.trim_start_matches('.')))
    });
    let Some((k, field)) = index_and_field else {
        return CellError {
            sheet: p.sheet.clone(),
            row: 0,
            column: String::new(),
            reason,
        };
    };
    let row = match p.kind {
        TableKind::Industries => p.industries.get(k).map(|(r, _)| *r),
        TableKind::Firms => p.firms.get(k).map(|(r, _)| *r),
    }
    .unwrap_or(0);
    let field = field.split(['.', '[']).next().unwrap_or("");
    let column = p
        .columns
        .iter()
        .find(|c| c.field == Some(field))
        .map(|c| c.column.clone())
        .unwrap_or_default();
    CellError {
        sheet: p.sheet.clone(),
        row,
        column,
        reason,
    }
}

/// Template rows for a table: the header in the language, then one example row. Codes are text.
pub fn template(kind: TableKind, lang: Lang) -> Vec<Vec<String>> {
    let (zh, en, example): (&[&str], &[&str], &[&str]) = match kind {
        TableKind::Industries => (
            &[
                "行业代码",
                "行业名称",
                "企业数",
                "规上企业数",
                "就业人数（人）",
                "产值（万元）",
                "增加值（万元）",
                "外销比例（%）",
            ],
            &[
                "code",
                "name",
                "firms",
                "above-scale firms",
                "employment (人)",
                "output (万元)",
                "value added (万元)",
                "outside sales share (%)",
            ],
            &[
                "1762",
                "针织或钩针编织物及其制品制造",
                "120",
                "18",
                "6000",
                "150000",
                "32000",
                "85",
            ],
        ),
        TableKind::Firms => (
            &[
                "企业名称",
                "行业代码",
                "产业链环节",
                "就业人数（人）",
                "营业收入（万元）",
                "龙头企业",
                "专精特新",
                "高新技术企业",
                "本地配套率（%）",
                "外销",
                "所在镇",
            ],
            &[
                "firm name",
                "industry code",
                "stage",
                "employment (人)",
                "revenue (万元)",
                "leading firm",
                "specialised SME",
                "high-tech",
                "local sourcing share (%)",
                "sells outside",
                "town",
            ],
            &[
                "某某针织有限公司",
                "1762",
                "织造",
                "850",
                "42000",
                "是",
                "否",
                "否",
                "60",
                "是",
                "",
            ],
        ),
    };
    let header = match lang {
        Lang::Zh => zh,
        Lang::En => en,
    };
    vec![
        header.iter().map(|s| s.to_string()).collect(),
        example.iter().map(|s| s.to_string()).collect(),
    ]
}

/// CSV text (UTF-8 with BOM, CRLF) of rows, quoting where needed. Cells starting with `= + - @` get a leading
/// apostrophe so a spreadsheet shows them as text instead of running them as formulas.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV cell, neutralised and quoted.
pub fn csv_cell(c: &str) -> String {
    let c = if c.starts_with(['=', '+', '-', '@', '\t', '\r']) && c.parse::<f64>().is_err() {
        format!("'{c}")
    } else {
        c.to_string()
    };
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, text: &str) -> Sheet {
        Sheet {
            name: name.into(),
            rows: parse_delimited(text),
        }
    }

    #[test]
    fn csv_quoting_crlf_and_bom() {
        let rows =
            parse_delimited("\u{feff}a,\"b,1\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\r\n");
        assert_eq!(
            rows,
            vec![vec!["a", "b,1", "say \"hi\""], vec!["1", "two\nlines", "3"]]
        );
        assert_eq!(
            parse_delimited("x\ty\n1\t2"),
            vec![vec!["x", "y"], vec!["1", "2"]]
        );
        assert_eq!(
            parse_delimited("x;y\n1;2"),
            vec![vec!["x", "y"], vec!["1", "2"]]
        );
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn industries_with_chinese_headers_and_units() {
        let s = sheet(
            "Sheet1",
            "镇行业统计,,\n行业代码,行业名称,就业人数（万人）,产值（亿元）\n1762,针织,0.6,15\n\n0173,茶,\"1,200\",0.5\n",
        );
        let p = read(&s, None).unwrap();
        assert_eq!(p.kind, TableKind::Industries);
        assert_eq!(p.header_row, 2);
        assert_eq!(p.blank_rows, 1);
        let (row, i) = &p.industries[0];
        assert_eq!(
            (*row, i.code.as_str(), i.employment, i.output),
            (3, "1762", Some(6000.0), Some(150_000.0))
        );
        let (row, i) = &p.industries[1];
        assert_eq!(
            (*row, i.code.as_str(), i.employment, i.output),
            (5, "0173", Some(12_000_000.0), Some(5000.0))
        );
    }

    #[test]
    fn firms_with_english_headers_flags_and_percent() {
        let s = sheet(
            "firms",
            "firm name,industry code,revenue (亿元),leading firm,local sourcing share (%)\nA,1762,4.2,yes,60\nB,17.0,0.1,否,\n",
        );
        let p = read(&s, None).unwrap();
        assert_eq!(p.kind, TableKind::Firms);
        let a = &p.firms[0].1;
        assert_eq!(
            (a.revenue, a.leading, a.local_sourcing_share),
            (Some(42_000.0), Some(true), Some(0.6))
        );
        assert_eq!(p.firms[1].1.industry.as_deref(), Some("17"));
        assert_eq!(p.firms[1].1.leading, Some(false));
    }

    #[test]
    fn a_code_that_lost_its_leading_zero_is_restored_and_noted() {
        let p = read(&sheet("行业", "代码,就业人数\n5,10\n990,3\n511,4\n"), None).unwrap();
        let codes: Vec<&str> = p.industries.iter().map(|(_, i)| i.code.as_str()).collect();
        assert_eq!(codes, ["05", "0990", "511"]);
        assert_eq!(p.notes.len(), 2);
        assert_eq!(p.notes[1].cell(), "A3");
    }

    #[test]
    fn errors_name_sheet_row_column_and_cell() {
        let e = read(&sheet("企业", "企业名称,就业人数\n甲,12\n乙,十二\n"), None).unwrap_err();
        assert_eq!(
            (e.row, e.column.as_str(), e.cell().as_str()),
            (3, "B", "B3")
        );
        assert_eq!(
            e.message(Lang::Zh),
            "工作表“企业”第 3 行 B 列（B3）：“十二”不是数字"
        );
        assert_eq!(
            e.message(Lang::En),
            "sheet '企业', row 3, column B (cell B3): '十二' is not a number"
        );
        let e = read(&sheet("S", "行业代码,就业人数\n99x,1\n"), None).unwrap_err();
        assert_eq!(e.cell(), "A2");
        let e = read(&sheet("S", "hello\nworld\n"), None).unwrap_err();
        assert_eq!(e.row, 0);
        let e = read(&sheet("S", "行业代码,就业人数（千人）\n17,1\n"), None).unwrap_err();
        assert_eq!(e.cell(), "B1");
    }

    #[test]
    fn apply_is_all_or_nothing_and_locates_validation_errors() {
        let d = crate::dataset::Dataset::empty("甲镇");
        let e = read(&sheet("企业", "企业名称,就业人数\n甲,12\n,5\n"), None).unwrap_err();
        assert_eq!((e.row, e.cell().as_str()), (3, "A3"), "{e:?}");
        let p = read(
            &sheet("企业", "企业名称,本地配套率（%）\n甲,50\n乙,150\n"),
            None,
        )
        .unwrap();
        let e = apply(&d, &p).unwrap_err();
        assert_eq!((e.row, e.cell().as_str()), (3, "B3"), "{e:?}");
        let p = read(&sheet("企业", "企业名称,就业人数\n甲,12\n乙,5\n"), None).unwrap();
        let next = apply(&d, &p).unwrap();
        assert_eq!(next.firms.len(), 2);
        assert_eq!(next.firms[1].employment, Some(5.0));
    }

    #[test]
    fn templates_read_back_as_their_table() {
        for lang in [Lang::Zh, Lang::En] {
            for kind in [TableKind::Industries, TableKind::Firms] {
                let rows = template(kind, lang);
                let csv = to_csv(&rows);
                let p = read(&sheet("Sheet1", &csv), Some(kind)).unwrap();
                assert_eq!(p.len(), 1, "{kind:?} {lang:?}");
                let mapped = p.columns.iter().filter(|c| c.field.is_some()).count();
                assert_eq!(
                    mapped,
                    rows[0].len(),
                    "{kind:?} {lang:?}: every template column is read"
                );
                apply(&crate::dataset::Dataset::empty("甲镇"), &p).unwrap();
            }
        }
    }

    #[test]
    fn csv_cells_are_neutralised() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-12.5"), "-12.5");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
    }
}
