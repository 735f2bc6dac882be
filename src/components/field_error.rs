//! The validation error of one dataset path, shown at the field that holds it.
//!
//! The core validates the whole dataset and names the JSON path of the first problem; this shows that message
//! beside the control whose path it is, so the user sees where to look instead of a banner far away.

use crate::i18n::use_lang;
use crate::state::use_app;
use leptos::prelude::*;

/// True when the error at `error_path` belongs to the field at `path` (the same path or a part inside it).
fn belongs(error_path: &str, path: &str) -> bool {
    error_path == path
        || error_path
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// Shows the core's validation message when it names `path` (or a field inside it); nothing otherwise.
#[component]
pub fn FieldError(#[prop(into)] path: String) -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let message = move || {
        app.error.with(|e| match e {
            Some(e) if belongs(&e.path, &path) => Some(e.message(lang.get())),
            _ => None,
        })
    };
    move || message().map(|m| view! { <span class="cell-error" role="alert">{m}</span> })
}

#[cfg(test)]
mod tests {
    use super::belongs;

    #[test]
    fn an_error_belongs_to_its_field_and_the_fields_inside() {
        assert!(belongs("clusters[0].name", "clusters[0].name"));
        assert!(belongs("scenarios[1].changes[0].jobs", "scenarios[1]"));
        assert!(!belongs("scenarios[10].name", "scenarios[1]"));
        assert!(!belongs("firms[0]", "firms[0].name"));
    }
}
