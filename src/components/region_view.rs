//! County (region) mode: the town × industry LQ heat map with the matrix as a table, EG γ and the locational
//! Gini per industry; and the shift-share bars when the report has a shift-share section.

use crate::components::chart_axis::PngButton;
use crate::components::chart_axis::{bar_label, label_step, text_width};
use crate::components::hidpi;
use crate::format::number;
use crate::i18n::{code_label, eg_bands_text, tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::{RegionReport, Section};
use clustercalc_core::ellison_glaeser::{EgBand, EgUndefined};
use clustercalc_core::shift_share::ShiftShareOutput;
use clustercalc_core::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const SHARE: RGBColor = RGBColor(0x1f, 0x5f, 0x99);
const MIX: RGBColor = RGBColor(0xe0, 0x8a, 0x1e);
const SHIFT: RGBColor = RGBColor(0x2e, 0x7d, 0x32);

fn eg_text(band: Option<EgBand>, undefined: Option<EgUndefined>) -> T {
    match (band, undefined) {
        (Some(EgBand::High), _) => T::EgHigh,
        (Some(EgBand::Moderate), _) => T::EgModerate,
        (Some(EgBand::NotLocalised), _) => T::EgNotLocalised,
        (None, Some(EgUndefined::SingleFirm)) => T::EgSingleFirm,
        (None, Some(EgUndefined::SingleArea)) => T::EgSingleArea,
        (None, _) => T::EgNoEmployment,
    }
}

fn region_tables(r: &RegionReport, lang: Lang, explain: bool) -> AnyView {
    let out = &r.result;
    let head = out
        .industries
        .iter()
        .map(|i| view! { <th scope="col">{code_label(i, lang)}</th> })
        .collect_view();
    let rows = out
        .towns
        .iter()
        .zip(out.lq.iter())
        .map(|(town, row)| {
            let cells = row
                .iter()
                .map(|v| view! { <td class="num">{number(*v, 2)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{town.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let industry_rows = out
        .by_industry
        .iter()
        .map(|(code, ir)| {
            let gamma = ir.eg.as_ref().map(|e| e.gamma);
            let band = eg_text(ir.eg.as_ref().map(|e| e.band), ir.eg_undefined);
            view! {
                <tr data-code=code.clone()>
                    <td>{code.clone()}</td>
                    <td class="num">{number(ir.total, 0)}</td>
                    <td class="num">{ir.firms}</td>
                    <td class="num eg-gamma">{gamma.map_or_else(|| "—".into(), |g| number(g, 3))}</td>
                    <td>{band.get(lang)}</td>
                    <td class="num">{ir.gini.map_or_else(|| "—".into(), |g| number(g, 3))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="small">{format!("{} · {}", r.county, r.study_town)}</p>
        <table class="results matrix" data-testid="region-lq-table">
            <caption>"LQ"</caption>
            <thead><tr><th scope="col">{T::Town.get(lang)}</th>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <table class="results">
            <thead><tr>
                <th scope="col">{T::Code.get(lang)}</th>
                <th scope="col">{T::TotalJobs.get(lang)}</th>
                <th scope="col">{T::Firms.get(lang)}</th>
                <th scope="col">{T::EgGamma.get(lang)}</th>
                <th scope="col">{T::EgBandLabel.get(lang)}</th>
                <th scope="col">{T::Gini.get(lang)}</th>
            </tr></thead>
            <tbody>{industry_rows}</tbody>
        </table>
        {explain.then(|| view! {
            <p class="explain"><strong>{T::ExplainVariant.get(lang)}": "</strong>{out.method.clone()}
                "; "<strong>{T::ExplainSource.get(lang)}": "</strong>{eg_bands_text(lang)}</p>
        })}
    }
    .into_any()
}

fn shift_share_table(s: &ShiftShareOutput, lang: Lang, explain: bool) -> AnyView {
    let rows = s
        .industries
        .iter()
        .chain(std::iter::once((&T::Total.get(lang).to_string(), &s.total)))
        .map(|(code, c)| {
            view! {
                <tr>
                    <td>{code.clone()}</td>
                    <td class="num">{number(c.change, 0)}</td>
                    <td class="num">{number(c.national_share, 0)}</td>
                    <td class="num">{number(c.industry_mix, 0)}</td>
                    <td class="num">{number(c.regional_shift, 0)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="results" data-testid="shift-share-table">
            <thead><tr>
                <th scope="col">{T::Code.get(lang)}</th>
                <th scope="col">{T::Change.get(lang)}</th>
                <th scope="col">{T::NationalShare.get(lang)}</th>
                <th scope="col">{T::IndustryMix.get(lang)}</th>
                <th scope="col">{T::RegionalShift.get(lang)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {explain.then(|| view! {
            <p class="explain"><strong>{T::ExplainVariant.get(lang)}": "</strong>{s.variant.clone()}
                "; G = "{number(s.reference_total_growth, 4)}</p>
        })}
    }
    .into_any()
}

#[component]
pub fn RegionView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let heat_canvas = NodeRef::<Canvas>::new();
    let heat_canvas_on_screen = crate::components::chart_axis::drawable(heat_canvas);
    let ss_canvas = NodeRef::<Canvas>::new();
    let ss_canvas_on_screen = crate::components::chart_axis::drawable(ss_canvas);
    let region = Memo::new(move |_| {
        app.report
            .with(|r| r.as_ref().ok().and_then(|r| r.region.computed().cloned()))
    });
    let shift = Memo::new(move |_| {
        app.report.with(|r| {
            r.as_ref()
                .ok()
                .and_then(|r| r.shift_share.computed().cloned())
        })
    });
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = heat_canvas_on_screen() else {
            return;
        };
        let lang = app.lang.get();
        region.with(|r| {
            if let Some(r) = r {
                if draw_heatmap(el, r, lang).is_err() {
                    leptos::logging::warn!("heat map could not be drawn");
                }
            }
        });
    });
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = ss_canvas_on_screen() else {
            return;
        };
        let _ = lang.get();
        shift.with(|s| {
            if let Some(s) = s {
                if draw_shift_share(el, s).is_err() {
                    leptos::logging::warn!("shift-share chart could not be drawn");
                }
            }
        });
    });
    let region_body = move || {
        let lang = lang.get();
        let explain = app.explain.get();
        app.report.with(|r| match r {
            Err(_) => view! { <p class="empty">{T::NoReport.get(lang)}</p> }.into_any(),
            Ok(r) => match &r.region {
                Section::Computed(reg) => region_tables(reg, lang, explain),
                Section::NotComputed { reason } => view! {
                    <p class="empty" data-testid="region-not-computed">{crate::i18n::reason_text(reason, lang)}</p>
                }
                .into_any(),
            },
        })
    };
    let shift_body = move || {
        let lang = lang.get();
        let explain = app.explain.get();
        app.report.with(|r| match r {
            Err(_) => view! { <p class="empty">{T::NoReport.get(lang)}</p> }.into_any(),
            Ok(r) => match &r.shift_share {
                Section::Computed(s) => shift_share_table(s, lang, explain),
                Section::NotComputed { reason } => {
                    view! { <p class="empty">{crate::i18n::reason_text(reason, lang)}</p> }
                        .into_any()
                }
            },
        })
    };
    view! {
        <section class="panel results-panel result-view" aria-labelledby="region-heading">
            <h2 id="region-heading">{tr(T::RegionSection)}</h2>
            <div class="view-grid">
                <figure class="chart" hidden=move || region.with(Option::is_none)>
                    <canvas node_ref=heat_canvas width="480" height="320" role="img"
                        aria-label=tr(T::ChartHeatmap) data-testid="heatmap-chart"></canvas>
                    <figcaption>{tr(T::ChartHeatmap)} <PngButton canvas=heat_canvas name="heatmap" /></figcaption>
                </figure>
                <div class="view-data">{region_body}</div>
            </div>
            <h3>{tr(T::ShiftShareSection)}</h3>
            <div class="view-grid">
                <figure class="chart" hidden=move || shift.with(Option::is_none)>
                    <canvas node_ref=ss_canvas width="480" height="300" role="img"
                        aria-label=tr(T::ChartShiftShare) data-testid="shift-share-chart"></canvas>
                    <figcaption>{tr(T::ChartShiftShare)} <PngButton canvas=ss_canvas name="shift-share" /></figcaption>
                </figure>
                <div class="view-data">{shift_body}</div>
            </div>
        </section>
    }
}

/// Colour for an LQ cell: white at 0, full blue at 3 and above (a display scale, not a band).
fn heat(lq: f64) -> RGBColor {
    let t = (lq / 3.0).clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t) as u8;
    RGBColor(mix(0xff, 0x0d), mix(0xff, 0x3b), mix(0xff, 0x73))
}

fn draw_heatmap(
    el: web_sys::HtmlCanvasElement,
    r: &RegionReport,
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    let measure = el.clone();
    let backend = hidpi::backend(el, 480, 320).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let out = &r.result;
    let (rows, cols) = (
        out.towns.len().max(1) as i32,
        out.industries.len().max(1) as i32,
    );
    let (left, top) = (120_i32, 28_i32);
    let cw = (w as i32 - left - 8) / cols;
    let ch = (h as i32 - top - 8) / rows;
    let centre = Pos::new(HPos::Center, VPos::Center);
    let right = Pos::new(HPos::Right, VPos::Center);
    // With many industries or towns the cells are small: label every k-th column, and print the LQ in the cells
    // only where it fits (the table beside has every value).
    let widest = out
        .industries
        .iter()
        .map(|c| text_width(&measure, 13, &code_label(c, lang)))
        .max()
        .unwrap_or(0);
    let step = usize::try_from((widest + 6) / cw.max(1) + 1).unwrap_or(1);
    let values_fit = text_width(&measure, 12, "0.00") + 4 <= cw && ch >= 16;
    for (j, code) in out.industries.iter().enumerate() {
        if j % step != 0 {
            continue;
        }
        root.draw(&Text::new(
            code_label(code, lang),
            (left + j as i32 * cw + cw / 2, top / 2),
            ("sans-serif", 13).into_font().color(&BLACK).pos(centre),
        ))?;
    }
    for (i, (town, row)) in out.towns.iter().zip(out.lq.iter()).enumerate() {
        let y = top + i as i32 * ch;
        // As much of the name as fits left of the grid, with an ellipsis when cut.
        let mut name: String = town.clone();
        while name.chars().count() > 1 && text_width(&measure, 13, &name) > left - 12 {
            name.pop();
            name.pop();
            name.push('…');
        }
        root.draw(&Text::new(
            name,
            (left - 6, y + ch / 2),
            ("sans-serif", 13).into_font().color(&BLACK).pos(right),
        ))?;
        for (j, v) in row.iter().enumerate() {
            let x = left + j as i32 * cw;
            root.draw(&Rectangle::new(
                [(x, y), (x + cw - 2, y + ch - 2)],
                heat(*v).filled(),
            ))?;
            if !values_fit {
                continue;
            }
            let ink = if *v > 1.6 { WHITE } else { BLACK };
            root.draw(&Text::new(
                number(*v, 2),
                (x + cw / 2, y + ch / 2),
                ("sans-serif", 12).into_font().color(&ink).pos(centre),
            ))?;
        }
    }
    root.present()?;
    Ok(())
}

/// Grouped bars per industry: reference growth, industry mix and regional shift (persons).
fn draw_shift_share(
    el: web_sys::HtmlCanvasElement,
    s: &ShiftShareOutput,
) -> Result<(), Box<dyn std::error::Error>> {
    let backend = hidpi::backend(el, 480, 300).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let items: Vec<(&String, [f64; 3])> = s
        .industries
        .iter()
        .map(|(k, c)| (k, [c.national_share, c.industry_mix, c.regional_shift]))
        .collect();
    let n = items.len().max(1);
    let lo = items.iter().flat_map(|i| i.1).fold(0.0_f64, f64::min) * 1.1 - 1.0;
    let hi = items.iter().flat_map(|i| i.1).fold(0.0_f64, f64::max) * 1.1 + 1.0;
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(56)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, lo..hi)?;
    chart
        .configure_mesh()
        // Bold grid lines only: the faint ones between them cost a frame of canvas calls and add nothing.
        .max_light_lines(0)
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| {
            bar_label(*x, label_step(n, 24))
                .and_then(|i| items.get(i))
                .map(|b| b.0.clone())
                .unwrap_or_default()
        })
        .y_label_formatter(&|y| number(*y, 0))
        .draw()?;
    for (i, (_, parts)) in items.iter().enumerate() {
        let x = i as f64;
        for (k, (v, c)) in parts.iter().zip([SHARE, MIX, SHIFT]).enumerate() {
            let x0 = x - 0.36 + k as f64 * 0.24;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x0 + 0.22, *v)],
                c.filled(),
            )))?;
        }
    }
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
        BLACK.stroke_width(1),
    )))?;
    root.present()?;
    Ok(())
}
