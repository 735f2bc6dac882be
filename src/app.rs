//! The page: header with the language switch, the town form and the results beside it.

use crate::components::{lq_results::LqResults, town_form::TownFormView};
use crate::i18n::{tr, LangState, T};
use crate::state::{FormState, TownForm};
use clustercalc_core::Lang;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::Zh);
    provide_context(LangState(lang));
    let form = RwSignal::new(TownForm::default());
    provide_context(FormState(form));

    // The document language follows the switch, so screen readers and fonts pick the right one.
    Effect::new(move |_| {
        let tag = match lang.get() {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        document().set_title(T::AppTitle.get(lang.get()));
    });

    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });

    view! {
        <header class="app-header">
            <div>
                <h1>{tr(T::AppTitle)}</h1>
                <p class="subtitle">{tr(T::AppSubtitle)}</p>
            </div>
            <button class="lang-switch" on:click=toggle aria-label=tr(T::SwitchLanguageLabel)>
                {tr(T::SwitchLanguage)}
            </button>
        </header>
        <main class="layout">
            <TownFormView />
            <LqResults />
        </main>
    }
}
