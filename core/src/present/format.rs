//! Number formatting the way Chinese statistics print numbers: the one formatter of every front end (the
//! app's views, the CLI text, the exports and the printed report). Presentation only: nothing is computed here.

use crate::lang::Lang;
use crate::report::{Metric, Unit};

/// Columns a text takes in a terminal or a table cell: two for each CJK ideograph, full-width form and CJK
/// punctuation mark, one for anything else. The plain-text tables and the Word file's column widths use it.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// Formats with `decimals` places and thousands separators; never prints NaN or infinity (shows "—").
pub fn number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(a, b)| (a, Some(b)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if v < 0.0 && s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Money given in 万元, printed as Chinese statistics print it: 亿元 from 1 亿 up, else 万元, one decimal.
/// English keeps the Chinese units' size and names them in words (100 million yuan, 10,000 yuan).
pub fn money_wan_in(v: f64, lang: Lang) -> String {
    match (lang, v.abs() >= 10_000.0) {
        (Lang::Zh, true) => format!("{} 亿元", number(v / 10_000.0, 1)),
        (Lang::Zh, false) => format!("{} 万元", number(v, 1)),
        (Lang::En, true) => format!("{} × 100 million yuan", number(v / 10_000.0, 1)),
        (Lang::En, false) => format!("{} × 10,000 yuan", number(v, 1)),
    }
}

/// [`money_wan_in`] in Chinese.
pub fn money_wan(v: f64) -> String {
    money_wan_in(v, Lang::Zh)
}

/// Persons, printed in 万人 (one decimal) from ten thousand up, else in 人 (English: persons).
pub fn people_in(v: f64, lang: Lang) -> String {
    match (lang, v.abs() >= 10_000.0) {
        (Lang::Zh, true) => format!("{} 万人", number(v / 10_000.0, 1)),
        (Lang::Zh, false) => format!("{} 人", number(v, 0)),
        (Lang::En, _) => format!("{} persons", number(v, 0)),
    }
}

/// [`people_in`] in Chinese.
pub fn people(v: f64) -> String {
    people_in(v, Lang::Zh)
}

/// A share 0..1 as a percentage with `decimals` places ("95.0%").
pub fn percent(share: f64, decimals: usize) -> String {
    if !share.is_finite() {
        return "—".into();
    }
    format!("{}%", number(share * 100.0, decimals))
}

/// The decimals a metric's value is shown with, by its unit: counts as integers, shares and rates as
/// percentages with one decimal, scores with one, ratios with two.
pub fn decimals_of(unit: Unit) -> usize {
    match unit {
        Unit::Persons
        | Unit::Firms
        | Unit::Brands
        | Unit::Patents
        | Unit::Stages
        | Unit::Count
        | Unit::Code
        | Unit::Flag => 0,
        Unit::Share | Unit::Rate | Unit::Score | Unit::WanYuan | Unit::WanYuanPerMu => 1,
        Unit::WanYuanPerPerson | Unit::YiYuan | Unit::Ratio | Unit::Judgment => 2,
    }
}

/// A metric's value in words and figures, in its unit: "95.0%", "3 家", "1.23", "是/否" for flags.
pub fn metric_value(metric: Metric, v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let unit = metric.unit();
    let n = |d: usize| number(v, d);
    match (unit, lang) {
        (Unit::Share, _) => percent(v, 1),
        (Unit::Rate, Lang::Zh) => format!("{}%/年", number(v * 100.0, 1)),
        (Unit::Rate, Lang::En) => format!("{}%/yr", number(v * 100.0, 1)),
        (Unit::Flag, Lang::Zh) => if v >= 0.5 { "有" } else { "无" }.to_string(),
        (Unit::Flag, Lang::En) => if v >= 0.5 { "yes" } else { "no" }.to_string(),
        (Unit::Persons, _) => people_in(v, lang),
        (Unit::WanYuan, _) => money_wan_in(v, lang),
        (Unit::YiYuan, _) => money_wan_in(v * 10_000.0, lang),
        (Unit::WanYuanPerMu, Lang::Zh) => format!("{} 万元/亩", n(1)),
        (Unit::WanYuanPerMu, Lang::En) => format!("{} × 10,000 yuan per mu", n(1)),
        (Unit::WanYuanPerPerson, Lang::Zh) => format!("{} 万元/人", n(2)),
        (Unit::WanYuanPerPerson, Lang::En) => format!("{} × 10,000 yuan per person", n(2)),
        (Unit::Firms, Lang::Zh) => format!("{} 家", n(0)),
        (Unit::Firms, Lang::En) => format!("{} firms", n(0)),
        (Unit::Brands, Lang::Zh) => format!("{} 个", n(0)),
        (Unit::Patents, Lang::Zh) => format!("{} 件", n(0)),
        (Unit::Stages, Lang::Zh) => format!("{} 个环节", n(0)),
        (Unit::Stages, Lang::En) => format!("{} stages", n(0)),
        (Unit::Count, Lang::Zh) => format!("{} 个", n(0)),
        (Unit::Score, Lang::Zh) => format!("{} 分", n(1)),
        (u, _) => n(decimals_of(u)),
    }
}

/// A metric's value as a bare number (no unit words), with the decimals of its unit; shares and rates as
/// percentages. For table cells whose header names the unit.
pub fn metric_number(metric: Metric, v: f64) -> String {
    match metric.unit() {
        Unit::Share | Unit::Rate => percent(v, 1),
        u => number(v, decimals_of(u)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_people_in_chinese_units() {
        assert_eq!(money_wan(150_000.0), "15.0 亿元");
        assert_eq!(money_wan(4_200.0), "4,200.0 万元");
        assert_eq!(people(6_000.0), "6,000 人");
        assert_eq!(people(88_000.0), "8.8 万人");
        assert_eq!(money_wan(f64::NAN), "— 万元");
        assert_eq!(money_wan_in(150_000.0, Lang::En), "15.0 × 100 million yuan");
    }

    #[test]
    fn groups_thousands_and_rounds() {
        assert_eq!(number(1234567.891, 1), "1,234,567.9");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-0.0001, 2), "0.00");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
        assert_eq!(number(f64::NAN, 2), "—");
    }

    #[test]
    fn metrics_print_in_their_units() {
        assert_eq!(
            metric_value(Metric::ChainCompleteness, 0.455, Lang::Zh),
            "45.5%"
        );
        assert_eq!(metric_value(Metric::FirmsCount, 3.0, Lang::Zh), "3 家");
        assert_eq!(metric_value(Metric::SupportFinance, 1.0, Lang::Zh), "有");
        assert_eq!(metric_value(Metric::SupportFinance, 0.0, Lang::En), "no");
        assert_eq!(
            metric_value(Metric::GrowthOutputCagr, -0.15, Lang::Zh),
            "-15.0%/年"
        );
        assert_eq!(
            metric_value(Metric::LqClusterEmployment, 4.953, Lang::Zh),
            "4.95"
        );
        assert_eq!(metric_number(Metric::ConcentrationCr4, 0.128), "12.8%");
    }
}
