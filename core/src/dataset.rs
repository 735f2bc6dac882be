//! The town dataset, format v1: everything the app and the CLI analyse, as one versioned JSON document.
//!
//! `{"format": "clustercalc-dataset", "version": 1, "town": {...}, ...}` — field by field in `docs/dataset.md`.
//! Loading goes text → `serde_json::Value` → [`migrate`] (older versions are upgraded step by step, newer ones
//! refused) → typed structs through `serde_path_to_error` (so a type error names its JSON path) → [`Dataset::validate`]
//! (ranges, codes, sizes, shapes; again with the exact path). Unknown fields are **rejected**: a typo such as
//! `"employmnet"` would otherwise silently drop data an official typed in, and every analysis after it would be
//! wrong without a word. Free text belongs in `notes` and `provenance`.
//!
//! Money is in 万元 throughout (亿元 only for display); employment in persons (人); shares in 0..1.

use crate::error::{in_range, non_negative, Error, ErrorKind, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The `format` value of every dataset document.
pub const FORMAT: &str = "clustercalc-dataset";

/// The version this program writes and analyses. Older versions are migrated to it by [`migrate`].
pub const CURRENT_VERSION: u64 = 1;

/// One migration step: index `i` turns a version `i + 1` document into version `i + 2`.
type Migration = fn(Value) -> Result<Value>;

/// Migration steps, oldest first. Empty while v1 is current. When v2 arrives, push `v1_to_v2` here and bump
/// [`CURRENT_VERSION`]; the const assertion below keeps the two in step, so every old file keeps loading.
const MIGRATIONS: &[Migration] = &[];

const _: () = assert!(CURRENT_VERSION == 1 + MIGRATIONS.len() as u64);

/// Largest dataset text accepted (bytes). A 2 000 000-firm list fits; anything bigger is refused before parsing.
pub const MAX_TEXT_BYTES: usize = 256 * 1024 * 1024;

/// Size limits that protect memory and time (the web app runs in a browser tab).
pub mod limits {
    pub const FIRMS: usize = 2_000_000;
    pub const INDUSTRIES: usize = 2_000;
    pub const HISTORY_YEARS: usize = 200;
    pub const CLUSTERS: usize = 50;
    pub const STAGES: usize = 100;
    pub const REGION_TOWNS: usize = 1_000;
    pub const IO_SECTORS: usize = 500;
    pub const SCENARIOS: usize = 100;
    pub const CHANGES: usize = 10_000;
    pub const REFERENCE_INDUSTRIES: usize = 5_000;
    pub const TEXT_CHARS: usize = 10_000;
    pub const PROVENANCE: usize = 1_000;
}

/// Industry (GB/T 4754 code, text) → value.
pub type CodeMap = BTreeMap<String, f64>;

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

impl Dataset {
    /// The smallest valid dataset: a named town and nothing else (what a new form in the app starts from).
    pub fn empty(town_name: impl Into<String>) -> Dataset {
        Dataset {
            format: FORMAT.into(),
            version: CURRENT_VERSION,
            notes: None,
            provenance: Vec::new(),
            town: Town {
                name: town_name.into(),
                ..Default::default()
            },
            reference: None,
            industries: Vec::new(),
            clusters: Vec::new(),
            firms: Vec::new(),
            support: None,
            environment: None,
            judgments: None,
            region: None,
            io_table: None,
            parameters: Parameters::default(),
            scenarios: Vec::new(),
        }
    }

    /// Parses, migrates and validates a dataset. Errors name the JSON path and the reason.
    pub fn from_json(text: &str) -> Result<Dataset> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    max: MAX_TEXT_BYTES,
                },
                "",
            ));
        }
        // Strip a UTF-8 BOM: spreadsheet tools on Windows add one.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text)
            .map_err(|e| Error::new(ErrorKind::Syntax(e.to_string()), ""))?;
        Dataset::from_value(value)
    }

    /// As [`Dataset::from_json`], from an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<Dataset> {
        let dataset = Dataset::from_value_unvalidated(value)?;
        dataset.validate()?;
        Ok(dataset)
    }

    fn from_value_unvalidated(value: Value) -> Result<Dataset> {
        let value = migrate(value)?;
        check_numbers(&value, &mut String::new())?;
        serde_path_to_error::deserialize(value).map_err(|e| path_error(&e))
    }

    /// As [`Dataset::from_json`], reading the text as it arrives (a big county's file, read in pieces by the
    /// app's analysis worker): the same dataset or the same located error, without ever holding the whole text
    /// or a JSON tree of the firm list. The firm list, the only part that grows to millions, is read straight
    /// into [`Firm`]s; the rest of the document takes the `from_json` path (migration, number check).
    ///
    /// Two differences, both on broken files (found by `fuzz/dataset_reader`): the reader meets problems in file
    /// order, firms first, so of several it may name another (`from_json` names a syntax error first, then the
    /// first field in key order); and a repeated key (inside a firm, or `firms` itself) may be refused where
    /// `from_json` keeps the last value. A migration that changes firms would have to be
    /// applied here too; there is none (format version 1).
    pub fn from_json_reader<R: std::io::Read>(reader: R) -> Result<Dataset> {
        use std::io::Read;
        let mut counted = Counted {
            inner: reader.take(MAX_TEXT_BYTES as u64 + 1),
            bytes: 0,
        };
        // Strip a UTF-8 BOM, as `from_json` does: look at the first three bytes, however they arrive.
        let mut head = [0u8; 3];
        let mut got = 0;
        while got < head.len() {
            match counted.read(&mut head[got..]) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::new(ErrorKind::Syntax(e.to_string()), "")),
            }
        }
        let head = if head[..got] == *b"\xEF\xBB\xBF" {
            &[][..]
        } else {
            &head[..got]
        };
        let buffered = std::io::BufReader::with_capacity(1 << 16, head.chain(&mut counted));
        let mut de = serde_json::Deserializer::from_reader(buffered);
        let parsed = serde_path_to_error::deserialize::<_, SplitFirms>(&mut de)
            .map_err(|e| reader_error(&e))
            .and_then(|split| {
                de.end()
                    .map_err(|e| Error::new(ErrorKind::Syntax(e.to_string()), ""))?;
                Ok(split)
            });
        drop(de);
        if counted.bytes > MAX_TEXT_BYTES as u64 {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    max: MAX_TEXT_BYTES,
                },
                "",
            ));
        }
        let SplitFirms { rest, firms } = parsed?;
        let mut dataset = Dataset::from_value_unvalidated(Value::Object(rest))?;
        for (i, f) in firms.iter().enumerate() {
            for (field, v) in [
                ("employment", f.employment),
                ("revenue", f.revenue),
                ("local_sourcing_share", f.local_sourcing_share),
            ] {
                if v.is_some_and(|x| x.abs() > MAX_ABS_NUMBER) {
                    return Err(too_big(format!("firms[{i}].{field}")));
                }
            }
        }
        dataset.firms = firms;
        dataset.validate()?;
        Ok(dataset)
    }

    /// Pretty JSON text of the dataset.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain structs of strings, numbers and maps with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks ranges, codes, shapes and sizes. The first violation is returned with its JSON path.
    pub fn validate(&self) -> Result<()> {
        if self.format != FORMAT {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat(format!("format must be \"{FORMAT}\"")),
                "format",
            ));
        }
        if self.version != CURRENT_VERSION {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat(format!("version must be {CURRENT_VERSION}")),
                "version",
            ));
        }
        if let Some(n) = &self.notes {
            text_len(n, "notes")?;
        }
        cap(self.provenance.len(), limits::PROVENANCE, "provenance")?;
        validate_town(&self.town)?;
        if let Some(r) = &self.reference {
            validate_reference(r)?;
        }
        cap(self.industries.len(), limits::INDUSTRIES, "industries")?;
        let mut seen = BTreeSet::new();
        for (i, ind) in self.industries.iter().enumerate() {
            let p = format!("industries[{i}]");
            validate_industry(ind, &p)?;
            if !seen.insert(ind.code.as_str()) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("duplicate industry code {}", ind.code)),
                    format!("{p}.code"),
                ));
            }
        }
        cap(self.clusters.len(), limits::CLUSTERS, "clusters")?;
        for (i, c) in self.clusters.iter().enumerate() {
            validate_cluster(c, &format!("clusters[{i}]"))?;
        }
        cap(self.firms.len(), limits::FIRMS, "firms")?;
        for (i, f) in self.firms.iter().enumerate() {
            // Check first, build the path only for the error: no allocation per firm of a two-million list.
            if validate_firm(f, "").is_err() {
                validate_firm(f, &format!("firms[{i}]"))?;
            }
        }
        if let Some(s) = &self.environment {
            validate_environment(s)?;
        }
        if let Some(j) = &self.judgments {
            validate_judgments(j)?;
        }
        if let Some(r) = &self.region {
            validate_region(r)?;
        }
        if let Some(t) = &self.io_table {
            validate_io(t)?;
        }
        validate_parameters(&self.parameters)?;
        cap(self.scenarios.len(), limits::SCENARIOS, "scenarios")?;
        for (i, s) in self.scenarios.iter().enumerate() {
            validate_scenario(s, &format!("scenarios[{i}]"))?;
        }
        Ok(())
    }
}

