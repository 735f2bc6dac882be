//! 二、主要特点 of one cluster: specialisation, chain, leading firms, markets, innovation, environment,
//! services and the stage of development, each a paragraph with its figures.

use super::facts::{band_rule, band_words, lq};
use super::words::{
    firms, industry_name, join, label_in_sentence, metric_text, money, pct, sentence, stage_name,
    t, template_name,
};
use super::{lead, Bar, BarChart, Block};
use crate::analyze::{ClusterReport, Report, Section};
use crate::chain::{ChainAssessment, StageStatus};
use crate::lang::Lang;
use crate::maturity::WeightsOrigin;
use crate::methods::growth::LqQuadrant;
use crate::present::format::number;
use crate::present::glossary::Term;
use crate::report::{Metric, Unit};

fn quadrant_words(q: LqQuadrant, lang: Lang) -> &'static str {
    match (q, lang) {
        (LqQuadrant::Star, Lang::Zh) => "“明星”象限（区位商大于 1 且在上升）",
        (LqQuadrant::Mature, Lang::Zh) => "“成熟”象限（区位商大于 1 但在下降）",
        (LqQuadrant::Emerging, Lang::Zh) => "“新兴”象限（区位商不大于 1 但在上升）",
        (LqQuadrant::Transforming, Lang::Zh) => "“转型”象限（区位商不大于 1 且在下降）",
        (LqQuadrant::Star, Lang::En) => "the “star” quadrant (LQ above 1 and rising)",
        (LqQuadrant::Mature, Lang::En) => "the “mature” quadrant (LQ above 1 but falling)",
        (LqQuadrant::Emerging, Lang::En) => "the “emerging” quadrant (LQ at most 1 but rising)",
        (LqQuadrant::Transforming, Lang::En) => {
            "the “transforming” quadrant (LQ at most 1 and falling)"
        }
    }
}

