//! Import a table from a spreadsheet: a CSV/TSV file (UTF-8 with or without BOM, or GB18030 as older Excel and
//! WPS save it), an .xlsx workbook (read by the spreadsheet module, loaded on first use), or cells pasted from
//! Excel/WPS. The core reads and checks it (`clustercalc_core::import`); this shows the preview, the located
//! problem, and applies the table as one undoable step — all of it or nothing.

use crate::files::{download, town_file_name, MAX_FILE_BYTES};
use crate::i18n::{tr, use_lang, T};
use crate::sheets;
use crate::state::use_app;
use clustercalc_core::import::{self, CellError, Preview, Sheet, TableKind};
use clustercalc_core::Lang;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Text of a CSV file's bytes: UTF-8 (strict) first, else GB18030, which also reads GBK and GB2312.
fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| String::new())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Whether a file dropped on the page is a table to import (by its name; a dataset file is .json).
pub fn is_table_file(name: &str) -> bool {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "xlsx" | "xlsm" | "xls" | "et" | "csv" | "tsv" | "txt"
    )
}

/// What the import panel shows.
#[derive(Debug, Clone, PartialEq)]
enum State {
    Idle,
    /// A workbook being read: the phase (`check` or `sheet`), done and total.
    Reading(Option<(String, f64, f64)>),
    Preview(Box<Preview>),
    Problem(String),
    Cancelled,
}

fn kind_text(kind: TableKind) -> T {
    match kind {
        TableKind::Industries => T::ImportIndustries,
        TableKind::Firms => T::ImportFirms,
    }
}

fn progress_text(progress: &Option<(String, f64, f64)>, lang: Lang) -> String {
    let mb = |b: f64| crate::format::number(b / 1_048_576.0, 0);
    match progress {
        Some((phase, done, total)) if phase == "check" => T::ImportChecking
            .get(lang)
            .replace("{done}", &mb(*done))
            .replace("{total}", &mb(*total)),
        Some((_, done, total)) => T::ImportReadingSheets
            .get(lang)
            .replace("{done}", &done.to_string())
            .replace("{total}", &total.to_string()),
        None => T::ImportReading.get(lang).to_string(),
    }
}

