//! The page: header (language, undo/redo, explain, large text), the workflow steps and the results beside them.

use crate::components::chrome::{follow_document, LangSwitch, Switch, TitleBlock};
use crate::components::guide::GuideView;
use crate::components::import::ImportView;
use crate::components::report_view::ReportView;
use crate::components::results_tabs::ResultsTabs;
use crate::components::start::read_problem_text;
use crate::components::{
    cluster::ClusterView, firms::FirmsView, industries::IndustriesView, judgments::JudgmentsView,
    lq_results::LqResults, parameters::ParametersView, scenarios::ScenariosView, start::StartView,
    summary::SummaryView, support::SupportView, town_profile::TownProfileView,
};
use crate::files::{dataset_file_name, download, picked_file, read_text, town_file_name};
use crate::i18n::{tr, LangState, T};
use crate::launch::{Launch, Prefs, StartChoice};
use crate::state::{AppState, Step};
use crate::storage::{self, Restored, SaveProblem};
use clustercalc_core::dataset::Dataset;
use clustercalc_core::share::{self, ShareError};
use clustercalc_core::{examples, Lang};
use leptos::prelude::*;

/// How long typing must pause before the autosave is written (it is also written when the page is hidden).
const AUTOSAVE_DELAY_MS: u64 = 400;
/// Towns with fewer firms than this (about 200 KB of JSON at most) are saved on every change, not after a pause.
const IMMEDIATE_SAVE_FIRMS: usize = 2_000;

/// Mounts the workbench on `<body>` with the start screen's request (see `launch`). Called by the workbench
/// module's `mount` export once the shell has handed over.
pub fn mount(request: &str) {
    if let Some(body) = document().body() {
        mount_in(body, request);
    }
}

/// Mounts the workbench inside `el` (the JavaScript API's `mountInto`), with the same request text as `mount`.
pub fn mount_in(el: web_sys::HtmlElement, request: &str) {
    let launch = Launch::decode(request);
    crate::recovery::arm_fatal(&el);
    // Inside a host's element the host's document (title, <html lang class>) is not ours to change.
    let host = (el.tag_name() != "BODY").then(|| el.clone());
    leptos::mount::mount_to(el, move || {
        provide_context(crate::components::chrome::Host(host));
        view! { <App launch /> }
    })
    .forget();
}

/// Puts the dataset about to be replaced on the recent list, unless it is empty or an untouched example.
fn keep_in_recent(app: AppState) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    app.dataset.with_untracked(|d| {
        let empty = d.town.name.trim().is_empty() && d.industries.is_empty() && d.firms.is_empty();
        let example = examples::names()
            .into_iter()
            .filter_map(examples::get)
            .any(|t| Dataset::from_json(t).is_ok_and(|e| &e == d));
        if !empty && !example {
            crate::storage::remember(d, js_sys::Date::now());
        }
    });
}

/// Applies a start-screen choice. Replacing the dataset is one undo step, so earlier work is one Ctrl+Z away.
pub fn apply_choice(app: AppState, choice: &StartChoice) -> Result<(), String> {
    if !matches!(choice, StartChoice::Restore | StartChoice::Big { .. }) {
        // Whatever replaces a big dataset replaces it for good: the work from before it comes back first, so
        // that it is what undo returns to.
        crate::big::close(app);
        keep_in_recent(app);
    }
    match choice {
        StartChoice::Restore => {
            app.step.set(Step::Industries);
        }
        StartChoice::New => {
            app.guide.set(None);
            app.replace(Dataset::empty(""));
            app.step.set(Step::Town);
        }
        StartChoice::Example(name) => {
            let lang = app.lang.get_untracked();
            let text = examples::get(name)
                .ok_or_else(|| format!("{}: {name}", T::UnknownExample.get(lang)))?;
            let d = Dataset::from_json(text).map_err(|e| e.message(lang))?;
            app.replace(d);
            app.guide.set(Some(name.clone()));
            app.step.set(Step::Industries);
        }
        StartChoice::Link(payload) => {
            let lang = app.lang.get_untracked();
            let shared = share::decode(payload).map_err(|e| link_problem(&e, lang))?;
            app.guide.set(None);
            app.replace(shared.dataset);
            app.step.set(Step::Industries);
            if !shared.checked {
                app.notice
                    .set(Some((T::LinkUnchecked.get(lang).to_string(), false)));
            }
        }
        StartChoice::Big { name } => {
            let lang = app.lang.get_untracked();
            let file = crate::big::take_pending()
                .ok_or_else(|| format!("{name}: {}", T::FileUnreadable.get(lang)))?;
            open_big_or_here(app, file);
        }
        StartChoice::Open { name, text } => {
            let lang = app.lang.get_untracked();
            let d = Dataset::from_json(text).map_err(|e| {
                format!(
                    "{name}: {} — {}",
                    T::FileNotDataset.get(lang),
                    e.message(lang)
                )
            })?;
            app.guide.set(None);
            app.replace(d);
            app.step.set(Step::Industries);
        }
    }
    Ok(())
}

