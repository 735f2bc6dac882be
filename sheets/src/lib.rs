//! The spreadsheet module: .xlsx (and .xlsm, as Excel and WPS save them) in and out. It is a wasm module of its
//! own, fetched the first time the user imports a workbook or asks for an .xlsx file, because the two libraries
//! weigh about 480 KB gzip together and most visits never need them.
//!
//! Reading gives the text of every cell of every sheet, positioned as the spreadsheet shows it (row 1 is the
//! first row even when the used range starts lower), for `clustercalc_core::import` to interpret. Writing takes
//! sheets of typed cells: text stays text (industry codes keep their leading zeros, and nothing is ever written
//! as a formula), numbers are numbers.

use serde::{Deserialize, Serialize};
use std::io::Cursor;
use wasm_bindgen::prelude::*;

/// One sheet's cells as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetText {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// A cell to write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CellOut {
    Number(f64),
    Text(String),
    Empty(()),
}

/// A sheet to write: the first row is the header (bold, frozen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetOut {
    pub name: String,
    pub rows: Vec<Vec<CellOut>>,
}

fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Whole numbers without ".0" (a code typed as a number reads "1762", not "1762.0").
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(t) => format!("{}", t.as_f64()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Largest number of cells with a value read from one workbook, counted over every sheet — and the largest
/// area (rows × columns from A1 to the last cell) of any sheet, which is what reading it allocates. A 20 MB
/// workbook of an honest table holds about 6 million cells (330 000 firms × 15 columns is 5 million).
pub const MAX_CELLS: usize = 8_000_000;

/// Largest total of a workbook's parts once unpacked (its XML), against zip bombs.
pub const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

/// Why a workbook was not read. `code()` is what the app and the CLI turn into a message in the user's
/// language (`clustercalc_core::import::workbook_problem`); `detail` is a short English text for the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a zip archive, or a zip without a workbook in it.
    NotWorkbook,
    /// A workbook whose parts are damaged or inconsistent.
    Damaged,
    /// More cells (or a larger sheet area) than `MAX_CELLS`.
    TooManyCells,
    /// More than `MAX_UNPACKED_BYTES` once unpacked.
    TooLarge,
}

impl Problem {
    pub fn code(self) -> &'static str {
        match self {
            Problem::NotWorkbook => "not-a-workbook",
            Problem::Damaged => "damaged",
            Problem::TooManyCells => "too-many-cells",
            Problem::TooLarge => "too-large",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub problem: Problem,
    pub detail: String,
}

impl ReadError {
    fn new(problem: Problem, detail: impl Into<String>) -> Self {
        ReadError {
            problem,
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.problem.code(), self.detail)
    }
}

/// Where a read has got to: `phase` is "check" (the workbook's parts unpacked and counted, `done` of `total`
/// bytes) or "sheet" (`done` of `total` sheets read).
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64, u64);

/// Column and row (0-based) of a cell reference such as `AB12`.
fn cell_position(r: &[u8]) -> Option<(u64, u64)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].iter().fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u64 = std::str::from_utf8(&r[letters..]).ok()?.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// Reads the whole workbook once, streaming, before calamine does, and refuses it early when it cannot be read
/// safely:
/// - more than `MAX_UNPACKED_BYTES` unpacked, or more than `MAX_CELLS` cells, or a sheet whose area from A1 to
///   its last cell exceeds `MAX_CELLS` (a bomb: a few MB that unpack to tens of millions of cells);
/// - calamine 0.31 indexes the shared-string table with a cell's value unchecked and panics on an index past its
///   end (found by fuzzing, `fuzz/seeds/xlsx_read/crash-shared-string-index.xlsx`): every `<c t="s">` value in
///   any part must be below the number of `<si>` entries.
fn precheck(bytes: &[u8], progress: Progress) -> Result<(), ReadError> {
    precheck_within(bytes, MAX_CELLS as u64, MAX_UNPACKED_BYTES, progress)
}