/// Upgrades a dataset document to [`CURRENT_VERSION`]; refuses other formats and future versions.
pub fn migrate(mut value: Value) -> Result<Value> {
    let Some(obj) = value.as_object() else {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat("the document must be a JSON object".into()),
            "",
        ));
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(_) => {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat(format!("format must be \"{FORMAT}\"")),
                "format",
            ))
        }
        None => return Err(Error::new(ErrorKind::Missing, "format")),
    }
    let version = match obj.get("version") {
        None => return Err(Error::new(ErrorKind::Missing, "version")),
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            Error::new(
                ErrorKind::UnsupportedFormat("version must be a whole number ≥ 1".into()),
                "version",
            )
        })?,
    };
    if version > CURRENT_VERSION {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat(format!(
                "version {version} is newer than this program, which reads versions 1 to {CURRENT_VERSION}; \
                 update the program"
            )),
            "version",
        ));
    }
    let mut v = version;
    while v < CURRENT_VERSION {
        let step = usize::try_from(v - 1)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::UnsupportedFormat(format!("no migration from version {v}")),
                    "version",
                )
            })?;
        value = step(value)?;
        v += 1;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("version".into(), Value::from(v));
        }
    }
    Ok(value)
}

/// A reader that counts the bytes it has given out (the size limit of [`Dataset::from_json_reader`]).
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// A dataset document as read by [`Dataset::from_json_reader`]: the firm list as firms, everything else as JSON.
struct SplitFirms {
    rest: serde_json::Map<String, Value>,
    firms: Vec<Firm>,
}

