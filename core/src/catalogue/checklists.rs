//! Government tier checklists: MIIT 中小企业特色产业集群 (2022) and 特色小镇 (2021) (METHODS.md §5 "Government tiers").
//!
//! These are checklists, not scores: each criterion is met, not met, unknown (the input is missing) or not
//! applicable, with the value, the threshold and the gap. The criteria are data
//! (`core/data/checklists.json`) so a wording or threshold change is a data edit, reviewed against the source.

use crate::error::{in_range, non_negative, Error, ErrorKind, Result};
use crate::lang::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::sync::OnceLock;

const BUNDLED: &str = include_str!("../../data/checklists.json");
const BUNDLED_PATH: &str = "core/data/checklists.json";

/// The most yearly values accepted in a series (guards memory; criteria look at three).
pub const MAX_YEARS: usize = 50;

/// What a town knows about itself. Every field is optional: a missing value makes its criteria "unknown",
/// never "not met".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChecklistInput {
    /// The cluster lies within one county-level area.
    pub within_one_county: Option<bool>,
    /// Cluster area, km².
    pub area_km2: Option<f64>,
    /// Cluster output of the most recent years, 亿元, oldest first. The last three are checked.
    pub output_last_three_years_yi: Option<Vec<f64>>,
    /// SMEs' share of cluster output, 0..1.
    pub sme_output_share: Option<f64>,
    /// The leading industry's share of cluster output, 0..1.
    pub leading_industry_share: Option<f64>,
    /// The cluster's share of the national market (output) of its leading product, 0..1.
    pub national_market_share: Option<f64>,
    /// Average annual growth of cluster output (0.12 = 12 %); ≥ −1.
    pub average_growth: Option<f64>,
    /// National manufacturing single champions (制造业单项冠军).
    pub single_champions: Option<u32>,
    /// 专精特新 "little giants" (小巨人).
    pub little_giants: Option<u32>,
    /// 专精特新 SMEs. Count each firm in one category only: a firm that is both 专精特新 and high-tech
    /// counted twice would overstate the total (the checklist reports "unknown" where that could matter).
    pub zjtx_smes: Option<u32>,
    /// Innovative SMEs (创新型中小企业).
    pub innovative_smes: Option<u32>,
    /// High-tech enterprises (高新技术企业).
    pub hightech_firms: Option<u32>,
    /// Featured-town planning area, km².
    pub town_area_km2: Option<f64>,
    /// Featured industry's share of the town's investment, 0..1.
    pub featured_investment_share: Option<f64>,
    /// Jobs in the town (persons).
    pub jobs: Option<f64>,
    /// Labour productivity, 万元 per person.
    pub labour_productivity_wan: Option<f64>,
    /// Tax per 亩 of construction land per year, 万元.
    pub tax_per_mu_wan: Option<f64>,
    /// R&D spending / revenue, 0..1.
    pub rd_intensity: Option<f64>,
    /// The town is a technology town (the R&D criterion applies only then).
    pub is_technology_town: Option<bool>,
    /// A 特色小镇 was declared: its own planned area, investment and jobs feed the 特色小镇 criteria.
    pub featured_town_declared: Option<bool>,
}

/// A numeric field of [`ChecklistInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberField {
    AreaKm2,
    SmeOutputShare,
    LeadingIndustryShare,
    NationalMarketShare,
    AverageGrowth,
    TownAreaKm2,
    FeaturedInvestmentShare,
    Jobs,
    LabourProductivityWan,
    TaxPerMuWan,
    RdIntensity,
}

/// A firm-count field of [`ChecklistInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountField {
    SingleChampions,
    LittleGiants,
    ZjtxSmes,
    InnovativeSmes,
    HightechFirms,
}

/// A yes/no field of [`ChecklistInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoolField {
    WithinOneCounty,
    IsTechnologyTown,
    /// The town has declared (or been named) a 特色小镇 with its own planned area.
    FeaturedTownDeclared,
}

