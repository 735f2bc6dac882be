//! The cluster step: the cluster under study, its industry codes, its chain template and the firms per stage.
//!
//! Works on the first cluster of the dataset (the one the summary analyses). Stage names come from the core's
//! bundled templates in the current language; the completeness and missing stages are the core's to compute.

use crate::components::field_error::FieldError;
use crate::components::fields::{NumberField, TextField};
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::chain;
use clustercalc_core::dataset::{Cluster, ClusterType, Dataset};
use leptos::prelude::*;

/// Splits typed industry codes on commas, Chinese commas, 、 and spaces; keeps them as text.
fn split_codes(text: &str) -> Vec<String> {
    text.split(|c: char| matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A whole-number count from a number field (firm counts are integers; 12.6 typed is 13).
fn to_count(v: Option<f64>) -> Option<u64> {
    v.map(|v| v.round() as u64)
}

#[component]
pub fn ClusterView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let has_cluster = move || d.with(|d| !d.clusters.is_empty());
    let add = move |_| {
        app.edit("clusters.add", |d| {
            if d.clusters.is_empty() {
                d.clusters.push(Cluster::default());
            }
        });
        crate::components::focus::focus_soon(crate::components::focus::FIRST_FIELD);
    };
    let edit = move |field: &'static str, f: fn(&mut Cluster, Option<f64>)| {
        Callback::new(move |v: Option<f64>| {
            app.edit(field, |d| {
                if let Some(c) = d.clusters.first_mut() {
                    f(c, v);
                }
            })
        })
    };
    let num = move |get: fn(&Cluster) -> Option<f64>| {
        Signal::derive(move || d.with(|d| d.clusters.first().and_then(get)))
    };

    // Codes keep what the user typed while the field has focus, so a trailing comma is not swallowed.
    let typed_codes: RwSignal<Option<String>> = RwSignal::new(None);
    let codes_text = move || {
        typed_codes.get().unwrap_or_else(|| {
            d.with(|d| {
                d.clusters
                    .first()
                    .map(|c| c.industries.join(", "))
                    .unwrap_or_default()
            })
        })
    };
    let on_codes = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let codes = split_codes(&text);
        typed_codes.set(Some(text));
        app.edit("clusters[0].industries", |d| {
            if let Some(c) = d.clusters.first_mut() {
                c.industries = codes;
            }
        });
    };

    let templates = chain::templates().unwrap_or(&[]);
    let template_id = move || {
        d.with(|d| {
            d.clusters
                .first()
                .and_then(|c| c.chain_template.clone())
                .unwrap_or_default()
        })
    };
    let on_template = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        app.edit("clusters[0].chain_template", |d| {
            if let Some(c) = d.clusters.first_mut() {
                c.chain_template = (!v.is_empty()).then_some(v);
            }
        });
    };
    // The seed's cluster type (ch.6 一): declared here, else taken from the template or the codes.
    let type_id = move || {
        d.with(|d| {
            d.clusters
                .first()
                .and_then(|c| c.cluster_type)
                .map(|k| k.id())
                .unwrap_or_default()
        })
    };
    let on_type = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        app.edit("clusters[0].cluster_type", |d| {
            if let Some(c) = d.clusters.first_mut() {
                c.cluster_type = ClusterType::ALL.into_iter().find(|k| k.id() == v);
            }
        });
    };
    let type_options = move || {
        ClusterType::ALL
            .into_iter()
            .map(|k| {
                let selected = move || type_id() == k.id();
                view! { <option value=k.id() selected=selected>{move || k.label().get(lang.get()).to_string()}</option> }
            })
            .collect_view()
    };
    let options = move || {
        templates
            .iter()
            .map(|t| {
                let id = t.id.clone();
                let selected = move || template_id() == t.id;
                view! { <option value=id selected=selected>{t.name.get(lang.get()).to_string()}</option> }
            })
            .collect_view()
    };
    let stages = move || {
        let id = template_id();
        templates
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.stages.clone())
            .unwrap_or_default()
    };
    let stage_row = move |stage: chain::Stage| {
        let sid = stage.id.clone();
        let sid_set = stage.id.clone();
        let name = stage.name.clone();
        let value = Signal::derive(move || {
            d.with(|d| {
                d.clusters
                    .first()
                    .and_then(|c| c.stage_firms.get(&sid).map(|n| *n as f64))
            })
        });
        let label_name = name.clone();
        let aria = Signal::derive(move || {
            format!(
                "{} {}",
                T::StageFirmsLabel.get(lang.get()),
                label_name.get(lang.get())
            )
        });
        let on_change = Callback::new(move |v: Option<f64>| {
            let sid = sid_set.clone();
            app.edit(&format!("clusters[0].stage_firms.{sid}"), |d| {
                if let Some(c) = d.clusters.first_mut() {
                    match to_count(v) {
                        Some(n) => c.stage_firms.insert(sid, n),
                        None => c.stage_firms.remove(&sid),
                    };
                }
            });
        });
        let path = format!("clusters[0].stage_firms.{}", stage.id);
        view! {
            <tr>
                <th scope="row">{move || name.get(lang.get()).to_string()}</th>
                <td><NumberField value on_change aria_label=aria unit=T::UnitFirms /><FieldError path /></td>
            </tr>
        }
    };
    let name = Signal::derive(move || {
        d.with(|d| {
            d.clusters
                .first()
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    });
    let set_name = Callback::new(move |v: String| {
        app.edit("clusters[0].name", |d: &mut Dataset| {
            if let Some(c) = d.clusters.first_mut() {
                c.name = v;
            }
        })
    });

    let form = move || {
        view! {
            <div class="fields two">
                <div>
                    <TextField label=T::ClusterName value=name on_change=set_name />
                    <FieldError path="clusters[0].name" />
                </div>
                <div>
                    <label class="field">
                        <span class="field-label">{tr(T::ClusterCodes)}</span>
                        <input type="text" inputmode="numeric" prop:value=codes_text on:input=on_codes
                            on:blur=move |_| typed_codes.set(None) aria-describedby="cluster-codes-hint" />
                    </label>
                    <small id="cluster-codes-hint" class="hint">{tr(T::ClusterCodesHint)}</small>
                    <FieldError path="clusters[0].industries" />
                </div>
                <div>
                    <label class="field">
                        <span class="field-label">{tr(T::ChainTemplate)}</span>
                        <select on:change=on_template prop:value=template_id>
                            <option value="" selected=move || template_id().is_empty()>{tr(T::NoTemplate)}</option>
                            {options}
                        </select>
                    </label>
                    <FieldError path="clusters[0].chain_template" />
                </div>
                <div>
                    <label class="field">
                        <span class="field-label">{tr(T::ClusterTypeField)}</span>
                        <select on:change=on_type prop:value=type_id aria-describedby="cluster-type-hint">
                            <option value="" selected=move || type_id().is_empty()>{tr(T::ClusterTypeAuto)}</option>
                            {type_options}
                        </select>
                    </label>
                    <small id="cluster-type-hint" class="hint">{tr(T::ClusterTypeHint)}</small>
                </div>
            </div>
            <Show when=move || !stages().is_empty()>
                <table class="stages">
                    <thead>
                        <tr><th scope="col">{tr(T::Stage)}</th><th scope="col">{tr(T::StageFirms)}</th></tr>
                    </thead>
                    <tbody>
                        <For each=stages key=|s| s.id.clone() children=stage_row />
                    </tbody>
                </table>
            </Show>
            <div class="fields two">
                <NumberField label=T::FinalFirms unit=T::UnitFirms
                    value=num(|c| c.final_firms.map(|n| n as f64))
                    on_change=edit("clusters[0].final_firms", |c, v| c.final_firms = to_count(v)) />
                <NumberField label=T::IntermediateFirms unit=T::UnitFirms
                    value=num(|c| c.intermediate_firms.map(|n| n as f64))
                    on_change=edit("clusters[0].intermediate_firms", |c, v| c.intermediate_firms = to_count(v)) />
                <NumberField label=T::OutsideMarketShare max=1.0 value=num(|c| c.outside_market_share)
                    on_change=edit("clusters[0].outside_market_share", |c, v| c.outside_market_share = v) />
                <NumberField label=T::LocalSourcingShare max=1.0 value=num(|c| c.local_sourcing_share)
                    on_change=edit("clusters[0].local_sourcing_share", |c, v| c.local_sourcing_share = v) />
            </div>
            <p class="hint">{tr(T::ShareHint)}</p>
        }
    };
    view! {
        <section class="panel" aria-labelledby="cluster-heading">
            <h2 id="cluster-heading">{tr(T::ClusterSection)}</h2>
            <p class="hint">{tr(T::ClusterHint)}</p>
            <Show when=has_cluster fallback=move || view! { <button class="add" on:click=add>{tr(T::AddCluster)}</button> }>
                {form}
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::split_codes;

    #[test]
    fn codes_split_on_the_separators_officials_type() {
        assert_eq!(
            split_codes("1771, 1772，1773、0511 18"),
            ["1771", "1772", "1773", "0511", "18"]
        );
        assert!(split_codes("  ,").is_empty());
    }
}
