//! Header matching: the field names in both languages, units in headers, and which table a header row is.

use super::*;

/// Header text reduced for matching: lower case, no spaces, ASCII brackets, no unit in brackets.
pub(crate) fn normalise_header(h: &str) -> (String, String) {
    let mut s: String = h
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '·'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '【' | '［' => '[',
            '】' | '］' => ']',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let mut unit = String::new();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let (Some(a), Some(b)) = (s.find(open), s.rfind(close)) {
            if a < b {
                unit = s[a + 1..b].to_string();
                s.replace_range(a..=b, "");
            }
        }
    }
    for suffix in ["/万元", "/亿元", "/元", "/人", "/万人", "/%"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            unit = suffix[1..].to_string();
            s = stripped.to_string();
        }
    }
    (s, unit)
}

/// (field, names it is known by in headers, kind of value).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    Text,
    Code,
    Count,
    People,
    Money,
    Share,
    Flag,
}

pub(crate) const INDUSTRY_FIELDS: &[(&str, &[&str], Value)] = &[
    (
        "code",
        &[
            "行业代码",
            "代码",
            "国民经济行业代码",
            "code",
            "industrycode",
        ],
        Value::Code,
    ),
    (
        "name",
        &[
            "行业名称",
            "行业",
            "名称",
            "name",
            "industry",
            "industryname",
        ],
        Value::Text,
    ),
    (
        "firms",
        &["企业数", "企业数量", "企业个数", "firms", "numberoffirms"],
        Value::Count,
    ),
    (
        "above_scale_firms",
        &[
            "规上企业数",
            "规模以上企业数",
            "规上企业",
            "abovescalefirms",
        ],
        Value::Count,
    ),
    (
        "employment",
        &[
            "就业人数",
            "从业人员",
            "从业人数",
            "就业",
            "本镇就业",
            "employment",
            "jobs",
            "employed",
        ],
        Value::People,
    ),
    (
        "output",
        &["产值", "总产值", "工业总产值", "output", "grossoutput"],
        Value::Money,
    ),
    ("value_added", &["增加值", "valueadded"], Value::Money),
    (
        "outside_sales_share",
        &[
            "外销比例",
            "外销占比",
            "外销率",
            "outsidesalesshare",
            "soldoutside",
        ],
        Value::Share,
    ),
];

pub(crate) const FIRM_FIELDS: &[(&str, &[&str], Value)] = &[
    (
        "name",
        &["企业名称", "企业", "名称", "firm", "name", "firmname"],
        Value::Text,
    ),
    (
        "industry",
        &["行业代码", "代码", "industry", "industrycode", "code"],
        Value::Code,
    ),
    (
        "stage",
        &["环节", "产业链环节", "stage", "chainstage"],
        Value::Text,
    ),
    (
        "employment",
        &[
            "就业人数",
            "从业人员",
            "从业人数",
            "就业",
            "employment",
            "jobs",
        ],
        Value::People,
    ),
    (
        "revenue",
        &[
            "营业收入",
            "主营业务收入",
            "营收",
            "销售收入",
            "revenue",
            "sales",
        ],
        Value::Money,
    ),
    (
        "leading",
        &["龙头企业", "是否龙头", "龙头", "leading", "leadingfirm"],
        Value::Flag,
    ),
    (
        "specialised_sme",
        &["专精特新", "specialisedsme", "specializedsme"],
        Value::Flag,
    ),
    (
        "little_giant",
        &["小巨人", "专精特新小巨人", "littlegiant"],
        Value::Flag,
    ),
    (
        "single_champion",
        &["单项冠军", "singlechampion"],
        Value::Flag,
    ),
    (
        "high_tech",
        &["高新技术企业", "高新", "hightech"],
        Value::Flag,
    ),
    (
        "local_sourcing_share",
        &[
            "本地配套率",
            "本地采购比例",
            "localsourcingshare",
            "localsourcing",
        ],
        Value::Share,
    ),
    (
        "sells_outside",
        &["外销", "是否外销", "sellsoutside"],
        Value::Flag,
    ),
    ("town", &["所在镇", "镇", "乡镇", "town"], Value::Text),
];

