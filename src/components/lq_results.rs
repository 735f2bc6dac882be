//! Location-quotient results: the data table, the summary indices and the bar chart.

use crate::components::lq_chart::LqChart;
use crate::format::number;
use crate::i18n::{tr, use_lang, T};
use crate::state::{FormState, LqState};
use clustercalc_core::gbt4754;
use clustercalc_core::location_quotient::{LqBand, LqOutput};
use leptos::prelude::*;

fn band_text(b: LqBand) -> T {
    match b {
        LqBand::SelfSufficient => T::BandSelfSufficient,
        LqBand::Specialised => T::BandSpecialised,
        LqBand::ClearAdvantage => T::BandClearAdvantage,
    }
}

#[component]
pub fn LqResults() -> impl IntoView {
    let FormState(form) = expect_context::<FormState>();
    let lang = use_lang();
    let state = Memo::new(move |_| form.with(|f| f.lq_state()));
    let output = Memo::new(move |_| match state.get() {
        LqState::Ready(out) => Some(out),
        _ => None,
    });

    let table = move |out: LqOutput| {
        let rows = out
            .lq
            .iter()
            .map(|(code, q)| {
                let name = gbt4754::division(code).map(|d| d.name(lang.get())).unwrap_or("");
                let band = out.bands.get(code).copied().unwrap_or(LqBand::of(*q));
                view! {
                    <tr data-code=code.clone()>
                        <td>{code.clone()}</td>
                        <td>{name}</td>
                        <td class="num lq-value">{number(*q, 2)}</td>
                        <td class=format!("band band-{band:?}").to_lowercase()>{band_text(band).get(lang.get())}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="results" aria-describedby="lq-formula">
                <thead>
                    <tr>
                        <th scope="col">{tr(T::Code)}</th>
                        <th scope="col">{tr(T::Industry)}</th>
                        <th scope="col">"LQ"</th>
                        <th scope="col">{tr(T::Band)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <dl class="indices">
                <dt>{tr(T::Krugman)}</dt>
                <dd class="num" data-testid="krugman">{number(out.krugman, 3)}</dd>
                <dt>{tr(T::Hoover)}</dt>
                <dd class="num" data-testid="hoover">{number(out.hoover, 3)}</dd>
                <dt>{tr(T::Variant)}</dt>
                <dd>{tr(T::VariantLqEmployment)}</dd>
            </dl>
        }
        .into_any()
    };

    let body = move || {
        match state.get() {
        LqState::Ready(out) => table(out),
        LqState::Incomplete | LqState::BadCells(_) => view! { <p class="empty">{tr(T::NeedData)}</p> }.into_any(),
        LqState::Invalid(e) => view! {
            <p class="error" role="alert">{tr(T::InputProblem)}": "{move || e.message(lang.get())}</p>
        }
        .into_any(),
    }
    };

    view! {
        <section class="panel results-panel" aria-labelledby="lq-heading">
            <h2 id="lq-heading">{tr(T::ResultsSection)}</h2>
            <p id="lq-formula" class="formula">{tr(T::LqFormula)}</p>
            {body}
            <Show when=move || output.with(|o| o.is_some())>
                <LqChart output=output />
            </Show>
        </section>
    }
}
