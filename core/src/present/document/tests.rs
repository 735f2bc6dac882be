//! The report document of every bundled example and of a sparse town, in both languages: the sections in
//! order, Chinese without English or raw ids, numbers rounded, one term for the location quotient, the seed's
//! title, and problems and measures in the seed's own structure.

use super::{build, section_headings, Block, Document};
use crate::analyze::analyze;
use crate::dataset::Dataset;
use crate::lang::Lang;
use crate::present::glossary::latin_ok;

fn example(name: &str) -> Dataset {
    let text = crate::examples::get(name).expect("bundled example");
    Dataset::from_json(text).expect("valid example")
}

/// The Hunan town without its support, environment and judgement answers: most measures cannot be decided.
fn sparse() -> Dataset {
    let text = crate::examples::get("hunan-textile-town").expect("bundled example");
    let mut v: serde_json::Value = serde_json::from_str(text).expect("json");
    if let Some(o) = v.as_object_mut() {
        for k in ["support", "environment", "judgments"] {
            o.remove(k);
        }
    }
    Dataset::from_json(&v.to_string()).expect("still valid")
}

fn towns() -> Vec<(String, Dataset)> {
    let mut out: Vec<(String, Dataset)> = crate::examples::names()
        .into_iter()
        .map(|n| (n.to_string(), example(n)))
        .collect();
    out.push(("sparse".into(), sparse()));
    out
}

/// Numbers printed with more than three decimals ("0.3333").
fn long_decimals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c == '.' && i > 0 && chars[i - 1].is_ascii_digit() {
            let run = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if run > 3 {
                out.push(
                    chars[i.saturating_sub(3)..(i + 1 + run).min(chars.len())]
                        .iter()
                        .collect(),
                );
            }
        }
    }
    out
}

#[test]
fn every_town_reads_cleanly_in_both_languages() {
    for (name, d) in towns() {
        let report = analyze(&d);
        for lang in [Lang::Zh, Lang::En] {
            let doc = build(&report, lang);
            let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
            assert_eq!(headings, section_headings(lang), "{name} {lang:?}");
            let text = doc.plain_text();
            assert!(
                text.contains("《湖南小城镇优化研究》"),
                "{name} {lang:?}: the seed's title"
            );
            assert!(
                !text.contains("湖南小城镇产业集群研究"),
                "{name}: the wrong title"
            );
            assert!(
                long_decimals(&text).is_empty(),
                "{name} {lang:?}: {:?}",
                long_decimals(&text)
            );
            let raw_ref = text
                .match_indices("ch.")
                .any(|(i, _)| text[i + 3..].starts_with(|c: char| c.is_ascii_digit()));
            assert!(!raw_ref, "{name} {lang:?}: a raw chapter reference");
            if lang == Lang::Zh {
                assert!(!text.contains("区位熵"), "{name}: one term for the LQ");
                for line in text.lines() {
                    assert!(latin_ok(line), "{name}: English or a raw id in “{line}”");
                }
            }
        }
    }
}

fn bullets_under(doc: &Document, section: usize, heading_part: &str) -> Vec<String> {
    let mut inside = false;
    let mut out = Vec::new();
    for b in &doc.sections[section].blocks {
        match b {
            Block::Heading { text, .. } => inside = text.contains(heading_part),
            Block::Bullets { items } if inside => out.extend(items.iter().cloned()),
            _ => {}
        }
    }
    out
}

