//! The parameters step: Keynes c, t, m and form, FLQ δ, the small-industry threshold and the leading-firm
//! thresholds, each with its sourced anchor (or "assumption") beside it. Defaults are the core's.

use crate::components::field_error::FieldError;
use crate::components::fields::NumberField;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::defaults;
use clustercalc_core::dataset::{KeynesForm, KeynesParams, Parameters};
use leptos::prelude::*;

#[component]
pub fn ParametersView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let has_keynes = move || d.with(|d| d.parameters.keynes.is_some());
    let add_keynes = move |_| {
        // Starts from the NBS anchor for c; t and m are the user's to set.
        app.edit("parameters.keynes.add", |d| {
            d.parameters.keynes = Some(KeynesParams {
                c: 0.683,
                t: 0.0,
                m: 0.0,
                form: KeynesForm::default(),
            })
        });
        crate::components::focus::focus_soon(crate::components::focus::KEYNES_FIRST);
    };
    let drop_keynes = move |_| app.edit("parameters.keynes.remove", |d| d.parameters.keynes = None);
    // c, t and m are required numbers once Keynes is used: an emptied field keeps the last value.
    let keynes = move |label: T,
                       anchor: T,
                       field: &'static str,
                       get: fn(&KeynesParams) -> f64,
                       set: fn(&mut KeynesParams, f64)| {
        let value = Signal::derive(move || d.with(|d| d.parameters.keynes.as_ref().map(get)));
        let on_change = Callback::new(move |v: Option<f64>| {
            if let Some(v) = v {
                app.edit(field, |d| {
                    if let Some(k) = d.parameters.keynes.as_mut() {
                        set(k, v);
                    }
                })
            }
        });
        view! {
            <div class="param">
                <NumberField label value on_change max=1.0 />
                <small class="anchor">{tr(anchor)}</small>
                <FieldError path=field />
            </div>
        }
    };
    let form = move || {
        d.with(|d| {
            d.parameters
                .keynes
                .as_ref()
                .map(|k| k.form.name())
                .unwrap_or("leakage")
        })
    };
    let set_form = move |ev: leptos::ev::Event| {
        let v = match event_target_value(&ev).as_str() {
            "textbook" => KeynesForm::Textbook,
            "armstrong-taylor" => KeynesForm::ArmstrongTaylor,
            _ => KeynesForm::Leakage,
        };
        app.edit("parameters.keynes.form", |d| {
            if let Some(k) = d.parameters.keynes.as_mut() {
                k.form = v;
            }
        })
    };
    let param = move |label: T,
                      anchor: T,
                      unit: Option<T>,
                      max: Option<f64>,
                      field: &'static str,
                      get: fn(&Parameters) -> Option<f64>,
                      set: fn(&mut Parameters, Option<f64>),
                      default: f64| {
        let value = Signal::derive(move || d.with(|d| get(&d.parameters)));
        let on_change =
            Callback::new(move |v: Option<f64>| app.edit(field, |d| set(&mut d.parameters, v)));
        let default_text = move || format!("{} {default}", T::DefaultValue.get(lang.get()));
        let input = match (unit, max) {
            (Some(unit), _) => view! { <NumberField label value on_change unit /> }.into_any(),
            (None, Some(max)) => view! { <NumberField label value on_change max /> }.into_any(),
            (None, None) => view! { <NumberField label value on_change /> }.into_any(),
        };
        view! {
            <div class="param">
                {input}
                <small class="anchor">{tr(anchor)}" ("{default_text}")"</small>
                <FieldError path=field />
            </div>
        }
    };
    let keynes_fields = move || {
        view! {
            <div class="fields two keynes-fields">
                {keynes(T::KeynesC, T::AnchorC, "parameters.keynes.c", |k| k.c, |k, v| k.c = v)}
                {keynes(T::KeynesT, T::AnchorT, "parameters.keynes.t", |k| k.t, |k, v| k.t = v)}
                {keynes(T::KeynesM, T::AnchorM, "parameters.keynes.m", |k| k.m, |k, v| k.m = v)}
                <label class="field">
                    <span class="field-label">{tr(T::KeynesForm)}</span>
                    <select prop:value=form on:change=set_form>
                        <option value="leakage" selected=move || form() == "leakage">{tr(T::FormLeakage)}</option>
                        <option value="textbook" selected=move || form() == "textbook">{tr(T::FormTextbook)}</option>
                        <option value="armstrong-taylor" selected=move || form() == "armstrong-taylor">{tr(T::FormArmstrongTaylor)}</option>
                    </select>
                </label>
            </div>
            <button on:click=drop_keynes>{tr(T::KeynesRemove)}</button>
        }
    };
    view! {
        <section class="panel" aria-labelledby="parameters-heading">
            <h2 id="parameters-heading">{tr(T::ParametersSection)}</h2>
            <p class="hint">{tr(T::ParametersHint)}</p>
            <h3>{tr(T::KeynesHeading)}</h3>
            <Show when=has_keynes fallback=move || view! {
                <p class="hint">{tr(T::AnchorC)}</p>
                <button class="add" on:click=add_keynes>{tr(T::KeynesAdd)}</button>
            }>
                {keynes_fields}
            </Show>
            <div class="fields two">
                {param(T::FlqDelta, T::AnchorDelta, None, Some(0.999), "parameters.flq_delta",
                    |p| p.flq_delta, |p, v| p.flq_delta = v, defaults::FLQ_DELTA)}
                {param(T::SmallIndustryThreshold, T::AnchorSmall, Some(T::UnitPersons), None,
                    "parameters.small_industry_employment", |p| p.small_industry_employment,
                    |p, v| p.small_industry_employment = v, defaults::SMALL_INDUSTRY)}
                {param(T::LeadingShare, T::AnchorLeadingShare, None, Some(1.0), "parameters.leading_output_share",
                    |p| p.leading_output_share, |p, v| p.leading_output_share = v, defaults::LEADING_SHARE)}
                {param(T::LeadingRevenue, T::AnchorLeadingRevenue, Some(T::UnitWan), None,
                    "parameters.leading_revenue", |p| p.leading_revenue, |p, v| p.leading_revenue = v,
                    defaults::LEADING_REVENUE)}
                {param(T::AboveScale, T::AnchorAboveScale, Some(T::UnitWan), None,
                    "parameters.above_scale_revenue", |p| p.above_scale_revenue,
                    |p, v| p.above_scale_revenue = v, defaults::ABOVE_SCALE)}
            </div>
        </section>
    }
}
