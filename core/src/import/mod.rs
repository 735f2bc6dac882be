//! Tables from spreadsheets into the dataset (issues 5, 15, 19): CSV and tab-separated text (a paste from Excel or
//! WPS), and the cell text of an .xlsx sheet that the app's spreadsheet module reads. Tables come as a township
//! statistics office makes them: title rows, a 单位 row, a two-row header (从业人员 over 平均人数 / 期末人数), a 栏次
//! row, 合计/小计/其中 rows, numbers as text with separators or full-width digits, codes as numbers. The importer
//! maps the header to dataset fields by Chinese or English names (the indicator names of the 一套表 and the
//! economic census among them), converts units (元 / 千元 / 万元 / 亿元, 人 / 万人, %) once and to the precision
//! given, keeps industry codes as text (2–4 digits or a 门类 letter), drops total rows after checking them against
//! the sum, keeps earlier years as history, and names the sheet, row, column and cell of anything it cannot read.
//!
//! An import is all or nothing: [`read`] gives a preview that says what every column became and every row that
//! was left out, [`apply`] returns a new validated dataset or the first problem, located in the sheet, never a
//! partly changed dataset.

use crate::dataset::{is_industry_code, limits, Dataset, Firm, Industry};
use crate::error::Error;
use crate::lang::{Lang, Text};
use serde::Serialize;

mod cells;
mod fields;
mod files;
mod headers;
mod rows;
mod template;
#[cfg(test)]
mod tests;
mod workbook;

pub use cells::*;
pub use fields::field_label;
use fields::*;
pub use files::*;
use headers::*;
use rows::*;
pub use template::*;
pub use workbook::*;

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

/// A header column and what it became: a dataset field with the factor that converts its unit, or nothing, with
/// the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnMatch {
    pub column: String,
    /// The header as shown; a two-row header joined (`从业人员 / 平均人数`).
    pub header: String,
    /// The dataset field (`employment`, `revenue`, …), or `None` when the column is ignored.
    pub field: Option<&'static str>,
    /// Multiplies the cell value into the dataset unit (亿元 → 万元 = 10 000); 1 when none applies.
    pub factor: f64,
    /// The unit the column was read in (from its header, a unit row or the sheet's 单位 row); empty if none.
    pub unit: String,
    /// The year the column holds when its header names one (`2022年从业人员`); an earlier year is history.
    pub year: Option<i32>,
    /// Why the column is ignored, or what was decided about it (a unit conversion, 营业收入 as output).
    pub note: Option<Text>,
}

/// What an import would do, shown before it is applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Preview {
    pub kind: TableKind,
    pub sheet: String,
    /// 1-based row of the header (its first row when it has two).
    pub header_row: usize,
    /// 1-based last row of the header (`header_row + 1` for a two-row header).
    pub header_last_row: usize,
    pub columns: Vec<ColumnMatch>,
    /// The rows read, with the sheet row each came from.
    pub industries: Vec<(usize, Industry)>,
    pub firms: Vec<(usize, Firm)>,
    /// Blank rows skipped.
    pub blank_rows: usize,
    /// Rows that are not imported: totals, subtotals, parts (其中), an industry listed with its breakdown.
    pub dropped_rows: Vec<usize>,
    /// The year of the current figures, when the table names years (a year column or years in headers).
    pub year: Option<i32>,
    /// What was decided on the way, located: units converted, totals dropped (and whether they match the sum),
    /// a code that Excel turned into a number and lost its leading zero.
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

    /// The preview as lines of text: the table, each column and what it became, then the notes.
    pub fn describe(&self, lang: Lang) -> Vec<String> {
        let table = match (self.kind, lang) {
            (TableKind::Industries, Lang::Zh) => "行业表",
            (TableKind::Firms, Lang::Zh) => "企业表",
            (TableKind::Industries, Lang::En) => "industries table",
            (TableKind::Firms, Lang::En) => "firm list",
        };
        let rows = if self.header_last_row > self.header_row {
            format!("{}–{}", self.header_row, self.header_last_row)
        } else {
            self.header_row.to_string()
        };
        let year = self
            .year
            .map(|y| {
                lang.pick(&format!("，{y} 年"), &format!(", year {y}"))
                    .to_string()
            })
            .unwrap_or_default();
        let mut out = vec![match lang {
            Lang::Zh => format!(
                "工作表“{}”：{table}，表头在第 {rows} 行，导入 {} 行{year}",
                self.sheet,
                self.len()
            ),
            Lang::En => format!(
                "sheet '{}': {table}, header in row {rows}, {} rows imported{year}",
                self.sheet,
                self.len()
            ),
        }];
        for c in &self.columns {
            if c.header.is_empty() && c.field.is_none() {
                continue;
            }
            let what = match c.field {
                Some(f) => {
                    let label = field_label(self.kind, f);
                    label.get(lang).to_string()
                }
                None => lang.pick("不导入", "not imported").to_string(),
            };
            let note = c
                .note
                .as_ref()
                .map(|n| format!("{}{}", lang.pick("；", "; "), n.get(lang)))
                .unwrap_or_default();
            out.push(format!("  {} {} → {what}{note}", c.column, c.header));
        }
        for n in &self.notes {
            out.push(format!("  · {}", n.message(lang)));
        }
        out
    }
}

