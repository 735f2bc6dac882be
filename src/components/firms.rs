//! The optional firm table: name, industry, chain stage, employment, revenue (万元) and the MIIT flags.
//!
//! Leading firms and concentration are the core's to find; the user's "leading" tick is stored as given.
//!
//! A town may list thousands of firms, each row ~10 live fields: the table shows [`FIRMS_PER_PAGE`] at a time,
//! with a filter by name or industry code, and points to the page of a firm the validation names.

use crate::components::field_error::FieldError;
use crate::components::fields::NumberField;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::chain;
use clustercalc_core::dataset::{Dataset, Firm};
use clustercalc_core::Lang;
use leptos::prelude::*;

/// Firms shown per page. All 5 000 firms of a big town as rows took 9 s to show and 4 s per keystroke.
pub const FIRMS_PER_PAGE: usize = 50;

/// The firm a validation path names (`firms[12].name` → 12).
fn firm_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("firms[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// True when a firm matches the filter text (already trimmed and lower-cased): its name contains it, or its
/// industry code starts with it.
fn matches(f: &Firm, filter: &str) -> bool {
    f.name.to_lowercase().contains(filter)
        || f.industry.as_deref().is_some_and(|c| c.starts_with(filter))
}

/// "Firms 51–100 of 5 000" in the current language.
fn range_text(lang: Lang, from: usize, to: usize, total: usize, filtered: bool) -> String {
    match (lang, filtered) {
        (Lang::Zh, false) => format!("第 {from}–{to} 家，共 {total} 家"),
        (Lang::Zh, true) => format!("筛选出 {total} 家，显示第 {from}–{to} 家"),
        (Lang::En, false) => format!("Firms {from}–{to} of {total}"),
        (Lang::En, true) => format!("{total} firms match; showing {from}–{to}"),
    }
}

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
    // The stages of the cluster's template (id and name): the stage column offers them by name, so no program
    // id such as `sock_knitting` is shown; without a template the column is free text.
    let template_stages = Memo::new(move |_| {
        let id = d.with(|d| d.clusters.first().and_then(|c| c.chain_template.clone()));
        id.and_then(|id| chain::template(&id).ok()).map(|t| {
            t.stages
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    });

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
        let stage = Memo::new(move |_| {
            item.with(|f| f.as_ref().and_then(|f| f.stage.clone()).unwrap_or_default())
        });
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
                    {move || match template_stages.get() {
                        Some(stages) => {
                            let ids: Vec<String> = stages.iter().map(|(id, _)| id.clone()).collect();
                            let options = stages
                                .into_iter()
                                .map(|(id, name)| {
                                    let mine = id.clone();
                                    view! {
                                        <option value=id selected=move || stage.with(|s| *s == mine)>
                                            {move || name.get(lang.get()).to_string()}
                                        </option>
                                    }
                                })
                                .collect_view();
                            // A stage the template does not know stays as it was entered (nothing is lost).
                            let unknown = move || {
                                let s = stage.get();
                                (!s.is_empty() && !ids.contains(&s))
                                    .then(|| view! { <option value=s.clone() selected=true>{s.clone()}</option> })
                            };
                            view! {
                                <select aria-label=label(T::FirmStage) prop:value=move || stage.get()
                                    on:change=set_text("stage", |f, v| f.stage = opt(v))>
                                    <option value="" selected=move || stage.with(String::is_empty)>"—"</option>
                                    {options}
                                    {unknown}
                                </select>
                            }
                            .into_any()
                        }
                        None => view! {
                            <input type="text" aria-label=label(T::FirmStage) prop:value=move || stage.get()
                                on:input=set_text("stage", |f, v| f.stage = opt(v)) />
                        }
                        .into_any(),
                    }}
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
    // Paging and the filter. With no filter the shown positions are a range and nothing reads the whole list;
    // with one, the matching positions are found once per edit.
    let filter = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let kept = Memo::new(move |_| {
        let f = filter.with(|f| f.trim().to_lowercase());
        if f.is_empty() {
            return None;
        }
        Some(d.with(|d| {
            d.firms
                .iter()
                .enumerate()
                .filter(|(_, x)| matches(x, &f))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        }))
    });
    let total = Memo::new(move |_| {
        kept.with(|k| k.as_ref().map(Vec::len))
            .unwrap_or_else(count)
    });
    let pages = move || total.get().div_ceil(FIRMS_PER_PAGE).max(1);
    let current = Memo::new(move |_| page.get().min(pages() - 1));
    let visible = Memo::new(move |_| {
        let start = current.get() * FIRMS_PER_PAGE;
        kept.with(|k| match k {
            Some(k) => k.iter().skip(start).take(FIRMS_PER_PAGE).copied().collect(),
            None => (start..(start + FIRMS_PER_PAGE).min(count())).collect::<Vec<_>>(),
        })
    });
    let paged = move || count() > FIRMS_PER_PAGE;
    let shown = move || {
        let (n, p) = (total.get(), current.get());
        let from = (p * FIRMS_PER_PAGE + 1).min(n);
        let to = ((p + 1) * FIRMS_PER_PAGE).min(n);
        range_text(lang.get(), from, to, n, kept.with(Option::is_some))
    };
    // A validation problem in a firm that is not shown: say which and offer its page.
    let problem_firm = Memo::new(move |_| {
        app.error.with(|e| {
            e.as_ref()
                .and_then(|e| firm_index(&e.path).map(|k| (k, e.message(lang.get()))))
        })
    });
    let hidden_problem = move || {
        problem_firm
            .get()
            .filter(|(k, _)| !visible.with(|v| v.contains(k)))
    };
    let show_firm = move |k: usize| {
        filter.set(String::new());
        page.set(k / FIRMS_PER_PAGE);
    };
    let add = move |_| {
        app.edit("firms.add", |d| d.firms.push(Firm::default()));
        // The new firm is the last one: show it.
        filter.set(String::new());
        page.set(usize::MAX);
        crate::components::focus::focus_soon(crate::components::focus::LAST_FIRM);
    };
    let pager = move || {
        paged().then(|| {
            view! {
                <div class="pager" role="group" aria-label=tr(T::FirmPages)>
                    <button class="icon" on:click=move |_| page.set(current.get_untracked().saturating_sub(1))
                        disabled=move || current.get() == 0>{tr(T::PreviousPage)}</button>
                    <span class="pager-range" aria-live="polite" data-testid="firms-range">{shown}</span>
                    <button class="icon" on:click=move |_| page.set(current.get_untracked() + 1)
                        disabled=move || { current.get() + 1 >= pages() }>{tr(T::NextPage)}</button>
                </div>
            }
        })
    };

    view! {
        <section class="panel" aria-labelledby="firms-heading">
            <h2 id="firms-heading">{tr(T::FirmsSection)}</h2>
            <p class="hint">{tr(T::FirmsHint)}</p>
            <Show when=paged>
                <label class="filter">
                    {tr(T::FirmFilter)}
                    <input type="text" prop:value=move || filter.get()
                        on:input=move |ev| { filter.set(event_target_value(&ev)); page.set(0); } />
                </label>
            </Show>
            {pager}
            {move || hidden_problem().map(|(k, m)| view! {
                <p class="error" role="alert">
                    {move || match lang.get() {
                        Lang::Zh => format!("第 {} 家企业：{m} ", k + 1),
                        Lang::En => format!("Firm {}: {m} ", k + 1),
                    }}
                    <button class="icon" on:click=move |_| show_firm(k)>{tr(T::ShowFirm)}</button>
                </p>
            })}
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
                        <For each=move || visible.get() key=|i| *i children=row />
                    </tbody>
                </table>
            </div>
            {pager}
            <button class="add" on:click=add>{tr(T::AddFirm)}</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_validation_path_names_its_firm() {
        assert_eq!(firm_index("firms[12].name"), Some(12));
        assert_eq!(firm_index("firms[0]"), Some(0));
        assert_eq!(firm_index("industries[3].code"), None);
        assert_eq!(firm_index("firms[x].name"), None);
    }

    #[test]
    fn the_filter_finds_names_and_code_prefixes() {
        let f = Firm {
            name: "浪莎针织 Langsha".into(),
            industry: Some("1762".into()),
            ..Default::default()
        };
        assert!(matches(&f, "浪莎"));
        assert!(matches(&f, "langsha"));
        assert!(matches(&f, "17"));
        assert!(!matches(&f, "62"));
        assert!(!matches(&f, "宝娜"));
    }

    #[test]
    fn the_range_reads_in_both_languages() {
        assert_eq!(
            range_text(Lang::Zh, 51, 100, 5000, false),
            "第 51–100 家，共 5000 家"
        );
        assert_eq!(
            range_text(Lang::En, 1, 3, 3, true),
            "3 firms match; showing 1–3"
        );
    }
}
