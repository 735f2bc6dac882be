//! The MIIT 特色产业集群 and 特色小镇 checklists: each criterion met / not met / unknown with its value,
//! threshold, gap and source; a status strip on a canvas gives the overview.

use crate::components::chart_axis::PngButton;
use crate::components::hidpi;
use crate::components::maturity_view::first_cluster;
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::Section;
use clustercalc_core::checklists::{ChecklistResult, Status};
use clustercalc_core::present::document::criterion_value;
use clustercalc_core::present::sources;
use clustercalc_core::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const MET: RGBColor = RGBColor(0x2e, 0x7d, 0x32);
const NOT_MET: RGBColor = RGBColor(0xc6, 0x28, 0x28);
const UNKNOWN: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);
const NA: RGBColor = RGBColor(0xe0, 0xe0, 0xe0);

pub fn status_text(s: Status) -> T {
    match s {
        Status::Met => T::Met,
        Status::NotMet => T::NotMet,
        Status::Unknown => T::StatusUnknown,
        Status::NotApplicable => T::NotApplicable,
    }
}

fn status_color(s: Status) -> RGBColor {
    match s {
        Status::Met => MET,
        Status::NotMet => NOT_MET,
        Status::Unknown => UNKNOWN,
        Status::NotApplicable => NA,
    }
}

fn list_table(l: &ChecklistResult, lang: Lang, explain: bool) -> impl IntoView {
    let rows = l
        .criteria
        .iter()
        .map(|c| {
            // Values in the criterion's unit as the report writes them (10 家, 40 亿元, 70.0%), never 10.00.
            let value = |v: f64| criterion_value(v, &c.unit, lang);
            let threshold = match c.threshold_max {
                Some(max) => format!("{} – {}", value(c.threshold), value(max)),
                None => value(c.threshold),
            };
            let status = c.status;
            let source = sources::source(&c.source, lang);
            view! {
                <tr class=format!("status-{status:?}").to_lowercase() data-criterion=c.id.clone()>
                    <td>{c.text.get(lang).to_string()}</td>
                    <td class="status">{status_text(status).get(lang)}</td>
                    <td class="num">{c.value.map_or_else(|| "—".into(), value)}</td>
                    <td class="num">{threshold}</td>
                    <td class="num">{c.gap.map_or_else(|| "—".into(), value)}</td>
                </tr>
                {explain.then(|| view! {
                    <tr class="explain-row"><td colspan="5"><code>{T::ExplainSource.get(lang)}": "{source}</code></td></tr>
                })}
            }
        })
        .collect_view();
    let verdict = match (l.applicable, l.qualifies) {
        (false, _) => T::ChecklistNotApplicable,
        (_, Some(true)) => T::QualifiesYes,
        (_, Some(false)) => T::QualifiesNo,
        (_, None) => T::QualifiesUnknown,
    };
    let counts = format!(
        "{} {} · {} {} · {} {}",
        T::Met.get(lang),
        l.summary.met,
        T::NotMet.get(lang),
        l.summary.not_met,
        T::StatusUnknown.get(lang),
        l.summary.unknown
    );
    view! {
        <h3>{l.name.get(lang).to_string()}</h3>
        <p class="small">{T::ExplainSource.get(lang)}": "{sources::source(&l.source, lang)}</p>
        <dl class="indices">
            <dt>{T::Qualifies.get(lang)}</dt><dd data-testid="checklist-verdict">{verdict.get(lang)}</dd>
            <dt>{T::Status.get(lang)}</dt><dd data-testid="checklist-counts">{counts}</dd>
        </dl>
        <table class="results">
            <thead><tr>
                <th scope="col">{T::Criterion.get(lang)}</th>
                <th scope="col">{T::Status.get(lang)}</th>
                <th scope="col">{T::ValueShown.get(lang)}</th>
                <th scope="col">{T::Threshold.get(lang)}</th>
                <th scope="col">{T::Gap.get(lang)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
pub fn ChecklistsView() -> impl IntoView {
    let app = use_app();
    let lang = use_lang();
    let cluster = first_cluster();
    let canvas = NodeRef::<Canvas>::new();
    let canvas_on_screen = crate::components::chart_axis::drawable(canvas);
    let lists = Memo::new(move |_| {
        cluster.with(|c| {
            c.as_ref()
                .and_then(|c| c.checklists.computed())
                .map(|c| c.lists.clone())
        })
    });
    Effect::new(move |_| {
        // Off screen: drawn with the latest data when it comes into view.
        let Some(el) = canvas_on_screen() else { return };
        let lang = lang.get();
        lists.with(|l| {
            if let Some(l) = l {
                if draw_strip(el, l, lang).is_err() {
                    leptos::logging::warn!("checklist chart could not be drawn");
                }
            }
        });
    });
    let body = move || {
        let lang = lang.get();
        let explain = app.explain.get();
        cluster.with(|c| match c {
            None => view! { <p class="empty">{T::NoReport.get(lang)}</p> }.into_any(),
            Some(c) => match &c.checklists {
                Section::Computed(ch) => ch
                    .lists
                    .iter()
                    .map(|l| list_table(l, lang, explain))
                    .collect_view()
                    .into_any(),
                Section::NotComputed { reason } => {
                    view! { <p class="empty">{crate::i18n::reason_text(reason, lang)}</p> }
                        .into_any()
                }
            },
        })
    };
    view! {
        <section class="panel results-panel result-view" aria-labelledby="checklists-heading">
            <h2 id="checklists-heading">{tr(T::ChecklistsSection)}</h2>
            <div class="view-grid wide-chart">
                <figure class="chart" hidden=move || lists.with(Option::is_none)>
                    <canvas node_ref=canvas width="640" height="120" role="img"
                        aria-label=tr(T::ChartChecklists) data-testid="checklists-chart"></canvas>
                    <figcaption>{tr(T::ChartChecklists)} <PngButton canvas=canvas name="checklists" /></figcaption>
                </figure>
                <div class="view-data">
                    {body}
                    <p class="small" data-testid="provincial-note">
                        {move || clustercalc_core::present::document::provincial_note(lang.get())}
                    </p>
                </div>
            </div>
        </section>
    }
}

/// One row per checklist: a coloured square per criterion, in the checklist's order.
fn draw_strip(
    el: web_sys::HtmlCanvasElement,
    lists: &[ChecklistResult],
    lang: Lang,
) -> Result<(), Box<dyn std::error::Error>> {
    // One 40 px row per checklist.
    let backend =
        hidpi::backend(el, 640, lists.len().max(1) as u32 * 40 + 12).ok_or("no 2d context")?;
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let label_w = 230_i32;
    let cell = 26_i32;
    let left = Pos::new(HPos::Left, VPos::Center);
    for (row, l) in lists.iter().enumerate() {
        let y = 10 + row as i32 * (cell + 14);
        let name: String = l.name.get(lang).chars().take(26).collect();
        root.draw(&Text::new(
            name,
            (6, y + cell / 2),
            ("sans-serif", 13).into_font().color(&BLACK).pos(left),
        ))?;
        for (i, c) in l.criteria.iter().enumerate() {
            let x = label_w + i as i32 * (cell + 4);
            root.draw(&Rectangle::new(
                [(x, y), (x + cell, y + cell)],
                status_color(c.status).filled(),
            ))?;
        }
    }
    root.present()?;
    Ok(())
}
