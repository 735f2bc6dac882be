//! stub
use leptos::prelude::*;
#[component]
pub fn JudgmentsView() -> impl IntoView {
    view! { <p></p> }
}
