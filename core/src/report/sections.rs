//! The report's sections: what `analyze` returns, section by section, as serialisable types.

use crate::chain::ChainAssessment;
use crate::checklists::{ChecklistInput, ChecklistResult};
use crate::error::Error;
use crate::formation::Formation;
use crate::lang::{Lang, Text};
use crate::lifecycle::Lifecycle;
use crate::maturity::Maturity;
use crate::methods::economic_base::EconomicBaseOutput;
use crate::methods::gem::GemOutput;
use crate::methods::growth::{self, LqQuadrant};
use crate::methods::input_output::IoOutput;
use crate::methods::keynes::KeynesOutput;
use crate::methods::location_quotient::LqBand;
use crate::methods::shift_share::ShiftShareOutput;
use crate::report::Metrics;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `format` of every report.
pub const REPORT_FORMAT: &str = "clustercalc-report";

/// The key under which employment of unlisted industries ("all other") enters LQ and Krugman computations.
pub const OTHER: &str = "other";

/// A report section: computed, or not computed with the reason (what data is missing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Section<T> {
    Computed(T),
    NotComputed { reason: Text },
}

impl<T> Section<T> {
    /// The computed value, if any.
    pub fn computed(&self) -> Option<&T> {
        match self {
            Section::Computed(t) => Some(t),
            Section::NotComputed { .. } => None,
        }
    }

    pub fn missing(zh: &str, en: &str) -> Section<T> {
        Section::NotComputed {
            reason: Text::new(zh, en),
        }
    }

    /// Not computed because a method refused its input; the reason names the field in both languages.
    pub fn refused(what: Text, e: &Error) -> Section<T> {
        Section::NotComputed {
            reason: Text::new(
                format!("{}：{}", what.zh, e.message(Lang::Zh)),
                format!("{}: {}", what.en, e.message(Lang::En)),
            ),
        }
    }

    pub fn is_computed(&self) -> bool {
        matches!(self, Section::Computed(_))
    }
}

/// A threshold with where it comes from ("assumption" when it is this tool's judgement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub value: f64,
    pub source: String,
}

impl Threshold {
    pub(crate) fn new(value: f64, source: &str) -> Threshold {
        Threshold {
            value,
            source: source.into(),
        }
    }
}

/// A warning that belongs next to the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable id (`small-industry`, `not-in-reference`, `ahp-inconsistent`, …).
    pub code: String,
    pub message: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The town at a glance (基本情况).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TownSummary {
    pub name: String,
    pub county: Option<String>,
    pub province: Option<String>,
    pub year: Option<i32>,
    pub area_km2: Option<f64>,
    pub population: Option<f64>,
    pub labour_force: Option<f64>,
    pub rural_surplus_labour: Option<f64>,
    /// Employment total used as the LQ denominator e_r.
    pub employment_total: Option<f64>,
    /// `town.employed` or `sum of industries`.
    pub employment_total_basis: String,
    /// Σ output of the listed industries (万元).
    pub output_total: Option<f64>,
    /// GDP (万元) and its three-sector structure (shares).
    pub gdp_total: Option<f64>,
    pub gdp_structure: Option<[f64; 3]>,
    /// Private share of town construction investment (seed ch.3 (六)); needs both the
    /// public and the private figure.
    pub private_investment_share: Option<f64>,
    /// The urbanisation rate and its change in points a year (seed ch.5 (一): Hunan 29.75 % → 40.45 %, 2000–2007).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urbanisation: Option<crate::methods::urbanisation::Urbanisation>,
    pub industries: usize,
    pub firms_listed: usize,
    /// True when the dataset says some of its numbers are illustrative.
    pub illustrative: bool,
}

/// LQs of one measure (employment or output).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LqTable {
    /// `employment` or `output`.
    pub measure: String,
    pub local_total: f64,
    pub reference_total: f64,
    pub industries: Vec<IndustryLq>,
    /// Krugman index over the listed industries plus "other" (0..2); Hoover = Krugman / 2.
    pub krugman: f64,
    pub hoover: f64,
}