/// The import panel (shown from the toolbar).
#[component]
pub fn ImportView(
    #[prop(into)] on_close: Callback<()>,
    #[prop(into)] on_done: Callback<String>,
    /// A table file dropped on the page, read as soon as it arrives.
    dropped: RwSignal<Option<web_sys::File>, LocalStorage>,
) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let state = RwSignal::new(State::Idle);
    let forced = RwSignal::new(None::<TableKind>);
    let pasted = RwSignal::new(String::new());
    // Workbooks with several sheets: the sheets and the one chosen.
    let sheets_read = RwSignal::new(Vec::<Sheet>::new());
    let chosen = RwSignal::new(0usize);

    let read = move |sheet: &Sheet| {
        crate::perf::timed("clustercalc:import-read", || {
            import::read(sheet, forced.get_untracked())
        })
    };
    let present = move |result: Result<Preview, CellError>| {
        let l = app.lang.get_untracked();
        state.set(match result {
            Ok(p) => State::Preview(Box::new(p)),
            Err(e) => State::Problem(e.message(l)),
        });
    };
    let show = move |sheet: &Sheet| present(read(sheet));
    // Sheets passed over (with why) and the other sheets one may pick, for the chosen sheet.
    let skipped = RwSignal::new(Vec::<CellError>::new());
    let others = RwSignal::new(Vec::<String>::new());
    let read_sheets = move |list: Vec<Sheet>| {
        let chosen_sheet = crate::perf::timed("clustercalc:import-read", || {
            import::choose_sheet(&list, forced.get_untracked())
        });
        match chosen_sheet {
            Some(c) => {
                chosen.set(c.index);
                skipped.set(c.skipped);
                others.set(c.others);
                present(c.result);
            }
            None => {
                skipped.set(Vec::new());
                others.set(Vec::new());
                let l = app.lang.get_untracked();
                state.set(State::Problem(T::ImportNoSheets.get(l).to_string()));
            }
        }
        sheets_read.set(list);
    };
    let read_file = move |file: web_sys::File| {
        let l = app.lang.get_untracked();
        let name = file.name();
        skipped.set(Vec::new());
        others.set(Vec::new());
        sheets_read.set(Vec::new());
        if file.size() > MAX_FILE_BYTES {
            state.set(State::Problem(format!(
                "{name}: {} {:.1} MB > 20 MB",
                T::FileTooLarge.get(l),
                file.size() / 1_048_576.0
            )));
            return;
        }
        state.set(State::Reading(None));
        leptos::task::spawn_local(async move {
            let Ok(bytes) = file_bytes(&file).await else {
                state.set(State::Problem(format!(
                    "{name}: {}",
                    T::FileUnreadable.get(l)
                )));
                return;
            };
            let kind = import::file_kind(&bytes, &name);
            if let Some(why) = kind.refusal() {
                state.set(State::Problem(format!("{name}: {}", why.get(l))));
                return;
            }
            if kind == import::FileKind::Workbook {
                let on_progress = Box::new(move |phase: String, done: f64, total: f64| {
                    if matches!(state.get_untracked(), State::Reading(_)) {
                        state.set(State::Reading(Some((phase, done, total))));
                    }
                });
                match sheets::read_workbook(&bytes, on_progress).await {
                    Ok(list) => {
                        let names: Vec<String> = list.iter().map(|s| s.name.clone()).collect();
                        match import::check_workbook(&names) {
                            Err(e) => state.set(State::Problem(format!(
                                "{name}: {}",
                                e.message(app.lang.get_untracked())
                            ))),
                            Ok(()) => read_sheets(list),
                        }
                    }
                    Err(p) if p.code == "cancelled" => state.set(State::Cancelled),
                    Err(p) => {
                        web_sys::console::warn_1(
                            &format!("{name}: {}: {}", p.code, p.detail).into(),
                        );
                        state.set(State::Problem(format!(
                            "{name}: {}",
                            import::workbook_problem(&p.code).get(app.lang.get_untracked())
                        )));
                    }
                }
                return;
            }
            match decode_text(&bytes) {
                Some(text) => {
                    let sheet_name = name
                        .rsplit_once('.')
                        .map_or(name.as_str(), |(s, _)| s)
                        .to_string();
                    read_sheets(vec![Sheet {
                        name: sheet_name,
                        rows: import::parse_delimited(&text),
                    }]);
                }
                None => state.set(State::Problem(format!(
                    "{name}: {}",
                    T::FileUnreadable.get(l)
                ))),
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = crate::files::picked_file(&ev) {
            read_file(file);
        }
    };
    Effect::new(move |_| {
        if let Some(file) = dropped.try_update(Option::take).flatten() {
            read_file(file);
        }
    });
    let on_paste_read = move |_| {
        let text = pasted.get_untracked();
        if text.len() > import::MAX_TEXT_BYTES {
            state.set(State::Problem(
                T::FileTooLarge.get(app.lang.get_untracked()).to_string(),
            ));
            return;
        }
        let name = T::ImportPastedSheet
            .get(app.lang.get_untracked())
            .to_string();
        read_sheets(vec![Sheet {
            name,
            rows: import::parse_delimited(&text),
        }]);
    };
    let on_kind = move |ev: leptos::ev::Event| {
        forced.set(match event_target_value(&ev).as_str() {
            "industries" => Some(TableKind::Industries),
            "firms" => Some(TableKind::Firms),
            _ => None,
        });
        let list = sheets_read.get_untracked();
        if let Some(s) = list.get(chosen.get_untracked()) {
            show(s);
        }
    };
    let on_sheet = move |ev: leptos::ev::Event| {
        let k = event_target_value(&ev).parse().unwrap_or(0);
        chosen.set(k);
        skipped.set(Vec::new());
        others.set(Vec::new());
        if let Some(s) = sheets_read.get_untracked().get(k) {
            show(s);
        }
    };
    let apply = move |_| {
        let State::Preview(p) = state.get_untracked() else {
            return;
        };
        let l = app.lang.get_untracked();
        let result: Result<_, CellError> = crate::perf::timed("clustercalc:import-apply", || {
            app.dataset
                .with_untracked(|d| import::apply(d, &p).map(|n| (n, import::history_kept(d, &p))))
        });
        match result {
            Ok((d, kept)) => {
                app.replace(d);
                state.set(State::Idle);
                sheets_read.set(Vec::new());
                skipped.set(Vec::new());
                others.set(Vec::new());
                let kept = if kept > 0 {
                    format!(
                        " {}",
                        T::ImportHistoryKept
                            .get(l)
                            .replace("{n}", &kept.to_string())
                    )
                } else {
                    String::new()
                };
                on_done.run(format!(
                    "{} {} {}{kept}",
                    T::ImportDone.get(l),
                    p.len(),
                    kind_text(p.kind).get(l)
                ));
            }
            Err(e) => state.set(State::Problem(e.message(l))),
        }
    };
    let template = move |kind: TableKind, xlsx: bool| {
        move |_| {
            let l = app.lang.get_untracked();
            let rows = import::template(kind, l);
            let base = format!("-{}-template", kind.field());
            if xlsx {
                let name = app
                    .dataset
                    .with_untracked(|d| town_file_name(&d.town.name, &format!("{base}.xlsx")));
                let sheet = kind_text(kind).get(l).to_string();
                // Codes stay text so that a leading zero survives.
                let code_column = match kind {
                    TableKind::Industries => 0,
                    TableKind::Firms => 1,
                };
                leptos::task::spawn_local(async move {
                    let book = [(sheet, sheets::cells(&rows, &[code_column]))];
                    if let Err(e) = sheets::download_sheets(&name, &book).await {
                        state.set(State::Problem(format!(
                            "{}: {e}",
                            T::SheetsUnavailable.get(l)
                        )));
                    }
                });
            } else {
                let name = app
                    .dataset
                    .with_untracked(|d| town_file_name(&d.town.name, &format!("{base}.csv")));
                if download(&name, "text/csv;charset=utf-8", &import::to_csv(&rows)).is_err() {
                    state.set(State::Problem(T::FileUnreadable.get(l).to_string()));
                }
            }
        }
    };

    let cancel = move |_| sheets::cancel_read();
    let preview = move || {
        match state.get() {
        State::Idle => None,
        State::Reading(progress) => Some(
            view! {
                <p role="status" class="import-reading" data-testid="import-reading">
                    {move || progress_text(&progress, lang.get())}
                    " "
                    <button on:click=cancel data-action="import-cancel">{tr(T::ImportCancel)}</button>
                </p>
            }
            .into_any(),
        ),
        State::Cancelled => Some(
            view! { <p role="status" data-testid="import-cancelled">{tr(T::ImportCancelled)}</p> }.into_any(),
        ),
        State::Problem(text) => Some(
            view! { <p class="notice problem" role="alert" data-testid="import-problem">{text}</p> }.into_any(),
        ),
        State::Preview(p) => Some(preview_view(*p, lang, apply).into_any()),
    }
    };
    // Why sheets before the one shown were passed over, and which others there are.
    let sheet_notes = move || {
        let list = skipped.get();
        let rest = others.get();
        (!list.is_empty() || !rest.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|e| view! { <li>{move || e.message(lang.get())}</li> })
                .collect_view();
            view! {
                <div class="hint import-sheets" data-testid="import-sheet-notes">
                    {(!skipped.with(Vec::is_empty)).then(|| view! { <p>{tr(T::ImportSkipped)}</p> })}
                    <ul>{items}</ul>
                    {(!rest.is_empty()).then(|| {
                        let names = rest.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>();
                        view! { <p>{move || T::ImportOthers.get(lang.get()).replace("{names}", &names.join(lang.get().pick("、", ", ")))}</p> }
                    })}
                </div>
            }
        })
    };
    let sheet_picker = move || {
        let list = sheets_read.get();
        (list.len() > 1).then(|| {
            let options = list
                .iter()
                .enumerate()
                .map(|(k, s)| view! { <option value=k.to_string() selected=move || chosen.get() == k>{s.name.clone()}</option> })
                .collect_view();
            view! {
                <label class="field">
                    <span class="field-label">{tr(T::ImportSheet)}</span>
                    <select on:change=on_sheet data-testid="import-sheet">{options}</select>
                </label>
            }
        })
    };
    view! {
        <section class="panel import" aria-labelledby="import-heading" data-testid="import-panel">
            <h2 id="import-heading">{tr(T::ImportTitle)}</h2>
            <p class="hint">{tr(T::ImportHint)}</p>
            <div class="import-sources">
                <label class="field">
                    <span class="field-label">{tr(T::ImportTable)}</span>
                    <select on:change=on_kind data-testid="import-kind">
                        <option value="auto">{tr(T::ImportAuto)}</option>
                        <option value="industries">{tr(T::ImportIndustries)}</option>
                        <option value="firms">{tr(T::ImportFirms)}</option>
                    </select>
                </label>
                <label class="file-button">
                    <input type="file" accept=".xlsx,.xlsm,.xls,.et,.csv,.tsv,.txt,text/csv" data-action="import-file" on:change=on_file />
                    {tr(T::ImportFile)}
                </label>
                {sheet_picker}
            </div>
            <label class="field paste">
                <span class="field-label">{tr(T::ImportPaste)}</span>
                <textarea rows="4" data-testid="import-paste" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </label>
            <div class="import-actions">
                <button on:click=on_paste_read data-action="import-read-paste">{tr(T::ImportReadPaste)}</button>
                <span class="templates">
                    {tr(T::ImportTemplates)}
                    <button class="link" on:click=template(TableKind::Industries, false) data-action="template-industries-csv">{move || format!("{} CSV", T::ImportIndustries.get(lang.get()))}</button>
                    <button class="link" on:click=template(TableKind::Industries, true) data-action="template-industries-xlsx">{move || format!("{} xlsx", T::ImportIndustries.get(lang.get()))}</button>
                    <button class="link" on:click=template(TableKind::Firms, false) data-action="template-firms-csv">{move || format!("{} CSV", T::ImportFirms.get(lang.get()))}</button>
                    <button class="link" on:click=template(TableKind::Firms, true) data-action="template-firms-xlsx">{move || format!("{} xlsx", T::ImportFirms.get(lang.get()))}</button>
                </span>
                <button class="icon" on:click=move |_| on_close.run(()) aria-label=tr(T::Close)>"×"</button>
            </div>
            {preview}
            {sheet_notes}
        </section>
    }
}