pub(super) fn cluster_characteristics(r: &Report, c: &ClusterReport, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    // Specialisation.
    let mut s = match &c.lq {
        Section::Computed(l) => {
            let mut parts = Vec::new();
            if let Some(e) = l.employment {
                parts.push(format!(
                    "{} {}",
                    t(lang, "集群就业区位商", "the cluster's employment LQ is"),
                    lq(e)
                ));
            }
            if let Some(o) = l.output {
                parts.push(format!(
                    "{} {}",
                    t(lang, "产值区位商", "its output LQ"),
                    lq(o)
                ));
            }
            let mut s = parts.join(lang.pick("，", ", "));
            if let Some(b) = l.band {
                s.push_str(&match lang {
                    Lang::Zh => {
                        format!("，属于“{}”（{}）", band_words(b, lang), band_rule(b, lang))
                    }
                    Lang::En => format!(": {} ({})", band_words(b, lang), band_rule(b, lang)),
                });
            }
            sentence(capitalise(s, lang), lang)
        }
        Section::NotComputed { reason } => sentence(
            format!(
                "{}{}",
                t(
                    lang,
                    "未计算集群区位商：",
                    "The cluster's LQ was not computed: "
                ),
                super::words::plain_reason(reason.get(lang), lang)
            ),
            lang,
        ),
    };
    if let Section::Computed(q) = &c.lq_quadrant {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "{}—{} 年，集群所含行业的区位商由 {} 变为 {}（每年 {}），处于{}。",
                q.earlier_year,
                q.latest_year,
                lq(q.earlier),
                lq(q.latest),
                signed(q.change_per_year, 3),
                quadrant_words(q.quadrant, lang)
            ),
            Lang::En => format!(
                " From {} to {} the LQ of its industries went from {} to {} ({} a year): {}.",
                q.earlier_year,
                q.latest_year,
                lq(q.earlier),
                lq(q.latest),
                signed(q.change_per_year, 3),
                quadrant_words(q.quadrant, lang)
            ),
        });
    }
    if let Section::Computed(reg) = &r.region {
        for (code, res) in &reg.result.by_industry {
            if !crate::analyze::belongs(code, &c.industries) {
                continue;
            }
            let name = industry_name(r, code, lang);
            if let Some(eg) = &res.eg {
                let band = serde_json::to_value(eg.band)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                let band = match (band.as_str(), lang) {
                    ("high", Lang::Zh) => "高度集聚",
                    ("moderate", Lang::Zh) => "中等集聚",
                    (_, Lang::Zh) => "集聚程度低",
                    ("high", Lang::En) => "highly localised",
                    ("moderate", Lang::En) => "moderately localised",
                    (_, Lang::En) => "not very localised",
                };
                s.push_str(&match lang {
                    Lang::Zh => format!(
                        "在全县各乡镇之间，{name}的 EG 指数 γ 为 {}，属{band}",
                        number(eg.gamma, 3)
                    ),
                    Lang::En => format!(
                        " Across the county's towns, the EG index γ of {name} is {}: {band}",
                        number(eg.gamma, 3)
                    ),
                });
                if let Some(g) = res.gini {
                    s.push_str(&match lang {
                        Lang::Zh => format!("，区位基尼系数 {}", number(g, 2)),
                        Lang::En => format!("; its locational Gini is {}", number(g, 2)),
                    });
                }
                s.push_str(lang.pick("。", "."));
            }
        }
    }
    out.push(lead(t(lang, "专业化：", "Specialisation: "), s));
    out.push(lead(
        t(lang, "产业链：", "Value chain: "),
        chain_words(c, lang),
    ));
    out.push(lead(
        t(
            lang,
            "龙头企业与集中度：",
            "Leading firms and concentration: ",
        ),
        leading_words(c, lang),
    ));
    let groups: [(&str, &str, &[Metric]); 4] = [
        (
            "市场与品牌：",
            "Markets and brands: ",
            &[
                Metric::EmbedOutsideSalesShare,
                Metric::EmbedExternalMarketShare,
                Metric::EmbedLocalSourcingShare,
                Metric::SupportMarketsCount,
                Metric::BrandRegionalBrand,
                Metric::BrandFamousBrands,
            ],
        ),
        (
            "技术与创新：",
            "Technology and innovation: ",
            &[
                Metric::InnovationRdIntensity,
                Metric::InnovationValidPatentsPer100Firms,
                Metric::InnovationZjtxCount,
                Metric::InnovationHightechCount,
                Metric::InnovationHightechOutputShare,
                Metric::DigitalAdoptionShare,
            ],
        ),
        (
            "绿色发展：",
            "Environment: ",
            &[
                Metric::GreenTreatmentCoverage,
                Metric::GreenEmissionToOutputRatio,
                Metric::GreenEnergyToOutputRatio,
            ],
        ),
        (
            "就业与效益：",
            "Jobs and returns: ",
            &[Metric::LabourProductivityWan, Metric::LandTaxPerMuWan],
        ),
    ];
    for (zh, en, metrics) in groups {
        let facts: Vec<String> = metrics
            .iter()
            .filter_map(|m| Some(fact(*m, c.metrics.get(*m)?, lang)))
            .collect();
        let text = if facts.is_empty() {
            t(lang, "尚未填写这方面的数据。", "No data entered on this.")
        } else {
            sentence(capitalise(facts.join(lang.pick("；", "; ")), lang), lang)
        };
        out.push(lead(t(lang, zh, en), text));
    }
    out.push(lead(
        t(lang, "配套服务：", "Support services: "),
        services_words(c, lang),
    ));
    out.push(lead(
        t(lang, "发展阶段：", "Stage of development: "),
        stage_words(c, lang),
    ));
    out.extend(maturity_chart(c, lang));
    out
}