#[test]
fn problems_sit_under_the_seeds_chapter_5_types_with_plain_numbers() {
    let doc = build(&analyze(&example("hunan-textile-town")), Lang::Zh);
    let chain = bullets_under(&doc, 2, "产业价值链断裂");
    assert!(
        chain.iter().any(|p| p.starts_with("产业链不完整")),
        "{chain:?}"
    );
    assert!(
        chain
            .iter()
            .any(|p| p.contains("研发投入强度为 0.36%，低于 1.0%")),
        "{chain:?}"
    );
    let scale = bullets_under(&doc, 2, "缺乏龙头带动");
    assert!(
        scale.iter().any(|p| p.contains("集群还没有一家龙头企业")),
        "{scale:?}"
    );
    assert!(
        scale.iter().any(|p| p.contains("亿元")),
        "money in 亿元: {scale:?}"
    );
    let rooted = bullets_under(&doc, 2, "根植性不强");
    assert!(rooted.iter().any(|p| p.contains("集而不群")), "{rooted:?}");
    // Sources in words, never the catalogue's English.
    assert!(rooted.iter().all(|p| !p.contains("assumption")));
}

#[test]
fn measures_sit_under_the_six_chapter_6_headings_ranked_within_each() {
    let report = analyze(&example("hunan-textile-town"));
    let doc = build(&report, Lang::Zh);
    let headings: Vec<(u8, String)> = doc.sections[3]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.clone())),
            _ => None,
        })
        .collect();
    let six: Vec<&String> = headings
        .iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        six,
        [
            "（一）统一规划，政策支持",
            "（二）强化基础，聚集要素",
            "（三）扶植龙头，培育品牌，提升技术，促进创新",
            "（四）完善社会服务体系，营造文化网络氛围",
            "（五）注重环境友好",
            "（六）理顺产业关系",
        ]
    );
    // Within a heading the priorities go down.
    let mut last: Option<f64> = None;
    for (level, text) in &headings {
        if *level == 2 {
            last = None;
            continue;
        }
        let p: f64 = text
            .split("优先级 ")
            .nth(1)
            .and_then(|r| r.split('，').next())
            .and_then(|n| n.parse().ok())
            .expect("a priority in the measure heading");
        assert!(last.is_none_or(|l| l >= p), "{text}");
        last = Some(p);
    }
    // Every fired measure is there, with its reason.
    let fired = match &report.measures {
        crate::analyze::Section::Computed(m) => m.clusters[0].measures.len(),
        _ => 0,
    };
    let reasons = doc.sections[3]
        .blocks
        .iter()
        .filter(
            |b| matches!(b, Block::Paragraph { lead: Some(l), .. } if l.starts_with("建议理由")),
        )
        .count();
    assert!(fired > 5);
    assert_eq!(reasons, fired);
}

#[test]
fn miit_areas_go_under_technology_and_environment() {
    use crate::measures::{Group, SuggestedMeasure};
    let m = |id: &str| SuggestedMeasure {
        id: id.into(),
        group: Group::MiitCultivation,
        title: crate::lang::Text::new("t", "t"),
        description: crate::lang::Text::new("d", "d"),
        seed_ref: "ch.6 二".into(),
        sources: Vec::new(),
        priority: 0.5,
        confidence: 1.0,
        evidence: Vec::new(),
    };
    assert_eq!(
        super::diagnosis::heading_of(&m("miit.digital_upgrading")),
        2
    );
    assert_eq!(
        super::diagnosis::heading_of(&m("miit.green_transformation")),
        4
    );
}

