//! Big datasets — a county with up to millions of firms — are read, validated and analysed in a Web Worker
//! (`src/js/clustercalc-analysis-worker.js`, which runs the workbench module's `analyzeFile`), so that the page
//! stays responsive: it shows how far the worker has got and can cancel it (the worker is terminated, nothing
//! else changes). The results are then shown read-only. The page holds the report and the dataset without its
//! firm list, never the firms, and autosaves nothing meanwhile: the file the user opened is the copy, and the
//! work that was open before is kept and comes back when the big dataset is closed.
//!
//! Where no worker can be started (the single-file build opened from `file://`), files up to
//! `files::MAX_FILE_BYTES` are opened on the page as before.

use crate::format::number;
use crate::i18n::{tr, T};
use crate::state::{use_app, AppState, Step};
use clustercalc_core::analyze::Report;
use clustercalc_core::dataset::Dataset;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Dataset files larger than this are analysed in the worker. The 50-industry, 5 000-firm benchmark town is
/// about 1.3 MB and stays editable on the page; a file this size parses on the page's thread in well under the
/// 200 ms a task may take.
pub const WORKER_FILE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

const MB: f64 = 1024.0 * 1024.0;

#[wasm_bindgen(module = "/src/js/app_files.js")]
extern "C" {
    /// The analysis worker, from the app's own folder (not the page's: a host page may be elsewhere).
    #[wasm_bindgen(js_name = startAnalysisWorker, catch)]
    fn start_analysis_worker(build: &str) -> Result<web_sys::Worker, JsValue>;
}

thread_local! {
    /// A big file picked on the start screen, waiting for the workbench (`StartChoice::Big`): the launch text
    /// carries only its name; the file itself crosses from the shell module with `mountWithFile`.
    static PENDING: RefCell<Option<web_sys::File>> = const { RefCell::new(None) };
}

/// Keeps a picked big file for the workbench's launch.
pub fn keep_pending(file: web_sys::File) {
    PENDING.with(|p| *p.borrow_mut() = Some(file));
}

/// The big file kept by [`keep_pending`], once.
pub fn take_pending() -> Option<web_sys::File> {
    PENDING.with(|p| p.borrow_mut().take())
}

/// What the worker is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Starting the engine inside the worker.
    Load,
    /// Reading and checking the file (`done`/`total` in bytes).
    Read,
    /// Analysing (`done`/`total` runs: baseline, each scenario, measures).
    Analyze,
}

impl Phase {
    /// The phase's name as shown.
    fn label(self) -> T {
        match self {
            Phase::Load => T::BigLoading,
            Phase::Read => T::BigReading,
            Phase::Analyze => T::BigAnalyzing,
        }
    }
}

/// A running analysis, as last reported by the worker.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub name: String,
    pub phase: Phase,
    pub done: f64,
    pub total: f64,
}

impl Running {
    /// Overall fraction done, 0..1: reading is most of the time, analysis the rest.
    pub fn fraction(&self) -> f64 {
        let part = if self.total > 0.0 {
            (self.done / self.total).clamp(0.0, 1.0)
        } else {
            0.0
        };
        match self.phase {
            Phase::Load => 0.0,
            Phase::Read => 0.8 * part,
            Phase::Analyze => 0.8 + 0.2 * part,
        }
    }
}

/// The big dataset on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct BigSession {
    /// The file's name.
    pub name: String,
    pub firms: usize,
    /// The engine's report, made in the worker.
    pub report: Report,
    /// The work that was open before, restored when the big dataset is closed.
    pub previous: Dataset,
    /// The worker's wasm memory at the end, in bytes (shown, and read by the performance report).
    pub wasm_bytes: f64,
}

/// The worker's state, shared by the toolbar, the file actions and the panels.
#[derive(Debug, Clone, Copy)]
pub struct BigRun {
    pub running: RwSignal<Option<Running>>,
    worker: StoredValue<Option<web_sys::Worker>, LocalStorage>,
}

impl BigRun {
    pub fn new() -> BigRun {
        BigRun {
            running: RwSignal::new(None),
            worker: StoredValue::new_local(None),
        }
    }

