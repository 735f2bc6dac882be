//! The rows under the header: data rows read into industries or firms (with the years a table carries), and the
//! rows that are not data — 合计, 小计 and 其中 rows, a row that is the sum of the others, an industry whose
//! breakdown follows it — dropped, each checked against the sum of the rows it totals and noted.

use super::*;
use crate::dataset::YearFigures;

/// A column in use with its conversion factor and the unit it was read in.
#[derive(Debug, Clone)]
pub(crate) struct Col {
    pub u: ColumnUse,
    pub factor: f64,
    /// The column is an earlier year's figure (history), not the current one.
    pub history: bool,
}

/// One row read from the sheet.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub line: usize,
    pub status: Status,
    /// The label shown in notes (code, name or the total label).
    pub label: String,
    pub code: Option<String>,
    /// The code came from a standard name that is also a division's.
    pub code_from_name: bool,
    pub texts: Vec<(usize, String)>,
    pub flags: Vec<(usize, Option<bool>)>,
    /// Column index in `cols` → number (converted) and its precision in dataset units.
    pub nums: Vec<Option<(f64, f64)>>,
    pub raw: Vec<Option<RawNum>>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Data,
    Label(TotalKind),
    /// No key (code or name) but numbers: a total row without a label, if it is the sum of the others.
    Unlabeled,
    Dropped,
}

fn cell_at(row: &[String], k: usize) -> &str {
    row.get(k).map(String::as_str).unwrap_or("")
}

/// A value kind that is summed in a total row.
pub(crate) fn summable(v: Value) -> bool {
    matches!(v, Value::Count | Value::People | Value::Money)
}

