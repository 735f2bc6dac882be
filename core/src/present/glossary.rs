//! The glossary: one word for each concept, in both languages. Front ends name these concepts only through
//! [`Term`], so the location quotient is 区位商 in the cards, the evidence, the CLI and the printed report alike
//! (区位熵, a common alternative in Chinese writing, is not used anywhere).

use crate::lang::Lang;

/// A concept the report names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    /// The location quotient (METHODS.md §1).
    LocationQuotient,
    /// The "扎堆" index of the seed's ch.5: co-located firms without a linked chain.
    ZhaduiIndex,
    /// 集而不群: co-located, not linked.
    ColocatedNotLinked,
    /// Value-chain completeness.
    ChainCompleteness,
    /// The maturity index.
    MaturityIndex,
    /// The life-cycle stage.
    LifecycleStage,
    /// A value this tool assumes where no published figure exists.
    Assumption,
    /// The seed study, by its title.
    SeedTitle,
}

impl Term {
    /// The term in a language.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Term::LocationQuotient => ("区位商", "location quotient"),
            Term::ZhaduiIndex => ("“扎堆”指数", "“crowding” (扎堆) index"),
            Term::ColocatedNotLinked => ("集而不群", "co-located, not linked"),
            Term::ChainCompleteness => ("产业链完整度", "value-chain completeness"),
            Term::MaturityIndex => ("成熟度指数", "maturity index"),
            Term::LifecycleStage => ("生命周期阶段", "life-cycle stage"),
            Term::Assumption => ("本工具设定的假设值", "a value this tool assumes"),
            Term::SeedTitle => (
                "《湖南小城镇优化研究》",
                "Optimising Hunan's Small Towns (《湖南小城镇优化研究》)",
            ),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Latin-letter words the Chinese text may contain: method acronyms, units and standard names (CR covers
/// CR1/CR4, GB covers GB/T). Anything else in a Chinese report is a leak of English or of a raw id.
pub const LATIN_ALLOWED: &[&str] = &[
    "LQ", "HHI", "CR", "AHP", "GEM", "FLQ", "SLQ", "CILQ", "AFLQ", "EG", "GB", "MIIT", "NBS",
    "NDRC", "GDP", "COD", "km",
];

/// Whether every Latin-letter word of a Chinese text (two letters or more: a firm may be 企业A) is in
/// [`LATIN_ALLOWED`].
pub fn latin_ok(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .all(|w| LATIN_ALLOWED.contains(&w))
}

/// Chinese numerals one to ten, as the seed numbers its parts (一、二、… and (一)、(二)、…).
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn numeral_value(s: &str) -> Option<usize> {
    NUMERALS.iter().position(|n| *n == s).map(|i| i + 1)
}

/// English for the words the catalogues put after a chapter reference (the seed's own section names and the
/// examples it cites); a word not listed stays as it is.
const SEED_WORDS: &[(&str, &str)] = &[
    ("支撑条件", "support conditions"),
    ("需求条件", "demand conditions"),
    ("外部环境条件", "external conditions"),
    ("研发体系", "R&D system"),
    ("融资体系", "financing system"),
    ("中介服务体系", "intermediary services"),
    ("行业协会和同业商会", "industry associations and chambers"),
    ("最终企业群与中间企业群", "final and intermediate firms"),
    ("建立质量调控体系", "a quality-control system"),
    ("劳动力培训", "labour training"),
    ("区位品牌", "regional brands"),
    ("信息化", "informatisation"),
    ("大唐", "Datang"),
    ("西樵", "Xiqiao"),
    ("广东“三大建设”", "Guangdong's “three constructions”"),
    ("第一", "first point"),
    ("第二", "second point"),
    ("第三", "third point"),
];

fn seed_word(w: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh if w.contains('“') => w.to_string(),
        Lang::Zh => format!("“{w}”"),
        Lang::En => SEED_WORDS
            .iter()
            .find(|(zh, _)| *zh == w)
            .map_or_else(|| w.to_string(), |(_, en)| (*en).to_string()),
    }
}

/// A reference to a chapter of the seed study in words: "《湖南小城镇优化研究》第六章（一）" from "ch.6 一".
///
/// The catalogues write references as `ch.N`, then optionally the part (一、二、…), then in brackets a
/// sub-part ((一)、(二)、…) or a word (an example such as 大唐, a section name such as 研发体系):
/// "ch.6 一 (二)" → 第六章（一）第（二）项, "ch.4 二 (大唐)" → 第四章（二）中的“大唐”,
/// "ch.2 支撑条件" → 第二章“支撑条件”. In English: "…, chapter 6, part 1 (2)".
pub fn seed_chapter(seed_ref: &str, lang: Lang) -> String {
    let title = Term::SeedTitle.get(lang);
    let trimmed = seed_ref.trim();
    let rest = trimmed.strip_prefix("ch.").unwrap_or(trimmed);
    let (num, tail) = rest.split_at(
        rest.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len()),
    );
    let Some(chapter) = num.parse::<usize>().ok().filter(|n| (1..=10).contains(n)) else {
        return format!("{title} {trimmed}");
    };
    // The tail: an optional part, then bracketed sub-parts or words.
    let tail = tail.trim();
    let (part, mut brackets) = match tail.find(['(', '（']) {
        Some(i) => (tail[..i].trim(), &tail[i..]),
        None => (tail, ""),
    };
    let mut out = match lang {
        Lang::Zh => format!("{title}第{}章", NUMERALS[chapter - 1]),
        Lang::En => format!("{title}, chapter {chapter}"),
    };
    for (i, token) in part.split_whitespace().enumerate() {
        match (numeral_value(token), i, lang) {
            (Some(_), 0, Lang::Zh) => out.push_str(&format!("（{token}）")),
            (Some(n), 0, Lang::En) => out.push_str(&format!(", part {n}")),
            (_, 0, Lang::Zh) => out.push_str(&seed_word(token, lang)),
            (_, _, Lang::Zh) => out.push_str(&format!("中的{}", seed_word(token, lang))),
            (_, _, Lang::En) => out.push_str(&format!(", {}", seed_word(token, lang))),
        }
    }
    while let Some(open) = brackets.find(['(', '（']) {
        let after = &brackets[open..];
        let after = after
            .strip_prefix('(')
            .or_else(|| after.strip_prefix('（'))
            .unwrap_or(after);
        let close = after.find([')', '）']).unwrap_or(after.len());
        let b = after[..close].trim();
        brackets = after
            .get(close..)
            .unwrap_or("")
            .trim_start_matches([')', '）']);
        if b.is_empty() {
            continue;
        }
        match (numeral_value(b), lang) {
            (Some(_), Lang::Zh) => out.push_str(&format!("第（{b}）项")),
            (Some(n), Lang::En) => out.push_str(&format!(" ({n})")),
            (None, Lang::Zh) => out.push_str(&format!("中的{}", seed_word(b, lang))),
            (None, Lang::En) => out.push_str(&format!(" ({})", seed_word(b, lang))),
        }
    }
    out
}

