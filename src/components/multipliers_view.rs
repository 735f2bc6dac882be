//! Multipliers (economic base with its range and caveat, Keynes with its form and band, I-O if present) and
//! the scenarios: stacked direct / indirect / induced job bars and the baseline beside each scenario.

use crate::components::chart_axis::PngButton;
use crate::components::chart_axis::{bar_label, label_step};
use crate::components::hidpi;
use crate::format::number;
use crate::i18n::{tr, use_lang, variant_label, T};
use crate::state::use_app;
use clustercalc_core::analyze::{Report, Section};
use clustercalc_core::present::metric_number;
use clustercalc_core::scenario::ScenarioResult;
use clustercalc_core::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;

const DIRECT: RGBColor = RGBColor(0x1f, 0x5f, 0x99);
const INDIRECT: RGBColor = RGBColor(0xe0, 0x8a, 0x1e);
const INDUCED: RGBColor = RGBColor(0x4d, 0x7c, 0x2f);

fn opt(v: Option<f64>, d: usize) -> String {
    v.map_or_else(|| "—".into(), |v| number(v, d))
}

/// A compared metric in its unit (display precision only): counts whole, shares as percentages, money in 万元
/// with one decimal, indices and ratios with three.
/// Which multiplier a scenario used and why, in words.
fn multiplier_used(choice: &str, origin: &str, lang: Lang) -> String {
    let name = match choice {
        "economic-base" => T::EconomicBaseMultiplier.get(lang),
        "keynes" => T::KeynesMultiplier.get(lang),
        "io-type1" => lang.pick("投入产出 I 型乘数", "input–output Type I multiplier"),
        "io-type2" => lang.pick("投入产出 II 型乘数", "input–output Type II multiplier"),
        "none" => lang.pick(
            "不用乘数（只计直接效应）",
            "no multiplier (direct effect only)",
        ),
        other => other,
    };
    let why = if origin == "user" {
        lang.pick("参数中指定", "chosen in the parameters")
    } else {
        lang.pick(
            "默认：有投入产出表用 I 型，否则经济基础乘数，再否则凯恩斯乘数",
            "default: input–output Type I if there is a table, else economic base, else Keynes",
        )
    };
    format!("{name}（{why}）")
}