fn precheck_within(
    bytes: &[u8],
    max_cells: u64,
    max_unpacked: u64,
    progress: Progress,
) -> Result<(), ReadError> {
    use quick_xml::events::Event;
    use std::io::{BufReader, Read};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::new(Problem::NotWorkbook, e.to_string()))?;
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    if !names
        .iter()
        .any(|n| n.replace('\\', "/").eq_ignore_ascii_case("xl/workbook.xml"))
    {
        return Err(ReadError::new(
            Problem::NotWorkbook,
            "a zip archive without xl/workbook.xml",
        ));
    }
    // Exactly the part calamine reads (xlsx/mod.rs `path_to_zip_path`): the first entry named
    // xl/sharedStrings.xml, case-insensitively, with backslashes as slashes. Another entry that merely looks like
    // it (a fuzzed name, a copy elsewhere) is not the table calamine indexes.
    let is_strings = |n: &str| {
        n.replace('\\', "/")
            .eq_ignore_ascii_case("xl/sharedStrings.xml")
    };
    // Every other XML part, and anything named like a sheet whatever its extension (calamine follows the
    // workbook's relationships, which may name any entry).
    let is_xml = |n: &str| {
        let l = n.to_ascii_lowercase();
        l.ends_with(".xml") || l.contains("sheet")
    };
    let strings: Vec<&String> = names.iter().filter(|n| is_strings(n)).take(1).collect();
    let others: Vec<&String> = names
        .iter()
        .filter(|n| is_xml(n) && !is_strings(n))
        .collect();
    // Progress over the sizes the archive declares (a lie there only makes the bar wrong; the limits count
    // what is actually unpacked).
    let total: u64 = strings
        .iter()
        .chain(&others)
        .filter_map(|n| zip.by_name(n).ok().map(|f| f.size()))
        .fold(0u64, u64::saturating_add);
    let total = total.min(max_unpacked);
    let mut unpacked = 0u64;
    let mut shared_count = 0u64;
    let mut cells = 0u64;
    let damaged = |name: &str, e: &dyn std::fmt::Display| {
        ReadError::new(Problem::Damaged, format!("part {name} unreadable: {e}"))
    };
    for (k, name) in strings.iter().chain(&others).enumerate() {
        let is_table = k == 0 && !strings.is_empty();
        let part = zip.by_name(name).map_err(|e| damaged(name, &e))?;
        let budget = max_unpacked.saturating_sub(unpacked);
        let mut reader = quick_xml::Reader::from_reader(BufReader::new(part.take(budget + 1)));
        let mut buf = Vec::new();
        let mut n_si = 0u64;
        // Shared-string check state, and the sheet's cell tracking (as calamine's cell reader walks it).
        let (mut shared, mut in_v) = (false, false);
        let (mut row, mut col) = (0u64, 0u64);
        let (mut in_c, mut c_has_value, mut c_pos) = (false, false, (0u64, 0u64));
        let (mut max_row, mut max_col) = (0u64, 0u64);
        let mut reported = 0u64;
        loop {
            buf.clear();
            let event = reader.read_event_into(&mut buf);
            let at = reader.buffer_position();
            if at > budget {
                return Err(ReadError::new(
                    Problem::TooLarge,
                    format!("more than {max_unpacked} bytes unpacked"),
                ));
            }
            if at - reported >= 4 << 20 {
                reported = at;
                progress("check", unpacked + at, total.max(unpacked + at));
            }
            match event {
                Ok(Event::Start(e)) | Ok(Event::Empty(e))
                    if is_table && e.local_name().as_ref() == b"si" =>
                {
                    n_si += 1
                }
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"row" => {
                    if let Some(r) = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"r")
                        .and_then(|a| std::str::from_utf8(&a.value).ok()?.parse::<u64>().ok())
                    {
                        row = r.saturating_sub(1);
                    }
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == b"row" => {
                    row += 1;
                    col = 0;
                }
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"c" => {
                    let mut pos = None;
                    shared = false;
                    for a in e.attributes().flatten() {
                        match a.key.local_name().as_ref() {
                            // Any `t="s"` counts (calamine takes the first `t`; a cell with several is odd
                            // enough to be checked either way).
                            b"t" => shared |= a.value.as_ref() == b"s",
                            b"r" => pos = cell_position(&a.value),
                            _ => {}
                        }
                    }
                    if let Some((r, c)) = pos {
                        col = c;
                        c_pos = (r, c);
                    } else {
                        c_pos = (row, col);
                    }
                    in_c = true;
                    c_has_value = false;
                }
                Ok(Event::Start(e)) if in_c => {
                    c_has_value = true;
                    if e.local_name().as_ref() == b"v" {
                        in_v = shared;
                    }
                }
                Ok(Event::Text(t)) if in_v => {
                    // calamine reads an unparsable index as 0.
                    let idx = std::str::from_utf8(t.as_ref())
                        .ok()
                        .and_then(|s| s.trim().parse::<u64>().ok())
                        .unwrap_or(0);
                    if idx >= shared_count {
                        return Err(ReadError::new(
                            Problem::Damaged,
                            format!("shared string {idx} of {shared_count} in {name}"),
                        ));
                    }
                    in_v = false;
                }
                // A shared-string index written with an entity or as CDATA: calamine would read it unchecked.
                Ok(Event::GeneralRef(_)) | Ok(Event::CData(_)) if in_v => {
                    return Err(ReadError::new(
                        Problem::Damaged,
                        format!("a shared-string index in {name} is not plain digits"),
                    ));
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == b"c" => {
                    if in_c && c_has_value {
                        cells += 1;
                        max_row = max_row.max(c_pos.0);
                        max_col = max_col.max(c_pos.1);
                        let area = (max_row + 1).saturating_mul(max_col + 1);
                        if cells > max_cells || area > max_cells {
                            return Err(ReadError::new(
                                Problem::TooManyCells,
                                format!("more than {max_cells} cells (sheet part {name})"),
                            ));
                        }
                    }
                    col += 1;
                    shared = false;
                    in_v = false;
                    in_c = false;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        if is_table {
            shared_count = n_si;
        }
        unpacked += reader.buffer_position();
    }
    progress("check", total.max(unpacked), total.max(unpacked));
    Ok(())
}

/// Every sheet of an .xlsx/.xlsm workbook as cell text.
pub fn read(bytes: &[u8]) -> Result<Vec<SheetText>, ReadError> {
    read_with_progress(bytes, &mut |_, _, _| {})
}

/// `read`, telling `progress` how far it has got (the spreadsheet worker passes it on to the page).
pub fn read_with_progress(bytes: &[u8], progress: Progress) -> Result<Vec<SheetText>, ReadError> {
    precheck(bytes, progress)?;
    // Natively a panic inside calamine on a damaged workbook (fuzzing keeps finding new ones) is caught here and
    // reported as damage; in wasm a panic is a trap, which the spreadsheet worker contains and reports the same.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_checked(bytes, progress)
    }));
    std::panic::set_hook(previous);
    result.unwrap_or_else(|_| {
        Err(ReadError::new(
            Problem::Damaged,
            "the spreadsheet reader failed on this workbook",
        ))
    })
}

