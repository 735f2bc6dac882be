//! The dataset's types, field by field (`docs/dataset.md`).

use super::*;

/// A whole town dataset (format v1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Always `"clustercalc-dataset"`.
    pub format: String,
    /// Format version; 1 is current.
    pub version: u64,
    /// Free text about the dataset (who collected it, when, caveats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Where the numbers come from, and which ones are illustrative rather than sourced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provenance: Vec<Provenance>,
    pub town: Town,
    /// The reference area (province, county or nation) for location quotients and shift-share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<Industry>,
    /// The cluster(s) under study.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
    /// Optional firm list (concentration, leading firms, region mode).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub firms: Vec<Firm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Support>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgments: Option<Judgments>,
    /// Other towns of the county (region mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Optional provincial input–output table with sector employment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub io_table: Option<IoTable>,
    #[serde(default)]
    pub parameters: Parameters,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
}

/// Where a group of fields comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Which fields this note covers, in words or JSON paths (`clusters[0].stage_firms`).
    pub fields: String,
    /// The source (publication, page, survey) or a description of how the numbers were made up.
    pub source: String,
    /// True when the numbers are illustrative (invented for teaching), not observed.
    #[serde(default)]
    pub illustrative: bool,
}

/// The town (乡镇) profile.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Town {
    pub name: String,
    /// 9-digit township code (统计用区划代码, first 9 digits), text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Year the town's figures describe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Area in km².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_km2: Option<f64>,
    /// Urbanisation rate by year (城镇化率, urban residents / resident population, 0..1), for the town or, when
    /// the town has none, its county; the latest and its change in points a year are reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urbanisation: Vec<crate::methods::urbanisation::UrbanisationYear>,
    /// A declared (or named) 特色小镇 inside the town, with its own planned area; absent for a 建制镇 that has
    /// none, whose 特色小镇 checklist then reads 未申报/不适用.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured_town: Option<FeaturedTown>,
    /// Resident population (人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<f64>,
    /// Labour force (人), local and migrant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labour_force: Option<f64>,
    /// Employed persons (人); the denominator of town employment shares when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employed: Option<f64>,
    /// Rural surplus labour (人) still to be absorbed (seed ch.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rural_surplus_labour: Option<f64>,
    /// GDP by sector (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gdp: Option<Gdp>,
    /// Town construction investment (万元), public and private (seed ch.3: Datang 7 of 10 亿元 private).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub construction_investment: Option<Investment>,
    /// Construction land (亩), for the 特色小镇 tax-per-亩 criterion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub construction_land_mu: Option<f64>,
    /// Tax revenue per year (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_revenue: Option<f64>,
}

/// GDP by the three sectors (万元).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gdp {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tertiary: Option<f64>,
}

/// Investment split (万元).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Investment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private: Option<f64>,
}

/// The reference area (province, county or nation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Employment by industry code (人).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub employment: CodeMap,
    /// Output or revenue by industry code (万元).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub output: CodeMap,
    /// Total employment of the reference area when the map lists only some industries (else the map's sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_employment: Option<f64>,
    /// Total output of the reference area when the map lists only some industries (else the map's sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_output: Option<f64>,
    /// The same figures for a second year (shift-share, LQ trend).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_year: Option<ReferenceYear>,
}

/// Reference figures for another year.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferenceYear {
    pub year: i32,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub employment: CodeMap,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub output: CodeMap,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_employment: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_output: Option<f64>,
}

/// One industry of the town.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Industry {
    /// GB/T 4754-2017 code, 2–4 digits, text (`"17"`, `"177"`, `"1771"`).
    pub code: String,
    #[serde(default)]
    pub name: String,
    /// Number of firms (法人单位).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firms: Option<u64>,
    /// 规模以上 firms (主营业务收入 ≥ 2000 万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_scale_firms: Option<u64>,
    /// Employment (人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<f64>,
    /// Output or revenue (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<f64>,
    /// Value added (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_added: Option<f64>,
    /// Share of sales outside the town, 0..1 (economic-base assignment method).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_sales_share: Option<f64>,
    /// Earlier (or later) years.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<YearFigures>,
}