impl<'de> Deserialize<'de> for SplitFirms {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = SplitFirms;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<SplitFirms, A::Error> {
                let mut rest = serde_json::Map::new();
                let mut firms = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "firms" {
                        // A repeated `firms` replaces the earlier list (if that one read at all).
                        firms = Some(map.next_value::<Vec<Firm>>()?);
                    } else {
                        let v = map.next_value::<Value>()?;
                        rest.insert(key, v);
                    }
                }
                Ok(SplitFirms {
                    rest,
                    firms: firms.unwrap_or_default(),
                })
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A located error from [`Dataset::from_json_reader`]: text that is not JSON is a syntax error of the document
/// (as in `from_json`); anything else is a field problem at its path.
fn reader_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    match e.inner().classify() {
        serde_json::error::Category::Syntax
        | serde_json::error::Category::Eof
        | serde_json::error::Category::Io => {
            Error::new(ErrorKind::Syntax(e.inner().to_string()), "")
        }
        serde_json::error::Category::Data if e.path().to_string() == "." => Error::new(
            ErrorKind::UnsupportedFormat("the document must be a JSON object".into()),
            "",
        ),
        serde_json::error::Category::Data => path_error(e),
    }
}

/// Largest magnitude of any number in a dataset (as `api::MAX_ABS_NUMBER`): employment and 万元 never come near
/// it, and it keeps sums over two million firms far from f64 overflow, so no report can hold an infinity.
pub const MAX_ABS_NUMBER: f64 = 1e15;

/// A number beyond ±[`MAX_ABS_NUMBER`] at `path`.
fn too_big(path: String) -> Error {
    Error::new(
        ErrorKind::OutOfRange {
            min: -MAX_ABS_NUMBER,
            max: MAX_ABS_NUMBER,
        },
        path,
    )
}

fn check_numbers(v: &Value, path: &mut String) -> Result<()> {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or(f64::INFINITY);
            if !x.is_finite() {
                return Err(Error::new(ErrorKind::NotFinite, path.clone()));
            }
            if x.abs() > MAX_ABS_NUMBER {
                return Err(too_big(path.clone()));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                // write! into the existing buffer: no allocation per element of a two-million-firm list.
                let _ = std::fmt::Write::write_fmt(path, format_args!("[{i}]"));
                check_numbers(item, path)?;
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                check_numbers(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// JSON Schema of the dataset format (draft 2020-12), for `clustercalc schema` and editors.
#[cfg(feature = "schema")]
pub fn json_schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Dataset)).unwrap_or(Value::Null)
}

/// Turns a serde error with its path into an [`Error`] naming the field.
fn path_error(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    let msg = e.inner().to_string();
    let join = |field: &str| {
        if path.is_empty() {
            field.to_string()
        } else {
            format!("{path}.{field}")
        }
    };
    if let Some(field) = backticked(&msg, "missing field `") {
        return Error::new(ErrorKind::Missing, join(field));
    }
    if let Some(field) = backticked(&msg, "unknown field `") {
        let expected = msg
            .split_once("expected one of ")
            .map(|(_, list)| {
                list.split(", ")
                    .map(|s| s.trim_matches('`').to_string())
                    .collect()
            })
            .unwrap_or_default();
        return Error::new(
            ErrorKind::UnknownName {
                name: field.to_string(),
                expected,
            },
            // serde_path_to_error already ends the path with the unknown key.
            path,
        );
    }
    if let Some(name) = backticked(&msg, "unknown variant `") {
        let expected = msg
            .split_once("expected one of ")
            .or_else(|| msg.split_once("expected "))
            .map(|(_, list)| {
                list.split(", ")
                    .map(|s| s.trim_matches('`').to_string())
                    .collect()
            })
            .unwrap_or_default();
        return Error::new(
            ErrorKind::UnknownName {
                name: name.to_string(),
                expected,
            },
            path,
        );
    }
    Error::new(ErrorKind::Syntax(msg), path)
}

/// The text between `prefix` and the next backtick, if `msg` starts with `prefix`.
fn backticked<'a>(msg: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = msg.strip_prefix(prefix)?;
    rest.split('`').next()
}

fn cap(len: usize, max: usize, path: &str) -> Result<()> {
    if len > max {
        Err(Error::new(ErrorKind::TooLarge { max }, path))
    } else {
        Ok(())
    }
}

fn text_len(s: &str, path: &str) -> Result<()> {
    cap(s.chars().count(), limits::TEXT_CHARS, path)
}

fn opt_num(v: Option<f64>, path: &str, field: &str) -> Result<()> {
    if let Some(v) = v {
        non_negative(v, || format!("{path}.{field}"))?;
    }
    Ok(())
}

