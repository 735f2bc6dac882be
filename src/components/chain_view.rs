//! The value chain of the (first) cluster: stages in order as boxes with their firm counts, missing stages
//! marked, and the chain figures (completeness, 扎堆 index, final/intermediate ratio, 集而不群 flag).

use crate::components::chart_axis::{legend_label, text_width, wrap_label, PngButton};
use crate::components::hidpi;
use crate::components::maturity_view::first_cluster;
use crate::format::number;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::Section;
use clustercalc_core::chain::{ChainAssessment, Figure, StageKind, StageResult, StageStatus};
use clustercalc_core::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

// Kinds of stage with local firms: blue, purple, green; a stage without firms: red; not surveyed: grey.
const PRESENT: RGBColor = RGBColor(0x1f, 0x5f, 0x99);
const FINAL: RGBColor = RGBColor(0x6a, 0x3d, 0x9a);
const SERVICE: RGBColor = RGBColor(0x3b, 0x7a, 0x2a);
const MISSING: RGBColor = RGBColor(0xc6, 0x28, 0x28);
const UNSURVEYED: RGBColor = RGBColor(0x80, 0x80, 0x80);

fn kind_text(k: StageKind) -> T {
    match k {
        StageKind::Final => T::KindFinal,
        StageKind::Intermediate => T::KindIntermediate,
        StageKind::Service => T::KindService,
    }
}

fn figure_value(f: &Figure, percent: bool) -> String {
    match f.value {
        Some(v) if percent => format!("{}%", number(v * 100.0, 1)),
        Some(v) => number(v, 2),
        None => "—".into(),
    }
}

/// The formula and the inputs substituted, as the core wrote them.
fn figure_explain(f: &Figure, lang: Lang) -> String {
    let inputs = f
        .inputs
        .iter()
        .map(|(k, v)| format!("{k} = {}", number(*v, if v.fract() == 0.0 { 0 } else { 3 })))
        .collect::<Vec<_>>()
        .join(", ");
    let assumption = if f.assumption {
        format!(" ({})", T::Assumption.get(lang))
    } else {
        String::new()
    };
    format!("{} [{inputs}]{assumption}", f.formula)
}

fn figure_row(
    label: T,
    f: &Figure,
    percent: bool,
    lang: Lang,
    explain: bool,
    id: &'static str,
) -> impl IntoView {
    let text = figure_explain(f, lang);
    view! {
        <dt>{label.get(lang)}</dt>
        <dd class="num" data-testid=id>{figure_value(f, percent)}</dd>
        {explain.then(|| view! { <dd class="explain"><code>{text}</code></dd> })}
    }
}