/// A yearly-series field of [`ChecklistInput`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesField {
    OutputLastThreeYearsYi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareOp {
    Lt,
    Le,
    Gt,
    Ge,
}

impl CompareOp {
    fn holds(self, v: f64, t: f64) -> bool {
        match self {
            CompareOp::Lt => v < t,
            CompareOp::Le => v <= t,
            CompareOp::Gt => v > t,
            CompareOp::Ge => v >= t,
        }
    }

    /// How far `v` is from passing, in the criterion's unit (0 when it passes).
    fn gap(self, v: f64, t: f64) -> f64 {
        match self {
            CompareOp::Gt | CompareOp::Ge => (t - v).max(0.0),
            CompareOp::Lt | CompareOp::Le => (v - t).max(0.0),
        }
    }
}

/// How a criterion is tested. Fields are typed, so the data cannot test a yes/no field against a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Test {
    /// value op threshold.
    Compare {
        field: NumberField,
        op: CompareOp,
        threshold: f64,
    },
    /// min ≤ value ≤ max.
    Between {
        field: NumberField,
        min: f64,
        max: f64,
    },
    /// Each of the last `years` values op threshold.
    EachOfLast {
        field: SeriesField,
        years: usize,
        op: CompareOp,
        threshold: f64,
    },
    /// The field is yes.
    IsTrue { field: BoolField },
    /// At least `threshold` firms across the categories (the categories may overlap; see [`ChecklistInput`]).
    AtLeastFirms {
        fields: Vec<CountField>,
        threshold: f64,
    },
    /// Any one of the parts.
    AnyOf { parts: Vec<Test> },
}

/// One criterion of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub text: Text,
    pub test: Test,
    /// The criterion applies only when this field is yes (e.g. the R&D rule for technology towns).
    #[serde(default)]
    pub applies_if: Option<BoolField>,
    pub unit: Text,
    pub source: String,
}

/// A government checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub id: String,
    pub name: Text,
    pub source: String,
    /// The whole list applies only when this flag is true (the 特色小镇 criteria only to a declared 特色小镇,
    /// not to a whole 建制镇); when it is false every criterion reads "not applicable".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<BoolField>,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    version: u32,
    checklists: Vec<Checklist>,
}

/// The bundled checklists, parsed once.
pub fn checklists() -> Result<&'static [Checklist]> {
    static BUNDLE: OnceLock<Result<Vec<Checklist>>> = OnceLock::new();
    BUNDLE
        .get_or_init(|| parse_bundle(BUNDLED))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

fn parse_bundle(text: &str) -> Result<Vec<Checklist>> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let b: Bundle = serde_path_to_error::deserialize(de).map_err(|e| {
        Error::new(
            ErrorKind::Syntax(e.inner().to_string()),
            format!("{BUNDLED_PATH}:{}", e.path()),
        )
    })?;
    if b.version != 1 {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat(format!("version {}", b.version)),
            format!("{BUNDLED_PATH}:version"),
        ));
    }
    let mut ids = BTreeSet::new();
    for (i, list) in b.checklists.iter().enumerate() {
        for (j, c) in list.criteria.iter().enumerate() {
            let path = || format!("{BUNDLED_PATH}:checklists[{i}].criteria[{j}]");
            if !ids.insert(c.id.as_str()) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("duplicate criterion id '{}'", c.id)),
                    path(),
                ));
            }
            validate_test(&c.test).map_err(|e| e.within(&path()))?;
        }
    }
    Ok(b.checklists)
}

