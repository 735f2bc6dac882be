//! Small pieces of wording the report's sections share: figures in their units, lists, names of industries and
//! chain stages, and one piece of evidence as a sentence.

use crate::analyze::{Report, Section};
use crate::chain::ChainAssessment;
use crate::lang::Lang;
use crate::measures::{Evidence, Op};
use crate::present::format::{decimals_of, metric_value, money_wan_in, number, people_in, percent};
use crate::present::glossary::latin_ok;
use crate::present::sources;
use crate::report::{Metric, Unit};

/// Picks the text of a language.
pub(crate) fn t(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

/// A share as a percentage with one decimal ("77.3%").
pub(crate) fn pct(v: f64) -> String {
    percent(v, 1)
}

pub(crate) fn money(v: f64, lang: Lang) -> String {
    money_wan_in(v, lang)
}

pub(crate) fn people(v: f64, lang: Lang) -> String {
    people_in(v, lang)
}

/// A count of firms ("5,083 家" / "5,083 firms").
pub(crate) fn firms(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 家", number(v, 0)),
        Lang::En => format!("{} firms", number(v, 0)),
    }
}

/// A title inside quotation marks; quotation marks inside it become single ones (“从‘扎堆’走向‘成群’”).
pub(crate) fn quote_title(s: &str) -> String {
    format!("“{}”", s.replace('“', "‘").replace('”', "’"))
}

