//! 三、存在的问题, 四、对策建议 and 五、需要补充的数据: the findings in the seed study's own terms.
//!
//! Problems are the triggers of the fired measures (never a `missing` rule: unknown is not a problem) and the
//! chain's surveyed gaps, each under one of the chapter-5 problem types of the seed study. Measures are grouped
//! under its six chapter-6 headings; the MIIT cultivation areas go where the seed treats the same concern
//! (digital upgrading with technology and innovation, green transformation with the environment).

use super::words::{
    evidence_with_source, evidence_words, join, label, quote_title, sentence, stage_name,
    sub_number, t,
};
use super::{heading, lead, note, para, Block};
use crate::analyze::{ClusterMeasures, ClusterReport, Report, Section};
use crate::lang::Lang;
use crate::measures::{EvidenceRole, Group, Op, SuggestedMeasure};
use crate::present::format::number;
use crate::present::glossary::{seed_refs, Term};
use crate::present::sources;
use crate::report::{Metric, Unit};

/// The seed's chapter-5 problem types, plus the gaps in services and conditions it does not list there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ProblemType {
    /// 产业结构低度化，产业价值链断裂 (ch.5 二 (一)).
    Structure,
    /// 集群的规模不大，缺乏龙头带动 (ch.5 二 (二)).
    Scale,
    /// 企业根植性不强，难以形成集体优势 (ch.5 二 (三)).
    Embeddedness,
    /// Services, infrastructure, institutions and environment (ch.6's measures; ch.5 does not list them).
    Conditions,
}

impl ProblemType {
    const ALL: [ProblemType; 4] = [
        ProblemType::Structure,
        ProblemType::Scale,
        ProblemType::Embeddedness,
        ProblemType::Conditions,
    ];

    fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ProblemType::Structure, Lang::Zh) => "产业结构低度化，产业价值链断裂",
            (ProblemType::Scale, Lang::Zh) => "集群的规模不大，缺乏龙头带动",
            (ProblemType::Embeddedness, Lang::Zh) => "企业根植性不强，难以形成集体优势",
            (ProblemType::Conditions, Lang::Zh) => "配套服务与发展环境的不足",
            (ProblemType::Structure, Lang::En) => {
                "A low-end industrial structure and a broken value chain"
            }
            (ProblemType::Scale, Lang::En) => "A small cluster without leading firms",
            (ProblemType::Embeddedness, Lang::En) => {
                "Weak embeddedness: firms crowd together without acting together"
            }
            (ProblemType::Conditions, Lang::En) => "Gaps in services and conditions",
        }
    }

    fn seed_ref(self) -> Option<&'static str> {
        match self {
            ProblemType::Structure => Some("ch.5 二 (一)"),
            ProblemType::Scale => Some("ch.5 二 (二)"),
            ProblemType::Embeddedness => Some("ch.5 二 (三)"),
            ProblemType::Conditions => None,
        }
    }

    fn of(m: Metric) -> ProblemType {
        use Metric::*;
        match m {
            ChainCompleteness
            | ChainWeightedCompleteness
            | ChainMissingStageCount
            | ChainStagesPresent
            | ChainIntermediateShare
            | ChainFinalIntermediateRatio
            | EmbedLocalSourcingShare
            | InnovationHightechOutputShare
            | InnovationHightechCount
            | InnovationRdIntensity
            | InnovationValidPatentsPer100Firms
            | InnovationPatents
            | SupportRdCentre
            | SupportDesignService
            | DigitalAdoptionShare => ProblemType::Structure,
            FirmsLeadingCount
            | FirmsAboveScaleCount
            | FirmsCount
            | OutputClusterYi
            | ClusterOutput
            | ClusterEmployment
            | ClusterEmploymentShare
            | ClusterOutputShare
            | InnovationZjtxCount
            | BrandRegionalBrand
            | BrandFamousBrands
            | LqClusterEmployment
            | LqClusterOutput
            | ClusterLq
            | LqChange
            | ClusterLqChangePerYear
            | GrowthOutputCagr
            | GrowthFirmsCagr
            | EmbedExternalMarketShare
            | EmbedOutsideSalesShare
            | LabourAbsorptionRatio
            | ConcentrationCr1
            | ConcentrationCr4
            | ConcentrationHhi => ProblemType::Scale,
            ChainColocatedNotLinked
            | ChainZhaduiIndex
            | JudgmentTrust
            | SupportAssociation
            | SupportAssociationsCount
            | SupportPublicServicePlatform => ProblemType::Embeddedness,
            _ => ProblemType::Conditions,
        }
    }
}