fn opt_share(v: Option<f64>, path: &str, field: &str) -> Result<()> {
    if let Some(v) = v {
        in_range(v, 0.0, 1.0, || format!("{path}.{field}"))?;
    }
    Ok(())
}

fn opt_year(v: Option<i32>, path: &str) -> Result<()> {
    if let Some(y) = v {
        if !(1900..=2200).contains(&y) {
            return Err(Error::new(
                ErrorKind::OutOfRange {
                    min: 1900.0,
                    max: 2200.0,
                },
                path,
            ));
        }
    }
    Ok(())
}

/// True for a GB/T 4754 code: 2–4 ASCII digits.
pub fn is_industry_code(code: &str) -> bool {
    (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit())
}

fn industry_code(code: &str, path: impl Fn() -> String) -> Result<()> {
    if is_industry_code(code) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::BadText(format!(
                "industry code must be 2–4 digits as text (GB/T 4754), got \"{}\"",
                code.chars().take(20).collect::<String>()
            )),
            path(),
        ))
    }
}

fn code_map(m: &CodeMap, path: &str) -> Result<()> {
    cap(m.len(), limits::REFERENCE_INDUSTRIES, path)?;
    for (k, v) in m {
        industry_code(k, || format!("{path}.{k}"))?;
        non_negative(*v, || format!("{path}.{k}"))?;
    }
    Ok(())
}

fn non_empty(s: &str, path: &str) -> Result<()> {
    text_len(s, path)?;
    if s.trim().is_empty() {
        Err(Error::new(ErrorKind::Missing, path))
    } else {
        Ok(())
    }
}

fn validate_town(t: &Town) -> Result<()> {
    // An unnamed town is a half-filled form, not an error: its figures can be analysed before it has a name.
    if let Some(code) = &t.code {
        if code.len() != 9 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::new(
                ErrorKind::BadText("township code must be 9 digits as text".into()),
                "town.code",
            ));
        }
    }
    opt_year(t.year, "town.year")?;
    for (f, v) in [
        ("area_km2", t.area_km2),
        ("population", t.population),
        ("labour_force", t.labour_force),
        ("employed", t.employed),
        ("rural_surplus_labour", t.rural_surplus_labour),
        ("construction_land_mu", t.construction_land_mu),
        ("tax_revenue", t.tax_revenue),
    ] {
        opt_num(v, "town", f)?;
    }
    if let Some(g) = &t.gdp {
        opt_num(g.primary, "town.gdp", "primary")?;
        opt_num(g.secondary, "town.gdp", "secondary")?;
        opt_num(g.tertiary, "town.gdp", "tertiary")?;
    }
    if let Some(i) = &t.construction_investment {
        opt_num(i.public, "town.construction_investment", "public")?;
        opt_num(i.private, "town.construction_investment", "private")?;
    }
    if let Some(f) = &t.featured_town {
        if let Some(n) = &f.name {
            text_len(n, "town.featured_town.name")?;
        }
        opt_num(f.planned_area_km2, "town.featured_town", "planned_area_km2")?;
        opt_num(f.jobs, "town.featured_town", "jobs")?;
        opt_share(f.investment_share, "town.featured_town", "investment_share")?;
    }
    Ok(())
}

fn validate_reference(r: &Reference) -> Result<()> {
    text_len(&r.name, "reference.name")?;
    opt_year(r.year, "reference.year")?;
    code_map(&r.employment, "reference.employment")?;
    code_map(&r.output, "reference.output")?;
    total_at_least_sum(
        r.total_employment,
        &r.employment,
        "reference.total_employment",
    )?;
    total_at_least_sum(r.total_output, &r.output, "reference.total_output")?;
    if let Some(s) = &r.second_year {
        opt_year(Some(s.year), "reference.second_year.year")?;
        code_map(&s.employment, "reference.second_year.employment")?;
        code_map(&s.output, "reference.second_year.output")?;
        total_at_least_sum(
            s.total_employment,
            &s.employment,
            "reference.second_year.total_employment",
        )?;
        total_at_least_sum(
            s.total_output,
            &s.output,
            "reference.second_year.total_output",
        )?;
    }
    Ok(())
}

/// A declared total must be finite, ≥ 0 and not smaller than the sum it contains (1e-9 relative slack for
/// rounding in spreadsheets).
fn total_at_least_sum(total: Option<f64>, m: &CodeMap, path: &str) -> Result<()> {
    if let Some(t) = total {
        non_negative(t, || path.to_string())?;
        let sum: f64 = m.values().sum();
        if t < sum * (1.0 - 1e-9) {
            return Err(Error::new(
                ErrorKind::BadText(format!(
                    "total {t} is smaller than the sum of the industries listed ({sum})"
                )),
                path,
            ));
        }
    }
    Ok(())
}

fn validate_years(h: &[YearFigures], path: &str) -> Result<()> {
    cap(h.len(), limits::HISTORY_YEARS, path)?;
    let mut years = BTreeSet::new();
    for (k, y) in h.iter().enumerate() {
        let p = format!("{path}[{k}]");
        opt_year(Some(y.year), &format!("{p}.year"))?;
        if !years.insert(y.year) {
            return Err(Error::new(
                ErrorKind::BadText(format!("year {} appears twice", y.year)),
                format!("{p}.year"),
            ));
        }
        opt_num(y.employment, &p, "employment")?;
        opt_num(y.output, &p, "output")?;
        opt_num(y.value_added, &p, "value_added")?;
    }
    Ok(())
}