/// Figures of one year for an industry or a cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearFigures {
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<f64>,
    /// Output or revenue (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_added: Option<f64>,
    /// Output as an index number (any base, e.g. the peak year = 100) when the source gives only a relative
    /// change ("output fell by more than 60 %"); compared only with other index points, never with `output`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_index: Option<f64>,
    /// How the source names the time when it gives no exact year (e.g. "20 世纪 80 年代后期"); `year` is then a
    /// representative year and the report says "about".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// A cluster under study.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub name: String,
    /// Industry codes that make up the cluster; a town industry or firm belongs when its code starts with one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<String>,
    /// The cluster's type among the seed's four (ch.6 一); absent = taken from the chain template, else from
    /// the industry codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_type: Option<ClusterType>,
    /// Id of a bundled chain template (`hosiery`, `textile-garment`, `tourism`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_template: Option<String>,
    /// A template of the user's own; used instead of `chain_template` when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_template: Option<CustomTemplate>,
    /// Number of firms by chain stage id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stage_firms: BTreeMap<String, u64>,
    /// Firms selling outside the cluster (最终企业群), seed ch.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_firms: Option<u64>,
    /// Firms supplying inside the cluster (中间企业群).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_firms: Option<u64>,
    /// Share of the cluster's sales outside the town, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_market_share: Option<f64>,
    /// Share of inputs bought locally, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_sourcing_share: Option<f64>,
    /// Cluster totals, when they are known directly rather than from the industries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<f64>,
    /// Cluster output or revenue (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<f64>,
    /// Share of the cluster's output made by SMEs, 0..1 (MIIT criterion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme_output_share: Option<f64>,
    /// Share of the town's fixed investment going to the featured industry, 0..1 (特色小镇 criterion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub featured_investment_share: Option<f64>,
    /// Share of the cluster's sales that go outside the province, exports included (外向度: 国际国内两个市场,
    /// seed ch.6 六), 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside_province_share: Option<f64>,
    /// Share of the cluster's sales exported, 0..1 (part of `outside_province_share`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_share: Option<f64>,
    /// The cluster's share of the national market (output) of its leading product, 0..1 (the seed's ch.4:
    /// 嵊州领带 80 %, 古镇灯饰 60 %); feeds MIIT's 细分领域全国前列.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_market_share: Option<f64>,
    /// Industry codes of the cluster's leading product chain (主导产业), for MIIT's 主导产业占比; empty = the
    /// manufacturing divisions of the chain template's product stages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leading_industries: Vec<String>,
    /// The cluster has a dedicated development plan (集群专项发展规划, seed ch.6 一): `true`, `false`, or
    /// absent when not asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub development_plan: Option<bool>,
    /// Share of the cluster's firms that use digital production or management systems (数字化改造), 0..1
    /// (MIIT 2022 cultivation area).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_adoption_share: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub innovation: Option<Innovation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brands: Option<Brands>,
    /// Cluster figures by year (firms, employment, output); else summed from the industries' history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<YearFigures>,
}

/// The types of small-town cluster the seed names (ch.6 一: 农牧示范型、工业主导型、商业贸易型、旅游生态型). The type
/// decides which measures apply: a tourism town is not told to digitise its factories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ClusterType {
    /// 农牧示范型: farming, animal husbandry and their processing.
    Agricultural,
    /// 工业主导型: manufacturing.
    Industrial,
    /// 商业贸易型: specialised markets and trade.
    Trade,
    /// 旅游生态型: tourism and ecology.
    Tourism,
}

impl ClusterType {
    pub const ALL: [ClusterType; 4] = [
        ClusterType::Agricultural,
        ClusterType::Industrial,
        ClusterType::Trade,
        ClusterType::Tourism,
    ];