fn read_checked(bytes: &[u8], progress: Progress) -> Result<Vec<SheetText>, ReadError> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ReadError::new(Problem::Damaged, e.to_string()))?;
    let mut out = Vec::new();
    let mut cells = 0usize;
    let names = book.sheet_names();
    let count = names.len() as u64;
    for (k, name) in names.into_iter().enumerate() {
        progress("sheet", k as u64, count);
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError::new(Problem::Damaged, format!("sheet '{name}': {e}")))?;
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let (height, width) = range.get_size();
        cells = cells.saturating_add((top + height).saturating_mul(left + width));
        if cells > MAX_CELLS.saturating_mul(2) {
            return Err(ReadError::new(
                Problem::TooManyCells,
                format!("more than {MAX_CELLS} cells"),
            ));
        }
        let mut rows = vec![Vec::new(); top];
        for r in range.rows() {
            let mut row = vec![String::new(); left];
            row.extend(r.iter().map(cell_text));
            while row.last().is_some_and(String::is_empty) {
                row.pop();
            }
            rows.push(row);
        }
        out.push(SheetText { name, rows });
    }
    progress("sheet", count, count);
    Ok(out)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank, unique in the book.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let base: String = if clean.is_empty() {
        "Sheet".into()
    } else {
        clean.chars().take(28).collect()
    };
    let mut candidate = base.clone();
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{base} {k}");
        k += 1;
    }
    candidate
}

