//! The 调研报告 as a document: a report turned into headings, paragraphs, lists and tables in one language,
//! in the order a township hands it in — 一、基本情况, 二、主要特点, 三、存在的问题 (under the seed study's
//! chapter-5 problem types), 四、对策建议 (under its six chapter-6 headings), 五、需要补充的数据, and an appendix
//! on data sources and methods with the key tables.
//!
//! The model is plain data with every cell already text, so each renderer (Markdown and HTML in
//! [`crate::present::render`], Word in `present::docx`) only lays it out. Every figure comes from the report and
//! is formatted by [`crate::present::format`]; every term from [`crate::present::glossary`]; threshold sources
//! are put into words by [`crate::present::sources`]. A fact the report does not have is left out, never
//! written as zero: problems come only from fired measures and from chain and LQ results.

mod appendix;
mod diagnosis;
pub use diagnosis::{
    measure_title, measure_views, no_measure, nothing_under_heading, ClusterMeasureView,
    MeasureHeading, MeasureItem,
};
mod effects;
mod facts;
mod features;
mod tables;
#[cfg(test)]
mod tests;
mod words;
pub use tables::criterion_value;
pub use words::plain_reason;

use crate::analyze::Report;
use crate::lang::Lang;
use crate::present::glossary::Term;
use serde::Serialize;

/// The report as a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    /// Lines under the title: the place and year, how the report was made, the data caveat.
    pub subtitle: Vec<String>,
    pub sections: Vec<DocSection>,
    /// The closing line: the tool and the study the framework comes from.
    pub footer: String,
}

/// A numbered section (一、基本情况 …) or the appendix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocSection {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading inside a section: level 2 under the section heading, level 3 below that.
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph, optionally opening with a bold lead ("建议理由：").
    Paragraph {
        lead: Option<String>,
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    Table(Table),
    /// A horizontal bar chart (HTML draws it as SVG; the data is in a table beside it).
    Chart(BarChart),
    /// A caveat in small print.
    Note {
        text: String,
    },
}

/// A table: a caption, a header row and rows of text cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per column: figures, aligned right.
    pub numeric: Vec<bool>,
}

/// A horizontal bar chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarChart {
    pub caption: String,
    pub bars: Vec<Bar>,
    /// A reference line (LQ = 1) and its label.
    pub reference: Option<(f64, String)>,
    /// The end of the value scale when it is fixed (a score out of 100); otherwise the largest value.
    pub scale_max: Option<f64>,
}

/// One bar: its label, its value and the value as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// The headings of the five sections and the appendix, in order.
pub fn section_headings(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => [
            "一、基本情况",
            "二、主要特点",
            "三、存在的问题",
            "四、对策建议",
            "五、需要补充的数据",
            "附录 数据来源与方法说明",
        ],
        Lang::En => [
            "1. Basic facts",
            "2. Main characteristics",
            "3. Problems",
            "4. Suggested measures",
            "5. Data to collect",
            "Appendix: data sources and methods",
        ],
    }
}

/// A piece of a measure's evidence in words with where its threshold comes from ("研发投入强度为 0.97%，低于
/// 1.0%——判据为本工具设定的假设值（营业收入的 1%）"): the one wording of evidence, shared by the report, the
/// app's summary and the exported results.
pub fn evidence_text(e: &crate::measures::Evidence, lang: Lang) -> String {
    // Only a comparison without a value has no words (a fired rule always has one): said as unknown.
    words::evidence_with_source(e, lang).unwrap_or_else(|| {
        let name = words::label_in_sentence(e.metric, lang);
        match lang {
            Lang::Zh => format!("{name}：未知"),
            Lang::En => format!("{name}: not known"),
        }
    })
}

