//! The whole analysis of a town dataset: every method of METHODS.md the data allows, in one serialisable report.
//!
//! Each section is either computed or `{"status": "not_computed", "reason": {zh, en}}` naming the data that is
//! missing, so a half-filled form still gives every result it can. Every number carries its method variant, and
//! every threshold its source or "assumption". Warnings (unstable LQs of tiny industries, inconsistent totals,
//! AHP inconsistency, a non-productive I-O table) are part of the report. The function never panics and never
//! puts NaN or infinity in the report: undefined numbers become `not_computed` or are left out.

use crate::chain::{self, AssessOptions, ChainAssessment};
use crate::checklists::{self, ChecklistInput, ChecklistResult};
use crate::dataset::{Cluster, Dataset, Firm, LqBasis, Weighting, YearFigures};
use crate::error::Error;
use crate::formation::{self, Formation};
use crate::lang::{Lang, Text};
use crate::lifecycle::{self, Lifecycle};
use crate::maturity::{self, Maturity, Weights};
use crate::methods::economic_base::{self, EconomicBaseInput, EconomicBaseOutput};
use crate::methods::gem::{self, GemInput, GemOutput};
use crate::methods::growth::{self, LqQuadrant};
use crate::methods::input_output::{self, IoInput, IoOutput};
use crate::methods::keynes::{self, KeynesOutput};
use crate::methods::location_quotient::{location_quotients, LqBand, LqOutput, Values};
use crate::methods::shift_share::{self, ShiftShareInput, ShiftShareOutput};
use crate::report::{Metric, Metrics};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
    fn new(value: f64, source: &str) -> Threshold {
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

fn warn(code: &str, zh: String, en: String, path: Option<String>) -> Warning {
    Warning {
        code: code.into(),
        message: Text::new(zh, en),
        path,
    }
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
    /// Private share of town construction investment (seed ch.3: 70 % in Zhejiang towns).
    pub private_investment_share: Option<f64>,
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

/// Parameter defaults with their sources (METHODS.md).
pub mod defaults {
    pub const SMALL_INDUSTRY: f64 = 100.0;
    pub const SMALL_INDUSTRY_SOURCE: &str = "assumption";
    pub const LEADING_SHARE: f64 = 0.10;
    pub const LEADING_SHARE_SOURCE: &str = "assumption (METHODS.md §1)";
    pub const LEADING_REVENUE: f64 = 40_000.0;
    pub const LEADING_REVENUE_SOURCE: &str =
        "统计上大中小微型企业划分办法: large industrial firm revenue ≥ 40 000 万元";
    pub const ABOVE_SCALE: f64 = 2_000.0;
    pub const ABOVE_SCALE_SOURCE: &str =
        "NBS 规模以上工业: 年主营业务收入 ≥ 2000 万元 (since 2011)";
    pub const FLQ_DELTA: f64 = 0.3;
    pub const FLQ_DELTA_SOURCE: &str =
        "assumption: the value most used since Flegg & Webber; Chinese provinces fit 0.05–0.075";
}

/// Analyses a validated dataset. Never panics; sections the data does not allow say why.
pub fn analyze(d: &Dataset) -> Report {
    analyze_reporting(d, &mut |_| {})
}

/// How far an analysis has got: `done` of `total` runs (the baseline, one per scenario, then the measures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// As [`analyze`], telling `on_step` after each run: a county with a million firms takes a while, and the app's
/// analysis worker shows how far it is. The report is the same as `analyze`'s.
pub fn analyze_reporting(d: &Dataset, on_step: &mut dyn FnMut(Progress)) -> Report {
    let total = d.scenarios.len() + 2;
    let mut report = analyze_base(d);
    on_step(Progress { done: 1, total });
    report.scenarios = crate::scenario::run_reporting(d, &report, &mut |k| {
        on_step(Progress { done: 1 + k, total })
    });
    report.measures = measures_section(&report);
    on_step(Progress { done: total, total });
    report
}

/// Town-level context shared by the sections.
pub(crate) struct Ctx<'a> {
    pub d: &'a Dataset,
    /// The firm list the analysis reads: `d.firms`, or a scenario's changed list (which shares the baseline's
    /// firms instead of cloning them; a town may list millions).
    pub firms: &'a [&'a crate::dataset::Firm],
    pub employment_total: Option<f64>,
    pub output_total: Option<f64>,
    pub small_threshold: f64,
}

/// Everything except scenarios and measures (which re-run or read this).
pub(crate) fn analyze_base(d: &Dataset) -> Report {
    let firms: Vec<&crate::dataset::Firm> = d.firms.iter().collect();
    analyze_base_with(d, &firms)
}

/// [`analyze_base`] over a given firm list instead of `d.firms` (scenarios: the baseline's firms with the
/// scenario's additions and removals, borrowed rather than cloned).
pub(crate) fn analyze_base_with<'a>(
    d: &'a Dataset,
    firms: &'a [&'a crate::dataset::Firm],
) -> Report {
    let mut warnings = Vec::new();
    let (ctx, basis) = context(d, firms, &mut warnings);
    let (employment_total, output_total) = (ctx.employment_total, ctx.output_total);
    let town = town_summary(d, firms.len(), employment_total, basis, output_total);
    let specialisation = specialisation(&ctx, &mut warnings);
    let clusters = d
        .clusters
        .iter()
        .enumerate()
        .map(|(k, c)| cluster_report(&ctx, k, c, &mut warnings))
        .collect();
    let region = region_section(&ctx, &mut warnings);
    let shift_share = shift_share_section(d);
    let growth = growth_section(d);
    let economic_base = economic_base_section(&ctx);
    let keynes = keynes_section(d);
    let input_output = io_section(d, &mut warnings);
    let regionalisation = regionalisation_section(&ctx, &mut warnings);
    let gem = match d.judgments.as_ref().and_then(|j| j.gem.as_ref()) {
        None => Section::missing(
            "未填写 GEM 六个因素的评分（judgments.gem）",
            "no GEM factor scores (judgments.gem)",
        ),
        Some(g) => match gem::gem(&GemInput {
            resources: g.resources,
            facilities: g.facilities,
            suppliers: g.suppliers,
            structure: g.structure,
            local_market: g.local_market,
            external_market: g.external_market,
        }) {
            Ok(o) => Section::Computed(o),
            Err(e) => Section::refused(Text::new("GEM", "GEM"), &e.within("judgments.gem")),
        },
    };
    Report {
        format: REPORT_FORMAT.into(),
        version: 1,
        town,
        warnings,
        specialisation,
        clusters,
        region,
        shift_share,
        growth,
        economic_base,
        keynes,
        input_output,
        regionalisation,
        gem,
        scenarios: Section::missing("基准分析", "baseline run"),
        measures: Section::missing("基准分析", "baseline run"),
    }
}

/// The town's totals (employment with the basis it was taken from, output) and the context the sections share.
fn context<'a>(
    d: &'a Dataset,
    firms: &'a [&'a crate::dataset::Firm],
    warnings: &mut Vec<Warning>,
) -> (Ctx<'a>, &'static str) {
    let sum_emp: f64 = d.industries.iter().filter_map(|i| i.employment).sum();
    let (employment_total, basis) = match d.town.employed {
        Some(e) if e > 0.0 && e >= sum_emp => (Some(e), "town.employed"),
        Some(e) if e > 0.0 => {
            warnings.push(warn(
                "employed-below-industries",
                format!("全镇就业人数 {e} 小于各行业就业之和 {sum_emp}，区位商以行业之和为分母"),
                format!(
                    "town employment {e} is below the sum of industries {sum_emp}; LQs use the sum"
                ),
                Some("town.employed".into()),
            ));
            (Some(sum_emp), "sum of industries")
        }
        _ if sum_emp > 0.0 => (Some(sum_emp), "sum of industries"),
        _ => (None, "none"),
    };
    let sum_out: f64 = d.industries.iter().filter_map(|i| i.output).sum();
    let output_total = (sum_out > 0.0).then_some(sum_out);
    let ctx = Ctx {
        d,
        firms,
        employment_total,
        output_total,
        small_threshold: d
            .parameters
            .small_industry_employment
            .unwrap_or(defaults::SMALL_INDUSTRY),
    };
    (ctx, basis)
}