impl LqTable {
    /// Whether the totals take in the employment (or output) outside the listed industries — both the town's and
    /// the reference's totals were given — rather than being the listed industries' sums on both sides.
    pub fn counts_unlisted(&self) -> bool {
        self.local_total > self.industries.iter().map(|i| i.value).sum::<f64>() + 1e-9
    }
}

/// One industry's LQ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndustryLq {
    pub code: String,
    pub name: String,
    pub value: f64,
    pub lq: f64,
    pub band: LqBand,
    /// Employment below the small-industry threshold: the LQ is unstable.
    pub small: bool,
}

/// Location quotients and specialisation (METHODS §1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Specialisation {
    /// `all-employment` (default) or `traded-employment`.
    pub variant: String,
    pub reference: String,
    pub employment: Option<LqTable>,
    pub output: Option<LqTable>,
    pub small_industry_threshold: Threshold,
    /// Industries left out because the reference has no (or zero) figure for them.
    pub not_in_reference: Vec<String>,
    pub bands_source: String,
}

/// Cluster totals and where each comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterTotals {
    pub firms: Option<f64>,
    pub employment: Option<f64>,
    /// 万元.
    pub output: Option<f64>,
    pub employment_share: Option<f64>,
    pub output_share: Option<f64>,
    /// Field → `cluster` (entered for the cluster), `industries` (summed) or `stages` (summed stage firms).
    pub origin: BTreeMap<String, String>,
}

/// The cluster's own location quotient (its industries together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterLq {
    pub variant: String,
    pub employment: Option<f64>,
    pub output: Option<f64>,
    pub band: Option<LqBand>,
}

/// Concentration of the listed firms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concentration {
    /// `revenue` or `employment`.
    pub variant: String,
    #[serde(flatten)]
    pub result: crate::methods::concentration::ConcentrationOutput,
    /// Listed firms / cluster firms (when the cluster's firm count is known).
    pub coverage: Option<f64>,
    pub bain_source: String,
}

/// A leading firm and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadingFirm {
    pub name: String,
    pub revenue: Option<f64>,
    pub output_share: Option<f64>,
    /// `marked`, `output-share`, `revenue`.
    pub reasons: Vec<String>,
}

/// Leading firms and 规上 firms (METHODS §1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Leading {
    pub leading_output_share: Threshold,
    pub leading_revenue: Threshold,
    pub firms: Vec<LeadingFirm>,
    /// Leading firms found among the listed firms (0 when no firm is listed: see `firms_listed`).
    pub count: usize,
    /// Firms of the cluster in the firm list; leading firms can only be found among them.
    pub firms_listed: usize,
    pub above_scale_revenue: Threshold,
    /// 规上 firms among the listed firms (revenue ≥ bound).
    pub above_scale_listed: usize,
    /// 规上 firms entered for the cluster's industries.
    pub above_scale_entered: Option<f64>,
}

/// LQ trend and quadrant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quadrant {
    pub variant: String,
    pub earlier_year: i32,
    pub latest_year: i32,
    pub earlier: f64,
    pub latest: f64,
    /// LQ change per year.
    pub change_per_year: f64,
    pub quadrant: LqQuadrant,
    pub source: String,
}

/// Checklists evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checklists {
    pub input: ChecklistInput,
    pub lists: Vec<ChecklistResult>,
}

/// Everything about one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterReport {
    pub name: String,
    pub industries: Vec<String>,
    /// The seed's cluster type (ch.6 一) and where it came from; it decides which measures apply.
    pub typology: crate::typology::Typology,
    pub totals: ClusterTotals,
    pub lq: Section<ClusterLq>,
    pub concentration: Section<Concentration>,
    pub leading: Section<Leading>,
    pub chain: Section<ChainAssessment>,
    pub formation: Formation,
    pub maturity: Section<Maturity>,
    pub lifecycle: Lifecycle,
    pub lq_quadrant: Section<Quadrant>,
    pub growth: Section<growth::CagrOutput>,
    pub checklists: Section<Checklists>,
    /// Metrics for the measure engine and the UI (undefined numbers left out).
    pub metrics: Metrics,
}