/// Sheet names of the results workbook the app exports (both languages).
const RESULTS_SHEETS: &[&str] = &[
    "摘要",
    "区位商",
    "乘数",
    "产业链",
    "成熟度",
    "认定清单",
    "对策建议",
    "Summary",
    "Location quotients",
    "Multipliers",
    "Value chain",
    "Maturity",
    "Checklists",
    "Measures",
];

/// Reads a sheet into a preview. `kind` forces the table; `None` decides from the headers and the sheet name.
pub fn read(sheet: &Sheet, kind: Option<TableKind>) -> Result<Preview, CellError> {
    let scan = sheet.rows.len().min(HEADER_SCAN_ROWS);
    if (0..scan).any(|r| results_header(&build_header(&sheet.rows, r, false))) {
        return Err(results_refusal(&sheet.name));
    }
    let kind = kind.or_else(|| detect(sheet)).ok_or_else(|| {
        CellError::sheet(
            &sheet.name,
            "前二十行中找不到表头：需要“行业代码”“从业人员平均人数”等列名（可下载模板对照）",
            "no header row in the first twenty rows: columns such as 'code' and 'employment' are needed (see the template)",
        )
    })?;
    let header = find_header(&sheet.rows, kind).ok_or_else(|| {
        CellError::sheet(
            &sheet.name,
            "前二十行中找不到表头：至少要有两列能对应到数据项（可下载模板对照）",
            "no header row in the first twenty rows: at least two columns must name a data field (see the template)",
        )
    })?;
    let mut matched = match_header(&header, kind);
    let has = |m: &[Result<ColumnUse, Text>], f: &str| m.iter().flatten().any(|u| u.field == f);
    let key_ok = match kind {
        TableKind::Industries => has(&matched, "code") || has(&matched, "name"),
        TableKind::Firms => has(&matched, "name"),
    };
    if !key_ok {
        let (zh, en) = match kind {
            TableKind::Industries => ("缺少“行业代码”列", "the 'code' column is missing"),
            TableKind::Firms => ("缺少“企业名称”列", "the 'name' column is missing"),
        };
        return Err(CellError {
            row: header.first + 1,
            ..CellError::sheet(&sheet.name, zh, en)
        });
    }

    // Units: a 单位 row above the header or just below it, a row of units under the header.
    let mut declared: Option<(usize, RowUnits)> = None;
    for r in 0..header.first {
        if let Some(u) = sheet.rows.get(r).and_then(|row| unit_row(row)) {
            if u.columns.is_empty() {
                declared = Some((r, u));
            }
        }
    }
    let mut skip: Vec<usize> = Vec::new();
    let mut per_column: Option<(usize, RowUnits)> = None;
    for r in header.last + 1..sheet.rows.len().min(header.last + 4) {
        let Some(row) = sheet.rows.get(r) else { break };
        if row.iter().all(|c| is_blank(c)) {
            continue;
        }
        if column_number_row(row) {
            skip.push(r);
            continue;
        }
        match unit_row(row) {
            Some(u) if u.columns.is_empty() => {
                declared = Some((r, u));
                skip.push(r);
            }
            Some(u) => {
                per_column = Some((r, u));
                skip.push(r);
            }
            None => break,
        }
    }

    // Years in headers: the latest is the current year, earlier ones are history.
    let col_year = matched.iter().flatten().filter_map(|u| u.year).max();
    let untagged = |m: &[Result<ColumnUse, Text>], f: &str| {
        m.iter().flatten().any(|u| u.field == f && u.year.is_none())
    };
    for k in 0..matched.len() {
        let Ok(u) = &matched[k] else { continue };
        let Some(y) = u.year else { continue };
        let reason = if Some(y) == col_year && untagged(&matched, u.field) {
            Some(Text::new(
                format!("已有不带年份的{}列", field_label(kind, u.field).zh),
                format!(
                    "a {} column without a year is used",
                    field_label(kind, u.field).en
                ),
            ))
        } else if Some(y) != col_year
            && (kind == TableKind::Firms
                || !matches!(u.field, "firms" | "employment" | "output" | "value_added"))
        {
            Some(Text::new(
                format!(
                    "只导入最近一年（{}）的{}",
                    col_year.unwrap_or(y),
                    field_label(kind, u.field).zh
                ),
                format!(
                    "only the latest year's ({}) {} is imported",
                    col_year.unwrap_or(y),
                    field_label(kind, u.field).en
                ),
            ))
        } else {
            None
        };
        if let Some(r) = reason {
            matched[k] = Err(r);
        }
    }

    // Columns in use, with their units and factors.
    let mut cols: Vec<Col> = Vec::new();
    let mut col_notes: Vec<(usize, Text)> = Vec::new();
    let mut notes: Vec<CellError> = Vec::new();
    let has_output_column = matched
        .iter()
        .flatten()
        .any(|u| u.field == "output" && u.tier == 0);
    for u in matched.iter().flatten() {
        let hc = header.cols.get(u.col).cloned().unwrap_or_default();
        let mut unit = hc.unit.clone();
        // The row the unit came from, and what it says there.
        let mut from: Option<(usize, String)> = None;
        if unit.is_empty() {
            if let Some((r, pc)) = &per_column {
                if let Some((_, un)) = pc.columns.iter().find(|(k, _)| *k == u.col) {
                    unit = un.clone();
                    from = Some((r + 1, un.clone()));
                }
            }
        }
        if unit.is_empty() {
            if let Some((r, d)) = &declared {
                let u2 = match u.value {
                    Value::Money => d.money.clone(),
                    Value::People => d.people.clone(),
                    _ => None,
                };
                if let Some(u2) = u2 {
                    unit = u2;
                    from = Some((r + 1, d.text.clone()));
                }
            }
        }
        let factor = unit_factor(u.value, &unit).map_err(|reason| CellError {
            sheet: sheet.name.clone(),
            row: from.as_ref().map_or(header.first + 1, |f| f.0),
            column: column_letter(u.col),
            reason,
        })?;
        let history = u.year.is_some() && u.year != col_year;
        let name = hc
            .label
            .split(['（', '('])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let mut parts: Vec<Text> = Vec::new();
        let source = match &from {
            None => Text::new(String::new(), String::new()),
            Some((r, said)) => Text::new(
                format!("（据第 {r} 行“{said}”）"),
                format!(" (from row {r}: '{said}')"),
            ),
        };
        if factor != 1.0 && matches!(u.value, Value::Money | Value::People) {
            let target = dataset_unit(u.value);
            notes.push(CellError {
                sheet: sheet.name.clone(),
                row: header.first + 1,
                column: column_letter(u.col),
                reason: Text::new(
                    format!("{name}：{unit} → {target}{}", source.zh),
                    format!("{name}: {unit} → {target}{}", source.en),
                ),
            });
            parts.push(Text::new(
                format!("{unit} → {target}{}", source.zh),
                format!("{unit} → {target}{}", source.en),
            ));
        } else if !unit.is_empty() && from.is_some() {
            parts.push(Text::new(
                format!("单位 {unit}{}", source.zh),
                format!("unit {unit}{}", source.en),
            ));
        }
        if kind == TableKind::Industries && u.field == "output" && u.tier > 0 && !has_output_column
        {
            parts.push(Text::new(
                "无产值列，营业收入作产值",
                "no output column: revenue is used as output",
            ));
        }
        if history {
            let y = u.year.unwrap_or_default();
            parts.push(Text::new(
                format!("{y} 年的数，作历史数据"),
                format!("the {y} figure, kept as history"),
            ));
        }
        if !parts.is_empty() {
            col_notes.push((u.col, Text::joined(&parts)));
        }
        cols.push(Col {
            u: u.clone(),
            factor,
            history,
        });
    }

    // The rows.
    let limit = match kind {
        TableKind::Industries => limits::INDUSTRIES,
        TableKind::Firms => limits::FIRMS,
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut blank_rows = 0;
    let mut data_rows = 0usize;
    for (r, row) in sheet.rows.iter().enumerate().skip(header.last + 1) {
        if skip.contains(&r) {
            continue;
        }
        if row.iter().all(|c| is_blank(c)) {
            blank_rows += 1;
            continue;
        }
        let parsed = read_row(sheet, kind, &cols, row, r + 1, &mut notes)?;
        if parsed.status == Status::Data {
            data_rows += 1;
            // Room for the totals and the breakdowns dropped later; the exact count is checked below.
            if data_rows > limit.saturating_mul(2) {
                return Err(CellError {
                    row: r + 1,
                    ..CellError::sheet(
                        &sheet.name,
                        format!("行数超过上限 {limit}"),
                        format!("more than {limit} rows"),
                    )
                });
            }
        }
        rows.push(parsed);
    }
    // Section letters taken from names are divisions when the rest of the table is at division level.
    if rows.iter().any(|r| {
        r.code
            .as_deref()
            .is_some_and(|c| c.bytes().all(|b| b.is_ascii_digit()))
    }) {
        for r in rows.iter_mut().filter(|r| r.code_from_name) {
            let name = r
                .texts
                .iter()
                .map(|(_, t)| t.as_str())
                .find(|t| crate::gbt4754::code_for_name(t).as_deref() == r.code.as_deref());
            if let Some(d) = name.and_then(crate::gbt4754::division_for_name) {
                r.code = Some(d.code.to_string());
            }
        }
    }
    // Share columns: fractions under a （%） header, or percentages under a header without it.
    for (i, c) in cols.iter_mut().enumerate() {
        if c.u.value != Value::Share {
            continue;
        }
        let (factor, note) = share_factor(&rows, i, c.factor);
        c.factor = factor;
        if let Some(n) = note {
            notes.push(CellError {
                sheet: sheet.name.clone(),
                row: header.first + 1,
                column: column_letter(c.u.col),
                reason: n.clone(),
            });
            col_notes.push((c.u.col, n));
        }
    }
    convert_rows(sheet, &cols, &mut rows)?;
    drop_totals(sheet, kind, &cols, &mut rows, &mut notes)?;

    let row_year = rows
        .iter()
        .filter(|r| r.status == Status::Data)
        .filter_map(|r| r.year)
        .max();
    let year = match (col_year, row_year) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let dropped_rows: Vec<usize> = rows
        .iter()
        .filter(|r| r.status == Status::Dropped)
        .map(|r| r.line)
        .collect();
    let mut preview = Preview {
        kind,
        sheet: sheet.name.clone(),
        header_row: header.first + 1,
        header_last_row: header.last + 1,
        columns: Vec::new(),
        industries: Vec::new(),
        firms: Vec::new(),
        blank_rows,
        dropped_rows,
        year,
        notes: Vec::new(),
    };
    match kind {
        TableKind::Industries => preview.industries = industries(&cols, &rows, row_year),
        TableKind::Firms => {
            preview.firms = firms(&cols, &rows, row_year);
            let older = rows
                .iter()
                .filter(|r| r.status == Status::Data && r.year.is_some() && r.year != row_year)
                .count();
            if older > 0 {
                let y = row_year.unwrap_or_default();
                notes.push(CellError::sheet(
                    &sheet.name,
                    format!("企业表只导入最近一年（{y} 年）的 {} 行；更早年份的 {older} 行未导入", preview.firms.len()),
                    format!("a firm list imports the latest year ({y}) only, {} rows; {older} rows of earlier years are not imported", preview.firms.len()),
                ));
            }
        }
    }
    if kind == TableKind::Industries && row_year.is_some() {
        let years: std::collections::BTreeSet<i32> = rows
            .iter()
            .filter(|r| r.status == Status::Data)
            .filter_map(|r| r.year)
            .filter(|y| Some(*y) != row_year)
            .collect();
        if !years.is_empty() {
            let list: Vec<String> = years.iter().map(i32::to_string).collect();
            notes.push(CellError::sheet(
                &sheet.name,
                format!(
                    "{} 年的数作为当前数，{} 年的数作为历史数据",
                    row_year.unwrap_or_default(),
                    list.join("、")
                ),
                format!(
                    "{} figures are the current ones; {} are kept as history",
                    row_year.unwrap_or_default(),
                    list.join(", ")
                ),
            ));
        }
    }
    if preview.len() > limit {
        let row = match kind {
            TableKind::Industries => preview.industries.get(limit).map(|(r, _)| *r),
            TableKind::Firms => preview.firms.get(limit).map(|(r, _)| *r),
        };
        return Err(CellError {
            row: row.unwrap_or(0),
            ..CellError::sheet(
                &sheet.name,
                format!("行数超过上限 {limit}"),
                format!("more than {limit} rows"),
            )
        });
    }
    preview.columns = header
        .cols
        .iter()
        .enumerate()
        .map(|(k, h)| {
            let m = matched.get(k);
            let col = cols.iter().find(|c| c.u.col == k);
            let note = match m {
                Some(Err(reason)) if !h.label.is_empty() => Some(reason.clone()),
                _ => {
                    let parts: Vec<&Text> = col_notes
                        .iter()
                        .filter(|(c, _)| *c == k)
                        .map(|(_, t)| t)
                        .collect();
                    (!parts.is_empty()).then(|| Text::joined(parts))
                }
            };
            let unit = match (col, m) {
                (Some(c), _) if c.factor != 1.0 || !h.unit.is_empty() => {
                    let from_rows = col_notes.iter().any(|(ck, _)| *ck == k);
                    if h.unit.is_empty() && from_rows {
                        declared
                            .as_ref()
                            .and_then(|(_, d)| match c.u.value {
                                Value::Money => d.money.clone(),
                                Value::People => d.people.clone(),
                                _ => None,
                            })
                            .or_else(|| {
                                per_column.as_ref().and_then(|(_, p)| {
                                    p.columns
                                        .iter()
                                        .find(|(pk, _)| *pk == k)
                                        .map(|(_, u)| u.clone())
                                })
                            })
                            .unwrap_or_default()
                    } else {
                        h.unit.clone()
                    }
                }
                _ => h.unit.clone(),
            };
            ColumnMatch {
                column: column_letter(k),
                header: h.label.clone(),
                field: col.map(|c| c.u.field),
                factor: col.map_or(1.0, |c| c.factor),
                unit,
                year: h.year,
                note,
            }
        })
        .collect();
    preview.notes = notes;
    if preview.is_empty() {
        return Err(CellError {
            row: header.last + 1,
            ..CellError::sheet(
                &sheet.name,
                "表头下面没有数据行",
                "no data rows below the header",
            )
        });
    }
    Ok(preview)
}

/// Industries made from a firm list, for a town that has a firm list but no industries table: firms counted and
/// their employment and revenue summed by division (大类; a 4-digit 小类 or 3-digit 中类 rolls up to its first two
/// digits, a 门类 letter stays). Firms without a code are left out and counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RolledUp {
    pub industries: Vec<Industry>,
    /// Firms without an industry code (not in any industry).
    pub uncoded: usize,
    /// Firms whose employment or revenue is unknown (the industry's sum leaves them out).
    pub missing_employment: usize,
    pub missing_revenue: usize,
}

