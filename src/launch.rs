//! How the first screen hands over to the workbench.
//!
//! The first download is only the start screen (`shell`). When the user chooses what to work on, the shell loads
//! the workbench module and passes it a [`Launch`]: the choice and the view settings, as a short text
//! (`lang=zh;large=0;explain=0;choice=example:datang`) so that the shell needs no JSON library. An opened file
//! follows the first line break, untouched.

use clustercalc_core::Lang;

/// What the user chose on the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartChoice {
    /// Continue with the autosaved session (also what a reload does).
    Restore,
    /// An empty town.
    New,
    /// One of the bundled examples, by name (`clustercalc_core::examples::names`).
    Example(String),
    /// A saved dataset file the user picked: its name and text (validated by the workbench).
    Open { name: String, text: String },
    /// A share link's payload (`share.rs`), found in the page's URL fragment.
    Link(String),
    /// A dataset file too big to open on the page, by name: it is analysed in the worker (`big.rs`), and the
    /// file itself is kept aside with `big::keep_pending`.
    Big { name: String },
}

/// View settings that survive a reload and travel from the shell to the workbench.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub lang: Lang,
    pub large_text: bool,
    pub explain: bool,
    /// Compact mode inside another page's iframe (`?embed=1`): no page chrome, height reported to the host.
    pub embed: bool,
    /// The parts shown (`?sections=summary,lq,maturity`): a set of [`SECTIONS`] bits; all when 0.
    pub sections: u16,
}

/// The parts of the workbench a host page can choose with `?sections=`, in bit order. `entry` is the data entry
/// steps and the toolbar's file actions; without it the page shows results only.
pub const SECTIONS: [&str; 9] = [
    "entry",
    "summary",
    "lq",
    "maturity",
    "chain",
    "multipliers",
    "checklists",
    "region",
    "guide",
];

impl Prefs {
    /// True when the part `name` (one of [`SECTIONS`]) is shown.
    pub fn shows(&self, name: &str) -> bool {
        self.sections == 0
            || SECTIONS
                .iter()
                .position(|s| *s == name)
                .is_some_and(|k| self.sections & (1 << k) != 0)
    }
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs {
            lang: Lang::Zh,
            large_text: false,
            explain: false,
            embed: false,
            sections: 0,
        }
    }
}

/// The request the shell gives the workbench.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    pub prefs: Prefs,
    pub choice: StartChoice,
}

fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

impl Prefs {
    pub fn encode(&self) -> String {
        format!(
            "lang={};large={};explain={};embed={};sections={}",
            if self.lang == Lang::En { "en" } else { "zh" },
            flag(self.large_text),
            flag(self.explain),
            flag(self.embed),
            self.sections
        )
    }

    /// Reads settings; unknown or malformed parts keep their defaults (the text may come from an old version).
    pub fn decode(text: &str) -> Prefs {
        let mut p = Prefs::default();
        for (k, v) in text.split(';').filter_map(|kv| kv.split_once('=')) {
            match k {
                "lang" => p.lang = if v == "en" { Lang::En } else { Lang::Zh },
                "large" => p.large_text = v == "1",
                "explain" => p.explain = v == "1",
                "embed" => p.embed = v == "1",
                "sections" => p.sections = v.parse().unwrap_or(0),
                _ => {}
            }
        }
        p
    }
}

impl Launch {
    pub fn encode(&self) -> String {
        let choice = match &self.choice {
            StartChoice::Restore => "restore".to_string(),
            StartChoice::New => "new".to_string(),
            StartChoice::Example(name) => format!("example:{name}"),
            StartChoice::Link(payload) => format!("link\n{payload}"),
            StartChoice::Open { name, text } => {
                let name: String = name
                    .chars()
                    .filter(|c| !matches!(c, ';' | '\n' | '\r'))
                    .collect();
                format!("open:{name}\n{text}")
            }
            StartChoice::Big { name } => {
                let name: String = name
                    .chars()
                    .filter(|c| !matches!(c, ';' | '\n' | '\r'))
                    .collect();
                format!("big:{name}")
            }
        };
        format!("{};choice={choice}", self.prefs.encode())
    }

