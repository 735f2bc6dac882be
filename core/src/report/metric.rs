//! The typed metrics of a cluster: every number the measure rules, the maturity scoring and the scenario
//! comparison read, as one enum.
//!
//! A metric's serde name (`"lq.cluster_employment"`) is the string the catalogues in `core/data/` and earlier
//! reports use, so files and reports keep their shape; inside the engine the name is a type, so a catalogue
//! rule that names a metric the engine does not know is refused when the catalogue loads (with its JSON
//! path), and a typo in the analysis does not compile. Whether every metric a rule reads is actually emitted
//! is checked by `core/tests/catalogue_live.rs` over the bundled examples and the test datasets.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// What a metric's number is; the presentation layer (`present`) formats by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A quotient such as a location quotient or a ratio of two counts.
    Ratio,
    /// 0..1, shown as a percentage.
    Share,
    /// A yearly rate of change, shown as a percentage per year.
    Rate,
    /// 1 = yes / present, 0 = no / absent.
    Flag,
    /// 1 (poor) .. 5 (good), entered by the user.
    Judgment,
    /// 0..100.
    Score,
    Persons,
    Firms,
    Brands,
    Patents,
    Stages,
    /// A count of institutions or facilities.
    Count,
    /// 万元.
    WanYuan,
    /// 亿元.
    YiYuan,
    /// 万元 per 亩 of land.
    WanYuanPerMu,
    /// 万元 per person.
    WanYuanPerPerson,
    /// A coded category (the life-cycle stage 1..4).
    Code,
}

impl Unit {
    /// Whether a value of this unit may be negative (rates and changes may; counts, shares and scores not).
    pub fn signed(self) -> bool {
        matches!(self, Unit::Rate)
    }
}

/// The description of a metric: its name in the catalogues, its label in both languages and its unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MetricInfo {
    pub metric: Metric,
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub unit: Unit,
}

macro_rules! metrics {
    ($($var:ident = $name:literal, $zh:literal, $en:literal, $unit:ident;)*) => {
        /// A metric of a cluster (see the module documentation).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Metric {
            $(#[serde(rename = $name)] $var,)*
        }

        /// Every metric the engine knows, in declaration order.
        pub const METRICS: &[MetricInfo] = &[
            $(MetricInfo { metric: Metric::$var, name: $name, zh: $zh, en: $en, unit: Unit::$unit },)*
        ];

        impl Metric {
            /// Every metric, in declaration order.
            pub const ALL: &'static [Metric] = &[$(Metric::$var,)*];

            /// The name the catalogues and reports use (`"lq.cluster_employment"`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Metric::$var => $name,)*
                }
            }

            /// The metric of a name, if the engine knows it.
            pub fn from_name(name: &str) -> Option<Metric> {
                match name {
                    $($name => Some(Metric::$var),)*
                    _ => None,
                }
            }
        }
    };
}