pub fn industries_from_firms(firms: &[Firm]) -> RolledUp {
    let mut out = RolledUp {
        industries: Vec::new(),
        uncoded: 0,
        missing_employment: 0,
        missing_revenue: 0,
    };
    for f in firms {
        let Some(code) = f
            .industry
            .as_deref()
            .and_then(crate::gbt4754::division_code)
        else {
            out.uncoded += 1;
            continue;
        };
        let k = match out.industries.iter().position(|i| i.code == code) {
            Some(k) => k,
            None => {
                out.industries.push(Industry {
                    name: crate::gbt4754::code_name(&code, Lang::Zh)
                        .unwrap_or_default()
                        .to_string(),
                    code,
                    firms: Some(0),
                    ..Industry::default()
                });
                out.industries.len() - 1
            }
        };
        let ind = &mut out.industries[k];
        ind.firms = Some(ind.firms.unwrap_or(0) + 1);
        match f.employment {
            Some(e) => ind.employment = Some(ind.employment.unwrap_or(0.0) + e),
            None => out.missing_employment += 1,
        }
        match f.revenue {
            Some(r) => ind.output = Some(ind.output.unwrap_or(0.0) + r),
            None => out.missing_revenue += 1,
        }
    }
    for ind in &mut out.industries {
        // Sums of decimals (万元 from 千元) carry float noise; the inputs had at most four decimals.
        ind.output = ind.output.map(|v| (v * 1e4).round() / 1e4);
        ind.employment = ind.employment.map(|v| (v * 1e4).round() / 1e4);
    }
    out.industries.sort_by(|a, b| a.code.cmp(&b.code));
    out
}