fn validate_test(t: &Test) -> Result<()> {
    match t {
        Test::Compare { threshold, .. } | Test::AtLeastFirms { threshold, .. } => {
            non_negative(*threshold, || "test.threshold".into()).map(|_| ())
        }
        Test::EachOfLast {
            years, threshold, ..
        } => {
            if *years == 0 || *years > MAX_YEARS {
                return Err(Error::new(
                    ErrorKind::OutOfRange {
                        min: 1.0,
                        max: MAX_YEARS as f64,
                    },
                    "test.years",
                ));
            }
            non_negative(*threshold, || "test.threshold".into()).map(|_| ())
        }
        Test::Between { min, max, .. } => {
            non_negative(*min, || "test.min".into())?;
            non_negative(*max, || "test.max".into())?;
            if min > max {
                return Err(Error::new(
                    ErrorKind::OutOfRange {
                        min: *min,
                        max: f64::INFINITY,
                    },
                    "test.max",
                ));
            }
            Ok(())
        }
        Test::IsTrue { .. } => Ok(()),
        Test::AnyOf { parts } => {
            if parts.is_empty() {
                return Err(Error::new(ErrorKind::TooFew { min: 1 }, "test.parts"));
            }
            for (k, p) in parts.iter().enumerate() {
                validate_test(p).map_err(|e| e.within(&format!("test.parts[{k}]")))?;
            }
            Ok(())
        }
    }
}

/// Checks every entered value: finite, ≥ 0, shares within 0..1, growth ≥ −1 (a fall of more than 100 % is
/// impossible), at most [`MAX_YEARS`] yearly values.
pub fn validate_input(input: &ChecklistInput) -> Result<()> {
    let nn = |v: Option<f64>, name: &str| -> Result<()> {
        match v {
            Some(v) => non_negative(v, || name.to_string()).map(|_| ()),
            None => Ok(()),
        }
    };
    let share = |v: Option<f64>, name: &str| -> Result<()> {
        match v {
            Some(v) => in_range(v, 0.0, 1.0, || name.to_string()).map(|_| ()),
            None => Ok(()),
        }
    };
    nn(input.area_km2, "area_km2")?;
    share(input.sme_output_share, "sme_output_share")?;
    share(input.leading_industry_share, "leading_industry_share")?;
    share(input.national_market_share, "national_market_share")?;
    if let Some(g) = input.average_growth {
        // Growth has no upper bound; below −100 % output would be negative.
        if !g.is_finite() {
            return Err(Error::new(ErrorKind::NotFinite, "average_growth"));
        }
        if g < -1.0 {
            return Err(Error::new(
                ErrorKind::OutOfRange {
                    min: -1.0,
                    max: f64::INFINITY,
                },
                "average_growth",
            ));
        }
    }
    nn(input.town_area_km2, "town_area_km2")?;
    share(input.featured_investment_share, "featured_investment_share")?;
    nn(input.jobs, "jobs")?;
    nn(input.labour_productivity_wan, "labour_productivity_wan")?;
    nn(input.tax_per_mu_wan, "tax_per_mu_wan")?;
    share(input.rd_intensity, "rd_intensity")?;
    if let Some(series) = &input.output_last_three_years_yi {
        if series.len() > MAX_YEARS {
            return Err(Error::new(
                ErrorKind::TooLarge { max: MAX_YEARS },
                "output_last_three_years_yi",
            ));
        }
        for (i, v) in series.iter().enumerate() {
            non_negative(*v, || format!("output_last_three_years_yi[{i}]"))?;
        }
    }
    Ok(())
}

impl ChecklistInput {
    fn number(&self, f: NumberField) -> Option<f64> {
        match f {
            NumberField::AreaKm2 => self.area_km2,
            NumberField::SmeOutputShare => self.sme_output_share,
            NumberField::LeadingIndustryShare => self.leading_industry_share,
            NumberField::NationalMarketShare => self.national_market_share,
            NumberField::AverageGrowth => self.average_growth,
            NumberField::TownAreaKm2 => self.town_area_km2,
            NumberField::FeaturedInvestmentShare => self.featured_investment_share,
            NumberField::Jobs => self.jobs,
            NumberField::LabourProductivityWan => self.labour_productivity_wan,
            NumberField::TaxPerMuWan => self.tax_per_mu_wan,
            NumberField::RdIntensity => self.rd_intensity,
        }
    }