/// The inputs a life-cycle rule read, in words and units ("集群产值年均增长率（判定窗口）：6.2%/年；…"), for the
/// life-cycle table of the app; `growth`, the first of the three growth rates, is not repeated.
pub fn lifecycle_inputs_text(
    inputs: &std::collections::BTreeMap<String, f64>,
    lang: Lang,
) -> String {
    use crate::report::Metric;
    let has_rate = ["output_cagr", "employment_cagr", "firms_cagr"]
        .iter()
        .any(|k| inputs.contains_key(*k));
    inputs
        .iter()
        .filter(|(k, _)| !(has_rate && k.as_str() == "growth"))
        .map(|(k, v)| {
            let metric = match k.as_str() {
                "colocated" => Some(Metric::ChainColocatedNotLinked),
                other => Metric::in_family("lifecycle", other),
            };
            match metric {
                Some(m) => {
                    let info = m.info();
                    format!(
                        "{}{}{}",
                        lang.pick(info.zh, info.en),
                        lang.pick("：", ": "),
                        crate::present::format::metric_value(m, *v, lang)
                    )
                }
                None => format!(
                    "{k}{}{}",
                    lang.pick("：", ": "),
                    crate::present::format::number(*v, 3)
                ),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}

/// What the checklists do not cover: Hunan's provincial criteria, for which this tool has no published number.
pub fn provincial_note(lang: Lang) -> &'static str {
    lang.pick(
        "湖南省级的产业集群和特色小镇认定，本工具没有找到公开的数字门槛，因此不作核对；申报省级认定时，请以省里当年的文件为准。",
        "For Hunan's provincial recognition of clusters and featured towns this tool found no published numeric thresholds, so it does not check them; for a provincial application, go by that year's provincial documents.",
    )
}

/// Builds the document of a report in one language.
pub fn build(r: &Report, lang: Lang) -> Document {
    let [h1, h2, h3, h4, h5, h6] = section_headings(lang);
    let sections = vec![
        DocSection {
            heading: h1.into(),
            blocks: facts::basic_facts(r, lang),
        },
        DocSection {
            heading: h2.into(),
            blocks: facts::characteristics(r, lang),
        },
        DocSection {
            heading: h3.into(),
            blocks: diagnosis::problems(r, lang),
        },
        DocSection {
            heading: h4.into(),
            blocks: diagnosis::measures(r, lang),
        },
        DocSection {
            heading: h5.into(),
            blocks: diagnosis::data_needed(r, lang),
        },
        DocSection {
            heading: h6.into(),
            blocks: appendix::appendix(r, lang),
        },
    ];
    let mut sections = sections;
    number_figures(&mut sections, lang);
    let town = &r.town;
    let title = match lang {
        Lang::Zh => format!("{}产业集群调研报告", town.name),
        Lang::En => format!("Industrial cluster survey report: {}", town.name),
    };
    let mut subtitle = Vec::new();
    let place: String = match lang {
        Lang::Zh => [
            town.province.as_deref(),
            town.county.as_deref(),
            Some(&town.name),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Lang::En => [
            Some(town.name.as_str()),
            town.county.as_deref(),
            town.province.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", "),
    };
    subtitle.push(match (town.year, lang) {
        (Some(y), Lang::Zh) => format!("{place} · {y} 年数据"),
        (Some(y), Lang::En) => format!("{place} · figures of {y}"),
        (None, _) => place,
    });
    subtitle.push(words::t(
        lang,
        "本报告由小城镇产业集群计算器根据所填数据生成；未填写的数据不作推断。",
        "Made by the Town Cluster Calculator from the data entered; data not entered is not guessed.",
    ));
    if town.illustrative {
        subtitle.push(words::t(
            lang,
            "注意：所用数据含教学用示意数据，不是统计数据。",
            "Note: the data includes illustrative numbers made up for teaching; they are not statistics.",
        ));
    }
    let footer = match lang {
        Lang::Zh => format!(
            "问题分类和对策框架依据{}第五章、第六章；认定标准依据工信部、国家发展改革委的有关文件。{}",
            Term::SeedTitle.get(lang),
            provincial_note(lang)
        ),
        Lang::En => format!(
            "Problem types and the framework of measures follow {}, chapters 5 and 6; the criteria follow the MIIT and NDRC documents named. {}",
            Term::SeedTitle.get(lang),
            provincial_note(lang)
        ),
    };
    Document {
        lang,
        title,
        subtitle,
        sections,
        footer,
    }
}

/// Numbers the charts in order of appearance: 图 1、图 2 … / Figure 1, 2 ….
fn number_figures(sections: &mut [DocSection], lang: Lang) {
    let mut n = 0;
    for b in sections.iter_mut().flat_map(|s| s.blocks.iter_mut()) {
        if let Block::Chart(c) = b {
            n += 1;
            c.caption = match lang {
                Lang::Zh => format!("图 {n}　{}", c.caption),
                Lang::En => format!("Figure {n}. {}", c.caption),
            };
        }
    }
}

impl Document {
    /// Every text of the document, one block a line (tables as tab-separated rows): what a reader reads, for
    /// tests and search.
    pub fn plain_text(&self) -> String {
        let mut out = vec![self.title.clone()];
        out.extend(self.subtitle.iter().cloned());
        for s in &self.sections {
            out.push(s.heading.clone());
            for b in &s.blocks {
                match b {
                    Block::Heading { text, .. } | Block::Note { text } => out.push(text.clone()),
                    Block::Paragraph { lead, text } => {
                        out.push(format!("{}{text}", lead.as_deref().unwrap_or("")))
                    }
                    Block::Bullets { items } => out.extend(items.iter().cloned()),
                    Block::Table(t) => {
                        out.push(t.caption.clone());
                        out.push(t.header.join("\t"));
                        out.extend(t.rows.iter().map(|r| r.join("\t")));
                    }
                    Block::Chart(c) => {
                        out.push(c.caption.clone());
                        out.extend(c.bars.iter().map(|b| format!("{}\t{}", b.label, b.text)));
                        if let Some((_, l)) = &c.reference {
                            out.push(l.clone());
                        }
                    }
                }
            }
        }
        out.push(self.footer.clone());
        out.join("\n")
    }
}

/// Shorthand constructors the section builders use.
pub(crate) fn para(text: impl Into<String>) -> Block {
    Block::Paragraph {
        lead: None,
        text: text.into(),
    }
}

pub(crate) fn lead(lead: impl Into<String>, text: impl Into<String>) -> Block {
    Block::Paragraph {
        lead: Some(lead.into()),
        text: text.into(),
    }
}

pub(crate) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

pub(crate) fn note(text: impl Into<String>) -> Block {
    Block::Note { text: text.into() }
}
