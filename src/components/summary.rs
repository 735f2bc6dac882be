//! The results summary: for each cluster its LQ, maturity, life-cycle stage and chain, the town's multipliers,
//! and the top measures with the evidence that fired them.

use crate::format::number;
use crate::i18n::{tr, use_lang, variant_label, T};
use crate::state::use_app;
use clustercalc_core::analyze::{ClusterReport, Report, Section};
use clustercalc_core::measures::{metric_info, Evidence, Op};
use clustercalc_core::Lang;
use leptos::prelude::*;

fn cluster_card(c: &ClusterReport, lang: Lang) -> impl IntoView {
    let lq =
        c.lq.computed()
            .and_then(|l| l.employment)
            .map(|v| number(v, 2))
            .unwrap_or_else(|| "—".into());
    let maturity = c
        .maturity
        .computed()
        .and_then(|m| m.index)
        .map(|v| number(v, 1))
        .unwrap_or_else(|| "—".into());
    // A stage is a short word; the reason it is missing is a sentence, set in body type.
    let (stage, stage_class) = match (&c.lifecycle.stage, &c.lifecycle.reason) {
        (Some(s), _) => (s.label().get(lang).to_string(), ""),
        (None, Some(r)) => (r.get(lang).to_string(), "reason"),
        (None, None) => ("—".into(), ""),
    };
    let chain = c
        .chain
        .computed()
        .and_then(|ch| ch.completeness.value)
        .map(|v| format!("{}%", number(v * 100.0, 1)))
        .unwrap_or_else(|| "—".into());
    view! {
        <article class="cluster-card" data-testid="cluster-card">
            <h3>{c.name.clone()}</h3>
            <dl class="kpis">
                <div><dt>{T::ClusterLq.get(lang)}</dt><dd data-testid="cluster-lq">{lq}</dd></div>
                <div><dt>{T::MaturityIndex.get(lang)}</dt><dd data-testid="maturity">{maturity}</dd></div>
                <div><dt>{T::LifecycleStage.get(lang)}</dt><dd data-testid="stage" class=stage_class>{stage}</dd></div>
                <div><dt>{T::ChainCompleteness.get(lang)}</dt><dd>{chain}</dd></div>
            </dl>
        </article>
    }
}

/// One line of evidence: the metric's name, its value, the rule's comparison and the threshold's source.
pub fn evidence_text(e: &Evidence, lang: Lang) -> String {
    let name = metric_info(&e.metric).map_or(e.metric.as_str(), |m| lang.pick(m.zh, m.en));
    let op = match e.op {
        Op::Lt => "<",
        Op::Le => "≤",
        Op::Gt => ">",
        Op::Ge => "≥",
        Op::Eq => "=",
        Op::Missing => return format!("{name}: {}", T::NotGiven.get(lang)),
    };
    let value = e.value.map_or_else(|| "—".to_string(), |v| number(v, 3));
    format!(
        "{name} = {value} ({op} {}; {})",
        number(e.threshold, 3),
        e.threshold_source
    )
}

fn summary(r: &Report, lang: Lang) -> AnyView {
    let clusters = r
        .clusters
        .iter()
        .map(|c| cluster_card(c, lang))
        .collect_view();
    let base = match &r.economic_base {
        Section::Computed(b) => {
            format!(
                "{} ({})",
                number(b.result.multiplier, 2),
                variant_label(&b.result.variant, lang)
            )
        }
        Section::NotComputed { reason } => reason.get(lang).to_string(),
    };
    let keynes = match &r.keynes {
        Section::Computed(k) => format!(
            "{} ({}; {}–{})",
            number(k.result.multiplier, 3),
            variant_label(&k.result.variant, lang),
            number(k.result.band.low, 3),
            number(k.result.band.high, 3)
        ),
        Section::NotComputed { reason } => reason.get(lang).to_string(),
    };
    let measures = match &r.measures {
        Section::Computed(m) => m
            .clusters
            .iter()
            .flat_map(|c| c.measures.iter().take(5))
            .map(|m| {
                let evidence = m
                    .evidence
                    .iter()
                    .map(|e| evidence_text(e, lang))
                    .collect::<Vec<_>>()
                    .join("; ");
                view! {
                    <li data-testid="measure">
                        <strong>{m.title.get(lang).to_string()}</strong>
                        <span class="seed-ref">{format!(" [{}]", m.seed_ref)}</span>
                        <p>{m.description.get(lang).to_string()}</p>
                        <p class="evidence">{T::Evidence.get(lang)}": "{evidence}</p>
                    </li>
                }
            })
            .collect_view()
            .into_any(),
        Section::NotComputed { reason } => {
            view! { <li>{reason.get(lang).to_string()}</li> }.into_any()
        }
    };
    let warnings = r
        .warnings
        .iter()
        .map(|w| view! { <li>{w.message.get(lang).to_string()}</li> })
        .collect_view();
    view! {
        <div class="clusters">{clusters}</div>
        <h3>{T::Multipliers.get(lang)}</h3>
        <dl class="indices">
            <dt>{T::EconomicBaseMultiplier.get(lang)}</dt><dd data-testid="base-multiplier">{base}</dd>
            <dt>{T::KeynesMultiplier.get(lang)}</dt><dd data-testid="keynes-multiplier">{keynes}</dd>
        </dl>
        <h3>{T::Measures.get(lang)}</h3>
        <ol class="measures">{measures}</ol>
        <Show when={let n = r.warnings.len(); move || n > 0}>
            <h3>{T::Warnings.get(lang)}</h3>
        </Show>
        <ul class="warnings">{warnings}</ul>
    }
    .into_any()
}

#[component]
pub fn SummaryView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let body = move || {
        let lang = lang.get();
        app.report.with(|r| match r {
            Ok(r) => summary(r, lang),
            Err(e) => view! { <p class="error" role="alert">{T::InputProblem.get(lang)}": "{e.message(lang)}</p> }
                .into_any(),
        })
    };
    view! {
        <section class="panel results-panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{tr(T::SummarySection)}</h2>
            {body}
        </section>
    }
}
