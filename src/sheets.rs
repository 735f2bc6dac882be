//! The bridge to the spreadsheet module (`sheets/`, loaded on first use by `src/js/sheets_loader.js`): read an
//! .xlsx workbook into sheets of cell text, and offer sheets as an .xlsx download.

use clustercalc_core::import::Sheet;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/sheets_loader.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = readWorkbook)]
    async fn read_workbook_js(
        bytes: &[u8],
        on_progress: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    /// Stops the read under way; its `read_workbook` returns the problem `cancelled`.
    #[wasm_bindgen(js_name = cancelRead)]
    pub fn cancel_read();
    #[wasm_bindgen(catch, js_name = writeWorkbook)]
    async fn write_workbook_js(json: &str) -> Result<JsValue, JsValue>;
}

#[derive(Deserialize)]
struct SheetText {
    name: String,
    rows: Vec<Vec<String>>,
}

/// A cell of a sheet to write: numbers stay numbers, text stays text (never a formula), `Empty` is blank.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
    Empty(()),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A number, or blank when there is none (or it is not finite: never NaN in a user's file).
    pub fn number(v: Option<f64>) -> Cell {
        match v {
            Some(v) if v.is_finite() => Cell::Number(v),
            _ => Cell::Empty(()),
        }
    }
}

#[derive(Serialize)]
struct SheetOut<'a> {
    name: &'a str,
    rows: &'a [Vec<Cell>],
}

fn message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Error::from(e).message().as_string())
        .unwrap_or_default()
}

/// Why a workbook was not read: the reader's problem code (`clustercalc_sheets::Problem::code`, or `cancelled`)
/// for the words (`clustercalc_core::import::workbook_problem`), and its short English detail for the log.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadProblem {
    pub code: String,
    pub detail: String,
}

/// How far a read has got: `check` (bytes unpacked and counted) or `sheet` (sheets read), done of total.
pub type OnProgress = dyn FnMut(String, f64, f64);

/// Every sheet of a workbook, read in the spreadsheet worker (on the page where no worker can start).
pub async fn read_workbook(
    bytes: &[u8],
    on_progress: Box<OnProgress>,
) -> Result<Vec<Sheet>, ReadProblem> {
    let progress = Closure::<OnProgress>::wrap(on_progress);
    let result = read_workbook_js(bytes, progress.as_ref().unchecked_ref()).await;
    drop(progress);
    let json = result.map_err(|e| {
        let text = message(e);
        let (code, detail) = text.split_once(':').unwrap_or(("damaged", text.as_str()));
        ReadProblem {
            code: code.trim().to_string(),
            detail: detail.trim().to_string(),
        }
    })?;
    let sheets: Vec<SheetText> = serde_json::from_str(&json.as_string().unwrap_or_default())
        .map_err(|e| ReadProblem {
            code: "damaged".into(),
            detail: e.to_string(),
        })?;
    Ok(sheets
        .into_iter()
        .map(|s| Sheet {
            name: s.name,
            rows: s.rows,
        })
        .collect())
}

/// Writes the sheets as an .xlsx file and offers it as a download.
pub async fn download_sheets(
    name: &str,
    sheets: &[(String, Vec<Vec<Cell>>)],
) -> Result<(), String> {
    let out: Vec<SheetOut> = sheets
        .iter()
        .map(|(n, rows)| SheetOut { name: n, rows })
        .collect();
    let json = serde_json::to_string(&out).map_err(|e| e.to_string())?;
    let bytes = write_workbook_js(&json).await.map_err(message)?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    crate::files::download_bytes(
        name,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &bytes,
    )
    .map_err(message)
}

/// Text rows as cells: numbers where a cell reads as one, except in the `text_columns` (codes stay text).
pub fn cells(rows: &[Vec<String>], text_columns: &[usize]) -> Vec<Vec<Cell>> {
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, s)| match s.parse::<f64>() {
                    Ok(v) if r > 0 && !text_columns.contains(&c) && v.is_finite() => {
                        Cell::Number(v)
                    }
                    _ if s.is_empty() => Cell::Empty(()),
                    _ => Cell::text(s.clone()),
                })
                .collect()
        })
        .collect()
}
