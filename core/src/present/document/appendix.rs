//! 附录 数据来源与方法说明: where the figures come from, each method and variant in words, every threshold
//! with its source, and the key tables.

use super::words::{
    join, label, money, pct, plain_reason, quote_title, sentence, sub_number, t, threshold_words,
};
use super::{heading, para, Block, Table};
use crate::analyze::{Report, Section};
use crate::chain::ChainWarning;
use crate::lang::Lang;
use crate::maturity::WeightsOrigin;
use crate::measures::{EvidenceRole, Op};
use crate::present::format::number;
use crate::present::glossary::Term;
use crate::present::sources::source;

pub(crate) fn appendix(r: &Report, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    out.push(heading(
        2,
        format!(
            "{}{}",
            sub_number(1, lang),
            t(lang, "数据来源", "Data sources")
        ),
    ));
    out.push(Block::Bullets {
        items: data_sources(r, lang),
    });
    out.push(heading(
        2,
        format!("{}{}", sub_number(2, lang), t(lang, "方法说明", "Methods")),
    ));
    out.push(Block::Bullets {
        items: methods(r, lang),
    });
    out.push(heading(
        2,
        format!(
            "{}{}",
            sub_number(3, lang),
            t(lang, "判据及其来源", "Thresholds and their sources")
        ),
    ));
    out.push(Block::Table(thresholds(r, lang)));
    out.push(heading(
        2,
        format!("{}{}", sub_number(4, lang), t(lang, "附表", "Tables")),
    ));
    let tables = super::tables::tables(r, lang);
    if tables.is_empty() {
        out.push(para(t(lang, "没有可列出的附表。", "No table to show.")));
    }
    out.extend(tables.into_iter().map(Block::Table));
    out
}

fn data_sources(r: &Report, lang: Lang) -> Vec<String> {
    let town = &r.town;
    let mut items = vec![match lang {
        Lang::Zh => format!(
            "本报告的数字都由所填的{}数据计算；没有填写的数据不作推断，也不当作零。",
            town.name
        ),
        Lang::En => format!(
            "Every figure is computed from the data entered for {}; data not entered is neither guessed nor taken as zero.",
            town.name
        ),
    }];
    if let Some(y) = town.year {
        items.push(match lang {
            Lang::Zh => format!("数据年份：{y} 年。"),
            Lang::En => format!("Year of the figures: {y}."),
        });
    }
    if town.illustrative {
        items.push(t(
            lang,
            "数据中有教学用示意数据（见数据文件中的来源说明），不能当作统计数据引用。",
            "Some numbers are illustrative, made up for teaching (see the sources in the data file); do not quote them as statistics.",
        ));
    }
    if town.employment_total_basis == "sum of industries" {
        items.push(t(
            lang,
            "全镇就业人数未填写或小于各行业就业之和，按各行业就业之和计。",
            "The town's employment was not entered or is below the sum of its industries; the sum is used.",
        ));
    }
    if let Section::Computed(s) = &r.specialisation {
        items.push(match lang {
            Lang::Zh => format!(
                "{}的参照区域：{}。",
                Term::LocationQuotient.get(lang),
                s.reference
            ),
            Lang::En => format!(
                "Reference area of the {}: {}.",
                Term::LocationQuotient.get(lang),
                s.reference
            ),
        });
        if !s.not_in_reference.is_empty() {
            let names: Vec<String> = s
                .not_in_reference
                .iter()
                .map(|c| super::words::industry_name(r, c, lang))
                .collect();
            items.push(match lang {
                Lang::Zh => format!(
                    "参照区域缺少以下行业的数据，未计算其区位商：{}。",
                    join(&names, lang)
                ),
                Lang::En => format!(
                    "The reference has no figure for these industries, so they have no LQ: {}.",
                    join(&names, lang)
                ),
            });
        }
    }
    for c in &r.clusters {
        let mut parts = Vec::new();
        for (field, zh, en) in [
            ("firms", "企业数", "firms"),
            ("employment", "就业", "employment"),
            ("output", "产值", "output"),
        ] {
            let Some(origin) = c.totals.origin.get(field) else {
                continue;
            };
            let how = match (origin.as_str(), lang) {
                ("cluster", Lang::Zh) => "按集群填写",
                ("industries", Lang::Zh) => "由所含行业加总",
                ("stages", Lang::Zh) => "由产业链各环节企业数加总",
                ("cluster", Lang::En) => "entered for the cluster",
                ("industries", Lang::En) => "summed over its industries",
                ("stages", Lang::En) => "summed over the chain stages",
                (_, Lang::Zh) => "按所填数据",
                (_, Lang::En) => "as entered",
            };
            parts.push(match lang {
                Lang::Zh => format!("{zh}{how}"),
                Lang::En => format!("{en} {how}"),
            });
        }
        if !parts.is_empty() {
            items.push(match lang {
                Lang::Zh => format!("{}：{}。", c.name, parts.join("，")),
                Lang::En => format!("{}: {}.", c.name, parts.join("; ")),
            });
        }
        if let Section::Computed(a) = &c.chain {
            for w in &a.warnings {
                match w {
                    ChainWarning::Unsurveyed { .. } => {}
                    ChainWarning::CoverageTooLow { coverage, firms } => items.push(match lang {
                        Lang::Zh => format!(
                            "{}：产业链调查覆盖率 {}，归入环节的企业 {} 家，不足以判断企业是否“{}”。",
                            c.name,
                            pct(*coverage),
                            number(*firms, 0),
                            Term::ColocatedNotLinked.get(lang)
                        ),
                        Lang::En => format!(
                            "{}: chain coverage {} with {} firms placed in stages is too little to judge whether the firms are {}.",
                            c.name,
                            pct(*coverage),
                            number(*firms, 0),
                            Term::ColocatedNotLinked.get(lang)
                        ),
                    }),
                    ChainWarning::NoFirms => items.push(match lang {
                        Lang::Zh => format!("{}：未填写产业链各环节的企业数。", c.name),
                        Lang::En => format!("{}: no firms entered for the chain stages.", c.name),
                    }),
                    ChainWarning::NoLq => items.push(match lang {
                        Lang::Zh => format!("{}：缺少区位商，未判断企业是否“{}”。", c.name, Term::ColocatedNotLinked.get(lang)),
                        Lang::En => format!("{}: without an LQ, co-location is not judged.", c.name),
                    }),
                }
            }
        }
    }
    for w in &r.warnings {
        items.push(sentence(
            capital(&plain_reason(w.message.get(lang), lang)),
            lang,
        ));
    }
    items
}

