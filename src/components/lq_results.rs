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
    let render = move |t: LqTable| {
        let rows = t
            .industries
            .iter()
            .map(|i| {
                let band = i.band;
                let explained = explain_row(&t, &i.code, i.value, i.lq);
                view! {
                    <tr data-code=i.code.clone()>
                        <td>{i.code.clone()}</td>
                        <td>{industry_name(&i.code, &i.name)}</td>
                        <td class="num">{number(i.value, 0)}</td>
                        <td class="num lq-value">{number(i.lq, 2)}</td>
                        <td class=format!("band band-{band:?}").to_lowercase()>
                            {move || band_text(band).get(lang.get())}
                            {i.small.then(|| view! { <span class="badge" title=tr(T::SmallIndustryNote)>{tr(T::SmallIndustry)}</span> })}
                        </td>
                    </tr>
                    <Show when=move || app.explain.get()>
                        <tr class="explain-row"><td colspan="5"><code>{explained.clone()}</code></td></tr>
                    </Show>
                }
            })
            .collect_view();
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
                <tbody>{rows}</tbody>
            </table>
            <dl class="indices">
                <dt>{tr(T::Krugman)}</dt>
                <dd class="num" data-testid="krugman">{number(t.krugman, 3)}</dd>
                <dt>{tr(T::Hoover)}</dt>
                <dd class="num" data-testid="hoover">{number(t.hoover, 3)}</dd>
                <dt>{tr(T::Variant)}</dt>
                <dd>{tr(T::VariantLqEmployment)}</dd>
            </dl>
        }
        .into_any()
    };
    let chart_data = Signal::derive(move || table.get().ok().flatten());
    let body = move || match table.get() {
        Ok(Some(t)) => render(t),
        Ok(None) => view! { <p class="empty">{tr(T::NeedData)}</p> }.into_any(),
        Err(reason) => {
            view! { <p class="empty">{move || reason.get(lang.get()).to_string()}</p> }.into_any()
        }
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