/// What a scenario compares with the baseline (`scenario.rs`): the town's employment total and the first
/// cluster's report, computed exactly as [`analyze_base_with`] computes them, without the sections the comparison
/// does not read (specialisation, region, I-O, regionalisation, …). A scenario re-run is then a fraction of a full
/// analysis, which matters on every keystroke in a big town.
pub(crate) fn compared_with<'a>(
    d: &'a Dataset,
    firms: &'a [&'a crate::dataset::Firm],
) -> (Option<f64>, Option<ClusterReport>) {
    let mut warnings = Vec::new();
    let (ctx, _) = context(d, firms, &mut warnings);
    let first = d
        .clusters
        .first()
        .map(|c| cluster_report(&ctx, 0, c, &mut warnings));
    (ctx.employment_total, first)
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

fn ratio(a: f64, b: f64) -> Option<f64> {
    if b > 0.0 {
        finite(a / b)
    } else {
        None
    }
}

fn town_summary(
    d: &Dataset,
    firms_listed: usize,
    employment_total: Option<f64>,
    basis: &str,
    output_total: Option<f64>,
) -> TownSummary {
    let t = &d.town;
    let (gdp_total, gdp_structure) = match &t.gdp {
        Some(g) => match (g.primary, g.secondary, g.tertiary) {
            (Some(a), Some(b), Some(c)) if a + b + c > 0.0 => {
                let s = a + b + c;
                (Some(s), Some([a / s, b / s, c / s]))
            }
            _ => (None, None),
        },
        None => (None, None),
    };
    let private_investment_share = t.construction_investment.as_ref().and_then(|i| {
        let (p, q) = (i.public.unwrap_or(0.0), i.private?);
        ratio(q, p + q)
    });
    TownSummary {
        name: t.name.clone(),
        county: t.county.clone(),
        province: t.province.clone(),
        year: t.year,
        area_km2: t.area_km2,
        population: t.population,
        labour_force: t.labour_force,
        rural_surplus_labour: t.rural_surplus_labour,
        employment_total,
        employment_total_basis: basis.into(),
        output_total,
        gdp_total,
        gdp_structure,
        private_investment_share,
        industries: d.industries.len(),
        firms_listed,
        illustrative: d.provenance.iter().any(|p| p.illustrative),
    }
}

/// True when an industry or firm code belongs to one of the cluster's codes (prefix match: `"17"` holds `"1762"`).
pub fn belongs(code: &str, cluster_codes: &[String]) -> bool {
    let code = code.as_bytes();
    cluster_codes.iter().any(|c| {
        let c = c.as_bytes();
        // A byte loop rather than `starts_with`: codes are 2–4 digits, too short for its memcmp call to pay, and
        // this runs for every firm of every cluster on every edit.
        c.len() <= code.len() && c.iter().zip(code).all(|(a, b)| a == b)
    })
}

fn is_traded(code: &str) -> bool {
    crate::gbt4754::division(code).is_some_and(|d| d.sector <= 2)
}

/// Local and reference maps for `location_quotients`, with "other" carrying the unlisted remainder on both
/// sides so that e_r and E are the true totals. Returns the maps and the industries missing from the reference.
fn lq_maps(
    local: &[(String, f64)],
    local_total: Option<f64>,
    reference: &Values,
    reference_total: Option<f64>,
) -> (Values, Values, Vec<String>) {
    let mut l = Values::new();
    let mut r = Values::new();
    let mut missing = Vec::new();
    for (code, v) in local {
        match reference.get(code) {
            Some(rv) if *rv > 0.0 => {
                l.insert(code.clone(), *v);
                r.insert(code.clone(), *rv);
            }
            _ => missing.push(code.clone()),
        }
    }
    let l_sum: f64 = l.values().sum();
    let r_sum: f64 = r.values().sum();
    let l_rest = local_total.unwrap_or(0.0) - l_sum;
    let r_rest = reference_total.unwrap_or_else(|| reference.values().sum()) - r_sum;
    // "other" enters only when both sides have a remainder: an LQ needs a positive reference value.
    if l_rest > 1e-9 && r_rest > 1e-9 {
        l.insert(OTHER.into(), l_rest);
        r.insert(OTHER.into(), r_rest);
    } else if r_rest > 1e-9 && l_sum > 0.0 {
        l.insert(OTHER.into(), 0.0);
        r.insert(OTHER.into(), r_rest);
    }
    (l, r, missing)
}

fn lq_table(
    measure: &str,
    out: &LqOutput,
    d: &Dataset,
    local: &Values,
    small_threshold: f64,
) -> LqTable {
    let industries = out
        .lq
        .iter()
        .filter(|(code, _)| code.as_str() != OTHER)
        .filter_map(|(code, lq)| {
            let ind = d.industries.iter().find(|i| &i.code == code)?;
            Some(IndustryLq {
                code: code.clone(),
                name: ind.name.clone(),
                value: local.get(code).copied().unwrap_or(0.0),
                lq: finite(*lq)?,
                band: LqBand::of(*lq),
                small: ind.employment.is_some_and(|e| e < small_threshold),
            })
        })
        .collect();
    LqTable {
        measure: measure.into(),
        local_total: out.local_total,
        reference_total: out.reference_total,
        industries,
        krugman: finite(out.krugman).unwrap_or(0.0),
        hoover: finite(out.hoover).unwrap_or(0.0),
    }
}

fn specialisation(ctx: &Ctx, warnings: &mut Vec<Warning>) -> Section<Specialisation> {
    let d = ctx.d;
    let Some(reference) = &d.reference else {
        return Section::missing(
            "未填写参照区域（reference）的分行业就业或产值，无法计算区位商",
            "no reference area (reference) with employment or output by industry: LQs need one",
        );
    };
    if d.industries.is_empty() {
        return Section::missing(
            "未填写本镇的行业数据（industries）",
            "no town industries (industries)",
        );
    }
    let traded = d.parameters.lq_basis == Some(LqBasis::Traded);
    let keep = |code: &str| !traded || is_traded(code);
    let mut not_in_reference = BTreeSet::new();

    let emp_local: Vec<(String, f64)> = d
        .industries
        .iter()
        .filter(|i| keep(&i.code))
        .filter_map(|i| Some((i.code.clone(), i.employment?)))
        .collect();
    let employment = if emp_local.is_empty() || reference.employment.is_empty() {
        None
    } else {
        let (local_total, ref_map, ref_total) = if traded {
            let r: Values = reference
                .employment
                .iter()
                .filter(|(k, _)| is_traded(k))
                .map(|(k, v)| (k.clone(), *v))
                .collect();
            (None, r, None)
        } else {
            (
                ctx.employment_total,
                reference.employment.clone(),
                reference.total_employment,
            )
        };
        let (l, r, missing) = lq_maps(&emp_local, local_total, &ref_map, ref_total);
        not_in_reference.extend(missing);
        match location_quotients(&l, &r) {
            Ok(out) => Some(lq_table("employment", &out, d, &l, ctx.small_threshold)),
            Err(_) => None,
        }
    };
    let out_local: Vec<(String, f64)> = d
        .industries
        .iter()
        .filter(|i| keep(&i.code))
        .filter_map(|i| Some((i.code.clone(), i.output?)))
        .collect();
    let output = if out_local.is_empty() || reference.output.is_empty() {
        None
    } else {
        let (ref_map, ref_total) = if traded {
            (
                reference
                    .output
                    .iter()
                    .filter(|(k, _)| is_traded(k))
                    .map(|(k, v)| (k.clone(), *v))
                    .collect(),
                None,
            )
        } else {
            (reference.output.clone(), reference.total_output)
        };
        let (l, r, missing) = lq_maps(&out_local, None, &ref_map, ref_total);
        not_in_reference.extend(missing);
        location_quotients(&l, &r)
            .ok()
            .map(|out| lq_table("output", &out, d, &l, ctx.small_threshold))
    };
    if employment.is_none() && output.is_none() {
        return Section::missing(
            "本镇与参照区域没有可对应的行业就业或产值（行业代码须一致且参照值 > 0）",
            "no industry has employment or output in both the town and the reference (same codes, reference > 0)",
        );
    }
    for code in &not_in_reference {
        warnings.push(warn(
            "not-in-reference",
            format!("行业 {code} 在参照区域中没有数据，未计算其区位商"),
            format!("industry {code} has no reference figure; its LQ is not computed"),
            Some(format!("reference.employment.{code}")),
        ));
    }
    if let Some(t) = &employment {
        for i in t.industries.iter().filter(|i| i.small) {
            warnings.push(warn(
                "small-industry",
                format!(
                    "行业 {} 就业仅 {} 人（< {}，假设），其区位商不稳定",
                    i.code, i.value, ctx.small_threshold
                ),
                format!(
                    "industry {} employs only {} (< {}, assumption): its LQ is unstable",
                    i.code, i.value, ctx.small_threshold
                ),
                None,
            ));
        }
    }
    Section::Computed(Specialisation {
        variant: if traded {
            "traded-employment".into()
        } else {
            "all-employment".into()
        },
        reference: reference.name.clone(),
        employment,
        output,
        small_industry_threshold: Threshold::new(
            ctx.small_threshold,
            if d.parameters.small_industry_employment.is_some() {
                "user"
            } else {
                defaults::SMALL_INDUSTRY_SOURCE
            },
        ),
        not_in_reference: not_in_reference.into_iter().collect(),
        bands_source:
            "Chinese practice: LQ ≤ 1 自给性, 1–2 专业化, > 2 比较优势明显 (METHODS.md §1)".into(),
    })
}

/// Firms of the study town that belong to the cluster.
pub(crate) fn cluster_firms<'a>(ctx: &Ctx<'a>, c: &Cluster) -> Vec<&'a crate::dataset::Firm> {
    let d = ctx.d;
    let single = d.clusters.len() == 1;
    ctx.firms
        .iter()
        .copied()
        .filter(|f| f.town.as_deref().is_none_or(|t| t == d.town.name))
        .filter(|f| match &f.industry {
            Some(code) => belongs(code, &c.industries),
            None => single,
        })
        .collect()
}