/// The dataset with the previewed table in place of the current one, validated. A problem the validation finds
/// in an imported row is reported at that row and column of the sheet; nothing is applied then.
///
/// A table that names its year (a year column, or years in its headers) sets the town's year when the dataset
/// has none; a dataset of another year is refused, as the current figures and the history would be misdated.
pub fn apply(d: &Dataset, p: &Preview) -> Result<Dataset, CellError> {
    let mut next = d.clone();
    match (p.year, d.town.year) {
        (Some(y), None) => next.town.year = Some(y),
        (Some(y), Some(t)) if y != t => {
            return Err(CellError::sheet(
                &p.sheet,
                format!("表中最近一年是 {y} 年，而本镇数据的年份是 {t} 年：请先把本镇年份改为 {y}，或只导入 {t} 年的数"),
                format!("the table's latest year is {y}, but the town's figures are for {t}: change the town's year to {y} first, or import the {t} figures only"),
            ));
        }
        _ => {}
    }
    match p.kind {
        TableKind::Industries => {
            // A table of this year's figures replaces them; the earlier years the dataset holds for the same
            // code stay (an industry table rarely carries history, and losing it would lose the life cycle).
            next.industries = p
                .industries
                .iter()
                .map(|(_, i)| {
                    let mut i = i.clone();
                    if i.history.is_empty() {
                        if let Some(old) = d.industries.iter().find(|o| o.code == i.code) {
                            i.history = old.history.clone();
                        }
                    }
                    i
                })
                .collect();
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
