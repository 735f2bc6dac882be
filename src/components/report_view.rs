//! The printable survey report (调研报告), in the order officials write one: 基本情况 → 特点 → 存在问题 →
//! 对策建议. Every figure, problem and measure is the engine's; the report arranges them, with the tables and
//! charts of the result views and the evidence behind each measure. `style/main.css` sets it on A4 for print.

use crate::components::chain_view::ChainView;
use crate::components::checklists_view::ChecklistsView;
use crate::components::lq_results::LqResults;
use crate::components::maturity_view::MaturityView;
use crate::components::multipliers_view::MultipliersView;
use crate::components::summary::evidence_text;
use crate::format::{money_wan, number, people};
use crate::i18n::{tr, use_lang, T};
use crate::state::use_app;
use clustercalc_core::analyze::{ClusterReport, Report};
use clustercalc_core::measures::EvidenceRole;
use clustercalc_core::Lang;
use leptos::prelude::*;

/// A row of the facts table, left out when the value is missing.
fn fact(label: &str, value: Option<String>) -> Option<AnyView> {
    let label = label.to_string();
    value.map(|v| view! { <tr><th scope="row">{label}</th><td>{v}</td></tr> }.into_any())
}

fn basics(r: &Report, lang: Lang) -> AnyView {
    let t = &r.town;
    let place = [t.province.clone(), t.county.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let rows = vec![
        fact(
            lang.pick("乡镇", "Town"),
            Some(format!("{} {}", place, t.name).trim().to_string()),
        ),
        fact(lang.pick("年份", "Year"), t.year.map(|y| y.to_string())),
        fact(
            lang.pick("镇域面积", "Area"),
            t.area_km2.map(|v| format!("{} km²", number(v, 1))),
        ),
        fact(
            lang.pick("常住人口", "Population"),
            t.population.map(people),
        ),
        fact(
            lang.pick("劳动力", "Labour force"),
            t.labour_force.map(people),
        ),
        fact(
            lang.pick("农村富余劳动力", "Rural surplus labour"),
            t.rural_surplus_labour.map(people),
        ),
        fact(
            lang.pick("就业合计", "Employment total"),
            t.employment_total.map(people),
        ),
        fact(
            lang.pick("产值合计", "Output total"),
            t.output_total.map(money_wan),
        ),
        fact(lang.pick("地区生产总值", "GDP"), t.gdp_total.map(money_wan)),
        fact(
            lang.pick("三次产业结构", "Sector structure"),
            t.gdp_structure.map(|s| {
                s.iter()
                    .map(|v| number(v * 100.0, 1))
                    .collect::<Vec<_>>()
                    .join(" : ")
            }),
        ),
        fact(
            lang.pick("填报行业数", "Industries listed"),
            Some(t.industries.to_string()),
        ),
        fact(
            lang.pick("企业名单", "Firms listed"),
            Some(t.firms_listed.to_string()),
        ),
    ];
    let clusters = r
        .clusters
        .iter()
        .map(|c| format!("{}（{}）", c.name, c.industries.join("、")))
        .collect::<Vec<_>>()
        .join("；");
    view! {
        <table class="results facts">
            <tbody>
                {rows.into_iter().flatten().collect_view()}
                {fact(lang.pick("研究的集群", "Clusters studied"), (!clusters.is_empty()).then_some(clusters))}
            </tbody>
        </table>
        {t.illustrative.then(|| view! { <p class="hint">{tr(T::ReportIllustrative)}</p> })}
    }
    .into_any()
}

fn features(c: &ClusterReport, lang: Lang) -> AnyView {
    let pct = |v: f64| format!("{}%", number(v * 100.0, 1));
    let lq = c.lq.computed();
    let conc = c.concentration.computed();
    let chain = c.chain.computed();
    let maturity = c.maturity.computed();
    let rows = vec![
        fact(
            lang.pick("集群就业区位商", "Cluster employment LQ"),
            lq.and_then(|l| l.employment).map(|v| number(v, 2)),
        ),
        fact(
            lang.pick("集群产值区位商", "Cluster output LQ"),
            lq.and_then(|l| l.output).map(|v| number(v, 2)),
        ),
        fact(
            lang.pick("集群就业", "Cluster employment"),
            c.totals.employment.map(people),
        ),
        fact(
            lang.pick("集群产值", "Cluster output"),
            c.totals.output.map(money_wan),
        ),
        fact(
            lang.pick("前四位企业集中度 CR4", "CR4"),
            conc.map(|k| pct(k.result.cr4)),
        ),
        fact(
            lang.pick("赫芬达尔指数 HHI", "HHI"),
            conc.map(|k| number(k.result.hhi, 3)),
        ),
        fact(
            lang.pick("龙头企业数", "Leading firms"),
            c.leading.computed().map(|l| l.count.to_string()),
        ),
        fact(
            lang.pick("产业链完整度", "Chain completeness"),
            chain.and_then(|a| a.completeness.value).map(pct),
        ),
        fact(
            lang.pick("缺失环节", "Missing stages"),
            chain.filter(|a| !a.missing_stages.is_empty()).map(|a| {
                a.stages
                    .iter()
                    .filter(|s| a.missing_stages.contains(&s.id))
                    .map(|s| s.name.get(lang).to_string())
                    .collect::<Vec<_>>()
                    .join("、")
            }),
        ),
        fact(
            lang.pick("成熟度指数（0–100）", "Maturity index (0–100)"),
            maturity.and_then(|m| m.index).map(|v| number(v, 1)),
        ),
        fact(
            lang.pick("生命周期阶段", "Life-cycle stage"),
            c.lifecycle.stage.map(|s| s.label().get(lang).to_string()),
        ),
    ];
    view! {
        <h3>{c.name.clone()}</h3>
        <table class="results facts"><tbody>{rows.into_iter().flatten().collect_view()}</tbody></table>
    }
    .into_any()
}

/// The problems: what fired the engine's measures (each fact once), the unmet checklist criteria, and the
/// engine's warnings about the data.
fn problems(r: &Report, lang: Lang) -> AnyView {
    let mut seen = Vec::new();
    if let Some(m) = r.measures.computed() {
        for c in &m.clusters {
            for s in &c.measures {
                for e in s
                    .evidence
                    .iter()
                    .filter(|e| e.role == EvidenceRole::Trigger)
                {
                    let line = format!("{}：{}", c.cluster, evidence_text(e, lang));
                    if !seen.contains(&line) {
                        seen.push(line);
                    }
                }
            }
        }
    }
    let warnings: Vec<String> = r
        .warnings
        .iter()
        .map(|w| w.message.get(lang).to_string())
        .collect();
    view! {
        <ol class="problems" data-testid="report-problems">
            {seen.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
        </ol>
        {(!warnings.is_empty()).then(|| view! {
            <h3>{lang.pick("数据说明", "About the data")}</h3>
            <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
        })}
    }
    .into_any()
}

fn measures(r: &Report, lang: Lang) -> AnyView {
    let Some(m) = r.measures.computed() else {
        return view! { <p>{tr(T::NeedData)}</p> }.into_any();
    };
    m.clusters
        .iter()
        .map(|c| {
            let items = c
                .measures
                .iter()
                .map(|s| {
                    let evidence = s
                        .evidence
                        .iter()
                        .map(|e| view! { <li>{evidence_text(e, lang)}</li> })
                        .collect_view();
                    view! {
                        <li class="report-measure" data-testid="report-measure">
                            <strong>{s.title.get(lang).to_string()}</strong>
                            <span class="seed-ref">{format!(" [{}]", s.seed_ref)}</span>
                            <span class="priority">{format!(" {} {}", lang.pick("优先级", "priority"), number(s.priority, 2))}</span>
                            <p>{s.description.get(lang).to_string()}</p>
                            <p class="evidence-head">{T::Evidence.get(lang)}</p>
                            <ul class="evidence">{evidence}</ul>
                            {(!s.sources.is_empty()).then(|| view! {
                                <p class="sources">{lang.pick("参考：", "Sources: ")}{s.sources.join("；")}</p>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{c.cluster.clone()}</h3>
                <ol class="measures">{items}</ol>
            }
        })
        .collect_view()
        .into_any()
}

/// The report page, with its own bar to print or go back.
#[component]
pub fn ReportView(#[prop(into)] on_close: Callback<()>) -> impl IntoView {
    // A printed page is never scrolled to: every chart of the report draws at once.
    provide_context(crate::components::chart_axis::DrawAllCharts);
    let app = use_app();
    let lang = use_lang();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let title = move || {
        let name = app.dataset.with(|d| d.town.name.clone());
        T::ReportTitle.get(lang.get()).replace("{town}", &name)
    };
    let part = move |f: fn(&Report, Lang) -> AnyView| {
        move || {
            let l = lang.get();
            app.report.with(|r| match r {
                Ok(r) => f(r, l),
                Err(e) => view! { <p class="error" role="alert">{e.message(l)}</p> }.into_any(),
            })
        }
    };
    let features_all = |r: &Report, l: Lang| {
        r.clusters
            .iter()
            .map(|c| features(c, l))
            .collect_view()
            .into_any()
    };
    view! {
        <div class="report-bar no-print">
            <button class="primary" on:click=print data-action="print">{tr(T::ReportPrint)}</button>
            <button on:click=move |_| on_close.run(()) data-action="close-report">{tr(T::ReportBack)}</button>
            <span class="hint">{tr(T::ReportPrintHint)}</span>
        </div>
        <article class="report" data-testid="report" aria-labelledby="report-title">
            <h1 id="report-title">{title}</h1>
            <p class="report-meta">{tr(T::ReportMeta)}</p>
            <section class="report-part">
                <h2>{tr(T::ReportBasics)}</h2>
                {part(basics)}
                <LqResults />
            </section>
            <section class="report-part">
                <h2>{tr(T::ReportFeatures)}</h2>
                {part(features_all)}
                <ChainView />
                <MaturityView />
                <MultipliersView />
            </section>
            <section class="report-part">
                <h2>{tr(T::ReportProblems)}</h2>
                {part(problems)}
                <ChecklistsView />
            </section>
            <section class="report-part">
                <h2>{tr(T::ReportMeasures)}</h2>
                {part(measures)}
            </section>
        </article>
    }
}