fn cluster_totals(ctx: &Ctx, c: &Cluster) -> ClusterTotals {
    let d = ctx.d;
    let members: Vec<_> = d
        .industries
        .iter()
        .filter(|i| belongs(&i.code, &c.industries))
        .collect();
    let mut origin = BTreeMap::new();
    let sum_opt = |f: &dyn Fn(&crate::dataset::Industry) -> Option<f64>| -> Option<f64> {
        let v: Vec<f64> = members.iter().filter_map(|i| f(i)).collect();
        (!v.is_empty()).then(|| v.iter().sum())
    };
    let mut pick = |name: &str, own: Option<f64>, summed: Option<f64>, stages: Option<f64>| {
        if own.is_some() {
            origin.insert(name.to_string(), "cluster".to_string());
            own
        } else if summed.is_some() {
            origin.insert(name.to_string(), "industries".to_string());
            summed
        } else if stages.is_some() {
            origin.insert(name.to_string(), "stages".to_string());
            stages
        } else {
            None
        }
    };
    let stage_sum: u64 = c.stage_firms.values().sum();
    let firms = pick(
        "firms",
        c.firms.map(|f| f as f64),
        sum_opt(&|i| i.firms.map(|f| f as f64)),
        (stage_sum > 0).then_some(stage_sum as f64),
    );
    let employment = pick("employment", c.employment, sum_opt(&|i| i.employment), None);
    let output = pick("output", c.output, sum_opt(&|i| i.output), None);
    ClusterTotals {
        firms,
        employment,
        output,
        employment_share: employment.and_then(|e| ratio(e, ctx.employment_total?)),
        output_share: output.and_then(|o| ratio(o, ctx.output_total?)),
        origin,
    }
}

fn cluster_lq(ctx: &Ctx, c: &Cluster, t: &ClusterTotals) -> Section<ClusterLq> {
    let d = ctx.d;
    let Some(r) = &d.reference else {
        return Section::missing("未填写参照区域", "no reference area");
    };
    if c.industries.is_empty() {
        return Section::missing(
            "集群未列出行业代码（clusters[].industries）",
            "the cluster lists no industry codes (clusters[].industries)",
        );
    }
    let one = |local: Option<f64>, local_total: Option<f64>, m: &Values, total: Option<f64>| {
        let e = local?;
        let e_r = local_total?;
        let big_e_i: f64 = m
            .iter()
            .filter(|(k, _)| belongs(k, &c.industries))
            .map(|(_, v)| v)
            .sum();
        let big_e = total.unwrap_or_else(|| m.values().sum());
        let q = ratio(ratio(e, e_r)?, ratio(big_e_i, big_e)?)?;
        finite(q)
    };
    let employment = one(
        t.employment,
        ctx.employment_total,
        &r.employment,
        r.total_employment,
    );
    let output = one(t.output, ctx.output_total, &r.output, r.total_output);
    if employment.is_none() && output.is_none() {
        return Section::missing(
            "集群行业在本镇或参照区域缺少就业/产值数据",
            "the cluster's industries lack employment or output in the town or the reference",
        );
    }
    Section::Computed(ClusterLq {
        variant: "all-employment".into(),
        employment,
        output,
        band: employment.or(output).map(LqBand::of),
    })
}

fn concentration_section(
    c: &Cluster,
    t: &ClusterTotals,
    warnings: &mut Vec<Warning>,
    k: usize,
    firms: &[&Firm],
) -> Section<Concentration> {
    if firms.is_empty() {
        return Section::missing(
            "没有属于该集群的企业名单（firms），无法计算 HHI 与 CR4",
            "no firm list for the cluster (firms): HHI and CR4 need one",
        );
    }
    let by_revenue = firms.iter().any(|f| f.revenue.is_some_and(|r| r > 0.0));
    let sizes: Vec<f64> = firms
        .iter()
        .map(|f| {
            if by_revenue {
                f.revenue.unwrap_or(0.0)
            } else {
                f.employment.unwrap_or(0.0)
            }
        })
        .collect();
    match crate::methods::concentration::concentration(&sizes) {
        Ok(result) => {
            let coverage = t.firms.and_then(|n| ratio(firms.len() as f64, n));
            if coverage.is_some_and(|c| c < 0.5) {
                warnings.push(warn(
                    "partial-firm-list",
                    format!(
                        "集群“{}”的企业名单只覆盖 {:.1}% 的企业：HHI、CR4 只反映名单内企业",
                        c.name,
                        coverage.unwrap_or(0.0) * 100.0
                    ),
                    format!(
                        "the firm list of cluster '{}' covers only {:.1}% of its firms: HHI and CR4 describe the listed firms only",
                        c.name,
                        coverage.unwrap_or(0.0) * 100.0
                    ),
                    Some(format!("clusters[{k}]")),
                ));
            }
            Section::Computed(Concentration {
                variant: if by_revenue { "revenue" } else { "employment" }.into(),
                result,
                coverage,
                bain_source:
                    "Bain: CR4 ≥ 75 % high, 50–74 % moderate, 25–49 % weak, < 25 % atomistic".into(),
            })
        }
        Err(_) => Section::missing(
            "名单内企业的营业收入和就业均为 0 或缺失",
            "the listed firms have no revenue or employment",
        ),
    }
}

fn leading_section(ctx: &Ctx, c: &Cluster, t: &ClusterTotals, firms: &[&Firm]) -> Section<Leading> {
    let d = ctx.d;
    let p = &d.parameters;
    let share_t = Threshold::new(
        p.leading_output_share.unwrap_or(defaults::LEADING_SHARE),
        if p.leading_output_share.is_some() {
            "user"
        } else {
            defaults::LEADING_SHARE_SOURCE
        },
    );
    let rev_t = Threshold::new(
        p.leading_revenue.unwrap_or(defaults::LEADING_REVENUE),
        if p.leading_revenue.is_some() {
            "user"
        } else {
            defaults::LEADING_REVENUE_SOURCE
        },
    );
    let scale_t = Threshold::new(
        p.above_scale_revenue.unwrap_or(defaults::ABOVE_SCALE),
        if p.above_scale_revenue.is_some() {
            "user"
        } else {
            defaults::ABOVE_SCALE_SOURCE
        },
    );
    let members: Vec<_> = d
        .industries
        .iter()
        .filter(|i| belongs(&i.code, &c.industries))
        .filter_map(|i| i.above_scale_firms)
        .collect();
    let above_scale_entered = (!members.is_empty()).then(|| members.iter().sum::<u64>() as f64);
    if firms.is_empty() {
        if above_scale_entered.is_none() {
            return Section::missing(
                "没有企业名单，也没有规上企业数",
                "no firm list and no count of 规上 firms",
            );
        }
        return Section::Computed(Leading {
            leading_output_share: share_t,
            leading_revenue: rev_t,
            firms: Vec::new(),
            count: 0,
            firms_listed: 0,
            above_scale_revenue: scale_t,
            above_scale_listed: 0,
            above_scale_entered,
        });
    }
    let listed_revenue: f64 = firms.iter().filter_map(|f| f.revenue).sum();
    let base = t
        .output
        .filter(|o| *o > 0.0)
        .or((listed_revenue > 0.0).then_some(listed_revenue));
    let mut leading = Vec::new();
    for f in firms {
        let mut reasons = Vec::new();
        if f.leading == Some(true) {
            reasons.push("marked".to_string());
        }
        let share = f.revenue.and_then(|r| ratio(r, base?));
        if share.is_some_and(|s| s >= share_t.value) {
            reasons.push("output-share".into());
        }
        if f.revenue.is_some_and(|r| r >= rev_t.value) {
            reasons.push("revenue".into());
        }
        if !reasons.is_empty() {
            leading.push(LeadingFirm {
                name: f.name.clone(),
                revenue: f.revenue,
                output_share: share,
                reasons,
            });
        }
    }
    let above_scale_listed = firms
        .iter()
        .filter(|f| f.revenue.is_some_and(|r| r >= scale_t.value))
        .count();
    Section::Computed(Leading {
        leading_output_share: share_t,
        leading_revenue: rev_t,
        count: leading.len(),
        firms: leading,
        firms_listed: firms.len(),
        above_scale_revenue: scale_t,
        above_scale_listed,
        above_scale_entered,
    })
}

/// The chain template of a cluster: the user's own, else a bundled one.
/// The Err side is the section to show instead (boxed: it is much larger than the template).
fn template_of(
    c: &Cluster,
) -> std::result::Result<chain::ChainTemplate, Box<Section<ChainAssessment>>> {
    if let Some(t) = &c.custom_template {
        let json = serde_json::json!({
            "id": t.id,
            "name": {"zh": t.name_zh, "en": t.name_en},
            "stages": t.stages.iter().map(|s| serde_json::json!({
                "id": s.id,
                "name": {"zh": s.name_zh, "en": s.name_en},
                "kind": s.kind.name(),
                "weight": s.weight.unwrap_or(1.0),
                "codes": s.codes,
            })).collect::<Vec<_>>(),
        });
        return chain::parse_template(&json.to_string()).map_err(|e| {
            Box::new(Section::refused(
                Text::new("自定义产业链模板", "custom chain template"),
                &e.within("custom_template"),
            ))
        });
    }
    match &c.chain_template {
        None => Err(Box::new(Section::missing(
            "未选择产业链模板（chain_template 或 custom_template）",
            "no chain template (chain_template or custom_template)",
        ))),
        Some(id) => chain::template(id).cloned().map_err(|e| {
            Box::new(Section::refused(
                Text::new("产业链模板", "chain template"),
                &e.within("chain_template"),
            ))
        }),
    }
}