    /// The seed's own name (zh) and this tool's English.
    pub fn label(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            ClusterType::Agricultural => Text::new("农牧示范型", "agricultural demonstration"),
            ClusterType::Industrial => Text::new("工业主导型", "industry-led"),
            ClusterType::Trade => Text::new("商业贸易型", "commerce and trade"),
            ClusterType::Tourism => Text::new("旅游生态型", "tourism and ecology"),
        }
    }

    /// The dataset's spelling (`industrial`, …).
    pub fn id(self) -> &'static str {
        match self {
            ClusterType::Agricultural => "agricultural",
            ClusterType::Industrial => "industrial",
            ClusterType::Trade => "trade",
            ClusterType::Tourism => "tourism",
        }
    }
}

/// A chain template of the user's own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomTemplate {
    pub id: String,
    #[serde(default)]
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    pub stages: Vec<TemplateStage>,
}

/// One stage of a custom chain template.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TemplateStage {
    pub id: String,
    #[serde(default)]
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    /// Role in the division of labour (seed ch.2): `final`, `intermediate` (default) or `service`.
    #[serde(default)]
    pub kind: StageRole,
    /// Weight in the weighted completeness (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// GB/T 4754 小类 codes of the stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<String>,
}

/// Role of a chain stage (seed ch.2 最终企业群与中间企业群).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StageRole {
    /// Sells outside the cluster.
    Final,
    /// Supplies cluster firms.
    #[default]
    Intermediate,
    /// Serves the chain (logistics, design, testing).
    Service,
}

impl StageRole {
    pub fn name(self) -> &'static str {
        match self {
            StageRole::Final => "final",
            StageRole::Intermediate => "intermediate",
            StageRole::Service => "service",
        }
    }
}

/// Innovation figures of a cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Innovation {
    /// R&D expenditure per year (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rd_expenditure: Option<f64>,
    /// Valid patents held by cluster firms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patents: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invention_patents: Option<u64>,
    /// High-tech enterprises (高新技术企业).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_tech_firms: Option<u64>,
    /// Output of the cluster's high-tech enterprises (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_tech_output: Option<f64>,
    /// Innovative SMEs (创新型中小企业).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub innovative_smes: Option<u64>,
    /// 专精特新 SMEs, when the firm list does not flag them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialised_smes: Option<u64>,
    /// 专精特新“小巨人”, when the firm list does not flag them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub little_giants: Option<u64>,
    /// 制造业单项冠军, when the firm list does not flag them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub single_champions: Option<u64>,
}

/// Brands of a cluster.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Brands {
    /// A regional (collective) brand exists (区域品牌).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional_brand: Option<bool>,
    /// National brands (中国驰名商标 and similar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national: Option<u64>,
    /// Provincial brands (省著名商标).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provincial: Option<u64>,
}

/// Brand level of a firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum BrandLevel {
    #[default]
    None,
    Regional,
    Provincial,
    National,
    International,
}

