//! The report document as an editable Word file (.docx): a minimal WordprocessingML package written by hand
//! and zipped by [`crate::present::zip`], so the CLI and the web app write the same file.
//!
//! Headings use Word's built-in heading styles (标题 1–4 in a Chinese Word), so the navigation pane, the table
//! of contents and outline view work; lists use a bullet numbering; tables are real tables with a header row
//! that repeats on each page. The page is A4 with a page number at the foot. Charts are Word's own charts
//! (DrawingML bar charts whose values are cached in the chart part), so they stay sharp at any zoom and in print,
//! and Word, WPS and LibreOffice draw them; there is no embedded workbook, so a chart's data is edited in the
//! table beside it rather than through Word's 编辑数据.

use crate::lang::Lang;
use crate::present::document::{BarChart, Block, Document, Table};
use crate::present::format::display_width;
use crate::present::render::clean;
use std::fmt::Write as _;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Text width of an A4 page with 2.3 cm side margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1304;

/// XML text or attribute value (control characters dropped: XML 1.0 does not allow them).
fn x(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn run(text: &str, bold: bool) -> String {
    let rpr = if bold {
        "<w:rPr><w:b/><w:bCs/></w:rPr>"
    } else {
        ""
    };
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        x(text)
    )
}

fn paragraph(style: &str, runs: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>")
}

fn table(out: &mut String, t: &Table) {
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>{}</w:p>",
        run(&t.caption, false)
    );
    let cols = t.header.len().max(1);
    // Column widths from the longest text of each column (a long header may wrap), kept
    // between a floor and a share of the page.
    let mut want: Vec<usize> = (0..cols)
        .map(|i| {
            let body = t
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| display_width(c))
                .max()
                .unwrap_or(0);
            let head = t.header.get(i).map_or(0, |h| display_width(h).min(12));
            body.max(head).clamp(4, 60)
        })
        .collect();
    let total: usize = want.iter().sum::<usize>().max(1);
    for w in &mut want {
        *w = (*w * TEXT_WIDTH / total).max(700);
    }
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
         <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
    );
    for w in &want {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    let cell = |out: &mut String, i: usize, text: &str, header: bool| {
        let shade = if header {
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"ECEAE4\"/>"
        } else {
            ""
        };
        let jc = if t.numeric.get(i).copied().unwrap_or(false) && !header {
            "<w:jc w:val=\"right\"/>"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>{jc}</w:pPr>{}</w:p></w:tc>",
            want.get(i).copied().unwrap_or(700),
            run(text, header)
        );
    };
    out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
    for i in 0..cols {
        cell(out, i, t.header.get(i).map_or("", String::as_str), true);
    }
    out.push_str("</w:tr>");
    for row in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for i in 0..cols {
            cell(out, i, row.get(i).map_or("", String::as_str), false);
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // A table may not end a cell or the body in Word's eyes without a paragraph after it.
    out.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableGap\"/></w:pPr></w:p>");
}

/// The document part and the chart parts it refers to (`word/charts/chartN.xml`, relationship `rIdCN`).
fn document_xml(doc: &Document) -> (String, Vec<String>) {
    let mut body = String::new();
    let mut charts = Vec::new();
    body.push_str(&paragraph("Title", &run(&doc.title, false)));
    for s in &doc.subtitle {
        body.push_str(&paragraph("Subtitle", &run(s, false)));
    }
    for s in &doc.sections {
        body.push_str(&paragraph("Heading1", &run(&s.heading, false)));
        for b in &s.blocks {
            match b {
                Block::Heading { level, text } => {
                    let style = format!("Heading{}", (*level).clamp(2, 4));
                    body.push_str(&paragraph(&style, &run(text, false)));
                }
                Block::Paragraph { lead, text } => {
                    let runs = match lead {
                        Some(l) => run(l, true) + &run(text, false),
                        None => run(text, false),
                    };
                    body.push_str(&paragraph("BodyText", &runs));
                }
                Block::Bullets { items } => {
                    for i in items {
                        body.push_str(&paragraph("ListBullet", &run(i, false)));
                    }
                }
                Block::Note { text } => body.push_str(&paragraph("Note", &run(text, false))),
                Block::Table(t) => table(&mut body, t),
                Block::Chart(c) if !c.bars.is_empty() => {
                    charts.push(chart_xml(c));
                    body.push_str(&chart_paragraph(c, charts.len()));
                }
                Block::Chart(_) => {}
            }
        }
    }
    body.push_str(&paragraph("Note", &run(&doc.footer, false)));
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\" xmlns:wp=\"{WP_NS}\" xmlns:a=\"{A_NS}\" xmlns:c=\"{C_NS}\"><w:body>{body}\
         <w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
         <w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1440\" w:right=\"1304\" w:bottom=\"1440\" w:left=\"1304\" w:header=\"851\" w:footer=\"851\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    (xml, charts)
}

const WP_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const A_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/// English Metric Units per twip (1/20 pt): 635.
const EMU_PER_TWIP: usize = 635;