    /// Stops the running analysis; the data on screen stays as it was.
    pub fn cancel(&self) {
        if let Some(w) = self.worker.try_update_value(Option::take).flatten() {
            w.terminate();
        }
        self.running.set(None);
    }
}

impl Default for BigRun {
    fn default() -> Self {
        BigRun::new()
    }
}

/// The build stamp of this page (`<meta name="clustercalc-build">`), so the worker loads the same build.
fn build_stamp() -> String {
    document()
        .query_selector("meta[name=clustercalc-build]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text_field(data: &JsValue, name: &str) -> String {
    field(data, name).as_string().unwrap_or_default()
}

/// Starts analysing `file` in a worker. `Err` when no worker can be started here (the caller opens the file on
/// the page instead). Progress, the result or the problem arrive later through `app` and `notice`.
pub fn open(app: AppState, file: &web_sys::File) -> Result<(), JsValue> {
    let (run, notice) = (app.big_run, app.notice);
    run.cancel();
    let worker = start_analysis_worker(&build_stamp())?;
    let name = file.name();
    let lang = app.lang.get_untracked();
    let shown = name.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            match text_field(&data, "type").as_str() {
                "progress" => {
                    let phase = match text_field(&data, "phase").as_str() {
                        "read" => Phase::Read,
                        "analyze" => Phase::Analyze,
                        _ => Phase::Load,
                    };
                    let _ = run.running.try_set(Some(Running {
                        name: shown.clone(),
                        phase,
                        done: field(&data, "done").as_f64().unwrap_or(0.0),
                        total: field(&data, "total").as_f64().unwrap_or(0.0),
                    }));
                }
                "done" => {
                    run.cancel();
                    match finish(app, &shown, &data) {
                        Ok(firms) => notice.set(Some((
                            format!(
                                "{}{shown} ({} {})",
                                T::BigOpened.get(lang),
                                number(firms as f64, 0),
                                T::BigFirms.get(lang)
                            ),
                            false,
                        ))),
                        Err(p) => notice.set(Some((format!("{shown}: {p}"), true))),
                    }
                }
                _ => {
                    run.cancel();
                    let message = text_field(&data, "message");
                    notice.set(Some((
                        format!("{shown}: {} — {message}", T::FileNotDataset.get(lang)),
                        true,
                    )));
                }
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let failed_name = name.clone();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.prevent_default();
        run.cancel();
        notice.set(Some((
            format!("{failed_name}: {}", T::BigWorkerFailed.get(lang)),
            true,
        )));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The handlers live as long as the page: one pair per big file opened, a few hundred bytes each.
    on_message.forget();
    on_error.forget();
    let msg = js_sys::Object::new();
    js_sys::Reflect::set(&msg, &"file".into(), file)?;
    js_sys::Reflect::set(&msg, &"lang".into(), &lang.pick("zh", "en").into())?;
    worker.post_message(&msg)?;
    run.worker.set_value(Some(worker));
    run.running.set(Some(Running {
        name,
        phase: Phase::Load,
        done: 0.0,
        total: 0.0,
    }));
    Ok(())
}

/// Puts the worker's result on screen; returns the number of firms.
fn finish(app: AppState, name: &str, data: &JsValue) -> Result<usize, String> {
    let lang = app.lang.get_untracked();
    let (report, dataset) = crate::perf::timed("clustercalc:big-handover", || {
        let report: Report = serde_json::from_str(&text_field(data, "report"))
            .map_err(|e| format!("{}: {e}", T::BigWorkerFailed.get(lang)))?;
        let dataset =
            Dataset::from_json(&text_field(data, "dataset")).map_err(|e| e.message(lang))?;
        Ok::<_, String>((report, dataset))
    })?;
    let firms = field(data, "firms").as_f64().unwrap_or(0.0) as usize;
    let wasm_bytes = field(data, "wasmBytes").as_f64().unwrap_or(0.0);
    let name = name.to_string();
    // Drawn in the next task: reading the report and drawing every results view in one task would come near
    // the 200 ms a task may take on a slow laptop.
    set_timeout(
        move || {
            let previous = match app.big.get_untracked() {
                // Opening a second big file keeps the work from before the first.
                Some(b) => b.previous,
                None => app.dataset.get_untracked(),
            };
            // The session first: the autosave skips while it is set, so the firm-less dataset is never saved.
            app.big.set(Some(BigSession {
                name,
                firms,
                report,
                previous,
                wasm_bytes,
            }));
            app.dataset.set(dataset);
            app.guide.set(None);
            app.step.set(Step::Industries);
        },
        std::time::Duration::ZERO,
    );
    Ok(firms)
}

/// Closes the big dataset and brings back the work that was open before it.
pub fn close(app: AppState) {
    if let Some(b) = app.big.get_untracked() {
        app.dataset.set(b.previous);
        app.big.set(None);
    }
}

/// The worker's progress with its cancel button, above the page while an analysis runs. Built once per run and
/// updated in place (a message arrives per megabyte read); screen readers hear the phase changes only.
#[component]
pub fn BigProgress() -> impl IntoView {
    let app = use_app();
    let run = app.big_run;
    let name = move || {
        run.running
            .with(|r| r.as_ref().map(|r| r.name.clone()))
            .unwrap_or_default()
    };
    let phase = Memo::new(move |_| run.running.with(|r| r.as_ref().map(|r| r.phase)));
    let fraction = move || {
        run.running
            .with(|r| r.as_ref().map_or(0.0, Running::fraction))
    };
    let step = move || {
        let lang = app.lang.get();
        run.running.with(|r| {
            r.as_ref().map(|r| {
                let label = r.phase.label().get(lang);
                let step = match r.phase {
                    Phase::Load => label.to_string(),
                    Phase::Read => format!(
                        "{label} {} / {} MB",
                        number(r.done / MB, 1),
                        number(r.total / MB, 1)
                    ),
                    Phase::Analyze => {
                        format!("{label} {} / {}", number(r.done, 0), number(r.total, 0))
                    }
                };
                format!("{step} · {:.0}%", r.fraction() * 100.0)
            })
        })
    };
    let phase_label = move || {
        let lang = app.lang.get();
        phase.get().map(|p| p.label().get(lang))
    };
    view! {
        <Show when=move || run.running.with(Option::is_some)>
            <div class="notice big-run" role="group" aria-labelledby="big-run-title" data-testid="big-progress">
                <p id="big-run-title"><strong>{tr(T::BigRunning)}</strong>" "{name}</p>
                <progress max="1" prop:value=fraction aria-label=tr(T::BigRunning)></progress>
                <p class="hint" data-testid="big-step">{step}</p>
                <p class="sr-only" role="status" aria-live="polite">{phase_label}</p>
                <button data-action="cancel-analysis" on:click=move |_| {
                    run.cancel();
                    app.notice.set(Some((T::BigCancelled.get(app.lang.get_untracked()).to_string(), false)));
                }>{tr(T::Cancel)}</button>
            </div>
        </Show>
    }
}

/// The entry column while a big dataset is shown: what it is, why it is read-only, and the way back.
#[component]
pub fn BigDatasetView() -> impl IntoView {
    let app = use_app();
    let facts = move || {
        app.big.with(|b| {
            b.as_ref().map(|b| {
                let lang = app.lang.get();
                let towns = app
                    .dataset
                    .with(|d| d.region.as_ref().map_or(0, |r| r.towns.len()) + 1);
                format!(
                    "{}: {} {}, {} {}, {} {}",
                    b.name,
                    number(b.firms as f64, 0),
                    T::BigFirms.get(lang),
                    app.dataset.with(|d| d.industries.len()),
                    T::BigIndustries.get(lang),
                    towns,
                    T::BigTowns.get(lang)
                )
            })
        })
    };
    view! {
        <section class="panel" aria-labelledby="big-heading" data-testid="big-dataset"
            data-wasm-bytes=move || app.big.with(|b| b.as_ref().map(|b| b.wasm_bytes.to_string()))>
            <h2 id="big-heading">{tr(T::BigHeading)}</h2>
            <p data-testid="big-facts">{facts}</p>
            <p>{tr(T::BigReadOnly)}</p>
            <button class="primary" data-action="close-big" on:click=move |_| {
                close(app);
                app.notice.set(Some((T::BigClosed.get(app.lang.get_untracked()).to_string(), false)));
            }>{tr(T::BigClose)}</button>
        </section>
    }
}