/// One firm.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Firm {
    #[serde(default)]
    pub name: String,
    /// GB/T 4754 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// Chain stage id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Employment (人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<f64>,
    /// Revenue (万元).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue: Option<f64>,
    /// Marked leading (龙头) by the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leading: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<BrandLevel>,
    /// 专精特新 SME.
    #[serde(default, skip_serializing_if = "is_false")]
    pub specialised_sme: bool,
    /// 专精特新“小巨人”.
    #[serde(default, skip_serializing_if = "is_false")]
    pub little_giant: bool,
    /// 制造业单项冠军.
    #[serde(default, skip_serializing_if = "is_false")]
    pub single_champion: bool,
    /// 高新技术企业.
    #[serde(default, skip_serializing_if = "is_false")]
    pub high_tech: bool,
    /// Share of inputs bought in the town, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_sourcing_share: Option<f64>,
    /// Sells mainly outside the cluster (final firm) rather than to cluster firms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sells_outside: Option<bool>,
    /// Town of the county where the firm is (region mode); absent = the study town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Support institutions (METHODS §5 support block; seed ch.2 支撑条件). Counts, or flags where a count is odd.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Support {
    /// Industry associations and chambers of commerce (行业协会、同业商会).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associations: Option<u64>,
    /// R&D and technology centres, incl. university or institute partnerships (研发机构、技术中心).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rd_centres: Option<u64>,
    /// Financing institutions serving the cluster (banks, credit co-ops, venture funds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing_institutions: Option<u64>,
    /// A guarantee fund or SME development fund exists (担保基金、中小企业发展基金).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guarantee_fund: Option<bool>,
    /// Intermediaries: accounting, legal, consulting, HR (中介服务机构).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediaries: Option<u64>,
    /// Logistics and freight firms (联托运).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logistics: Option<u64>,
    /// Specialised markets (专业市场: raw material, product).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialised_markets: Option<u64>,
    /// Training institutions (培训机构).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<u64>,
    /// A public-service platform for the industry exists (公共服务平台).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_service_platform: Option<bool>,
    /// A technology/design service company exists (Xiqiao's 制版公司, seed ch.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design_service: Option<bool>,
    /// An industrial park hosts the cluster (产业园区).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industrial_park: Option<bool>,
    /// A quality testing and certification body serves the cluster (质量检测、认证机构; seed ch.6 一 (一)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_testing: Option<bool>,
}

/// Environment figures (seed ch.6 五).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Environment {
    /// Industrial wastewater of the whole town (万吨/年).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wastewater_total: Option<f64>,
    /// Wastewater of the cluster's firms (万吨/年).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wastewater_cluster: Option<f64>,
    /// COD of the whole town (吨/年).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_total: Option<f64>,
    /// COD of the cluster's firms (吨/年).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod_cluster: Option<f64>,
    /// Share of the cluster's wastewater that is treated, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment_coverage: Option<f64>,
    /// A (central) wastewater treatment plant serves the cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment_plant: Option<bool>,
    /// Energy use of the whole town's industry (吨标准煤/年).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_total: Option<f64>,
    /// Energy use of the cluster's firms (吨标准煤/年).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_cluster: Option<f64>,
}

/// A 特色小镇 (发改规划〔2021〕1383号): a planned area of a few km² inside a town, not the town itself.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FeaturedTown {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Planned area, km².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_area_km2: Option<f64>,
    /// Jobs in the 特色小镇 (persons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs: Option<f64>,
    /// The featured industry's share of the 特色小镇's investment, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment_share: Option<f64>,
}

/// Judgments by the user or an expert panel.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Judgments {
    /// Trust and cooperation among firms, 1 (poor) … 5 (excellent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<f64>,
    /// Market institutions (市场体系、市场机制), 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_institutions: Option<f64>,
    /// Government service (政府服务), 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government_service: Option<f64>,
    /// Infrastructure: roads, power, water, telecoms (交通、电力、通信等基础设施), 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infrastructure: Option<f64>,
    /// GEM factor scores, 1..10 each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gem: Option<GemScores>,
    /// AHP pairwise matrix over the eight maturity dimensions, in the order of `maturity::DIMENSIONS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_ahp: Option<Vec<Vec<f64>>>,
}

/// The six GEM factors (Padmore & Gibson 1998), 1..10.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GemScores {
    pub resources: f64,
    pub facilities: f64,
    pub suppliers: f64,
    pub structure: f64,
    pub local_market: f64,
    pub external_market: f64,
}

/// The county around the town (region mode).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    #[serde(default)]
    pub name: String,
    /// The other towns; the study town is added from `town` and `industries`.
    pub towns: Vec<RegionTown>,
}

/// Another town of the county.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RegionTown {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Total employment of the town (else the sum of `employment`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_employment: Option<f64>,
    /// Employment by industry code.
    #[serde(default)]
    pub employment: CodeMap,
}