/// Field names as the dataset and the templates call them.
fn field_text(field: &str, lang: Lang) -> String {
    let (zh, en) = match field {
        "code" => ("行业代码", "industry code"),
        "industry" => ("行业代码", "industry code"),
        "name" => ("名称", "name"),
        "firms" => ("企业数", "firms"),
        "above_scale_firms" => ("规上企业数", "above-scale firms"),
        "employment" => ("就业人数（人）", "employment (persons)"),
        "output" => ("产值（万元）", "output (万元)"),
        "value_added" => ("增加值（万元）", "value added (万元)"),
        "outside_sales_share" => ("外销比例", "outside sales share"),
        "stage" => ("产业链环节", "chain stage"),
        "revenue" => ("营业收入（万元）", "revenue (万元)"),
        "leading" => ("龙头企业", "leading firm"),
        "specialised_sme" => ("专精特新", "specialised SME"),
        "little_giant" => ("小巨人", "little giant"),
        "single_champion" => ("单项冠军", "single champion"),
        "high_tech" => ("高新技术企业", "high-tech"),
        "local_sourcing_share" => ("本地配套率", "local sourcing share"),
        "sells_outside" => ("外销", "sells outside"),
        "town" => ("所在镇", "town"),
        other => (other, other),
    };
    lang.pick(zh, en).to_string()
}