fn chain_section(
    c: &Cluster,
    lq: Option<f64>,
    k: usize,
    firms: &[&Firm],
) -> Section<ChainAssessment> {
    let template = match template_of(c) {
        Ok(t) => t,
        Err(s) => return *s,
    };
    let mut by_stage: BTreeMap<String, f64> = c
        .stage_firms
        .iter()
        .map(|(k, v)| (k.clone(), *v as f64))
        .collect();
    if by_stage.is_empty() {
        for f in firms {
            if let Some(s) = &f.stage {
                *by_stage.entry(s.clone()).or_insert(0.0) += 1.0;
            }
        }
    }
    if by_stage.is_empty() {
        return Section::missing(
            "没有按产业链环节的企业数（stage_firms 或企业的 stage）",
            "no firms by chain stage (stage_firms or firms' stage)",
        );
    }
    let opts = AssessOptions {
        lq,
        ..Default::default()
    };
    match chain::assess(&template, &by_stage, &opts) {
        Ok(a) => Section::Computed(a),
        Err(e) => Section::refused(
            Text::new("产业链评估", "chain assessment"),
            &e.within(&format!("clusters[{k}]")),
        ),
    }
}

/// The cluster's history: its own, else the sum of its industries' history (a year counts for a figure only
/// when every member industry has it), plus the current figures at `town.year`.
pub(crate) fn cluster_history(d: &Dataset, c: &Cluster, t: &ClusterTotals) -> Vec<YearFigures> {
    let mut h: Vec<YearFigures> = if !c.history.is_empty() {
        c.history.clone()
    } else {
        let members: Vec<_> = d
            .industries
            .iter()
            .filter(|i| belongs(&i.code, &c.industries))
            .collect();
        let years: BTreeSet<i32> = members
            .iter()
            .flat_map(|i| i.history.iter().map(|y| y.year))
            .collect();
        years
            .into_iter()
            .map(|year| {
                let get = |f: &dyn Fn(&YearFigures) -> Option<f64>| -> Option<f64> {
                    let mut s = 0.0;
                    for i in &members {
                        s += f(i.history.iter().find(|y| y.year == year)?)?;
                    }
                    Some(s)
                };
                YearFigures {
                    year,
                    firms: get(&|y| y.firms.map(|f| f as f64)).map(|f| f as u64),
                    employment: get(&|y| y.employment),
                    output: get(&|y| y.output),
                    value_added: get(&|y| y.value_added),
                }
            })
            .collect()
    };
    if let Some(year) = d.town.year {
        if !h.iter().any(|y| y.year == year) && !h.is_empty() {
            h.push(YearFigures {
                year,
                firms: t.firms.map(|f| f as u64),
                employment: t.employment,
                output: t.output,
                value_added: None,
            });
        }
    }
    h
}

/// Town employment of listed industries in a history year (`None` when an industry lacks that year).
fn employment_in_year(d: &Dataset, year: i32) -> Values {
    d.industries
        .iter()
        .filter_map(|i| {
            let y = i.history.iter().find(|y| y.year == year)?;
            Some((i.code.clone(), y.employment?))
        })
        .collect()
}

fn quadrant_section(d: &Dataset, c: &Cluster) -> Section<Quadrant> {
    let Some(r) = &d.reference else {
        return Section::missing("未填写参照区域", "no reference area");
    };
    let (Some(second), Some(year)) = (&r.second_year, r.year.or(d.town.year)) else {
        return Section::missing(
            "参照区域缺少第二个年份（reference.second_year），无法判断区位商趋势",
            "the reference has no second year (reference.second_year): the LQ trend needs it",
        );
    };
    let then_local = employment_in_year(d, second.year);
    let now_local: Values = d
        .industries
        .iter()
        .filter(|i| then_local.contains_key(&i.code))
        .filter_map(|i| Some((i.code.clone(), i.employment?)))
        .collect();
    // Same industries in both years, so the trend is not an artefact of a changed list.
    let lq_of = |local: &Values, refm: &Values| -> Option<f64> {
        let e: f64 = local
            .iter()
            .filter(|(k, _)| belongs(k, &c.industries))
            .map(|(_, v)| v)
            .sum();
        let e_r: f64 = local.values().sum();
        let big_i: f64 = refm
            .iter()
            .filter(|(k, _)| belongs(k, &c.industries))
            .map(|(_, v)| v)
            .sum();
        let big: f64 = refm.values().sum();
        ratio(ratio(e, e_r)?, ratio(big_i, big)?)
    };
    let codes: BTreeSet<&String> = now_local.keys().collect();
    let filt = |m: &Values| -> Values {
        m.iter()
            .filter(|(k, _)| codes.contains(k))
            .map(|(k, v)| (k.clone(), *v))
            .collect()
    };
    let then_l: Values = filt(&then_local);
    let (Some(lq_then), Some(lq_now)) = (
        lq_of(&then_l, &filt(&second.employment)),
        lq_of(&now_local, &filt(&r.employment)),
    ) else {
        return Section::missing(
            "两个年份的集群行业就业（industries[].history）或参照就业不全",
            "cluster employment (industries[].history) or reference employment missing in one of the years",
        );
    };
    let (earlier_year, latest_year, earlier, latest) = if second.year < year {
        (second.year, year, lq_then, lq_now)
    } else {
        (year, second.year, lq_now, lq_then)
    };
    let years = f64::from(latest_year - earlier_year);
    let Some(change_per_year) = ratio(latest - earlier, years) else {
        return Section::missing("两个年份相同", "the two years are the same");
    };
    Section::Computed(Quadrant {
        variant: "employment, listed industries".into(),
        earlier_year,
        latest_year,
        earlier,
        latest,
        change_per_year,
        quadrant: LqQuadrant::of(earlier, latest),
        source: "practitioners' LQ portfolio convention (METHODS.md §3)".into(),
    })
}

/// Output of the cluster's leading product chain, for MIIT's 主导产业占比: the industries the user marks as
/// leading (`clusters[].leading_industries`), else the manufacturing divisions (GB/T 4754 C, 13–43) that the
/// chain template's product stages (final and intermediate) name, else the largest single member industry.
/// `None` when no member industry has an output figure.
fn leading_chain_output(d: &Dataset, c: &Cluster) -> Option<f64> {
    let members: Vec<(&str, f64)> = d
        .industries
        .iter()
        .filter(|i| belongs(&i.code, &c.industries))
        .filter_map(|i| Some((i.code.as_str(), i.output?)))
        .collect();
    if members.is_empty() {
        return None;
    }
    let chain: Vec<String> = if !c.leading_industries.is_empty() {
        c.leading_industries.clone()
    } else {
        template_of(c)
            .map(|t| {
                let mut codes: Vec<String> = t
                    .stages
                    .iter()
                    .filter(|s| s.kind != chain::StageKind::Service)
                    .flat_map(|s| s.codes.iter())
                    .filter_map(|code| code.get(..2))
                    .filter(|dv| dv.parse::<u32>().is_ok_and(|n| (13..=43).contains(&n)))
                    .map(str::to_string)
                    .collect();
                codes.sort();
                codes.dedup();
                codes
            })
            .unwrap_or_default()
    };
    if chain.is_empty() {
        return members.iter().map(|m| m.1).reduce(f64::max);
    }
    Some(
        members
            .iter()
            .filter(|(code, _)| {
                belongs(code, &chain) || chain.iter().any(|k| belongs(k, &[code.to_string()]))
            })
            .map(|m| m.1)
            .sum(),
    )
}

fn checklist_section(
    d: &Dataset,
    c: &Cluster,
    t: &ClusterTotals,
    history: &[YearFigures],
    firms: &[&Firm],
) -> Section<Checklists> {
    let mut outputs: Vec<(i32, f64)> = history
        .iter()
        .filter_map(|y| Some((y.year, y.output?)))
        .collect();
    outputs.sort_by_key(|p| p.0);
    let leading = leading_chain_output(d, c);
    let count =
        |f: &dyn Fn(&crate::dataset::Firm) -> bool| firms.iter().filter(|x| f(x)).count() as u32;
    let inn = c.innovation.as_ref();
    let pick = |listed: u32, entered: Option<u64>| -> Option<u32> {
        match entered {
            Some(e) => Some(u32::try_from(e).unwrap_or(u32::MAX).max(listed)),
            None if !firms.is_empty() => Some(listed),
            None => None,
        }
    };
    let years_growth = match (outputs.first(), outputs.last()) {
        (Some(a), Some(b)) if b.0 > a.0 && a.1 > 0.0 && b.1 > 0.0 => {
            growth::cagr(a.1, b.1, f64::from(b.0 - a.0))
                .ok()
                .map(|g| g.cagr)
        }
        _ => None,
    };
    let rd_intensity = inn
        .and_then(|i| i.rd_expenditure)
        .and_then(|r| ratio(r, t.output?));
    // The 特色小镇 criteria read the declared 特色小镇's own area, jobs and investment, never the whole 建制镇's.
    let featured = d.town.featured_town.as_ref();
    let input = ChecklistInput {
        within_one_county: Some(true),
        area_km2: d.town.area_km2,
        // 近三年: the calendar years latest − 2 ..= latest only, so an old year of a sparse history never
        // stands in for a recent one (fewer than three reads "too few years").
        output_last_three_years_yi: outputs.last().map(|&(latest, _)| {
            outputs
                .iter()
                .filter(|p| p.0 >= latest - 2)
                .map(|p| p.1 / 10_000.0)
                .collect()
        }),
        sme_output_share: c.sme_output_share,
        leading_industry_share: leading
            .and_then(|l| ratio(l, t.output?))
            .filter(|s| *s > 0.0),
        average_growth: years_growth,
        single_champions: pick(
            count(&|f| f.single_champion),
            inn.and_then(|i| i.single_champions),
        ),
        little_giants: pick(
            count(&|f| f.little_giant),
            inn.and_then(|i| i.little_giants),
        ),
        zjtx_smes: pick(
            count(&|f| f.specialised_sme),
            inn.and_then(|i| i.specialised_smes),
        ),
        innovative_smes: inn
            .and_then(|i| i.innovative_smes)
            .map(|v| u32::try_from(v).unwrap_or(u32::MAX)),
        hightech_firms: pick(count(&|f| f.high_tech), inn.and_then(|i| i.high_tech_firms)),
        town_area_km2: featured.and_then(|f| f.planned_area_km2),
        featured_investment_share: featured
            .and_then(|f| f.investment_share)
            .or(c.featured_investment_share.filter(|_| featured.is_some())),
        jobs: featured.and_then(|f| f.jobs),
        labour_productivity_wan: t.output.and_then(|o| ratio(o, t.employment?)),
        tax_per_mu_wan: d
            .town
            .tax_revenue
            .and_then(|x| ratio(x, d.town.construction_land_mu?)),
        rd_intensity,
        is_technology_town: None,
        featured_town_declared: Some(featured.is_some()),
    };
    match checklists::evaluate(&input) {
        Ok(lists) => Section::Computed(Checklists { input, lists }),
        Err(e) => Section::refused(Text::new("政府认定清单", "government checklists"), &e),
    }
}

