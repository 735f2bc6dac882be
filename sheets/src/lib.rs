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

/// Largest number of cells read from one workbook (a 50 000-firm sheet with 15 columns is 750 000).
pub const MAX_CELLS: usize = 20_000_000;

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

/// Largest part of a workbook the pre-check reads (decompressed), against zip bombs.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// calamine 0.31 indexes the shared-string table with a cell's value unchecked and panics on an index past its end
/// (found by fuzzing, `fuzz/seeds/xlsx_read/crash-shared-string-index.xlsx`). In the app a panic traps the
/// spreadsheet module, so such a workbook is refused here before calamine reads it: every `<c t="s">` value in
/// any part must be below the number of `<si>` entries.
fn check_shared_strings(bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::Event;
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .xlsx workbook: {e}"))?;
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    // Exactly the part calamine reads (xlsx/mod.rs `path_to_zip_path`): the first entry named
    // xl/sharedStrings.xml, case-insensitively, with backslashes as slashes. Another entry that merely looks like
    // it (a fuzzed name, a copy elsewhere) is not the table calamine indexes.
    let is_strings = |n: &str| {
        n.replace('\\', "/")
            .eq_ignore_ascii_case("xl/sharedStrings.xml")
    };
    let read_part =
        |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str| -> Result<Vec<u8>, String> {
            let mut out = Vec::new();
            let part = zip
                .by_name(name)
                .map_err(|e| format!("part {name} unreadable: {e}"))?;
            part.take(MAX_PART_BYTES)
                .read_to_end(&mut out)
                .map_err(|e| format!("part {name} unreadable: {e}"))?;
            Ok(out)
        };
    let mut count = 0usize;
    for name in names.iter().filter(|n| is_strings(n)).take(1) {
        let xml = read_part(&mut zip, name)?;
        let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
        let mut n = 0usize;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => {
                    n += 1
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        count = n;
    }
    // Every other XML part, and anything named like a sheet whatever its extension (calamine follows the
    // workbook's relationships, which may name any entry).
    let is_xml = |n: &str| {
        let l = n.to_ascii_lowercase();
        l.ends_with(".xml") || l.contains("sheet")
    };
    for name in names.iter().filter(|n| is_xml(n) && !is_strings(n)) {
        let xml = read_part(&mut zip, name)?;
        let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
        let (mut shared, mut in_v) = (false, false);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"c" => {
                    shared = e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.local_name().as_ref() == b"t" && a.value.as_ref() == b"s");
                }
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"v" => in_v = shared,
                Ok(Event::Text(t)) if in_v => {
                    // calamine reads an unparsable index as 0.
                    let idx = std::str::from_utf8(t.as_ref())
                        .ok()
                        .and_then(|s| s.trim().parse::<usize>().ok())
                        .unwrap_or(0);
                    if idx >= count {
                        return Err(format!(
                            "damaged workbook: shared string {idx} of {count} in {name}"
                        ));
                    }
                    in_v = false;
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == b"c" => {
                    shared = false;
                    in_v = false;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
    }
    Ok(())
}

/// Every sheet of an .xlsx/.xlsm workbook as cell text. Errors are short English texts for the log; the app
/// shows its own localised message beside them.
pub fn read(bytes: &[u8]) -> Result<Vec<SheetText>, String> {
    use calamine::Reader;
    check_shared_strings(bytes)?;
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .xlsx workbook: {e}"))?;
    let mut out = Vec::new();
    let mut cells = 0usize;
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("sheet '{name}' unreadable: {e}"))?;
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let (height, width) = range.get_size();
        cells = cells.saturating_add((top + height).saturating_mul(left + width));
        if cells > MAX_CELLS {
            return Err(format!("more than {MAX_CELLS} cells"));
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

/// JS: `readWorkbook(bytes)` → JSON text `[{name, rows: [[cell text]]}]`; throws a short English message.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8]) -> Result<String, JsValue> {
    let sheets = read(bytes).map_err(|e| JsValue::from_str(&e))?;
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
        ] {
            assert!(read(crash).is_err());
        }
    }

    #[test]
    fn garbage_is_refused_not_panicking() {
        assert!(read(b"").is_err());
        assert!(read(b"PK\x03\x04 not really a zip").is_err());
        assert!(read("行业代码,就业\n17,1".as_bytes()).is_err());
    }

    #[test]
    fn sheet_names_are_made_valid_and_unique() {
        let taken = vec!["Sheet".to_string()];
        assert_eq!(sheet_name("  ", &taken), "Sheet 2");
        assert_eq!(sheet_name(&"长".repeat(40), &[]).chars().count(), 28);
    }
}