/// Several references separated by ";" ("ch.6 一 (一); ch.2 外部环境条件"), each in words; the title is
/// named once: "《湖南小城镇优化研究》第六章（一）第（一）项、第二章“外部环境条件”".
pub fn seed_refs(refs: &str, lang: Lang) -> String {
    let title = Term::SeedTitle.get(lang);
    let parts: Vec<String> = refs
        .split([';', '；'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .enumerate()
        .map(|(i, r)| {
            let full = seed_chapter(r, lang);
            if i == 0 {
                full
            } else {
                let short = full.strip_prefix(title).unwrap_or(&full);
                short.trim_start_matches([',', ' ']).to_string()
            }
        })
        .collect();
    parts.join(lang.pick("、", "; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_term_for_the_location_quotient() {
        assert_eq!(Term::LocationQuotient.get(Lang::Zh), "区位商");
        for t in [Term::LocationQuotient, Term::ZhaduiIndex, Term::SeedTitle] {
            assert!(!t.get(Lang::Zh).contains("区位熵"));
        }
    }

    #[test]
    fn seed_chapters_in_words() {
        assert_eq!(
            seed_chapter("ch.6 一", Lang::Zh),
            "《湖南小城镇优化研究》第六章（一）"
        );
        assert_eq!(
            seed_chapter("ch.5", Lang::Zh),
            "《湖南小城镇优化研究》第五章"
        );
        assert!(seed_chapter("ch.4 二 (西樵)", Lang::En).contains("chapter 4"));
        assert_eq!(
            seed_chapter("ch.6 一 (二)", Lang::Zh),
            "《湖南小城镇优化研究》第六章（一）第（二）项"
        );
        assert_eq!(
            seed_chapter("ch.4 二 (大唐)", Lang::Zh),
            "《湖南小城镇优化研究》第四章（二）中的“大唐”"
        );
        assert_eq!(
            seed_chapter("ch.2 支撑条件 (研发体系)", Lang::Zh),
            "《湖南小城镇优化研究》第二章“支撑条件”中的“研发体系”"
        );
        assert!(seed_chapter("ch.6 一 (二)", Lang::En).ends_with("chapter 6, part 1 (2)"));
        assert!(seed_chapter("ch.4 二 (西樵)", Lang::En).ends_with("chapter 4, part 2 (Xiqiao)"));
    }

    #[test]
    fn several_references_name_the_title_once() {
        assert_eq!(
            seed_refs("ch.6 一 (一); ch.2 外部环境条件", Lang::Zh),
            "《湖南小城镇优化研究》第六章（一）第（一）项、第二章“外部环境条件”"
        );
        let en = seed_refs("ch.6 三; ch.5 二 (二)", Lang::En);
        assert!(
            en.ends_with("chapter 6, part 3; chapter 5, part 2 (2)"),
            "{en}"
        );
        // Every reference of the measure catalogue reads without a Latin letter in Chinese.
        for m in crate::measures::catalogue().expect("catalogue") {
            let zh = seed_refs(&m.seed_ref, Lang::Zh);
            assert!(
                !zh.chars().any(|c| c.is_ascii_alphabetic()),
                "{}: {zh}",
                m.id
            );
        }
    }
}