/// The caption and the chart, inline in its own paragraph, as wide as the text; its height grows with the bars.
fn chart_paragraph(c: &BarChart, n: usize) -> String {
    let cx = TEXT_WIDTH * EMU_PER_TWIP;
    // 0.8 cm a bar plus room for the axis.
    let cy = (c.bars.len() * 288_000 + 540_000).min(8_500_000);
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>{}</w:p>\
         <w:p><w:pPr><w:keepLines/><w:spacing w:after=\"120\"/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
         <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
         <wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{n}\" name=\"Chart {n}\" descr=\"{}\"/>\
         <wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"{C_NS}\"><c:chart r:id=\"rIdC{n}\"/></a:graphicData></a:graphic>\
         </wp:inline></w:drawing></w:r></w:p>",
        run(&c.caption, false),
        x(&c.caption)
    )
}

/// A number as the chart XML wants it (plain decimal, no grouping).
fn xml_number(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        "0".into()
    }
}

/// A horizontal bar chart (one series, values printed at the bars, the first bar at the top).
fn chart_xml(c: &BarChart) -> String {
    let n = c.bars.len();
    let mut cats = String::new();
    let mut vals = String::new();
    for (i, b) in c.bars.iter().enumerate() {
        let _ = write!(cats, "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", x(&b.label));
        let _ = write!(
            vals,
            "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>",
            xml_number(b.value)
        );
    }
    let decimals = c
        .bars
        .first()
        .and_then(|b| b.text.split_once('.'))
        .map_or(0, |(_, f)| {
            f.chars().take_while(char::is_ascii_digit).count()
        });
    let format = if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    };
    // With a reference value (LQ = 1) the value axis is stepped so that the reference is a gridline.
    let max = c.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let major = match c.reference {
        Some((v, _)) if v > 0.0 => {
            let steps = (max / v / 8.0).ceil().max(1.0);
            format!("<c:majorUnit val=\"{}\"/>", xml_number(v * steps))
        }
        _ => String::new(),
    };
    let scale_max = c
        .scale_max
        .map(|m| format!("<c:max val=\"{}\"/>", xml_number(m)))
        .unwrap_or_default();
    let text_props = |size: u32| {
        format!(
            "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{size}\"><a:solidFill><a:srgbClr val=\"1A1A1A\"/></a:solidFill>\
             <a:latin typeface=\"Arial\"/><a:ea typeface=\"宋体\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr>"
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <c:chartSpace xmlns:c=\"{C_NS}\" xmlns:a=\"{A_NS}\" xmlns:r=\"{R_NS}\"><c:roundedCorners val=\"0\"/>\
         <c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>\
         <c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>\
         <c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>{}</c:v></c:tx>\
         <c:spPr><a:solidFill><a:srgbClr val=\"4A6F8A\"/></a:solidFill></c:spPr><c:invertIfNegative val=\"0\"/>\
         <c:dLbls><c:numFmt formatCode=\"{format}\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}\
         <c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>\
         <c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>\
         <c:cat><c:strLit><c:ptCount val=\"{n}\"/>{cats}</c:strLit></c:cat>\
         <c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>{vals}</c:numLit></c:val></c:ser>\
         <c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>\
         <c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>\
         <c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}\
         <c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>\
         <c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>{scale_max}<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"t\"/>\
         <c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>\
         <c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{}\
         <c:crossAx val=\"1001\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>{major}</c:valAx>\
         </c:plotArea><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>\
         <c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}</c:chartSpace>",
        x(&c.caption),
        text_props(900),
        text_props(900),
        text_props(800),
        text_props(900),
    )
}

fn styles_xml(lang: Lang) -> String {
    // Body fonts: 宋体 for Chinese, Times New Roman for Latin; headings 黑体 / Arial. Word and WPS know these
    // names; LibreOffice substitutes an installed CJK font.
    let (body_east, head_east) = ("宋体", "黑体");
    let lang_tag = match lang {
        Lang::Zh => "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>",
        Lang::En => "<w:lang w:val=\"en-GB\" w:eastAsia=\"zh-CN\"/>",
    };
    // Chinese body text opens each paragraph with a two-character indent.
    let indent = match lang {
        Lang::Zh => "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>",
        Lang::En => "",
    };
    let heading = |id: &str, name: &str, level: u8, size: u8, before: u16| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/>\
             <w:next w:val=\"BodyText\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\" w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr>\
             <w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"{head_east}\"/><w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>"
        )
    };
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">\
         <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"{body_east}\" w:cs=\"Times New Roman\"/>\
         <w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>{lang_tag}</w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:spacing w:after=\"120\" w:line=\"360\" w:lineRule=\"auto\"/>{indent}<w:jc w:val=\"both\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Subtitle\"/><w:qFormat/>\
         <w:pPr><w:spacing w:before=\"240\" w:after=\"240\"/><w:jc w:val=\"center\"/></w:pPr>\
         <w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"{head_east}\"/><w:b/><w:bCs/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:spacing w:after=\"60\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:color w:val=\"444444\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>"
    );
    s.push_str(&heading("Heading1", "heading 1", 0, 32, 480));
    s.push_str(&heading("Heading2", "heading 2", 1, 28, 300));
    s.push_str(&heading("Heading3", "heading 3", 2, 26, 240));
    s.push_str(&heading("Heading4", "heading 4", 3, 24, 180));
    let _ = write!(
        s,
        "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\" w:line=\"340\" w:lineRule=\"auto\"/><w:ind w:left=\"420\" w:hanging=\"420\"/><w:jc w:val=\"both\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>\
         <w:pPr><w:spacing w:after=\"120\" w:line=\"300\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"BodyText\"/><w:qFormat/>\
         <w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"{head_east}\"/><w:b/><w:bCs/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"260\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"TableGap\"><w:name w:val=\"Table Gap\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:sz w:val=\"12\"/><w:szCs w:val=\"12\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/>\
         <w:tblPr><w:tblBorders>\
         <w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"555555\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>\
         <w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"555555\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>\
         </w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         </w:styles>"
    );
    s
}

