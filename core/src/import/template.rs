//! Templates and CSV output: the tables a user fills in, and cells quoted for CSV.

use super::*;

/// Template rows for a table: the header in the language, then one example row. Codes are text.
pub fn template(kind: TableKind, lang: Lang) -> Vec<Vec<String>> {
    let (zh, en, example): (&[&str], &[&str], &[&str]) = match kind {
        TableKind::Industries => (
            &[
                "行业代码",
                "行业名称",
                "企业数",
                "规上企业数",
                "就业人数（人）",
                "产值（万元）",
                "增加值（万元）",
                "外销比例（%）",
            ],
            &[
                "code",
                "name",
                "firms",
                "above-scale firms",
                "employment (人)",
                "output (万元)",
                "value added (万元)",
                "outside sales share (%)",
            ],
            &[
                "1762",
                "针织或钩针编织物及其制品制造",
                "120",
                "18",
                "6000",
                "150000",
                "32000",
                "85",
            ],
        ),
        TableKind::Firms => (
            &[
                "企业名称",
                "行业代码",
                "产业链环节",
                "就业人数（人）",
                "营业收入（万元）",
                "龙头企业",
                "专精特新",
                "高新技术企业",
                "本地配套率（%）",
                "外销",
                "所在镇",
            ],
            &[
                "firm name",
                "industry code",
                "stage",
                "employment (人)",
                "revenue (万元)",
                "leading firm",
                "specialised SME",
                "high-tech",
                "local sourcing share (%)",
                "sells outside",
                "town",
            ],
            &[
                "某某针织有限公司",
                "1762",
                "织造",
                "850",
                "42000",
                "是",
                "否",
                "否",
                "60",
                "是",
                "",
            ],
        ),
    };
    let header = match lang {
        Lang::Zh => zh,
        Lang::En => en,
    };
    vec![
        header.iter().map(|s| s.to_string()).collect(),
        example.iter().map(|s| s.to_string()).collect(),
    ]
}

/// CSV text (UTF-8 with BOM, CRLF) of rows, quoting where needed. Cells starting with `= + - @` get a leading
/// apostrophe so a spreadsheet shows them as text instead of running them as formulas.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV cell, neutralised and quoted.
pub fn csv_cell(c: &str) -> String {
    let c = if c.starts_with(['=', '+', '-', '@', '\t', '\r']) && c.parse::<f64>().is_err() {
        format!("'{c}")
    } else {
        c.to_string()
    };
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c
    }
}