/// The maturity index's dimensions as bars (0–100). A dimension without data is not drawn as a zero bar: the
/// caption names it as without data.
fn maturity_chart(c: &ClusterReport, lang: Lang) -> Option<Block> {
    let m = c.maturity.computed()?;
    let bars: Vec<Bar> = m
        .dimensions
        .iter()
        .filter_map(|d| {
            let v = d.score?;
            Some(Bar {
                label: d.label.get(lang).to_string(),
                value: v,
                text: number(v, 0),
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let unknown: Vec<&str> = m
        .dimensions
        .iter()
        .filter(|d| d.score.is_none())
        .map(|d| d.label.get(lang))
        .collect();
    let mut caption = match lang {
        Lang::Zh => format!("{}成熟度各维度得分（满分 100）", c.name),
        Lang::En => format!("{}: maturity by dimension (of 100)", c.name),
    };
    if !unknown.is_empty() {
        caption.push_str(&match lang {
            Lang::Zh => format!("；无数据、未画出：{}", unknown.join("、")),
            Lang::En => format!("; no data, not drawn: {}", unknown.join(", ")),
        });
    }
    Some(Block::Chart(BarChart {
        caption,
        bars,
        reference: None,
        scale_max: Some(100.0),
    }))
}

fn capitalise(s: String, lang: Lang) -> String {
    if lang == Lang::Zh {
        return s;
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn signed(v: f64, d: usize) -> String {
    if v > 0.0 && number(v, d) != number(0.0, d) {
        format!("+{}", number(v, d))
    } else {
        number(v, d)
    }
}

/// One known metric as a clause: "县外销售占比为 90.0%", "有区域品牌…", "no regional brand".
fn fact(m: Metric, v: f64, lang: Lang) -> String {
    let name = label_in_sentence(m, lang);
    match (m.unit(), lang) {
        (Unit::Flag, Lang::Zh) if v >= 0.5 => format!("有{name}"),
        (Unit::Flag, Lang::Zh) => format!("没有{name}"),
        (Unit::Flag, Lang::En) if v >= 0.5 => format!("there is a {name}"),
        (Unit::Flag, Lang::En) => format!("no {name}"),
        (Unit::Ratio, Lang::Zh) => format!("{name}为 {}", number(v, 2)),
        (Unit::Ratio, Lang::En) => format!("{name}: {}", number(v, 2)),
        (_, Lang::Zh) => format!("{name}为 {}", metric_text(m, v, lang)),
        (_, Lang::En) => format!("{name}: {}", metric_text(m, v, lang)),
    }
}

fn chain_words(c: &ClusterReport, lang: Lang) -> String {
    let a: &ChainAssessment = match &c.chain {
        Section::Computed(a) => a,
        Section::NotComputed { reason } => {
            return sentence(
                format!(
                    "{}{}",
                    t(lang, "未评估产业链：", "The chain was not assessed: "),
                    super::words::plain_reason(reason.get(lang), lang)
                ),
                lang,
            )
        }
    };
    let total = a.stages.len();
    let surveyed = a
        .stages
        .iter()
        .filter(|s| s.status != StageStatus::NotSurveyed)
        .count();
    let present = a.stages.iter().filter(|s| s.present).count();
    let template = template_name(a, lang).unwrap_or_default();
    let mut s = match lang {
        Lang::Zh => format!(
            "对照“{template}”产业链的 {total} 个环节，已调查 {surveyed} 个（调查覆盖率 {}），其中 {present} 个环节有本地企业",
            a.coverage.value.map_or("—".into(), pct)
        ),
        Lang::En => format!(
            "Of the {total} stages of the “{template}” chain, {surveyed} were surveyed (coverage {}) and {present} have local firms",
            a.coverage.value.map_or("—".into(), pct)
        ),
    };
    if let Some(v) = a.completeness.value {
        s.push_str(&match lang {
            Lang::Zh => format!("，{}为 {}", Term::ChainCompleteness.get(lang), pct(v)),
            Lang::En => format!("; {} is {}", Term::ChainCompleteness.get(lang), pct(v)),
        });
        if let Some(w) = a.weighted_completeness.value {
            s.push_str(&match lang {
                Lang::Zh => format!("（按环节权重加权为 {}）", pct(w)),
                Lang::En => format!(" ({} weighted by stage)", pct(w)),
            });
        }
    }
    s = sentence(s, lang);
    if let (Some(z), Some(largest)) = (a.zhadui_index.value, &a.largest_stage) {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "本地企业最多的环节是{}，占集群企业的 {}（{}）",
                stage_name(a, largest, lang),
                pct(z),
                Term::ZhaduiIndex.get(lang)
            ),
            Lang::En => format!(
                " The stage with most local firms is {}, with {} of the cluster's firms (the {})",
                stage_name(a, largest, lang),
                pct(z),
                Term::ZhaduiIndex.get(lang)
            ),
        });
        if let Some(i) = a.intermediate_share.value {
            s.push_str(&match lang {
                Lang::Zh => format!("；为其他企业供货或加工的中间企业占 {}", pct(i)),
                Lang::En => format!("; intermediate firms supplying others make {}", pct(i)),
            });
        }
        if let Some(q) = a.final_intermediate_ratio.value {
            s.push_str(&match lang {
                Lang::Zh => format!("，最终企业与中间企业之比为 {}", number(q, 2)),
                Lang::En => format!(
                    ", and final firms outnumber intermediate ones {} to 1",
                    number(q, 2)
                ),
            });
        }
        s = sentence(s, lang);
    }
    let names =
        |ids: &[String]| -> Vec<String> { ids.iter().map(|i| stage_name(a, i, lang)).collect() };
    if !a.missing_stages.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "经调查没有本地企业的环节：{}。",
                join(&names(&a.missing_stages), lang)
            ),
            Lang::En => format!(
                " Surveyed stages without a local firm: {}.",
                join(&names(&a.missing_stages), lang)
            ),
        });
    }
    if !a.unsurveyed_stages.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "尚未调查的环节：{}，这些环节未计入完整度。",
                join(&names(&a.unsurveyed_stages), lang)
            ),
            Lang::En => format!(
                " Stages not surveyed: {}; they are left out of the completeness.",
                join(&names(&a.unsurveyed_stages), lang)
            ),
        });
    }
    s.push_str(&match (a.colocation.flagged, lang) {
        (Some(true), Lang::Zh) => format!("按本工具的判据，企业“{}”。", Term::ColocatedNotLinked.get(lang)),
        (Some(true), Lang::En) => format!(" By this tool's rule the firms are {}.", Term::ColocatedNotLinked.get(lang)),
        (Some(false), Lang::Zh) => format!("未出现“{}”现象。", Term::ColocatedNotLinked.get(lang)),
        (Some(false), Lang::En) => " The firms are not merely co-located.".to_string(),
        (None, Lang::Zh) => format!("调查的环节不够，未判断是否“{}”。", Term::ColocatedNotLinked.get(lang)),
        (None, Lang::En) => " Too few stages were surveyed to judge whether the firms are co-located but not linked.".to_string(),
    });
    s
}

