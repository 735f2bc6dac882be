//! A workbook as a whole: which of its sheets the import shows (and why others were passed over), the refusal
//! of the calculator's own results workbook, and what an import keeps of the dataset it replaces into.

use super::*;

pub(super) fn results_refusal(sheet: &str) -> CellError {
    CellError::sheet(
        sheet,
        "这是本计算器导出的结果工作簿（摘要、区位商……），不是数据表：请打开保存的数据文件（.json），或导入原始统计表",
        "this is the results workbook the calculator exports (Summary, Location quotients, …), not a data table: open the saved dataset file (.json) or import the original tables",
    )
}

/// Refuses a workbook that is the calculator's own results export (its sheets 摘要, 区位商, …): importing it
/// would strip firm counts, output, shares and history.
pub fn check_workbook(sheet_names: &[String]) -> Result<(), CellError> {
    let hits = sheet_names
        .iter()
        .filter(|n| RESULTS_SHEETS.contains(&n.trim()))
        .count();
    let has = |a: &str, b: &str| sheet_names.iter().any(|n| n.trim() == a || n.trim() == b);
    if hits >= 3 && has("摘要", "Summary") && has("区位商", "Location quotients") {
        return Err(results_refusal(
            sheet_names.first().map(String::as_str).unwrap_or(""),
        ));
    }
    Ok(())
}

/// The sheet of a workbook the import shows, and why the sheets before it were passed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Index of the sheet shown.
    pub index: usize,
    /// Its preview, or the problem inside its table.
    pub result: Result<Preview, CellError>,
    /// Sheets passed over before it: blank, or without a table (the reason says which).
    pub skipped: Vec<CellError>,
    /// Names of the non-blank sheets after it, not read (the user may pick one).
    pub others: Vec<String>,
}

impl Sheet {
    /// No cell with anything but spaces in it (the app and the CLI pass such a sheet over).
    pub fn is_blank(&self) -> bool {
        self.rows
            .iter()
            .all(|r| r.iter().all(|c| c.trim().is_empty()))
    }
}

/// The sheet the user meant, by the CLI's rule: the first sheet with a table — one that reads, or one whose
/// table has a problem in a row (that problem is shown: the user meant that table, and a later sheet must not
/// stand in for it silently). Blank sheets and sheets without a table are passed over and said to be. When no
/// sheet has a table, the first non-blank sheet's problem is shown. Each sheet is read at most once.
pub fn choose_sheet(sheets: &[Sheet], kind: Option<TableKind>) -> Option<Chosen> {
    let mut skipped = Vec::new();
    let mut first_problem: Option<(usize, CellError)> = None;
    for (k, sheet) in sheets.iter().enumerate() {
        if sheet.is_blank() {
            skipped.push(CellError::sheet(&sheet.name, "空白工作表", "blank sheet"));
            continue;
        }
        match read(sheet, kind) {
            Err(e) if e.row == 0 && e.reason != results_refusal("").reason => {
                first_problem.get_or_insert((k, e.clone()));
                skipped.push(e);
            }
            result => {
                let others = sheets[k + 1..]
                    .iter()
                    .filter(|s| !s.is_blank())
                    .map(|s| s.name.clone())
                    .collect();
                return Some(Chosen {
                    index: k,
                    result,
                    skipped,
                    others,
                });
            }
        }
    }
    let (index, e) = first_problem?;
    skipped.retain(|s| s.sheet != e.sheet);
    Some(Chosen {
        index,
        result: Err(e),
        skipped,
        others: Vec::new(),
    })
}

/// How many industries of `d` the import would keep the history of: the table gives an industry no earlier
/// years, and the dataset has them for the same code (`apply` carries them over).
pub fn history_kept(d: &Dataset, p: &Preview) -> usize {
    if p.kind != TableKind::Industries {
        return 0;
    }
    p.industries
        .iter()
        .filter(|(_, i)| {
            i.history.is_empty()
                && d.industries
                    .iter()
                    .any(|old| old.code == i.code && !old.history.is_empty())
        })
        .count()
}
