//! stub
use leptos::prelude::*;
#[component]
pub fn ScenariosView() -> impl IntoView {
    view! { <p></p> }
}