fn leading_words(c: &ClusterReport, lang: Lang) -> String {
    let mut s = String::new();
    match &c.leading {
        Section::Computed(l) if l.firms_listed == 0 => s.push_str(lang.pick(
            "未填写企业名单，无法识别龙头企业。",
            "No firm list was entered, so leading firms cannot be identified.",
        )),
        Section::Computed(l) => {
            let list: Vec<String> = l
                .firms
                .iter()
                .map(|f| {
                    let mut d = Vec::new();
                    if let Some(v) = f.revenue {
                        d.push(format!(
                            "{}{}",
                            lang.pick("营业收入 ", "revenue "),
                            money(v, lang)
                        ));
                    }
                    if let Some(v) = f.output_share {
                        d.push(format!(
                            "{}{}",
                            lang.pick("占集群产值 ", "share of cluster output "),
                            pct(v)
                        ));
                    }
                    match (d.is_empty(), lang) {
                        (true, _) => f.name.clone(),
                        (false, Lang::Zh) => format!("{}（{}）", f.name, d.join("，")),
                        (false, Lang::En) => format!("{} ({})", f.name, d.join(", ")),
                    }
                })
                .collect();
            s.push_str(&match (l.count, lang) {
                (0, Lang::Zh) => format!("名单内 {} 家企业中没有龙头企业。", l.firms_listed),
                (0, Lang::En) => format!(
                    "None of the {} listed firms is a leading firm.",
                    l.firms_listed
                ),
                (n, Lang::Zh) => format!(
                    "名单内 {} 家企业中有龙头企业 {n} 家：{}。",
                    l.firms_listed,
                    join(&list, lang)
                ),
                (n, Lang::En) => format!(
                    "{n} of the {} listed firms are leading firms: {}.",
                    l.firms_listed,
                    join(&list, lang)
                ),
            });
            match (l.above_scale_entered, lang) {
                (Some(n), Lang::Zh) => s.push_str(&format!("规模以上企业 {}。", firms(n, lang))),
                (Some(n), Lang::En) => {
                    s.push_str(&format!(" There are {} above-scale firms.", number(n, 0)))
                }
                (None, Lang::Zh) => {
                    s.push_str(&format!("名单内规模以上企业 {} 家。", l.above_scale_listed))
                }
                (None, Lang::En) => s.push_str(&format!(
                    " {} of the listed firms are above scale.",
                    l.above_scale_listed
                )),
            }
        }
        Section::NotComputed { reason } => s.push_str(&sentence(
            super::words::plain_reason(reason.get(lang), lang),
            lang,
        )),
    }
    if let Section::Computed(k) = &c.concentration {
        let basis = match (k.variant.as_str(), lang) {
            ("employment", Lang::Zh) => "就业",
            ("employment", Lang::En) => "employment",
            (_, Lang::Zh) => "营业收入",
            (_, Lang::En) => "revenue",
        };
        let r = &k.result;
        s.push_str(&match lang {
            Lang::Zh => format!(
                "按{basis}计算，前四家企业集中度 CR4 为 {}，最大企业份额 CR1 为 {}，HHI 为 {}，按贝恩分类属{}",
                pct(r.cr4),
                pct(r.cr1),
                number(r.hhi, 3),
                r.bain.label().get(lang)
            ),
            Lang::En => format!(
                " By {basis}, the four largest firms hold {} (CR4), the largest {} (CR1), HHI {}: {} in Bain's classes",
                pct(r.cr4),
                pct(r.cr1),
                number(r.hhi, 3),
                r.bain.label().get(lang)
            ),
        });
        if let Some(cov) = k.coverage.filter(|c| *c < 1.0) {
            s.push_str(&match lang {
                Lang::Zh => format!("（名单只覆盖集群企业的 {}，这些指标只反映名单内企业）", pct(cov)),
                Lang::En => format!(" (the list covers {} of the cluster's firms; these figures describe the listed firms only)", pct(cov)),
            });
        }
        s.push_str(lang.pick("。", "."));
    }
    s
}

