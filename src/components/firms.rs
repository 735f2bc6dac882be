//! The optional firm table: name, industry, chain stage, employment, revenue (万元) and the MIIT flags.
//!
//! Leading firms and concentration are the core's to find; the user's "leading" tick is stored as given.

use crate::components::field_error::FieldError;
use crate::components::fields::NumberField;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::chain;
use clustercalc_core::dataset::{Dataset, Firm};
use leptos::prelude::*;

/// Empty text is "not given".
fn opt(s: String) -> Option<String> {
    let s = s.trim().to_string();
    (!s.is_empty()).then_some(s)
}

#[component]
pub fn FirmsView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let count = move || d.with(|d| d.firms.len());
    // Stage ids of the cluster's template, offered as suggestions for the stage column.
    let stage_options = move || {
        let id = d.with(|d| d.clusters.first().and_then(|c| c.chain_template.clone()));
        id.and_then(|id| chain::template(&id).ok())
            .map(|t| {
                t.stages
                    .iter()
                    .map(|s| view! { <option value=s.id.clone()>{s.name.get(lang.get()).to_string()}</option> })
                    .collect_view()
            })
    };

    let row = move |i: usize| {
        // The row's cells read this memo, not the dataset: an edit re-runs one memo per row and the edited row's
        // cells only (see industries.rs).
        let item = Memo::new(move |_| d.with(|d| d.firms.get(i).cloned()));
        let label =
            move |key: T| Signal::derive(move || format!("{} {}", key.get(lang.get()), i + 1));
        let text = move |get: fn(&Firm) -> String| {
            move || item.with(|f| f.as_ref().map(get).unwrap_or_default())
        };
        let set_text = move |field: &'static str, set: fn(&mut Firm, String)| {
            move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                app.edit(&format!("firms[{i}].{field}"), |d: &mut Dataset| {
                    if let Some(f) = d.firms.get_mut(i) {
                        set(f, v);
                    }
                })
            }
        };
        let num = move |get: fn(&Firm) -> Option<f64>| {
            Signal::derive(move || item.with(|f| f.as_ref().and_then(get)))
        };
        let set_num = move |field: &'static str, set: fn(&mut Firm, Option<f64>)| {
            Callback::new(move |v: Option<f64>| {
                app.edit(&format!("firms[{i}].{field}"), |d| {
                    if let Some(f) = d.firms.get_mut(i) {
                        set(f, v);
                    }
                })
            })
        };
        let flag = move |key: T, get: fn(&Firm) -> bool, set: fn(&mut Firm, bool)| {
            let checked = move || item.with(|f| f.as_ref().is_some_and(get));
            let on_change = move |ev: leptos::ev::Event| {
                let v = event_target_checked(&ev);
                app.edit(&format!("firms[{i}].{key:?}"), |d| {
                    if let Some(f) = d.firms.get_mut(i) {
                        set(f, v);
                    }
                })
            };
            view! {
                <td class="flag">
                    <input type="checkbox" aria-label=label(key) prop:checked=checked on:change=on_change />
                </td>
            }
        };
        let remove = move |_| {
            app.edit(&format!("firms.remove[{i}]"), |d| {
                if i < d.firms.len() {
                    d.firms.remove(i);
                }
            })
        };
        view! {
            <tr>
                <td>
                    <input type="text" aria-label=label(T::FirmName) prop:value=text(|f| f.name.clone())
                        on:input=set_text("name", |f, v| f.name = v) />
                    <FieldError path=format!("firms[{i}].name") />
                </td>
                <td>
                    <input class="code" type="text" inputmode="numeric" maxlength="4" list="gbt4754-divisions"
                        aria-label=label(T::FirmIndustry)
                        prop:value=text(|f| f.industry.clone().unwrap_or_default())
                        on:input=set_text("industry", |f, v| f.industry = opt(v)) />
                    <FieldError path=format!("firms[{i}].industry") />
                </td>
                <td>
                    <input type="text" list="firm-stages" aria-label=label(T::FirmStage)
                        prop:value=text(|f| f.stage.clone().unwrap_or_default())
                        on:input=set_text("stage", |f, v| f.stage = opt(v)) />
                    <FieldError path=format!("firms[{i}].stage") />
                </td>
                <td><NumberField value=num(|f| f.employment) aria_label=label(T::FirmEmployment)
                    on_change=set_num("employment", |f, v| f.employment = v) /></td>
                <td><NumberField value=num(|f| f.revenue) aria_label=label(T::FirmRevenue)
                    on_change=set_num("revenue", |f, v| f.revenue = v) /></td>
                {flag(T::FirmLeading, |f| f.leading == Some(true), |f, v| f.leading = v.then_some(true))}
                {flag(T::FirmSpecialised, |f| f.specialised_sme, |f, v| f.specialised_sme = v)}
                {flag(T::FirmLittleGiant, |f| f.little_giant, |f, v| f.little_giant = v)}
                {flag(T::FirmChampion, |f| f.single_champion, |f, v| f.single_champion = v)}
                <td>
                    <button class="icon" aria-label=label(T::RemoveFirmLabel) on:click=remove>
                        {tr(T::RemoveIndustry)}
                    </button>
                </td>
            </tr>
        }
    };
    let add = move |_| {
        app.edit("firms.add", |d| d.firms.push(Firm::default()));
    };
    view! {
        <section class="panel" aria-labelledby="firms-heading">
            <h2 id="firms-heading">{tr(T::FirmsSection)}</h2>
            <p class="hint">{tr(T::FirmsHint)}</p>
            <datalist id="firm-stages">{stage_options}</datalist>
            <div class="table-scroll">
                <table class="firms">
                    <thead>
                        <tr>
                            <th scope="col">{tr(T::FirmName)}</th>
                            <th scope="col">{tr(T::FirmIndustry)}</th>
                            <th scope="col">{tr(T::FirmStage)}</th>
                            <th scope="col">{tr(T::FirmEmployment)}</th>
                            <th scope="col">{tr(T::FirmRevenue)}</th>
                            <th scope="col">{tr(T::FirmLeading)}</th>
                            <th scope="col">{tr(T::FirmSpecialised)}</th>
                            <th scope="col">{tr(T::FirmLittleGiant)}</th>
                            <th scope="col">{tr(T::FirmChampion)}</th>
                            <th scope="col"><span class="sr-only">{tr(T::RemoveIndustry)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count() key=|i| *i children=row />
                    </tbody>
                </table>
            </div>
            <button class="add" on:click=add>{tr(T::AddFirm)}</button>
        </section>
    }
}
