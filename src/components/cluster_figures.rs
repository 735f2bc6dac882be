//! The cluster's figures beyond its chain: innovation, brands, markets, plan and digital tools, and its history
//! by year. Each is a dataset field the analysis reads (maturity, the checklists, the measures, the life cycle);
//! a field left empty stays unknown, never 0.

use crate::components::fields::{NumberField, YesNoField};
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::dataset::{Brands, Cluster, Innovation, YearFigures};
use leptos::prelude::*;

/// A whole-number count from a number field (12.6 typed is 13).
fn count(v: Option<f64>) -> Option<u64> {
    v.map(|v| v.round() as u64)
}

fn inn(c: &mut Cluster) -> &mut Innovation {
    c.innovation.get_or_insert_with(Innovation::default)
}

fn brands(c: &mut Cluster) -> &mut Brands {
    c.brands.get_or_insert_with(Brands::default)
}

#[component]
pub fn ClusterFiguresView() -> impl IntoView {
    let app = use_app();
    let d = app.dataset;
    let has_cluster = move || d.with(|d| !d.clusters.is_empty());
    let num = move |get: fn(&Cluster) -> Option<f64>| {
        Signal::derive(move || d.with(|d| d.clusters.first().and_then(get)))
    };
    let set = move |field: &'static str, f: fn(&mut Cluster, Option<f64>)| {
        Callback::new(move |v: Option<f64>| {
            app.edit(field, |d| {
                if let Some(c) = d.clusters.first_mut() {
                    f(c, v);
                }
            })
        })
    };
    // A yes / no / not asked select over an `Option<bool>` of the first cluster.
    let tri = move |label: T,
                    field: &'static str,
                    get: fn(&Cluster) -> Option<bool>,
                    put: fn(&mut Cluster, Option<bool>)| {
        let value = Signal::derive(move || d.with(|d| d.clusters.first().and_then(get)));
        let on_change = Callback::new(move |v: Option<bool>| {
            app.edit(field, |d| {
                if let Some(c) = d.clusters.first_mut() {
                    put(c, v);
                }
            })
        });
        view! { <YesNoField label value on_change /> }
    };
    // A count (patents, firms, brands) of the first cluster: whole numbers, blank = unknown.
    let counted = move |label: T,
                        unit: T,
                        field: &'static str,
                        get: fn(&Cluster) -> Option<u64>,
                        put: fn(&mut Cluster, Option<u64>)| {
        let value =
            Signal::derive(move || d.with(|d| d.clusters.first().and_then(get).map(|v| v as f64)));
        let on_change = Callback::new(move |v: Option<f64>| {
            app.edit(field, |d| {
                if let Some(c) = d.clusters.first_mut() {
                    put(c, count(v));
                }
            })
        });
        view! { <NumberField label unit value on_change /> }
    };
    let form = move || {
        view! {
            <h3>{tr(T::ClusterMarkets)}</h3>
            <div class="fields two">
                <NumberField label=T::OutsideProvinceShare max=1.0 value=num(|c| c.outside_province_share)
                    on_change=set("clusters[0].outside_province_share", |c, v| c.outside_province_share = v) />
                <NumberField label=T::ExportShare max=1.0 value=num(|c| c.export_share)
                    on_change=set("clusters[0].export_share", |c, v| c.export_share = v) />
                <NumberField label=T::NationalMarketShare max=1.0 value=num(|c| c.national_market_share)
                    on_change=set("clusters[0].national_market_share", |c, v| c.national_market_share = v) />
                <NumberField label=T::SmeOutputShare max=1.0 value=num(|c| c.sme_output_share)
                    on_change=set("clusters[0].sme_output_share", |c, v| c.sme_output_share = v) />
                <NumberField label=T::DigitalAdoptionShare max=1.0 value=num(|c| c.digital_adoption_share)
                    on_change=set("clusters[0].digital_adoption_share", |c, v| c.digital_adoption_share = v) />
                {tri(T::DevelopmentPlan, "clusters[0].development_plan", |c| c.development_plan, |c, v| c.development_plan = v)}
            </div>
            <p class="hint">{tr(T::ShareHint)}</p>
            <h3>{tr(T::ClusterInnovation)}</h3>
            <div class="fields two">
                <NumberField label=T::RdExpenditure unit=T::UnitWan
                    value=num(|c| c.innovation.as_ref().and_then(|i| i.rd_expenditure))
                    on_change=set("clusters[0].innovation.rd_expenditure", |c, v| inn(c).rd_expenditure = v) />
                {counted(T::Patents, T::UnitPieces, "clusters[0].innovation.patents",
                    |c| c.innovation.as_ref().and_then(|x| x.patents), |c, v| inn(c).patents = v)}
                {counted(T::InventionPatents, T::UnitPieces, "clusters[0].innovation.invention_patents",
                    |c| c.innovation.as_ref().and_then(|x| x.invention_patents), |c, v| inn(c).invention_patents = v)}
                {counted(T::HighTechFirms, T::UnitFirms, "clusters[0].innovation.high_tech_firms",
                    |c| c.innovation.as_ref().and_then(|x| x.high_tech_firms), |c, v| inn(c).high_tech_firms = v)}
                <NumberField label=T::HighTechOutput unit=T::UnitWan
                    value=num(|c| c.innovation.as_ref().and_then(|i| i.high_tech_output))
                    on_change=set("clusters[0].innovation.high_tech_output", |c, v| inn(c).high_tech_output = v) />
                {counted(T::InnovativeSmes, T::UnitFirms, "clusters[0].innovation.innovative_smes",
                    |c| c.innovation.as_ref().and_then(|x| x.innovative_smes), |c, v| inn(c).innovative_smes = v)}
                {counted(T::SpecialisedSmes, T::UnitFirms, "clusters[0].innovation.specialised_smes",
                    |c| c.innovation.as_ref().and_then(|x| x.specialised_smes), |c, v| inn(c).specialised_smes = v)}
                {counted(T::LittleGiants, T::UnitFirms, "clusters[0].innovation.little_giants",
                    |c| c.innovation.as_ref().and_then(|x| x.little_giants), |c, v| inn(c).little_giants = v)}
                {counted(T::SingleChampions, T::UnitFirms, "clusters[0].innovation.single_champions",
                    |c| c.innovation.as_ref().and_then(|x| x.single_champions), |c, v| inn(c).single_champions = v)}
            </div>
            <h3>{tr(T::ClusterBrands)}</h3>
            <div class="fields two">
                {tri(T::RegionalBrand, "clusters[0].brands.regional_brand",
                    |c| c.brands.as_ref().and_then(|b| b.regional_brand),
                    |c, v| brands(c).regional_brand = v)}
                {counted(T::NationalBrands, T::UnitPieces, "clusters[0].brands.national",
                    |c| c.brands.as_ref().and_then(|x| x.national), |c, v| brands(c).national = v)}
                {counted(T::ProvincialBrands, T::UnitPieces, "clusters[0].brands.provincial",
                    |c| c.brands.as_ref().and_then(|x| x.provincial), |c, v| brands(c).provincial = v)}
            </div>
            <HistoryTable />
        }
    };
    view! {
        <Show when=has_cluster>
            <section class="panel" aria-labelledby="cluster-figures-heading">
                <h2 id="cluster-figures-heading">{tr(T::ClusterFiguresSection)}</h2>
                <p class="hint">{tr(T::ClusterFiguresHint)}</p>
                {form}
            </section>
        </Show>
    }
}

