//! Maturity of the (first) cluster: the index, a radar chart of the dimension scores with a table beside it,
//! the weights and where they come from, and the life-cycle stage with the rule that decided it.

use crate::components::chart_axis::{text_width, wrap_label, PngButton};
use crate::components::hidpi;
use crate::format::number;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::{ClusterReport, Section};
use clustercalc_core::lifecycle::Lifecycle;
use clustercalc_core::maturity::{Maturity, WeightsOrigin};
use clustercalc_core::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;

const INK: RGBColor = RGBColor(0x1f, 0x5f, 0x99);
const GRID: RGBColor = RGBColor(0xc8, 0xcc, 0xd2);
const UNKNOWN: RGBColor = RGBColor(0x80, 0x80, 0x80);

/// The first cluster of the report, if the report exists.
pub fn first_cluster() -> Memo<Option<ClusterReport>> {
    let app = use_app();
    Memo::new(move |_| {
        app.report
            .with(|r| r.as_ref().ok().and_then(|r| r.clusters.first().cloned()))
    })
}

fn origin_text(o: &WeightsOrigin, lang: Lang) -> String {
    match o {
        WeightsOrigin::Equal { source } => {
            format!("{} ({source})", T::WeightsEqual.get(lang))
        }
        WeightsOrigin::User => T::WeightsUser.get(lang).to_string(),
        WeightsOrigin::Ahp { cr, consistent, .. } => format!(
            "{}: CR = {} ({})",
            T::WeightsAhp.get(lang),
            number(*cr, 3),
            if *consistent {
                T::MatAhpConsistent.get(lang)
            } else {
                T::MatAhpInconsistent.get(lang)
            }
        ),
    }
}

