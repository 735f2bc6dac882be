//! The start screen: continue, a new town, or one of the bundled case studies.
//!
//! The same component is the first screen (in the shell, before the workbench has loaded) and the workbench's
//! Start step; what a choice does is the caller's business (`on_choose`).

use crate::i18n::{tr, T};
use crate::launch::StartChoice;
use clustercalc_core::examples;
use leptos::prelude::*;

/// Short description of each bundled example, in both languages.
fn example_text(name: &str) -> (T, T) {
    match name {
        "datang" => (T::ExampleDatang, T::ExampleDatangNote),
        "xiqiao" => (T::ExampleXiqiao, T::ExampleXiqiaoNote),
        "county" => (T::ExampleCounty, T::ExampleCountyNote),
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
            </div>
            <h3>{tr(T::Examples)}</h3>
            <ul class="cards">{cards}</ul>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </section>
    }
}