/// Opens a dataset file: a big one in the analysis worker (`big.rs`), any other on the page (as also where no
/// worker can be started, e.g. the single-file build from `file://`). A problem is shown; the data stays as it was.
pub fn open_big_or_here(app: AppState, file: web_sys::File) {
    if file.size() > crate::big::WORKER_FILE_BYTES && crate::big::open(app, &file).is_ok() {
        return;
    }
    let notice = app.notice;
    leptos::task::spawn_local(async move {
        let lang = app.lang.get_untracked();
        let name = file.name();
        let result = match read_text(&file).await {
            Ok(text) => apply_choice(
                app,
                &StartChoice::Open {
                    name: name.clone(),
                    text,
                },
            ),
            Err(p) => Err(read_problem_text(&p, &name, lang)),
        };
        notice.set(Some(match result {
            Ok(()) => (format!("{}{name}", T::FileOpened.get(lang)), false),
            Err(p) => (p, true),
        }));
    });
}

/// A localized message for a share link that cannot be made or opened.
fn link_problem(e: &ShareError, lang: Lang) -> String {
    match e {
        ShareError::TooLarge { chars } => format!(
            "{} ({} > {})",
            T::ShareTooLarge.get(lang),
            chars,
            share::MAX_LINK_CHARS
        ),
        ShareError::Damaged => T::LinkDamaged.get(lang).to_string(),
        ShareError::Changed => T::LinkChanged.get(lang).to_string(),
        ShareError::Newer { version } => T::LinkNewer
            .get(lang)
            .replace("{version}", &version.to_string()),
        ShareError::Invalid(err) => format!("{}: {}", T::LinkInvalid.get(lang), err.message(lang)),
    }
}