    pub fn decode(text: &str) -> Launch {
        let (head, file) = text.split_once('\n').unwrap_or((text, ""));
        let choice = head
            .split(';')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == "choice")
            .map(|(_, v)| match v.split_once(':') {
                Some(("example", name)) => StartChoice::Example(name.to_string()),
                Some(("big", name)) => StartChoice::Big {
                    name: name.to_string(),
                },
                Some(("open", name)) => StartChoice::Open {
                    name: name.to_string(),
                    text: file.to_string(),
                },
                _ if v == "new" => StartChoice::New,
                _ if v == "link" => StartChoice::Link(file.to_string()),
                _ => StartChoice::Restore,
            })
            .unwrap_or(StartChoice::Restore);
        Launch {
            prefs: Prefs::decode(head),
            choice,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_round_trips() {
        for choice in [
            StartChoice::Restore,
            StartChoice::New,
            StartChoice::Example("hunan-textile-town".into()),
            StartChoice::Link("1.eJyrVkrLz1eyUlAqLkksSbUGAAAA__8".into()),
            StartChoice::Big {
                name: "county.clustercalc.json".into(),
            },
            StartChoice::Open {
                name: "大唐镇.clustercalc.json".into(),
                text: "{\n \"a\": \"x;choice=new\"\n}\n".into(),
            },
        ] {
            let l = Launch {
                prefs: Prefs {
                    lang: Lang::En,
                    large_text: true,
                    explain: false,
                    embed: true,
                    sections: 0b110,
                },
                choice,
            };
            assert_eq!(Launch::decode(&l.encode()), l);
        }
    }

    #[test]
    fn garbage_gives_defaults() {
        let l = Launch::decode("lang=fr;;large;x=y;choice=");
        assert_eq!(l.prefs, Prefs::default());
        assert_eq!(l.choice, StartChoice::Restore);
    }
}

/// Options a host page gives in the query string (`?embed=1&lang=en&case=datang`): they override the saved
/// settings for this visit. The browser reads the query (`URLSearchParams`), so encoded values are decoded as
/// every host page's URL builder encodes them (`sections=summary%2Clq`, `+` for a space). Unknown keys and values
/// are ignored.
pub fn apply_query(query: &str, prefs: &mut Prefs) -> Option<StartChoice> {
    apply_options(query_pairs(query), prefs)
}

/// The decoded `key=value` pairs of a query string, in order (none when the browser cannot read it).
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(query) else {
        return Vec::new();
    };
    params
        .entries()
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Applies decoded host options (see [`apply_query`]); the last of a repeated key wins.
pub fn apply_options(
    pairs: impl IntoIterator<Item = (String, String)>,
    prefs: &mut Prefs,
) -> Option<StartChoice> {
    let mut choice = None;
    for (k, v) in pairs {
        match (k.as_str(), v.as_str()) {
            ("embed", "1") => prefs.embed = true,
            ("lang", "en") => prefs.lang = Lang::En,
            ("lang", "zh") => prefs.lang = Lang::Zh,
            ("large", v) => prefs.large_text = v == "1",
            ("explain", v) => prefs.explain = v == "1",
            ("sections", list) => {
                prefs.sections = list
                    .split(',')
                    .filter_map(|s| SECTIONS.iter().position(|n| *n == s.trim()))
                    .fold(0, |bits, k| bits | (1 << k));
            }
            ("case", name) if clustercalc_core::examples::names().contains(&name) => {
                choice = Some(StartChoice::Example(name.to_string()))
            }
            _ => {}
        }
    }
    choice
}

#[cfg(test)]
mod query_tests {
    use super::*;

    /// Pairs as the browser decodes them from `a=1&b=2` (the tests run natively, without `URLSearchParams`).
    fn pairs(query: &str) -> Vec<(String, String)> {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn sections_choose_the_parts_and_travel_to_the_workbench() {
        let mut p = Prefs::default();
        assert!(p.shows("entry") && p.shows("region"));
        apply_options(pairs("embed=1&sections=summary,lq,bogus"), &mut p);
        assert!(p.shows("summary") && p.shows("lq"));
        assert!(!p.shows("entry") && !p.shows("maturity"));
        assert_eq!(Prefs::decode(&p.encode()), p);
        // A list with spaces (`summary, lq` or `summary+lq` decoded) still names the parts.
        let mut q = Prefs::default();
        apply_options(pairs("sections=summary, lq"), &mut q);
        assert!(q.shows("lq") && !q.shows("entry"));
    }

    #[test]
    fn host_options_override_settings() {
        let mut p = Prefs::default();
        let c = apply_options(
            pairs("embed=1&lang=en&case=datang&case=<script>&x=1"),
            &mut p,
        );
        assert!(p.embed);
        assert_eq!(p.lang, Lang::En);
        assert_eq!(c, Some(StartChoice::Example("datang".into())));
        let mut q = Prefs::default();
        assert_eq!(apply_options(pairs("case=nope&lang=fr"), &mut q), None);
        assert_eq!(q, Prefs::default());
    }
}