metrics! {
    LqClusterEmployment = "lq.cluster_employment", "集群产业就业区位商", "Location quotient of the cluster industry (employment)", Ratio;
    LqClusterOutput = "lq.cluster_output", "集群产业产值区位商", "Location quotient of the cluster industry (output)", Ratio;
    LqChange = "lq.change", "区位商变化（末期减初期）", "Change in the employment LQ over the history given (end − start)", Ratio;
    ConcentrationCr4 = "concentration.cr4", "前四家企业集中度 CR4", "Share of the four largest firms (CR4)", Share;
    ConcentrationHhi = "concentration.hhi", "赫芬达尔—赫希曼指数", "Herfindahl–Hirschman index (0..1)", Share;
    TownEmploymentTotal = "town.employment_total", "全镇就业人数", "Town employment", Persons;
    ClusterEmployment = "cluster.employment", "集群就业人数", "Cluster employment", Persons;
    ClusterOutput = "cluster.output", "集群产值（万元）", "Cluster output (10k yuan)", WanYuan;
    ClusterEmploymentShare = "cluster.employment_share", "集群就业占全镇就业的比重", "Cluster share of the town's employment", Share;
    FirmsCount = "firms.count", "集群企业数", "Number of cluster firms", Firms;
    FirmsLeadingCount = "firms.leading_count", "龙头企业数", "Number of leading firms (METHODS.md §1 rule or marked by the user)", Firms;
    FirmsAboveScaleCount = "firms.above_scale_count", "规模以上企业数", "Number of above-scale firms (revenue ≥ 2000 万元)", Firms;
    OutputClusterYi = "output.cluster_yi", "集群产值", "Cluster output", YiYuan;
    OutputSmeShare = "output.sme_share", "中小企业产值占比", "SMEs' share of cluster output", Share;
    ChainDesignStage = "chain.design_stage", "产业链模板含设计环节", "The chain template has a design stage", Flag;
    EmbedExternalMarketShare = "embed.external_market_share", "销往省外和境外的比重", "Share of sales outside the province or abroad", Share;
    InnovationHightechOutputShare = "innovation.hightech_output_share", "高新技术企业产值占集群产值的比重", "High-tech firms' share of the cluster's output", Share;
    ChainCoverage = "chain.coverage", "产业链环节调查覆盖率", "Chain stages surveyed / stages of the template", Share;
    ChainCompleteness = "chain.completeness", "产业链完整度", "Chain completeness: stages with a local firm / stages", Share;
    ChainWeightedCompleteness = "chain.weighted_completeness", "加权产业链完整度", "Weighted chain completeness", Share;
    ChainZhaduiIndex = "chain.zhadui_index", "“扎堆”指数", "扎堆 index: share of firms in the largest stage (assumption)", Share;
    ChainIntermediateShare = "chain.intermediate_share", "中间企业占比", "Share of firms in intermediate (supplying) stages", Share;
    ChainFinalIntermediateRatio = "chain.final_intermediate_ratio", "最终企业/中间企业之比", "Firms in final stages / firms in intermediate stages", Ratio;
    ChainColocatedNotLinked = "chain.colocated_not_linked", "“集而不群”标志", "Co-located, not linked flag", Flag;
    ChainMissingStageCount = "chain.missing_stage_count", "缺失环节数", "Number of chain stages without a local firm", Stages;
    SupportAssociation = "support.association", "行业协会或商会", "Industry association or chamber of commerce", Flag;
    SupportRdCentre = "support.rd_centre", "研发或技术中心", "R&D or technology centre serving the cluster", Flag;
    SupportFinance = "support.finance", "融资担保服务", "Financing for SMEs, incl. guarantee funds", Flag;
    SupportIntermediaries = "support.intermediaries", "会计、法律、咨询等中介", "Intermediaries: accounting, legal, consulting, HR", Flag;
    SupportLogistics = "support.logistics", "物流服务", "Logistics services", Flag;
    SupportMarket = "support.market", "专业市场", "Specialised market (raw materials or products)", Flag;
    SupportTraining = "support.training", "职业培训", "Vocational training", Flag;
    SupportDesignService = "support.design_service", "技术开发与设计服务机构", "Shared technology-development and design service", Flag;
    SupportQualityTesting = "support.quality_testing", "质量检测机构", "Quality testing service", Flag;
    SupportIndustrialPark = "support.industrial_park", "专业产业园区", "Specialised industrial park", Flag;
    SupportPublicServicePlatform = "support.public_service_platform", "产业公共服务平台", "Industry public-service platform", Flag;
    PlanningClusterPlan = "planning.cluster_plan", "集群专项规划", "A cluster development plan exists", Flag;
    FormationPremise = "formation.premise", "前提条件得分", "Formation: premise block score", Score;
    FormationDemand = "formation.demand", "需求条件得分", "Formation: demand block score", Score;
    FormationSupport = "formation.support", "支撑条件得分", "Formation: support block score", Score;
    FormationEnvironment = "formation.environment", "外部环境条件得分", "Formation: external-environment block score", Score;
    JudgmentTrust = "judgment.trust", "企业间信任与合作", "Trust and cooperation among firms", Judgment;
    JudgmentMarketInstitutions = "judgment.market_institutions", "市场制度与契约执行", "Market institutions and contract enforcement", Judgment;
    JudgmentGovernmentService = "judgment.government_service", "政府服务", "Government service", Judgment;
    JudgmentInfrastructure = "judgment.infrastructure", "交通、电力、通信等基础设施", "Roads, power and telecoms", Judgment;
    InnovationRdIntensity = "innovation.rd_intensity", "研发投入强度", "R&D spending / revenue", Share;
    InnovationPatents = "innovation.patents", "有效专利数", "Valid patents held by cluster firms", Patents;
    InnovationValidPatentsPer100Firms = "innovation.valid_patents_per_100_firms", "每百家企业有效专利数", "Valid patents per 100 cluster firms", Patents;
    InnovationZjtxCount = "innovation.zjtx_count", "专精特新企业数", "专精特新 (specialised and innovative) firms", Firms;
    InnovationHightechCount = "innovation.hightech_count", "高新技术企业数", "High-tech enterprises", Firms;
    GreenTreatmentCoverage = "green.treatment_coverage", "污染治理设施覆盖率", "Share of polluting firms with working treatment", Share;
    GreenEmissionToOutputRatio = "green.emission_to_output_ratio", "排放占比/产值占比", "Cluster's share of town emissions / its share of town output", Ratio;
    GreenEnergyToOutputRatio = "green.energy_to_output_ratio", "能耗占比/产值占比", "Cluster's share of town energy use / its share of town output", Ratio;
    DigitalAdoptionShare = "digital.adoption_share", "数字化应用企业占比", "Share of firms using digital production, order or sales tools", Share;
    EmbedLocalSourcingShare = "embed.local_sourcing_share", "本地配套率", "Share of inputs bought inside the cluster", Share;
    EmbedOutsideSalesShare = "embed.outside_sales_share", "县外销售占比", "Share of sales outside the county", Share;
    BrandRegionalBrand = "brand.regional_brand", "区域品牌（集体商标、地理标志）", "Regional brand (collective mark, geographical indication)", Flag;
    BrandFamousBrands = "brand.famous_brands", "省级以上知名品牌数", "Provincial or national famous brands", Brands;
    LabourAbsorptionRatio = "labour.absorption_ratio", "集群就业与农村富余劳动力之比", "Cluster jobs / the town's rural surplus labour", Ratio;
    LabourProductivityWan = "labour.productivity_wan", "全员劳动生产率", "Output per worker", WanYuanPerPerson;
    LandTaxPerMuWan = "land.tax_per_mu_wan", "亩均税收", "Tax per 亩 of construction land per year", WanYuanPerMu;
    GrowthOutputCagr = "growth.output_cagr", "产值年均增长率", "Compound annual growth of cluster output", Rate;
    GrowthFirmsCagr = "growth.firms_cagr", "企业数年均增长率", "Compound annual growth of the number of firms", Rate;
    MaturityIndex = "maturity.index", "成熟度指数", "Maturity index", Score;
    ClusterLq = "cluster.lq", "集群区位商（就业，无就业时为产值）", "Cluster location quotient (employment, else output)", Ratio;
    ClusterOutputShare = "cluster.output_share", "集群产值占全镇产值的比重", "Cluster share of the town's output", Share;
    ClusterLqChangePerYear = "cluster.lq_change_per_year", "集群区位商年均变化", "Yearly change of the cluster's location quotient", Rate;
    ConcentrationCr1 = "concentration.cr1", "最大企业份额 CR1", "Share of the largest firm (CR1)", Share;
    ChainStagesPresent = "chain.stages_present", "已有的产业链环节数", "Chain stages present", Stages;
    SupportAssociationsCount = "support.associations_count", "行业协会数", "Industry associations", Count;
    SupportRdCentresCount = "support.rd_centres_count", "研发中心数", "R&D centres", Count;
    SupportFinancingCount = "support.financing_count", "融资机构数", "Financing institutions", Count;
    SupportGuaranteeFund = "support.guarantee_fund", "担保基金", "Guarantee fund", Flag;
    SupportIntermediariesCount = "support.intermediaries_count", "中介服务机构数", "Intermediary services", Count;
    SupportLogisticsCount = "support.logistics_count", "物流企业数", "Logistics firms", Count;
    SupportMarketsCount = "support.markets_count", "专业市场数", "Specialised markets", Count;
    SupportTrainingCount = "support.training_count", "培训机构数", "Training institutions", Count;
    MaturityConfidence = "maturity.confidence", "成熟度指数的数据完整度", "Share of the maturity index's indicators with data", Share;
    MaturityConcentration = "maturity.concentration", "成熟度：集聚程度", "Maturity: concentration", Score;
    MaturityScale = "maturity.scale", "成熟度：规模", "Maturity: scale", Score;
    MaturityValueChain = "maturity.value_chain", "成熟度：产业链", "Maturity: value chain", Score;
    MaturityLeadingFirms = "maturity.leading_firms", "成熟度：龙头企业", "Maturity: leading firms", Score;
    MaturitySupport = "maturity.support", "成熟度：支撑体系", "Maturity: support system", Score;
    MaturityInnovation = "maturity.innovation", "成熟度：创新", "Maturity: innovation", Score;
    MaturityGreen = "maturity.green", "成熟度：绿色发展", "Maturity: green development", Score;
    MaturityEmbeddedness = "maturity.embeddedness", "成熟度：根植性与开放度", "Maturity: embeddedness and openness", Score;
    LifecycleStage = "lifecycle.stage", "生命周期阶段（1 萌芽期 … 4 衰退期）", "Life-cycle stage (1 emerging … 4 decline)", Code;
    LifecycleGrowth = "lifecycle.growth", "生命周期判定所用的年均增长率", "Yearly growth the life-cycle rules read", Rate;
    LifecycleOutputCagr = "lifecycle.output_cagr", "集群产值年均增长率（判定窗口）", "Cluster output CAGR (rule window)", Rate;
    LifecycleEmploymentCagr = "lifecycle.employment_cagr", "集群就业年均增长率（判定窗口）", "Cluster employment CAGR (rule window)", Rate;
    LifecycleFirmsCagr = "lifecycle.firms_cagr", "集群企业数年均增长率（判定窗口）", "Cluster firm-count CAGR (rule window)", Rate;
    LifecycleMaturity = "lifecycle.maturity", "生命周期判定所用的成熟度指数", "Maturity index the life-cycle rules read", Score;
    LifecycleLqChange = "lifecycle.lq_change", "生命周期判定所用的区位商年均变化", "Yearly LQ change the life-cycle rules read", Rate;
}

