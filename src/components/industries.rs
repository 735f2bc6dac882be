//! The industries step: GB/T 4754-2017 code, town employment and output, and the reference area's employment.

use crate::components::fields::NumberField;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::dataset::{Industry, Reference};
use clustercalc_core::gbt4754;
use leptos::prelude::*;

#[component]
pub fn IndustriesView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let count = move || d.with(|d| d.industries.len());

    let row = move |i: usize| {
        // One memo per row reads the dataset; the row's cells read the memo. An edit then re-runs one small
        // memo per row and only the edited row's cells, instead of every cell of every row (the edit → repaint
        // budget of a 50-industry town; each dataset subscriber costs on every keystroke).
        let item = Memo::new(move |_| {
            d.with(|d| {
                d.industries.get(i).map(|x| {
                    let reference = d
                        .reference
                        .as_ref()
                        .and_then(|r| r.employment.get(&x.code).copied());
                    (x.code.clone(), x.employment, x.output, reference)
                })
            })
        });
        let code = move || item.with(|x| x.as_ref().map(|x| x.0.clone()).unwrap_or_default());
        let name = move || {
            let c = code();
            gbt4754::division(&c)
                .map(|x| x.name(lang.get()).to_string())
                .unwrap_or_default()
        };
        let code_ok = move || {
            let c = code();
            c.is_empty() || gbt4754::division(&c).is_some()
        };
        let label =
            move |key: T| Signal::derive(move || format!("{} {}", key.get(lang.get()), i + 1));
        let set_code = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev).trim().to_string();
            app.edit(&format!("industries[{i}].code"), |d| {
                if let Some(ind) = d.industries.get_mut(i) {
                    // Keep the reference figure with its industry when the code changes.
                    if let Some(r) = d.reference.as_mut() {
                        if let Some(e) = r.employment.remove(&ind.code) {
                            r.employment.insert(v.clone(), e);
                        }
                    }
                    ind.code = v;
                }
            });
        };
        let employment = Signal::derive(move || item.with(|x| x.as_ref().and_then(|x| x.1)));
        let output = Signal::derive(move || item.with(|x| x.as_ref().and_then(|x| x.2)));
        let reference = Signal::derive(move || item.with(|x| x.as_ref().and_then(|x| x.3)));
        let set_emp = Callback::new(move |v: Option<f64>| {
            app.edit(&format!("industries[{i}].employment"), |d| {
                if let Some(x) = d.industries.get_mut(i) {
                    x.employment = v;
                }
            })
        });
        let set_out = Callback::new(move |v: Option<f64>| {
            app.edit(&format!("industries[{i}].output"), |d| {
                if let Some(x) = d.industries.get_mut(i) {
                    x.output = v;
                }
            })
        });
        let set_ref = Callback::new(move |v: Option<f64>| {
            app.edit(&format!("reference.employment[{i}]"), |d| {
                let Some(code) = d.industries.get(i).map(|x| x.code.clone()) else {
                    return;
                };
                let r = d.reference.get_or_insert_with(Reference::default);
                match v {
                    Some(v) => r.employment.insert(code, v),
                    None => r.employment.remove(&code),
                };
            })
        });
        let remove = move |_| {
            app.edit(&format!("industries.remove[{i}]"), |d| {
                if i < d.industries.len() {
                    d.industries.remove(i);
                }
            })
        };
        view! {
            <tr>
                <td>
                    <input class="code" type="text" inputmode="numeric" maxlength="4" list="gbt4754-divisions"
                        aria-label=label(T::Code) prop:value=code on:input=set_code
                        aria-invalid=move || (!code_ok()).to_string() />
                    <Show when=move || !code_ok()>
                        <span class="cell-error" role="alert">{tr(T::UnknownCode)}</span>
                    </Show>
                </td>
                <td class="industry-name">{name}</td>
                <td><NumberField value=employment on_change=set_emp aria_label=label(T::TownEmployment) /></td>
                <td><NumberField value=output on_change=set_out aria_label=label(T::TownOutput) /></td>
                <td><NumberField value=reference on_change=set_ref aria_label=label(T::ReferenceEmployment) /></td>
                <td>
                    <button class="icon" aria-label=label(T::RemoveIndustryLabel) on:click=remove>
                        {tr(T::RemoveIndustry)}
                    </button>
                </td>
            </tr>
        }
    };
    let add = move |_| {
        app.edit("industries.add", |d| d.industries.push(Industry::default()));
        crate::components::focus::focus_soon(crate::components::focus::LAST_INDUSTRY);
    };
    let options = move || {
        gbt4754::DIVISIONS
            .iter()
            .map(|x| view! { <option value=x.code>{x.name(lang.get())}</option> })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="industries-heading">
            <h2 id="industries-heading">{tr(T::IndustriesSection)}</h2>
            <p class="hint">{tr(T::IndustriesHint)}</p>
            <datalist id="gbt4754-divisions">{options}</datalist>
            <div class="table-scroll">
                <table class="industries">
                    <thead>
                        <tr>
                            <th scope="col">{tr(T::Code)}</th>
                            <th scope="col">{tr(T::Industry)}</th>
                            <th scope="col">{tr(T::TownEmployment)}</th>
                            <th scope="col">{tr(T::TownOutput)}</th>
                            <th scope="col">{tr(T::ReferenceEmployment)}</th>
                            <th scope="col"><span class="sr-only">{tr(T::RemoveIndustry)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count() key=|i| *i children=row />
                    </tbody>
                </table>
            </div>
            <button class="add" on:click=add>{tr(T::AddIndustry)}</button>
        </section>
    }
}