/// The metrics map of a cluster: the numbers the maturity, formation and measure rules look at. Names follow
/// [`crate::measures::METRICS`] where a metric is listed there; the counts the scoring tables use carry their
/// own names (`support.associations_count`, …). Undefined numbers are left out, so no rule fires on them.
#[allow(clippy::too_many_arguments)]
fn cluster_metrics(
    d: &Dataset,
    c: &Cluster,
    t: &ClusterTotals,
    lq: &Section<ClusterLq>,
    conc: &Section<Concentration>,
    leading: &Section<Leading>,
    chain: &Section<ChainAssessment>,
    firms: &[&Firm],
) -> Metrics {
    let mut m = Metrics::new();
    let mut put = |k: Metric, v: Option<f64>| {
        m.put(k, v);
    };
    let b = |v: Option<bool>| v.map(|x| if x { 1.0 } else { 0.0 });
    let u = |v: Option<u64>| v.map(|x| x as f64);
    let flag = |v: Option<u64>| v.map(|x| if x > 0 { 1.0 } else { 0.0 });
    if let Some(l) = lq.computed() {
        put(Metric::ClusterLq, l.employment.or(l.output));
        put(Metric::LqClusterEmployment, l.employment);
        put(Metric::LqClusterOutput, l.output);
    }
    put(Metric::FirmsCount, t.firms);
    put(Metric::ClusterEmployment, t.employment);
    put(Metric::ClusterOutput, t.output);
    put(Metric::OutputClusterYi, t.output.map(|o| o / 10_000.0));
    put(Metric::ClusterEmploymentShare, t.employment_share);
    put(Metric::ClusterOutputShare, t.output_share);
    put(Metric::OutputSmeShare, c.sme_output_share);
    put(
        Metric::LabourProductivityWan,
        t.output.and_then(|o| ratio(o, t.employment?)),
    );
    put(
        Metric::LandTaxPerMuWan,
        d.town
            .tax_revenue
            .and_then(|x| ratio(x, d.town.construction_land_mu?)),
    );
    if let Some(cn) = conc.computed() {
        put(Metric::ConcentrationHhi, Some(cn.result.hhi));
        put(Metric::ConcentrationCr4, Some(cn.result.cr4));
        put(Metric::ConcentrationCr1, Some(cn.result.cr1));
    }
    if let Some(l) = leading.computed() {
        if !firms.is_empty() {
            put(Metric::FirmsLeadingCount, Some(l.count as f64));
        }
        put(
            Metric::FirmsAboveScaleCount,
            l.above_scale_entered
                .or((!firms.is_empty()).then_some(l.above_scale_listed as f64)),
        );
    }
    if let Some(a) = chain.computed() {
        m.extend(a.metrics());
        let present = a.stages.iter().filter(|s| s.present).count();
        m.set(Metric::ChainStagesPresent, present as f64);
    }
    // Without a chain assessment, the division of labour can still come from the entered group sizes.
    if let (false, Some(f), Some(i)) = (
        m.contains(Metric::ChainIntermediateShare),
        c.final_firms,
        c.intermediate_firms,
    ) {
        let (f, i) = (f as f64, i as f64);
        if let Some(v) = ratio(i, f + i) {
            m.set(Metric::ChainIntermediateShare, v);
        }
        if let Some(v) = ratio(f, i) {
            m.set(Metric::ChainFinalIntermediateRatio, v);
        }
    }
    let mut put = |k: Metric, v: Option<f64>| {
        m.put(k, v);
    };
    put(Metric::EmbedOutsideSalesShare, c.outside_market_share);
    put(Metric::PlanningClusterPlan, b(c.development_plan));
    put(
        Metric::EmbedExternalMarketShare,
        c.outside_province_share.or(c.export_share),
    );
    // Jobs the cluster gives against the town's rural surplus labour (seed ch.3: clusters absorb it).
    put(
        Metric::LabourAbsorptionRatio,
        t.employment
            .and_then(|e| ratio(e, d.town.rural_surplus_labour?)),
    );
    put(Metric::DigitalAdoptionShare, c.digital_adoption_share);
    let sourcing = c.local_sourcing_share.or_else(|| {
        let v: Vec<f64> = firms
            .iter()
            .filter_map(|f| f.local_sourcing_share)
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    });
    put(Metric::EmbedLocalSourcingShare, sourcing);
    if let Some(s) = &d.support {
        put(Metric::SupportAssociationsCount, u(s.associations));
        put(Metric::SupportRdCentresCount, u(s.rd_centres));
        put(Metric::SupportFinancingCount, u(s.financing_institutions));
        put(Metric::SupportGuaranteeFund, b(s.guarantee_fund));
        put(Metric::SupportIntermediariesCount, u(s.intermediaries));
        put(Metric::SupportLogisticsCount, u(s.logistics));
        put(Metric::SupportMarketsCount, u(s.specialised_markets));
        put(Metric::SupportTrainingCount, u(s.training));
        // The measure catalogue reads presence flags.
        put(Metric::SupportAssociation, flag(s.associations));
        put(Metric::SupportRdCentre, flag(s.rd_centres));
        let finance = match (s.financing_institutions, s.guarantee_fund) {
            (None, None) => None,
            (n, g) => Some(if n.unwrap_or(0) > 0 || g == Some(true) {
                1.0
            } else {
                0.0
            }),
        };
        put(Metric::SupportFinance, finance);
        put(Metric::SupportIntermediaries, flag(s.intermediaries));
        put(Metric::SupportLogistics, flag(s.logistics));
        put(Metric::SupportMarket, flag(s.specialised_markets));
        put(Metric::SupportTraining, flag(s.training));
        put(
            Metric::SupportPublicServicePlatform,
            b(s.public_service_platform),
        );
        put(Metric::SupportDesignService, b(s.design_service));
        put(Metric::SupportIndustrialPark, b(s.industrial_park));
        put(Metric::SupportQualityTesting, b(s.quality_testing));
    }
    if let Some(i) = &c.innovation {
        put(
            Metric::InnovationRdIntensity,
            i.rd_expenditure.and_then(|r| ratio(r, t.output?)),
        );
        put(
            Metric::InnovationValidPatentsPer100Firms,
            i.patents.and_then(|p| ratio(p as f64 * 100.0, t.firms?)),
        );
        put(Metric::InnovationHightechCount, u(i.high_tech_firms));
        put(
            Metric::InnovationHightechOutputShare,
            i.high_tech_output.and_then(|h| ratio(h, t.output?)),
        );
    }
    // Unknown is not zero: a firm list whose firms carry no 专精特新, high-tech or brand mark says nothing
    // about them (the columns are often simply not in the survey), so the counts come from the firm list only
    // when it marks at least one firm, and otherwise from the figures the user entered, or stay unknown.
    let flagged = firms
        .iter()
        .filter(|f| f.specialised_sme || f.little_giant || f.single_champion)
        .count() as f64;
    let entered = c.innovation.as_ref().and_then(|i| {
        let parts = [i.specialised_smes, i.little_giants, i.single_champions];
        parts
            .iter()
            .any(Option::is_some)
            .then(|| parts.iter().flatten().sum::<u64>() as f64)
    });
    match entered {
        Some(e) => put(Metric::InnovationZjtxCount, Some(e.max(flagged))),
        None if flagged > 0.0 => put(Metric::InnovationZjtxCount, Some(flagged)),
        None => {}
    }
    let listed = firms.iter().filter(|f| f.high_tech).count() as f64;
    let entered = c
        .innovation
        .as_ref()
        .and_then(|i| i.high_tech_firms)
        .map(|v| v as f64);
    match entered {
        Some(e) => put(Metric::InnovationHightechCount, Some(e.max(listed))),
        None if listed > 0.0 => put(Metric::InnovationHightechCount, Some(listed)),
        None => {}
    }
    if let Some(br) = &c.brands {
        put(Metric::BrandRegionalBrand, b(br.regional_brand));
        let famous = match (br.national, br.provincial) {
            (None, None) => None,
            (n, p) => Some((n.unwrap_or(0) + p.unwrap_or(0)) as f64),
        };
        put(Metric::BrandFamousBrands, famous);
    } else if firms.iter().any(|f| f.brand.is_some()) {
        // Only firms whose brand was asked (a level, `none` included) count as answers.
        use crate::dataset::BrandLevel as L;
        let n = firms
            .iter()
            .filter(|f| {
                f.brand
                    .is_some_and(|b| matches!(b, L::Provincial | L::National | L::International))
            })
            .count() as f64;
        put(Metric::BrandFamousBrands, Some(n));
    }
    if let Some(e) = &d.environment {
        let share = |part: Option<f64>, total: Option<f64>| ratio(part?, total?);
        let emission =
            share(e.cod_cluster, e.cod_total).or(share(e.wastewater_cluster, e.wastewater_total));
        put(
            Metric::GreenEmissionToOutputRatio,
            emission.and_then(|s| ratio(s, t.output_share?)),
        );
        put(Metric::GreenTreatmentCoverage, e.treatment_coverage);
        // Energy share against output share (> 1: the cluster uses more than its share of the town's energy).
        put(
            Metric::GreenEnergyToOutputRatio,
            share(e.energy_cluster, e.energy_total).and_then(|s| ratio(s, t.output_share?)),
        );
    }
    if let Some(j) = &d.judgments {
        put(Metric::JudgmentTrust, j.trust);
        put(Metric::JudgmentMarketInstitutions, j.market_institutions);
        put(Metric::JudgmentGovernmentService, j.government_service);
        put(Metric::JudgmentInfrastructure, j.infrastructure);
    }
    m
}