    fn count(&self, f: CountField) -> Option<u32> {
        match f {
            CountField::SingleChampions => self.single_champions,
            CountField::LittleGiants => self.little_giants,
            CountField::ZjtxSmes => self.zjtx_smes,
            CountField::InnovativeSmes => self.innovative_smes,
            CountField::HightechFirms => self.hightech_firms,
        }
    }

    fn flag(&self, f: BoolField) -> Option<bool> {
        match f {
            BoolField::WithinOneCounty => self.within_one_county,
            BoolField::IsTechnologyTown => self.is_technology_town,
            BoolField::FeaturedTownDeclared => self.featured_town_declared,
        }
    }

    fn series(&self, f: SeriesField) -> Option<&[f64]> {
        match f {
            SeriesField::OutputLastThreeYearsYi => self.output_last_three_years_yi.as_deref(),
        }
    }
}

/// The state of one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    /// The input needed is missing (or, for overlapping firm categories, cannot decide it).
    Unknown,
    /// The criterion does not apply to this town (e.g. R&D intensity for a non-technology town).
    NotApplicable,
}

/// Why a status is what it is, where the status alone would mislead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// Fewer yearly values than the criterion looks at, and none of them fails.
    TooFewYears,
    /// The sum of the firm categories reaches the threshold but no single category does; a firm counted in
    /// two categories would be counted twice, so the criterion cannot be decided.
    CategoriesMayOverlap,
    /// The condition that makes the criterion apply (e.g. technology town) is not known.
    ApplicabilityUnknown,
}

impl Note {
    /// The note in both languages, for front ends that do not word it themselves.
    pub fn text(self) -> Text {
        match self {
            Note::TooFewYears => Text::new(
                "已填年份少于要求的年数，已填年份均达标",
                "fewer years entered than required; every year entered passes",
            ),
            Note::CategoriesMayOverlap => Text::new(
                "各类企业数之和达到门槛，但单类未达到；同一企业可能被重复计数，请按不重复企业填写",
                "the categories together reach the threshold but none alone does; a firm may be counted twice, enter distinct firms",
            ),
            Note::ApplicabilityUnknown => Text::new(
                "未说明是否为科技类小镇，无法判断该条是否适用",
                "whether this is a technology town is not known, so whether the criterion applies is unknown",
            ),
        }
    }
}

/// One criterion evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub id: String,
    pub text: Text,
    pub status: Status,
    /// The value tested (the smallest year for yearly series, the count for firm tests, 1/0 for yes/no).
    pub value: Option<f64>,
    /// The threshold (the lower bound for a range).
    pub threshold: f64,
    /// The upper bound for a range.
    pub threshold_max: Option<f64>,
    pub unit: Text,
    /// How far short (or over, for upper bounds) in the unit: 0 when met, `None` when unknown or not
    /// applicable or for yes/no criteria.
    pub gap: Option<f64>,
    pub source: String,
    pub note: Option<Note>,
}

/// Counts of statuses over a checklist.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub met: usize,
    pub not_met: usize,
    pub unknown: usize,
    pub not_applicable: usize,
}

/// One checklist evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChecklistResult {
    pub id: String,
    pub name: Text,
    pub source: String,
    /// `false` when the list does not apply to this town (a 建制镇 without a declared 特色小镇): every
    /// criterion reads "not applicable" and `qualifies` is `None` (未申报/不适用, not failed).
    #[serde(default = "yes")]
    pub applicable: bool,
    pub criteria: Vec<CriterionResult>,
    pub summary: Summary,
    /// `Some(true)` when every criterion is met or not applicable, `Some(false)` when any is not met,
    /// `None` while something is unknown and nothing has failed.
    pub qualifies: Option<bool>,
}

fn yes() -> bool {
    true
}

/// The outcome of a test before it is dressed as a [`CriterionResult`].
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    status: Status,
    value: Option<f64>,
    threshold: f64,
    threshold_max: Option<f64>,
    gap: Option<f64>,
    note: Option<Note>,
}

