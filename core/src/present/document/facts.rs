//! 一、基本情况 and 二、主要特点: the town, its industries and clusters in sentences with their figures.

use super::words::{firms, industry_name, join, money, pct, people, sentence, sub_number, t};
use super::{heading, lead, para, Bar, BarChart, Block, Table};
use crate::analyze::{ClusterReport, IndustryLq, LqTable, Report, Section};
use crate::lang::Lang;
use crate::methods::location_quotient::LqBand;
use crate::present::format::number;
use crate::present::glossary::Term;

/// An LQ band in words.
pub(crate) fn band_words(b: LqBand, lang: Lang) -> &'static str {
    match (b, lang) {
        (LqBand::SelfSufficient, Lang::Zh) => "自给性部门",
        (LqBand::Specialised, Lang::Zh) => "专业化部门",
        (LqBand::ClearAdvantage, Lang::Zh) => "比较优势明显",
        (LqBand::SelfSufficient, Lang::En) => "self-sufficient",
        (LqBand::Specialised, Lang::En) => "specialised",
        (LqBand::ClearAdvantage, Lang::En) => "clear advantage",
    }
}

pub(super) fn band_rule(b: LqBand, lang: Lang) -> &'static str {
    match (b, lang) {
        (LqBand::SelfSufficient, Lang::Zh) => "区位商不大于 1，尚未形成专业化优势",
        (LqBand::Specialised, Lang::Zh) => "区位商在 1 到 2 之间",
        (LqBand::ClearAdvantage, Lang::Zh) => "区位商大于 2",
        (LqBand::SelfSufficient, Lang::En) => "an LQ of 1 or less: no specialisation yet",
        (LqBand::Specialised, Lang::En) => "an LQ between 1 and 2",
        (LqBand::ClearAdvantage, Lang::En) => "an LQ above 2",
    }
}

pub(super) fn lq(v: f64) -> String {
    number(v, 2)
}

/// The industry table the LQ sections read: employment, else output.
fn main_table(r: &Report) -> Option<&LqTable> {
    let s = r.specialisation.computed()?;
    s.employment.as_ref().or(s.output.as_ref())
}

/// 一、基本情况.
pub(crate) fn basic_facts(r: &Report, lang: Lang) -> Vec<Block> {
    let mut out = vec![para(town_paragraph(r, lang))];
    out.extend(industries(r, lang));
    for c in &r.clusters {
        out.push(para(cluster_paragraph(r, c, lang)));
    }
    if r.clusters.is_empty() {
        out.push(para(t(
            lang,
            "数据中尚未划定产业集群，以下只分析全镇的产业结构。",
            "No cluster is defined in the data; what follows covers the town's industries only.",
        )));
    }
    if let Section::Computed(reg) = &r.region {
        let res = &reg.result;
        let county_total: f64 = res.town_totals.iter().sum();
        let own = res
            .towns
            .iter()
            .position(|x| *x == reg.study_town)
            .and_then(|i| res.town_totals.get(i))
            .copied();
        let mut s = match lang {
            Lang::Zh => format!("在{}参与比较的 {} 个乡镇中", reg.county, res.towns.len()),
            Lang::En => format!(
                "Among the {} towns of {} compared",
                res.towns.len(),
                reg.county
            ),
        };
        if let Some(o) = own.filter(|_| county_total > 0.0) {
            s.push_str(&match lang {
                Lang::Zh => format!(
                    "，{}就业 {}，占全县的 {}",
                    reg.study_town,
                    people(o, lang),
                    pct(o / county_total)
                ),
                Lang::En => format!(
                    ", {} employs {}, {} of the county",
                    reg.study_town,
                    people(o, lang),
                    pct(o / county_total)
                ),
            });
        }
        s.push_str(lang.pick(
            "；各乡镇分行业的区位商见附表。",
            "; the LQ of each town and industry is in the appendix tables.",
        ));
        out.push(para(s));
    }
    out
}