pub(crate) fn fields(kind: TableKind) -> &'static [(&'static str, &'static [&'static str], Value)] {
    match kind {
        TableKind::Industries => INDUSTRY_FIELDS,
        TableKind::Firms => FIRM_FIELDS,
    }
}

/// The dataset unit factor for a header's unit, or an error text for a unit that does not fit the value.
pub(crate) fn unit_factor(value: Value, unit: &str) -> Result<f64, Text> {
    let unit = unit.trim();
    match value {
        Value::Money => match unit {
            "" | "万元" | "万" => Ok(1.0),
            "亿元" | "亿" => Ok(10_000.0),
            "元" => Ok(0.0001),
            "千元" => Ok(0.1),
            _ => Err(Text::new(
                format!("金额单位“{unit}”无法识别，请用元、万元或亿元"),
                format!("money unit '{unit}' not recognised: use 元, 万元 or 亿元"),
            )),
        },
        Value::People => match unit {
            "" | "人" | "个" => Ok(1.0),
            "万人" => Ok(10_000.0),
            _ => Err(Text::new(
                format!("人数单位“{unit}”无法识别，请用人或万人"),
                format!("unit '{unit}' for people not recognised: use 人 or 万人"),
            )),
        },
        Value::Share => match unit {
            "%" | "百分比" => Ok(0.01),
            _ => Ok(1.0),
        },
        _ => Ok(1.0),
    }
}

/// Matches the header row: (column matches, the kind they fit best).
pub(crate) fn match_header(
    header: &[String],
    kind: TableKind,
) -> Vec<(usize, &'static str, Value, String)> {
    let mut used: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (k, h) in header.iter().enumerate() {
        let (name, unit) = normalise_header(h);
        if name.is_empty() {
            continue;
        }
        let hit = fields(kind)
            .iter()
            .find(|(field, names, _)| !used.contains(field) && names.contains(&name.as_str()));
        if let Some((field, _, value)) = hit {
            used.push(field);
            out.push((k, *field, *value, unit));
        }
    }
    out
}

/// The row that looks like the header: the first of the first ten rows matching at least two fields.
pub(crate) fn find_header(rows: &[Vec<String>], kind: TableKind) -> Option<usize> {
    rows.iter()
        .take(10)
        .position(|r| match_header(r, kind).len() >= 2)
}

/// Decides the table from the sheet name and the headers: a firm name or revenue column means firms.
pub(crate) fn detect(sheet: &Sheet) -> Option<TableKind> {
    let name = sheet.name.to_lowercase();
    if name.contains("企业") || name.contains("firm") {
        return Some(TableKind::Firms);
    }
    if name.contains("行业") || name.contains("industr") {
        return Some(TableKind::Industries);
    }
    let score = |kind| {
        find_header(&sheet.rows, kind)
            .map(|h| {
                let m = match_header(&sheet.rows[h], kind);
                let firm_only = m
                    .iter()
                    .any(|(_, f, _, _)| matches!(*f, "revenue" | "leading" | "stage"))
                    || sheet.rows[h].iter().any(|c| {
                        matches!(
                            normalise_header(c).0.as_str(),
                            "企业名称" | "firmname" | "firm"
                        )
                    });
                (m.len(), firm_only)
            })
            .unwrap_or((0, false))
    };
    let (i, _) = score(TableKind::Industries);
    let (f, firm_only) = score(TableKind::Firms);
    if f >= 2 && firm_only {
        Some(TableKind::Firms)
    } else if i >= 2 {
        Some(TableKind::Industries)
    } else if f >= 2 {
        Some(TableKind::Firms)
    } else {
        None
    }
}