/// The six headings of the seed's chapter 6, in order.
fn measure_heading(k: usize, lang: Lang) -> &'static str {
    const ZH: [&str; 6] = [
        "统一规划，政策支持",
        "强化基础，聚集要素",
        "扶植龙头，培育品牌，提升技术，促进创新",
        "完善社会服务体系，营造文化网络氛围",
        "注重环境友好",
        "理顺产业关系",
    ];
    const EN: [&str; 6] = [
        "Unified planning and policy support",
        "Strengthen the foundations and gather the factors of production",
        "Foster leading firms and brands, raise technology, promote innovation",
        "Complete the social service system and build a culture of networks",
        "Care for the environment",
        "Balance the relations between industries",
    ];
    match lang {
        Lang::Zh => ZH[k],
        Lang::En => EN[k],
    }
}

/// Which of the six headings a measure goes under (0-based).
pub(super) fn heading_of(m: &SuggestedMeasure) -> usize {
    match m.group {
        Group::Planning => 0,
        Group::Foundations => 1,
        Group::LeadersBrandsInnovation => 2,
        Group::ServicesCulture => 3,
        Group::Environment => 4,
        Group::Balance => 5,
        // MIIT 2022: green transformation is the seed's environmental concern, digital upgrading its
        // technology-and-innovation one.
        Group::MiitCultivation if m.id.contains("green") => 4,
        Group::MiitCultivation => 2,
    }
}

fn cluster_measures<'a>(r: &'a Report, c: &ClusterReport) -> Option<&'a ClusterMeasures> {
    match &r.measures {
        Section::Computed(list) => list.clusters.iter().find(|m| m.cluster == c.name),
        Section::NotComputed { .. } => None,
    }
}

/// Headings per cluster: a heading with the cluster's name when there are several.
fn per_cluster(
    r: &Report,
    lang: Lang,
    mut body: impl FnMut(&ClusterReport, u8) -> Vec<Block>,
) -> Vec<Block> {
    let several = r.clusters.len() > 1;
    let mut out = Vec::new();
    for (k, c) in r.clusters.iter().enumerate() {
        if several {
            out.push(heading(2, format!("{}{}", sub_number(k + 1, lang), c.name)));
        }
        out.extend(body(c, if several { 3 } else { 2 }));
    }
    out
}

/// 三、存在的问题.
pub(crate) fn problems(r: &Report, lang: Lang) -> Vec<Block> {
    if r.clusters.is_empty() {
        return vec![para(t(
            lang,
            "数据中尚未划定产业集群，无法诊断集群的问题。",
            "No cluster is defined in the data, so there is nothing to diagnose.",
        ))];
    }
    let mut out = vec![para(match lang {
        Lang::Zh => format!(
            "以下问题按{}第五章所列湖南小城镇产业集群的三类问题归类，每条都附有数据和判断所依据的参考值；没有数据的方面不作判断（见第五部分）。",
            Term::SeedTitle.get(lang)
        ),
        Lang::En => format!(
            "The problems are grouped under the three problems of Hunan's small-town clusters that {} lists in chapter 5, each with its figures and the threshold it was judged by; where data is missing nothing is judged (see part 5).",
            Term::SeedTitle.get(lang)
        ),
    })];
    out.extend(per_cluster(r, lang, |c, level| {
        cluster_problems(r, c, level, lang)
    }));
    out
}

