//! The appendix's key tables: the chain's stages, the maturity dimensions, the checklists, the measures and
//! the county's LQ matrix.

use super::words::{pct, stage_name, t};
use super::Table;
use crate::analyze::{Report, Section};
use crate::chain::{StageKind, StageStatus};
use crate::checklists::Status;
use crate::lang::Lang;
use crate::present::format::{number, percent};
use crate::present::glossary::Term;

pub(super) fn tables(r: &Report, lang: Lang) -> Vec<Table> {
    let mut out = Vec::new();
    let mut n = 1;
    let mut caption = |zh: String, en: String| {
        n += 1;
        match lang {
            Lang::Zh => format!("附表 {n}　{zh}"),
            Lang::En => format!("Table A{n}. {en}"),
        }
    };
    for c in &r.clusters {
        if let Section::Computed(a) = &c.chain {
            let rows = a
                .stages
                .iter()
                .map(|s| {
                    vec![
                        stage_name(a, &s.id, lang),
                        match (s.kind, lang) {
                            (StageKind::Final, Lang::Zh) => "最终企业",
                            (StageKind::Intermediate, Lang::Zh) => "中间企业",
                            (StageKind::Service, Lang::Zh) => "服务企业",
                            (StageKind::Final, Lang::En) => "final",
                            (StageKind::Intermediate, Lang::En) => "intermediate",
                            (StageKind::Service, Lang::En) => "service",
                        }
                        .to_string(),
                        s.firms.map_or("—".into(), |f| number(f, 0)),
                        s.share.map_or("—".into(), pct),
                        s.reference_share.map_or("—".into(), pct),
                        match (s.status, lang) {
                            (StageStatus::Present, Lang::Zh) => "有本地企业",
                            (StageStatus::Absent, Lang::Zh) => "经调查没有",
                            (StageStatus::NotSurveyed, Lang::Zh) => "未调查",
                            (StageStatus::Present, Lang::En) => "present",
                            (StageStatus::Absent, Lang::En) => "absent",
                            (StageStatus::NotSurveyed, Lang::En) => "not surveyed",
                        }
                        .to_string(),
                    ]
                })
                .collect();
            let template = super::words::template_name(a, lang).unwrap_or_default();
            out.push(Table {
                caption: caption(
                    format!("{}产业链各环节（{}模板）", c.name, template),
                    format!("Chain stages of {} ({} template)", c.name, template),
                ),
                header: vec![
                    t(lang, "环节", "Stage"),
                    t(lang, "类型", "Kind"),
                    t(lang, "本地企业数", "Local firms"),
                    t(lang, "占比", "Share"),
                    t(lang, "参照结构", "Reference share"),
                    t(lang, "调查结果", "Survey"),
                ],
                rows,
                numeric: vec![false, false, true, true, true, false],
            });
        }
        if let Section::Computed(m) = &c.maturity {
            let rows = m
                .dimensions
                .iter()
                .map(|d| {
                    vec![
                        d.label.get(lang).to_string(),
                        d.score.map_or("—".into(), |s| number(s, 1)),
                        pct(d.weight),
                        format!("{} / {}", d.computable, d.total),
                    ]
                })
                .collect();
            out.push(Table {
                caption: caption(
                    format!("{}{}的各维度", c.name, Term::MaturityIndex.get(lang)),
                    format!(
                        "Dimensions of the {} of {}",
                        Term::MaturityIndex.get(lang),
                        c.name
                    ),
                ),
                header: vec![
                    t(lang, "维度", "Dimension"),
                    t(lang, "得分（0—100）", "Score (0–100)"),
                    t(lang, "权重", "Weight"),
                    t(lang, "有数据的指标", "Indicators with data"),
                ],
                rows,
                numeric: vec![false, true, true, true],
            });
        }
        if let Section::Computed(cl) = &c.checklists {
            for l in cl.lists.iter().filter(|l| l.applicable) {
                let rows = l
                    .criteria
                    .iter()
                    .map(|k| {
                        let fmt = |v: f64| criterion_value(v, &k.unit, lang);
                        let threshold = match k.threshold_max {
                            Some(max) => format!("{}—{}", fmt(k.threshold), fmt(max)),
                            None if k.unit.en == "yes/no" => lang.pick("是", "yes").to_string(),
                            None => fmt(k.threshold),
                        };
                        let status = match (k.status, lang) {
                            (Status::Met, Lang::Zh) => "达标",
                            (Status::NotMet, Lang::Zh) => "未达标",
                            (Status::Unknown, Lang::Zh) => "数据不足",
                            (Status::NotApplicable, Lang::Zh) => "不适用",
                            (Status::Met, Lang::En) => "met",
                            (Status::NotMet, Lang::En) => "not met",
                            (Status::Unknown, Lang::En) => "unknown",
                            (Status::NotApplicable, Lang::En) => "not applicable",
                        };
                        let status = match k.note {
                            Some(note) => format!(
                                "{status}{}",
                                match lang {
                                    Lang::Zh => format!("（{}）", note.text().get(lang)),
                                    Lang::En => format!(" ({})", note.text().get(lang)),
                                }
                            ),
                            None => status.to_string(),
                        };
                        vec![
                            k.text.get(lang).to_string(),
                            k.value.map_or("—".into(), fmt),
                            threshold,
                            status,
                        ]
                    })
                    .collect();
                out.push(Table {
                    caption: caption(
                        format!("{}：{}", c.name, l.name.get(lang)),
                        format!("{}: {}", c.name, l.name.get(lang)),
                    ),
                    header: vec![
                        t(lang, "标准", "Criterion"),
                        t(lang, "本集群", "This cluster"),
                        t(lang, "门槛", "Threshold"),
                        t(lang, "结果", "Result"),
                    ],
                    rows,
                    numeric: vec![false, true, true, false],
                });
            }
        }
    }
    if let Section::Computed(list) = &r.measures {
        let several = list.clusters.len() > 1;
        let mut rows = Vec::new();
        for cm in &list.clusters {
            for (i, m) in cm.measures.iter().enumerate() {
                let mut row = vec![
                    (i + 1).to_string(),
                    m.title.get(lang).to_string(),
                    m.group.label(lang),
                    number(m.priority, 2),
                    percent(m.confidence, 0),
                ];
                if several {
                    row.insert(1, cm.cluster.clone());
                }
                rows.push(row);
            }
        }
        if !rows.is_empty() {
            let mut header = vec![
                t(lang, "序号", "Rank"),
                t(lang, "对策", "Measure"),
                t(lang, "类别", "Area"),
                t(lang, "优先级", "Priority"),
                t(lang, "数据完整度", "Data completeness"),
            ];
            let mut numeric = vec![true, false, false, true, true];
            if several {
                header.insert(1, t(lang, "集群", "Cluster"));
                numeric.insert(1, false);
            }
            out.push(Table {
                caption: caption(
                    "对策建议一览（按优先级）".into(),
                    "Suggested measures by priority".into(),
                ),
                header,
                rows,
                numeric,
            });
        }
    }
    if let Section::Computed(reg) = &r.region {
        let res = &reg.result;
        let mut header = vec![t(lang, "乡镇", "Town")];
        header.extend(res.industries.iter().map(|code| {
            if code == crate::analyze::OTHER {
                t(lang, "其他", "Other")
            } else {
                super::words::industry_name(r, code, lang)
            }
        }));
        let rows = res
            .towns
            .iter()
            .zip(&res.lq)
            .map(|(town, row)| {
                let mut cells = vec![town.clone()];
                cells.extend(row.iter().map(|v| number(*v, 2)));
                cells
            })
            .collect();
        let mut numeric = vec![false];
        numeric.extend(res.industries.iter().map(|_| true));
        out.push(Table {
            caption: caption(
                format!(
                    "{}各乡镇分行业的{}（以全县为参照）",
                    reg.county,
                    Term::LocationQuotient.get(lang)
                ),
                format!(
                    "LQ of each town and industry in {} (against the county)",
                    reg.county
                ),
            ),
            header,
            rows,
            numeric,
        });
    }
    out
}

/// A checklist value in its unit: shares and rates as percentages, yes/no as words, else the number and unit.
pub fn criterion_value(v: f64, unit: &crate::lang::Text, lang: Lang) -> String {
    let en = unit.en.as_str();
    if en.starts_with("share") || en.starts_with("annual rate") {
        return pct(v);
    }
    if en == "yes/no" {
        return if v >= 0.5 {
            lang.pick("是", "yes")
        } else {
            lang.pick("否", "no")
        }
        .to_string();
    }
    let n = if (v - v.round()).abs() < 1e-9 {
        number(v, 0)
    } else {
        number(v, 2)
    };
    let unit_words = match lang {
        Lang::Zh => unit.zh.clone(),
        Lang::En => match en {
            "万元 per 亩 per year" => "× 10,000 yuan per mu a year".into(),
            "万元 per person" => "× 10,000 yuan per person".into(),
            "亿元 (100 million yuan)" => "× 100 million yuan".into(),
            other => other.to_string(),
        },
    };
    format!("{n} {unit_words}")
}