/// Reads one data row. Total rows are read leniently (a cell that is not a number does not stop the import).
pub(crate) fn read_row(
    sheet: &Sheet,
    kind: TableKind,
    cols: &[Col],
    row: &[String],
    line: usize,
    notes: &mut Vec<CellError>,
) -> Result<Row, CellError> {
    let at = |col: usize, reason: Text| CellError {
        sheet: sheet.name.clone(),
        row: line,
        column: column_letter(col),
        reason,
    };
    // A total label in a key column or in the first non-blank cell.
    let first = row.iter().position(|c| !c.trim().is_empty());
    let label_cols = cols
        .iter()
        .filter(|c| matches!(c.u.value, Value::Text | Value::Code))
        .map(|c| c.u.col)
        .chain(first);
    let mut total = None;
    for k in label_cols {
        if let Some(t) = total_label(cell_at(row, k)) {
            total = Some((t, cell_at(row, k).trim().to_string()));
            break;
        }
    }
    let lenient = total.is_some();
    let mut out = Row {
        line,
        status: match total {
            Some((t, _)) => Status::Label(t),
            None => Status::Data,
        },
        label: total.map(|(_, l)| l).unwrap_or_default(),
        code: None,
        code_from_name: false,
        texts: Vec::new(),
        flags: Vec::new(),
        nums: vec![None; cols.len()],
        raw: vec![None; cols.len()],
        year: None,
    };
    let mut name_in_code = None;
    for (i, c) in cols.iter().enumerate() {
        let text = cell_at(row, c.u.col);
        if text.chars().count() > limits::TEXT_CHARS {
            return Err(at(
                c.u.col,
                Text::new(
                    format!("内容超过 {} 个字符", limits::TEXT_CHARS),
                    format!("longer than {} characters", limits::TEXT_CHARS),
                ),
            ));
        }
        match c.u.value {
            Value::Text => {
                // A line break inside a cell (Alt+Enter) is not part of a name.
                let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
                out.texts.push((c.u.col, t));
            }
            Value::Code if !lenient => {
                let r = read_code(text).map_err(|e| at(c.u.col, e))?;
                if let Some(n) = r.note {
                    notes.push(at(c.u.col, n));
                }
                out.code_from_name = r.code.is_some() && r.name.as_deref() == Some(text.trim());
                out.code = r.code;
                name_in_code = r.name;
            }
            Value::Code => {}
            Value::Year => match read_year(text) {
                Ok(y) => out.year = y,
                Err(e) if !lenient => return Err(at(c.u.col, e)),
                Err(_) => {}
            },
            Value::Flag if !lenient => {
                out.flags
                    .push((c.u.col, read_flag(text).map_err(|e| at(c.u.col, e))?));
            }
            Value::Flag => {}
            Value::Count | Value::People | Value::Money | Value::Share => {
                match parse_number(text) {
                    Ok(n) => out.raw[i] = n,
                    Err(e) if !lenient => return Err(at(c.u.col, e)),
                    Err(_) => {}
                }
            }
        }
    }
    if lenient {
        return Ok(out);
    }
    // The key: an industry's code (or a standard name that gives one), a firm's name.
    let name_col = cols.iter().find(|c| c.u.field == "name").map(|c| c.u.col);
    let name = name_col
        .and_then(|k| out.texts.iter().find(|(c, _)| *c == k))
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    match kind {
        TableKind::Industries => {
            if name.is_empty() {
                match (name_in_code, name_col) {
                    (Some(n), Some(k)) => {
                        out.texts.retain(|(c, _)| *c != k);
                        out.texts.push((k, n));
                    }
                    (Some(n), None) => out.texts.push((usize::MAX, n)),
                    _ => {}
                }
            }
            if out.code.is_none() && !name.is_empty() {
                match crate::gbt4754::code_for_name(&name) {
                    Some(code) => {
                        out.code_from_name = true;
                        notes.push(at(
                            name_col.unwrap_or(0),
                            Text::new(
                                format!("按标准名称“{name}”取代码 {code}"),
                                format!("code {code} taken from the standard name '{name}'"),
                            ),
                        ));
                        out.code = Some(code);
                    }
                    None if !cols.iter().any(|c| c.u.field == "code") => {
                        return Err(at(
                            name_col.unwrap_or(0),
                            Text::new(
                                format!("“{}”不是 GB/T 4754 的行业名称，无法确定行业代码：请加“行业代码”列", shorten(&name)),
                                format!("'{}' is not a GB/T 4754 industry name, so its code is unknown: add a 'code' column", shorten(&name)),
                            ),
                        ));
                    }
                    None => {}
                }
            }
            out.label = out.code.clone().unwrap_or_default();
            if !name.is_empty() {
                out.label = format!("{} {name}", out.label).trim().to_string();
            }
            if out.code.is_none() {
                out.status = Status::Unlabeled;
            }
        }
        TableKind::Firms => {
            out.label = name.clone();
            if name.is_empty() {
                out.status = Status::Unlabeled;
            }
        }
    }
    Ok(out)
}

/// The factor a share column really has: a `（%）` header over values that are all fractions (an Excel cell in
/// percent format holds 0.95 and shows 95 %) is read as fractions, and a share header without `%` over values
/// above 1 (85 for 85 %) as percentages. Returns the factor and the note, if it changed.
pub(crate) fn share_factor(rows: &[Row], i: usize, factor: f64) -> (f64, Option<Text>) {
    let values: Vec<f64> = rows
        .iter()
        .filter(|r| r.status == Status::Data)
        .filter_map(|r| r.raw.get(i).copied().flatten())
        .filter(|n| !n.percent)
        .map(|n| n.v)
        .collect();
    if values.is_empty() {
        return (factor, None);
    }
    let fractions = values.iter().all(|v| (0.0..=1.0).contains(v))
        && values.iter().any(|v| *v > 0.0 && *v < 1.0);
    let percents =
        values.iter().any(|v| *v > 1.0) && values.iter().all(|v| (0.0..=100.0).contains(v));
    if factor == 0.01 && fractions {
        (
            1.0,
            Some(Text::new(
                "列名带“%”，但各值都在 0–1 之间（单元格为百分比格式），按比例读，不再除以 100",
                "the header says %, but every value is between 0 and 1 (cells in percent format): read as fractions, not divided by 100 again",
            )),
        )
    } else if factor == 1.0 && percents {
        (
            0.01,
            Some(Text::new(
                "数值大于 1，按百分数读（85 → 0.85）",
                "values above 1 are read as percentages (85 → 0.85)",
            )),
        )
    } else {
        (factor, None)
    }
}

