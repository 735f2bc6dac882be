//! Page chrome shared by the first screen (`shell.rs`) and the workbench (`app.rs`): the title block, the
//! toolbar's switches, the language switch, and the document attributes that follow the view settings.

use crate::i18n::{tr, T};
use clustercalc_core::Lang;
use leptos::prelude::*;

/// The root element's classes for the view settings (large text for projectors, compact embed mode).
pub fn root_class(large_text: bool, embed: bool) -> String {
    let mut c = Vec::new();
    if large_text {
        c.push("large-text");
    }
    if embed {
        c.push("embed");
    }
    c.join(" ")
}

/// Keeps `<html lang class>` and the title in step with the settings, so screen readers and fonts pick the
/// right language and projector mode applies to the whole page.
pub fn follow_document(lang: RwSignal<Lang>, large_text: RwSignal<bool>, embed: bool) {
    let host = use_context::<Host>().and_then(|h| h.0);
    Effect::new(move |_| {
        let l = lang.get();
        // Mounted into a host page's element (the JS API's mountInto): only that element follows the settings;
        // the host's title, <html> and <body> stay the host's.
        if let Some(el) = &host {
            let _ = el.set_attribute("lang", if l == Lang::Zh { "zh-CN" } else { "en" });
            let classes = el.class_list();
            let _ = classes.toggle_with_force("large-text", large_text.get());
            let _ = classes.toggle_with_force("embed", embed);
            return;
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", if l == Lang::Zh { "zh-CN" } else { "en" });
            let _ = root.set_attribute("class", &root_class(large_text.get(), embed));
        }
        document().set_title(T::AppTitle.get(l));
    });
}

/// The element of a host page the workbench was mounted into, if not the page's own body.
#[derive(Debug, Clone)]
pub struct Host(pub Option<web_sys::HtmlElement>);

/// The app's name and one-line promise (hidden in embed mode by the stylesheet).
#[component]
pub fn TitleBlock() -> impl IntoView {
    view! {
        <div>
            <h1>{tr(T::AppTitle)}</h1>
            <p class="subtitle">{tr(T::AppSubtitle)}</p>
        </div>
    }
}

/// A toolbar checkbox bound to a setting.
#[component]
pub fn Switch(on: RwSignal<bool>, label: T) -> impl IntoView {
    view! {
        <label class="switch">
            <input type="checkbox" prop:checked=move || on.get()
                on:change=move |ev| on.set(event_target_checked(&ev)) />
            {tr(label)}
        </label>
    }
}

/// Switches between Chinese and English.
#[component]
pub fn LangSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });
    view! {
        <button class="lang-switch" on:click=toggle aria-label=tr(T::SwitchLanguageLabel)>
            {tr(T::SwitchLanguage)}
        </button>
    }
}
