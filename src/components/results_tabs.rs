//! A tab bar for the result views (maturity, chain, multipliers, checklists, county), so the results column
//! stays short at 1366 × 768. Only the selected panel's view is mounted: the others would be recomputed and
//! redrawn on every keystroke while nobody sees them. Their (empty) panels stay in the page for `aria-controls`.

use crate::components::chain_view::ChainView;
use crate::components::checklists_view::ChecklistsView;
use crate::components::maturity_view::MaturityView;
use crate::components::multipliers_view::MultipliersView;
use crate::components::region_view::RegionView;
use crate::i18n::{tr, T};
use leptos::prelude::*;

const TABS: [(&str, T); 5] = [
    ("maturity", T::TabMaturity),
    ("chain", T::TabChain),
    ("multipliers", T::TabMultipliers),
    ("checklists", T::TabChecklists),
    ("region", T::TabRegion),
];

/// The tabs shown: all, or those a host page chose with `?sections=` (see `launch::SECTIONS`).
#[component]
pub fn ResultsTabs(#[prop(optional)] prefs: crate::launch::Prefs) -> impl IntoView {
    let tabs: Vec<(&'static str, T)> = TABS.into_iter().filter(|(id, _)| prefs.shows(id)).collect();
    let shown = StoredValue::new(tabs.iter().map(|t| t.0).collect::<Vec<_>>());
    let selected = RwSignal::new(tabs.first().map_or("maturity", |t| t.0));
    let tab = move |(id, label): (&'static str, T)| {
        view! {
            <button role="tab" id=format!("tab-{id}") aria-controls=format!("tabpanel-{id}")
                aria-selected=move || (selected.get() == id).to_string()
                tabindex=move || if selected.get() == id { "0" } else { "-1" }
                on:click=move |_| selected.set(id)>{tr(label)}</button>
        }
    };
    // Arrow keys move between tabs, as the ARIA tabs pattern expects.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        ev.prevent_default();
        let ids = shown.get_value();
        let now = ids
            .iter()
            .position(|t| *t == selected.get_untracked())
            .unwrap_or(0);
        let next = (now as isize + step).rem_euclid(ids.len().max(1) as isize) as usize;
        if let Some(id) = ids.get(next).copied() {
            selected.set(id);
            if let Some(el) = document().get_element_by_id(&format!("tab-{id}")) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
    };
    let panel = move |id: &'static str, content: fn() -> AnyView| {
        prefs.shows(id).then(|| view! {
            <div role="tabpanel" id=format!("tabpanel-{id}") aria-labelledby=format!("tab-{id}")
                hidden=move || selected.get() != id>{move || (selected.get() == id).then(content)}</div>
        })
    };
    view! {
        <div class="results-tabs">
            <div class="tab-bar" role="tablist" aria-label=tr(T::ResultsTabsLabel) on:keydown=on_key>
                {tabs.into_iter().map(tab).collect_view()}
            </div>
            {panel("maturity", || view! { <MaturityView /> }.into_any())}
            {panel("chain", || view! { <ChainView /> }.into_any())}
            {panel("multipliers", || view! { <MultipliersView /> }.into_any())}
            {panel("checklists", || view! { <ChecklistsView /> }.into_any())}
            {panel("region", || view! { <RegionView /> }.into_any())}
        </div>
    }
}
