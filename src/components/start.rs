//! The start screen: continue, a new town, or one of the bundled case studies.
//!
//! The same component is the first screen (in the shell, before the workbench has loaded) and the workbench's
//! Start step; what a choice does is the caller's business (`on_choose`).

use crate::files::{picked_file, read_text, ReadProblem};
use crate::i18n::{tr, use_lang, T};
use crate::launch::StartChoice;
use clustercalc_core::examples;
use leptos::prelude::*;

/// Short description of each bundled example, in both languages.
fn example_text(name: &str) -> (T, T) {
    match name {
        "datang" => (T::ExampleDatang, T::ExampleDatangNote),
        "xiqiao" => (T::ExampleXiqiao, T::ExampleXiqiaoNote),
        "county" => (T::ExampleCounty, T::ExampleCountyNote),
        "tourism-town" => (T::ExampleTourism, T::ExampleTourismNote),
        _ => (T::ExampleHunan, T::ExampleHunanNote),
    }
}

#[component]
pub fn StartView(
    on_choose: Callback<StartChoice>,
    /// Offer "continue where you left off".
    #[prop(optional)]
    can_restore: bool,
    /// A problem with the last choice (e.g. the workbench could not be loaded), shown as an alert.
    #[prop(optional, into)]
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let file_problem = RwSignal::new(None::<String>);
    let open_file = move |ev: leptos::ev::Event| {
        let Some(file) = picked_file(&ev) else { return };
        if file.size() > crate::big::WORKER_FILE_BYTES {
            // Too big for the page's thread: the workbench analyses it in a worker (`big.rs`).
            file_problem.set(None);
            let name = file.name();
            crate::big::keep_pending(file);
            on_choose.run(StartChoice::Big { name });
            return;
        }
        leptos::task::spawn_local(async move {
            match read_text(&file).await {
                Ok(text) => {
                    file_problem.set(None);
                    on_choose.run(StartChoice::Open {
                        name: file.name(),
                        text,
                    });
                }
                Err(p) => file_problem.set(Some(read_problem_text(
                    &p,
                    &file.name(),
                    lang.get_untracked(),
                ))),
            }
        });
    };
    // Earlier work kept on this device (storage.rs), newest first.
    let recent = crate::storage::recent();
    let recent_list = (!recent.is_empty()).then(|| {
        let items = recent
            .into_iter()
            .map(|r| {
                let when = js_sys::Date::new(&r.at.into())
                    .to_locale_string(
                        lang.get_untracked().pick("zh-CN", "en-GB"),
                        &wasm_bindgen::JsValue::UNDEFINED,
                    )
                    .as_string()
                    .unwrap_or_default();
                let town = r.town.clone();
                let id = r.id.clone();
                let open = move |_| match crate::storage::recent_text(&id) {
                    Some(text) => on_choose.run(StartChoice::Open {
                        name: town.clone(),
                        text,
                    }),
                    None => {
                        file_problem.set(Some(T::RecentGone.get(lang.get_untracked()).to_string()))
                    }
                };
                let shown = r.town.clone();
                let shown = move || {
                    if shown.trim().is_empty() {
                        T::UnnamedTown.get(lang.get()).to_string()
                    } else {
                        shown.clone()
                    }
                };
                view! {
                    <li>
                        <button class="link" data-recent=r.id.clone() on:click=open>
                            {shown}
                        </button>
                        <span class="hint">{format!(" {when}")}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{tr(T::RecentWork)}</h3>
            <ul class="recent" data-testid="recent">{items}</ul>
        }
    });
    let cards = examples::names()
        .into_iter()
        .map(|name| {
            let (title, note) = example_text(name);
            view! {
                <li class="card">
                    <button class="card-button" data-example=name
                        on:click=move |_| on_choose.run(StartChoice::Example(name.to_string()))>
                        <strong>{tr(title)}</strong>
                        <span>{tr(note)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel start" aria-labelledby="start-heading">
            <h2 id="start-heading">{tr(T::StartHeading)}</h2>
            <p>{tr(T::StartIntro)}</p>
            <div class="start-actions">
                {can_restore.then(|| view! {
                    <button class="primary" data-choice="restore"
                        on:click=move |_| on_choose.run(StartChoice::Restore)>{tr(T::ContinueWork)}</button>
                })}
                <button class=if can_restore { "" } else { "primary" } data-choice="new"
                    on:click=move |_| on_choose.run(StartChoice::New)>{tr(T::NewTown)}</button>
                <label class="file-button">
                    <input type="file" accept=".json,application/json" data-choice="open" on:change=open_file />
                    {tr(T::OpenFile)}
                </label>
            </div>
            <p class="hint">{tr(T::OpenFileHint)}</p>
            {recent_list}
            <h3>{tr(T::Examples)}</h3>
            <ul class="cards">{cards}</ul>
            {move || problem.get().or_else(|| file_problem.get()).map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </section>
    }
}

/// A localized message for a file that could not be read, naming the file.
pub fn read_problem_text(p: &ReadProblem, name: &str, lang: clustercalc_core::Lang) -> String {
    match p {
        ReadProblem::TooLarge { bytes } => format!(
            "{name}: {} ({:.1} MB > {:.0} MB)",
            T::FileTooLarge.get(lang),
            bytes / 1_048_576.0,
            crate::files::MAX_FILE_BYTES / 1_048_576.0
        ),
        ReadProblem::Unreadable => format!("{name}: {}", T::FileUnreadable.get(lang)),
    }
}