/// Removes `#share=…` from the address once it has been handled, so a reload does not offer it again.
fn forget_link() {
    if let Some(w) = web_sys::window() {
        let loc = w.location();
        if let (Ok(path), Ok(search), Ok(history)) = (loc.pathname(), loc.search(), w.history()) {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    }
}

/// The data-entry steps in order, with their labels (the step bar and the next-step button).
const STEPS: [(Step, T); 9] = [
    (Step::Start, T::StepStart),
    (Step::Town, T::TownSection),
    (Step::Industries, T::IndustriesSection),
    (Step::Cluster, T::StepCluster),
    (Step::Firms, T::StepFirms),
    (Step::Support, T::StepSupport),
    (Step::Judgments, T::StepJudgments),
    (Step::Parameters, T::StepParameters),
    (Step::Scenarios, T::StepScenarios),
];

/// The workbench. Without a `launch` (component tests) it continues the autosaved session with saved settings.
#[component]
pub fn App(#[prop(optional)] launch: Option<Launch>) -> impl IntoView {
    let launch = launch.unwrap_or_else(|| Launch {
        prefs: storage::load_prefs(),
        choice: StartChoice::Restore,
    });
    let lang = launch.prefs.lang;
    let embed = launch.prefs.embed;
    let prefs = launch.prefs;
    let restored = storage::restore();
    let (initial, notice_text) = match restored {
        Restored::Nothing => (Dataset::empty(""), None),
        Restored::Dataset(d) => (d, None),
        Restored::Recovered { dataset, error } => {
            let text = if dataset.is_some() {
                T::AutosaveRecovered
            } else {
                T::AutosaveUnreadable
            };
            (
                dataset.unwrap_or_else(|| Dataset::empty("")),
                Some(format!("{} ({})", text.get(lang), error.message(lang))),
            )
        }
        Restored::Unavailable => (
            Dataset::empty(""),
            Some(T::StorageUnavailable.get(lang).to_string()),
        ),
    };
    let resume = !initial.industries.is_empty() || !initial.town.name.is_empty();
    let app = AppState::new(initial);
    app.lang.set(lang);
    app.large_text.set(launch.prefs.large_text);
    app.explain.set(launch.prefs.explain);
    provide_context(app);
    // The recovery notice speaks the user's language (component tests run without the page's scripts).
    if cfg!(target_arch = "wasm32") {
        Effect::new(move |_| crate::recovery::set_fatal_texts(app.lang.get()));
    }
    provide_context(LangState(app.lang));
    // The message line: information (role=status) or a problem (role=alert, shown as an error).
    let notice = app.notice;
    notice.set(notice_text.map(|n| (n, false)));
    let problem = move |text: String| notice.set(Some((text, true)));
    // A big dataset is read-only (big.rs): saving, sharing or importing it says so instead.
    let refused_as_big = move || {
        let big = app.is_big();
        if big {
            problem(T::BigKeepFile.get(app.lang.get_untracked()).into());
        }
        big
    };
    // A link never replaces work silently: with a session to keep, the user is asked first.
    let offered_link = RwSignal::new(None::<share::Shared>);
    // Decodes a link and offers it (the user decides), or says why it cannot be opened.
    let offer_link = move |payload: &str| {
        forget_link();
        match share::decode(payload) {
            Ok(shared) => offered_link.set(Some(shared)),
            Err(e) => problem(link_problem(&e, app.lang.get_untracked())),
        }
    };
    // A choice made on the start screen (new town, an example, a file) opens its first step with the focus on
    // the step's heading, as a step change does below.
    let chosen = matches!(
        launch.choice,
        StartChoice::New | StartChoice::Example(_) | StartChoice::Open { .. }
    );
    if chosen && !embed {
        crate::components::focus::focus_soon(crate::components::focus::STEP_HEADING);
    }
    // The work shown last time was too big to autosave: what opens now is older, and the user is told so.
    if matches!(launch.choice, StartChoice::Restore) && !embed {
        if let Some((town, bytes)) = storage::skipped_last() {
            let lang = app.lang.get_untracked();
            problem(
                T::StorageSkippedLast
                    .get(lang)
                    .replace("{town}", &town)
                    .replace(
                        "{mb}",
                        &crate::format::number(bytes as f64 / 1_048_576.0, 1),
                    ),
            );
        }
    }
    match launch.choice {
        StartChoice::Restore if !resume => {}
        StartChoice::Link(payload) if resume => {
            app.step.set(Step::Industries);
            offer_link(&payload);
        }
        choice => {
            if matches!(choice, StartChoice::Link(_)) {
                forget_link();
            }
            if let Err(p) = apply_choice(app, &choice) {
                problem(p);
            }
        }
    }
    // The view settings survive a reload (not in embed mode: a host's options are for that visit).
    Effect::new(move |_| {
        if embed {
            return;
        }
        storage::save_prefs(&Prefs {
            lang: app.lang.get(),
            large_text: app.large_text.get(),
            explain: app.explain.get(),
            // Embed mode and a host's options are for that visit, not the user's settings.
            embed: false,
            sections: 0,
        })
    });

    // Autosave every change, coalesced: a burst of keystrokes is saved once it pauses (serialising a town with
    // thousands of firms on every keystroke would cost a frame each time), and at once when the page is hidden
    // or closed, so nothing typed is lost. A failure is shown, never swallowed.
    let save_now = move || {
        let result = app.dataset.with_untracked(storage::save);
        match result {
            Ok(()) => {}
            Err(SaveProblem::Unavailable) => {
                problem(T::StorageUnavailable.get(app.lang.get_untracked()).into())
            }
            Err(SaveProblem::TooBig { bytes }) => {
                let lang = app.lang.get_untracked();
                problem(T::StorageTooBig.get(lang).replace(
                    "{mb}",
                    &crate::format::number(bytes as f64 / 1_048_576.0, 1),
                ))
            }
            Err(SaveProblem::Full { kept }) => {
                let lang = app.lang.get_untracked();
                let said = if kept {
                    T::StorageFullKept
                } else {
                    T::StorageFullNothing
                };
                problem(format!("{}{}", T::StorageFull.get(lang), said.get(lang)))
            }
        }
    };
    let pending_save = StoredValue::new_local(None::<TimeoutHandle>);
    let flush = move || {
        if let Some(h) = pending_save.try_update_value(Option::take).flatten() {
            h.clear();
            save_now();
        }
    };
    Effect::new(move |first: Option<()>| {
        app.dataset.track();
        // A big dataset is shown without its firms: saving it would replace the last good copy with less.
        if app.is_big() {
            return;
        }
        if first.is_none() {
            // The session as opened is saved at once (a chosen example or file replaces the autosave).
            save_now();
            return;
        }
        if let Some(h) = pending_save.try_update_value(Option::take).flatten() {
            h.clear();
        }
        // A town of ordinary size is saved at once (well under a millisecond), so that not even the last
        // keystroke is lost to a crash; a big one is saved when typing pauses.
        if app
            .dataset
            .with_untracked(|d| d.firms.len() < IMMEDIATE_SAVE_FIRMS)
        {
            save_now();
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                pending_save.set_value(None);
                save_now();
            },
            std::time::Duration::from_millis(AUTOSAVE_DELAY_MS),
        )
        .ok();
        pending_save.set_value(handle);
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush()
        }
    });
    // Two tabs: another tab's autosave arrives as a `storage` event. Its data replaced ours in the autosave, so
    // ours is kept on the recent list (one entry per town, the newest) and the user is told: neither tab's work
    // is lost, whichever saves last. Not in embed mode, whose page does not autosave for the host.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if embed || ev.key().as_deref() != Some(storage::CURRENT) || app.is_big() {
            return;
        }
        let Some(theirs) = ev.new_value() else { return };
        let same = app
            .dataset
            .with_untracked(|d| serde_json::to_string(d).is_ok_and(|ours| ours == theirs));
        if same {
            return;
        }
        app.dataset
            .with_untracked(|d| storage::remember(d, js_sys::Date::now()));
        problem(T::OtherTabSaved.get(app.lang.get_untracked()).into());
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        other_tab.remove();
    });
    follow_document(app.lang, app.large_text, embed);
    let step_button = move |step: Step, label: T| {
        view! {
            <button class="step" aria-current=move || (app.step.get() == step).then_some("step")
                on:click=move |_| app.step.set(step)>{tr(label)}</button>
        }
    };
    // A new step: focus its heading (not on the first view, and not when embedded: focus in an iframe would
    // scroll the host page).
    Effect::new(move |prev: Option<Step>| {
        let now = app.step.get();
        if prev.is_some_and(|p| p != now) && !embed {
            crate::components::focus::focus_soon(crate::components::focus::STEP_HEADING);
        }
        now
    });
    let next_step = move || {
        let now = app.step.get();
        let at = STEPS.iter().position(|(s, _)| *s == now)?;
        let (next, label) = *STEPS.get(at + 1)?;
        (now != Step::Start).then(|| {
            view! {
                <button class="next-step" data-testid="next-step" on:click=move |_| app.step.set(next)>
                    {move || format!("{}{} →", T::NextStep.get(app.lang.get()), label.get(app.lang.get()))}
                </button>
            }
        })
    };
    let entry = move || match app.step.get() {
        _ if app.big.with(Option::is_some) => view! { <crate::big::BigDatasetView /> }.into_any(),
        Step::Start => {
            let choose = Callback::new(move |c: StartChoice| {
                if let Err(p) = apply_choice(app, &c) {
                    problem(p);
                }
            });
            view! { <StartView on_choose=choose /> }.into_any()
        }
        Step::Town => view! { <TownProfileView /> }.into_any(),
        Step::Industries => view! { <IndustriesView /> }.into_any(),
        Step::Cluster => {
            view! { <ClusterView /> <crate::components::cluster_figures::ClusterFiguresView /> }
                .into_any()
        }
        Step::Firms => view! { <FirmsView /> }.into_any(),
        Step::Support => view! { <SupportView /> }.into_any(),
        Step::Judgments => view! { <JudgmentsView /> }.into_any(),
        Step::Parameters => view! { <ParametersView /> }.into_any(),
        Step::Scenarios => view! { <ScenariosView /> }.into_any(),
    };
    // On the window, so undo works wherever focus is (also on <body>, e.g. right after opening a case).
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() {
            match ev.key().as_str() {
                "z" if !ev.shift_key() => {
                    ev.prevent_default();
                    app.undo();
                }
                "y" | "Z" => {
                    ev.prevent_default();
                    app.redo();
                }
                _ => {}
            }
        }
    };

    // A share link pasted into the address bar of an open page changes only the fragment: offer it too.
    let links = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if let Some(payload) = share::payload(&hash) {
            offer_link(payload);
        }
    });
    on_cleanup(move || links.remove());
    let keys = window_event_listener(leptos::ev::keydown, on_key);
    on_cleanup(move || keys.remove());

    // Open a file (toolbar button or drop anywhere on the page); a problem is shown, the data stays as it was.
    let open_file = move |file: web_sys::File| open_big_or_here(app, file);
    let on_pick = move |ev: leptos::ev::Event| {
        if let Some(f) = picked_file(&ev) {
            open_file(f);
        }
    };
    // A spreadsheet dropped on the page goes to the importer (a dataset file is .json).
    let importing = RwSignal::new(false);
    let dropped_table = RwSignal::new_local(None::<web_sys::File>);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(f) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|fs| fs.get(0))
        {
            if crate::components::import::is_table_file(&f.name()) {
                dropped_table.set(Some(f));
                importing.set(true);
            } else {
                open_file(f);
            }
        }
    };
    let save_file = move |_| {
        if refused_as_big() {
            return;
        }
        let (name, text) = app
            .dataset
            .with_untracked(|d| (dataset_file_name(&d.town.name), d.to_json_pretty()));
        if download(&name, "application/json", &text).is_err() {
            problem(T::FileUnreadable.get(app.lang.get_untracked()).into());
        }
    };

    // The results as CSV (UTF-8 with BOM) for Excel/WPS; only what the engine reported.
    let export_csv = move |_| {
        let lang = app.lang.get_untracked();
        let csv = app
            .report
            .with_untracked(|r| r.as_ref().ok().map(|r| crate::export::results_csv(r, lang)));
        let name = app
            .dataset
            .with_untracked(|d| town_file_name(&d.town.name, "-results.csv"));
        match csv {
            Some(text) => {
                if download(&name, "text/csv;charset=utf-8", &text).is_err() {
                    problem(T::FileUnreadable.get(lang).into());
                }
            }
            None => problem(T::ExportNeedsValidData.get(lang).into()),
        }
    };
    // The same tables as an .xlsx workbook, one sheet each (written by the spreadsheet module, loaded now).
    let export_xlsx = move |_| {
        let lang = app.lang.get_untracked();
        let tables = app.report.with_untracked(|r| {
            r.as_ref()
                .ok()
                .map(|r| crate::export::result_tables(r, lang))
        });
        let name = app
            .dataset
            .with_untracked(|d| town_file_name(&d.town.name, "-results.xlsx"));
        match tables {
            Some(tables) => leptos::task::spawn_local(async move {
                if let Err(e) = crate::sheets::download_sheets(&name, &tables).await {
                    problem(format!("{}: {e}", T::SheetsUnavailable.get(lang)));
                }
            }),
            None => problem(T::ExportNeedsValidData.get(lang).into()),
        }
    };
    let reporting = RwSignal::new(false);
    // The share link: the dataset in the URL fragment, shown for copying (and copied where the browser allows).
    let shared = RwSignal::new(None::<String>);
    let make_link = move |_| {
        if refused_as_big() {
            return;
        }
        let lang = app.lang.get_untracked();
        match app.dataset.with_untracked(share::encode) {
            Ok(payload) => {
                let base = web_sys::window()
                    .and_then(|w| w.location().href().ok())
                    .map(|h| h.split('#').next().unwrap_or_default().to_string())
                    .unwrap_or_default();
                let url = format!("{base}#{}{payload}", share::KEY);
                if let Some(w) = web_sys::window() {
                    let _ = w.navigator().clipboard().write_text(&url);
                }
                notice.set(Some((T::ShareReady.get(lang).to_string(), false)));
                shared.set(Some(url));
            }
            Err(e) => {
                shared.set(None);
                problem(link_problem(&e, lang));
            }
        }
    };
    let link_offer = move || {
        offered_link.get().map(|shared| {
            let town = shared.dataset.town.name.clone();
            let open = move |_| {
                if let Some(shared) = offered_link.get_untracked() {
                    crate::big::close(app);
                    app.guide.set(None);
                    app.replace(shared.dataset);
                    offered_link.set(None);
                    let said = if shared.checked { T::LinkOpened } else { T::LinkUnchecked };
                    notice.set(Some((said.get(app.lang.get_untracked()).to_string(), false)));
                }
            };
            view! {
                <div class="notice offer" role="alertdialog" aria-labelledby="link-offer-text">
                    <p id="link-offer-text">{move || format!("{}“{}”{}", T::LinkAskBefore.get(app.lang.get()), town, T::LinkAskAfter.get(app.lang.get()))}</p>
                    <button class="primary" data-action="open-link" on:click=open>{tr(T::LinkOpen)}</button>
                    <button data-action="keep-work" on:click=move |_| offered_link.set(None)>{tr(T::LinkKeep)}</button>
                </div>
            }
        })
    };

    view! {
        <div class="app" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
            <header class="app-header">
                <TitleBlock />
                <div class="toolbar" role="toolbar" aria-label=tr(T::Toolbar)>
                    {prefs.shows("entry").then(|| view! {
                        <button on:click=save_file data-action="save">{tr(T::SaveFile)}</button>
                        <button on:click=make_link data-action="share">{tr(T::ShareLink)}</button>
                    })}
                    <button on:click=export_csv data-action="export-csv">{tr(T::ExportCsv)}</button>
                    <button on:click=export_xlsx data-action="export-xlsx">{tr(T::ExportXlsx)}</button>
                    <button on:click=move |_| reporting.set(true) data-action="report">{tr(T::ReportOpen)}</button>
                    {prefs.shows("entry").then(|| view! {
                        <button on:click=move |_| {
                                if !refused_as_big() {
                                    importing.update(|v| *v = !*v);
                                }
                            } data-action="import"
                            aria-expanded=move || importing.get().to_string()>{tr(T::ImportOpen)}</button>
                        <label class="file-button">
                            <input type="file" accept=".json,application/json" data-action="open" on:change=on_pick />
                            {tr(T::OpenFile)}
                        </label>
                        <button on:click=move |_| app.undo() disabled=move || !app.can_undo.get() || app.big.with(Option::is_some)>{tr(T::Undo)}</button>
                        <button on:click=move |_| app.redo() disabled=move || !app.can_redo.get() || app.big.with(Option::is_some)>{tr(T::Redo)}</button>
                    })}
                    <Switch on=app.explain label=T::Explain />
                    <Switch on=app.large_text label=T::LargeText />
                    <LangSwitch lang=app.lang />
                </div>
            </header>
            {link_offer}
            <crate::big::BigProgress />
            <Show when=move || importing.get()>
                <ImportView on_close=move |()| importing.set(false) dropped=dropped_table
                    on_done=move |text: String| { importing.set(false); notice.set(Some((text, false))); } />
            </Show>
            {move || shared.get().map(|url| view! {
                <div class="notice share">
                    <label>{tr(T::ShareLinkLabel)}
                        <input type="text" readonly prop:value=url data-testid="share-url"
                            on:focus=|ev| { if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) { el.select(); } } />
                    </label>
                    <button class="icon" on:click=move |_| shared.set(None) aria-label=tr(T::Close)>"×"</button>
                </div>
            })}
            {move || notice.get().map(|(text, is_problem)| view! {
                <p class="notice" class:problem=is_problem role=if is_problem { "alert" } else { "status" }>{text}</p>
            })}
            <Show when=move || reporting.get() fallback=move || view! {
                {prefs.shows("entry").then(|| view! {
                <nav class="steps" aria-label=tr(T::Steps) hidden=move || app.big.with(Option::is_some)>
                    {STEPS.iter().map(|(step, label)| step_button(*step, *label)).collect_view()}
                </nav>
                })}
                <main class="layout" class:results-only=!prefs.shows("entry")>
                    {prefs.shows("entry").then(|| view! { <div class="entry">{entry}{next_step}</div> })}
                    <div class="results">
                        {prefs.shows("guide").then(|| view! { <GuideView /> })}
                        {prefs.shows("summary").then(|| view! { <SummaryView /> })}
                        {prefs.shows("lq").then(|| view! { <LqResults /> })}
                        {["maturity", "chain", "multipliers", "checklists", "region"]
                            .iter()
                            .any(|s| prefs.shows(s))
                            .then(|| view! { <ResultsTabs prefs /> })}
                    </div>
                </main>
            }>
                <ReportView on_close=move |()| reporting.set(false) />
            </Show>
        </div>
    }
}
