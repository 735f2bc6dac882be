//! The report document ([`crate::present::document`]) as Markdown and as one self-contained HTML file.
//!
//! Every text goes through an escaper: names a user typed (towns, firms, industries) may hold markup, and must
//! stay text. The HTML file has its style inline (A4 print rules included), charts as inline SVG, no script and
//! a Content-Security-Policy that allows none, so it can be opened, mailed and printed as it is.

use crate::lang::Lang;
use crate::present::document::{BarChart, Block, Document, Table};
use crate::present::format::number;
use std::fmt::Write;

/// Drops the characters that are not allowed in a text file meant for people (control characters other than
/// tab and line feed), which also keeps the XML of the Word file well-formed.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .collect()
}

/// Markdown text: backslash-escapes the characters that would start markup (or raw HTML) in CommonMark.
fn md(s: &str) -> String {
    let chars: Vec<char> = clean(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => true,
            // An HTML tag, comment or declaration, or an autolink.
            '<' => next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?'),
            // A block quote or heading at the start of a line.
            '>' | '#' => i == 0,
            // A character reference: "&name;" or "&#…;".
            '&' => {
                let run = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .count();
                run > 0 && chars.get(i + 1 + run) == Some(&';')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The document as Markdown (GitHub-flavoured tables; charts are left out, their data is in the tables).
pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&doc.title));
    for line in &doc.subtitle {
        let _ = writeln!(out, "{}  ", md(line));
    }
    for s in &doc.sections {
        let _ = writeln!(out, "\n## {}\n", md(&s.heading));
        for b in &s.blocks {
            match b {
                Block::Heading { level, text } => {
                    let hashes = "#".repeat(usize::from(*level).clamp(2, 5) + 1);
                    let _ = writeln!(out, "{hashes} {}\n", md(text));
                }
                Block::Paragraph { lead, text } => match lead {
                    Some(l) => {
                        let _ = writeln!(out, "**{}**{}\n", md(l.trim_end()), md_lead_gap(l, text));
                    }
                    None => {
                        let _ = writeln!(out, "{}\n", md(text));
                    }
                },
                Block::Bullets { items } => {
                    for i in items {
                        let _ = writeln!(out, "- {}", md(i));
                    }
                    out.push('\n');
                }
                Block::Note { text } => {
                    let _ = writeln!(out, "> {}\n", md(text));
                }
                Block::Table(t) => md_table(&mut out, t),
                Block::Chart(c) => {
                    let sep = doc.lang.pick("，", ", ");
                    let bars: Vec<String> = c
                        .bars
                        .iter()
                        .map(|b| format!("{} {}", md(&b.label), md(&b.text)))
                        .collect();
                    let _ = writeln!(out, "{}\n\n{}\n", md(&c.caption), bars.join(sep));
                }
            }
        }
    }
    let _ = writeln!(out, "\n---\n\n{}", md(&doc.footer));
    out
}

/// After a bold lead: the text, with the space an English lead ends with kept outside the bold.
fn md_lead_gap(lead: &str, text: &str) -> String {
    let gap = if lead.ends_with(' ') { " " } else { "" };
    format!("{gap}{}", md(text))
}