/// A provincial input–output table (rows sell, columns buy) with sector employment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IoTable {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Sectors in table order; each lists the GB/T codes it covers (to map town industries onto it).
    pub sectors: Vec<IoSector>,
    /// Intermediate flows (万元), n × n.
    pub z: Vec<Vec<f64>>,
    /// Total output (万元), n.
    pub x: Vec<f64>,
    /// Provincial employment by sector (人), n; needed to regionalise and for job multipliers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_added: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labour_income: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_consumption: Option<Vec<f64>>,
}

/// One sector of the I-O table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IoSector {
    pub name: String,
    /// GB/T codes (prefixes) this sector covers.
    #[serde(default)]
    pub industries: Vec<String>,
}

/// Keynesian multiplier form (METHODS §4): the engine's own enum, so a dataset names exactly what `keynes` computes.
pub use crate::methods::keynes::KeynesForm;

/// Keynes parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeynesParams {
    /// Marginal propensity to consume, 0..1.
    pub c: f64,
    /// Tax rate, 0..1.
    pub t: f64,
    /// Import (leakage) share, 0..1.
    pub m: f64,
    #[serde(default)]
    pub form: KeynesForm,
}

/// Location quotient that regionalises the I-O table (the engine's own enum).
pub use crate::methods::regionalize::Quotient;

/// LQ denominator (METHODS §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LqBasis {
    /// All employment (default).
    #[default]
    All,
    /// Traded employment only (US Cluster Mapping convention): here primary and secondary sectors (GB/T 2018
    /// three-sector rules) — an assumption, since China publishes no traded/local split.
    Traded,
}

/// How the maturity dimensions are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Weighting {
    /// Equal weights (assumption). Default unless AHP judgments or user weights are given.
    #[default]
    Equal,
    /// `parameters.maturity_weights`.
    User,
    /// AHP over `judgments.maturity_ahp`.
    Ahp,
}

/// Multiplier used for scenario impacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum MultiplierChoice {
    EconomicBase,
    Keynes,
    IoType1,
    IoType2,
}

impl MultiplierChoice {
    pub fn name(self) -> &'static str {
        match self {
            MultiplierChoice::EconomicBase => "economic-base",
            MultiplierChoice::Keynes => "keynes",
            MultiplierChoice::IoType1 => "io-type1",
            MultiplierChoice::IoType2 => "io-type2",
        }
    }
}

/// Parameters and thresholds; every one has a default (shown in the report with its source or "assumption").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keynes: Option<KeynesParams>,
    /// FLQ δ in [0, 1); default 0.3 (assumption).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flq_delta: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regional_quotient: Option<Quotient>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lq_basis: Option<LqBasis>,
    /// Industries with fewer employees get an "unstable LQ" warning; default 100 (assumption).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_industry_employment: Option<f64>,
    /// A firm is leading when its share of cluster output ≥ this; default 0.10 (assumption).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leading_output_share: Option<f64>,
    /// … or its revenue ≥ this (万元); default 40 000 (统计上大型 industrial bound).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leading_revenue: Option<f64>,
    /// 规上 bound (万元); default 2 000 (NBS since 2011).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above_scale_revenue: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_weighting: Option<Weighting>,
    /// Maturity dimension id → weight (≥ 0); normalised to sum 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maturity_weights: Option<BTreeMap<String, f64>>,
    /// Multiplier for scenario impacts; default: the best the data allows (I-O Type I, else economic base,
    /// else Keynes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario_multiplier: Option<MultiplierChoice>,
}

/// A what-if scenario: changes applied to a copy of the dataset, analysed against the baseline.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub changes: Vec<Change>,
}

/// One change of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Change {
    /// Add a firm (e.g. a leading firm); its employment and revenue are the direct effect.
    AddFirm { firm: Firm },
    /// Remove the firm of this name (its employment and revenue are lost).
    RemoveFirm { name: String },
    /// Add jobs (and optionally output, 万元) to an industry.
    AddJobs {
        industry: String,
        jobs: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        output: Option<f64>,
    },
    /// Remove jobs (and optionally output) from an industry.
    RemoveJobs {
        industry: String,
        jobs: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        output: Option<f64>,
    },
}
