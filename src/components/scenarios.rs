//! The scenarios step: what-if scenarios ("add a leading firm", "add 500 jobs") made of the dataset's
//! `Change` variants. The impacts are the core's; this only edits the scenario list.

use crate::components::field_error::FieldError;
use crate::components::fields::NumberField;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::dataset::{Change, Dataset, Firm, Scenario};
use clustercalc_core::Lang;
use leptos::prelude::*;

/// The industry a new change is about: the cluster's first code, else the town's first industry.
fn default_industry(d: &Dataset) -> String {
    d.clusters
        .first()
        .and_then(|c| c.industries.first().cloned())
        .or_else(|| d.industries.first().map(|i| i.code.clone()))
        .unwrap_or_default()
}

fn leading_firm_scenario(d: &Dataset, lang: Lang) -> Scenario {
    let industry = default_industry(d);
    Scenario {
        name: T::AddLeadingFirmScenario.get(lang).to_string(),
        description: None,
        changes: vec![Change::AddFirm {
            firm: Firm {
                name: T::NewLeadingFirmName.get(lang).to_string(),
                industry: (!industry.is_empty()).then_some(industry),
                employment: Some(500.0),
                revenue: Some(50_000.0),
                leading: Some(true),
                ..Firm::default()
            },
        }],
    }
}

fn jobs_scenario(d: &Dataset, lang: Lang) -> Scenario {
    Scenario {
        name: T::AddJobsScenario.get(lang).to_string(),
        description: None,
        changes: vec![Change::AddJobs {
            industry: default_industry(d),
            jobs: 500.0,
            output: None,
        }],
    }
}

/// Edits change `k` of scenario `s` in place (no-op when either index is gone).
fn edit_change(d: &mut Dataset, s: usize, k: usize, f: impl FnOnce(&mut Change)) {
    if let Some(c) = d.scenarios.get_mut(s).and_then(|x| x.changes.get_mut(k)) {
        f(c);
    }
}

