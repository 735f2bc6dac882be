//! Component tests in headless Chromium (wasm-bindgen-test): mount the app, type into it, read what it shows.
#![cfg(target_arch = "wasm32")]

use clustercalc_web::app::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn input(label: &str) -> HtmlInputElement {
    document()
        .query_selector(&format!("input[aria-label=\"{label}\"]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no input labelled {label}"))
        .unchecked_into()
}

fn type_into(label: &str, text: &str) {
    let el = input(label);
    el.set_value(text);
    let ev = web_sys::Event::new("input").expect("event");
    el.dispatch_event(&ev).expect("dispatch");
}

async fn tick() {
    // Let the reactive system flush effects scheduled on the microtask queue.
    let p = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

fn click(selector: &str) {
    let el: HtmlElement = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into();
    el.click();
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .map(|e| e.unchecked_into::<HtmlElement>().inner_text())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn typing_a_town_shows_core_lqs_and_switches_language() {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.clear();
    }
    let _handle = leptos::mount::mount_to(host.clone(), || leptos::view! { <App /> });

    click("button.primary"); // 新建乡镇
    tick().await;
    click("nav.steps button:nth-child(3)"); // 行业就业
    tick().await;
    click("button.add");
    tick().await;
    type_into("行业代码 1", "17");
    type_into("本镇就业（人） 1", "300");
    type_into("参照区域就业（人） 1", "1000");
    tick().await;
    // One industry only: the town equals its reference structure, so LQ = 1 exactly.
    assert_eq!(text_of("tr[data-code=\"17\"] .lq-value"), "1.00");
    assert!(text_of("tr[data-code=\"17\"]").contains("自给性部门"));

    click("button.lang-switch");
    tick().await;
    assert!(text_of("h1").contains("Town Cluster Calculator"));
    assert!(text_of("tr[data-code=\"17\"]").contains("Self-sufficient"));
    host.remove();
}
