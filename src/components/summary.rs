//! The results summary: for each cluster its LQ, maturity, life-cycle stage and chain, the town's multipliers,
//! and the top measures with the evidence that fired them.

use crate::format::number;
use crate::i18n::{tr, use_lang, variant_label, T};
use crate::state::use_app;
use clustercalc_core::analyze::{ClusterReport, Report, Section};
use clustercalc_core::present::document::{
    measure_title, measure_views, no_measure, ClusterMeasureView, MeasureHeading,
};
use clustercalc_core::Lang;
use leptos::prelude::*;

/// A cluster's card as shown: the engine's figures, formatted. The cards are listed by position and each field
/// is its own text node, so an edit that moves the LQ changes that one node instead of rebuilding the card (a
/// rebuilt card costs the frame a new layout of the card and its neighbours).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
struct Card {
    name: String,
    lq: String,
    maturity: String,
    stage: String,
    stage_class: &'static str,
    chain: String,
    /// The seed's cluster type (ch.6 一).
    kind: String,
}

fn card(c: &ClusterReport, lang: Lang) -> Card {
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
        (None, Some(r)) => (crate::i18n::reason_text(r, lang), "reason"),
        (None, None) => ("—".into(), ""),
    };
    let chain = c
        .chain
        .computed()
        .and_then(|ch| ch.completeness.value)
        .map(|v| format!("{}%", number(v * 100.0, 1)))
        .unwrap_or_else(|| "—".into());
    let kind = c.typology.kind.map_or_else(
        || T::ClusterTypeUnknown.get(lang).to_string(),
        |k| k.label().get(lang).to_string(),
    );
    Card {
        kind,
        name: c.name.clone(),
        lq,
        maturity,
        stage,
        stage_class,
        chain,
    }
}

/// The card at position `k` of `cards`, its fields read one by one.
fn card_view(cards: Memo<Vec<Card>>, k: usize) -> impl IntoView {
    let card = Memo::new(move |_| cards.with(|c| c.get(k).cloned().unwrap_or_default()));
    let field = move |f: fn(&Card) -> String| move || card.with(f);
    view! {
        <article class="cluster-card" data-testid="cluster-card">
            <h3>{field(|c| c.name.clone())}</h3>
            <dl class="kpis">
                <div><dt>{tr(T::ClusterLq)}</dt><dd data-testid="cluster-lq">{field(|c| c.lq.clone())}</dd></div>
                <div><dt>{tr(T::MaturityIndex)}</dt><dd data-testid="maturity">{field(|c| c.maturity.clone())}</dd></div>
                <div>
                    <dt>{tr(T::LifecycleStage)}</dt>
                    <dd data-testid="stage" class=move || card.with(|c| c.stage_class)>{field(|c| c.stage.clone())}</dd>
                </div>
                <div><dt>{tr(T::ChainCompleteness)}</dt><dd>{field(|c| c.chain.clone())}</dd></div>
                <div><dt>{tr(T::ClusterTypeField)}</dt><dd data-testid="cluster-type" class="word">{field(|c| c.kind.clone())}</dd></div>
            </dl>
        </article>
    }
}

/// The summary as text, piece by piece: each piece is its own memo, so an edit repaints only the pieces whose
/// text it changes (typing one employment figure usually changes a card and some evidence, not the rest).
#[derive(Debug, Clone, PartialEq)]
struct Pieces {
    cards: Vec<Card>,
    base: String,
    keynes: String,
    /// Each cluster's measures under the seed's six ch.6 headings, worded by the report's presentation layer.
    measures: Result<Vec<ClusterMeasureView>, String>,
    /// 需要补充调查的数据: "field label → measures it would decide", one line each.
    needed: Vec<String>,
    warnings: Vec<String>,
}

fn pieces(r: &Report, lang: Lang) -> Pieces {
    let base = match &r.economic_base {
        Section::Computed(b) => {
            format!(
                "{} ({})",
                number(b.result.multiplier, 2),
                variant_label(&b.result.variant, lang)
            )
        }
        Section::NotComputed { reason } => crate::i18n::reason_text(reason, lang),
    };
    let keynes = match &r.keynes {
        Section::Computed(k) => format!(
            "{} ({}; {}–{})",
            number(k.result.multiplier, 3),
            variant_label(&k.result.variant, lang),
            number(k.result.band.low, 3),
            number(k.result.band.high, 3)
        ),
        Section::NotComputed { reason } => crate::i18n::reason_text(reason, lang),
    };
    let measures = measure_views(r, lang);
    let title = |id: &str| measure_title(id, lang).unwrap_or_else(|| id.to_string());
    let needed = match &r.measures {
        Section::Computed(m) => m
            .clusters
            .iter()
            .flat_map(|c| c.data_needed.iter())
            .map(|n| {
                let info = n.metric.info();
                let measures: Vec<String> = n.measures.iter().map(|id| title(id)).collect();
                format!(
                    "{} → {}",
                    lang.pick(info.zh, info.en),
                    measures.join(lang.pick("、", "; "))
                )
            })
            .collect(),
        Section::NotComputed { .. } => Vec::new(),
    };
    Pieces {
        cards: r.clusters.iter().map(|c| card(c, lang)).collect(),
        base,
        keynes,
        measures,
        needed,
        warnings: r
            .warnings
            .iter()
            .map(|w| w.message.get(lang).to_string())
            .collect(),
    }
}