fn services_words(c: &ClusterReport, lang: Lang) -> String {
    let flags = [
        Metric::SupportAssociation,
        Metric::SupportRdCentre,
        Metric::SupportFinance,
        Metric::SupportIntermediaries,
        Metric::SupportLogistics,
        Metric::SupportMarket,
        Metric::SupportTraining,
        Metric::SupportDesignService,
        Metric::SupportQualityTesting,
        Metric::SupportIndustrialPark,
        Metric::SupportPublicServicePlatform,
        Metric::PlanningClusterPlan,
    ];
    let (mut have, mut lack) = (Vec::new(), Vec::new());
    for m in flags {
        match c.metrics.get(m) {
            Some(v) if v >= 0.5 => have.push(label_in_sentence(m, lang)),
            Some(_) => lack.push(label_in_sentence(m, lang)),
            None => {}
        }
    }
    let mut parts = Vec::new();
    if !have.is_empty() {
        parts.push(format!(
            "{}{}",
            lang.pick("已有", "In place: "),
            join(&have, lang)
        ));
    }
    if !lack.is_empty() {
        parts.push(format!(
            "{}{}",
            lang.pick("尚缺", "missing: "),
            join(&lack, lang)
        ));
    }
    if parts.is_empty() {
        return t(
            lang,
            "尚未填写配套服务方面的数据。",
            "No data on support services entered.",
        );
    }
    if let Some(s) = c.metrics.get(Metric::FormationSupport) {
        parts.push(match lang {
            Lang::Zh => format!("支撑条件得分 {} 分（满分 100）", number(s, 0)),
            Lang::En => format!("support-conditions score {} of 100", number(s, 0)),
        });
    }
    sentence(parts.join(lang.pick("；", "; ")), lang)
}