fn maturity_body(m: &Maturity, lang: Lang, explain: bool) -> AnyView {
    let rows = m
        .dimensions
        .iter()
        .map(|d| {
            let sources = d
                .indicators
                .iter()
                .map(|i| {
                    format!(
                        "{} = {} → {} ({})",
                        i.label.get(lang),
                        i.value.map_or_else(|| "—".into(), |v| clustercalc_core::present::format::metric_value(i.metric, v, lang)),
                        i.score.map_or_else(|| "—".into(), |v| number(v, 1)),
                        clustercalc_core::present::sources::source(&i.source, lang)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr>
                    <td>{d.label.get(lang).to_string()}</td>
                    <td class="num">{d.score.map_or_else(|| "—".into(), |v| number(v, 1))}</td>
                    <td class="num">{number(d.weight, 3)}</td>
                    <td class="num">{format!("{} / {}", d.computable, d.total)}</td>
                </tr>
                {explain.then(|| view! { <tr class="explain-row"><td colspan="4"><code>{sources}</code></td></tr> })}
            }
        })
        .collect_view();
    // Dimension ids to their labels in the current language (an unknown id is shown as is).
    let missing_labels = m
        .missing_dimensions
        .iter()
        .map(|id| {
            m.dimensions
                .iter()
                .find(|d| &d.id == id)
                .map_or(id.clone(), |d| d.label.get(lang).to_string())
        })
        .collect::<Vec<_>>()
        .join("、");
    let missing = (!m.missing_dimensions.is_empty()).then(|| {
        view! {
            <dt>{T::MissingDimensions.get(lang)}</dt>
            <dd>{missing_labels}</dd>
        }
    });
    view! {
        <dl class="indices">
            <dt>{T::MaturityIndex.get(lang)}</dt>
            <dd class="num big" data-testid="maturity-index">{m.index.map_or_else(|| "—".into(), |v| number(v, 1))}</dd>
            <dt>{T::Confidence.get(lang)}</dt>
            <dd class="num">{format!("{}%", number(m.confidence * 100.0, 0))}</dd>
            <dt>{T::WeightsOrigin.get(lang)}</dt>
            <dd>{origin_text(&m.weights.origin, lang)}</dd>
            {missing}
        </dl>
        {explain.then(|| view! {
            <p class="explain"><strong>{T::ExplainFormula.get(lang)}": "</strong>{T::MaturityFormula.get(lang)}
                " ("{T::ExplainVariant.get(lang)}": "{m.method.clone()}")"</p>
        })}
        <table class="results">
            <thead><tr>
                <th scope="col">{T::Dimension.get(lang)}</th>
                <th scope="col">{T::Score.get(lang)}</th>
                <th scope="col">{T::Weight.get(lang)}</th>
                <th scope="col">{T::IndicatorsComputable.get(lang)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

fn inputs_text(inputs: &std::collections::BTreeMap<String, f64>, lang: Lang) -> String {
    clustercalc_core::present::document::lifecycle_inputs_text(inputs, lang)
}

/// "1998–2001", or with the source's words for a year it names only roughly.
fn period_years(p: &clustercalc_core::lifecycle::Period, lang: Lang) -> String {
    let year = |y: i32, words: &Option<String>| match words {
        Some(w) => format!(
            "{w}{}{y}{}",
            lang.pick("（约 ", " (about "),
            lang.pick("）", ")")
        ),
        None => y.to_string(),
    };
    format!(
        "{}–{}",
        year(p.from, &p.from_period),
        year(p.to, &p.to_period)
    )
}

fn lifecycle_body(l: &Lifecycle, lang: Lang, explain: bool) -> AnyView {
    let stage = match (&l.stage, &l.reason) {
        (Some(s), _) => s.label().get(lang).to_string(),
        (None, Some(r)) => crate::i18n::reason_text(r, lang),
        (None, None) => T::NoStage.get(lang).to_string(),
    };
    let rule = l
        .decision
        .as_ref()
        .map(|d| d.rule.text.get(lang).to_string());
    let window = l.window.as_ref().map(|w| {
        let basis = match (w.basis.as_str(), lang) {
            ("output", Lang::Zh) => "按产值",
            ("employment", Lang::Zh) => "按就业",
            (_, Lang::Zh) => "按企业数",
            ("output", Lang::En) => "on output",
            ("employment", Lang::En) => "on employment",
            (_, Lang::En) => "on firm counts",
        };
        format!(
            "{}–{}{}{basis}{}",
            w.from,
            w.to,
            lang.pick("（", " ("),
            lang.pick("）", ")")
        )
    });
    let periods = l
        .periods
        .iter()
        .map(|p| {
            let decided = p.decision.as_ref().map_or_else(
                || T::NoStage.get(lang).to_string(),
                |d| d.label.get(lang).to_string(),
            );
            view! {
                <tr>
                    <td>{period_years(p, lang)}</td>
                    <td>{decided}</td>
                    <td class="small">{inputs_text(&p.inputs, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_periods = !l.periods.is_empty();
    view! {
        <h3>{T::LifecycleStage.get(lang)}</h3>
        <dl class="indices">
            <dt>{T::LifecycleStage.get(lang)}</dt>
            <dd data-testid="lifecycle-stage">{stage}</dd>
            {rule.map(|r| view! { <dt>{T::DecidingRule.get(lang)}</dt><dd>{r}</dd> })}
            {window.map(|w| view! { <dt>{T::Window.get(lang)}</dt><dd>{w}</dd> })}
        </dl>
        {explain.then(|| view! {
            <p class="explain"><strong>{T::ExplainInputs.get(lang)}": "</strong>{inputs_text(&l.inputs, lang)}
                "; "<strong>{T::ExplainSource.get(lang)}": "</strong>{clustercalc_core::present::sources::source(&l.source, lang)}</p>
        })}
        {has_periods.then(|| view! {
            <table class="results">
                <caption>{T::Periods.get(lang)}</caption>
                <thead><tr>
                    <th scope="col">{T::Period.get(lang)}</th>
                    <th scope="col">{T::LifecycleStage.get(lang)}</th>
                    <th scope="col">{T::ExplainInputs.get(lang)}</th>
                </tr></thead>
                <tbody>{periods}</tbody>
            </table>
        })}
    }
    .into_any()
}

#[component]
pub fn MaturityView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let cluster = first_cluster();
    let canvas = NodeRef::<Canvas>::new();
    let canvas_on_screen = crate::components::chart_axis::drawable(canvas);
    let scores = Memo::new(move |_| {
        cluster.with(|c| {
            c.as_ref().and_then(|c| c.maturity.computed()).map(|m| {
                m.dimensions
                    .iter()
                    .map(|d| (d.id.clone(), d.label.clone(), d.score))
                    .collect::<Vec<_>>()
            })
        })
    });
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = canvas_on_screen() else { return };
        let lang = lang.get();
        scores.with(|s| {
            if let Some(s) = s {
                if draw_radar(el, s, lang).is_err() {
                    leptos::logging::warn!("maturity radar could not be drawn");
                }
            }
        });
    });
    let body = move || {
        let lang = lang.get();
        let explain = app.explain.get();
        cluster.with(|c| match c {
            None => view! { <p class="empty">{T::NoReport.get(lang)}</p> }.into_any(),
            Some(c) => {
                let maturity = match &c.maturity {
                    Section::Computed(m) => maturity_body(m, lang, explain),
                    Section::NotComputed { reason } => {
                        view! { <p class="empty">{crate::i18n::reason_text(reason, lang)}</p> }
                            .into_any()
                    }
                };
                view! {
                    <h3>{c.name.clone()}</h3>
                    {maturity}
                    {lifecycle_body(&c.lifecycle, lang, explain)}
                }
                .into_any()
            }
        })
    };
    view! {
        <section class="panel results-panel result-view" aria-labelledby="maturity-heading">
            <h2 id="maturity-heading">{tr(T::MaturitySection)}</h2>
            <div class="view-grid">
                <figure class="chart" hidden=move || scores.with(Option::is_none)>
                    <canvas node_ref=canvas width="600" height="380" role="img"
                        aria-label=tr(T::ChartMaturityRadar) data-testid="maturity-chart"></canvas>
                    <figcaption>{tr(T::ChartMaturityRadar)} <PngButton canvas=canvas name="maturity" /></figcaption>
                </figure>
                <div class="view-data">{body}</div>
            </div>
        </section>
    }
}

type DimensionPoint = (String, clustercalc_core::lang::Text, Option<f64>);

/// Radar geometry: dimension `i` of `n` at angle −90° + 360°·i/n, radius proportional to its score (0–100).
fn draw_radar(
    el: web_sys::HtmlCanvasElement,
    dims: &[DimensionPoint],
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    let canvas = el.clone();
    let backend = hidpi::backend(el, 600, 380).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (cx, cy) = (f64::from(w) / 2.0, f64::from(h) / 2.0 + 6.0);
    // Labels of up to two lines of at most LABEL_W pixels (English names are long), measured in the canvas; the
    // ring gets what is left.
    const LABEL_W: i32 = 130;
    let font = ("sans-serif", 13).into_font().color(&BLACK);
    let measure = |t: &str| text_width(&canvas, 13, t);
    let label_lines = |label: &clustercalc_core::lang::Text, score: &Option<f64>| {
        let text = format!(
            "{} {}",
            label.get(lang),
            score.map_or_else(|| T::NoData.get(lang).to_string(), |v| number(v, 0))
        );
        wrap_label(&text, 2, &|t: &str| measure(t) <= LABEL_W)
    };
    let widest = dims
        .iter()
        .flat_map(|(_, l, s)| label_lines(l, s))
        .map(|line| measure(&line))
        .max()
        .unwrap_or(0);
    let radius = (f64::from(w) / 2.0 - f64::from(widest) - 24.0)
        .min(f64::from(h) / 2.0 - 48.0)
        .max(60.0);
    let n = dims.len().max(3);
    let at = |i: usize, r: f64| -> (i32, i32) {
        let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
        ((cx + r * a.cos()) as i32, (cy + r * a.sin()) as i32)
    };
    for level in [25.0, 50.0, 75.0, 100.0] {
        let mut ring: Vec<(i32, i32)> = (0..n).map(|i| at(i, radius * level / 100.0)).collect();
        ring.push(at(0, radius * level / 100.0));
        root.draw(&PathElement::new(ring, GRID.stroke_width(1)))?;
    }
    for (i, (_, label, score)) in dims.iter().enumerate() {
        root.draw(&PathElement::new(
            vec![at(i, 0.0), at(i, radius)],
            GRID.stroke_width(1),
        ))?;
        let (x, y) = at(i, radius + 12.0);
        let lines = label_lines(label, score);
        // Labels grow away from the ring: leftwards on the left side, rightwards on the right, centred at the
        // top and bottom, so a long label never runs across the chart.
        use plotters::style::text_anchor::{HPos, Pos, VPos};
        let dx = x - cx as i32;
        let dy = y - cy as i32;
        let h = if dx.abs() < 8 {
            HPos::Center
        } else if dx < 0 {
            HPos::Right
        } else {
            HPos::Left
        };
        let n = lines.len() as i32;
        // The first line's offset: lines stack upwards above the ring, downwards below it, centred beside it.
        let first = if dy.abs() < 8 {
            -(n - 1) * 8
        } else if dy < 0 {
            -(n - 1) * 16
        } else {
            0
        };
        let v = if dy.abs() < 8 {
            VPos::Center
        } else if dy < 0 {
            VPos::Bottom
        } else {
            VPos::Top
        };
        for (k, line) in lines.into_iter().enumerate() {
            let style = font.clone().pos(Pos::new(h, v));
            root.draw(&Text::new(line, (x, y + first + 16 * k as i32), style))?;
        }
    }
    // The shape joins the dimensions with data only: one without data is not a zero at the centre. Its spoke
    // ends in a hollow grey ring and its label says 无数据.
    let points: Vec<(i32, i32)> = dims
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some(at(i, radius * d.2? / 100.0)))
        .collect();
    if points.len() >= 3 {
        root.draw(&Polygon::new(points.clone(), INK.mix(0.25).filled()))?;
    }
    if points.len() >= 2 {
        let mut outline = points.clone();
        if points.len() >= 3 {
            outline.push(points[0]);
        }
        root.draw(&PathElement::new(outline, INK.stroke_width(2)))?;
    }
    for p in points {
        root.draw(&Circle::new(p, 3, INK.filled()))?;
    }
    for (i, _) in dims.iter().enumerate().filter(|(_, d)| d.2.is_none()) {
        root.draw(&Circle::new(at(i, radius), 5, UNKNOWN.stroke_width(2)))?;
    }
    root.present()?;
    Ok(())
}
