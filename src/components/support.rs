//! stub
use leptos::prelude::*;
#[component]
pub fn SupportView() -> impl IntoView {
    view! { <p></p> }
}
