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

mod cells;
mod headers;
mod template;
#[cfg(test)]
mod tests;

pub use cells::*;
use headers::*;
pub use template::*;

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
