//! stub
use leptos::prelude::*;
#[component]
pub fn ParametersView() -> impl IntoView {
    view! { <p></p> }
}