fn maturity_weights(d: &Dataset, warnings: &mut Vec<Warning>) -> Result<Weights, Text> {
    let p = &d.parameters;
    let ahp = d.judgments.as_ref().and_then(|j| j.maturity_ahp.as_ref());
    let mode = p
        .maturity_weighting
        .unwrap_or(if p.maturity_weights.is_some() {
            Weighting::User
        } else if ahp.is_some() {
            Weighting::Ahp
        } else {
            Weighting::Equal
        });
    match mode {
        Weighting::Equal => Ok(Weights::equal()),
        Weighting::User => p
            .maturity_weights
            .as_ref()
            .and_then(Weights::user)
            .ok_or_else(|| {
                Text::new(
                    "选择了自定义权重但未填写 parameters.maturity_weights",
                    "user weights chosen but parameters.maturity_weights is missing",
                )
            }),
        Weighting::Ahp => {
            let Some(m) = ahp else {
                return Err(Text::new(
                    "选择了 AHP 权重但未填写判断矩阵 judgments.maturity_ahp",
                    "AHP weights chosen but judgments.maturity_ahp is missing",
                ));
            };
            let w = Weights::ahp(m).map_err(|e| {
                let e = e.within("judgments.maturity_ahp");
                Text::new(e.message(Lang::Zh), e.message(Lang::En))
            })?;
            if let maturity::WeightsOrigin::Ahp {
                cr,
                consistent: false,
                ..
            } = &w.origin
            {
                warnings.push(warn(
                    "ahp-inconsistent",
                    format!("成熟度权重判断矩阵一致性比率 CR = {cr:.3} > 0.10，请调整判断"),
                    format!(
                        "the maturity AHP matrix has CR = {cr:.3} > 0.10: revise the judgments"
                    ),
                    Some("judgments.maturity_ahp".into()),
                ));
            }
            Ok(w)
        }
    }
}

fn cluster_report(ctx: &Ctx, k: usize, c: &Cluster, warnings: &mut Vec<Warning>) -> ClusterReport {
    let d = ctx.d;
    let totals = cluster_totals(ctx, c);
    let lq = cluster_lq(ctx, c, &totals);
    let lq_value = lq.computed().and_then(|l| l.employment.or(l.output));
    // The cluster's firms, found once: the sections below all read them (and a town may list millions).
    let firms = cluster_firms(ctx, c);
    let concentration = concentration_section(c, &totals, warnings, k, &firms);
    let leading = leading_section(ctx, c, &totals, &firms);
    let chain = chain_section(c, lq_value, k, &firms);
    let mut metrics = cluster_metrics(d, c, &totals, &lq, &concentration, &leading, &chain, &firms);
    let formation = formation::assess(&metrics).unwrap_or_else(|_| Formation {
        method: "formation-conditions".into(),
        blocks: Vec::new(),
        missing_blocks: formation::BLOCKS.iter().map(|s| s.to_string()).collect(),
        confidence: 0.0,
    });
    let maturity = match maturity_weights(d, warnings) {
        Err(reason) => Section::NotComputed { reason },
        Ok(w) => match maturity::assess(&metrics, w) {
            Ok(m) if m.index.is_some() => Section::Computed(m),
            Ok(_) => Section::missing(
                "八个维度都没有可用数据",
                "none of the eight dimensions has data",
            ),
            Err(e) => Section::refused(Text::new("成熟度", "maturity"), &e),
        },
    };
    let lq_quadrant = quadrant_section(d, c);
    let history = cluster_history(d, c, &totals);
    let maturity_index = maturity.computed().and_then(|m| m.index);
    let lifecycle = lifecycle::assess(
        &history,
        maturity_index,
        lq_quadrant.computed().map(|q| q.change_per_year),
    )
    .unwrap_or_else(|_| Lifecycle {
        method: "lifecycle-rules".into(),
        stage: None,
        decision: None,
        reason: Some(Text::new("规则表无法读取", "rule table unreadable")),
        window: None,
        inputs: BTreeMap::new(),
        periods: Vec::new(),
        source: String::new(),
    });
    let growth = match &lifecycle.window {
        Some(w) => {
            let pick = |y: &YearFigures| match w.basis.as_str() {
                "output" => y.output,
                "employment" => y.employment,
                _ => y.firms.map(|f| f as f64),
            };
            let a = history.iter().find(|y| y.year == w.from).and_then(pick);
            let b = history.iter().find(|y| y.year == w.to).and_then(pick);
            match (a, b) {
                (Some(a), Some(b)) => match growth::cagr(a, b, f64::from(w.to - w.from)) {
                    Ok(g) => Section::Computed(g),
                    Err(e) => Section::refused(Text::new("年均增长率", "CAGR"), &e),
                },
                _ => Section::missing("历史数据不足", "not enough history"),
            }
        }
        None => Section::missing(
            "没有至少两个年份的集群产值、就业或企业数",
            "no two years of cluster output, employment or firms",
        ),
    };
    if let Some(m) = maturity.computed() {
        if let Some(i) = m.index {
            metrics.set(Metric::MaturityIndex, i);
        }
        metrics.set(Metric::MaturityConfidence, m.confidence);
        for dim in &m.dimensions {
            if let (Some(s), Some(k)) = (
                dim.score,
                Metric::from_name(&format!("maturity.{}", dim.id)),
            ) {
                metrics.set(k, s);
            }
        }
    }
    for b in &formation.blocks {
        if let (Some(s), Some(k)) = (b.score, Metric::from_name(&format!("formation.{}", b.id))) {
            metrics.set(k, s);
        }
    }
    for (key, name) in [
        ("output_cagr", Metric::GrowthOutputCagr),
        ("firms_cagr", Metric::GrowthFirmsCagr),
    ] {
        metrics.put(name, lifecycle.inputs.get(key).copied());
    }
    for (key, v) in &lifecycle.inputs {
        if let Some(k) = Metric::from_name(&format!("lifecycle.{key}")) {
            metrics.set(k, *v);
        }
    }
    if let Some(s) = lifecycle.stage {
        let code = match s {
            lifecycle::Stage::Emerging => 1.0,
            lifecycle::Stage::Growth => 2.0,
            lifecycle::Stage::Mature => 3.0,
            lifecycle::Stage::Decline => 4.0,
        };
        metrics.set(Metric::LifecycleStage, code);
    }
    if let Some(q) = lq_quadrant.computed() {
        metrics.set(Metric::ClusterLqChangePerYear, q.change_per_year);
        metrics.set(Metric::LqChange, q.latest - q.earlier);
    }
    let checklists = checklist_section(d, c, &totals, &history, &firms);
    ClusterReport {
        name: c.name.clone(),
        industries: c.industries.clone(),
        totals,
        lq,
        concentration,
        leading,
        chain,
        formation,
        maturity,
        lifecycle,
        lq_quadrant,
        growth,
        checklists,
        metrics,
    }
}