fn cluster_problems(r: &Report, c: &ClusterReport, level: u8, lang: Lang) -> Vec<Block> {
    // (type, weight for ordering, sentence); one entry per metric.
    let mut items: Vec<(ProblemType, f64, String)> = Vec::new();
    if let Section::Computed(a) = &c.chain {
        if !a.missing_stages.is_empty() {
            let names: Vec<String> = a
                .missing_stages
                .iter()
                .map(|s| stage_name(a, s, lang))
                .collect();
            let surveyed = a
                .stages
                .iter()
                .filter(|s| s.status != crate::chain::StageStatus::NotSurveyed)
                .count();
            items.push((
                ProblemType::Structure,
                2.0,
                match lang {
                    Lang::Zh => format!(
                        "产业链不完整：调查的 {surveyed} 个环节中，有 {} 个没有本地企业（{}），所需的产品和加工要到外地采购或委托。",
                        names.len(),
                        join(&names, lang)
                    ),
                    Lang::En => format!(
                        "The chain is broken: {} of the {surveyed} stages surveyed have no local firm ({}), so these goods and processes are bought elsewhere.",
                        names.len(),
                        join(&names, lang)
                    ),
                },
            ));
        }
    }
    let mut seen: Vec<Metric> = Vec::new();
    if let Some(cm) = cluster_measures(r, c) {
        for m in &cm.measures {
            for e in &m.evidence {
                if e.role != EvidenceRole::Trigger
                    || e.op == Op::Missing
                    || seen.contains(&e.metric)
                {
                    continue;
                }
                // The missing stages are already named above.
                if e.metric == Metric::ChainMissingStageCount && !items.is_empty() {
                    continue;
                }
                let Some(words) = evidence_with_source(e, lang) else {
                    continue;
                };
                seen.push(e.metric);
                let mut s = capitalise(words, lang);
                if e.confidence.is_some_and(|c| c < 1.0) {
                    s.push_str(&partial_data(e.confidence.unwrap_or(1.0), lang));
                }
                items.push((
                    ProblemType::of(e.metric),
                    e.priority.unwrap_or(0.0),
                    sentence(s, lang),
                ));
            }
        }
    }
    let mut out = Vec::new();
    for (k, ty) in ProblemType::ALL.iter().enumerate() {
        let mut mine: Vec<&(ProblemType, f64, String)> =
            items.iter().filter(|i| i.0 == *ty).collect();
        if mine.is_empty() && *ty == ProblemType::Conditions {
            continue;
        }
        mine.sort_by(|a, b| b.1.total_cmp(&a.1));
        out.push(heading(
            level,
            format!("{}{}", sub_number(k + 1, lang), ty.title(lang)),
        ));
        match ty.seed_ref() {
            Some(r) => out.push(note(match lang {
                Lang::Zh => format!("对应{}所述问题。", seed_refs(r, lang)),
                Lang::En => format!("The problem described in {}.", seed_refs(r, lang)),
            })),
            None => out.push(note(match lang {
                Lang::Zh => format!(
                    "{}第五章未单列此类问题，这里按第六章对策的内容列出。",
                    Term::SeedTitle.get(lang)
                ),
                Lang::En => format!(
                    "Chapter 5 of {} does not list these; they follow the measures of chapter 6.",
                    Term::SeedTitle.get(lang)
                ),
            })),
        }
        let unknown: Vec<String> = cluster_measures(r, c)
            .map(|cm| {
                cm.data_needed
                    .iter()
                    .filter(|n| ProblemType::of(n.metric) == *ty)
                    .map(|n| label(n.metric, lang))
                    .collect()
            })
            .unwrap_or_default();
        if mine.is_empty() {
            let mut s = t(
                lang,
                "按现有数据和本工具的判据，未发现这方面的问题",
                "With the data entered and this tool's thresholds, no problem of this kind shows",
            );
            if !unknown.is_empty() {
                s.push_str(&match lang {
                    Lang::Zh => format!(
                        "；但{}尚未填写，无法判断（见第五部分）",
                        join(&unknown, lang)
                    ),
                    Lang::En => format!(
                        "; but {} {} not entered, so this is not judged (see part 5)",
                        join(&unknown, lang),
                        if unknown.len() == 1 { "was" } else { "were" }
                    ),
                });
            }
            out.push(para(sentence(s, lang)));
        } else {
            out.push(Block::Bullets {
                items: mine.iter().map(|i| i.2.clone()).collect(),
            });
        }
    }
    out
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

fn partial_data(confidence: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "（这项得分只有 {} 的指标有数据，结论有待补充数据后复核）",
            crate::present::format::percent(confidence, 0)
        ),
        Lang::En => format!(
            " (only {} of this score's indicators have data; check again when more is known)",
            crate::present::format::percent(confidence, 0)
        ),
    }
}