fn not_computed<T>(what: &str, s: &Section<T>, lang: Lang, out: &mut Vec<String>) {
    if let Section::NotComputed { reason } = s {
        out.push(match lang {
            Lang::Zh => format!("{what}：未计算（{}）", plain_reason(reason.get(lang), lang)),
            Lang::En => format!(
                "{what}: not computed ({})",
                plain_reason(reason.get(lang), lang)
            ),
        });
    }
}

fn methods(r: &Report, lang: Lang) -> Vec<String> {
    let mut items = Vec::new();
    let lq = Term::LocationQuotient.get(lang);
    if let Section::Computed(s) = &r.specialisation {
        let variant = match (s.variant.as_str(), lang) {
            ("traded-employment", Lang::Zh) => "只计可贸易部门（农业和工业）的就业",
            ("traded-employment", Lang::En) => {
                "employment of traded sectors (agriculture and industry) only"
            }
            (_, Lang::Zh) => "全部行业的就业",
            (_, Lang::En) => "employment of all industries",
        };
        // Without both totals, the table (and the cluster LQ) divide by the listed industries' sums on both sides.
        let listed_only = s.employment.as_ref().is_some_and(|t| !t.counts_unlisted());
        let variant = match (listed_only, lang) {
            (true, Lang::Zh) => format!(
                "{variant}；本镇或参照区域的总就业未填写，两边的合计都取所列行业之和（集群{lq}同此）"
            ),
            (true, Lang::En) => format!(
                "{variant}; as the town's or the reference's total employment is not given, both totals are the listed industries' sums (the cluster {lq} too)"
            ),
            (false, _) => variant.to_string(),
        };
        items.push(match lang {
            Lang::Zh => format!(
                "{lq}：（本镇某行业就业 ÷ 本镇就业合计）÷（参照区域该行业就业 ÷ 参照区域就业合计），口径为{variant}，产值区位商同理。{}。就业少于 {} 人的行业，{lq}不稳定，仅供参考。克鲁格曼专业化指数为本镇与参照区域各行业份额之差的绝对值之和（0—2），胡佛系数为其一半。",
                source(&s.bands_source, lang),
                number(s.small_industry_threshold.value, 0)
            ),
            Lang::En => format!(
                "{lq}: (the town's jobs in an industry ÷ its total jobs) ÷ (the reference's jobs in it ÷ the reference's total), over {variant}; the output LQ likewise. {}. For an industry with fewer than {} jobs the LQ is unstable and only indicative. The Krugman index sums the absolute differences of the industries' shares between town and reference (0–2); Hoover is half of it.",
                source(&s.bands_source, lang),
                number(s.small_industry_threshold.value, 0)
            ),
        });
    }
    let first = r.clusters.first();
    if let Some(Section::Computed(k)) = first.map(|c| &c.concentration) {
        let basis = match (k.variant.as_str(), lang) {
            ("employment", Lang::Zh) => "就业",
            ("employment", Lang::En) => "employment",
            (_, Lang::Zh) => "营业收入",
            (_, Lang::En) => "revenue",
        };
        items.push(match lang {
            Lang::Zh => format!("集中度：按企业名单中各企业的{basis}计算。HHI 为各企业份额的平方和，CR1、CR4 为最大一家、四家企业的份额合计；{}。", source(&k.bain_source, lang)),
            Lang::En => format!("Concentration: from the {basis} of the listed firms. HHI is the sum of squared shares; CR1 and CR4 the shares of the largest one and four firms. {}.", source(&k.bain_source, lang)),
        });
    }
    if let Some(Section::Computed(l)) = first.map(|c| &c.leading) {
        items.push(match lang {
            Lang::Zh => format!(
                "龙头企业：使用者标注的企业，或产值占集群产值 {} 以上的企业，或营业收入不低于 {}的企业；规模以上企业：年营业收入不低于 {}。",
                pct(l.leading_output_share.value),
                round_money(l.leading_revenue.value, lang),
                round_money(l.above_scale_revenue.value, lang)
            ),
            Lang::En => format!(
                "Leading firms: firms the user marked, or with at least {} of the cluster's output, or with revenue of at least {}; above-scale firms: revenue of at least {} a year.",
                pct(l.leading_output_share.value),
                round_money(l.leading_revenue.value, lang),
                round_money(l.above_scale_revenue.value, lang)
            ),
        });
    }
    if let Some(Section::Computed(a)) = first.map(|c| &c.chain) {
        let rule = &a.colocation.rule;
        items.push(match lang {
            Lang::Zh => format!(
                "产业链：{} = 有本地企业的环节数 ÷ 已调查的环节数，加权完整度按环节权重计算，未调查的环节不计入；{} = 企业最多的一个环节的企业数 ÷ 各环节企业总数。“{}”判据：{lq}不低于 {}，完整度不高于 {}，“扎堆”指数不低于 {}；至少 {} 的环节做过调查、至少 {} 家企业归入环节时才作判断。",
                Term::ChainCompleteness.get(lang),
                Term::ZhaduiIndex.get(lang),
                Term::ColocatedNotLinked.get(lang),
                number(rule.lq_min, 1),
                pct(rule.completeness_max),
                pct(rule.zhadui_min),
                pct(rule.coverage_min),
                number(rule.firms_min, 0)
            ),
            Lang::En => format!(
                "Value chain: {} = stages with a local firm ÷ stages surveyed (weighted by stage for the weighted figure; stages not surveyed are left out); the {} = firms in the largest stage ÷ all firms in the stages. “Co-located, not linked”: an LQ of at least {}, completeness at most {} and a crowding index of at least {}, judged only when at least {} of the stages were surveyed and at least {} firms placed.",
                Term::ChainCompleteness.get(lang),
                Term::ZhaduiIndex.get(lang),
                number(rule.lq_min, 1),
                pct(rule.completeness_max),
                pct(rule.zhadui_min),
                pct(rule.coverage_min),
                number(rule.firms_min, 0)
            ),
        });
    }
    if let Some(Section::Computed(m)) = first.map(|c| &c.maturity) {
        let weights = match &m.weights.origin {
            WeightsOrigin::Equal { .. } => t(
                lang,
                "各维度等权（本工具设定的假设值）",
                "equal weights (a value this tool assumes)",
            ),
            WeightsOrigin::User => t(lang, "使用者设定的权重", "weights set by the user"),
            WeightsOrigin::Ahp { cr, consistent, .. } => match lang {
                Lang::Zh => format!(
                    "层次分析法（AHP）求得的权重，一致性比率 {}（{}）",
                    number(*cr, 2),
                    if *consistent {
                        "通过一致性检验"
                    } else {
                        "未通过一致性检验，权重仅供参考"
                    }
                ),
                Lang::En => format!(
                    "AHP weights, consistency ratio {} ({})",
                    number(*cr, 2),
                    if *consistent {
                        "consistent"
                    } else {
                        "not consistent: indicative only"
                    }
                ),
            },
        };
        items.push(match lang {
            Lang::Zh => format!(
                "{}：{} 个维度的得分加权平均（0—100），各指标按分段线性规则打分，缺数据的指标不计入；权重为{weights}。形成条件（前提、需求、支撑、外部环境）的得分同理。",
                Term::MaturityIndex.get(lang),
                m.dimensions.len()
            ),
            Lang::En => format!(
                "{}: the weighted mean of {} dimension scores (0–100), each indicator scored by piecewise-linear rules and left out when it has no data; {weights}. The formation conditions (premise, demand, support, environment) are scored the same way.",
                capital(Term::MaturityIndex.get(lang)),
                m.dimensions.len()
            ),
        });
    }
    if let Some(c) = first {
        items.push(match lang {
            Lang::Zh => format!(
                "{}：按最近一段时间集群产值（没有则就业、企业数）的年均增长率、{lq}变化和成熟度指数，依次套用判定规则，第一条成立的规则决定阶段；依据：{}。",
                Term::LifecycleStage.get(lang),
                source(&c.lifecycle.source, lang)
            ),
            Lang::En => format!(
                "{}: from the recent yearly growth of the cluster's output (else jobs or firms), the change of its LQ and the maturity index, the first rule that holds decides; source: {}.",
                capital(Term::LifecycleStage.get(lang)),
                source(&c.lifecycle.source, lang)
            ),
        });
    }
    if let Section::Computed(e) = &r.economic_base {
        items.push(match (e.result.variant.as_str(), lang) {
            ("lq", Lang::Zh) => "经济基础乘数：用区位商法把各行业就业分为基本部门和非基本部门，乘数 = 全镇就业 ÷ 基本部门就业。".into(),
            ("lq", Lang::En) => "Economic-base multiplier: basic jobs by the LQ method; multiplier = all jobs ÷ basic jobs.".into(),
            (_, Lang::Zh) => "经济基础乘数：按所填的外销比例（指派法）把各行业就业分为基本部门和非基本部门，乘数 = 全镇就业 ÷ 基本部门就业；同时给出区位商法的结果作对照。".into(),
            (_, Lang::En) => "Economic-base multiplier: basic jobs from the outside-sales shares entered (assignment method); multiplier = all jobs ÷ basic jobs, with the LQ method's result beside it.".into(),
        });
    }
    not_computed(
        &t(lang, "经济基础乘数", "Economic-base multiplier"),
        &r.economic_base,
        lang,
        &mut items,
    );
    if r.keynes.is_computed() {
        items.push(t(
            lang,
            "凯恩斯收入乘数：由消费倾向、税率和本地漏出率算出，并给出各参数上下变动 5% 时的范围。",
            "Keynesian income multiplier: from the propensity to consume, the tax rate and the local leakage, with the range when each moves by 5 %.",
        ));
    }
    not_computed(
        &t(lang, "凯恩斯收入乘数", "Keynesian multiplier"),
        &r.keynes,
        lang,
        &mut items,
    );
    if r.input_output.is_computed() {
        items.push(t(
            lang,
            "投入产出乘数：由直接消耗系数矩阵求里昂惕夫逆矩阵，列和为产出乘数（Ⅰ型；有居民部门时另算Ⅱ型）。",
            "Input–output multipliers: column sums of the Leontief inverse of the coefficient matrix (Type I; Type II where households are given).",
        ));
    }
    not_computed(
        &t(lang, "投入产出乘数", "Input–output multipliers"),
        &r.input_output,
        lang,
        &mut items,
    );
    if let Section::Computed(reg) = &r.regionalisation {
        items.push(match lang {
            Lang::Zh => format!(
                "投入产出表区域化：用 FLQ 法把省级直接消耗系数按本镇的产业结构缩小，δ = {}（{}），并给出 δ 取 0.1—0.4 时的乘数作对照。",
                number(reg.delta_threshold.value, 2),
                source(&reg.delta_threshold.source, lang)
            ),
            Lang::En => format!(
                "Regionalisation: the provincial coefficients scaled to the town by FLQ with δ = {} ({}), with the multipliers for δ from 0.1 to 0.4 beside them.",
                number(reg.delta_threshold.value, 2),
                source(&reg.delta_threshold.source, lang)
            ),
        });
    }
    if let Section::Computed(g) = &r.gem {
        items.push(match lang {
            Lang::Zh => format!("GEM 模型：资源、设施、供应商、结构、本地市场、外部市场六个因素两两成对，综合得分 {}。", number(g.score, 1)),
            Lang::En => format!("GEM model: six factors (resources, facilities, suppliers, structure, local and external markets) in three pairs; score {}.", number(g.score, 1)),
        });
    }
    if let Section::Computed(reg) = &r.region {
        items.push(match lang {
            Lang::Zh => format!("区域模式：以全县（{} 个乡镇）为参照计算各乡镇分行业的区位商、区位基尼系数和 EG 指数（γ）；{}。", reg.result.towns.len(), source(&reg.eg_bands_source, lang)),
            Lang::En => format!("Region mode: each town's LQs against the county ({} towns), the locational Gini and the EG index γ; {}.", reg.result.towns.len(), source(&reg.eg_bands_source, lang)),
        });
    }
    if let Section::Computed(s) = &r.shift_share {
        let v = match (s.variant.as_str(), lang) {
            ("growth-rates", Lang::Zh) => "按增长率分解",
            ("growth-rates", Lang::En) => "by growth rates",
            (_, Lang::Zh) => "按所选方法分解",
            (_, Lang::En) => "by the chosen method",
        };
        items.push(match lang {
            Lang::Zh => format!("偏离—份额分析：把各行业就业的变化分为全国（参照）份额、产业结构和区域竞争力三部分，{v}。"),
            Lang::En => format!("Shift-share: each industry's change in jobs split into the reference share, the industry mix and the regional shift, {v}."),
        });
    }
    items.push(t(
        lang,
        "对策排序：判据成立时，差距越大、权重越高、数据越完整，优先级越高；一条对策有几条判据成立时合并计算，结果在 0—1 之间。没有数据的判据不成立，只列入第五部分。",
        "Ranking of measures: the further a figure is past its threshold, the heavier the rule and the more complete the data, the higher the priority; several rules of one measure combine, staying within 0–1. A rule without data does not fire; it is listed in part 5.",
    ));
    items
}