impl Outcome {
    fn unknown(threshold: f64) -> Self {
        Outcome {
            status: Status::Unknown,
            value: None,
            threshold,
            threshold_max: None,
            gap: None,
            note: None,
        }
    }
}

fn run(test: &Test, input: &ChecklistInput) -> Outcome {
    match test {
        Test::Compare {
            field,
            op,
            threshold,
        } => match input.number(*field) {
            None => Outcome::unknown(*threshold),
            Some(v) => {
                let met = op.holds(v, *threshold);
                Outcome {
                    status: if met { Status::Met } else { Status::NotMet },
                    value: Some(v),
                    threshold: *threshold,
                    threshold_max: None,
                    gap: Some(op.gap(v, *threshold)),
                    note: None,
                }
            }
        },
        Test::Between { field, min, max } => match input.number(*field) {
            None => Outcome {
                threshold_max: Some(*max),
                ..Outcome::unknown(*min)
            },
            Some(v) => {
                let gap = if v < *min {
                    min - v
                } else if v > *max {
                    v - max
                } else {
                    0.0
                };
                Outcome {
                    status: if v >= *min && v <= *max {
                        Status::Met
                    } else {
                        Status::NotMet
                    },
                    value: Some(v),
                    threshold: *min,
                    threshold_max: Some(*max),
                    gap: Some(gap),
                    note: None,
                }
            }
        },
        Test::EachOfLast {
            field,
            years,
            op,
            threshold,
        } => {
            let series = input.series(*field).unwrap_or(&[]);
            // The most recent `years` values: the series is oldest first.
            let recent = series
                .get(series.len().saturating_sub(*years)..)
                .unwrap_or(&[]);
            if recent.is_empty() {
                return Outcome::unknown(*threshold);
            }
            // The value shown is the year closest to failing: the smallest for lower bounds, largest for upper.
            let worst = match op {
                CompareOp::Gt | CompareOp::Ge => {
                    recent.iter().copied().fold(f64::INFINITY, f64::min)
                }
                CompareOp::Lt | CompareOp::Le => {
                    recent.iter().copied().fold(f64::NEG_INFINITY, f64::max)
                }
            };
            let all_pass = op.holds(worst, *threshold);
            let (status, note) = if !all_pass {
                // A failing year among the most recent ones fails the criterion whatever the missing years are.
                (Status::NotMet, None)
            } else if recent.len() < *years {
                (Status::Unknown, Some(Note::TooFewYears))
            } else {
                (Status::Met, None)
            };
            Outcome {
                status,
                value: Some(worst),
                threshold: *threshold,
                threshold_max: None,
                gap: (status != Status::Unknown).then(|| op.gap(worst, *threshold)),
                note,
            }
        }
        Test::IsTrue { field } => match input.flag(*field) {
            None => Outcome::unknown(1.0),
            Some(b) => Outcome {
                status: if b { Status::Met } else { Status::NotMet },
                value: Some(if b { 1.0 } else { 0.0 }),
                threshold: 1.0,
                threshold_max: None,
                gap: None,
                note: None,
            },
        },
        Test::AtLeastFirms { fields, threshold } => {
            let known: Vec<f64> = fields
                .iter()
                .filter_map(|f| input.count(*f))
                .map(f64::from)
                .collect();
            let all_known = known.len() == fields.len();
            let sum: f64 = known.iter().sum();
            let max = known.iter().copied().fold(0.0, f64::max);
            let value = (!known.is_empty()).then_some(sum);
            // One category reaching the threshold is certain; the sum is only an upper bound on distinct firms.
            let (status, gap, note) = if !known.is_empty() && max >= *threshold {
                (Status::Met, Some(0.0), None)
            } else if all_known && sum < *threshold {
                (Status::NotMet, Some(threshold - sum), None)
            } else if sum >= *threshold {
                (Status::Unknown, None, Some(Note::CategoriesMayOverlap))
            } else {
                (Status::Unknown, None, None)
            };
            Outcome {
                status,
                value,
                threshold: *threshold,
                threshold_max: None,
                gap,
                note,
            }
        }
        Test::AnyOf { parts } => {
            let outcomes: Vec<Outcome> = parts.iter().map(|p| run(p, input)).collect();
            if let Some(met) = outcomes.iter().find(|o| o.status == Status::Met) {
                return met.clone();
            }
            if !outcomes.is_empty() && outcomes.iter().all(|o| o.status == Status::NotMet) {
                // Show the alternative closest to passing, relative to its own threshold.
                let rel = |o: &Outcome| {
                    let g = o.gap.unwrap_or(f64::INFINITY);
                    if o.threshold > 0.0 {
                        g / o.threshold
                    } else {
                        g
                    }
                };
                let closest = outcomes.iter().min_by(|a, b| rel(a).total_cmp(&rel(b)));
                if let Some(c) = closest {
                    return c.clone();
                }
            }
            outcomes
                .iter()
                .find(|o| o.status == Status::Unknown)
                .cloned()
                .unwrap_or_else(|| Outcome::unknown(0.0))
        }
    }
}

