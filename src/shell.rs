//! The first screen: the start page, in the first download on its own.
//!
//! Everything else (data entry, results, the engine) is the workbench module, loaded when the user makes a
//! choice, or earlier as a prefetch once this screen is drawn. With an autosaved session the shell continues it
//! as soon as the workbench is ready (a reload keeps the work). The shell never parses a dataset.

use crate::components::chrome::{follow_document, LangSwitch, Switch, TitleBlock};
use crate::components::start::StartView;
use crate::i18n::{tr, LangState, T};
use crate::launch::{Launch, Prefs, StartChoice};
use crate::storage;
use leptos::mount::UnmountHandle;
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/embed.js")]
extern "C" {
    #[wasm_bindgen(js_name = reportHeight)]
    fn report_height();
}

#[wasm_bindgen(module = "/src/js/workbench_loader.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadWorkbench)]
    fn load_workbench(on_progress: &Closure<dyn FnMut(f64)>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = mountWorkbench, catch)]
    fn mount_workbench(request: &str, file: Option<web_sys::File>) -> Result<(), JsValue>;
}

thread_local! {
    static SHELL: RefCell<Option<UnmountHandle<AnyViewState>>> = const { RefCell::new(None) };
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Loading {
    Idle,
    /// Bytes of the workbench downloaded so far.
    Bytes(f64),
    Failed,
}

/// Mounts the start screen on `<body>`, replacing the static loading text, and starts fetching the workbench.
pub fn start() {
    let doc = document();
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    let mut prefs = storage::load_prefs();
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let preset = crate::launch::apply_query(&query, &mut prefs);
    if prefs.embed {
        // The observer stays after the workbench replaces this screen: it watches the page, not the view.
        report_height();
    }
    let can_restore = storage::has_autosave();
    // A share link opens its data (the workbench asks first if there is work to keep).
    let link = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|h| clustercalc_core::share::payload(&h).map(str::to_string));
    let Some(body) = doc.body() else {
        return;
    };
    let handle = leptos::mount::mount_to(body, move || {
        view! { <Shell prefs can_restore link=link.clone() preset=preset.clone() /> }.into_any()
    });
    SHELL.with(|s| *s.borrow_mut() = Some(handle));
    // Marks the first meaningful render (the start screen is in the DOM) for end2end/perf/first-render.mjs.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("clustercalc:rendered");
    }
}

/// Removes the start screen and mounts the workbench with the user's choice.
/// Only the first call does anything (two quick clicks start two waits for the same download).
fn hand_over(launch: &Launch) -> Result<(), JsValue> {
    let Some(handle) = SHELL.with(|s| s.borrow_mut().take()) else {
        return Ok(());
    };
    if !launch.prefs.embed {
        storage::save_prefs(&launch.prefs);
    }
    // Dropping the handle unmounts the shell's view and disposes its reactive owner.
    drop(handle);
    // A big file picked here crosses to the workbench module as itself, not as text (`big.rs`).
    mount_workbench(&launch.encode(), crate::big::take_pending())
}

#[component]
fn Shell(
    prefs: Prefs,
    can_restore: bool,
    link: Option<String>,
    preset: Option<StartChoice>,
) -> impl IntoView {
    let lang = RwSignal::new(prefs.lang);
    let large_text = RwSignal::new(prefs.large_text);
    provide_context(LangState(lang));
    let loading = RwSignal::new(Loading::Idle);
    // The choice waiting for the workbench; a reload with an autosave continues that session by itself.
    let pending = RwSignal::new(
        link.map(StartChoice::Link)
            .or(preset)
            .or(can_restore.then_some(StartChoice::Restore)),
    );

    let progress = Closure::<dyn FnMut(f64)>::new(move |n: f64| loading.set(Loading::Bytes(n)));
    let fetch = move || {
        let promise = load_workbench(&progress);
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => {
                    // After a hand-over the signals are disposed: `try_` reads give None and nothing happens.
                    if let Some(choice) = pending.try_get_untracked().flatten() {
                        let launch = Launch {
                            prefs: Prefs {
                                lang: lang.try_get_untracked().unwrap_or_default(),
                                large_text: large_text.try_get_untracked().unwrap_or_default(),
                                explain: prefs.explain,
                                embed: prefs.embed,
                                sections: prefs.sections,
                            },
                            choice,
                        };
                        if hand_over(&launch).is_err() {
                            // The shell is gone; the workbench reports its own problems.
                            web_sys::console::error_1(
                                &"clustercalc: the workbench failed to mount".into(),
                            );
                        }
                    }
                }
                Err(_) => {
                    let _ = loading.try_set(Loading::Failed);
                }
            }
        });
    };
    let fetch = StoredValue::new_local(fetch);
    // Prefetch now that the first screen is drawn: by the time the user has read it, the rest is here.
    fetch.with_value(|f| f());

    // Whether the waiting choice is the user's click, or the automatic continuation of the last work (which
    // the status line then says, so the page never jumps into it unannounced).
    let chosen = RwSignal::new(false);
    let choose = Callback::new(move |choice: StartChoice| {
        chosen.set(true);
        pending.set(Some(choice));
        if loading.get_untracked() == Loading::Failed {
            loading.set(Loading::Idle);
        }
        // Re-issuing the load is harmless: the loader shares one download, and retries after a failure.
        fetch.with_value(|f| f());
    });

    follow_document(lang, large_text, prefs.embed);
    let problem = Signal::derive(move || {
        (loading.get() == Loading::Failed).then(|| T::WorkbenchFailed.get(lang.get()).to_string())
    });
    let status = move || {
        let waiting = pending.get().is_some();
        let l = lang.get();
        let what = if !chosen.get() && pending.get() == Some(StartChoice::Restore) {
            T::ContinuingLastWork.get(l)
        } else {
            T::LoadingWorkbench.get(l)
        };
        match loading.get() {
            Loading::Bytes(n) if waiting => Some(format!(
                "{what} {} {:.0} KB",
                T::LoadedKb.get(l),
                n / 1024.0
            )),
            Loading::Idle if waiting => Some(what.to_string()),
            _ => None,
        }
        .map(|s| view! { <p class="notice" role="status" aria-live="polite">{s}</p> })
    };

    // The last work was too big to autosave and nothing older is there: say so, not a blank start.
    let skipped = (!can_restore && !prefs.embed)
        .then(storage::skipped_last)
        .flatten()
        .map(|(town, bytes)| {
            let text = move || {
                T::StorageSkippedNone
                    .get(lang.get())
                    .replace("{town}", &town)
                    .replace(
                        "{mb}",
                        // Plain float formatting (already in this module); sizes need no grouping.
                        &format!("{:.1}", bytes as f64 / 1_048_576.0),
                    )
            };
            view! { <p class="notice problem" role="alert">{text}</p> }
        });
    view! {
        <div class="app shell">
            <header class="app-header">
                <TitleBlock />
                <div class="toolbar" role="toolbar" aria-label=tr(T::Toolbar)>
                    <Switch on=large_text label=T::LargeText />
                    <LangSwitch lang />
                </div>
            </header>
            {status}
            {skipped}
            <main class="layout-start">
                <StartView on_choose=choose can_restore problem />
            </main>
        </div>
    }
}
