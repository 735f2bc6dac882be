//! The dataset fields a table's columns can fill, and the header names each is known by in both languages: the
//! template's, and the indicator names of the statistics offices' 一套表 and the economic census.

use super::*;

/// The kind of value a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    Text,
    Code,
    Count,
    People,
    Money,
    Share,
    Flag,
    Year,
}

/// A dataset field of a table: its name, value kind, and the header names it is known by in tiers: when two
/// columns name the same field, the one with the lower tier is used (从业人员平均人数 before 期末人数, 产值 before
/// 营业收入).
#[derive(Debug)]
pub(crate) struct FieldDef {
    pub field: &'static str,
    pub value: Value,
    pub tiers: &'static [&'static [&'static str]],
    pub zh: &'static str,
    pub en: &'static str,
}

const CODE_NAMES: &[&str] = &[
    "行业代码",
    "代码",
    "国民经济行业代码",
    "国民经济行业分类代码",
    "行业分类代码",
    "行业类别代码",
    "所属行业代码",
    "行业小类代码",
    "行业中类代码",
    "行业大类代码",
    "大类代码",
    "小类代码",
    "门类代码",
    "行业门类代码",
    "门类",
    "行业门类",
    "code",
    "industrycode",
    "sectioncode",
];

const EMPLOYMENT: &[&[&str]] = &[
    &[
        "从业人员平均人数",
        "平均人数",
        "从业人员年平均人数",
        "年平均从业人员",
        "年平均从业人数",
        "平均从业人员",
        "平均从业人数",
        "全部从业人员平均人数",
        "从业人员平均数",
        "averageemployment",
    ],
    &[
        "就业人数",
        "从业人员",
        "从业人数",
        "从业人员数",
        "从业人员合计",
        "就业",
        "本镇就业",
        "employment",
        "jobs",
        "employed",
        "personsemployed",
    ],
    &[
        "从业人员期末人数",
        "期末人数",
        "期末从业人员",
        "期末从业人数",
        "从业人员年末人数",
        "年末从业人员",
        "年末从业人数",
        "年末人数",
        "yearendemployment",
    ],
];

pub(crate) const INDUSTRY_FIELDS: &[FieldDef] = &[
    FieldDef {
        field: "code",
        value: Value::Code,
        tiers: &[CODE_NAMES],
        zh: "行业代码",
        en: "code",
    },
    FieldDef {
        field: "name",
        value: Value::Text,
        tiers: &[
            &[
                "行业名称",
                "行业",
                "名称",
                "行业类别",
                "行业分类",
                "国民经济行业",
                "门类名称",
                "大类名称",
                "行业门类名称",
                "行业大类名称",
                "name",
                "industry",
                "industryname",
            ],
            &["项目", "指标名称", "分组"],
        ],
        zh: "行业名称",
        en: "name",
    },
    FieldDef {
        field: "year",
        value: Value::Year,
        tiers: &[&["年份", "年度", "统计年度", "年", "year"]],
        zh: "年份",
        en: "year",
    },
    FieldDef {
        field: "firms",
        value: Value::Count,
        tiers: &[
            &[
                "企业数",
                "企业数量",
                "企业个数",
                "单位数",
                "法人单位数",
                "法人单位",
                "法人单位个数",
                "企业法人单位数",
                "企业单位数",
                "单位个数",
                "企业家数",
                "firms",
                "numberoffirms",
                "units",
                "establishments",
            ],
            &["个数", "家数", "户数"],
        ],
        zh: "企业数",
        en: "firms",
    },
    FieldDef {
        field: "above_scale_firms",
        value: Value::Count,
        tiers: &[&[
            "规上企业数",
            "规模以上企业数",
            "规上企业",
            "规上企业个数",
            "规模以上企业个数",
            "规模以上工业企业数",
            "规模以上工业企业个数",
            "规上工业企业数",
            "规上工业企业个数",
            "abovescalefirms",
        ]],
        zh: "规上企业数",
        en: "above-scale firms",
    },
    FieldDef {
        field: "employment",
        value: Value::People,
        tiers: EMPLOYMENT,
        zh: "就业人数",
        en: "employment",
    },
    FieldDef {
        field: "output",
        value: Value::Money,
        tiers: &[
            &[
                "产值",
                "总产值",
                "工业总产值",
                "工业产值",
                "现价工业总产值",
                "总产出",
                "output",
                "grossoutput",
            ],
            &[
                "营业收入",
                "营业收入合计",
                "营业总收入",
                "主营业务收入",
                "主营业务收入合计",
                "工业销售产值",
                "销售产值",
                "销售收入",
                "营收",
                "revenue",
                "operatingrevenue",
                "sales",
            ],
        ],
        zh: "产值",
        en: "output",
    },
    FieldDef {
        field: "value_added",
        value: Value::Money,
        tiers: &[&[
            "增加值",
            "工业增加值",
            "行业增加值",
            "valueadded",
            "grossvalueadded",
        ]],
        zh: "增加值",
        en: "value added",
    },
    FieldDef {
        field: "outside_sales_share",
        value: Value::Share,
        tiers: &[&[
            "外销比例",
            "外销占比",
            "外销率",
            "outsidesalesshare",
            "soldoutside",
        ]],
        zh: "外销比例",
        en: "outside sales share",
    },
];

pub(crate) const FIRM_FIELDS: &[FieldDef] = &[
    FieldDef {
        field: "name",
        value: Value::Text,
        tiers: &[
            &[
                "企业名称",
                "单位名称",
                "单位详细名称",
                "法人单位名称",
                "法人单位详细名称",
                "企业单位名称",
                "企业",
                "firmname",
                "firm",
                "companyname",
                "company",
            ],
            &["名称", "name"],
        ],
        zh: "企业名称",
        en: "firm name",
    },
    FieldDef {
        field: "industry",
        value: Value::Code,
        tiers: &[CODE_NAMES, &["industry"]],
        zh: "行业代码",
        en: "industry code",
    },
    FieldDef {
        field: "year",
        value: Value::Year,
        tiers: &[&["年份", "年度", "统计年度", "年", "year"]],
        zh: "年份",
        en: "year",
    },
    FieldDef {
        field: "stage",
        value: Value::Text,
        tiers: &[&["环节", "产业链环节", "stage", "chainstage"]],
        zh: "产业链环节",
        en: "stage",
    },
    FieldDef {
        field: "employment",
        value: Value::People,
        tiers: EMPLOYMENT,
        zh: "就业人数",
        en: "employment",
    },
    FieldDef {
        field: "revenue",
        value: Value::Money,
        tiers: &[
            &[
                "营业收入",
                "营业收入合计",
                "营业总收入",
                "revenue",
                "operatingrevenue",
            ],
            &["主营业务收入", "主营业务收入合计"],
            &["营收", "销售收入", "销售额", "sales"],
        ],
        zh: "营业收入",
        en: "revenue",
    },
    FieldDef {
        field: "leading",
        value: Value::Flag,
        tiers: &[&["龙头企业", "是否龙头", "龙头", "leading", "leadingfirm"]],
        zh: "龙头企业",
        en: "leading firm",
    },
    FieldDef {
        field: "specialised_sme",
        value: Value::Flag,
        tiers: &[&["专精特新", "specialisedsme", "specializedsme"]],
        zh: "专精特新",
        en: "specialised SME",
    },
    FieldDef {
        field: "little_giant",
        value: Value::Flag,
        tiers: &[&["小巨人", "专精特新小巨人", "littlegiant"]],
        zh: "小巨人",
        en: "little giant",
    },
    FieldDef {
        field: "single_champion",
        value: Value::Flag,
        tiers: &[&["单项冠军", "singlechampion"]],
        zh: "单项冠军",
        en: "single champion",
    },
    FieldDef {
        field: "high_tech",
        value: Value::Flag,
        tiers: &[&["高新技术企业", "高新", "hightech"]],
        zh: "高新技术企业",
        en: "high-tech",
    },
    FieldDef {
        field: "local_sourcing_share",
        value: Value::Share,
        tiers: &[&[
            "本地配套率",
            "本地采购比例",
            "localsourcingshare",
            "localsourcing",
        ]],
        zh: "本地配套率",
        en: "local sourcing share",
    },
    FieldDef {
        field: "sells_outside",
        value: Value::Flag,
        tiers: &[&["外销", "是否外销", "sellsoutside"]],
        zh: "外销",
        en: "sells outside",
    },
    FieldDef {
        field: "town",
        value: Value::Text,
        tiers: &[&["所在镇", "镇", "乡镇", "所在乡镇", "乡镇街道", "town"]],
        zh: "所在镇",
        en: "town",
    },
];

/// Indicators a statistics table carries that the dataset has no field for: ignored with that reason, rather
/// than as an unknown header.
pub(crate) const KNOWN_UNUSED: &[&str] = &[
    "利税",
    "利税总额",
    "利润总额",
    "利润",
    "营业利润",
    "税金",
    "税金总额",
    "税金及附加",
    "应交税金",
    "应交增值税",
    "税收",
    "资产总计",
    "资产总额",
    "负债合计",
    "所有者权益",
    "营业成本",
    "主营业务成本",
    "工资总额",
    "应付职工薪酬",
    "出口交货值",
    "研发经费",
    "研究与试验发展经费",
    "固定资产投资",
    "序号",
    "统一社会信用代码",
    "组织机构代码",
    "单位代码",
    "法人代表",
    "法定代表人",
    "地址",
    "详细地址",
    "联系电话",
    "电话",
    "备注",
    "登记注册类型",
    "控股情况",
    "企业规模",
    "规模",
    "营业状态",
    "开业年份",
    "成立时间",
    "profit",
    "tax",
    "assets",
    "no",
];

pub(crate) fn fields(kind: TableKind) -> &'static [FieldDef] {
    match kind {
        TableKind::Industries => INDUSTRY_FIELDS,
        TableKind::Firms => FIRM_FIELDS,
    }
}

/// The field's name for the user.
pub fn field_label(kind: TableKind, field: &str) -> Text {
    fields(kind)
        .iter()
        .find(|f| f.field == field)
        .map_or_else(|| Text::new(field, field), |f| Text::new(f.zh, f.en))
}