/// One cluster's measures: the headings that hold a measure, in the seed's order, each ranked.
fn cluster_measures_view(v: ClusterMeasureView, several: bool) -> impl IntoView {
    let lang = use_lang();
    let empty = v.headings.iter().all(|h| h.items.is_empty());
    let headings: Vec<MeasureHeading> = v
        .headings
        .into_iter()
        .filter(|h| !h.items.is_empty())
        .collect();
    view! {
        <section class="measure-cluster" data-testid="measure-cluster">
            {several.then(|| view! { <h4 class="measure-cluster-name">{v.cluster.clone()}</h4> })}
            {empty.then(|| view! { <p>{move || no_measure(lang.get())}</p> })}
            {headings.into_iter().map(|h| view! {
                <h4 class="measure-heading" data-testid="measure-heading">{h.title}</h4>
                <ol class="measures">
                    {h.items.into_iter().map(|m| view! {
                        <li data-testid="measure" data-measure=m.id>
                            <strong>{m.heading}</strong>
                            <p>{m.description}</p>
                            <p class="evidence"><b>{tr(T::MeasureWhy)}</b>{m.reason}</p>
                            <p class="evidence"><b>{tr(T::MeasureRank)}</b>{m.rank}</p>
                            <p class="seed-ref"><b>{tr(T::MeasureSource)}</b>{m.source}</p>
                            {m.partial.map(|p| view! { <p class="evidence partial">{p}</p> })}
                        </li>
                    }).collect_view()}
                </ol>
            }).collect_view()}
            {v.set_aside.map(|w| view! { <p class="small" data-testid="set-aside">{w}</p> })}
        </section>
    }
}

#[component]
pub fn SummaryView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let all = Memo::new(move |_| {
        let lang = lang.get();
        app.report.with(|r| match r {
            Ok(r) => Ok(pieces(r, lang)),
            Err(e) => Err(format!(
                "{}: {}",
                T::InputProblem.get(lang),
                e.message(lang)
            )),
        })
    });
    let problem = Memo::new(move |_| all.with(|a| a.as_ref().err().cloned()));
    let ok = Memo::new(move |_| all.with(Result::is_ok));
    let cards =
        Memo::new(move |_| all.with(|a| a.as_ref().map(|p| p.cards.clone()).unwrap_or_default()));
    let base =
        Memo::new(move |_| all.with(|a| a.as_ref().map(|p| p.base.clone()).unwrap_or_default()));
    let keynes =
        Memo::new(move |_| all.with(|a| a.as_ref().map(|p| p.keynes.clone()).unwrap_or_default()));
    let warnings = Memo::new(move |_| {
        all.with(|a| a.as_ref().map(|p| p.warnings.clone()).unwrap_or_default())
    });
    let measure_views = Memo::new(move |_| {
        all.with(|a| {
            a.as_ref()
                .ok()
                .and_then(|p| p.measures.as_ref().ok().cloned())
                .unwrap_or_default()
        })
    });
    let several = Memo::new(move |_| measure_views.with(|v| v.len() > 1));
    let needed =
        Memo::new(move |_| all.with(|a| a.as_ref().map(|p| p.needed.clone()).unwrap_or_default()));
    let measure_reason = Memo::new(move |_| {
        all.with(|a| {
            a.as_ref()
                .ok()
                .and_then(|p| p.measures.as_ref().err().cloned())
        })
    });
    view! {
        <section class="panel results-panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{tr(T::SummarySection)}</h2>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <Show when=move || ok.get()>
                <div class="clusters">
                    <For each=move || 0..cards.with(Vec::len) key=|k| *k let:k>
                        {card_view(cards, k)}
                    </For>
                </div>
                <h3>{tr(T::Multipliers)}</h3>
                <dl class="indices">
                    <dt>{tr(T::EconomicBaseMultiplier)}</dt><dd data-testid="base-multiplier">{move || base.get()}</dd>
                    <dt>{tr(T::KeynesMultiplier)}</dt><dd data-testid="keynes-multiplier">{move || keynes.get()}</dd>
                </dl>
                <h3>{tr(T::Measures)}</h3>
                <p class="small">{tr(T::MeasuresHint)}</p>
                {move || measure_reason.get().map(|r| view! { <p data-testid="measures-reason">{r}</p> })}
                <For each=move || measure_views.get() key=|v| v.clone() let:v>
                    {cluster_measures_view(v, several.get_untracked())}
                </For>
                <Show when=move || needed.with(|n| !n.is_empty())>
                    <h3>{tr(T::DataNeeded)}</h3>
                    <p class="small">{tr(T::DataNeededHint)}</p>
                </Show>
                <ul class="data-needed" data-testid="data-needed">
                    <For each=move || needed.get() key=|n| n.clone() let:n>
                        <li>{n}</li>
                    </For>
                </ul>
                <Show when=move || warnings.with(|w| !w.is_empty())>
                    <h3>{tr(T::Warnings)}</h3>
                </Show>
                <ul class="warnings">
                    <For each=move || warnings.get() key=|w| w.clone() let:w>
                        <li>{w}</li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
