//! The start screen: a new town, or one of the bundled case studies.

use crate::i18n::{tr, T};
use crate::state::{use_app, Step};
use clustercalc_core::dataset::Dataset;
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
pub fn StartView() -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let new_town = move |_| {
        app.replace(Dataset::empty(""));
        app.step.set(Step::Town);
    };
    let cards = examples::names()
        .into_iter()
        .map(|name| {
            let (title, note) = example_text(name);
            let open = move |_| match examples::get(name).map(Dataset::from_json) {
                Some(Ok(d)) => {
                    app.replace(d);
                    app.step.set(Step::Industries);
                }
                Some(Err(e)) => problem.set(Some(e.message(app.lang.get_untracked()))),
                None => {}
            };
            view! {
                <li class="card">
                    <button class="card-button" on:click=open data-example=name>
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
            <button class="primary" on:click=new_town>{tr(T::NewTown)}</button>
            <h3>{tr(T::Examples)}</h3>
            <ul class="cards">{cards}</ul>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
        </section>
    }
}