fn priority_words(p: f64, lang: Lang) -> String {
    let level = match (p >= 0.6, p >= 0.3, lang) {
        (true, _, Lang::Zh) => "高",
        (false, true, Lang::Zh) => "中",
        (false, false, Lang::Zh) => "低",
        (true, _, Lang::En) => "high",
        (false, true, Lang::En) => "medium",
        (false, false, Lang::En) => "low",
    };
    match lang {
        Lang::Zh => format!("优先级 {}，{level}", number(p, 2)),
        Lang::En => format!("priority {}, {level}", number(p, 2)),
    }
}

/// 四、对策建议.
pub(crate) fn measures(r: &Report, lang: Lang) -> Vec<Block> {
    if let Section::NotComputed { reason } = &r.measures {
        return vec![para(sentence(
            format!(
                "{}{}",
                t(lang, "未生成对策建议：", "No measures were suggested: "),
                super::words::plain_reason(reason.get(lang), lang)
            ),
            lang,
        ))];
    }
    if r.clusters.is_empty() {
        return vec![para(t(
            lang,
            "数据中尚未划定产业集群，暂无对策建议。",
            "No cluster is defined in the data, so no measure is suggested.",
        ))];
    }
    let mut out = vec![para(match lang {
        Lang::Zh => format!(
            "对策按{}第六章的六个方面归类，每个方面内按优先级从高到低排列。优先级（0—1）由触发判据的差距大小、判据的权重和数据的完整程度算出；每条建议都写明理由和出处。",
            Term::SeedTitle.get(lang)
        ),
        Lang::En => format!(
            "The measures are grouped under the six headings of chapter 6 of {}, highest priority first within each. The priority (0–1) comes from how far a figure is past its threshold, the rule's weight and how complete the data is; each measure says why it is suggested and where it comes from.",
            Term::SeedTitle.get(lang)
        ),
    })];
    let views = measure_views(r, lang).unwrap_or_default();
    out.extend(per_cluster(r, lang, |c, level| {
        views
            .iter()
            .find(|v| v.cluster == c.name)
            .map(|v| cluster_measures_blocks(v, level, lang))
            .unwrap_or_default()
    }));
    out
}

/// A catalogue measure's title in `lang`, by id (`None` for an id the catalogue does not hold).
pub fn measure_title(id: &str, lang: Lang) -> Option<String> {
    crate::measures::catalogue()
        .unwrap_or(&[])
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.title.get(lang).to_string())
}

/// The measures a cluster's type set aside (seed ch.6 一), in words; `None` when there are none.
pub(crate) fn set_aside_words(c: &ClusterReport, ids: &[String], lang: Lang) -> Option<String> {
    let kind = c.typology.kind?;
    if ids.is_empty() {
        return None;
    }
    let titles: Vec<String> = ids
        .iter()
        .map(|id| measure_title(id, lang).map_or_else(|| id.clone(), |t| quote_title(&t)))
        .collect();
    Some(match lang {
        Lang::Zh => format!(
            "按{}集群，下列建议虽有数据触发，但针对的是其他类型的集群，没有列入：{}。",
            kind.label().get(lang),
            join(&titles, lang)
        ),
        Lang::En => format!(
            "For a cluster of the {} type, these measures were triggered by the data but are meant for other types of cluster, and are not listed: {}.",
            kind.label().get(lang),
            join(&titles, lang)
        ),
    })
}

/// A suggested measure as every front end shows it: the report, the app's summary.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MeasureItem {
    pub id: String,
    /// "1．title（优先级 0.80，高）": rank within its heading, title and priority in words.
    pub heading: String,
    pub description: String,
    /// Why it is suggested: its triggers in words with their thresholds' sources.
    pub reason: String,
    /// Why it ranks where it does: the priority worked out from the rules' weights, the gaps and the data.
    pub rank: String,
    /// Where it comes from: the seed's chapter in words, other sources.
    pub source: String,
    /// Said when the score behind it rests on part of its indicators.
    pub partial: Option<String>,
}