/// Converts the raw numbers of every row with the columns' factors.
pub(crate) fn convert_rows(sheet: &Sheet, cols: &[Col], rows: &mut [Row]) -> Result<(), CellError> {
    for r in rows.iter_mut() {
        for (i, c) in cols.iter().enumerate() {
            let Some(n) = r.raw.get(i).copied().flatten() else {
                continue;
            };
            let v = convert(n, c.factor);
            if r.status != Status::Label(TotalKind::Total)
                && r.status != Status::Label(TotalKind::Subtotal)
                && r.status != Status::Label(TotalKind::Part)
            {
                check_count(&format!("{}", n.v), c.u.value, v).map_err(|reason| CellError {
                    sheet: sheet.name.clone(),
                    row: r.line,
                    column: column_letter(c.u.col),
                    reason,
                })?;
            }
            let step = if n.percent {
                10f64.powi(-n.decimals - 2)
            } else {
                10f64.powi(-n.decimals) * c.factor
            };
            r.nums[i] = Some((v, step));
        }
    }
    Ok(())
}

/// Sums of the current figures of data rows, per column: (sum, largest precision step, rows with a value).
fn sums(rows: &[&Row], cols: &[Col]) -> Vec<(f64, f64, usize)> {
    let mut out = vec![(0.0, 0.0, 0usize); cols.len()];
    for r in rows {
        for (i, o) in out.iter_mut().enumerate() {
            if let Some((v, step)) = r.nums.get(i).copied().flatten() {
                o.0 += v;
                o.1 = f64::max(o.1, step);
                o.2 += 1;
            }
        }
    }
    out
}

/// Compares a total row with sums: `Ok(fields compared)` when they agree, else the first disagreement
/// (field, total, sum).
fn compare(
    total: &Row,
    sums: &[(f64, f64, usize)],
    cols: &[Col],
) -> Result<usize, (usize, f64, f64)> {
    let mut compared = 0;
    for (i, c) in cols.iter().enumerate() {
        if !summable(c.u.value) || c.history {
            continue;
        }
        let (Some((t, step)), Some(&(s, row_step, n))) =
            (total.nums.get(i).copied().flatten(), sums.get(i))
        else {
            continue;
        };
        if n == 0 {
            continue;
        }
        let step = f64::max(step, row_step);
        // Counts of people and firms add up exactly; money given rounded may be off by half a unit a row.
        let tol = if matches!(c.u.value, Value::Count | Value::People) && step >= 1.0 {
            0.5
        } else {
            0.5 * step * (n as f64 + 1.0)
        } + 1e-9 * t.abs();
        if (t - s).abs() > tol {
            return Err((i, t, s));
        }
        compared += 1;
    }
    Ok(compared)
}

fn number_text(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    format!("{r}")
}