fn chain_body(c: &ChainAssessment, lang: Lang, explain: bool) -> AnyView {
    let rows = c
        .stages
        .iter()
        .map(|s| {
            let status = match s.status {
                StageStatus::Present => T::StagePresent,
                StageStatus::NotSurveyed => T::StageUnsurveyed,
                StageStatus::Absent => T::StageMissing,
            };
            view! {
                <tr class:missing=!s.present>
                    <td>{s.name.get(lang).to_string()}</td>
                    <td>{kind_text(s.kind).get(lang)}</td>
                    <td class="num">{s.firms.map_or_else(|| "—".into(), |v| number(v, 0))}</td>
                    <td class="num">{s.share.map_or_else(|| "—".into(), |v| format!("{}%", number(v * 100.0, 1)))}</td>
                    <td>{status.get(lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let flag = match c.colocation.flagged {
        Some(true) => T::FlagYes,
        Some(false) => T::FlagNo,
        None => T::FlagUnknown,
    };
    let rule = &c.colocation.rule;
    let rule_text = format!(
        "LQ ≥ {}, completeness ≤ {}, 扎堆 ≥ {} ({})",
        number(rule.lq_min, 2),
        number(rule.completeness_max, 2),
        number(rule.zhadui_min, 2),
        clustercalc_core::present::sources::source(&rule.source, lang)
    );
    let names = |ids: &[String]| -> String {
        let v: Vec<String> = c
            .stages
            .iter()
            .filter(|s| ids.contains(&s.id))
            .map(|s| s.name.get(lang).to_string())
            .collect();
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join("、")
        }
    };
    let missing = names(&c.missing_stages);
    let unsurveyed = names(&c.unsurveyed_stages);
    view! {
        <dl class="indices">
            {figure_row(T::ChainCoverage, &c.coverage, true, lang, explain, "chain-coverage")}
            {figure_row(T::ChainCompleteness, &c.completeness, true, lang, explain, "chain-completeness")}
            {figure_row(T::WeightedCompleteness, &c.weighted_completeness, true, lang, explain, "chain-weighted")}
            {figure_row(T::ZhaduiIndex, &c.zhadui_index, true, lang, explain, "chain-zhadui")}
            {figure_row(T::FinalIntermediateRatio, &c.final_intermediate_ratio, false, lang, explain, "chain-ratio")}
            <dt>{T::Colocated.get(lang)}</dt>
            <dd data-testid="chain-colocated">{flag.get(lang)}</dd>
            {explain.then(|| view! { <dd class="explain"><code>{rule_text}</code></dd> })}
            <dt>{T::MissingStages.get(lang)}</dt>
            <dd data-testid="chain-missing">{missing}</dd>
            <dt>{T::UnsurveyedStages.get(lang)}</dt>
            <dd data-testid="chain-unsurveyed">{unsurveyed}</dd>
        </dl>
        <table class="results">
            <thead><tr>
                <th scope="col">{T::ChainStage.get(lang)}</th>
                <th scope="col">{T::StageKindLabel.get(lang)}</th>
                <th scope="col">{T::Firms.get(lang)}</th>
                <th scope="col">{T::Share.get(lang)}</th>
                <th scope="col">{T::Status.get(lang)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn ChainView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let cluster = first_cluster();
    let canvas = NodeRef::<Canvas>::new();
    let canvas_on_screen = crate::components::chart_axis::drawable(canvas);
    let stages = Memo::new(move |_| {
        cluster.with(|c| {
            c.as_ref()
                .and_then(|c| c.chain.computed())
                .map(|ch| ch.stages.clone())
        })
    });
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = canvas_on_screen() else { return };
        let lang = lang.get();
        stages.with(|s| {
            if let Some(s) = s {
                if draw_chain(el, s, lang).is_err() {
                    leptos::logging::warn!("chain diagram could not be drawn");
                }
            }
        });
    });
    let body = move || {
        let lang = lang.get();
        let explain = app.explain.get();
        cluster.with(|c| match c {
            None => view! { <p class="empty">{T::NoReport.get(lang)}</p> }.into_any(),
            Some(c) => match &c.chain {
                Section::Computed(ch) => chain_body(ch, lang, explain),
                Section::NotComputed { reason } => {
                    view! { <p class="empty">{crate::i18n::reason_text(reason, lang)}</p> }
                        .into_any()
                }
            },
        })
    };
    view! {
        <section class="panel results-panel result-view" aria-labelledby="chain-heading">
            <h2 id="chain-heading">{tr(T::ChainSection)}</h2>
            <div class="view-grid wide-chart">
                <figure class="chart" hidden=move || stages.with(Option::is_none)>
                    <canvas node_ref=canvas width="640" height="300" role="img"
                        aria-label=tr(T::ChartChain) data-testid="chain-chart"></canvas>
                    <figcaption>{tr(T::ChartChain)} <PngButton canvas=canvas name="chain" /></figcaption>
                </figure>
                <div class="view-data">{body}</div>
            </div>
        </section>
    }
}

/// Legend height under the boxes.
const LEGEND_H: u32 = 30;

/// Boxes in chain order, numbered, left to right in rows of up to five; an arrow joins each stage to the next,
/// also from the end of a row to the start of the next (so the order reads like text). Colour says the kind of a
/// stage with local firms; a stage surveyed without firms is a red dashed box, one not surveyed a grey dashed
/// box; the legend under the boxes says so.
fn draw_chain(
    el: web_sys::HtmlCanvasElement,
    stages: &[StageResult],
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    let per_row = stages.len().clamp(1, 5);
    // The canvas is as tall as its rows of boxes (58 px box + 30 px gap each, 10 px margins) and the legend.
    let rows = stages.len().div_ceil(per_row).max(1) as u32;
    let canvas = el.clone();
    let backend = hidpi::backend(el, 640, rows * 88 + 8 + LEGEND_H).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let gap = 22_i32;
    let box_w = (w as i32 - 16 - gap * (per_row as i32 - 1)) / per_row as i32;
    let box_h = 58_i32;
    let row_h = box_h + 30;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let arrow_head = |root: &DrawingArea<_, _>, (x, y): (i32, i32), right: bool| {
        let points = if right {
            vec![(x, y), (x - 6, y - 4), (x - 6, y + 4)]
        } else {
            vec![(x, y), (x - 4, y - 6), (x + 4, y - 6)]
        };
        root.draw(&Polygon::new(points, BLACK.filled()))
    };
    for (i, s) in stages.iter().enumerate() {
        let (row, col) = ((i / per_row) as i32, (i % per_row) as i32);
        let x0 = 8 + col * (box_w + gap);
        let y0 = 10 + row * row_h;
        let color = stage_colour(s);
        match s.status {
            StageStatus::Present => {
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + box_w, y0 + box_h)],
                    color.mix(0.12).filled(),
                ))?;
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + box_w, y0 + box_h)],
                    color.stroke_width(2),
                ))?;
            }
            StageStatus::Absent | StageStatus::NotSurveyed => {
                for d in dashed_box(x0, y0, box_w, box_h) {
                    root.draw(&PathElement::new(d, color.stroke_width(2)))?;
                }
            }
        }
        // The number and name on up to two lines that fit the box (measured in the canvas), the rest elided.
        let font = ("sans-serif", 12).into_font();
        let fits = |t: &str| text_width(&canvas, 12, t) <= box_w - 8;
        let lines = wrap_label(&format!("{} {}", i + 1, s.name.get(lang)), 2, &fits);
        let top = if lines.len() > 1 { y0 + 11 } else { y0 + 18 };
        for (k, line) in lines.into_iter().enumerate() {
            root.draw(&Text::new(
                line,
                (x0 + box_w / 2, top + 14 * k as i32),
                font.color(&BLACK).pos(centre),
            ))?;
        }
        let count = match s.status {
            StageStatus::Present => s.firms.map_or_else(|| "—".into(), |v| number(v, 0)),
            StageStatus::Absent => format!("✕ {}", T::StageMissing.get(lang)),
            StageStatus::NotSurveyed => T::StageUnsurveyed.get(lang).to_string(),
        };
        root.draw(&Text::new(
            count,
            (x0 + box_w / 2, y0 + 43),
            ("sans-serif", 15).into_font().color(&color).pos(centre),
        ))?;
        if i + 1 < stages.len() {
            if col + 1 < per_row as i32 {
                let (ax, ay) = (x0 + box_w + 2, y0 + box_h / 2);
                root.draw(&PathElement::new(
                    vec![(ax, ay), (ax + gap - 4, ay)],
                    BLACK.stroke_width(1),
                ))?;
                arrow_head(&root, (ax + gap - 4, ay), true)?;
            } else {
                // From the end of the row back to the start of the next: down, left, down.
                let (x_from, y_from) = (x0 + box_w / 2, y0 + box_h + 2);
                let (x_to, y_to) = (8 + box_w / 2, y0 + row_h - 2);
                let mid = y_from + (y_to - y_from) / 2;
                root.draw(&PathElement::new(
                    vec![(x_from, y_from), (x_from, mid), (x_to, mid), (x_to, y_to)],
                    BLACK.stroke_width(1),
                ))?;
                arrow_head(&root, (x_to, y_to), false)?;
            }
        }
    }
    // The legend: what each colour and outline means.
    let y = h as i32 - LEGEND_H as i32 / 2;
    let mut x = 8;
    for (colour, dashed, label) in [
        (PRESENT, false, T::KindIntermediate),
        (FINAL, false, T::KindFinal),
        (SERVICE, false, T::KindService),
        (MISSING, true, T::StageMissing),
        (UNSURVEYED, true, T::StageUnsurveyed),
    ] {
        if dashed {
            for d in dashed_box(x, y - 7, 22, 14) {
                root.draw(&PathElement::new(d, colour.stroke_width(2)))?;
            }
        } else {
            root.draw(&Rectangle::new(
                [(x, y - 7), (x + 22, y + 7)],
                colour.mix(0.12).filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x, y - 7), (x + 22, y + 7)],
                colour.stroke_width(2),
            ))?;
        }
        x += 28 + legend_label(&root, &canvas, label.get(lang), (x + 28, y))? + 18;
    }
    root.present()?;
    Ok(())
}