/// Joins a list: "甲、乙、丙" / "a, b and c".
pub(crate) fn join(items: &[String], lang: Lang) -> String {
    match (lang, items.len()) {
        (_, 0) => String::new(),
        (Lang::Zh, _) => items.join("、"),
        (Lang::En, 1) => items[0].clone(),
        (Lang::En, n) => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// Ends a Chinese sentence with 。 or an English one with ".", unless it already ends with a stop.
pub(crate) fn sentence(s: String, lang: Lang) -> String {
    let stops: &[char] = match lang {
        Lang::Zh => &['。', '！', '？'],
        Lang::En => &['.', '!', '?'],
    };
    if s.ends_with(stops) {
        s
    } else {
        format!("{s}{}", lang.pick("。", "."))
    }
}

/// The number of the n-th sub-part (from 1): "（一）" / "(1)".
pub(crate) fn sub_number(n: usize, lang: Lang) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match lang {
        Lang::En => format!("({n}) "),
        Lang::Zh => {
            let words = match n {
                0..=9 => DIGITS[n].to_string(),
                10 => "十".into(),
                11..=19 => format!("十{}", DIGITS[n % 10]),
                _ if n % 10 == 0 && n < 100 => format!("{}十", DIGITS[n / 10]),
                _ if n < 100 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
                _ => n.to_string(),
            };
            format!("（{words}）")
        }
    }
}

/// The name of an industry code: the name the user gave it, else its GB/T 4754 division, else the code.
pub(crate) fn industry_name(r: &Report, code: &str, lang: Lang) -> String {
    if let Section::Computed(s) = &r.specialisation {
        for table in [&s.employment, &s.output].into_iter().flatten() {
            if let Some(i) = table.industries.iter().find(|i| i.code == code) {
                return i.name.clone();
            }
        }
    }
    crate::gbt4754::division(code)
        .map(|d| d.name(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// A chain stage's name from its id, in `lang` (ids are never shown).
pub(crate) fn stage_name(chain: &ChainAssessment, id: &str, lang: Lang) -> String {
    chain
        .stages
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.name.get(lang).to_string())
        .unwrap_or_else(|| lang.pick("（未命名环节）", "(unnamed stage)").to_string())
}

/// The name of a chain template.
pub(crate) fn template_name(chain: &ChainAssessment, lang: Lang) -> Option<String> {
    crate::chain::template(&chain.template_id)
        .ok()
        .map(|t| t.name.get(lang).to_string())
}

/// A metric's label, without a unit in brackets where the value printed beside it carries the unit.
pub(crate) fn label(metric: Metric, lang: Lang) -> String {
    let info = metric.info();
    let l = lang.pick(info.zh, info.en);
    let l = l
        .strip_suffix("（万元）")
        .or_else(|| l.strip_suffix(" (10k yuan)"))
        .unwrap_or(l);
    l.to_string()
}

/// The label lowered for use inside an English sentence ("R&D spending / revenue" stays, "Logistics services"
/// becomes "logistics services").
pub(crate) fn label_in_sentence(metric: Metric, lang: Lang) -> String {
    let l = label(metric, lang);
    if lang == Lang::Zh {
        return l;
    }
    let l = l.replace("亩", "mu");
    let mut chars = l.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase() => {
            format!("{}{}", a.to_ascii_lowercase(), &l[1..])
        }
        _ => l,
    }
}

/// A metric's value and a threshold, each in the metric's unit, with enough decimals (at most three) that a
/// value which is past the threshold does not print the same as the threshold.
pub(crate) fn value_pair(metric: Metric, v: f64, threshold: f64, lang: Lang) -> (String, String) {
    let unit = metric.unit();
    if unit == Unit::Judgment {
        let j = |x: f64| match lang {
            Lang::Zh => format!("{} 分", number(x, 1)),
            Lang::En => format!("{} (of 5)", number(x, 1)),
        };
        return (j(v), j(threshold));
    }
    let first = (
        metric_text(metric, v, lang),
        metric_value(metric, threshold, lang),
    );
    if first.0 != first.1 || (v - threshold).abs() < 1e-12 {
        return first;
    }
    // Only the value gains decimals: the threshold reads as the catalogue wrote it.
    let percent_like = matches!(unit, Unit::Share | Unit::Rate);
    let start = if percent_like { 1 } else { decimals_of(unit) };
    for d in start + 1..=3 {
        let a = if percent_like {
            let suffix = match (unit, lang) {
                (Unit::Rate, Lang::Zh) => "/年",
                (Unit::Rate, Lang::En) => "/yr",
                _ => "",
            };
            format!("{}{suffix}", percent(v, d))
        } else {
            let text = metric_value(metric, v, lang);
            let plain = number(v, decimals_of(unit));
            text.replacen(&plain, &number(v, d), 1)
        };
        if a != first.1 {
            return (a, first.1);
        }
    }
    first
}

/// A metric's value in its unit, as [`metric_value`] prints it, with a little more precision where that
/// would hide the figure: shares under 10 % with two decimals (0.36 %, not 0.4 %), patents per 100 firms
/// with one.
pub(crate) fn metric_text(metric: Metric, v: f64, lang: Lang) -> String {
    match metric.unit() {
        Unit::Share if v.abs() < 0.1 && v != 0.0 => percent(v, 2),
        _ if metric == Metric::InnovationValidPatentsPer100Firms => match lang {
            Lang::Zh => format!("{} 件", number(v, 1)),
            Lang::En => number(v, 1),
        },
        _ => metric_value(metric, v, lang),
    }
}

/// The comparison in words: "低于" / "below".
fn op_words(op: Op, lang: Lang) -> &'static str {
    match (op, lang) {
        (Op::Lt, Lang::Zh) => "低于",
        (Op::Le, Lang::Zh) => "不高于",
        (Op::Gt, Lang::Zh) => "高于",
        (Op::Ge, Lang::Zh) => "不低于",
        (Op::Lt, Lang::En) => "below",
        (Op::Le, Lang::En) => "at most",
        (Op::Gt, Lang::En) => "above",
        (Op::Ge, Lang::En) => "at least",
        (Op::Eq, _) | (Op::Missing, _) => "",
    }
}

/// What a fired rule or a condition says, in words, without its source: "研发投入强度为 0.97%，低于 1.0%",
/// "没有行业协会或商会", "尚未掌握集群产值". `None` for a comparison with no value (which cannot happen for a
/// fired rule).
pub(crate) fn evidence_words(e: &Evidence, lang: Lang) -> Option<String> {
    let m = e.metric;
    let name = label_in_sentence(m, lang);
    if e.op == Op::Missing {
        return Some(match lang {
            Lang::Zh => format!("尚未掌握{name}"),
            Lang::En => format!("{name}: not known"),
        });
    }
    let v = e.value?;
    if e.op == Op::Eq {
        let yes = v >= 0.5;
        return Some(match (m, yes, lang) {
            (Metric::ChainColocatedNotLinked, true, Lang::Zh) => {
                "企业“集而不群”：在地域上集中，却没有沿产业链形成分工协作".into()
            }
            (Metric::ChainColocatedNotLinked, true, Lang::En) => {
                "firms are co-located but not linked: they crowd together without dividing the work along the chain".into()
            }
            (Metric::ChainDesignStage, true, Lang::Zh) => "产业链有设计环节".into(),
            (Metric::ChainDesignStage, true, Lang::En) => "the chain has a design stage".into(),
            (_, false, Lang::Zh) if m.unit() == Unit::Flag => format!("没有{name}"),
            (_, false, Lang::En) if m.unit() == Unit::Flag => format!("no {name}"),
            (_, true, Lang::Zh) if m.unit() == Unit::Flag => format!("有{name}"),
            (_, true, Lang::En) if m.unit() == Unit::Flag => format!("there is a {name}"),
            (_, _, Lang::Zh) => format!("{name}为 {}", metric_text(m, v, lang)),
            (_, _, Lang::En) => format!("{name}: {}", metric_text(m, v, lang)),
        });
    }
    let (vs, ts) = value_pair(m, v, e.threshold, lang);
    let op = op_words(e.op, lang);
    Some(match (m, lang) {
        (Metric::FirmsLeadingCount, Lang::Zh) if v < 0.5 && e.threshold <= 1.0 => {
            "集群还没有一家龙头企业".into()
        }
        (Metric::FirmsLeadingCount, Lang::En) if v < 0.5 && e.threshold <= 1.0 => {
            "the cluster has no leading firm".into()
        }
        (Metric::BrandFamousBrands, Lang::Zh) if v < 0.5 && e.threshold <= 1.0 => {
            "还没有省级以上知名品牌".into()
        }
        (Metric::BrandFamousBrands, Lang::En) if v < 0.5 && e.threshold <= 1.0 => {
            "there is no provincial or national famous brand".into()
        }
        (_, Lang::Zh) => format!("{name}为 {vs}，{op} {ts}"),
        (_, Lang::En) => format!("{name}: {vs}, {op} {ts}"),
    })
}

/// A piece of evidence with where its threshold comes from: "…，低于 1.0%——判据为本工具设定的假设值".
pub(crate) fn evidence_with_source(e: &Evidence, lang: Lang) -> Option<String> {
    let words = evidence_words(e, lang)?;
    if e.op == Op::Missing {
        return Some(words);
    }
    let src = sources::source(&e.threshold_source, lang);
    Some(match lang {
        Lang::Zh => format!("{words}——判据为{src}"),
        Lang::En => format!("{words} — threshold: {src}"),
    })
}

/// A threshold in words for the appendix: "< 1.0%", "= 无", "未掌握".
pub(crate) fn threshold_words(metric: Metric, op: Op, threshold: f64, lang: Lang) -> String {
    match op {
        Op::Missing => t(lang, "数据缺失", "not known"),
        Op::Eq if metric.unit() == Unit::Flag => metric_value(metric, threshold, lang),
        _ => {
            let v = if metric.unit() == Unit::Judgment {
                value_pair(metric, threshold, threshold, lang).1
            } else {
                metric_value(metric, threshold, lang)
            };
            format!("{} {v}", op.symbol())
        }
    }
}

/// A reason the engine gives for a section it did not compute, without the JSON field names it puts in
/// brackets for the app's form ("未提供投入产出表（io_table）" → "未提供投入产出表").
pub fn plain_reason(reason: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut rest = reason;
    while let Some(open) = rest.find(['（', '(']) {
        let (before, from) = rest.split_at(open);
        let close_char = if from.starts_with('（') { '）' } else { ')' };
        let Some(close) = from.find(close_char) else {
            break;
        };
        let inner = &from[from.chars().next().map_or(1, char::len_utf8)..close];
        out.push_str(before);
        // Field paths, alone or joined by 或 / 和 / 、 / or / and ("chain_template 或 custom_template").
        let joined = inner
            .replace(['或', '和', '、'], " ")
            .replace(" or ", " ")
            .replace(" and ", " ");
        let is_field = !inner.is_empty()
            && joined
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.[]-, ".contains(c));
        rest = &from[close + close_char.len_utf8()..];
        if is_field {
            // "no scenarios (scenarios), e.g." → "no scenarios, e.g.": no space left before punctuation.
            if rest.starts_with([',', '.', ';', ':', ')']) || rest.is_empty() {
                let trimmed = out.trim_end_matches(' ').len();
                out.truncate(trimmed);
            }
        } else {
            out.push_str(&from[..close + close_char.len_utf8()]);
        }
    }
    out.push_str(rest);
    let out = crate::present::sources::cite_in_text(out.trim(), lang);
    if lang == Lang::Zh && !latin_ok(&out) {
        // A field name outside brackets: say only that the data is missing.
        return "所需数据未填写".into();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::EvidenceRole;

    fn ev(metric: Metric, value: f64, op: Op, threshold: f64) -> Evidence {
        Evidence {
            metric,
            value: Some(value),
            op,
            threshold,
            threshold_source: "assumption (1 % of revenue)".into(),
            role: EvidenceRole::Trigger,
            priority: Some(0.5),
            confidence: None,
            weight: Some(0.5),
            severity: Some(0.0),
        }
    }

    #[test]
    fn a_value_past_its_threshold_never_prints_as_the_threshold() {
        let e = ev(Metric::InnovationRdIntensity, 0.00966, Op::Lt, 0.01);
        assert_eq!(
            evidence_with_source(&e, Lang::Zh).as_deref(),
            Some("研发投入强度为 0.97%，低于 1.0%——判据为本工具设定的假设值（营业收入的 1%）")
        );
        let (a, b) = value_pair(Metric::LqClusterEmployment, 0.9999, 1.0, Lang::Zh);
        assert_ne!(a, b);
    }

    #[test]
    fn flags_and_judgments_read_as_words() {
        let e = ev(Metric::SupportDesignService, 0.0, Op::Eq, 0.0);
        assert_eq!(
            evidence_words(&e, Lang::Zh).as_deref(),
            Some("没有技术开发与设计服务机构")
        );
        let e = ev(Metric::JudgmentTrust, 2.0, Op::Le, 2.0);
        assert_eq!(
            evidence_words(&e, Lang::Zh).as_deref(),
            Some("企业间信任与合作为 2.0 分，不高于 2.0 分")
        );
        let e = ev(Metric::FirmsLeadingCount, 0.0, Op::Lt, 1.0);
        assert_eq!(
            evidence_words(&e, Lang::En).as_deref(),
            Some("the cluster has no leading firm")
        );
    }

    #[test]
    fn reasons_lose_their_field_names() {
        assert_eq!(
            plain_reason("未提供投入产出表（io_table）", Lang::Zh),
            "未提供投入产出表"
        );
        assert_eq!(
            plain_reason("no input–output table (io_table)", Lang::En),
            "no input–output table"
        );
        assert_eq!(
            plain_reason("缺少（town.employed）数据", Lang::Zh),
            "缺少数据"
        );
    }
}