/// One of the seed's six chapter-6 headings with its measures, highest priority first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MeasureHeading {
    /// "（一）统一规划，政策支持".
    pub title: String,
    pub items: Vec<MeasureItem>,
}

/// A cluster's measures under the six headings, and the measures its type set aside.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClusterMeasureView {
    pub cluster: String,
    /// All six headings, in the seed's order (a heading may have no measure).
    pub headings: Vec<MeasureHeading>,
    pub set_aside: Option<String>,
}

/// Every cluster's measures as shown, or why none were computed: the one source of the measures' wording.
pub fn measure_views(r: &Report, lang: Lang) -> Result<Vec<ClusterMeasureView>, String> {
    if let Section::NotComputed { reason } = &r.measures {
        return Err(super::words::plain_reason(reason.get(lang), lang));
    }
    Ok(r.clusters
        .iter()
        .map(|c| {
            let found = cluster_measures(r, c);
            let list: Vec<&SuggestedMeasure> = found
                .map(|m| m.measures.iter().collect())
                .unwrap_or_default();
            ClusterMeasureView {
                cluster: c.name.clone(),
                headings: grouped(&list, lang),
                set_aside: found.and_then(|m| set_aside_words(c, &m.set_aside, lang)),
            }
        })
        .collect())
}

fn grouped(list: &[&SuggestedMeasure], lang: Lang) -> Vec<MeasureHeading> {
    (0..6)
        .map(|k| {
            let mut mine: Vec<&&SuggestedMeasure> =
                list.iter().filter(|m| heading_of(m) == k).collect();
            mine.sort_by(|a, b| {
                b.priority
                    .total_cmp(&a.priority)
                    .then_with(|| a.id.cmp(&b.id))
            });
            let items = mine
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let mut origin = vec![seed_refs(&m.seed_ref, lang)];
                    origin.extend(m.sources.iter().map(|s| sources::source(s, lang)));
                    MeasureItem {
                        id: m.id.clone(),
                        heading: match lang {
                            Lang::Zh => format!(
                                "{}．{}（{}）",
                                i + 1,
                                m.title.get(lang),
                                priority_words(m.priority, lang)
                            ),
                            Lang::En => format!(
                                "{}. {} ({})",
                                i + 1,
                                m.title.get(lang),
                                priority_words(m.priority, lang)
                            ),
                        },
                        description: m.description.get(lang).to_string(),
                        reason: reason(m, lang),
                        rank: rank_words(m, lang),
                        source: sentence(origin.join(lang.pick("；", "; ")), lang),
                        partial: (m.confidence < 1.0).then(|| match lang {
                            Lang::Zh => format!(
                                "注意：这条建议依据的综合得分只有 {} 的指标有数据，属于部分数据下的判断，补充数据后应复核。",
                                crate::present::format::percent(m.confidence, 0)
                            ),
                            Lang::En => format!(
                                "Note: the score behind this measure rests on {} of its indicators only: a judgement on partial data, to be checked when more is known.",
                                crate::present::format::percent(m.confidence, 0)
                            ),
                        }),
                    }
                })
                .collect();
            MeasureHeading {
                title: format!("{}{}", sub_number(k + 1, lang), measure_heading(k, lang)),
                items,
            }
        })
        .collect()
}

/// The words for a heading without a measure.
pub fn nothing_under_heading(lang: Lang) -> String {
    t(
        lang,
        "按现有数据，这方面没有需要优先采取的措施。",
        "With the data entered, nothing in this area stands out.",
    )
}

/// The words for a cluster without any measure.
pub fn no_measure(lang: Lang) -> String {
    t(
        lang,
        "按现有数据，本工具的判据没有触发任何对策建议。这不等于没有问题：补充第五部分所列数据后可再作判断。",
        "With the data entered, none of this tool's rules suggests a measure. That is not the same as no problem: collect the data listed in part 5 and look again.",
    )
}

