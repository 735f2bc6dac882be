//! LQ bar chart drawn with plotters on a canvas; the table beside it carries the same numbers.

use crate::components::chart_axis::PngButton;
use crate::components::chart_axis::{bar_label, label_step};
use crate::components::hidpi;
use crate::i18n::{tr, use_lang, T};
use clustercalc_core::analyze::LqTable;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;

const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0x99);
const BAR_STRONG: RGBColor = RGBColor(0xb3, 0x3a, 0x1b);

#[component]
pub fn LqChart(#[prop(into)] table: Signal<Option<LqTable>>) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let canvas_on_screen = crate::components::chart_axis::drawable(canvas);
    let lang = use_lang();
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = canvas_on_screen() else { return };
        let _ = lang.get();
        table.with(|o| {
            if let Some(out) = o {
                if draw(el, out).is_err() {
                    leptos::logging::warn!("LQ chart could not be drawn");
                }
            }
        });
    });
    view! {
        <figure class="chart">
            <canvas node_ref=canvas width="640" height="300" role="img" aria-label=tr(T::ChartLq) data-testid="lq-chart"></canvas>
            <figcaption>{tr(T::ChartLq)} <PngButton canvas=canvas name="lq" /></figcaption>
        </figure>
    }
}

fn draw(el: web_sys::HtmlCanvasElement, out: &LqTable) -> Result<(), Box<dyn std::error::Error>> {
    let backend = hidpi::backend(el, 640, 300).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let bars: Vec<(&String, f64)> = out.industries.iter().map(|i| (&i.code, i.lq)).collect();
    let n = bars.len().max(1);
    let top = bars.iter().map(|b| b.1).fold(2.5_f64, f64::max) * 1.1;
    // Two-digit codes: about 24 fit on the axis (the table beside lists every industry).
    let step = label_step(n, 24);
    let mut chart = ChartBuilder::on(&root)
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(52)
        .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..top)?;
    chart
        .configure_mesh()
        // Bold grid lines only: the faint ones between them cost a frame of canvas calls and add nothing.
        .max_light_lines(0)
        .disable_x_mesh()
        .x_labels(n)
        .x_label_formatter(&|x| {
            bar_label(*x, step)
                .and_then(|i| bars.get(i))
                .map(|b| b.0.clone())
                .unwrap_or_default()
        })
        .y_desc("LQ")
        .draw()?;
    chart.draw_series(bars.iter().enumerate().map(|(i, (_, v))| {
        let color = if *v > 1.0 { BAR_STRONG } else { BAR };
        Rectangle::new(
            [(i as f64 - 0.35, 0.0), (i as f64 + 0.35, *v)],
            color.filled(),
        )
    }))?;
    for level in [1.0, 2.0] {
        chart.draw_series(DashedLineSeries::new(
            vec![(-0.5, level), (n as f64 - 0.5, level)],
            6,
            4,
            BLACK.stroke_width(1),
        ))?;
    }
    root.present()?;
    Ok(())
}