/// Money without a trailing ".0" (thresholds are round numbers): "4 亿元", "2,000 万元".
fn round_money(v: f64, lang: Lang) -> String {
    money(v, lang).replacen(".0 ", " ", 1)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn thresholds(r: &Report, lang: Lang) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let push = |rows: &mut Vec<Vec<String>>, what: String, value: String, src: &str| {
        let row = vec![what, value, source(src, lang)];
        if !rows.contains(&row) {
            rows.push(row);
        }
    };
    if let Section::Computed(s) = &r.specialisation {
        push(
            &mut rows,
            t(lang, "区位商不稳定的小行业", "Small industry (unstable LQ)"),
            match lang {
                Lang::Zh => format!("就业 < {} 人", number(s.small_industry_threshold.value, 0)),
                Lang::En => format!("< {} jobs", number(s.small_industry_threshold.value, 0)),
            },
            &s.small_industry_threshold.source,
        );
        push(
            &mut rows,
            t(lang, "区位商分档", "LQ bands"),
            "1；2".replace('；', lang.pick("；", "; ")),
            &s.bands_source,
        );
    }
    for c in &r.clusters {
        if let Section::Computed(l) = &c.leading {
            push(
                &mut rows,
                t(lang, "龙头企业：产值占比", "Leading firm: share of output"),
                format!("≥ {}", pct(l.leading_output_share.value)),
                &l.leading_output_share.source,
            );
            push(
                &mut rows,
                t(lang, "龙头企业：营业收入", "Leading firm: revenue"),
                format!("≥ {}", round_money(l.leading_revenue.value, lang)),
                &l.leading_revenue.source,
            );
            push(
                &mut rows,
                t(lang, "规模以上企业：营业收入", "Above-scale firm: revenue"),
                format!("≥ {}", round_money(l.above_scale_revenue.value, lang)),
                &l.above_scale_revenue.source,
            );
        }
        if let Section::Computed(k) = &c.concentration {
            push(
                &mut rows,
                t(lang, "贝恩分类", "Bain's classes"),
                t(lang, "按 CR4 分类", "by CR4"),
                &k.bain_source,
            );
        }
        if let Section::Computed(a) = &c.chain {
            let rule = &a.colocation.rule;
            push(
                &mut rows,
                format!("“{}”", Term::ColocatedNotLinked.get(lang)),
                match lang {
                    Lang::Zh => format!(
                        "区位商 ≥ {}；完整度 ≤ {}；“扎堆”指数 ≥ {}",
                        number(rule.lq_min, 1),
                        pct(rule.completeness_max),
                        pct(rule.zhadui_min)
                    ),
                    Lang::En => format!(
                        "LQ ≥ {}; completeness ≤ {}; crowding index ≥ {}",
                        number(rule.lq_min, 1),
                        pct(rule.completeness_max),
                        pct(rule.zhadui_min)
                    ),
                },
                &rule.source,
            );
        }
        push(
            &mut rows,
            Term::LifecycleStage.get(lang).to_string(),
            t(lang, "判定规则", "rules"),
            &c.lifecycle.source,
        );
        if let Section::Computed(m) = &c.maturity {
            // Indicators grouped by their source, so the table says once what most share.
            let mut by_source: Vec<(String, Vec<String>)> = Vec::new();
            for d in &m.dimensions {
                for i in &d.indicators {
                    let name = i.label.get(lang).to_string();
                    match by_source.iter_mut().find(|(s, _)| *s == i.source) {
                        Some((_, names)) if !names.contains(&name) => names.push(name),
                        Some(_) => {}
                        None => by_source.push((i.source.clone(), vec![name])),
                    }
                }
            }
            for (src, names) in by_source {
                let what = match (names.len(), lang) {
                    (n, Lang::Zh) if n > 4 => {
                        format!("成熟度评分：{}等 {n} 项指标", names[..3].join("、"))
                    }
                    (n, Lang::En) if n > 4 => format!(
                        "Maturity scoring: {} and {} more",
                        names[..3].join(", "),
                        n - 3
                    ),
                    (_, Lang::Zh) => format!("成熟度评分：{}", names.join("、")),
                    (_, Lang::En) => format!("Maturity scoring: {}", names.join(", ")),
                };
                push(
                    &mut rows,
                    what,
                    t(lang, "分段评分", "piecewise scores"),
                    &src,
                );
            }
        }
        if let Section::Computed(cl) = &c.checklists {
            for l in &cl.lists {
                push(
                    &mut rows,
                    l.name.get(lang).to_string(),
                    match lang {
                        Lang::Zh => format!("{} 项标准", l.criteria.len()),
                        Lang::En => format!("{} criteria", l.criteria.len()),
                    },
                    &l.source,
                );
            }
        }
    }
    if let Section::Computed(reg) = &r.regionalisation {
        push(
            &mut rows,
            t(lang, "FLQ 参数 δ", "FLQ δ"),
            number(reg.delta_threshold.value, 2),
            &reg.delta_threshold.source,
        );
    }
    if let Section::Computed(reg) = &r.region {
        push(
            &mut rows,
            t(lang, "EG 指数分档", "EG bands"),
            "0.02；0.05".replace('；', lang.pick("；", "; ")),
            &reg.eg_bands_source,
        );
    }
    if let Section::Computed(list) = &r.measures {
        for cm in &list.clusters {
            for m in &cm.measures {
                for e in &m.evidence {
                    let role = match (e.role, lang) {
                        (EvidenceRole::Condition, Lang::Zh) => "（前提）",
                        (EvidenceRole::Condition, Lang::En) => " (condition)",
                        _ => "",
                    };
                    let what = match lang {
                        Lang::Zh => format!(
                            "对策{}：{}{role}",
                            quote_title(m.title.get(lang)),
                            label(e.metric, lang)
                        ),
                        Lang::En => {
                            format!("“{}”: {}{role}", m.title.get(lang), label(e.metric, lang))
                        }
                    };
                    if e.op == Op::Missing {
                        push(
                            &mut rows,
                            what,
                            threshold_words(e.metric, e.op, e.threshold, lang),
                            "this tool: the diagnosis needs it",
                        );
                    } else {
                        push(
                            &mut rows,
                            what,
                            threshold_words(e.metric, e.op, e.threshold, lang),
                            &e.threshold_source,
                        );
                    }
                }
            }
        }
    }
    Table {
        caption: t(
            lang,
            "附表 1　判据及其来源",
            "Table A1. Thresholds and their sources",
        ),
        header: vec![
            t(lang, "项目", "Item"),
            t(lang, "判据", "Threshold"),
            t(lang, "来源", "Source"),
        ],
        rows,
        numeric: vec![false, false, false],
    }
}
