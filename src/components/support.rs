//! The support step: support institutions (counts and yes/no facts) and the environment figures.

use crate::components::field_error::FieldError;
use crate::components::fields::{NumberField, YesNoField};
use crate::i18n::{tr, T};
use crate::state::use_app;
use clustercalc_core::dataset::{Environment, Support};
use leptos::prelude::*;

#[component]
pub fn SupportView() -> impl IntoView {
    let app = use_app();
    let d = app.dataset;
    let count = move |label: T,
                      field: &'static str,
                      get: fn(&Support) -> Option<u64>,
                      set: fn(&mut Support, Option<u64>)| {
        let value =
            Signal::derive(move || d.with(|d| d.support.as_ref().and_then(get).map(|n| n as f64)));
        let on_change = Callback::new(move |v: Option<f64>| {
            app.edit(field, |d| {
                set(
                    d.support.get_or_insert_with(Support::default),
                    v.map(|v| v.round() as u64),
                )
            })
        });
        view! { <div><NumberField label value on_change /><FieldError path=field /></div> }
    };
    let yes_no = move |label: T,
                       field: &'static str,
                       get: fn(&Support) -> Option<bool>,
                       set: fn(&mut Support, Option<bool>)| {
        let value = Signal::derive(move || d.with(|d| d.support.as_ref().and_then(get)));
        let on_change = Callback::new(move |v: Option<bool>| {
            app.edit(field, |d| {
                set(d.support.get_or_insert_with(Support::default), v)
            })
        });
        view! { <YesNoField label value on_change /> }
    };
    let env_num = move |label: T,
                        unit: T,
                        max: Option<f64>,
                        field: &'static str,
                        get: fn(&Environment) -> Option<f64>,
                        set: fn(&mut Environment, Option<f64>)| {
        let value = Signal::derive(move || d.with(|d| d.environment.as_ref().and_then(get)));
        let on_change = Callback::new(move |v: Option<f64>| {
            app.edit(field, |d| {
                set(d.environment.get_or_insert_with(Environment::default), v)
            })
        });
        match max {
            Some(max) => view! { <div><NumberField label value on_change max /><FieldError path=field /></div> }.into_any(),
            None => view! { <div><NumberField label unit value on_change /><FieldError path=field /></div> }.into_any(),
        }
    };
    let plant =
        Signal::derive(move || d.with(|d| d.environment.as_ref().and_then(|e| e.treatment_plant)));
    let set_plant = Callback::new(move |v: Option<bool>| {
        app.edit("environment.treatment_plant", |d| {
            d.environment
                .get_or_insert_with(Environment::default)
                .treatment_plant = v
        })
    });
    view! {
        <section class="panel" aria-labelledby="support-heading">
            <h2 id="support-heading">{tr(T::SupportSection)}</h2>
            <p class="hint">{tr(T::SupportHint)}</p>
            <div class="fields two">
                {count(T::Associations, "support.associations", |s| s.associations, |s, v| s.associations = v)}
                {count(T::RdCentres, "support.rd_centres", |s| s.rd_centres, |s, v| s.rd_centres = v)}
                {count(T::FinancingInstitutions, "support.financing_institutions", |s| s.financing_institutions, |s, v| s.financing_institutions = v)}
                {count(T::Intermediaries, "support.intermediaries", |s| s.intermediaries, |s, v| s.intermediaries = v)}
                {count(T::Logistics, "support.logistics", |s| s.logistics, |s, v| s.logistics = v)}
                {count(T::SpecialisedMarkets, "support.specialised_markets", |s| s.specialised_markets, |s, v| s.specialised_markets = v)}
                {count(T::Training, "support.training", |s| s.training, |s, v| s.training = v)}
                {yes_no(T::GuaranteeFund, "support.guarantee_fund", |s| s.guarantee_fund, |s, v| s.guarantee_fund = v)}
                {yes_no(T::PublicPlatform, "support.public_service_platform", |s| s.public_service_platform, |s, v| s.public_service_platform = v)}
                {yes_no(T::DesignService, "support.design_service", |s| s.design_service, |s, v| s.design_service = v)}
                {yes_no(T::IndustrialPark, "support.industrial_park", |s| s.industrial_park, |s, v| s.industrial_park = v)}
            </div>
            <h3>{tr(T::EnvironmentHeading)}</h3>
            <div class="fields two">
                {env_num(T::WastewaterTotal, T::UnitWastewater, None, "environment.wastewater_total", |e| e.wastewater_total, |e, v| e.wastewater_total = v)}
                {env_num(T::WastewaterCluster, T::UnitWastewater, None, "environment.wastewater_cluster", |e| e.wastewater_cluster, |e, v| e.wastewater_cluster = v)}
                {env_num(T::CodTotal, T::UnitTonnes, None, "environment.cod_total", |e| e.cod_total, |e, v| e.cod_total = v)}
                {env_num(T::CodCluster, T::UnitTonnes, None, "environment.cod_cluster", |e| e.cod_cluster, |e, v| e.cod_cluster = v)}
                {env_num(T::TreatmentCoverage, T::UnitTonnes, Some(1.0), "environment.treatment_coverage", |e| e.treatment_coverage, |e, v| e.treatment_coverage = v)}
                <YesNoField label=T::TreatmentPlant value=plant on_change=set_plant />
            </div>
            <p class="hint">{tr(T::ShareHint)}</p>
        </section>
    }
}