impl Metric {
    /// Its description (labels in both languages and unit).
    pub fn info(self) -> &'static MetricInfo {
        // METRICS is generated in the order of the enum, so the discriminant is the index.
        &METRICS[self as usize]
    }

    pub fn unit(self) -> Unit {
        self.info().unit
    }

    /// The metric a maturity dimension, formation block or life-cycle input stands for: `family.id`
    /// (`in_family("maturity", "support")` is `maturity.support`), if the engine has one.
    pub fn in_family(family: &str, id: &str) -> Option<Metric> {
        Metric::from_name(&format!("{family}.{id}"))
    }
}

// Ordered by name, so that a report's `metrics` map keeps the alphabetical order of its JSON keys.
impl Ord for Metric {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for Metric {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The description of a metric given by name, if the name is known.
pub fn metric_info(name: &str) -> Option<&'static MetricInfo> {
    Metric::from_name(name).map(Metric::info)
}

/// A cluster's metrics: metric → value, finite values only (ordered by name, so evaluation and the JSON are
/// deterministic). An absent metric is unknown, never zero.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Metrics(pub BTreeMap<Metric, f64>);

impl Metrics {
    pub fn new() -> Self {
        Metrics(BTreeMap::new())
    }

    /// Sets a metric (replacing any earlier value); a non-finite value is left out (unknown).
    pub fn set(&mut self, metric: Metric, value: f64) -> &mut Self {
        if value.is_finite() {
            self.0.insert(metric, value);
        }
        self
    }