/// Drops total, subtotal and part rows, rows without a key that are the sum of the others, a first or last row
/// that is the sum of the rest, and industries whose breakdown is listed too; notes each.
pub(crate) fn drop_totals(
    sheet: &Sheet,
    kind: TableKind,
    cols: &[Col],
    rows: &mut [Row],
    notes: &mut Vec<CellError>,
) -> Result<(), CellError> {
    let note = |line: usize, zh: String, en: String| CellError {
        sheet: sheet.name.clone(),
        row: line,
        column: String::new(),
        reason: Text::new(zh, en),
    };
    let field_name = |i: usize| {
        cols.get(i)
            .map(|c| field_label(kind, c.u.field))
            .unwrap_or_else(|| Text::new("", ""))
    };
    if kind == TableKind::Industries {
        drop_parents(sheet, cols, rows, notes);
    }
    // Labelled totals, subtotals and parts.
    let data_all: Vec<usize> = (0..rows.len())
        .filter(|&k| rows[k].status == Status::Data)
        .collect();
    let mut labelled_total = false;
    for k in 0..rows.len() {
        let Status::Label(t) = rows[k].status else {
            continue;
        };
        let r = &rows[k];
        let label = r.label.clone();
        let line = r.line;
        match t {
            TotalKind::Part => notes.push(note(
                line,
                format!("“{label}”是上一项的一部分（其中项），未导入"),
                format!("'{label}' is a part of the row above (其中), not imported"),
            )),
            TotalKind::Total | TotalKind::Subtotal => {
                labelled_total |= t == TotalKind::Total;
                let candidates: Vec<Vec<&Row>> = if t == TotalKind::Total {
                    vec![data_all.iter().map(|&j| &rows[j]).collect()]
                } else {
                    let boundary = |j: usize| {
                        matches!(
                            rows[j].status,
                            Status::Label(TotalKind::Total) | Status::Label(TotalKind::Subtotal)
                        )
                    };
                    let after: Vec<&Row> = (k + 1..rows.len())
                        .take_while(|&j| !boundary(j))
                        .filter(|&j| rows[j].status == Status::Data)
                        .map(|j| &rows[j])
                        .collect();
                    let before: Vec<&Row> = (0..k)
                        .rev()
                        .take_while(|&j| !boundary(j))
                        .filter(|&j| rows[j].status == Status::Data)
                        .map(|j| &rows[j])
                        .collect();
                    vec![before, after]
                };
                let results: Vec<Result<usize, (usize, f64, f64)>> = candidates
                    .iter()
                    .map(|c| compare(r, &sums(c, cols), cols))
                    .collect();
                if results.iter().any(|x| x.as_ref().is_ok_and(|n| *n > 0)) {
                    notes.push(note(
                        line,
                        format!("“{label}”是合计行，未导入（与各行之和相符）"),
                        format!(
                            "'{label}' is a total, not imported (it matches the sum of the rows)"
                        ),
                    ));
                } else if let Some(Err((i, total, sum))) =
                    results.iter().find(|x| x.is_err()).cloned()
                {
                    let f = field_name(i);
                    notes.push(note(
                        line,
                        format!(
                            "“{label}”是合计行，未导入；但与各行之和不符：{}合计 {}，各行之和 {}（可能漏了行，或合计含表外的单位）",
                            f.zh,
                            number_text(total),
                            number_text(sum)
                        ),
                        format!(
                            "'{label}' is a total, not imported; it does not match the sum of the rows: {} total {}, rows {} (rows missing, or the total counts units not listed)",
                            f.en,
                            number_text(total),
                            number_text(sum)
                        ),
                    ));
                } else {
                    notes.push(note(
                        line,
                        format!("“{label}”是合计行，未导入"),
                        format!("'{label}' is a total, not imported"),
                    ));
                }
            }
        }
        rows[k].status = Status::Dropped;
    }
    // Rows without a key: a total row without a label when they are the sum of the others, else an error.
    let data: Vec<&Row> = rows.iter().filter(|r| r.status == Status::Data).collect();
    let all = sums(&data, cols);
    let mut unlabeled_dropped = Vec::new();
    for (k, r) in rows.iter().enumerate() {
        if r.status != Status::Unlabeled {
            continue;
        }
        let has_numbers = r.nums.iter().any(Option::is_some);
        if has_numbers && data.len() >= 2 && compare(r, &all, cols).is_ok_and(|n| n > 0) {
            unlabeled_dropped.push(k);
            continue;
        }
        let key = match kind {
            TableKind::Industries => "code",
            TableKind::Firms => "name",
        };
        let col = cols
            .iter()
            .find(|c| c.u.field == key)
            .or_else(|| cols.iter().find(|c| c.u.field == "name"))
            .map_or(0, |c| c.u.col);
        return Err(CellError {
            sheet: sheet.name.clone(),
            row: r.line,
            column: column_letter(col),
            reason: match kind {
                TableKind::Industries => Text::new("行业代码为空", "the industry code is empty"),
                TableKind::Firms => Text::new("企业名称为空", "the firm name is empty"),
            },
        });
    }
    for k in unlabeled_dropped {
        let line = rows[k].line;
        notes.push(note(
            line,
            format!(
                "没有{}，各数等于其余各行之和，视为合计行，未导入",
                match kind {
                    TableKind::Industries => "行业代码",
                    TableKind::Firms => "企业名称",
                }
            ),
            format!(
                "no {}, and its figures are the sum of the rows: taken as a total, not imported",
                match kind {
                    TableKind::Industries => "code",
                    TableKind::Firms => "name",
                }
            ),
        ));
        rows[k].status = Status::Dropped;
        labelled_total = true;
    }
    // A first or last row that is the sum of all the others (in two figures at least).
    if !labelled_total {
        let data: Vec<usize> = (0..rows.len())
            .filter(|&k| rows[k].status == Status::Data)
            .collect();
        if data.len() >= 3 {
            for &k in [data.first(), data.last()].into_iter().flatten() {
                let rest: Vec<&Row> = data
                    .iter()
                    .filter(|&&j| j != k)
                    .map(|&j| &rows[j])
                    .collect();
                let r = &rows[k];
                let nonzero = cols
                    .iter()
                    .enumerate()
                    .filter(|(i, c)| {
                        summable(c.u.value)
                            && !c.history
                            && r.nums
                                .get(*i)
                                .copied()
                                .flatten()
                                .is_some_and(|(v, _)| v != 0.0)
                    })
                    .count();
                if nonzero >= 2 && compare(r, &sums(&rest, cols), cols).is_ok_and(|n| n >= 2) {
                    let (line, label) = (r.line, r.label.clone());
                    notes.push(note(
                        line,
                        format!("“{label}”的各数等于其余各行之和，视为合计行，未导入"),
                        format!("'{label}' equals the sum of the other rows in every figure: taken as a total, not imported"),
                    ));
                    rows[k].status = Status::Dropped;
                    break;
                }
            }
        }
    }
    Ok(())
}