const PREVIEW_ROWS: usize = 8;

fn preview_view(
    p: Preview,
    lang: RwSignal<Lang>,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let summary = {
        let p = p.clone();
        move || {
            let l = lang.get();
            T::ImportSummary
                .get(l)
                .replace("{sheet}", &p.sheet)
                .replace("{table}", kind_text(p.kind).get(l))
                .replace("{rows}", &p.len().to_string())
                .replace("{header}", &p.header_row.to_string())
        }
    };
    let mapping = p
        .columns
        .iter()
        .map(|c| {
            let field = c.field;
            let factor = c.factor;
            view! {
                <tr>
                    <td>{c.column.clone()}</td>
                    <td>{c.header.clone()}</td>
                    <td class:ignored=field.is_none()>{move || match field {
                        Some(f) => {
                            let l = lang.get();
                            if factor != 1.0 {
                                let digits = if factor >= 1.0 { 0 } else { 4 };
                                format!("{} × {}", field_text(f, l), crate::format::number(factor, digits))
                            } else {
                                field_text(f, l)
                            }
                        }
                        None => T::ImportIgnored.get(lang.get()).to_string(),
                    }}</td>
                </tr>
            }
        })
        .collect_view();
    let used: Vec<&'static str> = p.columns.iter().filter_map(|c| c.field).collect();
    let head = used
        .iter()
        .map(|f| {
            let f = *f;
            view! { <th scope="col">{move || field_text(f, lang.get())}</th> }
        })
        .collect_view();
    let cells: Vec<(usize, Vec<String>)> = match p.kind {
        TableKind::Industries => p
            .industries
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(r, i)| (*r, used.iter().map(|f| industry_cell(i, f)).collect()))
            .collect(),
        TableKind::Firms => p
            .firms
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(r, f)| (*r, used.iter().map(|k| firm_cell(f, k)).collect()))
            .collect(),
    };
    let body = cells
        .into_iter()
        .map(|(r, row)| {
            view! {
                <tr>
                    <th scope="row">{r}</th>
                    {row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let more = p.len().saturating_sub(PREVIEW_ROWS);
    let notes = p
        .notes
        .iter()
        .take(20)
        .map(|n| {
            let n = n.clone();
            view! { <li>{move || n.message(lang.get())}</li> }
        })
        .collect_view();
    view! {
        <div class="import-preview" data-testid="import-preview">
            <p role="status" data-testid="import-summary">{summary}</p>
            <div class="table-scroll">
                <table class="results mapping">
                    <caption>{tr(T::ImportColumns)}</caption>
                    <thead><tr>
                        <th scope="col">{tr(T::ImportColumn)}</th>
                        <th scope="col">{tr(T::ImportHeader)}</th>
                        <th scope="col">{tr(T::ImportField)}</th>
                    </tr></thead>
                    <tbody>{mapping}</tbody>
                </table>
            </div>
            <div class="table-scroll">
                <table class="results">
                    <caption>{tr(T::ImportFirstRows)}</caption>
                    <thead><tr><th scope="col">{tr(T::ImportRow)}</th>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {(more > 0).then(|| view! { <p class="hint">{move || format!("{} {more} {}", T::ImportMoreBefore.get(lang.get()), T::ImportMoreAfter.get(lang.get()))}</p> })}
            {(!p.notes.is_empty()).then(|| view! { <ul class="hint import-notes">{notes}</ul> })}
            <p class="hint">{move || T::ImportReplaces.get(lang.get()).replace("{table}", kind_text(p.kind).get(lang.get()))}</p>
            <button class="primary" on:click=apply data-action="import-apply">{tr(T::ImportApply)}</button>
        </div>
    }
}

fn opt_num(v: Option<f64>) -> String {
    v.map(|v| crate::format::number(v, if v.fract() == 0.0 { 0 } else { 2 }))
        .unwrap_or_default()
}

fn flag(v: Option<bool>) -> String {
    match v {
        Some(true) => "✓".into(),
        Some(false) => "✗".into(),
        None => String::new(),
    }
}

fn industry_cell(i: &clustercalc_core::dataset::Industry, field: &str) -> String {
    match field {
        "code" => i.code.clone(),
        "name" => i.name.clone(),
        "firms" => i.firms.map(|v| v.to_string()).unwrap_or_default(),
        "above_scale_firms" => i
            .above_scale_firms
            .map(|v| v.to_string())
            .unwrap_or_default(),
        "employment" => opt_num(i.employment),
        "output" => opt_num(i.output),
        "value_added" => opt_num(i.value_added),
        _ => opt_num(i.outside_sales_share),
    }
}

fn firm_cell(f: &clustercalc_core::dataset::Firm, field: &str) -> String {
    match field {
        "name" => f.name.clone(),
        "industry" => f.industry.clone().unwrap_or_default(),
        "stage" => f.stage.clone().unwrap_or_default(),
        "employment" => opt_num(f.employment),
        "revenue" => opt_num(f.revenue),
        "leading" => flag(f.leading),
        "specialised_sme" => flag(Some(f.specialised_sme)),
        "little_giant" => flag(Some(f.little_giant)),
        "single_champion" => flag(Some(f.single_champion)),
        "high_tech" => flag(Some(f.high_tech)),
        "local_sourcing_share" => opt_num(f.local_sourcing_share),
        "sells_outside" => flag(f.sells_outside),
        _ => f.town.clone().unwrap_or_default(),
    }
}
