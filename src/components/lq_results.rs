//! Location-quotient results from the report: the data table, Krugman/Hoover and the bar chart.
//! With "explain" on, each LQ shows its formula with the town's and the reference's figures substituted.

use crate::components::lq_chart::LqChart;
use crate::format::number;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::{LqTable, Section};
use clustercalc_core::gbt4754;
use clustercalc_core::location_quotient::LqBand;
use leptos::prelude::*;

pub fn band_text(b: LqBand) -> T {
    match b {
        LqBand::SelfSufficient => T::BandSelfSufficient,
        LqBand::Specialised => T::BandSpecialised,
        LqBand::ClearAdvantage => T::BandClearAdvantage,
    }
}

/// One row of the LQ table as shown.
#[derive(Debug, Clone, PartialEq)]
struct RowText {
    /// The name the user gave (may be empty).
    name: String,
    value: String,
    lq: String,
    band: LqBand,
    small: bool,
    /// The formula with the figures substituted, while explanations are shown.
    explain: Option<String>,
}

#[component]
pub fn LqResults() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let table = Memo::new(move |_| {
        app.report.with(|r| match r {
            Ok(r) => match &r.specialisation {
                Section::Computed(s) => Ok(s.employment.clone()),
                Section::NotComputed { reason } => Err(reason.clone()),
            },
            Err(_) => Ok(None),
        })
    });
    let reference_of = move |code: &str| {
        app.dataset.with(|d| {
            d.reference
                .as_ref()
                .and_then(|r| r.employment.get(code).copied())
        })
    };
    let explain_row = move |t: &LqTable, code: &str, value: f64, lq: f64| {
        let e_ref = reference_of(code).unwrap_or(f64::NAN);
        format!(
            "({} ÷ {}) ÷ ({} ÷ {}) = {}",
            number(value, 0),
            number(t.local_total, 0),
            number(e_ref, 0),
            number(t.reference_total, 0),
            number(lq, 3)
        )
    };
    // The name the user gave, else the standard's name of the division in the current language.
    let industry_name = move |code: &str, given: &str| {
        let (code, given) = (code.to_string(), given.to_string());
        move || {
            if given.trim().is_empty() {
                gbt4754::division(&code)
                    .map(|d| d.name(lang.get()).to_string())
                    .unwrap_or_default()
            } else {
                given.clone()
            }
        }
    };
    // Rows are keyed by industry code and update their cells in place: an edit changes a few text nodes
    // instead of rebuilding the table (the edit → repaint budget of a 50-industry town).
    let current = Memo::new(move |_| table.with(|t| t.as_ref().ok().cloned().flatten()));
    let codes = Memo::new(move |_| {
        current.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.industries
                        .iter()
                        .map(|i| i.code.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // Which denominators the table (and the cluster LQ) used: the totals with the unlisted employment when
    // both the town's and the reference's are known, else the listed industries' sums on both sides.
    let denominators = move || {
        let lang = lang.get();
        current.with(|t| {
            t.as_ref().map(|t| {
                let kind = if t.counts_unlisted() {
                    T::VariantLqEmployment
                } else {
                    T::VariantLqListed
                };
                format!(
                    "{}{}{}",
                    kind.get(lang),
                    lang.pick("：", ": "),
                    T::LqDenominators
                        .get(lang)
                        .replace("{town}", &number(t.local_total, 0))
                        .replace("{reference}", &number(t.reference_total, 0))
                )
            })
        })
    };
    let figure = move |f: fn(&LqTable) -> f64, digits: usize| {
        move || current.with(|t| t.as_ref().map(|t| number(f(t), digits)).unwrap_or_default())
    };
    // Where each code sits in the table: recomputed only when the list of codes changes, so a row finds its
    // figures without searching the table on every edit.
    let position = Memo::new(move |_| {
        codes.with(|c| {
            c.iter()
                .enumerate()
                .map(|(k, code)| (code.clone(), k))
                .collect::<std::collections::HashMap<_, _>>()
        })
    });
    let row = move |code: String| {
        let item = Memo::new({
            let code = code.clone();
            move |_| {
                let k = position.with(|p| p.get(&code).copied())?;
                // The worked formula is built only while explanations are shown.
                let explain = app.explain.get();
                current.with(|t| {
                    let t = t.as_ref()?;
                    let i = t.industries.get(k).filter(|i| i.code == code)?;
                    Some(RowText {
                        name: i.name.clone(),
                        value: number(i.value, 0),
                        lq: number(i.lq, 2),
                        band: i.band,
                        small: i.small,
                        explain: explain.then(|| explain_row(t, &i.code, i.value, i.lq)),
                    })
                })
            }
        });
        let cell = move |f: fn(&RowText) -> String| {
            move || item.with(|i| i.as_ref().map(f).unwrap_or_default())
        };
        let name = {
            let code = code.clone();
            move || {
                item.with(|i| {
                    i.as_ref()
                        .map(|i| industry_name(&code, &i.name)())
                        .unwrap_or_default()
                })
            }
        };
        let band = Memo::new(move |_| item.with(|i| i.as_ref().map(|i| i.band)));
        let small = Memo::new(move |_| item.with(|i| i.as_ref().is_some_and(|i| i.small)));
        view! {
            <tr data-code=code.clone()>
                <td>{code.clone()}</td>
                <td>{name}</td>
                <td class="num">{cell(|i| i.value.clone())}</td>
                <td class="num lq-value">{cell(|i| i.lq.clone())}</td>
                <td class=move || band.get().map(|b| format!("band band-{b:?}").to_lowercase()).unwrap_or_default()>
                    {move || band.get().map(|b| band_text(b).get(lang.get())).unwrap_or_default()}
                    <Show when=move || small.get()>
                        <span class="badge" title=tr(T::SmallIndustryNote)>{tr(T::SmallIndustry)}</span>
                    </Show>
                </td>
            </tr>
            <Show when=move || app.explain.get()>
                <tr class="explain-row">
                    <td colspan="5">
                        <code>{move || item.with(|i| i.as_ref().and_then(|i| i.explain.clone()).unwrap_or_default())}</code>
                    </td>
                </tr>
            </Show>
        }
    };
    let rendered_table = move || {
        view! {
            <table class="results" aria-describedby="lq-formula">
                <thead>
                    <tr>
                        <th scope="col">{tr(T::Code)}</th>
                        <th scope="col">{tr(T::Industry)}</th>
                        <th scope="col">{tr(T::TownEmployment)}</th>
                        <th scope="col">"LQ"</th>
                        <th scope="col">{tr(T::Band)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || codes.get() key=|code| code.clone() let:code>
                        {row(code)}
                    </For>
                </tbody>
            </table>
            <dl class="indices">
                <dt>{tr(T::Krugman)}</dt>
                <dd class="num" data-testid="krugman">{figure(|t| t.krugman, 3)}</dd>
                <dt>{tr(T::Hoover)}</dt>
                <dd class="num" data-testid="hoover">{figure(|t| t.hoover, 3)}</dd>
                <dt>{tr(T::Variant)}</dt>
                <dd data-testid="lq-denominators">{denominators}</dd>
            </dl>
        }
        .into_any()
    };
    let chart_data = Signal::derive(move || current.get());
    // The body switches only when the kind of answer changes (table, no data, reason), not on every figure.
    let state = Memo::new(move |_| {
        table.with(|t| match t {
            Ok(t) => Ok(t.is_some()),
            Err(_) => Err(()),
        })
    });
    let reason = move || table.with(|t| t.as_ref().err().map(|r| r.get(lang.get()).to_string()));
    let body = move || match state.get() {
        Ok(true) => rendered_table(),
        Ok(false) => view! { <p class="empty">{tr(T::NeedData)}</p> }.into_any(),
        Err(()) => view! { <p class="empty">{reason}</p> }.into_any(),
    };
    view! {
        <section class="panel results-panel" aria-labelledby="lq-heading">
            <h2 id="lq-heading">{tr(T::ResultsSection)}</h2>
            <p id="lq-formula" class="formula">{tr(T::LqFormula)}</p>
            {body}
            <Show when=move || chart_data.with(|c| c.is_some())>
                <LqChart table=chart_data />
            </Show>
        </section>
    }
}
