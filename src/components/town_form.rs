//! The town form: name, reference area and employment by GB/T 4754-2017 division.

use crate::i18n::{tr, use_lang, T};
use crate::state::{Column, FormState, LqState};
use clustercalc_core::gbt4754;
use leptos::prelude::*;

#[component]
pub fn TownFormView() -> impl IntoView {
    let FormState(form) = expect_context::<FormState>();
    let lang = use_lang();
    let problems = Memo::new(move |_| match form.with(|f| f.lq_state()) {
        LqState::BadCells(p) => p,
        _ => Vec::new(),
    });
    let has_problem = move |row: u32, col: Column| {
        problems.with(|p| p.iter().any(|c| c.row == row && c.column == col))
    };

    let row_ids = move || form.with(|f| f.rows.iter().map(|r| r.id).collect::<Vec<_>>());
    let cell = move |id: u32, col: Column| {
        move || {
            form.with(|f| {
                f.rows
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| match col {
                        Column::Code => r.code.clone(),
                        Column::Town => r.town.clone(),
                        Column::Reference => r.reference.clone(),
                    })
                    .unwrap_or_default()
            })
        }
    };
    let set_cell = move |id: u32, col: Column| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            form.update(|f| {
                if let Some(r) = f.row_mut(id) {
                    match col {
                        Column::Code => r.code = v,
                        Column::Town => r.town = v,
                        Column::Reference => r.reference = v,
                    }
                }
            });
        }
    };
    let industry_name = move |id: u32| {
        move || {
            let code = cell(id, Column::Code)();
            gbt4754::division(&code)
                .map(|d| d.name(lang.get()))
                .unwrap_or("")
        }
    };

    let row_view = move |id: u32| {
        let n = move || form.with(|f| f.rows.iter().position(|r| r.id == id).map_or(0, |p| p + 1));
        let label = move |key: T| move || format!("{} {}", key.get(lang.get()), n());
        let bad = move |col: Column| move || has_problem(id, col);
        view! {
            <tr>
                <td>
                    <input class="code" type="text" inputmode="numeric" maxlength="4" list="gbt4754-divisions"
                        aria-label=label(T::Code) prop:value=cell(id, Column::Code)
                        aria-invalid=move || bad(Column::Code)().to_string()
                        on:input=set_cell(id, Column::Code) />
                    <Show when=bad(Column::Code)>
                        <span class="cell-error" role="alert">{tr(T::UnknownCode)}</span>
                    </Show>
                </td>
                <td class="industry-name">{industry_name(id)}</td>
                <td>
                    <input class="num" type="text" inputmode="decimal" aria-label=label(T::TownEmployment)
                        prop:value=cell(id, Column::Town) aria-invalid=move || bad(Column::Town)().to_string()
                        on:input=set_cell(id, Column::Town) />
                    <Show when=bad(Column::Town)>
                        <span class="cell-error" role="alert">{tr(T::NotANumber)}</span>
                    </Show>
                </td>
                <td>
                    <input class="num" type="text" inputmode="decimal" aria-label=label(T::ReferenceEmployment)
                        prop:value=cell(id, Column::Reference) aria-invalid=move || bad(Column::Reference)().to_string()
                        on:input=set_cell(id, Column::Reference) />
                    <Show when=bad(Column::Reference)>
                        <span class="cell-error" role="alert">{tr(T::NotANumber)}</span>
                    </Show>
                </td>
                <td>
                    <button class="icon" aria-label=label(T::RemoveIndustryLabel)
                        on:click=move |_| form.update(|f| f.remove_row(id))>{tr(T::RemoveIndustry)}</button>
                </td>
            </tr>
        }
    };

    let options = move || {
        gbt4754::DIVISIONS
            .iter()
            .map(|d| view! { <option value=d.code>{d.name(lang.get())}</option> })
            .collect_view()
    };

    view! {
        <section class="panel" aria-labelledby="town-heading">
            <h2 id="town-heading">{tr(T::TownSection)}</h2>
            <div class="fields">
                <label>
                    <span>{tr(T::TownName)}</span>
                    <input type="text" prop:value=move || form.with(|f| f.town_name.clone())
                        on:input=move |ev| form.update(|f| f.town_name = event_target_value(&ev)) />
                </label>
                <label>
                    <span>{tr(T::ReferenceName)}</span>
                    <input type="text" aria-describedby="reference-hint"
                        prop:value=move || form.with(|f| f.reference_name.clone())
                        on:input=move |ev| form.update(|f| f.reference_name = event_target_value(&ev)) />
                </label>
                <small id="reference-hint">{tr(T::ReferenceHint)}</small>
            </div>
            <h3>{tr(T::IndustriesSection)}</h3>
            <p class="hint">{tr(T::IndustriesHint)}</p>
            <datalist id="gbt4754-divisions">{options}</datalist>
            <table class="industries">
                <thead>
                    <tr>
                        <th scope="col">{tr(T::Code)}</th>
                        <th scope="col">{tr(T::Industry)}</th>
                        <th scope="col">{tr(T::TownEmployment)}</th>
                        <th scope="col">{tr(T::ReferenceEmployment)}</th>
                        <th scope="col"><span class="sr-only">{tr(T::RemoveIndustry)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=row_ids key=|id| *id children=row_view />
                </tbody>
            </table>
            <button class="add" on:click=move |_| { form.update(|f| { f.add_row("", "", ""); }); }>
                {tr(T::AddIndustry)}
            </button>
        </section>
    }
}