const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>\
<w:pPr><w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

const FOOTER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>";

const CONTENT_TYPES_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";

fn content_types(charts: usize) -> String {
    with_charts(CONTENT_TYPES_HEAD, charts, "</Types>", |n| {
        format!(
            "<Override PartName=\"/word/{}\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>",
            chart_target(n)
        )
    })
}

/// Where chart `n` (from 1) lives, relative to `word/`; its relationship id is `rIdC{n}`.
fn chart_target(n: usize) -> String {
    format!("charts/chart{n}.xml")
}

/// A package list (content types, relationships): its fixed head, one entry per chart, its closing tag.
fn with_charts(head: &str, charts: usize, close: &str, entry: impl Fn(usize) -> String) -> String {
    let mut s = head.to_string();
    for n in 1..=charts {
        s.push_str(&entry(n));
    }
    s.push_str(close);
    s
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>";

fn document_rels(charts: usize) -> String {
    with_charts(DOCUMENT_RELS_HEAD, charts, "</Relationships>", |n| {
        format!(
            "<Relationship Id=\"rIdC{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"{}\"/>",
            chart_target(n)
        )
    })
}

fn core_xml(doc: &Document) -> String {
    let lang = match doc.lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>\
         <dc:creator>{}</dc:creator><dc:language>{lang}</dc:language></cp:coreProperties>",
        x(&doc.title),
        x(doc.lang.pick("小城镇产业集群计算器", "Town Cluster Calculator"))
    )
}

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>clustercalc</Application></Properties>";

/// Writing the package failed (only an I/O error of the in-memory buffer, which does not happen in practice).
#[derive(Debug)]
pub struct DocxError(pub String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The document as the bytes of a .docx file. The same document gives the same bytes (no time stamps).
pub fn docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let (document, charts) = document_xml(doc);
    let chart_names: Vec<String> = (1..=charts.len())
        .map(|n| format!("word/{}", chart_target(n)))
        .collect();
    let parts: [(&str, String); 9] = [
        ("[Content_Types].xml", content_types(charts.len())),
        ("_rels/.rels", ROOT_RELS.into()),
        ("docProps/core.xml", core_xml(doc)),
        ("docProps/app.xml", APP.into()),
        ("word/_rels/document.xml.rels", document_rels(charts.len())),
        ("word/document.xml", document),
        ("word/styles.xml", styles_xml(doc.lang)),
        ("word/numbering.xml", NUMBERING.into()),
        ("word/settings.xml", SETTINGS.into()),
    ];
    let footer = ("word/footer1.xml", FOOTER.to_string());
    let bytes: Vec<(&str, &[u8])> = parts
        .iter()
        .chain(std::iter::once(&footer))
        .map(|(n, t)| (*n, t.as_bytes()))
        .chain(
            chart_names
                .iter()
                .zip(&charts)
                .map(|(n, t)| (n.as_str(), t.as_bytes())),
        )
        .collect();
    crate::present::zip::zip(&bytes)
        .map_err(|e| DocxError(format!("too large for a .docx: {}", e.0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::document::{DocSection, Table};

    #[test]
    fn names_with_markup_stay_text_in_the_xml() {
        let doc = Document {
            lang: Lang::Zh,
            title: "<w:p>&\u{1}镇".into(),
            subtitle: vec![],
            sections: vec![DocSection {
                heading: "一、基本情况".into(),
                blocks: vec![Block::Table(Table {
                    caption: "表".into(),
                    header: vec!["a\"b".into()],
                    rows: vec![vec!["</w:t>".into()]],
                    numeric: vec![false],
                })],
            }],
            footer: String::new(),
        };
        let (xml, charts) = document_xml(&doc);
        assert!(charts.is_empty());
        assert!(xml.contains("&lt;w:p&gt;&amp;镇"));
        assert!(xml.contains("&lt;/w:t&gt;"));
        assert!(!xml.contains('\u{1}'));
        let bytes = docx(&doc).expect("zip");
        assert_eq!(&bytes[..2], b"PK");
    }
}