fn validate_industry(ind: &Industry, p: &str) -> Result<()> {
    industry_code(&ind.code, || format!("{p}.code"))?;
    text_len(&ind.name, &format!("{p}.name"))?;
    opt_num(ind.employment, p, "employment")?;
    opt_num(ind.output, p, "output")?;
    opt_num(ind.value_added, p, "value_added")?;
    opt_share(ind.outside_sales_share, p, "outside_sales_share")?;
    if let (Some(a), Some(f)) = (ind.above_scale_firms, ind.firms) {
        if a > f {
            return Err(Error::new(
                ErrorKind::BadText(format!("{a} 规上 firms but only {f} firms")),
                format!("{p}.above_scale_firms"),
            ));
        }
    }
    validate_years(&ind.history, &format!("{p}.history"))
}

fn validate_cluster(c: &Cluster, p: &str) -> Result<()> {
    non_empty(&c.name, &format!("{p}.name"))?;
    cap(
        c.industries.len(),
        limits::INDUSTRIES,
        &format!("{p}.industries"),
    )?;
    for (k, code) in c.industries.iter().enumerate() {
        industry_code(code, || format!("{p}.industries[{k}]"))?;
    }
    cap(
        c.leading_industries.len(),
        limits::INDUSTRIES,
        &format!("{p}.leading_industries"),
    )?;
    for (k, code) in c.leading_industries.iter().enumerate() {
        industry_code(code, || format!("{p}.leading_industries[{k}]"))?;
    }
    if let Some(t) = &c.chain_template {
        text_len(t, &format!("{p}.chain_template"))?;
    }
    if let Some(t) = &c.custom_template {
        let tp = format!("{p}.custom_template");
        non_empty(&t.id, &format!("{tp}.id"))?;
        cap(t.stages.len(), limits::STAGES, &format!("{tp}.stages"))?;
        if t.stages.is_empty() {
            return Err(Error::new(
                ErrorKind::TooFew { min: 1 },
                format!("{tp}.stages"),
            ));
        }
        let mut ids = BTreeSet::new();
        for (k, s) in t.stages.iter().enumerate() {
            let sp = format!("{tp}.stages[{k}]");
            non_empty(&s.id, &format!("{sp}.id"))?;
            if !ids.insert(s.id.as_str()) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("duplicate stage id {}", s.id)),
                    format!("{sp}.id"),
                ));
            }
            opt_num(s.weight, &sp, "weight")?;
            for (q, code) in s.codes.iter().enumerate() {
                industry_code(code, || format!("{sp}.codes[{q}]"))?;
            }
        }
    }
    cap(
        c.stage_firms.len(),
        limits::STAGES,
        &format!("{p}.stage_firms"),
    )?;
    for k in c.stage_firms.keys() {
        non_empty(k, &format!("{p}.stage_firms"))?;
    }
    opt_share(c.outside_market_share, p, "outside_market_share")?;
    opt_share(c.local_sourcing_share, p, "local_sourcing_share")?;
    opt_share(c.sme_output_share, p, "sme_output_share")?;
    opt_share(c.featured_investment_share, p, "featured_investment_share")?;
    opt_share(c.digital_adoption_share, p, "digital_adoption_share")?;
    opt_share(c.outside_province_share, p, "outside_province_share")?;
    opt_share(c.export_share, p, "export_share")?;
    if let (Some(e), Some(o)) = (c.export_share, c.outside_province_share) {
        if e > o + 1e-9 {
            return Err(Error::new(
                ErrorKind::BadText(format!(
                    "exports ({e}) are part of the sales outside the province ({o}) and cannot exceed them"
                )),
                format!("{p}.export_share"),
            ));
        }
    }
    opt_num(c.employment, p, "employment")?;
    opt_num(c.output, p, "output")?;
    if let Some(i) = &c.innovation {
        opt_num(
            i.rd_expenditure,
            &format!("{p}.innovation"),
            "rd_expenditure",
        )?;
        opt_num(
            i.high_tech_output,
            &format!("{p}.innovation"),
            "high_tech_output",
        )?;
    }
    validate_years(&c.history, &format!("{p}.history"))
}

fn validate_firm(f: &Firm, p: &str) -> Result<()> {
    // Names may repeat (two 袜厂 of the same name in different villages) and may be empty in anonymous surveys.
    if f.name.len() > 1_000 {
        return Err(Error::new(
            ErrorKind::TooLarge { max: 1_000 },
            format!("{p}.name"),
        ));
    }
    if let Some(code) = &f.industry {
        industry_code(code, || format!("{p}.industry"))?;
    }
    opt_num(f.employment, p, "employment")?;
    opt_num(f.revenue, p, "revenue")?;
    opt_share(f.local_sourcing_share, p, "local_sourcing_share")?;
    Ok(())
}