fn evaluate_criterion(c: &Criterion, input: &ChecklistInput) -> CriterionResult {
    let outcome = match c.applies_if.map(|f| input.flag(f)) {
        Some(Some(false)) => Outcome {
            status: Status::NotApplicable,
            ..run_shape(&c.test)
        },
        Some(None) => Outcome {
            note: Some(Note::ApplicabilityUnknown),
            ..run_shape(&c.test)
        },
        _ => run(&c.test, input),
    };
    CriterionResult {
        id: c.id.clone(),
        text: c.text.clone(),
        status: outcome.status,
        value: outcome.value,
        threshold: outcome.threshold,
        threshold_max: outcome.threshold_max,
        unit: c.unit.clone(),
        gap: outcome.gap,
        source: c.source.clone(),
        note: outcome.note,
    }
}

/// The thresholds of a test with nothing evaluated (for criteria that do not apply or cannot be judged).
fn run_shape(test: &Test) -> Outcome {
    run(test, &ChecklistInput::default())
}

/// Evaluates one checklist. The input is validated first; bad values are refused with their field name.
pub fn evaluate_checklist(list: &Checklist, input: &ChecklistInput) -> Result<ChecklistResult> {
    validate_input(input)?;
    let applicable = list.applies_if.map(|f| input.flag(f)) != Some(Some(false));
    let criteria: Vec<CriterionResult> = list
        .criteria
        .iter()
        .map(|c| {
            let mut r = evaluate_criterion(c, input);
            if !applicable {
                let shape = run_shape(&c.test);
                r.status = Status::NotApplicable;
                r.value = shape.value;
                r.gap = None;
            }
            r
        })
        .collect();
    let mut summary = Summary::default();
    for c in &criteria {
        match c.status {
            Status::Met => summary.met += 1,
            Status::NotMet => summary.not_met += 1,
            Status::Unknown => summary.unknown += 1,
            Status::NotApplicable => summary.not_applicable += 1,
        }
    }
    let qualifies = if !applicable {
        None
    } else if summary.not_met > 0 {
        Some(false)
    } else if summary.unknown > 0 {
        None
    } else {
        Some(true)
    };
    Ok(ChecklistResult {
        id: list.id.clone(),
        name: list.name.clone(),
        source: list.source.clone(),
        applicable,
        criteria,
        summary,
        qualifies,
    })
}

/// Evaluates every bundled checklist.
pub fn evaluate(input: &ChecklistInput) -> Result<Vec<ChecklistResult>> {
    validate_input(input)?;
    checklists()?
        .iter()
        .map(|l| evaluate_checklist(l, input))
        .collect()
}

#[cfg(test)]
#[path = "tests/checklists.rs"]
mod tests;