#[test]
fn the_sparse_town_asks_for_its_missing_data_by_name() {
    let doc = build(&analyze(&sparse()), Lang::Zh);
    let need: Vec<String> = doc.sections[4]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Bullets { items } => Some(items.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(
        need.iter()
            .any(|n| n
                .starts_with("行业协会或商会（有或无）：用于判断是否需要“组建行业协会或同业商会”")),
        "{need:?}"
    );
    assert!(
        need.iter()
            .any(|n| n.starts_with("企业间信任与合作（1—5 分评价）")),
        "{need:?}"
    );
    // Unknown is not a problem: nothing about trust or associations among the problems.
    let problems = doc.sections[2].blocks.iter().filter_map(|b| match b {
        Block::Bullets { items } => Some(items.join("\n")),
        _ => None,
    });
    for p in problems {
        assert!(!p.contains("行业协会") && !p.contains("信任"), "{p}");
    }
}

#[test]
fn each_measure_says_why_it_ranks_where_it_does_and_the_sum_holds() {
    // The rank words restate p = w ×（0.25 + 0.75 × gap）× completeness per rule and 1 − Π(1 − p) over the
    // rules and end on the measure's priority; the evidence carries w, the gap and the completeness, and
    // recomputing from them gives each rule's priority and the measure's exactly.
    for (name, d) in towns() {
        let report = analyze(&d);
        for lang in [Lang::Zh, Lang::En] {
            for view in super::measure_views(&report, lang).unwrap() {
                for item in view.headings.iter().flat_map(|h| h.items.iter()) {
                    let m = report
                        .measures
                        .computed()
                        .unwrap()
                        .clusters
                        .iter()
                        .flat_map(|c| c.measures.iter())
                        .find(|m| m.id == item.id)
                        .unwrap();
                    let total = crate::present::format::number(m.priority, 2);
                    assert!(
                        item.rank.contains(&format!("= {total}")),
                        "{name}: {}",
                        item.rank
                    );
                    let triggers = m
                        .evidence
                        .iter()
                        .filter(|e| e.role == crate::measures::EvidenceRole::Trigger);
                    let mut keep = 1.0;
                    for e in triggers {
                        let (w, s) = (e.weight.unwrap(), e.severity.unwrap());
                        let c = e.confidence.unwrap_or(1.0);
                        let p = w * (0.25 + 0.75 * s) * c;
                        assert!((p - e.priority.unwrap()).abs() < 1e-12, "{name} {}", m.id);
                        keep *= 1.0 - p;
                    }
                    assert!((1.0 - keep - m.priority).abs() < 1e-12, "{name} {}", m.id);
                }
            }
        }
    }
}

#[test]
fn every_reason_for_a_missing_section_reads_without_field_names() {
    // The app and the report show why a section was not computed through plain_reason: the JSON paths the
    // engine keeps in brackets for the CLI are dropped, and what is left still says what is missing.
    let empty = Dataset::from_json(
        r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"空镇"},
            "clusters":[{"name":"空集群"}]}"#,
    )
    .unwrap();
    let mut all = towns();
    all.push(("empty".into(), empty));
    let mut seen = 0;
    for (name, d) in all {
        let report = analyze(&d);
        let json = serde_json::to_value(&report).unwrap();
        let mut reasons = Vec::new();
        collect_reasons(&json, &mut reasons);
        seen += reasons.len();
        for (zh, en) in reasons {
            for (lang, text) in [(Lang::Zh, &zh), (Lang::En, &en)] {
                let plain = super::plain_reason(text, lang);
                assert!(!plain.contains('_'), "{name}: {text} → {plain}");
                // A dotted path such as town.year (e.g. is not one).
                let path = plain
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                    .any(|w| w.split('.').filter(|p| p.len() >= 2).count() >= 2);
                assert!(!path, "{name}: {text} → {plain}");
                assert!(
                    !plain.contains(" ,") && !plain.contains(" ."),
                    "{name}: {plain}"
                );
                assert_ne!(plain, "所需数据未填写", "{name}: {text}");
            }
        }
    }
    assert!(seen > 30, "{seen}");
}

/// Every `"reason": {zh, en}` in a report (sections not computed, the life cycle that cannot be judged).
fn collect_reasons(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(o) => {
            if let Some(r) = o.get("reason").filter(|r| r.get("zh").is_some()) {
                {
                    let get = |k: &str| {
                        r.get(k)
                            .and_then(|s| s.as_str())
                            .unwrap_or_default()
                            .to_string()
                    };
                    out.push((get("zh"), get("en")));
                }
            }
            o.values().for_each(|x| collect_reasons(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_reasons(x, out)),
        _ => {}
    }
}
