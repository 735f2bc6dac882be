//! The town profile step: name, place, year, the labour figures the multipliers and absorption need, the
//! reference area's totals (the LQ denominators) and the town's economy and public finance.

use crate::components::fields::{NumberField, TextField};
use crate::i18n::{tr, T};
use crate::state::use_app;
use clustercalc_core::dataset::{Dataset, Gdp, Investment, Reference};
use leptos::prelude::*;

fn reference(d: &mut Dataset) -> &mut Reference {
    d.reference.get_or_insert_with(Reference::default)
}

fn gdp(d: &mut Dataset) -> &mut Gdp {
    d.town.gdp.get_or_insert_with(Gdp::default)
}

fn investment(d: &mut Dataset) -> &mut Investment {
    d.town
        .construction_investment
        .get_or_insert_with(Investment::default)
}

#[component]
pub fn TownProfileView() -> impl IntoView {
    let app = use_app();
    let d = app.dataset;
    let text = move |get: fn(&Dataset) -> String| Signal::derive(move || d.with(get));
    let num = move |get: fn(&Dataset) -> Option<f64>| Signal::derive(move || d.with(get));
    let set_num = move |field: &'static str, set: fn(&mut Dataset, Option<f64>)| {
        Callback::new(move |v: Option<f64>| app.edit(field, |d| set(d, v)))
    };
    let opt = |s: String| if s.trim().is_empty() { None } else { Some(s) };
    view! {
        <section class="panel" aria-labelledby="town-heading">
            <h2 id="town-heading">{tr(T::TownSection)}</h2>
            <div class="fields two">
                <TextField label=T::TownName value=text(|d| d.town.name.clone())
                    on_change=Callback::new(move |v: String| app.edit("town.name", |d| d.town.name = v)) />
                <TextField label=T::County value=text(|d| d.town.county.clone().unwrap_or_default())
                    on_change=Callback::new(move |v: String| app.edit("town.county", |d| d.town.county = opt(v))) />
                <TextField label=T::Province value=text(|d| d.town.province.clone().unwrap_or_default())
                    on_change=Callback::new(move |v: String| app.edit("town.province", |d| d.town.province = opt(v))) />
                <NumberField label=T::Year value=num(|d| d.town.year.map(f64::from))
                    on_change=set_num("town.year", |d, v| d.town.year = v.map(|y| y.round() as i32)) max=2100.0 />
                <NumberField label=T::AreaKm2 unit=T::UnitKm2 value=num(|d| d.town.area_km2)
                    on_change=set_num("town.area_km2", |d, v| d.town.area_km2 = v) />
                <NumberField label=T::Population unit=T::UnitPersons value=num(|d| d.town.population)
                    on_change=set_num("town.population", |d, v| d.town.population = v) />
                <NumberField label=T::LabourForce unit=T::UnitPersons value=num(|d| d.town.labour_force)
                    on_change=set_num("town.labour_force", |d, v| d.town.labour_force = v) />
                <NumberField label=T::Employed unit=T::UnitPersons value=num(|d| d.town.employed)
                    on_change=set_num("town.employed", |d, v| d.town.employed = v) />
                <NumberField label=T::RuralSurplus unit=T::UnitPersons value=num(|d| d.town.rural_surplus_labour)
                    on_change=set_num("town.rural_surplus_labour", |d, v| d.town.rural_surplus_labour = v) />
                <TextField label=T::ReferenceName hint=T::ReferenceHint
                    value=text(|d| d.reference.as_ref().map(|r| r.name.clone()).unwrap_or_default())
                    on_change=Callback::new(move |v: String| app.edit("reference.name", |d| {
                        d.reference.get_or_insert_with(Reference::default).name = v;
                    })) />
                <NumberField label=T::ReferenceYear value=num(|d| d.reference.as_ref().and_then(|r| r.year).map(f64::from))
                    on_change=set_num("reference.year", |d, v| reference(d).year = v.map(|y| y.round() as i32)) max=2100.0 />
                <NumberField label=T::ReferenceTotalEmployment unit=T::UnitPersons
                    value=num(|d| d.reference.as_ref().and_then(|r| r.total_employment))
                    on_change=set_num("reference.total_employment", |d, v| reference(d).total_employment = v) />
                <NumberField label=T::ReferenceTotalOutput unit=T::UnitWan
                    value=num(|d| d.reference.as_ref().and_then(|r| r.total_output))
                    on_change=set_num("reference.total_output", |d, v| reference(d).total_output = v) />
            </div>
            <p class="hint">{tr(T::ReferenceTotalsHint)}</p>
            <h3>{tr(T::TownEconomy)}</h3>
            <div class="fields two">
                <NumberField label=T::GdpPrimary unit=T::UnitWan value=num(|d| d.town.gdp.as_ref().and_then(|g| g.primary))
                    on_change=set_num("town.gdp.primary", |d, v| gdp(d).primary = v) />
                <NumberField label=T::GdpSecondary unit=T::UnitWan value=num(|d| d.town.gdp.as_ref().and_then(|g| g.secondary))
                    on_change=set_num("town.gdp.secondary", |d, v| gdp(d).secondary = v) />
                <NumberField label=T::GdpTertiary unit=T::UnitWan value=num(|d| d.town.gdp.as_ref().and_then(|g| g.tertiary))
                    on_change=set_num("town.gdp.tertiary", |d, v| gdp(d).tertiary = v) />
                <NumberField label=T::TaxRevenue unit=T::UnitWan value=num(|d| d.town.tax_revenue)
                    on_change=set_num("town.tax_revenue", |d, v| d.town.tax_revenue = v) />
                <NumberField label=T::ConstructionLand unit=T::UnitMu value=num(|d| d.town.construction_land_mu)
                    on_change=set_num("town.construction_land_mu", |d, v| d.town.construction_land_mu = v) />
                <NumberField label=T::InvestmentPublic unit=T::UnitWan
                    value=num(|d| d.town.construction_investment.as_ref().and_then(|i| i.public))
                    on_change=set_num("town.construction_investment.public", |d, v| investment(d).public = v) />
                <NumberField label=T::InvestmentPrivate unit=T::UnitWan
                    value=num(|d| d.town.construction_investment.as_ref().and_then(|i| i.private))
                    on_change=set_num("town.construction_investment.private", |d, v| investment(d).private = v) />
            </div>
        </section>
    }
}
