//! Classroom guides for the bundled case studies: what to look at and why, with the engine's own numbers.
//!
//! Xiqiao: why the study's 26.7 % growth needs four periods. Datang and the Hunan textile town: a real value
//! chain against firms crowded into one stage ("扎堆", ch.5). Every number comes from `clustercalc_core`.

use crate::format::number;
use crate::i18n::{tr, T};
use crate::state::use_app;
use clustercalc_core::analyze::{analyze, ClusterReport};
use clustercalc_core::chain::ChainAssessment;
use clustercalc_core::dataset::Dataset;
use clustercalc_core::{examples, growth, Lang};
use leptos::prelude::*;

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{}%", number(v * 100.0, 1)))
}

/// The first cluster's chain assessment of a bundled example, analysed by the core.
fn example_chain(name: &str) -> Option<ChainAssessment> {
    let d = Dataset::from_json(examples::get(name)?).ok()?;
    let r = analyze(&d);
    r.clusters.first()?.chain.computed().cloned()
}

/// Why 26.7 %: the study's sales 1998 → 2001 over three and over four periods. The years and the sales are
/// the engine's: the window of the cluster's output growth and its start and end figures.
fn xiqiao_view(c: Option<&ClusterReport>, lang: Lang) -> AnyView {
    let figures = c.and_then(|c| {
        let w = c
            .lifecycle
            .window
            .as_ref()
            .filter(|w| w.basis == "output")?;
        let g = c.growth.computed()?;
        Some((w.from, w.to, g.start, g.end))
    });
    let Some((y0, y1, start, end)) = figures else {
        return view! { <p>{T::GuideNeedsHistory.get(lang)}</p> }.into_any();
    };
    let years = f64::from(y1 - y0);
    let by_years = growth::cagr(start, end, years).ok();
    let by_periods = growth::cagr(start, end, years + 1.0).ok();
    let line = |n: f64, g: Option<growth::CagrOutput>| {
        format!(
            "({} ÷ {})^(1/{}) − 1 = {}",
            number(end / 10_000.0, 1),
            number(start / 10_000.0, 1),
            n,
            pct(g.map(|g| g.cagr))
        )
    };
    view! {
        <p>{T::GuideXiqiaoIntro.get(lang)}</p>
        <dl class="guide-figures">
            <dt>{format!("{} {y0}–{y1}: {} {}", T::GuideYears.get(lang), years, T::GuidePeriodsYears.get(lang))}</dt>
            <dd data-testid="guide-cagr-years"><code>{line(years, by_years)}</code></dd>
            <dt>{format!("{} {y0}, …, {y1}: {} {}", T::GuideYears.get(lang), years + 1.0, T::GuidePeriodsCounted.get(lang))}</dt>
            <dd data-testid="guide-cagr-periods"><code>{line(years + 1.0, by_periods)}</code></dd>
        </dl>
        <p>{T::GuideXiqiaoLesson.get(lang)}</p>
    }
    .into_any()
}

/// A chain next to the other example's: completeness, 扎堆 index, the co-location flag.
fn chain_compare(here: Option<ChainAssessment>, other_name: &'static str, lang: Lang) -> AnyView {
    let other = example_chain(other_name);
    let row = |label: String, c: &Option<ChainAssessment>, id: &'static str| {
        let (comp, zhadui, flag) = c.as_ref().map_or(("—".into(), "—".into(), "—"), |c| {
            (
                pct(c.completeness.value),
                pct(c.zhadui_index.value),
                match c.colocation.flagged {
                    Some(true) => T::Yes.get(lang),
                    Some(false) => T::No.get(lang),
                    None => "—",
                },
            )
        });
        view! {
            <tr data-testid=id><th scope="row">{label}</th><td class="num">{comp}</td><td class="num">{zhadui}</td><td>{flag}</td></tr>
        }
    };
    let other_label = if other_name == "datang" {
        T::ExampleDatang
    } else {
        T::ExampleHunan
    };
    view! {
        <table class="guide-table">
            <thead><tr>
                <th scope="col">{T::GuideTown.get(lang)}</th>
                <th scope="col">{T::ChainCompleteness.get(lang)}</th>
                <th scope="col">{T::ZhaduiIndex.get(lang)}</th>
                <th scope="col">{T::Colocated.get(lang)}</th>
            </tr></thead>
            <tbody>
                {row(T::GuideThisTown.get(lang).to_string(), &here, "guide-here")}
                {row(other_label.get(lang).to_string(), &other, "guide-other")}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn GuideView() -> impl IntoView {
    let app = use_app();
    move || {
        let name = app.guide.get()?;
        let lang = app.lang.get();
        let (title, body) = match name.as_str() {
            "xiqiao" => (
                T::GuideXiqiaoTitle,
                app.report
                    .with(|r| xiqiao_view(r.as_ref().ok().and_then(|r| r.clusters.first()), lang)),
            ),
            "datang" | "hunan-textile-town" => {
                let here = app.report.with(|r| {
                    r.as_ref()
                        .ok()
                        .and_then(|r| r.clusters.first()?.chain.computed().cloned())
                });
                let other = if name == "datang" {
                    "hunan-textile-town"
                } else {
                    "datang"
                };
                let intro = if name == "datang" {
                    T::GuideDatangIntro
                } else {
                    T::GuideHunanIntro
                };
                (
                    T::GuideChainTitle,
                    view! {
                        <p>{intro.get(lang)}</p>
                        {chain_compare(here, other, lang)}
                        <p>{T::GuideChainLesson.get(lang)}</p>
                    }
                    .into_any(),
                )
            }
            "county" => (
                T::GuideCountyTitle,
                view! { <p>{T::GuideCountyIntro.get(lang)}</p> }.into_any(),
            ),
            _ => return None,
        };
        Some(view! {
            <section class="panel guide" aria-labelledby="guide-heading">
                <div class="guide-head">
                    <h2 id="guide-heading">{T::GuideHeading.get(lang)}{lang.pick("：", ": ")}{title.get(lang)}</h2>
                    <button class="icon" on:click=move |_| app.guide.set(None) aria-label=tr(T::GuideClose)>"×"</button>
                </div>
                {body}
            </section>
        })
    }
}