/// True when `inner` is inside `outer` (`1762` in `17`, `17` in `C`).
fn inside(inner: &str, outer: &str) -> bool {
    if inner == outer {
        return false;
    }
    if crate::gbt4754::is_section_code(outer) {
        return !crate::gbt4754::is_section_code(inner)
            && crate::gbt4754::section_of(inner).is_some_and(|s| s.code() == outer);
    }
    inner.len() > outer.len() && inner.starts_with(outer)
}

/// An industry listed with its breakdown (C 制造业 then 13, 17, 18; or 17 then 1762): when the rows inside sum
/// to it, the industry is dropped and its breakdown kept; otherwise the rows inside are a partial 其中 list and
/// are dropped. Either way no employment is counted twice.
fn drop_parents(sheet: &Sheet, cols: &[Col], rows: &mut [Row], notes: &mut Vec<CellError>) {
    let data: Vec<usize> = (0..rows.len())
        .filter(|&k| rows[k].status == Status::Data && rows[k].code.is_some())
        .collect();
    // Only for a table that mixes levels; the coarsest first.
    let level = |c: &str| {
        if crate::gbt4754::is_section_code(c) {
            0
        } else {
            c.len()
        }
    };
    let mut levels: Vec<usize> = data
        .iter()
        .filter_map(|&k| rows[k].code.as_deref().map(level))
        .collect();
    levels.sort_unstable();
    levels.dedup();
    if levels.len() < 2 || data.len() > limits::INDUSTRIES {
        return;
    }
    let mut order = data.clone();
    order.sort_by_key(|&k| rows[k].code.as_deref().map_or(9, level));
    for &p in &order {
        if rows[p].status != Status::Data {
            continue;
        }
        let Some(code) = rows[p].code.clone() else {
            continue;
        };
        let within: Vec<usize> = data
            .iter()
            .copied()
            .filter(|&j| {
                rows[j].status == Status::Data
                    && rows[j].code.as_deref().is_some_and(|c| inside(c, &code))
            })
            .collect();
        // The rows directly inside: not inside another row that is inside.
        let direct: Vec<usize> = within
            .iter()
            .copied()
            .filter(|&j| {
                !within.iter().any(|&m| {
                    m != j
                        && rows[j]
                            .code
                            .as_deref()
                            .zip(rows[m].code.as_deref())
                            .is_some_and(|(cj, cm)| inside(cj, cm))
                })
            })
            .collect();
        if direct.is_empty() {
            continue;
        }
        let children: Vec<&Row> = direct.iter().map(|&j| &rows[j]).collect();
        let codes: Vec<String> = children
            .iter()
            .filter_map(|r| r.code.clone())
            .collect::<Vec<_>>();
        let list = codes.join("、");
        let line = rows[p].line;
        let complete = compare(&rows[p], &sums(&children, cols), cols).is_ok_and(|n| n > 0);
        if complete {
            notes.push(CellError {
                sheet: sheet.name.clone(),
                row: line,
                column: String::new(),
                reason: Text::new(
                    format!("{code} 等于其下 {list} 之和：按细分行业导入，此行未导入"),
                    format!("{code} is the sum of {list} listed below it: the breakdown is imported, not this row"),
                ),
            });
            rows[p].status = Status::Dropped;
        } else {
            for &j in &within {
                let (l, c) = (rows[j].line, rows[j].code.clone().unwrap_or_default());
                notes.push(CellError {
                    sheet: sheet.name.clone(),
                    row: l,
                    column: String::new(),
                    reason: Text::new(
                        format!("{c} 属于第 {line} 行的 {code}，是其中项，未导入（各项之和不等于 {code}）"),
                        format!("{c} is part of {code} (row {line}), not imported (the parts do not add up to {code})"),
                    ),
                });
                rows[j].status = Status::Dropped;
            }
        }
    }
}