fn multipliers(r: &Report, lang: Lang, explain: bool) -> AnyView {
    let base = match &r.economic_base {
        Section::Computed(b) => {
            let range = b
                .result
                .range
                .map(|[lo, hi]| format!("{} – {}", number(lo, 2), number(hi, 2)));
            let inputs = format!(
                "{} ÷ {} ({})",
                number(b.result.total, 0),
                number(b.result.total_basic, 0),
                b.result.variant
            );
            view! {
                <dt>{T::EconomicBaseMultiplier.get(lang)}</dt>
                <dd class="num" data-testid="mv-base">{number(b.result.multiplier, 2)}" ("{variant_label(&b.result.variant, lang)}")"</dd>
                {range.map(|r| view! { <dt>{T::Range.get(lang)}</dt><dd class="num">{r}</dd> })}
                <dt>{T::Caveat.get(lang)}</dt><dd class="caveat">{b.caveat.get(lang).to_string()}</dd>
                {explain.then(|| view! {
                    <dd class="explain"><code>{T::EconomicBaseFormula.get(lang)}": "{inputs}</code></dd>
                })}
            }
            .into_any()
        }
        Section::NotComputed { reason } => view! {
            <dt>{T::EconomicBaseMultiplier.get(lang)}</dt><dd>{crate::i18n::reason_text(reason, lang)}</dd>
        }
        .into_any(),
    };
    let keynes = match &r.keynes {
        Section::Computed(k) => {
            let inputs = format!(
                "c = {}, t = {}, m = {}",
                number(k.c, 3),
                number(k.t, 3),
                number(k.m, 3)
            );
            view! {
                <dt>{T::KeynesMultiplier.get(lang)}</dt>
                <dd class="num" data-testid="mv-keynes">{number(k.result.multiplier, 3)}</dd>
                <dt>{T::KeynesFormLabel.get(lang)}</dt><dd>{variant_label(&k.result.variant, lang)}</dd>
                <dt>{T::KeynesBand.get(lang)}</dt>
                <dd class="num">{format!("{} – {}", number(k.result.band.low, 3), number(k.result.band.high, 3))}</dd>
                {explain.then(|| view! {
                    <dd class="explain"><code>{T::KeynesInputs.get(lang)}": "{inputs}</code>" "{k.anchors.get(lang).to_string()}</dd>
                })}
            }
            .into_any()
        }
        Section::NotComputed { reason } => view! {
            <dt>{T::KeynesMultiplier.get(lang)}</dt><dd>{crate::i18n::reason_text(reason, lang)}</dd>
        }
        .into_any(),
    };
    let io = r.input_output.computed().map(|io| {
        let rows = io
            .sectors
            .iter()
            .zip(io.result.output_multipliers.iter())
            .map(|(s, m)| view! { <tr><td>{s.clone()}</td><td class="num">{number(*m, 3)}</td></tr> })
            .collect_view();
        view! {
            <table class="results">
                <caption>{T::IoMultipliers.get(lang)}" ("{io.table.clone()}")"</caption>
                <thead><tr><th scope="col">{T::Sector.get(lang)}</th><th scope="col">{T::OutputMultiplier.get(lang)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    view! {
        <dl class="indices">{base}{keynes}</dl>
        {io}
    }
    .into_any()
}

fn scenario_table(s: &ScenarioResult, lang: Lang, explain: bool) -> impl IntoView {
    let comparison = s
        .comparison
        .iter()
        .map(|c| {
            let info = c.metric.info();
            let name = lang.pick(info.zh, info.en).to_string();
            let shown = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| metric_number(c.metric, v));
            view! {
                <tr><td>{name}</td><td class="num">{shown(c.baseline)}</td><td class="num">{shown(c.scenario)}</td></tr>
            }
        })
        .collect_view();
    let used = format!(
        "{} [{}]",
        multiplier_used(&s.multiplier.choice, &s.multiplier.origin, lang),
        variant_label(&s.multiplier.variant, lang)
    );
    view! {
        <article class="scenario-card">
            <h4>{s.name.clone()}</h4>
            {s.description.clone().map(|d| view! { <p class="small">{d}</p> })}
            <dl class="indices">
                <dt>{T::DirectJobs.get(lang)}</dt><dd class="num">{number(s.direct_jobs, 0)}</dd>
                <dt>{T::IndirectInducedJobs.get(lang)}</dt><dd class="num">{opt(s.indirect_and_induced_jobs, 0)}</dd>
                <dt>{T::TotalJobs.get(lang)}</dt><dd class="num" data-testid="scenario-total-jobs">{number(s.total_jobs, 0)}</dd>
                <dt>{T::Absorption.get(lang)}</dt>
                <dd class="num">{s.absorption_ratio.map_or_else(|| "—".into(), |v| format!("{}%", number(v * 100.0, 1)))}</dd>
                {explain.then(|| view! { <dt>{T::MultiplierUsed.get(lang)}</dt><dd>{used}</dd> })}
            </dl>
            <table class="results compare">
                <thead><tr>
                    <th scope="col">{T::Metric.get(lang)}</th>
                    <th scope="col">{T::Baseline.get(lang)}</th>
                    <th scope="col">{T::ScenarioValue.get(lang)}</th>
                </tr></thead>
                <tbody>{comparison}</tbody>
            </table>
        </article>
    }
}

/// One bar: name, direct, indirect, induced, and whether the core split indirect from induced (when it did not,
/// the third holds "indirect and induced" and the fourth is 0).
type ImpactBar = (String, f64, f64, f64, bool);

#[component]
pub fn MultipliersView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let canvas = NodeRef::<Canvas>::new();
    let canvas_on_screen = crate::components::chart_axis::drawable(canvas);
    let bars = Memo::new(move |_| {
        app.report.with(|r| {
            r.as_ref()
                .ok()
                .and_then(|r| r.scenarios.computed())
                .map(|s| {
                    s.items
                        .iter()
                        .map(|i| {
                            let (indirect, induced, split) = match (i.indirect_jobs, i.induced_jobs)
                            {
                                (Some(a), Some(b)) => (a, b, true),
                                _ => (i.indirect_and_induced_jobs.unwrap_or(0.0), 0.0, false),
                            };
                            (i.name.clone(), i.direct_jobs, indirect, induced, split)
                        })
                        .collect::<Vec<ImpactBar>>()
                })
        })
    });
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = canvas_on_screen() else { return };
        let lang = lang.get();
        bars.with(|b| {
            if let Some(b) = b.as_ref().filter(|b| !b.is_empty()) {
                if draw_impacts(el, b, lang).is_err() {
                    leptos::logging::warn!("impact chart could not be drawn");
                }
            }
        });
    });
    let body = move || {
        let lang = lang.get();
        let explain = app.explain.get();
        app.report.with(|r| match r {
            Err(_) => view! { <p class="empty">{T::NoReport.get(lang)}</p> }.into_any(),
            Ok(r) => {
                let scenarios = match &r.scenarios {
                    Section::Computed(s) => s
                        .items
                        .iter()
                        .map(|s| scenario_table(s, lang, explain))
                        .collect_view()
                        .into_any(),
                    Section::NotComputed { reason } => {
                        view! { <p class="empty">{crate::i18n::reason_text(reason, lang)}</p> }
                            .into_any()
                    }
                };
                view! {
                    {multipliers(r, lang, explain)}
                    <h3>{T::Scenarios.get(lang)}</h3>
                    <div class="scenarios">{scenarios}</div>
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="panel results-panel result-view" aria-labelledby="multipliers-heading">
            <h2 id="multipliers-heading">{tr(T::MultipliersSection)}</h2>
            <div class="view-grid">
                <figure class="chart" hidden=move || bars.with(|b| b.as_ref().is_none_or(Vec::is_empty))>
                    <canvas node_ref=canvas width="480" height="260" role="img"
                        aria-label=tr(T::ChartImpacts) data-testid="impacts-chart"></canvas>
                    <figcaption>{tr(T::ChartImpacts)} <PngButton canvas=canvas name="impacts" /></figcaption>
                </figure>
                <div class="view-data">{body}</div>
            </div>
        </section>
    }
}

fn draw_impacts(
    el: web_sys::HtmlCanvasElement,
    bars: &[ImpactBar],
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    let canvas = el.clone();
    let backend = hidpi::backend(el, 480, 260).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let n = bars.len();
    // Axis extent: the longest stacked bar plus a margin (geometry only).
    // Room above the tallest bar for the legend.
    let top = bars.iter().map(|b| b.1 + b.2 + b.3).fold(1.0_f64, f64::max) * 1.3;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(74)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..top)?;
    chart
        .configure_mesh()
        // Bold grid lines only: the faint ones between them cost a frame of canvas calls and add nothing.
        .max_light_lines(0)
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| {
            bar_label(*x, label_step(n, 8))
                .and_then(|i| bars.get(i))
                .map(|b| b.0.chars().take(10).collect())
                .unwrap_or_default()
        })
        .y_label_formatter(&|y| number(*y, 0))
        .y_desc(T::TotalJobs.get(lang))
        .draw()?;
    for (i, (_, direct, indirect, induced, _)) in bars.iter().enumerate() {
        let x = i as f64;
        let segments = [
            (0.0, *direct, DIRECT),
            (*direct, direct + indirect, INDIRECT),
            (direct + indirect, direct + indirect + induced, INDUCED),
        ];
        chart.draw_series(
            segments
                .iter()
                .filter(|s| s.1 > s.0)
                .map(|(lo, hi, c)| Rectangle::new([(x - 0.3, *lo), (x + 0.3, *hi)], c.filled())),
        )?;
    }
    // The legend names exactly the parts drawn: indirect and induced apart only when the core split them.
    let split = bars.iter().any(|b| b.4);
    let mut parts = vec![(DIRECT, T::DirectJobs)];
    if split {
        parts.push((INDIRECT, T::IndirectJobs));
        if bars.iter().any(|b| b.3 > 0.0) {
            parts.push((INDUCED, T::InducedJobs));
        }
    } else if bars.iter().any(|b| b.2 > 0.0) {
        parts.push((INDIRECT, T::IndirectInducedJobs));
    }
    let (mut x, y) = (86, 20);
    for (colour, label) in parts {
        root.draw(&Rectangle::new(
            [(x, y - 6), (x + 12, y + 6)],
            colour.filled(),
        ))?;
        x +=
            16 + crate::components::chart_axis::legend_label(
                &root,
                &canvas,
                label.get(lang),
                (x + 16, y),
            )? + 14;
    }
    root.present()?;
    Ok(())
}