/// The cluster's figures by year (life cycle, growth, the MIIT output series): one row per year.
#[component]
fn HistoryTable() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let rows = move || d.with(|d| d.clusters.first().map_or(0, |c| c.history.len()));
    let row = move |i: usize| {
        let get = move |f: fn(&YearFigures) -> Option<f64>| {
            Signal::derive(move || {
                d.with(|d| {
                    d.clusters
                        .first()
                        .and_then(|c| c.history.get(i))
                        .and_then(f)
                })
            })
        };
        let put = move |what: &'static str, f: fn(&mut YearFigures, Option<f64>)| {
            Callback::new(move |v: Option<f64>| {
                app.edit(&format!("clusters[0].history[{i}].{what}"), |d| {
                    if let Some(y) = d.clusters.first_mut().and_then(|c| c.history.get_mut(i)) {
                        f(y, v);
                    }
                })
            })
        };
        let label =
            move |key: T| Signal::derive(move || format!("{} {}", key.get(lang.get()), i + 1));
        let remove = move |_| {
            app.edit(&format!("clusters[0].history.remove[{i}]"), |d| {
                if let Some(c) = d.clusters.first_mut() {
                    if i < c.history.len() {
                        c.history.remove(i);
                    }
                }
            })
        };
        view! {
            <tr>
                <td><NumberField value=get(|y| Some(f64::from(y.year))) max=2100.0 aria_label=label(T::Year)
                    on_change=put("year", |y, v| if let Some(v) = v { y.year = v.round() as i32 }) /></td>
                <td><NumberField value=get(|y| y.firms.map(|f| f as f64)) aria_label=label(T::HistoryFirms)
                    on_change=put("firms", |y, v| y.firms = count(v)) /></td>
                <td><NumberField value=get(|y| y.employment) aria_label=label(T::HistoryEmployment)
                    on_change=put("employment", |y, v| y.employment = v) /></td>
                <td><NumberField value=get(|y| y.output) aria_label=label(T::HistoryOutput)
                    on_change=put("output", |y, v| y.output = v) /></td>
                <td><button class="icon" aria-label=label(T::RemoveYear) on:click=remove>{tr(T::RemoveIndustry)}</button></td>
            </tr>
        }
    };
    let add = move |_| {
        app.edit("clusters[0].history.add", |d| {
            let year = d.town.year.unwrap_or(2024);
            if let Some(c) = d.clusters.first_mut() {
                // A new row is the year before the earliest one entered (or the year before the town's).
                let first = c.history.iter().map(|y| y.year).min().unwrap_or(year);
                c.history.push(YearFigures {
                    year: first - 1,
                    ..Default::default()
                });
            }
        });
        crate::components::focus::focus_soon("table.history tbody tr:last-child input");
    };
    view! {
        <h3>{tr(T::ClusterHistory)}</h3>
        <p class="hint">{tr(T::ClusterHistoryHint)}</p>
        <div class="table-scroll">
            <table class="history">
                <thead><tr>
                    <th scope="col">{tr(T::Year)}</th>
                    <th scope="col">{tr(T::HistoryFirms)}</th>
                    <th scope="col">{tr(T::HistoryEmployment)}</th>
                    <th scope="col">{tr(T::HistoryOutput)}</th>
                    <th scope="col"><span class="sr-only">{tr(T::RemoveIndustry)}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || 0..rows() key=|i| *i children=row />
                </tbody>
            </table>
        </div>
        <button class="add" on:click=add>{tr(T::AddYear)}</button>
    }
}