/// Builds industries from the data rows: the current figures, and earlier years (from year columns, or rows
/// of a year column) as history.
pub(crate) fn industries(
    cols: &[Col],
    rows: &[Row],
    current_year: Option<i32>,
) -> Vec<(usize, Industry)> {
    let mut out: Vec<(usize, Industry)> = Vec::new();
    for r in rows.iter().filter(|r| r.status == Status::Data) {
        let Some(code) = r.code.clone() else { continue };
        let mut ind = Industry {
            code,
            ..Industry::default()
        };
        for (k, t) in &r.texts {
            if *k == usize::MAX || cols.iter().any(|c| c.u.col == *k && c.u.field == "name") {
                ind.name = t.clone();
            }
        }
        let mut earlier: Vec<YearFigures> = Vec::new();
        let mut current = YearFigures::default();
        for (i, c) in cols.iter().enumerate() {
            let Some((v, _)) = r.nums.get(i).copied().flatten() else {
                continue;
            };
            let target = if c.history {
                let y = c.u.year.unwrap_or_default();
                match earlier.iter().position(|e| e.year == y) {
                    Some(p) => &mut earlier[p],
                    None => {
                        earlier.push(YearFigures {
                            year: y,
                            ..YearFigures::default()
                        });
                        let last = earlier.len() - 1;
                        &mut earlier[last]
                    }
                }
            } else {
                &mut current
            };
            match c.u.field {
                "firms" => target.firms = Some(v as u64),
                "employment" => target.employment = Some(v),
                "output" => target.output = Some(v),
                "value_added" => target.value_added = Some(v),
                "above_scale_firms" if !c.history => ind.above_scale_firms = Some(v as u64),
                "outside_sales_share" if !c.history => ind.outside_sales_share = Some(v),
                _ => {}
            }
        }
        // A year column: rows of earlier years become history of the same code.
        let row_year = r.year;
        let is_current = row_year.is_none() || row_year == current_year;
        // Rows of one code are merged only by a year column, and one row a year; otherwise a repeated code
        // stays a second industry, which the validation refuses by name.
        let existing = row_year
            .and_then(|_| out.iter().position(|(_, i)| i.code == ind.code))
            .filter(|&p| {
                let (_, t) = &out[p];
                let taken = if is_current {
                    t.employment.is_some() || t.output.is_some() || t.firms.is_some()
                } else {
                    t.history.iter().any(|h| Some(h.year) == row_year)
                };
                !taken
            });
        let idx = match existing {
            Some(p) => p,
            None => {
                out.push((
                    r.line,
                    Industry {
                        code: ind.code.clone(),
                        name: ind.name.clone(),
                        ..Industry::default()
                    },
                ));
                out.len() - 1
            }
        };
        let (line, target) = &mut out[idx];
        if is_current {
            *line = r.line;
            if target.name.is_empty() {
                target.name = ind.name.clone();
            }
            target.firms = current.firms;
            target.employment = current.employment;
            target.output = current.output;
            target.value_added = current.value_added;
            target.above_scale_firms = ind.above_scale_firms;
            target.outside_sales_share = ind.outside_sales_share;
        } else if let Some(y) = row_year {
            earlier.push(YearFigures { year: y, ..current });
            if target.name.is_empty() {
                target.name = ind.name.clone();
            }
        }
        target.history.extend(earlier);
        target.history.sort_by_key(|y| y.year);
    }
    out
}