fn town_paragraph(r: &Report, lang: Lang) -> String {
    let town = &r.town;
    let mut parts: Vec<String> = Vec::new();
    let place: String = [town.province.as_deref(), town.county.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(lang.pick("", ", "));
    let mut first = match (lang, place.is_empty()) {
        (Lang::Zh, false) => format!("{}位于{place}", town.name),
        (Lang::Zh, true) => town.name.clone(),
        (Lang::En, false) => format!("{} lies in {place}", town.name),
        (Lang::En, true) => town.name.clone(),
    };
    if let Some(a) = town.area_km2 {
        first.push_str(&match lang {
            Lang::Zh => format!("，镇域面积 {} 平方公里", number(a, 0)),
            Lang::En => format!(", with an area of {} km²", number(a, 0)),
        });
    }
    parts.push(first);
    if let Some(p) = town.population {
        parts.push(match lang {
            Lang::Zh => format!("总人口 {}", people(p, lang)),
            Lang::En => format!("a population of {}", people(p, lang)),
        });
    }
    if let Some(l) = town.labour_force {
        parts.push(match lang {
            Lang::Zh => format!("劳动力 {}", people(l, lang)),
            Lang::En => format!("a labour force of {}", people(l, lang)),
        });
    }
    if let Some(e) = town.employment_total {
        let basis = match (town.employment_total_basis.as_str(), lang) {
            ("sum of industries", Lang::Zh) => "（按各行业就业之和）",
            ("sum of industries", Lang::En) => " (the sum of the industries)",
            _ => "",
        };
        parts.push(match (town.year, lang) {
            (Some(y), Lang::Zh) => format!("{y} 年全镇就业 {}{basis}", people(e, lang)),
            (None, Lang::Zh) => format!("全镇就业 {}{basis}", people(e, lang)),
            (Some(y), Lang::En) => format!("{} employed in {y}{basis}", people(e, lang)),
            (None, Lang::En) => format!("{} employed{basis}", people(e, lang)),
        });
    }
    let mut text = sentence(parts.join(lang.pick("，", ", ")), lang);
    let mut second: Vec<String> = Vec::new();
    if let Some(g) = town.gdp_total {
        let mut s = match lang {
            Lang::Zh => format!("地区生产总值 {}", money(g, lang)),
            Lang::En => format!("GDP is {}", money(g, lang)),
        };
        if let Some([a, b, c]) = town.gdp_structure {
            s.push_str(&match lang {
                Lang::Zh => format!(
                    "，三次产业结构为 {} : {} : {}",
                    number(a * 100.0, 1),
                    number(b * 100.0, 1),
                    number(c * 100.0, 1)
                ),
                Lang::En => format!(
                    ", split {} : {} : {} between the primary, secondary and tertiary sectors (%)",
                    number(a * 100.0, 1),
                    number(b * 100.0, 1),
                    number(c * 100.0, 1)
                ),
            });
        }
        second.push(s);
    }
    if let Some(o) = town.output_total {
        second.push(match lang {
            Lang::Zh => format!(
                "所填 {} 个行业的产值合计 {}",
                town.industries,
                money(o, lang)
            ),
            Lang::En => format!(
                "the {} industries entered produce {}",
                town.industries,
                money(o, lang)
            ),
        });
    }
    if let Some(s) = town.rural_surplus_labour {
        second.push(match lang {
            Lang::Zh => format!("农村富余劳动力约 {}", people(s, lang)),
            Lang::En => format!("the town has about {} surplus rural workers", number(s, 0)),
        });
    }
    if let Some(p) = town.private_investment_share {
        second.push(match lang {
            Lang::Zh => format!("城镇建设投资中民间投资占 {}", pct(p)),
            Lang::En => format!(
                "private money makes {} of town construction investment",
                pct(p)
            ),
        });
    }
    if !second.is_empty() {
        let joined = second.join(lang.pick("；", "; "));
        let joined = match lang {
            Lang::En => {
                let mut c = joined.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            }
            Lang::Zh => joined,
        };
        text.push_str(lang.pick("", " "));
        text.push_str(&sentence(joined, lang));
    }
    text
}

/// The industries: the largest in a sentence, then the table and the LQ chart.
fn industries(r: &Report, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    let spec = match &r.specialisation {
        Section::Computed(s) => s,
        Section::NotComputed { reason } => {
            out.push(para(sentence(
                format!(
                    "{}{}",
                    lang.pick(
                        "未计算各行业的区位商：",
                        "The industries' LQs were not computed: "
                    ),
                    super::words::plain_reason(reason.get(lang), lang)
                ),
                lang,
            )));
            return out;
        }
    };
    let emp = spec.employment.as_ref();
    let outp = spec.output.as_ref();
    if let Some(e) = emp {
        let mut by_size: Vec<&IndustryLq> = e.industries.iter().collect();
        by_size.sort_by(|a, b| b.value.total_cmp(&a.value));
        let top: Vec<String> = by_size
            .iter()
            .take(3)
            .map(|i| {
                let share = if e.local_total > 0.0 {
                    format!(
                        "{}{}",
                        lang.pick("，占 ", ", "),
                        pct(i.value / e.local_total)
                    )
                } else {
                    String::new()
                };
                match lang {
                    Lang::Zh => format!("{}（{}{share}）", i.name, people(i.value, lang)),
                    Lang::En => format!("{} ({}{share})", i.name, people(i.value, lang)),
                }
            })
            .collect();
        if !top.is_empty() {
            out.push(para(sentence(
                match lang {
                    Lang::Zh => format!("按就业人数，全镇规模最大的行业是{}", join(&top, lang)),
                    Lang::En => format!(
                        "By employment the largest industries are {}",
                        join(&top, lang)
                    ),
                },
                lang,
            )));
        }
    }
    // The table: every industry with an LQ, by employment (else output), largest first.
    let mut codes: Vec<(String, f64)> = Vec::new();
    for table in [emp, outp].into_iter().flatten() {
        for i in &table.industries {
            if !codes.iter().any(|(c, _)| *c == i.code) {
                codes.push((i.code.clone(), i.value));
            }
        }
    }
    codes.sort_by(|a, b| b.1.total_cmp(&a.1));
    if codes.is_empty() {
        return out;
    }
    let in_yi = outp.is_some_and(|o| o.industries.iter().any(|i| i.value >= 10_000.0));
    let find = |tb: Option<&LqTable>, code: &str| {
        tb.and_then(|x| x.industries.iter().find(|i| i.code == code).cloned())
    };
    let small_mark = lang.pick("（就业少，仅供参考）", " (few jobs: indicative)");
    let mut rows = Vec::new();
    for (code, _) in &codes {
        let (e, o) = (find(emp, code), find(outp, code));
        let band = e.as_ref().or(o.as_ref()).map(|i| {
            format!(
                "{}{}",
                band_words(i.band, lang),
                if i.small { small_mark } else { "" }
            )
        });
        let output = o.as_ref().map(|i| {
            if in_yi {
                number(i.value / 10_000.0, 2)
            } else {
                number(i.value, 1)
            }
        });
        rows.push(vec![
            code.clone(),
            industry_name(r, code, lang),
            e.as_ref().map_or("—".into(), |i| number(i.value, 0)),
            output.unwrap_or_else(|| "—".into()),
            e.as_ref().map_or("—".into(), |i| lq(i.lq)),
            o.as_ref().map_or("—".into(), |i| lq(i.lq)),
            band.unwrap_or_else(|| "—".into()),
        ]);
    }
    let output_header = match (lang, in_yi) {
        (Lang::Zh, true) => "产值（亿元）",
        (Lang::Zh, false) => "产值（万元）",
        (Lang::En, true) => "Output (100 million yuan)",
        (Lang::En, false) => "Output (10,000 yuan)",
    };
    let lq_term = Term::LocationQuotient.get(lang);
    out.push(Block::Table(Table {
        caption: match lang {
            Lang::Zh => format!(
                "表 1　各行业就业、产值与{lq_term}（参照区域：{}）",
                spec.reference
            ),
            Lang::En => format!(
                "Table 1. Employment, output and {lq_term}s by industry (reference: {})",
                spec.reference
            ),
        },
        header: vec![
            t(lang, "代码", "Code"),
            t(lang, "行业", "Industry"),
            t(lang, "就业（人）", "Employment (persons)"),
            output_header.into(),
            t(lang, "就业区位商", "Employment LQ"),
            t(lang, "产值区位商", "Output LQ"),
            t(lang, "分档", "Band"),
        ],
        rows,
        numeric: vec![false, false, true, true, true, true, false],
    }));
    // A measure without figures (no output given, or no employment) is left out rather than shown as dashes.
    if let Some(Block::Table(table)) = out.last_mut() {
        let mut drop: Vec<usize> = Vec::new();
        if outp.is_none() {
            drop.extend([3, 5]);
            table.caption = table
                .caption
                .replace("就业、产值与", "就业与")
                .replace("Employment, output and", "Employment and");
        }
        if emp.is_none() {
            drop.extend([2, 4]);
        }
        drop.sort_unstable();
        for &c in drop.iter().rev() {
            table.header.remove(c);
            table.numeric.remove(c);
            for row in &mut table.rows {
                row.remove(c);
            }
        }
    }
    if let Some(tb) = emp.or(outp) {
        let mut bars: Vec<Bar> = tb
            .industries
            .iter()
            .map(|i| Bar {
                label: i.name.clone(),
                value: i.lq,
                text: lq(i.lq),
            })
            .collect();
        bars.sort_by(|a, b| b.value.total_cmp(&a.value));
        let basis = if emp.is_some() {
            lang.pick("就业", "employment")
        } else {
            lang.pick("产值", "output")
        };
        out.push(Block::Chart(BarChart {
            caption: match lang {
                Lang::Zh => format!("各行业{basis}区位商（大于 1 为专业化部门）"),
                Lang::En => format!("LQ by industry ({basis}; above 1: specialised)"),
            },
            bars,
            reference: Some((1.0, t(lang, "区位商 = 1", "LQ = 1"))),
            scale_max: None,
        }));
    }
    out
}

fn cluster_paragraph(r: &Report, c: &ClusterReport, lang: Lang) -> String {
    let names: Vec<String> = c
        .industries
        .iter()
        .map(|code| industry_name(r, code, lang))
        .collect();
    let tot = &c.totals;
    let mut parts = vec![match lang {
        Lang::Zh => format!(
            "{}包括 {} 个行业（{}）",
            c.name,
            c.industries.len(),
            join(&names, lang)
        ),
        Lang::En => format!(
            "The cluster {} spans {} industries ({})",
            c.name,
            c.industries.len(),
            join(&names, lang)
        ),
    }];
    if let Some(f) = tot.firms {
        parts.push(match lang {
            Lang::Zh => format!("有企业 {}", firms(f, lang)),
            Lang::En => format!("has {}", firms(f, lang)),
        });
    }
    if let Some(e) = tot.employment {
        let share = tot
            .employment_share
            .map(|s| format!("{}{}", lang.pick("，占全镇就业的 ", ", "), pct(s)))
            .unwrap_or_default();
        let of_town = if tot.employment_share.is_some() && lang == Lang::En {
            " of the town's jobs"
        } else {
            ""
        };
        parts.push(match lang {
            Lang::Zh => format!("就业 {}{share}", people(e, lang)),
            Lang::En => format!("employs {}{share}{of_town}", people(e, lang)),
        });
    }
    if let Some(o) = tot.output {
        let share = tot
            .output_share
            .map(|s| match lang {
                Lang::Zh => format!("，占所填行业产值的 {}", pct(s)),
                Lang::En => format!(", {} of the output of the industries entered", pct(s)),
            })
            .unwrap_or_default();
        parts.push(match lang {
            Lang::Zh => format!("产值 {}{share}", money(o, lang)),
            Lang::En => format!("and produces {}{share}", money(o, lang)),
        });
    }
    let mut text = sentence(parts.join(lang.pick("，", ", ")), lang);
    text.push_str(lang.pick("", " "));
    text.push_str(&type_sentence(c, lang));
    text
}

/// The cluster's type among the seed's four (ch.6 一) and how it was decided, as a sentence.
pub(crate) fn type_sentence(c: &ClusterReport, lang: Lang) -> String {
    use crate::typology::TypeBasis;
    let chapter = crate::present::glossary::seed_chapter("ch.6 一", lang);
    let Some(kind) = c.typology.kind else {
        return match lang {
            Lang::Zh => format!(
                "按{chapter}的四种集群类型，这个集群的类型未定（没有填写，产业链模板和所含行业也不能判断），各项对策都按适用考虑。"
            ),
            Lang::En => format!(
                "Of the four cluster types of {chapter}, this cluster's is not settled (not entered, and neither its chain template nor its industries tell), so every measure is considered."
            ),
        };
    };
    let basis = match (c.typology.basis, lang) {
        (Some(TypeBasis::Declared), Lang::Zh) => "由调查者填写".to_string(),
        (Some(TypeBasis::Declared), Lang::En) => "as entered".to_string(),
        (Some(TypeBasis::Template), _) => {
            let name = c
                .chain
                .computed()
                .and_then(|ch| super::words::template_name(ch, lang))
                .or_else(|| c.typology.template.clone())
                .unwrap_or_default();
            match lang {
                Lang::Zh => format!("依产业链模板“{name}”"),
                Lang::En => format!("from the chain template “{name}”"),
            }
        }
        (Some(TypeBasis::Codes) | None, Lang::Zh) => "依所含行业的代码".to_string(),
        (Some(TypeBasis::Codes) | None, Lang::En) => "from its industry codes".to_string(),
    };
    match lang {
        Lang::Zh => format!(
            "按{chapter}的四种集群类型，属{}（{basis}），对策按这一类型取舍。",
            kind.label().get(lang)
        ),
        Lang::En => format!(
            "Of the four cluster types of {chapter}, it is {} ({basis}); the measures are chosen for that type.",
            article(kind.label().get(lang))
        ),
    }
}

/// "an industry-led cluster" / "a tourism and ecology cluster".
fn article(label: &str) -> String {
    let an = label.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {label} cluster", if an { "an" } else { "a" })
}

/// 二、主要特点.
pub(crate) fn characteristics(r: &Report, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(tb) = main_table(r) {
        let mut special: Vec<&IndustryLq> = tb.industries.iter().filter(|i| i.lq > 1.0).collect();
        special.sort_by(|a, b| b.lq.total_cmp(&a.lq));
        let list: Vec<String> = special
            .iter()
            .map(|i| match lang {
                Lang::Zh => format!("{}（{}）", i.name, lq(i.lq)),
                Lang::En => format!("{} ({})", i.name, lq(i.lq)),
            })
            .collect();
        let mut s = if list.is_empty() {
            t(
                lang,
                "全镇没有区位商大于 1 的行业，尚未形成专业化部门",
                "No industry of the town has an LQ above 1: there is no specialised sector yet",
            )
        } else {
            match lang {
                Lang::Zh => format!(
                    "区位商大于 1 的专业化部门有 {} 个：{}",
                    list.len(),
                    join(&list, lang)
                ),
                Lang::En => format!(
                    "{} industries have an LQ above 1 (specialised): {}",
                    list.len(),
                    join(&list, lang)
                ),
            }
        };
        s.push_str(&match lang {
            Lang::Zh => format!(
                "。克鲁格曼专业化指数为 {}（胡佛系数 {}），数值越大，全镇产业结构与参照区域的差别越大。",
                number(tb.krugman, 2),
                number(tb.hoover, 2)
            ),
            Lang::En => format!(
                ". The Krugman specialisation index is {} (Hoover {}); the larger it is, the more the town's structure differs from the reference.",
                number(tb.krugman, 2),
                number(tb.hoover, 2)
            ),
        });
        out.push(lead(
            t(lang, "全镇专业化程度：", "The town's specialisation: "),
            s,
        ));
    }
    for (k, c) in r.clusters.iter().enumerate() {
        out.push(heading(2, format!("{}{}", sub_number(k + 1, lang), c.name)));
        out.extend(super::features::cluster_characteristics(r, c, lang));
    }
    out.extend(super::effects::multipliers(r, lang));
    out
}
