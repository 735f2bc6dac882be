//! The two languages every user-facing text of the engine comes in.

use serde::{Deserialize, Serialize};

/// Output language. Chinese (zh-CN) is the default: the app's first users are township officials in Hunan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Parses `zh`, `zh-CN`, `en`, `en-US`, … (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "zh" || s.starts_with("zh-") || s.starts_with("zh_") {
            Some(Lang::Zh)
        } else if s == "en" || s.starts_with("en-") || s.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// A text in both languages, as the measure catalogue and the rule tables keep them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// Texts joined into one sentence list: "；" between the Chinese parts, "; " between the English ones.
    pub fn joined<'a>(parts: impl IntoIterator<Item = &'a Text>) -> Text {
        let (zh, en): (Vec<&str>, Vec<&str>) = parts
            .into_iter()
            .map(|p| (p.zh.as_str(), p.en.as_str()))
            .unzip();
        Text::new(zh.join("；"), en.join("; "))
    }
}