fn cluster_measures_blocks(view: &ClusterMeasureView, level: u8, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    if view.headings.iter().all(|h| h.items.is_empty()) {
        out.push(para(no_measure(lang)));
    } else {
        for h in &view.headings {
            out.push(heading(level, h.title.clone()));
            if h.items.is_empty() {
                out.push(para(nothing_under_heading(lang)));
                continue;
            }
            for m in &h.items {
                out.push(heading(level + 1, m.heading.clone()));
                out.push(para(m.description.clone()));
                out.push(lead(t(lang, "建议理由：", "Why: "), m.reason.clone()));
                out.push(lead(
                    t(lang, "排序依据：", "Why this rank: "),
                    m.rank.clone(),
                ));
                out.push(lead(t(lang, "出处：", "Source: "), m.source.clone()));
                if let Some(p) = &m.partial {
                    out.push(note(p.clone()));
                }
            }
        }
    }
    if let Some(words) = &view.set_aside {
        out.push(note(words.clone()));
    }
    out
}

/// Why a measure ranks where it does, worked out: each fired rule's priority p = w ×（0.25 + 0.75 × s）× c — the
/// rule's weight, the size of the gap past its threshold (0–1) and the share of the score's indicators with
/// data — and, with several rules, their combination 1 − Π(1 − p).
fn rank_words(m: &SuggestedMeasure, lang: Lang) -> String {
    let parts: Vec<(f64, f64, f64, f64)> = m
        .evidence
        .iter()
        .filter(|e| e.role == EvidenceRole::Trigger)
        .filter_map(|e| {
            Some((
                e.priority?,
                e.weight?,
                e.severity?,
                e.confidence.unwrap_or(1.0),
            ))
        })
        .collect();
    // The gap to three places without trailing zeros (0.034, 0.7, 1), so the product can be recomputed.
    let gap = |s: f64| {
        let t = number(s, 3);
        if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            t
        }
    };
    let (weight, gap_word, completeness) = match lang {
        Lang::Zh => ("判据权重", "差距", "数据完整度"),
        Lang::En => ("rule weight", "gap", "data completeness"),
    };
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ") "));
    let one = |(p, w, s, c): (f64, f64, f64, f64)| {
        format!(
            "{weight} {} ×{open}0.25 + 0.75 × {gap_word} {}{close}× {completeness} {} = {}",
            number(w, 2),
            gap(s),
            crate::present::format::percent(c, 0),
            number(p, 2)
        )
    };
    let text = match parts.as_slice() {
        [] => return t(lang, "没有可计算的判据。", "No rule to compute from."),
        [single] => match lang {
            Lang::Zh => format!(
                "优先级 = {}。差距是数值越过判据的程度（0—1），权重表示这条判据的分量。",
                one(*single)
            ),
            Lang::En => format!(
                "priority = {}. The gap is how far the figure is past the threshold (0–1); the weight is how much the rule counts.",
                one(*single)
            ),
        },
        many => {
            let each: Vec<String> = many.iter().map(|x| one(*x)).collect();
            let product: Vec<String> = many
                .iter()
                .map(|(p, ..)| format!("(1 − {})", number(*p, 2)))
                .collect();
            match lang {
                Lang::Zh => format!(
                    "{} 条判据同时成立：{}；合成优先级 = 1 − {} = {}。",
                    many.len(),
                    each.join("；"),
                    product.join(" × "),
                    number(m.priority, 2)
                ),
                Lang::En => format!(
                    "{} rules hold: {}; combined priority = 1 − {} = {}.",
                    many.len(),
                    each.join("; "),
                    product.join(" × "),
                    number(m.priority, 2)
                ),
            }
        }
    };
    capitalise(text, lang)
}