/// The outline colour of a stage: its kind when local firms are present, red when surveyed without any, grey
/// when not surveyed.
fn stage_colour(s: &StageResult) -> RGBColor {
    match (s.status, s.kind) {
        (StageStatus::Absent, _) => MISSING,
        (StageStatus::NotSurveyed, _) => UNSURVEYED,
        (StageStatus::Present, StageKind::Final) => FINAL,
        (StageStatus::Present, StageKind::Service) => SERVICE,
        (StageStatus::Present, StageKind::Intermediate) => PRESENT,
    }
}

/// A dashed rectangle outline as short segments along its four sides.
fn dashed_box(x0: i32, y0: i32, w: i32, h: i32) -> Vec<Vec<(i32, i32)>> {
    let mut dashes = Vec::new();
    let mut x = x0;
    while x < x0 + w {
        let x1 = (x + 6).min(x0 + w);
        dashes.push(vec![(x, y0), (x1, y0)]);
        dashes.push(vec![(x, y0 + h), (x1, y0 + h)]);
        x += 10;
    }
    let mut y = y0;
    while y < y0 + h {
        let y1 = (y + 6).min(y0 + h);
        dashes.push(vec![(x0, y), (x0, y1)]);
        dashes.push(vec![(x0 + w, y), (x0 + w, y1)]);
        y += 10;
    }
    dashes
}
