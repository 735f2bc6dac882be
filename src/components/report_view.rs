//! The survey report (调研报告) in the app: the core's report document (`present::document`), shown as the
//! same HTML the CLI writes (`present::render::html_article`, styled by `core/src/present/report.css`), printed
//! on A4, or saved as the same editable Word file as `clustercalc report --format docx`. The view picks and
//! labels nothing itself: one document, three ways out.

use crate::files::{download_bytes, town_file_name};
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::present::{document, docx, render};
use leptos::prelude::*;

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The report page, with its own bar to print, save as Word or go back.
#[component]
pub fn ReportView(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    // The document follows the analysis and the language; it is rebuilt only when either changes.
    let doc = Memo::new(move |_| {
        let l = lang.get();
        app.report
            .with(|r| r.as_ref().map(|r| document::build(r, l)).ok())
    });
    let problem = RwSignal::new(None::<String>);
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let save_docx = move |_| {
        let l = lang.get_untracked();
        let name = app
            .dataset
            .with_untracked(|d| town_file_name(&d.town.name, T::ReportDocxSuffix.get(l)));
        let outcome = doc.with_untracked(|d| match d {
            Some(d) => docx::docx(d).map_err(|e| e.to_string()).and_then(|bytes| {
                download_bytes(&name, DOCX_MIME, &bytes)
                    .map_err(|_| T::FileUnreadable.get(l).to_string())
            }),
            None => Err(T::ExportNeedsValidData.get(l).to_string()),
        });
        problem.set(outcome.err());
    };
    let body = move || {
        doc.with(|d| match d {
            Some(d) => view! { <div class="report-host" inner_html=render::html_article(d)></div> }
                .into_any(),
            None => {
                let l = lang.get();
                let message = app.report.with(|r| match r {
                    Err(e) => e.message(l),
                    Ok(_) => T::ExportNeedsValidData.get(l).to_string(),
                });
                view! { <p class="error" role="alert" data-testid="report">{message}</p> }
                    .into_any()
            }
        })
    };
    view! {
        <div class="report-bar no-print">
            <button class="primary" on:click=print data-action="print">{tr(T::ReportPrint)}</button>
            <button on:click=save_docx data-action="report-docx" disabled=move || doc.with(Option::is_none)>
                {tr(T::ReportDocx)}
            </button>
            <button on:click=move |_| on_close.run(()) data-action="close-report">{tr(T::ReportBack)}</button>
            <span class="hint">{tr(T::ReportPrintHint)}</span>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </div>
        {body}
    }
}