fn validate_environment(e: &Environment) -> Result<()> {
    let p = "environment";
    opt_num(e.wastewater_total, p, "wastewater_total")?;
    opt_num(e.wastewater_cluster, p, "wastewater_cluster")?;
    opt_num(e.cod_total, p, "cod_total")?;
    opt_num(e.cod_cluster, p, "cod_cluster")?;
    opt_share(e.treatment_coverage, p, "treatment_coverage")?;
    opt_num(e.energy_total, p, "energy_total")?;
    opt_num(e.energy_cluster, p, "energy_cluster")?;
    for (part, total, field) in [
        (e.energy_cluster, e.energy_total, "energy_cluster"),
        (
            e.wastewater_cluster,
            e.wastewater_total,
            "wastewater_cluster",
        ),
        (e.cod_cluster, e.cod_total, "cod_cluster"),
    ] {
        if let (Some(a), Some(t)) = (part, total) {
            if a > t * (1.0 + 1e-9) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("cluster figure {a} exceeds the town total {t}")),
                    format!("{p}.{field}"),
                ));
            }
        }
    }
    Ok(())
}

fn validate_judgments(j: &Judgments) -> Result<()> {
    let p = "judgments";
    for (f, v) in [
        ("trust", j.trust),
        ("market_institutions", j.market_institutions),
        ("government_service", j.government_service),
        ("infrastructure", j.infrastructure),
    ] {
        if let Some(v) = v {
            in_range(v, 1.0, 5.0, || format!("{p}.{f}"))?;
        }
    }
    if let Some(g) = &j.gem {
        for (f, v) in [
            ("resources", g.resources),
            ("facilities", g.facilities),
            ("suppliers", g.suppliers),
            ("structure", g.structure),
            ("local_market", g.local_market),
            ("external_market", g.external_market),
        ] {
            in_range(v, 1.0, 10.0, || format!("{p}.gem.{f}"))?;
        }
    }
    if let Some(m) = &j.maturity_ahp {
        let n = crate::maturity::DIMENSIONS.len();
        let mp = format!("{p}.maturity_ahp");
        if m.len() != n {
            return Err(Error::new(
                ErrorKind::DimensionMismatch {
                    expected: n,
                    found: m.len(),
                },
                mp,
            ));
        }
        for (i, row) in m.iter().enumerate() {
            if row.len() != n {
                return Err(Error::new(
                    ErrorKind::DimensionMismatch {
                        expected: n,
                        found: row.len(),
                    },
                    format!("{mp}[{i}]"),
                ));
            }
            for (k, v) in row.iter().enumerate() {
                crate::error::positive(*v, || format!("{mp}[{i}][{k}]"))?;
            }
        }
        // Reciprocity and the diagonal are checked here too, so a bad matrix is refused at load time with its
        // cell rather than failing later inside the analysis. Tolerance 1e-6 relative: users type 0.333333.
        for i in 0..n {
            for k in 0..n {
                let a = m.get(i).and_then(|r| r.get(k)).copied().unwrap_or(1.0);
                let b = m.get(k).and_then(|r| r.get(i)).copied().unwrap_or(1.0);
                if i == k && (a - 1.0).abs() > 1e-9 {
                    return Err(Error::new(
                        ErrorKind::DiagonalNotOne,
                        format!("{mp}[{i}][{k}]"),
                    ));
                }
                if (a * b - 1.0).abs() > 1e-3 {
                    return Err(Error::new(
                        ErrorKind::NotReciprocal,
                        format!("{mp}[{k}][{i}]"),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn validate_region(r: &Region) -> Result<()> {
    text_len(&r.name, "region.name")?;
    cap(r.towns.len(), limits::REGION_TOWNS, "region.towns")?;
    let mut names = BTreeSet::new();
    for (i, t) in r.towns.iter().enumerate() {
        let p = format!("region.towns[{i}]");
        non_empty(&t.name, &format!("{p}.name"))?;
        if !names.insert(t.name.as_str()) {
            return Err(Error::new(
                ErrorKind::BadText(format!("duplicate town name {}", t.name)),
                format!("{p}.name"),
            ));
        }
        code_map(&t.employment, &format!("{p}.employment"))?;
        total_at_least_sum(
            t.total_employment,
            &t.employment,
            &format!("{p}.total_employment"),
        )?;
    }
    Ok(())
}

fn validate_io(t: &IoTable) -> Result<()> {
    let p = "io_table";
    let n = t.sectors.len();
    cap(n, limits::IO_SECTORS, &format!("{p}.sectors"))?;
    if n == 0 {
        return Err(Error::new(
            ErrorKind::TooFew { min: 1 },
            format!("{p}.sectors"),
        ));
    }
    for (i, s) in t.sectors.iter().enumerate() {
        non_empty(&s.name, &format!("{p}.sectors[{i}].name"))?;
        for (k, code) in s.industries.iter().enumerate() {
            industry_code(code, || format!("{p}.sectors[{i}].industries[{k}]"))?;
        }
    }
    let len = |found: usize, path: String| {
        if found == n {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::DimensionMismatch { expected: n, found },
                path,
            ))
        }
    };
    len(t.z.len(), format!("{p}.z"))?;
    for (i, row) in t.z.iter().enumerate() {
        len(row.len(), format!("{p}.z[{i}]"))?;
        for (k, v) in row.iter().enumerate() {
            non_negative(*v, || format!("{p}.z[{i}][{k}]"))?;
        }
    }
    len(t.x.len(), format!("{p}.x"))?;
    for (i, v) in t.x.iter().enumerate() {
        crate::error::positive(*v, || format!("{p}.x[{i}]"))?;
    }
    for (f, v) in [
        ("employment", &t.employment),
        ("value_added", &t.value_added),
        ("labour_income", &t.labour_income),
        ("household_consumption", &t.household_consumption),
    ] {
        if let Some(v) = v {
            len(v.len(), format!("{p}.{f}"))?;
            for (i, x) in v.iter().enumerate() {
                non_negative(*x, || format!("{p}.{f}[{i}]"))?;
            }
        }
    }
    Ok(())
}

fn validate_parameters(pm: &Parameters) -> Result<()> {
    let p = "parameters";
    if let Some(k) = &pm.keynes {
        for (f, v) in [("c", k.c), ("t", k.t), ("m", k.m)] {
            in_range(v, 0.0, 1.0, || format!("{p}.keynes.{f}"))?;
        }
    }
    if let Some(d) = pm.flq_delta {
        if !d.is_finite() {
            return Err(Error::new(ErrorKind::NotFinite, format!("{p}.flq_delta")));
        }
        if !(0.0..1.0).contains(&d) {
            return Err(Error::new(
                ErrorKind::OutOfRangeHalfOpen { min: 0.0, max: 1.0 },
                format!("{p}.flq_delta"),
            ));
        }
    }
    opt_num(pm.small_industry_employment, p, "small_industry_employment")?;
    opt_share(pm.leading_output_share, p, "leading_output_share")?;
    opt_num(pm.leading_revenue, p, "leading_revenue")?;
    opt_num(pm.above_scale_revenue, p, "above_scale_revenue")?;
    if let Some(w) = &pm.maturity_weights {
        let wp = format!("{p}.maturity_weights");
        let mut sum = 0.0;
        for (k, v) in w {
            if !crate::maturity::DIMENSIONS.contains(&k.as_str()) {
                return Err(Error::new(
                    ErrorKind::UnknownName {
                        name: k.clone(),
                        expected: crate::maturity::DIMENSIONS
                            .iter()
                            .map(|s| s.to_string())
                            .collect(),
                    },
                    format!("{wp}.{k}"),
                ));
            }
            sum += non_negative(*v, || format!("{wp}.{k}"))?;
        }
        if sum <= 0.0 || !sum.is_finite() {
            return Err(Error::new(ErrorKind::ZeroTotal, wp));
        }
    }
    Ok(())
}

fn validate_scenario(s: &Scenario, p: &str) -> Result<()> {
    non_empty(&s.name, &format!("{p}.name"))?;
    cap(s.changes.len(), limits::CHANGES, &format!("{p}.changes"))?;
    for (i, c) in s.changes.iter().enumerate() {
        let cp = format!("{p}.changes[{i}]");
        match c {
            Change::AddFirm { firm } => validate_firm(firm, &format!("{cp}.firm"))?,
            Change::RemoveFirm { name } => non_empty(name, &format!("{cp}.name"))?,
            Change::AddJobs {
                industry,
                jobs,
                output,
            }
            | Change::RemoveJobs {
                industry,
                jobs,
                output,
            } => {
                industry_code(industry, || format!("{cp}.industry"))?;
                non_negative(*jobs, || format!("{cp}.jobs"))?;
                opt_num(*output, &cp, "output")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streaming reader gives what `from_json` gives: the same dataset for valid text, the same located
    /// error for invalid text, whatever the size of the pieces the text arrives in.
    #[test]
    fn reader_matches_from_json() {
        /// Hands out `piece` bytes at a time, as the worker's file reader does with its chunks.
        struct Pieces<'a>(&'a [u8], usize);
        impl std::io::Read for Pieces<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut texts: Vec<String> = crate::examples::names()
            .into_iter()
            .filter_map(crate::examples::get)
            .map(str::to_string)
            .collect();
        texts.push(serde_json::to_string(&crate::examples::synthetic_county(5, 2_000)).unwrap());
        texts.push(format!("\u{feff}{}", texts[0]));
        let firm = |extra: &str| {
            texts[0].replacen(
                "\"firms\": [",
                &format!("\"firms\": [{{\"name\": \"x\"{extra}}},"),
                1,
            )
        };
        let bad = [
            firm(", \"employment\": 1e16"),
            firm(", \"employment\": -3"),
            firm(", \"colour\": \"red\""),
            firm(", \"employment\": \"many\""),
            firm(", \"employment\": 1e999"),
            texts[0].replacen("\"version\": 1", "\"version\": 7", 1),
            texts[0].replacen(
                "\"format\": \"clustercalc-dataset\"",
                "\"format\": \"other\"",
                1,
            ),
            texts[0][..texts[0].len() / 2].to_string(),
            // A misfit firm field, then broken JSON further on (found by fuzz/dataset_reader).
            firm(", \"tow\": 1")
                .replacen("\"support\"", "\"support\" ", 1)
                .replacen("\"parameters\": {", "\"parameters\": {,", 1),
            format!("{} trailing", texts[0]),
            "[1, 2]".to_string(),
            "{}".to_string(),
        ];
        for t in bad.iter().chain(texts.iter()) {
            let whole = Dataset::from_json(t);
            for piece in [1, 7, 4096] {
                let streamed = Dataset::from_json_reader(Pieces(t.as_bytes(), piece));
                match (&whole, &streamed) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b),
                    // Broken JSON: both refuse, each naming the first problem it meets.
                    (Err(a), Err(b))
                        if matches!(a.kind, ErrorKind::Syntax(_))
                            || matches!(b.kind, ErrorKind::Syntax(_)) => {}
                    (Err(a), Err(b)) => {
                        assert_eq!(a.path, b.path, "{t:.80}");
                        assert_eq!(
                            std::mem::discriminant(&a.kind),
                            std::mem::discriminant(&b.kind),
                            "{a:?} vs {b:?}"
                        );
                    }
                    _ => panic!(
                        "{:?} vs {:?} for {t:.200}",
                        whole.as_ref().err(),
                        streamed.as_ref().err()
                    ),
                }
            }
        }
        assert!(bad.iter().all(|t| Dataset::from_json(t).is_err()));
        // The one known difference: a key repeated inside a firm, refused by the reader at that firm.
        let twice = firm(", \"employment\": 3, \"employment\": 4");
        assert!(Dataset::from_json(&twice).is_ok());
        let e = Dataset::from_json_reader(twice.as_bytes()).unwrap_err();
        assert!(e.path.starts_with("firms[0]"), "{e:?}");
    }

    fn minimal() -> String {
        r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"测试镇"}}"#.to_string()
    }

    #[track_caller]
    fn err_of(text: &str) -> Error {
        Dataset::from_json(text).expect_err("should be invalid")
    }

    #[test]
    fn minimal_dataset_loads() {
        let d = Dataset::from_json(&minimal()).unwrap();
        assert_eq!(d.town.name, "测试镇");
        assert!(d.industries.is_empty());
        assert_eq!(d, Dataset::empty("测试镇"));
    }

    #[test]
    fn future_version_is_refused_with_a_clear_reason() {
        let e = err_of(r#"{"format":"clustercalc-dataset","version":2,"town":{"name":"x"}}"#);
        assert_eq!(e.path, "version");
        assert!(e
            .message(crate::Lang::En)
            .contains("newer than this program"));
    }

    #[test]
    fn errors_name_the_json_path() {
        let cases: &[(&str, &str)] = &[
            (
                r#""industries":[{"code":"17","employment":-1}]"#,
                "industries[0].employment",
            ),
            (r#""industries":[{"code":"C17"}]"#, "industries[0].code"),
            (
                r#""industries":[{"code":"17","employment":"many"}]"#,
                "industries[0].employment",
            ),
            (
                r#""industries":[{"code":"17","employmnet":5}]"#,
                "industries[0].employmnet",
            ),
            (r#""industries":[{"name":"x"}]"#, "industries[0].code"),
            (r#""judgments":{"trust":6}"#, "judgments.trust"),
            (
                r#""reference":{"name":"r","employment":{"17":-3}}"#,
                "reference.employment.17",
            ),
            (r#""parameters":{"flq_delta":1.0}"#, "parameters.flq_delta"),
            (
                r#""parameters":{"keynes":{"c":0.7,"t":0.2,"m":0.2,"form":"magic"}}"#,
                "parameters.keynes.form",
            ),
            (
                r#""scenarios":[{"name":"s","changes":[{"kind":"add-jobs","industry":"17","jobs":-5}]}]"#,
                "scenarios[0].changes[0].jobs",
            ),
            (
                r#""io_table":{"sectors":[{"name":"a"},{"name":"b"}],"z":[[1,2],[3]],"x":[1,2]}"#,
                "io_table.z[1]",
            ),
            (
                r#""firms":[{"name":"a","local_sourcing_share":1.5}]"#,
                "firms[0].local_sourcing_share",
            ),
        ];
        for (fields, path) in cases {
            let text = format!(
                r#"{{"format":"clustercalc-dataset","version":1,"town":{{"name":"x"}},{fields}}}"#
            );
            let e = err_of(&text);
            assert_eq!(&e.path, path, "{fields}: {}", e.message(crate::Lang::En));
        }
    }

    #[test]
    fn wrong_format_and_syntax_are_refused() {
        assert_eq!(err_of(r#"{"format":"other","version":1}"#).path, "format");
        assert_eq!(err_of(r#"{"version":1}"#).path, "format");
        assert!(matches!(err_of("{").kind, ErrorKind::Syntax(_)));
        assert!(matches!(err_of("[]").kind, ErrorKind::UnsupportedFormat(_)));
        assert_eq!(
            err_of(r#"{"format":"clustercalc-dataset","version":1}"#).path,
            "town"
        );
    }

    #[test]
    fn round_trip_preserves_the_dataset() {
        let text = r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x","code":"330681104"},
            "industries":[{"code":"1771","name":"袜","firms":10,"employment":100,"history":[{"year":2000,"firms":5}]}],
            "scenarios":[{"name":"s","changes":[{"kind":"add-firm","firm":{"name":"f","employment":50}}]}]}"#;
        let d = Dataset::from_json(text).unwrap();
        let again = Dataset::from_json(&d.to_json_pretty()).unwrap();
        assert_eq!(d, again);
    }
}