    /// Sets a metric when the value is known.
    pub fn put(&mut self, metric: Metric, value: Option<f64>) -> &mut Self {
        if let Some(v) = value {
            self.set(metric, v);
        }
        self
    }

    /// Adds every entry of `other`.
    pub fn extend(&mut self, other: Metrics) -> &mut Self {
        self.0.extend(other.0);
        self
    }

    /// The value if present and finite; a NaN or infinity counts as absent.
    pub fn get(&self, metric: Metric) -> Option<f64> {
        self.0.get(&metric).copied().filter(|v| v.is_finite())
    }

    /// Refuses non-finite values (which deserialisation can bring in), naming the metric
    /// (`metrics.lq.cluster_employment`).
    pub fn validate(&self) -> crate::error::Result<()> {
        for (k, v) in &self.0 {
            if !v.is_finite() {
                return Err(crate::error::Error::new(
                    crate::error::ErrorKind::NotFinite,
                    format!("metrics.{k}"),
                ));
            }
        }
        Ok(())
    }

    pub fn contains(&self, metric: Metric) -> bool {
        self.get(metric).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Metric, f64)> + '_ {
        self.0.iter().map(|(k, v)| (*k, *v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a Metrics {
    type Item = (&'a Metric, &'a f64);
    type IntoIter = std::collections::btree_map::Iter<'a, Metric, f64>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<(Metric, f64)> for Metrics {
    fn from_iter<I: IntoIterator<Item = (Metric, f64)>>(iter: I) -> Self {
        let mut m = Metrics::new();
        for (k, v) in iter {
            m.set(k, v);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_round_trip_and_index_the_table() {
        let mut seen = std::collections::BTreeSet::new();
        for (i, m) in Metric::ALL.iter().enumerate() {
            assert!(seen.insert(m.name()), "duplicate {}", m.name());
            assert_eq!(Metric::from_name(m.name()), Some(*m));
            assert_eq!(METRICS[i].metric, *m);
            assert_eq!(m.info().name, m.name());
            let json = serde_json::to_string(m).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", m.name()));
            assert!(!m.info().zh.is_empty() && !m.info().en.is_empty());
        }
        assert_eq!(Metric::from_name("support.finanse"), None);
    }

    #[test]
    fn a_map_serialises_with_the_catalogue_names_in_name_order() {
        let m: Metrics = [
            (Metric::LqClusterEmployment, 2.0),
            (Metric::ChainCompleteness, 0.5),
        ]
        .into_iter()
        .collect();
        let json = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"chain.completeness":0.5,"lq.cluster_employment":2.0}"#
        );
        let back: Metrics = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, m);
        assert!(serde_json::from_str::<Metrics>(r#"{"no.such":1}"#).is_err());
    }

    #[test]
    fn non_finite_values_stay_unknown() {
        let mut m = Metrics::new();
        m.set(Metric::ClusterLq, f64::NAN)
            .put(Metric::FirmsCount, None);
        assert!(m.is_empty());
    }
}
