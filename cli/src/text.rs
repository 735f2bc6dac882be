//! The text summary of a report (`--format text`), in the order of a 调研报告: 基本情况 → 特点 → 存在问题 →
//! 对策建议. Headings carry both languages; the body follows `--lang`. Only presentation here: every number
//! comes from the engine's report.

use clustercalc_core::analyze::{ClusterReport, Report, Section};
use clustercalc_core::lang::{Lang, Text};
use std::fmt::Write;

fn heading(out: &mut String, zh: &str, en: &str) {
    let _ = writeln!(out, "\n== {zh} / {en} ==");
}

fn num(v: f64, decimals: usize) -> String {
    format!("{v:.decimals$}")
}

/// The serde name of an enum value (`high`, `lt`), as in the JSON report.
fn name_of(v: &impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// 万元 as 亿元 when large (display only; the report keeps 万元).
fn money(v: f64, lang: Lang) -> String {
    if v.abs() >= 10_000.0 {
        format!(
            "{:.1} {}",
            v / 10_000.0,
            lang.pick("亿元", "亿元 (100 M yuan)")
        )
    } else {
        format!("{:.1} {}", v, lang.pick("万元", "万元 (10 k yuan)"))
    }
}

fn reason<T>(s: &Section<T>, lang: Lang) -> Option<String> {
    match s {
        Section::NotComputed { reason } => Some(reason.get(lang).to_string()),
        Section::Computed(_) => None,
    }
}

fn t(text: &Text, lang: Lang) -> &str {
    text.get(lang)
}

fn line(out: &mut String, label: &str, value: String) {
    let _ = writeln!(out, "  {label}: {value}");
}

fn not_computed<T>(out: &mut String, label: &str, s: &Section<T>, lang: Lang) {
    if let Some(r) = reason(s, lang) {
        line(
            out,
            label,
            format!("{} — {r}", lang.pick("未计算", "not computed")),
        );
    }
}

fn cluster(out: &mut String, c: &ClusterReport, lang: Lang) {
    let _ = writeln!(out, "\n  [{}] {}", lang.pick("集群", "Cluster"), c.name);
    if let Some(e) = c.totals.employment {
        line(out, lang.pick("就业", "Employment"), num(e, 0));
    }
    if let Some(o) = c.totals.output {
        line(out, lang.pick("产值", "Output"), money(o, lang));
    }
    if let Some(s) = c.totals.employment_share {
        line(
            out,
            lang.pick("占全镇就业", "Share of town employment"),
            pct(s),
        );
    }
    match &c.lq {
        Section::Computed(l) => {
            if let Some(v) = l.employment {
                line(out, lang.pick("就业区位商", "Employment LQ"), num(v, 2));
            }
            if let Some(v) = l.output {
                line(out, lang.pick("产值区位商", "Output LQ"), num(v, 2));
            }
        }
        s => not_computed(out, lang.pick("区位商", "LQ"), s, lang),
    }
    match &c.concentration {
        Section::Computed(k) => line(
            out,
            lang.pick("集中度（名单内企业）", "Concentration (listed firms)"),
            format!(
                "HHI {} ({} pts), CR1 {}, CR4 {}, {} {}",
                num(k.result.hhi, 3),
                num(k.result.hhi_points, 0),
                pct(k.result.cr1),
                pct(k.result.cr4),
                lang.pick("贝恩分类", "Bain class"),
                k.result.bain.label().get(lang)
            ),
        ),
        s => not_computed(out, lang.pick("集中度", "Concentration"), s, lang),
    }
    if let Section::Computed(l) = &c.leading {
        if l.firms_listed > 0 {
            let names: Vec<&str> = l.firms.iter().map(|f| f.name.as_str()).collect();
            line(
                out,
                lang.pick("龙头企业", "Leading firms"),
                format!("{} {}", l.count, names.join("、")),
            );
        }
        if let Some(n) = l.above_scale_entered {
            line(
                out,
                lang.pick("规上企业", "Above-scale (规上) firms"),
                num(n, 0),
            );
        }
    }
    match &c.chain {
        Section::Computed(a) => {
            let completeness = a.completeness.value.map(pct).unwrap_or_else(|| "—".into());
            let zhadui = a.zhadui_index.value.map(pct).unwrap_or_else(|| "—".into());
            line(
                out,
                lang.pick("产业链", "Value chain"),
                format!(
                    "{} {completeness}, {} {zhadui}, {} {}",
                    lang.pick("完整度", "completeness"),
                    lang.pick("扎堆指数", "扎堆 index"),
                    lang.pick("缺失环节", "missing stages"),
                    if a.missing_stages.is_empty() {
                        "—".to_string()
                    } else {
                        a.missing_stages.join(", ")
                    }
                ),
            );
        }
        s => not_computed(out, lang.pick("产业链", "Value chain"), s, lang),
    }
    let blocks: Vec<String> = c
        .formation
        .blocks
        .iter()
        .map(|b| {
            let score = b.score.map(|s| num(s, 0)).unwrap_or_else(|| "—".into());
            format!(
                "{} {score} ({} {})",
                t(&b.label, lang),
                lang.pick("置信度", "confidence"),
                pct(b.confidence)
            )
        })
        .collect();
    line(
        out,
        lang.pick("形成条件", "Formation conditions"),
        blocks.join("; "),
    );
    match &c.maturity {
        Section::Computed(m) => {
            let origin = match &m.weights.origin {
                clustercalc_core::maturity::WeightsOrigin::Equal { .. } => lang
                    .pick("等权（假设）", "equal weights (assumption)")
                    .to_string(),
                clustercalc_core::maturity::WeightsOrigin::User => {
                    lang.pick("用户权重", "user weights").to_string()
                }
                clustercalc_core::maturity::WeightsOrigin::Ahp { cr, .. } => {
                    format!("AHP, CR {}", num(*cr, 3))
                }
            };
            line(
                out,
                lang.pick("成熟度指数", "Maturity index"),
                format!(
                    "{} / 100 ({origin}; {} {})",
                    num(m.index.unwrap_or(0.0), 1),
                    lang.pick("置信度", "confidence"),
                    pct(m.confidence)
                ),
            );
        }
        s => not_computed(out, lang.pick("成熟度", "Maturity"), s, lang),
    }
    match (&c.lifecycle.decision, &c.lifecycle.reason) {
        (Some(d), _) => line(
            out,
            lang.pick("生命周期", "Life cycle"),
            format!("{} — {}", t(&d.label, lang), t(&d.rule.text, lang)),
        ),
        (None, Some(r)) => line(
            out,
            lang.pick("生命周期", "Life cycle"),
            t(r, lang).to_string(),
        ),
        (None, None) => {}
    }
    for p in &c.lifecycle.periods {
        if let Some(d) = &p.decision {
            let _ = writeln!(out, "    {}–{}: {}", p.from, p.to, t(&d.label, lang));
        }
    }
    if let Section::Computed(g) = &c.growth {
        line(
            out,
            lang.pick("年均增长率", "CAGR"),
            format!(
                "{} ({} {})",
                pct(g.cagr),
                num(g.years, 0),
                lang.pick("年", "years")
            ),
        );
    }
}

/// Renders the report as text.
pub fn render(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {}",
        r.town.name,
        lang.pick("产业集群分析报告", "cluster analysis report")
    );
    if r.town.illustrative {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "注意：本数据集含示意数据（illustrative），不是统计数据。",
                "Note: this dataset contains illustrative numbers, not statistics."
            )
        );
    }

    heading(&mut out, "基本情况", "Basic facts");
    if let Some(y) = r.town.year {
        line(&mut out, lang.pick("年份", "Year"), y.to_string());
    }
    if let Some(e) = r.town.employment_total {
        line(&mut out, lang.pick("就业", "Employment"), num(e, 0));
    }
    if let Some(o) = r.town.output_total {
        line(
            &mut out,
            lang.pick("各行业产值合计", "Output of listed industries"),
            money(o, lang),
        );
    }
    if let Some(s) = r.town.gdp_structure {
        line(
            &mut out,
            lang.pick("三次产业结构", "Sector structure"),
            format!("{} : {} : {}", pct(s[0]), pct(s[1]), pct(s[2])),
        );
    }
    if let Some(s) = r.town.rural_surplus_labour {
        line(
            &mut out,
            lang.pick("农村富余劳动力", "Rural surplus labour"),
            num(s, 0),
        );
    }

    heading(&mut out, "特点", "Characteristics");
    match &r.specialisation {
        Section::Computed(s) => {
            if let Some(tb) = &s.employment {
                let mut top: Vec<_> = tb.industries.iter().collect();
                top.sort_by(|a, b| b.lq.total_cmp(&a.lq));
                let list: Vec<String> = top
                    .iter()
                    .take(5)
                    .map(|i| format!("{} {} {}", i.code, i.name, num(i.lq, 2)))
                    .collect();
                line(
                    &mut out,
                    lang.pick("就业区位商最高的行业", "Highest employment LQs"),
                    list.join("; "),
                );
                line(
                    &mut out,
                    lang.pick("克鲁格曼专业化指数", "Krugman index"),
                    format!("{} (Hoover {})", num(tb.krugman, 3), num(tb.hoover, 3)),
                );
            }
        }
        s => not_computed(&mut out, lang.pick("区位商", "Location quotients"), s, lang),
    }
    for c in &r.clusters {
        cluster(&mut out, c, lang);
    }
    match &r.economic_base {
        Section::Computed(e) => {
            let range = e
                .result
                .range
                .map(|[a, b]| format!(" ({}–{})", num(a, 2), num(b, 2)))
                .unwrap_or_default();
            line(
                &mut out,
                lang.pick("经济基础乘数", "Economic-base multiplier"),
                format!(
                    "{} [{}]{range}",
                    num(e.result.multiplier, 2),
                    e.result.variant
                ),
            );
        }
        s => not_computed(
            &mut out,
            lang.pick("经济基础乘数", "Economic-base multiplier"),
            s,
            lang,
        ),
    }
    match &r.keynes {
        Section::Computed(k) => line(
            &mut out,
            lang.pick("凯恩斯乘数", "Keynes multiplier"),
            format!(
                "{} [{}] ({}–{})",
                num(k.result.multiplier, 3),
                k.result.variant,
                num(k.result.band.low, 3),
                num(k.result.band.high, 3)
            ),
        ),
        s => not_computed(
            &mut out,
            lang.pick("凯恩斯乘数", "Keynes multiplier"),
            s,
            lang,
        ),
    }
    if let Section::Computed(reg) = &r.regionalisation {
        let list: Vec<String> = reg
            .sectors
            .iter()
            .zip(&reg.output_multipliers)
            .map(|(s, m)| format!("{s} {}", num(*m, 3)))
            .collect();
        line(
            &mut out,
            lang.pick(
                "本镇产出乘数（区域化）",
                "Town output multipliers (regionalised)",
            ),
            format!(
                "{} [{} δ={}]",
                list.join("; "),
                reg.result.variant,
                reg.delta_threshold.value
            ),
        );
    }
    if let Section::Computed(reg) = &r.region {
        let gammas: Vec<String> = reg
            .result
            .by_industry
            .iter()
            .filter_map(|(k, v)| Some(format!("{k} γ={}", num(v.eg.as_ref()?.gamma, 4))))
            .collect();
        line(
            &mut out,
            lang.pick("区域模式（EG 指数）", "Region mode (EG γ)"),
            gammas.join("; "),
        );
    }
    if let Section::Computed(s) = &r.scenarios {
        for i in &s.items {
            let absorption = i
                .absorption_ratio
                .map(|a| {
                    format!(
                        ", {} {}",
                        lang.pick("吸纳富余劳动力", "absorbs surplus labour"),
                        pct(a)
                    )
                })
                .unwrap_or_default();
            line(
                &mut out,
                &format!("{} “{}”", lang.pick("情景", "Scenario"), i.name),
                format!(
                    "{} {} → {} {} [{}]{absorption}",
                    lang.pick("直接就业", "direct jobs"),
                    num(i.direct_jobs, 0),
                    lang.pick("总就业", "total jobs"),
                    num(i.total_jobs, 0),
                    i.multiplier.choice
                ),
            );
        }
    }

    heading(&mut out, "存在问题", "Problems and caveats");
    if r.warnings.is_empty() {
        let _ = writeln!(out, "  —");
    }
    for w in &r.warnings {
        let _ = writeln!(out, "  ! {}", t(&w.message, lang));
    }
    for c in &r.clusters {
        if let Section::Computed(cl) = &c.checklists {
            for l in &cl.lists {
                let _ = writeln!(
                    out,
                    "  {}: {} {} / {} {} / {} {}",
                    t(&l.name, lang),
                    lang.pick("达标", "met"),
                    l.summary.met,
                    lang.pick("未达标", "not met"),
                    l.summary.not_met,
                    lang.pick("未知", "unknown"),
                    l.summary.unknown
                );
            }
        }
    }

    heading(&mut out, "对策建议", "Suggested measures");
    match &r.measures {
        Section::Computed(m) => {
            for c in &m.clusters {
                for (k, s) in c.measures.iter().enumerate() {
                    let evidence: Vec<String> = s
                        .evidence
                        .iter()
                        .map(|e| {
                            let v = e.value.map(|v| num(v, 3)).unwrap_or_else(|| "—".into());
                            format!(
                                "{} = {v} ({} {})",
                                e.metric,
                                name_of(&e.op),
                                num(e.threshold, 3)
                            )
                        })
                        .collect();
                    let _ = writeln!(
                        out,
                        "  {}. {} [{} {}; {}] — {}",
                        k + 1,
                        t(&s.title, lang),
                        lang.pick("优先级", "priority"),
                        num(s.priority, 2),
                        s.seed_ref,
                        evidence.join(", ")
                    );
                }
            }
        }
        s => not_computed(&mut out, lang.pick("对策", "Measures"), s, lang),
    }
    out
}