#[component]
pub fn ScenariosView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let d = app.dataset;
    let count = move || d.with(|d| d.scenarios.len());
    let add_firm = move |_| {
        let l = lang.get_untracked();
        app.edit("scenarios.add", |d| {
            let s = leading_firm_scenario(d, l);
            d.scenarios.push(s)
        })
    };
    let add_jobs = move |_| {
        let l = lang.get_untracked();
        app.edit("scenarios.add", |d| {
            let s = jobs_scenario(d, l);
            d.scenarios.push(s)
        })
    };

    let change_row = move |s: usize, k: usize| {
        let path = format!("scenarios[{s}].changes[{k}]");
        let label = move |key: T| {
            Signal::derive(move || format!("{} {}.{}", key.get(lang.get()), s + 1, k + 1))
        };
        let change = move || d.with(|d| d.scenarios.get(s).and_then(|x| x.changes.get(k)).cloned());
        let kind = move || {
            match change() {
                Some(Change::AddFirm { .. }) => T::ChangeAddFirm,
                Some(Change::RemoveFirm { .. }) => T::ChangeRemoveFirm,
                Some(Change::AddJobs { .. }) => T::ChangeAddJobs,
                Some(Change::RemoveJobs { .. }) => T::ChangeRemoveJobs,
                None => T::Unknown,
            }
            .get(lang.get())
        };
        let text_of = move || match change() {
            Some(Change::AddFirm { firm }) => firm.name,
            Some(Change::RemoveFirm { name }) => name,
            Some(Change::AddJobs { industry, .. } | Change::RemoveJobs { industry, .. }) => {
                industry
            }
            None => String::new(),
        };
        let is_jobs = move || {
            matches!(
                change(),
                Some(Change::AddJobs { .. } | Change::RemoveJobs { .. })
            )
        };
        let set_text = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            app.edit(&format!("scenarios[{s}].changes[{k}].text"), |d| {
                edit_change(d, s, k, |c| match c {
                    Change::AddFirm { firm } => firm.name = v,
                    Change::RemoveFirm { name } => *name = v,
                    Change::AddJobs { industry, .. } | Change::RemoveJobs { industry, .. } => {
                        *industry = v.trim().to_string()
                    }
                })
            })
        };
        let amount = Signal::derive(move || match change() {
            Some(Change::AddFirm { firm }) => firm.employment,
            Some(Change::AddJobs { jobs, .. } | Change::RemoveJobs { jobs, .. }) => Some(jobs),
            _ => None,
        });
        let set_amount = Callback::new(move |v: Option<f64>| {
            app.edit(&format!("scenarios[{s}].changes[{k}].amount"), |d| {
                edit_change(d, s, k, |c| match c {
                    Change::AddFirm { firm } => firm.employment = v,
                    Change::AddJobs { jobs, .. } | Change::RemoveJobs { jobs, .. } => {
                        *jobs = v.unwrap_or(0.0)
                    }
                    Change::RemoveFirm { .. } => {}
                })
            })
        });
        let money = Signal::derive(move || match change() {
            Some(Change::AddFirm { firm }) => firm.revenue,
            Some(Change::AddJobs { output, .. } | Change::RemoveJobs { output, .. }) => output,
            _ => None,
        });
        let set_money = Callback::new(move |v: Option<f64>| {
            app.edit(&format!("scenarios[{s}].changes[{k}].money"), |d| {
                edit_change(d, s, k, |c| match c {
                    Change::AddFirm { firm } => firm.revenue = v,
                    Change::AddJobs { output, .. } | Change::RemoveJobs { output, .. } => {
                        *output = v
                    }
                    Change::RemoveFirm { .. } => {}
                })
            })
        });
        let text_label = Signal::derive(move || {
            if is_jobs() {
                label(T::FirmIndustry).get()
            } else {
                label(T::FirmName).get()
            }
        });
        let amount_label = Signal::derive(move || {
            if is_jobs() {
                label(T::Jobs).get()
            } else {
                label(T::FirmEmployment).get()
            }
        });
        let money_label = Signal::derive(move || {
            if is_jobs() {
                label(T::JobsOutput).get()
            } else {
                label(T::FirmRevenue).get()
            }
        });
        // Visible column captions (the inputs' accessible names add the row number).
        let caption = move |jobs: T, firm: T| {
            move || {
                if is_jobs() {
                    jobs.get(lang.get())
                } else {
                    firm.get(lang.get())
                }
            }
        };
        view! {
            <tr>
                <td>{kind}</td>
                <td>
                    <span class="mini-label" aria-hidden="true">{caption(T::FirmIndustry, T::FirmName)}</span>
                    <input type="text" aria-label=text_label prop:value=text_of on:input=set_text />
                    <FieldError path=path />
                </td>
                <td>
                    <span class="mini-label" aria-hidden="true">{caption(T::Jobs, T::FirmEmployment)}</span>
                    <NumberField value=amount on_change=set_amount aria_label=amount_label unit=T::UnitPersons />
                </td>
                <td>
                    <span class="mini-label" aria-hidden="true">{caption(T::JobsOutput, T::FirmRevenue)}</span>
                    <NumberField value=money on_change=set_money aria_label=money_label unit=T::UnitWan />
                </td>
            </tr>
        }
    };

    let scenario = move |s: usize| {
        let name = move || {
            d.with(|d| {
                d.scenarios
                    .get(s)
                    .map(|x| x.name.clone())
                    .unwrap_or_default()
            })
        };
        let set_name = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            app.edit(&format!("scenarios[{s}].name"), |d| {
                if let Some(x) = d.scenarios.get_mut(s) {
                    x.name = v;
                }
            })
        };
        let remove = move |_| {
            app.edit(&format!("scenarios.remove[{s}]"), |d| {
                if s < d.scenarios.len() {
                    d.scenarios.remove(s);
                }
            })
        };
        let changes = move || d.with(|d| d.scenarios.get(s).map(|x| x.changes.len()).unwrap_or(0));
        let name_label = move || format!("{} {}", T::ScenarioName.get(lang.get()), s + 1);
        let remove_label = move || format!("{} {}", T::RemoveScenario.get(lang.get()), s + 1);
        view! {
            <fieldset class="scenario">
                <legend>
                    <input type="text" aria-label=name_label prop:value=name on:input=set_name />
                    <FieldError path=format!("scenarios[{s}].name") />
                </legend>
                <table class="changes">
                    <tbody>
                        <For each=move || 0..changes() key=|k| *k children=move |k| change_row(s, k) />
                    </tbody>
                </table>
                <button class="icon" aria-label=remove_label on:click=remove>{tr(T::RemoveIndustry)}</button>
            </fieldset>
        }
    };

    view! {
        <section class="panel" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">{tr(T::ScenariosSection)}</h2>
            <p class="hint">{tr(T::ScenariosHint)}</p>
            <Show when=move || count() == 0>
                <p>{tr(T::NoScenarios)}</p>
            </Show>
            <For each=move || 0..count() key=|s| *s children=scenario />
            <div class="buttons">
                <button class="add" on:click=add_firm>{tr(T::AddLeadingFirmScenario)}</button>
                <button class="add" on:click=add_jobs>{tr(T::AddJobsScenario)}</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_scenarios_are_valid_for_a_town_with_an_industry() {
        let mut d = Dataset::empty("甲镇");
        d.industries.push(clustercalc_core::dataset::Industry {
            code: "1771".into(),
            employment: Some(100.0),
            ..Default::default()
        });
        d.scenarios.push(leading_firm_scenario(&d, Lang::Zh));
        d.scenarios.push(jobs_scenario(&d, Lang::En));
        assert_eq!(d.validate(), Ok(()));
    }
}