/// An .xlsx workbook of the given sheets.
pub fn write(sheets: &[SheetOut]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken = Vec::new();
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    for s in sheets {
        let ws = book.add_worksheet();
        let name = sheet_name(&s.name, &taken);
        ws.set_name(&name).map_err(err)?;
        taken.push(name);
        let mut widths: Vec<usize> = Vec::new();
        for (r, row) in s.rows.iter().enumerate() {
            let r = u32::try_from(r).map_err(|_| "too many rows".to_string())?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| "too many columns".to_string())?;
                let w = match cell {
                    CellOut::Number(v) if v.is_finite() => {
                        if r == 0 {
                            ws.write_number_with_format(r, c, *v, &bold).map_err(err)?;
                        } else {
                            ws.write_number(r, c, *v).map_err(err)?;
                        }
                        12
                    }
                    // A non-finite number never reaches a user's file: it is left blank.
                    CellOut::Number(_) | CellOut::Empty(()) => 0,
                    CellOut::Text(t) => {
                        if r == 0 {
                            ws.write_string_with_format(r, c, t, &bold).map_err(err)?;
                        } else {
                            ws.write_string(r, c, t).map_err(err)?;
                        }
                        // CJK characters are about twice as wide as Latin ones.
                        t.chars()
                            .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                            .sum::<usize>()
                    }
                };
                let c = usize::from(c);
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(w);
            }
        }
        for (c, w) in widths.iter().enumerate() {
            let width = (*w).clamp(6, 60) as f64 + 2.0;
            ws.set_column_width(c as u16, width).map_err(err)?;
        }
        if s.rows.len() > 1 {
            ws.set_freeze_panes(1, 0).map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

/// JS: `readWorkbook(bytes, onProgress?)` → JSON text `[{name, rows: [[cell text]]}]`. `onProgress(phase, done,
/// total)` is called as the read goes on. Throws `"<code>: <detail>"`, the code one of `Problem::code`.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(
    bytes: &[u8],
    on_progress: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    let mut progress = |phase: &str, done: u64, total: u64| {
        if let Some(f) = &on_progress {
            let _ = f.call3(
                &JsValue::NULL,
                &JsValue::from_str(phase),
                &JsValue::from_f64(done as f64),
                &JsValue::from_f64(total as f64),
            );
        }
    };
    let sheets =
        read_with_progress(bytes, &mut progress).map_err(|e| JsValue::from_str(&e.to_string()))?;
    serde_json::to_string(&sheets).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// JS: `writeWorkbook(json)` with `[{name, rows: [[number | text | null]]}]` → the .xlsx bytes.
#[wasm_bindgen(js_name = writeWorkbook)]
pub fn write_workbook(json: &str) -> Result<Vec<u8>, JsValue> {
    let sheets: Vec<SheetOut> =
        serde_json::from_str(json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    write(&sheets).map_err(|e| JsValue::from_str(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellOut {
        CellOut::Text(s.into())
    }

    #[test]
    fn a_written_workbook_reads_back_with_codes_as_text() {
        let sheets = vec![
            SheetOut {
                name: "企业".into(),
                rows: vec![
                    vec![text("企业名称"), text("行业代码"), text("营业收入（万元）")],
                    vec![text("甲"), text("0511"), CellOut::Number(42_000.5)],
                    vec![
                        text("=HYPERLINK(\"x\")"),
                        CellOut::Empty(()),
                        CellOut::Number(f64::NAN),
                    ],
                ],
            },
            SheetOut {
                name: "a/b:c".into(),
                rows: vec![vec![CellOut::Number(1762.0)]],
            },
        ];
        let bytes = write(&sheets).unwrap();
        let back = read(&bytes).unwrap();
        assert_eq!(back[0].name, "企业");
        assert_eq!(back[0].rows[1], vec!["甲", "0511", "42000.5"]);
        // Text that looks like a formula stays text; NaN is never written.
        assert_eq!(back[0].rows[2], vec!["=HYPERLINK(\"x\")"]);
        assert_eq!(back[1].name, "a_b_c");
        assert_eq!(back[1].rows[0], vec!["1762"]);
    }

    /// Regression (fuzzing, xlsx_read): a cell pointing past the shared-string table made calamine panic.
    #[test]
    fn a_shared_string_index_past_the_table_is_refused() {
        for crash in [
            &include_bytes!("../../fuzz/seeds/xlsx_read/crash-shared-string-index.xlsx")[..],
            // The table's name differs between the zip directory and the entry header.
            &include_bytes!("../../fuzz/seeds/xlsx_read/crash-shared-string-index-2.xlsx")[..],
            // The shared-string table's entry name damaged, a sheet cut short (fuzzing, after the pre-check
            // began to stream).
            &include_bytes!("../../fuzz/seeds/xlsx_read/crash-shared-string-index-3.xlsx")[..],
        ] {
            assert!(read(crash).is_err());
        }
    }

    #[test]
    fn garbage_is_refused_not_panicking() {
        for bytes in [
            &b""[..],
            b"PK\x03\x04 not really a zip",
            "行业代码,就业\n17,1".as_bytes(),
        ] {
            assert_eq!(read(bytes).unwrap_err().problem, Problem::NotWorkbook);
        }
    }

    fn grid(rows: usize, cols: usize) -> Vec<u8> {
        let row = |r: usize| {
            (0..cols)
                .map(|c| CellOut::Number((r * cols + c) as f64))
                .collect()
        };
        write(&[SheetOut {
            name: "企业".into(),
            rows: (0..rows).map(row).collect(),
        }])
        .unwrap()
    }

    #[test]
    fn cells_and_unpacked_bytes_are_counted_before_anything_is_read() {
        let book = grid(20, 10);
        let mut calls = 0;
        let mut count = |_: &str, _: u64, _: u64| calls += 1;
        assert!(precheck_within(&book, 200, 1 << 20, &mut count).is_ok());
        assert!(calls > 0);
        let err = precheck_within(&book, 199, 1 << 20, &mut |_, _, _| {}).unwrap_err();
        assert_eq!(err.problem, Problem::TooManyCells);
        let err = precheck_within(&book, 200, 2_000, &mut |_, _, _| {}).unwrap_err();
        assert_eq!(err.problem, Problem::TooLarge);
    }

    /// Two cells, A1 and XFD1048576: reading it would allocate 17 billion cells.
    #[test]
    fn a_sheet_whose_area_is_a_bomb_is_refused() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        ws.write_number(0, 0, 1.0).unwrap();
        ws.write_number(1_048_575, 16_383, 2.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        assert_eq!(read(&bytes).unwrap_err().problem, Problem::TooManyCells);
    }

    #[test]
    fn cell_references_read_as_calamine_reads_them() {
        assert_eq!(cell_position(b"A1"), Some((0, 0)));
        assert_eq!(cell_position(b"AB12"), Some((11, 27)));
        assert_eq!(cell_position(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_position(b"1A"), None);
    }

    #[test]
    fn sheet_names_are_made_valid_and_unique() {
        let taken = vec!["Sheet".to_string()];
        assert_eq!(sheet_name("  ", &taken), "Sheet 2");
        assert_eq!(sheet_name(&"长".repeat(40), &[]).chars().count(), 28);
    }
}