/// Industry growth over the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    pub industries: Vec<IndustryGrowth>,
}

/// CAGR of one industry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndustryGrowth {
    pub code: String,
    /// `output` or `employment`.
    pub measure: String,
    pub from: i32,
    pub to: i32,
    #[serde(flatten)]
    pub cagr: growth::CagrOutput,
}

/// Economic-base multiplier with its caveat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EconomicBase {
    #[serde(flatten)]
    pub result: EconomicBaseOutput,
    pub caveat: Text,
}

/// Keynesian multiplier with the parameter anchors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keynes {
    pub c: f64,
    pub t: f64,
    pub m: f64,
    #[serde(flatten)]
    pub result: KeynesOutput,
    pub anchors: Text,
}

/// Input–output multipliers of the table as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputOutput {
    pub table: String,
    pub sectors: Vec<String>,
    #[serde(flatten)]
    pub result: IoOutput,
}

/// The town's position in its county (region mode, METHODS §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionReport {
    pub county: String,
    pub study_town: String,
    #[serde(flatten)]
    pub result: crate::methods::region::RegionOutput,
    /// Firms left out of EG γ because their town or industry is not in the region's data.
    pub skipped_firms: usize,
    pub eg_bands_source: String,
}

/// The provincial table regionalised to the town, with the town's multipliers (METHODS §4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Regionalisation {
    pub sectors: Vec<String>,
    /// Town employment mapped onto the table's sectors.
    pub town_employment: Vec<f64>,
    /// δ with its source (the method's own `delta`, flattened from `result`, is the value used).
    pub delta_threshold: Threshold,
    #[serde(flatten)]
    pub result: crate::methods::regionalize::RegionalizeOutput,
    /// Column sums of the regional Leontief inverse (town output multipliers).
    pub output_multipliers: Vec<f64>,
    /// Town Type I employment multipliers (provincial jobs per 万元 as the town's, an assumption); `None` for a
    /// sector without jobs.
    pub employment_type1: Vec<Option<f64>>,
    /// Output multipliers for δ ∈ {0.1, 0.2, 0.3, 0.4} (FLQ/AFLQ).
    pub multiplier_sensitivity: Vec<DeltaMultipliers>,
}

/// Town output multipliers for one δ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeltaMultipliers {
    pub delta: f64,
    pub output_multipliers: Vec<f64>,
}

/// Suggested measures per cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureList {
    pub clusters: Vec<ClusterMeasures>,
}

/// Ranked measures of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterMeasures {
    pub cluster: String,
    pub measures: Vec<crate::measures::SuggestedMeasure>,
    /// 需要补充调查的数据: unknown inputs and the measures they would decide.
    #[serde(default)]
    pub data_needed: Vec<crate::measures::DataNeed>,
    /// Ids of measures whose rules fired but that are not for this cluster's type (seed ch.6 一).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<String>,
}

/// The full report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub format: String,
    pub version: u32,
    pub town: TownSummary,
    pub warnings: Vec<Warning>,
    pub specialisation: Section<Specialisation>,
    pub clusters: Vec<ClusterReport>,
    pub region: Section<RegionReport>,
    pub shift_share: Section<ShiftShareOutput>,
    pub growth: Section<Growth>,
    pub economic_base: Section<EconomicBase>,
    pub keynes: Section<Keynes>,
    pub input_output: Section<InputOutput>,
    pub regionalisation: Section<Regionalisation>,
    pub gem: Section<GemOutput>,
    pub scenarios: Section<crate::scenario::Scenarios>,
    /// Measures ranked by priority, each with its evidence.
    pub measures: Section<MeasureList>,
}