/// Builds firms from the data rows (a year column keeps the latest year's rows only; `current_year`).
pub(crate) fn firms(cols: &[Col], rows: &[Row], current_year: Option<i32>) -> Vec<(usize, Firm)> {
    rows.iter()
        .filter(|r| r.status == Status::Data)
        .filter(|r| r.year.is_none() || r.year == current_year)
        .map(|r| {
            let mut f = Firm::default();
            for c in cols {
                let text = r
                    .texts
                    .iter()
                    .find(|(k, _)| *k == c.u.col)
                    .map(|(_, t)| t.clone());
                let flag = r
                    .flags
                    .iter()
                    .find(|(k, _)| *k == c.u.col)
                    .and_then(|(_, v)| *v);
                match c.u.field {
                    "name" => f.name = text.unwrap_or_default(),
                    "stage" => f.stage = text.filter(|t| !t.is_empty()),
                    "town" => f.town = text.filter(|t| !t.is_empty()),
                    "industry" => f.industry = r.code.clone(),
                    "leading" => f.leading = flag,
                    "sells_outside" => f.sells_outside = flag,
                    "specialised_sme" => f.specialised_sme = flag.unwrap_or(false),
                    "little_giant" => f.little_giant = flag.unwrap_or(false),
                    "single_champion" => f.single_champion = flag.unwrap_or(false),
                    "high_tech" => f.high_tech = flag.unwrap_or(false),
                    _ => {}
                }
            }
            for (i, c) in cols.iter().enumerate() {
                if c.history {
                    continue;
                }
                let v = r.nums.get(i).copied().flatten().map(|(v, _)| v);
                match c.u.field {
                    "employment" => f.employment = v,
                    "revenue" => f.revenue = v,
                    "local_sourcing_share" => f.local_sourcing_share = v,
                    _ => {}
                }
            }
            (r.line, f)
        })
        .collect()
}