fn md_table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "{}\n", md(&t.caption));
    let _ = writeln!(
        out,
        "| {} |",
        t.header
            .iter()
            .map(|h| md(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let rule: Vec<&str> = (0..t.header.len())
        .map(|i| {
            if t.numeric.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &t.rows {
        let _ = writeln!(
            out,
            "| {} |",
            row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

/// HTML text or attribute value.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The document's style sheet, shared with the app's report view (`index.html` links the same file).
pub const REPORT_CSS: &str = include_str!("report.css");

/// What only the stand-alone file needs: its page colour and A4 margins.
const PAGE_CSS: &str =
    "\n:root { color-scheme: light; }\nbody { margin: 0; background: #f3f3f0; }\n\
@page { size: A4; margin: 22mm 20mm 22mm 22mm; }\n@media print { body { background: #fff; } }\n";

/// The document as one HTML file (inline style, inline SVG charts, no script).
pub fn html(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{PAGE_CSS}{REPORT_CSS}</style>\n</head>\n<body>\n",
        lang_tag(doc.lang),
        esc(&doc.title),
    );
    out.push_str("<main>\n");
    out.push_str(&html_article(doc));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// The document as an HTML fragment, `<article class="report-doc">` … `</article>`, styled by [`REPORT_CSS`]: the
/// body of [`html`] and what the app's report view shows and prints. Every text is escaped.
pub fn html_article(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"report-doc\" lang=\"{}\" data-testid=\"report\" aria-labelledby=\"report-title\">\n<h1 id=\"report-title\">{}</h1>\n",
        lang_tag(doc.lang),
        esc(&doc.title)
    );
    for line in &doc.subtitle {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", esc(line));
    }
    let mut figure = 0;
    for s in &doc.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&s.heading));
        for b in &s.blocks {
            match b {
                Block::Heading { level, text } => {
                    let h = (usize::from(*level) + 1).clamp(3, 6);
                    let _ = writeln!(out, "<h{h}>{}</h{h}>", esc(text));
                }
                Block::Paragraph { lead, text } => {
                    let lead = lead
                        .as_ref()
                        .map(|l| format!("<strong>{}</strong>", esc(l)))
                        .unwrap_or_default();
                    let _ = writeln!(out, "<p>{lead}{}</p>", esc(text));
                }
                Block::Bullets { items } => {
                    out.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(out, "<li>{}</li>", esc(i));
                    }
                    out.push_str("</ul>\n");
                }
                Block::Note { text } => {
                    let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(text));
                }
                Block::Table(t) => html_table(&mut out, t),
                Block::Chart(c) => {
                    figure += 1;
                    html_chart(&mut out, c, figure);
                }
            }
        }
        out.push_str("</section>\n");
    }
    let _ = write!(out, "<footer>{}</footer>\n</article>\n", esc(&doc.footer));
    out
}

fn html_table(out: &mut String, t: &Table) {
    let cls = |i: usize| {
        if t.numeric.get(i).copied().unwrap_or(false) {
            " class=\"n\""
        } else {
            ""
        }
    };
    let _ = write!(
        out,
        "<div class=\"table-wrap\">\n<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(&t.caption)
    );
    for (i, h) in t.header.iter().enumerate() {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", cls(i), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", cls(i), esc(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// A horizontal bar chart as SVG: one bar per row, the value printed at its end, a dashed reference line.
fn html_chart(out: &mut String, c: &BarChart, figure: usize) {
    if c.bars.is_empty() {
        return;
    }
    let (label_w, plot_w, value_w, row_h, top) = (190.0, 380.0, 60.0, 22.0, 8.0);
    let width = label_w + plot_w + value_w;
    let height = top * 2.0 + row_h * c.bars.len() as f64 + 18.0;
    let max = c
        .bars
        .iter()
        .map(|b| b.value)
        .chain(c.reference.iter().map(|r| r.0))
        .chain(c.scale_max)
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let x = |v: f64| label_w + plot_w * (v.max(0.0) / max);
    let title_id = format!("chart-{figure}");
    let _ = write!(
        out,
        "<figure>\n<figcaption id=\"{title_id}\">{}</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-labelledby=\"{title_id}\">\n",
        esc(&c.caption),
        number(width, 0).replace(',', ""),
        number(height, 0).replace(',', "")
    );
    for (i, b) in c.bars.iter().enumerate() {
        let y = top + row_h * i as f64;
        let label: String = if b.label.chars().count() > 14 {
            b.label.chars().take(13).collect::<String>() + "…"
        } else {
            b.label.clone()
        };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{label_w}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#4a6f8a\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            label_w - 6.0,
            y + row_h * 0.68,
            esc(&label),
            y + 3.0,
            x(b.value) - label_w,
            row_h - 6.0,
            x(b.value) + 4.0,
            y + row_h * 0.68,
            esc(&b.text)
        );
    }
    if let Some((v, label)) = &c.reference {
        let rx = x(*v);
        let bottom = top + row_h * c.bars.len() as f64;
        let _ = writeln!(
            out,
            "<line x1=\"{rx:.1}\" y1=\"{top}\" x2=\"{rx:.1}\" y2=\"{bottom:.1}\" stroke=\"#b03a2e\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\
             <text x=\"{rx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#b03a2e\">{}</text>",
            bottom + 14.0,
            esc(label)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_stays_text() {
        assert_eq!(
            esc("<script>alert('x')</script>&"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"
        );
        assert_eq!(
            md("<img src=x onerror=alert(1)>|*"),
            "\\<img src=x onerror=alert(1)>\\|\\*"
        );
        assert_eq!(md("R&D < 1 &amp;"), "R&D < 1 \\&amp;");
        assert_eq!(clean("a\u{0}b\u{7}c\nd"), "abc\nd");
    }
}
