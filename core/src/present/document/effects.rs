//! 带动就业与乘数效应: the town's multipliers and the scenarios, in sentences.

use super::words::{pct, people, sentence, sub_number};
use super::{heading, Block};
use crate::analyze::{Report, Section};
use crate::lang::Lang;
use crate::present::format::number;
use crate::report::Metric;

/// 带动作用: multipliers and scenarios, town-wide.
pub(super) fn multipliers(r: &Report, lang: Lang) -> Vec<Block> {
    let mut items = Vec::new();
    if let Section::Computed(e) = &r.economic_base {
        let variant = match (e.result.variant.as_str(), lang) {
            ("lq", Lang::Zh) => "区位商法划分基本部门",
            ("lq", Lang::En) => "basic sectors by LQ",
            (_, Lang::Zh) => "指派法划分基本部门",
            (_, Lang::En) => "basic sectors by assignment",
        };
        let m = number(e.result.multiplier, 2);
        let mut s = match lang {
            Lang::Zh => format!("按经济基础法（{variant}），就业乘数为 {m}：基本部门每增加 1 个就业岗位，全镇就业约增加 {m} 个"),
            Lang::En => format!("Economic base ({variant}): the employment multiplier is {m}; each new basic job brings about {m} jobs in the town in all"),
        };
        if let Some([a, b]) = e.result.range {
            s.push_str(&match lang {
                Lang::Zh => format!(
                    "（两种划分方法的结果在 {}—{} 之间）",
                    number(a, 2),
                    number(b, 2)
                ),
                Lang::En => format!(
                    " (the two ways of dividing give {}–{})",
                    number(a, 2),
                    number(b, 2)
                ),
            });
        }
        items.push(sentence(s, lang));
    }
    if let Section::Computed(k) = &r.keynes {
        let form = match (k.result.variant.as_str(), lang) {
            ("textbook", Lang::Zh) => "开放经济教科书形式",
            ("armstrong-taylor", Lang::Zh) => "阿姆斯特朗—泰勒形式",
            (_, Lang::Zh) => "本地漏出形式",
            ("textbook", Lang::En) => "open-economy textbook form",
            ("armstrong-taylor", Lang::En) => "Armstrong–Taylor form",
            (_, Lang::En) => "local-leakage form",
        };
        items.push(match lang {
            Lang::Zh => format!(
                "按凯恩斯收入乘数（{form}；消费倾向 {}，税率 {}，漏出率 {}），收入乘数为 {}，参数变动 5% 时在 {}—{} 之间。",
                number(k.c, 2), number(k.t, 2), number(k.m, 2),
                number(k.result.multiplier, 2), number(k.result.band.low, 2), number(k.result.band.high, 2)
            ),
            Lang::En => format!(
                "Keynesian income multiplier ({form}; propensity to consume {}, tax rate {}, leakage {}): {}, or {}–{} when the parameters move by 5 %.",
                number(k.c, 2), number(k.t, 2), number(k.m, 2),
                number(k.result.multiplier, 2), number(k.result.band.low, 2), number(k.result.band.high, 2)
            ),
        });
    }
    if let Section::Computed(reg) = &r.regionalisation {
        let list: Vec<String> = reg
            .sectors
            .iter()
            .zip(&reg.output_multipliers)
            .map(|(s, m)| format!("{s} {}", number(*m, 2)))
            .collect();
        items.push(match lang {
            Lang::Zh => format!(
                "把省级投入产出表按本镇的产业结构区域化后（FLQ 法，δ = {}），本镇各部门的产出乘数为：{}。",
                number(reg.delta_threshold.value, 2),
                list.join("，")
            ),
            Lang::En => format!(
                "With the provincial input–output table regionalised to the town (FLQ, δ = {}), the town's output multipliers are: {}.",
                number(reg.delta_threshold.value, 2),
                list.join(", ")
            ),
        });
    } else if let Section::Computed(io) = &r.input_output {
        let list: Vec<String> = io
            .sectors
            .iter()
            .zip(&io.result.output_multipliers)
            .map(|(s, m)| format!("{s} {}", number(*m, 2)))
            .collect();
        items.push(match lang {
            Lang::Zh => format!(
                "按所填投入产出表，各部门的产出乘数为：{}。",
                list.join("，")
            ),
            Lang::En => format!(
                "From the input–output table entered, the output multipliers are: {}.",
                list.join(", ")
            ),
        });
    }
    for c in &r.clusters {
        if let Some(a) = c.metrics.get(Metric::LabourAbsorptionRatio) {
            items.push(match lang {
                Lang::Zh => format!(
                    "{}的就业人数是全镇农村富余劳动力的 {} 倍。",
                    c.name,
                    number(a, 2)
                ),
                Lang::En => format!(
                    "{} employs {} times the town's surplus rural workers.",
                    c.name,
                    number(a, 2)
                ),
            });
        }
    }
    if let Section::Computed(sc) = &r.scenarios {
        for i in &sc.items {
            let via = match (i.multiplier.choice.as_str(), lang) {
                ("economic-base", Lang::Zh) => "经济基础乘数",
                ("io-type1", Lang::Zh) => "投入产出Ⅰ型乘数",
                ("io-type2", Lang::Zh) => "投入产出Ⅱ型乘数",
                ("keynes", Lang::Zh) => "凯恩斯乘数",
                (_, Lang::Zh) => "所选乘数",
                ("economic-base", Lang::En) => "economic-base multiplier",
                ("io-type1", Lang::En) => "input–output Type I multiplier",
                ("io-type2", Lang::En) => "input–output Type II multiplier",
                ("keynes", Lang::En) => "Keynesian multiplier",
                (_, Lang::En) => "chosen multiplier",
            };
            let mut s = match lang {
                Lang::Zh => format!(
                    "情景“{}”：直接新增就业 {}，连同带动的就业共 {}（按{via}）",
                    i.name,
                    people(i.direct_jobs, lang),
                    people(i.total_jobs, lang)
                ),
                Lang::En => format!(
                    "Scenario “{}”: {} direct jobs, {} with the jobs they bring ({via})",
                    i.name,
                    number(i.direct_jobs, 0),
                    number(i.total_jobs, 0)
                ),
            };
            if let Some(a) = i.absorption_ratio {
                s.push_str(&match lang {
                    Lang::Zh => format!("，相当于全镇农村富余劳动力的 {}", pct(a)),
                    Lang::En => format!(", {} of the town's surplus rural workers", pct(a)),
                });
            }
            items.push(sentence(s, lang));
        }
    }
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        heading(
            2,
            format!(
                "{}{}",
                sub_number(r.clusters.len() + 1, lang),
                lang.pick("带动就业与乘数效应", "Jobs and multiplier effects")
            ),
        ),
        Block::Bullets { items },
    ]
}