fn shift_share_section(d: &Dataset) -> Section<ShiftShareOutput> {
    let Some(r) = &d.reference else {
        return Section::missing("未填写参照区域", "no reference area");
    };
    let Some(second) = &r.second_year else {
        return Section::missing(
            "参照区域缺少第二个年份（reference.second_year）",
            "the reference has no second year (reference.second_year)",
        );
    };
    let Some(year) = r.year.or(d.town.year) else {
        return Section::missing(
            "缺少参照年份（reference.year）",
            "no reference year (reference.year)",
        );
    };
    if second.year == year {
        return Section::missing("两个年份相同", "the two years are the same");
    }
    let then_local = employment_in_year(d, second.year);
    let mut ls = Values::new();
    let mut le = Values::new();
    let mut rs = Values::new();
    let mut re = Values::new();
    for i in &d.industries {
        let (Some(now), Some(then)) = (i.employment, then_local.get(&i.code)) else {
            continue;
        };
        let (Some(rn), Some(rt)) = (r.employment.get(&i.code), second.employment.get(&i.code))
        else {
            continue;
        };
        if *then <= 0.0 || *rt <= 0.0 || *rn <= 0.0 {
            continue;
        }
        let (a, b, ra, rb) = if second.year < year {
            (*then, now, *rt, *rn)
        } else {
            (now, *then, *rn, *rt)
        };
        ls.insert(i.code.clone(), a);
        le.insert(i.code.clone(), b);
        rs.insert(i.code.clone(), ra);
        re.insert(i.code.clone(), rb);
    }
    if ls.is_empty() {
        return Section::missing(
            "没有行业同时具备两个年份的本镇就业（industries[].history）和参照就业",
            "no industry has town employment in both years (industries[].history) and reference employment",
        );
    }
    let (start_total, end_total) = if second.year < year {
        (second.total_employment, r.total_employment)
    } else {
        (r.total_employment, second.total_employment)
    };
    // With both reference totals the national share uses the whole economy's growth (Dunn); otherwise the
    // growth of the listed industries, and the Esteban-Marquillas split is available.
    let input = match (start_total, end_total) {
        (Some(a), Some(b)) if a > 0.0 => ShiftShareInput {
            local_start: ls.clone(),
            local_end: le,
            reference_growth: Some(
                rs.iter()
                    .map(|(k, v)| (k.clone(), re.get(k).copied().unwrap_or(0.0) / v - 1.0))
                    .collect(),
            ),
            reference_total_growth: Some(b / a - 1.0),
            ..Default::default()
        },
        _ => ShiftShareInput {
            local_start: ls,
            local_end: le,
            reference_start: Some(rs),
            reference_end: Some(re),
            ..Default::default()
        },
    };
    match shift_share::shift_share(&input) {
        Ok(o) => Section::Computed(o),
        Err(e) => Section::refused(Text::new("偏离—份额分析", "shift-share"), &e),
    }
}

fn growth_section(d: &Dataset) -> Section<Growth> {
    let Some(year) = d.town.year else {
        return Section::missing("缺少本镇数据年份（town.year）", "no town year (town.year)");
    };
    let mut industries = Vec::new();
    for i in &d.industries {
        for (measure, now, get) in [
            (
                "output",
                i.output,
                (|y: &YearFigures| y.output) as fn(&YearFigures) -> Option<f64>,
            ),
            ("employment", i.employment, |y: &YearFigures| y.employment),
        ] {
            let Some(now) = now else { continue };
            let first = i
                .history
                .iter()
                .filter(|y| y.year < year)
                .filter_map(|y| Some((y.year, get(y)?)))
                .min_by_key(|p| p.0);
            if let Some((from, v)) = first {
                if let Ok(c) = growth::cagr(v, now, f64::from(year - from)) {
                    industries.push(IndustryGrowth {
                        code: i.code.clone(),
                        measure: measure.into(),
                        from,
                        to: year,
                        cagr: c,
                    });
                    break;
                }
            }
        }
    }
    if industries.is_empty() {
        Section::missing(
            "行业没有早于当前年份的历史数据（industries[].history）",
            "no industry has history before the current year (industries[].history)",
        )
    } else {
        Section::Computed(Growth { industries })
    }
}

fn economic_base_section(ctx: &Ctx) -> Section<EconomicBase> {
    let d = ctx.d;
    let local_list: Vec<(String, f64)> = d
        .industries
        .iter()
        .filter_map(|i| Some((i.code.clone(), i.employment?)))
        .collect();
    if local_list.is_empty() {
        return Section::missing("没有行业就业数据", "no industry employment");
    }
    let lq_maps_opt = d
        .reference
        .as_ref()
        .filter(|r| !r.employment.is_empty())
        .map(|r| {
            lq_maps(
                &local_list,
                ctx.employment_total,
                &r.employment,
                r.total_employment,
            )
        });
    let (local, reference) = match &lq_maps_opt {
        Some((l, r, _)) => (l.clone(), Some(r.clone())),
        None => {
            let mut l: Values = local_list.iter().cloned().collect();
            let sum: f64 = l.values().sum();
            if let Some(t) = ctx.employment_total.filter(|t| *t > sum) {
                l.insert(OTHER.into(), t - sum);
            }
            (l, None)
        }
    };
    let all_shares = d
        .industries
        .iter()
        .filter(|i| local.contains_key(&i.code))
        .all(|i| i.outside_sales_share.is_some());
    let export_shares: Option<Values> = all_shares.then(|| {
        local
            .keys()
            .map(|k| {
                let s = d
                    .industries
                    .iter()
                    .find(|i| &i.code == k)
                    .and_then(|i| i.outside_sales_share)
                    .unwrap_or(0.0);
                (k.clone(), s)
            })
            .collect()
    });
    if reference.is_none() && export_shares.is_none() {
        return Section::missing(
            "需要参照区域就业（区位商法）或各行业镇外销售比重（调查法）",
            "needs reference employment (LQ method) or every industry's outside-sales share (assignment method)",
        );
    }
    let input = EconomicBaseInput {
        local,
        reference,
        export_shares,
        delta_basic: None,
    };
    match economic_base::economic_base(&input) {
        Ok(result) => Section::Computed(EconomicBase {
            result,
            caveat: Text::new(
                "区位商法假定各地生产率与消费结构相同，会误判基本活动（北京的实证见《经济地理》2004）；\"other\" 为未列出行业之和，调查法中按非基本计。",
                "The LQ method assumes equal productivity and consumption everywhere and misjudges basic activity (documented for Beijing, 经济地理 2004); 'other' is the unlisted remainder, counted non-basic in the assignment method.",
            ),
        }),
        Err(e) => Section::refused(Text::new("经济基础乘数", "economic-base multiplier"), &e),
    }
}

fn keynes_section(d: &Dataset) -> Section<Keynes> {
    let Some(k) = &d.parameters.keynes else {
        return Section::missing(
            "未填写凯恩斯乘数参数 c、t、m（parameters.keynes）；参考：2024 年全国居民平均消费倾向 0.683",
            "no Keynes parameters c, t, m (parameters.keynes); anchor: China 2024 average propensity to consume 0.683",
        );
    };
    match keynes::keynes(k.c, k.t, k.m, k.form, None) {
        Ok(result) => Section::Computed(Keynes {
            c: k.c,
            t: k.t,
            m: k.m,
            result,
            anchors: Text::new(
                "参考：2024 年全国居民平均消费倾向 0.683（城镇 0.638、农村 0.834，国家统计局）；小地方商业漏出 55–80%，收入乘数 1.12（人口 1000）至 1.42（人口 5 万）（New Mexico State University, 1971）。",
                "Anchors: China 2024 average propensity to consume 0.683 (urban 0.638, rural 0.834; NBS); small places leak 55–80 % of business, income multipliers 1.12 (population 1 000) to 1.42 (50 000) (New Mexico State University, 1971).",
            ),
        }),
        Err(e) => Section::refused(
            Text::new("凯恩斯乘数", "Keynes multiplier"),
            &e.within("parameters.keynes"),
        ),
    }
}

fn io_section(d: &Dataset, warnings: &mut Vec<Warning>) -> Section<InputOutput> {
    let Some(t) = &d.io_table else {
        return Section::missing(
            "未提供投入产出表（io_table）",
            "no input–output table (io_table)",
        );
    };
    let input = IoInput {
        z: t.z.clone(),
        x: t.x.clone(),
        final_demand: None,
        value_added: t.value_added.clone(),
        employment: t.employment.clone(),
        labour_income: t.labour_income.clone(),
        household_consumption: t.household_consumption.clone(),
    };
    match input_output::input_output(&input) {
        Ok(result) => Section::Computed(InputOutput {
            table: t.name.clone(),
            sectors: t.sectors.iter().map(|s| s.name.clone()).collect(),
            result,
        }),
        Err(e) => {
            let e = e.within("io_table");
            warnings.push(warn(
                "io-refused",
                e.message(Lang::Zh),
                e.message(Lang::En),
                Some(e.path.clone()),
            ));
            Section::refused(Text::new("投入产出表", "input–output table"), &e)
        }
    }
}

