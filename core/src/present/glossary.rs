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

/// A reference to a chapter of the seed study in words: "《湖南小城镇优化研究》第六章" from "ch.6 一".
pub fn seed_chapter(seed_ref: &str, lang: Lang) -> String {
    const NUMERALS: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let rest = seed_ref
        .trim()
        .strip_prefix("ch.")
        .unwrap_or(seed_ref.trim());
    let (num, tail) = rest.split_at(
        rest.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len()),
    );
    let tail = tail.trim();
    let chapter = num.parse::<usize>().ok().filter(|n| (1..=9).contains(n));
    match (lang, chapter) {
        (Lang::Zh, Some(n)) => {
            let section = if tail.is_empty() {
                String::new()
            } else {
                format!("（{tail}）")
            };
            format!(
                "{}第{}章{section}",
                Term::SeedTitle.get(lang),
                NUMERALS[n - 1]
            )
        }
        (Lang::En, Some(n)) => {
            let section = if tail.is_empty() {
                String::new()
            } else {
                format!(", part {tail}")
            };
            format!("{}, chapter {n}{section}", Term::SeedTitle.get(lang))
        }
        (_, None) => format!("{} {seed_ref}", Term::SeedTitle.get(lang)),
    }
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
    }
}