fn stage_words(c: &ClusterReport, lang: Lang) -> String {
    let mut s = String::new();
    match &c.maturity {
        Section::Computed(m) => {
            if let Some(i) = m.index {
                let weights = match &m.weights.origin {
                    WeightsOrigin::Equal { .. } => {
                        t(lang, "各维度等权", "dimensions weighted equally")
                    }
                    WeightsOrigin::User => t(lang, "权重由使用者设定", "weights set by the user"),
                    WeightsOrigin::Ahp { cr, .. } => match lang {
                        Lang::Zh => {
                            format!("权重由层次分析法（AHP）确定，一致性比率 {}", number(*cr, 2))
                        }
                        Lang::En => format!("AHP weights, consistency ratio {}", number(*cr, 2)),
                    },
                };
                s.push_str(&match lang {
                    Lang::Zh => format!(
                        "{}为 {} 分（满分 100；{}；{} 的指标有数据）。",
                        Term::MaturityIndex.get(lang),
                        number(i, 1),
                        weights,
                        pct(m.confidence)
                    ),
                    Lang::En => format!(
                        "The {} is {} of 100 ({}; {} of its indicators have data). ",
                        Term::MaturityIndex.get(lang),
                        number(i, 1),
                        weights,
                        pct(m.confidence)
                    ),
                });
            }
        }
        Section::NotComputed { reason } => s.push_str(&sentence(
            format!(
                "{}{}",
                t(
                    lang,
                    "未计算成熟度指数：",
                    "The maturity index was not computed: "
                ),
                super::words::plain_reason(reason.get(lang), lang)
            ),
            lang,
        )),
    }
    let lc = &c.lifecycle;
    match (&lc.decision, &lc.reason) {
        (Some(d), _) => {
            let window = lc
                .window
                .as_ref()
                .map(|w| match lang {
                    Lang::Zh => format!("按 {}—{} 年的数据，", w.from, w.to),
                    Lang::En => format!("On the figures of {}–{}, ", w.from, w.to),
                })
                .unwrap_or_default();
            s.push_str(&match lang {
                Lang::Zh => format!(
                    "{window}集群处于{}（判定规则：{}）。",
                    d.label.get(lang),
                    crate::present::sources::cite_in_text(d.rule.text.get(lang), lang)
                ),
                Lang::En => format!(
                    "{window}the cluster is in its {} stage (rule: {}). ",
                    d.label.get(lang),
                    crate::present::sources::cite_in_text(d.rule.text.get(lang), lang)
                ),
            });
        }
        (None, Some(reason)) => s.push_str(&sentence(
            format!(
                "{}{}",
                t(
                    lang,
                    "生命周期阶段无法判断：",
                    "The life-cycle stage cannot be judged: "
                ),
                super::words::plain_reason(reason.get(lang), lang)
            ),
            lang,
        )),
        (None, None) => {}
    }
    let periods: Vec<String> = lc
        .periods
        .iter()
        .filter_map(|p| {
            let d = p.decision.as_ref()?;
            // A year the source names only roughly is shown with its words.
            let year = |y: i32, words: &Option<String>, end: bool| match (words, lang) {
                (Some(w), Lang::Zh) => format!("{w}（约 {y} 年）"),
                (Some(w), Lang::En) => format!("{w} (about {y})"),
                (None, Lang::Zh) if end => format!("{y} 年"),
                (None, _) => y.to_string(),
            };
            let from = year(p.from, &p.from_period, false);
            let to = year(p.to, &p.to_period, true);
            Some(match lang {
                Lang::Zh => format!("{from}—{to}{}", d.label.get(lang)),
                Lang::En => format!("{from}–{to} {}", d.label.get(lang)),
            })
        })
        .collect();
    if periods.len() > 1 {
        s.push_str(&match lang {
            Lang::Zh => format!("分时段看：{}。", periods.join("，")),
            Lang::En => format!("By period: {}. ", periods.join(", ")),
        });
    }
    if let Section::Computed(g) = &c.growth {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "{} 年间集群产值年均增长 {}。",
                number(g.years, 0),
                signed_pct(g.cagr)
            ),
            Lang::En => format!(
                "Over {} years the cluster's output grew {} a year. ",
                number(g.years, 0),
                signed_pct(g.cagr)
            ),
        });
    }
    let blocks: Vec<String> = c
        .formation
        .blocks
        .iter()
        .filter_map(|b| {
            let score = b.score?;
            Some(match lang {
                Lang::Zh => format!("{} {} 分", b.label.get(lang), number(score, 0)),
                Lang::En => format!("{} {}", b.label.get(lang), number(score, 0)),
            })
        })
        .collect();
    if !blocks.is_empty() {
        s.push_str(&match lang {
            Lang::Zh => format!("形成条件得分（满分 100）：{}。", blocks.join("，")),
            Lang::En => format!("Formation conditions (of 100): {}.", blocks.join("; ")),
        });
    }
    if s.is_empty() {
        s = t(
            lang,
            "数据不足，无法判断发展阶段。",
            "Not enough data to judge the stage.",
        );
    }
    s.trim_end().to_string()
}

fn signed_pct(v: f64) -> String {
    pct(v)
}