fn region_section(ctx: &Ctx, warnings: &mut Vec<Warning>) -> Section<RegionReport> {
    let d = ctx.d;
    let Some(region) = &d.region else {
        return Section::missing(
            "未填写本县其他乡镇（region），无法进行区域模式分析",
            "no other towns of the county (region): region mode needs them",
        );
    };
    let mut towns: BTreeMap<String, Values> = BTreeMap::new();
    // Each town's map carries "other" for employment outside the listed industries, so the LQ matrix uses
    // true town totals.
    let with_other = |m: &Values, total: Option<f64>| -> Values {
        let mut m = m.clone();
        let sum: f64 = m.values().sum();
        if let Some(t) = total.filter(|t| *t > sum) {
            m.insert(OTHER.into(), t - sum);
        }
        m
    };
    let own: Values = d
        .industries
        .iter()
        .filter_map(|i| Some((i.code.clone(), i.employment?)))
        .collect();
    towns.insert(d.town.name.clone(), with_other(&own, ctx.employment_total));
    for t in &region.towns {
        towns.insert(
            t.name.clone(),
            with_other(&t.employment, t.total_employment),
        );
    }
    let keys: BTreeSet<String> = towns.values().flat_map(|m| m.keys().cloned()).collect();
    let mut firms = Vec::with_capacity(ctx.firms.len());
    let mut skipped = 0usize;
    // A firm's industry joins the longest town-data code it starts with ("3074" → "30"). Resolved once per
    // distinct code: a county may list a million firms but only a few hundred codes.
    let mut resolved: BTreeMap<&str, Option<String>> = BTreeMap::new();
    for f in ctx.firms {
        let town = f.town.as_ref().unwrap_or(&d.town.name);
        let industry = f.industry.as_deref().and_then(|code| {
            resolved
                .entry(code)
                .or_insert_with(|| {
                    keys.iter()
                        .filter(|k| k.as_str() != OTHER && code.starts_with(k.as_str()))
                        .max_by_key(|k| k.len())
                        .cloned()
                })
                .clone()
        });
        match (towns.contains_key(town), industry, f.employment) {
            (true, Some(industry), Some(employment)) => {
                firms.push(crate::methods::region::RegionFirm {
                    town: town.clone(),
                    industry,
                    employment,
                })
            }
            _ => skipped += 1,
        }
    }
    if skipped > 0 && !firms.is_empty() {
        warnings.push(warn(
            "region-firms-skipped",
            format!("{skipped} 家企业缺少乡镇、行业或就业，未计入 EG 指数"),
            format!("{skipped} firms lack a known town, industry or employment and are left out of EG γ"),
            Some("firms".into()),
        ));
    }
    let input = crate::methods::region::RegionInput { towns, firms };
    match crate::methods::region::region(&input) {
        Ok(result) => Section::Computed(RegionReport {
            county: region.name.clone(),
            study_town: d.town.name.clone(),
            result,
            skipped_firms: skipped,
            eg_bands_source:
                "γ < 0.02 not very localised, 0.02–0.05 moderately, > 0.05 highly (Ellison & Glaeser 1997, as commonly cited)"
                    .into(),
        }),
        Err(e) => Section::refused(Text::new("区域模式", "region mode"), &e.within("region")),
    }
}

/// Town employment on the I-O table's sectors: each town industry goes to the first sector listing a code it
/// starts with; a sector with an empty list takes the rest (and the unlisted remainder of town employment).
fn town_employment_by_sector(ctx: &Ctx, t: &crate::dataset::IoTable) -> Vec<f64> {
    let d = ctx.d;
    let mut out = vec![0.0; t.sectors.len()];
    let residual = t.sectors.iter().position(|s| s.industries.is_empty());
    let mut listed = 0.0;
    for i in &d.industries {
        let Some(e) = i.employment else { continue };
        listed += e;
        let k = t
            .sectors
            .iter()
            .position(|s| s.industries.iter().any(|c| i.code.starts_with(c.as_str())))
            .or(residual);
        if let Some(v) = k.and_then(|k| out.get_mut(k)) {
            *v += e;
        }
    }
    if let (Some(k), Some(total)) = (residual, ctx.employment_total) {
        if let Some(v) = out.get_mut(k) {
            *v += (total - listed).max(0.0);
        }
    }
    out
}

/// Column sums of (I − R)⁻¹ and Type I job multipliers for regional coefficients R.
fn regional_multipliers(
    r: &[Vec<f64>],
    h: &[f64],
) -> crate::error::Result<(Vec<f64>, Vec<Option<f64>>)> {
    let a = crate::methods::linalg::Matrix::from_rows(r)?;
    let n = a.rows();
    let l = input_output::leontief_of(a, "coefficients")?.l;
    let mut out = Vec::with_capacity(n);
    let mut jobs = Vec::with_capacity(n);
    for j in 0..n {
        let mut s = 0.0;
        let mut e = 0.0;
        for i in 0..n {
            let lij = l.get(i, j).unwrap_or(0.0);
            s += lij;
            e += h.get(i).copied().unwrap_or(0.0) * lij;
        }
        out.push(s);
        jobs.push(h.get(j).and_then(|hj| ratio(e, *hj)));
    }
    Ok((out, jobs))
}

fn regionalisation_section(ctx: &Ctx, warnings: &mut Vec<Warning>) -> Section<Regionalisation> {
    let d = ctx.d;
    let Some(t) = &d.io_table else {
        return Section::missing(
            "未提供省级投入产出表（io_table）",
            "no provincial input–output table (io_table)",
        );
    };
    let Some(national) = &t.employment else {
        return Section::missing(
            "投入产出表缺少分部门就业（io_table.employment），无法区域化",
            "the table has no sector employment (io_table.employment): regionalisation needs it",
        );
    };
    let town = town_employment_by_sector(ctx, t);
    let delta = d.parameters.flq_delta;
    let quotient = d.parameters.regional_quotient.unwrap_or_default();
    let input = crate::methods::regionalize::RegionalizeInput {
        a: None,
        z: Some(t.z.clone()),
        x: Some(t.x.clone()),
        regional_employment: town.clone(),
        national_employment: national.clone(),
        quotient,
        delta,
    };
    let result = match crate::methods::regionalize::regionalize(&input) {
        Ok(r) => r,
        Err(e) => {
            return Section::refused(
                Text::new("投入产出表区域化", "regionalisation"),
                &e.within("io_table"),
            )
        }
    };
    let h: Vec<f64> = national
        .iter()
        .zip(&t.x)
        .map(|(e, x)| ratio(*e, *x).unwrap_or(0.0))
        .collect();
    let (output_multipliers, employment_type1) =
        match regional_multipliers(&result.coefficients, &h) {
            Ok(v) => v,
            Err(e) => {
                warnings.push(warn(
                    "regional-table-refused",
                    e.message(Lang::Zh),
                    e.message(Lang::En),
                    Some("io_table".into()),
                ));
                return Section::refused(
                    Text::new("区域投入产出表", "regional table"),
                    &e.within("io_table"),
                );
            }
        };
    let mut sensitivity = Vec::new();
    if matches!(
        quotient,
        crate::methods::regionalize::Quotient::Flq | crate::methods::regionalize::Quotient::Aflq
    ) {
        for dl in crate::methods::regionalize::SENSITIVITY_DELTAS {
            let one = crate::methods::regionalize::RegionalizeInput {
                delta: Some(dl),
                ..input.clone()
            };
            if let Ok(r) = crate::methods::regionalize::regionalize(&one) {
                if let Ok((om, _)) = regional_multipliers(&r.coefficients, &h) {
                    sensitivity.push(DeltaMultipliers {
                        delta: dl,
                        output_multipliers: om,
                    });
                }
            }
        }
    }
    Section::Computed(Regionalisation {
        sectors: t.sectors.iter().map(|s| s.name.clone()).collect(),
        town_employment: town,
        delta_threshold: Threshold::new(
            delta.unwrap_or(defaults::FLQ_DELTA),
            if delta.is_some() {
                "user"
            } else {
                defaults::FLQ_DELTA_SOURCE
            },
        ),
        result,
        output_multipliers,
        employment_type1,
        multiplier_sensitivity: sensitivity,
    })
}

/// How much data each composite metric of a cluster stands on: a maturity dimension's or formation block's
/// share of indicators with data.
fn composite_confidence(c: &ClusterReport) -> crate::measures::Confidence {
    let mut out = crate::measures::Confidence::new();
    if let Some(m) = c.maturity.computed() {
        for d in &m.dimensions {
            if let (Some(k), true) = (
                Metric::from_name(&format!("maturity.{}", d.id)),
                d.total > 0,
            ) {
                out.insert(k, d.computable as f64 / d.total as f64);
            }
        }
    }
    for b in &c.formation.blocks {
        if let Some(k) = Metric::from_name(&format!("formation.{}", b.id)) {
            out.insert(k, b.confidence);
        }
    }
    out
}

/// Ranked measures per cluster from the measure catalogue (engine B), fed with the cluster's own metrics
/// (never with a what-if scenario's figures), and the data still to collect.
fn measures_section(report: &Report) -> Section<MeasureList> {
    if report.clusters.is_empty() {
        return Section::missing(
            "未定义集群（clusters），无法诊断并提出对策",
            "no cluster defined (clusters): measures need a diagnosis",
        );
    }
    if let Err(e) = crate::measures::catalogue() {
        return Section::refused(Text::new("对策目录", "measure catalogue"), &e);
    }
    let catalogue = crate::measures::catalogue().unwrap_or(&[]);
    let clusters = report
        .clusters
        .iter()
        .map(|c| {
            let confidence = composite_confidence(c);
            let measures =
                crate::measures::evaluate_with_confidence(catalogue, &c.metrics, &confidence);
            let data_needed = crate::measures::data_needed(catalogue, &c.metrics, &measures);
            ClusterMeasures {
                cluster: c.name.clone(),
                measures,
                data_needed,
            }
        })
        .collect();
    Section::Computed(MeasureList { clusters })
}