/// Why a measure is suggested: its triggers in words with their thresholds' sources, each with the conditions
/// that held.
fn reason(m: &SuggestedMeasure, lang: Lang) -> String {
    let missing: Vec<String> = m
        .evidence
        .iter()
        .filter(|e| e.role == EvidenceRole::Trigger && e.op == Op::Missing)
        .map(|e| label(e.metric, lang))
        .collect();
    let mut parts: Vec<String> = Vec::new();
    if !missing.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("尚未掌握{}，诊断缺少基础数据", join(&missing, lang)),
            Lang::En => format!(
                "the {} are not known, so the diagnosis lacks its basic data",
                join(&missing, lang).to_lowercase()
            ),
        });
    }
    let mut current: Option<String> = None;
    let mut conditions: Vec<String> = Vec::new();
    let flush =
        |current: &mut Option<String>, conditions: &mut Vec<String>, parts: &mut Vec<String>| {
            if let Some(c) = current.take() {
                if conditions.is_empty() {
                    parts.push(c);
                } else {
                    parts.push(match lang {
                        Lang::Zh => format!("{c}（同时{}）", conditions.join("，")),
                        Lang::En => format!("{c} (while {})", conditions.join(", ")),
                    });
                }
            }
            conditions.clear();
        };
    for e in &m.evidence {
        match e.role {
            EvidenceRole::Trigger if e.op != Op::Missing => {
                flush(&mut current, &mut conditions, &mut parts);
                let mut s = evidence_with_source(e, lang).unwrap_or_default();
                if e.confidence.is_some_and(|c| c < 1.0) {
                    s.push_str(&partial_data(e.confidence.unwrap_or(1.0), lang));
                }
                current = Some(s);
            }
            EvidenceRole::Trigger => {}
            EvidenceRole::Condition => {
                if let Some(w) = evidence_words(e, lang) {
                    conditions.push(w);
                }
            }
        }
    }
    flush(&mut current, &mut conditions, &mut parts);
    sentence(capitalise(parts.join(lang.pick("；", "; ")), lang), lang)
}

/// 五、需要补充的数据.
pub(crate) fn data_needed(r: &Report, lang: Lang) -> Vec<Block> {
    let mut out = vec![para(t(
        lang,
        "下列数据尚未填写，本工具无法判断相应的对策是否需要。补充调查后重新计算，报告会随之更新。",
        "The data below was not entered, so this tool cannot tell whether the measures it decides are needed. Collect it and run the analysis again; the report follows.",
    ))];
    let title_of = |id: &str| measure_title(id, lang).map(|t| quote_title(&t));
    out.extend(per_cluster(r, lang, |c, _| {
        let mut items = Vec::new();
        if let Some(cm) = cluster_measures(r, c) {
            for need in &cm.data_needed {
                let titles: Vec<String> = need.measures.iter().filter_map(|id| title_of(id)).collect();
                let hint = match (need.metric.unit(), lang) {
                    (Unit::Flag, Lang::Zh) => "（有或无）",
                    (Unit::Flag, Lang::En) => " (yes or no)",
                    (Unit::Judgment, Lang::Zh) => "（1—5 分评价）",
                    (Unit::Judgment, Lang::En) => " (a 1–5 judgement)",
                    (Unit::Share, Lang::Zh) => "（比例）",
                    (Unit::Share, Lang::En) => " (a share)",
                    _ => "",
                };
                let what = format!("{}{hint}", label(need.metric, lang));
                items.push(if titles.is_empty() {
                    what
                } else {
                    match lang {
                        Lang::Zh => format!("{what}：用于判断是否需要{}。", join(&titles, lang)),
                        Lang::En => format!("{what}: decides whether to suggest {}.", join(&titles, lang)),
                    }
                });
            }
        }
        if let Section::Computed(a) = &c.chain {
            if !a.unsurveyed_stages.is_empty() {
                let names: Vec<String> = a.unsurveyed_stages.iter().map(|s| stage_name(a, s, lang)).collect();
                items.push(match lang {
                    Lang::Zh => format!(
                        "产业链尚未调查的环节：{}。填写各环节的本地企业数（没有则填 0）后，才能判断产业链是否完整、企业是否“{}”。",
                        join(&names, lang),
                        Term::ColocatedNotLinked.get(lang)
                    ),
                    Lang::En => format!(
                        "Chain stages not surveyed: {}. Enter each stage's local firms (0 if none) to judge whether the chain is complete and whether the firms are {}.",
                        join(&names, lang),
                        Term::ColocatedNotLinked.get(lang)
                    ),
                });
            }
        }
        if items.is_empty() {
            vec![para(t(
                lang,
                "本报告所用判据需要的数据均已填写。",
                "Every figure the rules of this report read was entered.",
            ))]
        } else {
            vec![Block::Bullets { items }]
        }
    }));
    out
}
