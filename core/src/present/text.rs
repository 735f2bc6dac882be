//! The report document ([`crate::present::document`]) as plain text for a terminal: what
//! `clustercalc analyze --format text` prints. The same document as the Markdown, HTML and Word files, so the CLI
//! says exactly what the printed report says, with the same labels and number formats.

use crate::present::document::{Block, Document, Table};
use crate::present::format::display_width as width;
use crate::present::render::clean;
use std::fmt::Write;

fn line(s: &str) -> String {
    clean(s).replace('\n', " ")
}

/// The document as plain text.
pub fn plain_text(doc: &Document) -> String {
    let mut out = String::new();
    let title = line(&doc.title);
    let _ = writeln!(out, "{title}\n{}", "=".repeat(width(&title)));
    for l in &doc.subtitle {
        let _ = writeln!(out, "{}", line(l));
    }
    for s in &doc.sections {
        let h = line(&s.heading);
        let _ = writeln!(out, "\n{h}\n{}", "-".repeat(width(&h)));
        for b in &s.blocks {
            match b {
                Block::Heading { text, .. } => {
                    let _ = writeln!(out, "\n【{}】", line(text));
                }
                Block::Paragraph { lead, text } => {
                    let lead = lead.as_deref().map(line).unwrap_or_default();
                    let _ = writeln!(out, "{lead}{}", line(text));
                }
                Block::Bullets { items } => {
                    for i in items {
                        let _ = writeln!(out, "  · {}", line(i));
                    }
                }
                Block::Note { text } => {
                    let _ = writeln!(out, "  （{}）", line(text));
                }
                Block::Table(t) => table(&mut out, t),
                Block::Chart(c) => {
                    let _ = writeln!(out, "{}", line(&c.caption));
                    for b in &c.bars {
                        let _ = writeln!(out, "  · {}  {}", line(&b.label), line(&b.text));
                    }
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", line(&doc.footer));
    out
}

/// A table with its columns aligned (figures to the right), under its caption.
fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "\n{}", line(&t.caption));
    let cells: Vec<Vec<String>> = std::iter::once(&t.header)
        .chain(t.rows.iter())
        .map(|r| r.iter().map(|c| line(c)).collect())
        .collect();
    let cols = cells.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|k| {
            cells
                .iter()
                .filter_map(|r| r.get(k))
                .map(|c| width(c))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (i, r) in cells.iter().enumerate() {
        let mut l = String::from("  ");
        for (k, c) in r.iter().enumerate() {
            let pad = " ".repeat(widths[k].saturating_sub(width(c)));
            if t.numeric.get(k).copied().unwrap_or(false) {
                let _ = write!(l, "{pad}{c}  ");
            } else {
                let _ = write!(l, "{c}{pad}  ");
            }
        }
        let _ = writeln!(out, "{}", l.trim_end());
        if i == 0 {
            let total: usize = widths.iter().map(|w| w + 2).sum();
            let _ = writeln!(out, "  {}", "-".repeat(total.saturating_sub(2)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::dataset::Dataset;
    use crate::lang::Lang;
    use crate::present::document::build;

    #[test]
    fn cjk_takes_two_columns() {
        assert_eq!(width("区位商"), 6);
        assert_eq!(width("LQ 2.5"), 6);
        assert_eq!(width("（一）"), 6);
    }

    #[test]
    fn the_text_is_the_report_document() {
        let d =
            Dataset::from_json(crate::examples::get("datang").expect("bundled")).expect("valid");
        let r = analyze(&d);
        for lang in [Lang::Zh, Lang::En] {
            let doc = build(&r, lang);
            let text = plain_text(&doc);
            for s in &doc.sections {
                assert!(text.contains(&s.heading), "{lang:?}: {}", s.heading);
            }
            assert!(!text.contains("区位熵"));
        }
        let zh = plain_text(&build(&r, Lang::Zh));
        assert!(zh.contains("一、基本情况") && zh.contains("四、对策建议"));
        // No raw metric ids or variant ids reach the Chinese text.
        for raw in [
            "support.",
            "chain.",
            "[assignment]",
            "[leakage]",
            "lq.cluster",
        ] {
            assert!(!zh.contains(raw), "{raw}");
        }
    }
}
