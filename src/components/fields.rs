//! Form fields bound to the dataset: text and number inputs that keep exactly what the user typed.
//!
//! A number field shows the user's text while it has focus (so "12." or "1,2" is not rewritten mid-typing),
//! writes the parsed value to the dataset when it is a valid number, and names the problem beside the field when
//! it is not. On blur it shows the dataset's value again. Empty text means "not given" (`None`).

use crate::i18n::{use_lang, T};
use crate::state::parse_amount;
use leptos::prelude::*;

/// Plain text of a number for editing (shortest round-trip form, no separators).
fn edit_text(v: Option<f64>) -> String {
    v.map(|v| format!("{v}")).unwrap_or_default()
}

/// A number input. With `label` it renders a visible label; in tables pass `aria_label` instead.
#[component]
pub fn NumberField(
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into)] on_change: Callback<Option<f64>>,
    #[prop(optional)] label: Option<T>,
    #[prop(optional, into)] aria_label: Option<Signal<String>>,
    #[prop(optional)] unit: Option<T>,
    /// Upper bound of valid values (e.g. 1 for shares, 5 for 1–5 scores).
    #[prop(optional)]
    max: Option<f64>,
    /// Lower bound (default 0).
    #[prop(optional)]
    min: Option<f64>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let typed: RwSignal<Option<String>> = RwSignal::new(None);
    let invalid = RwSignal::new(false);
    let min = min.unwrap_or(0.0);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let parsed = match parse_amount(&text) {
            None => Some(None),
            Some(Ok(v)) if v >= min && max.is_none_or(|m| v <= m) => Some(Some(v)),
            Some(_) => None,
        };
        typed.set(Some(text));
        match parsed {
            Some(v) => {
                invalid.set(false);
                on_change.run(v);
            }
            None => invalid.set(true),
        }
    };
    let on_blur = move |_| {
        if !invalid.get_untracked() {
            typed.set(None);
        }
    };
    let shown = move || typed.get().unwrap_or_else(|| edit_text(value.get()));
    let message = move || {
        let range = match max {
            Some(m) => format!("{} {min}–{m}", T::ExpectedRange.get(lang.get())),
            None => T::NotANumber.get(lang.get()).to_string(),
        };
        range
    };
    let aria = move || aria_label.map(|s| s.get()).unwrap_or_default();
    let input = view! {
        <input type="text" inputmode="decimal" class="num" prop:value=shown on:input=on_input on:blur=on_blur
            aria-invalid=move || invalid.get().to_string() aria-label=move || (label.is_none()).then(aria)
            data-testid=(!testid.is_empty()).then_some(testid) />
    };
    let unit_view = unit.map(|u| view! { <span class="unit">{move || u.get(lang.get())}</span> });
    let error = move || {
        invalid
            .get()
            .then(|| view! { <span class="cell-error" role="alert">{message}</span> })
    };
    match label {
        Some(l) => view! {
            <label class="field">
                <span class="field-label">{move || l.get(lang.get())}</span>
                <span class="field-input">{input}{unit_view}</span>
                {error}
            </label>
        }
        .into_any(),
        None => view! { <span class="cell">{input}{unit_view}{error}</span> }.into_any(),
    }
}

/// A yes / no / not-asked select bound to an `Option<bool>` of the dataset: blank is unknown, never "no".
#[component]
pub fn YesNoField(
    label: T,
    #[prop(into)] value: Signal<Option<bool>>,
    #[prop(into)] on_change: Callback<Option<bool>>,
) -> impl IntoView {
    let lang = use_lang();
    let text = move || match value.get() {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let on_select = move |ev: leptos::ev::Event| {
        on_change.run(match event_target_value(&ev).as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        })
    };
    view! {
        <label class="field">
            <span class="field-label">{move || label.get(lang.get())}</span>
            <select prop:value=text on:change=on_select>
                <option value="" selected=move || text().is_empty()>{move || T::Unknown.get(lang.get())}</option>
                <option value="yes" selected=move || text() == "yes">{move || T::Yes.get(lang.get())}</option>
                <option value="no" selected=move || text() == "no">{move || T::No.get(lang.get())}</option>
            </select>
        </label>
    }
}

/// A text input bound to a string of the dataset.
#[component]
pub fn TextField(
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    label: T,
    #[prop(optional)] hint: Option<T>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("hint-{label:?}").to_lowercase();
    let described = hint.map(|_| hint_id.clone());
    // One grid cell: the hint stays under its own field.
    view! {
        <div class="field">
            <label class="field">
                <span class="field-label">{move || label.get(lang.get())}</span>
                <input type="text" prop:value=move || value.get() aria-describedby=described
                    on:input=move |ev| on_change.run(event_target_value(&ev)) />
            </label>
            {hint.map(|h| view! { <small id=hint_id class="hint">{move || h.get(lang.get())}</small> })}
        </div>
    }
}
