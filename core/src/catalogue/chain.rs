//! Value-chain templates and the chain assessment of a town (METHODS.md §5 "Chain templates").
//!
//! Templates are data (`core/data/chain-templates.json`), parsed once and validated by the same function that
//! checks a user's own template, so a bad bundled file fails a test instead of a user. The assessment turns
//! "firms per stage" into completeness, weighted completeness, missing stages, the 扎堆 index, the final vs
//! intermediate division (seed ch.2) and the "co-located, not linked" flag (seed ch.5 (三)); every number
//! carries the inputs it was computed from, and the judgement-based ones say they are assumptions.

use crate::error::{non_negative, Error, ErrorKind, Result};
use crate::lang::Text;
use crate::report::{Metric, Metrics};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// The bundled template file, compiled into the binary so the core needs no I/O.
const BUNDLED: &str = include_str!("../../data/chain-templates.json");
/// Where the bundled data came from, used as the error path if it ever fails to parse.
const BUNDLED_PATH: &str = "core/data/chain-templates.json";

/// A template may not have more stages than this (protects memory and the UI; real chains have 5–20).
pub const MAX_STAGES: usize = 200;

/// The role of a stage in the seed's division of labour (ch.2 一 (二) 2, "最终企业群与中间企业群").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    /// Sells the cluster's product outside the cluster (最终企业群).
    Final,
    /// Supplies goods or processing steps to other firms inside the cluster (中间企业群).
    Intermediate,
    /// Serves the chain without being part of the product's division (logistics, design, testing, agencies).
    Service,
}

/// One stage of a chain template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Unique within the template; the key of `firms_by_stage`.
    pub id: String,
    pub name: Text,
    pub kind: StageKind,
    /// Default weight in the weighted completeness; ≥ 0, editable per assessment.
    pub weight: f64,
    /// GB/T 4754-2017 小类 codes (four digits, text so leading zeros survive). Optional: some stages
    /// (trims, for instance) spread over several classes and are better left uncoded than miscoded.
    #[serde(default)]
    pub codes: Vec<String>,
}

/// A published firm count per stage that users can compare their town with (e.g. Datang's hosiery cluster).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceProfile {
    pub name: Text,
    /// Citation of the counts.
    pub source: String,
    /// Stage id → number of firms.
    pub firms: BTreeMap<String, f64>,
    /// How the counts were read from the source (rounding of "400+", etc.).
    #[serde(default)]
    pub note: Option<Text>,
}

/// An ordered value chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChainTemplate {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// The seed's cluster type (ch.6 一) of a cluster built on this chain; a cluster may declare its own.
    #[serde(default)]
    pub cluster_type: Option<crate::dataset::ClusterType>,
    /// Ordered from upstream to downstream.
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub reference: Option<ReferenceProfile>,
}

/// Thresholds of the "co-located, not linked" flag. An assumption (METHODS.md §5), kept as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColocationRule {
    /// Flag only when the cluster's location quotient is at least this.
    pub lq_min: f64,
    /// … and chain completeness is at most this …
    pub completeness_max: f64,
    /// … and the 扎堆 index is at least this …
    pub zhadui_min: f64,
    /// … judged only when at least this share of the template's stages was surveyed (present or absent) …
    #[serde(default = "default_coverage_min")]
    pub coverage_min: f64,
    /// … and at least this many firms were placed in stages (three firms make no verdict on a chain).
    #[serde(default = "default_firms_min")]
    pub firms_min: f64,
    /// "assumption" or a named source.
    pub source: String,
    #[serde(default)]
    pub note: Option<Text>,
}

fn default_coverage_min() -> f64 {
    0.75
}

fn default_firms_min() -> f64 {
    10.0
}

/// The bundled file: the flag rule plus the templates.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    version: u32,
    colocation_rule: ColocationRule,
    templates: Vec<ChainTemplate>,
}

fn bundle() -> Result<&'static Bundle> {
    static BUNDLE: OnceLock<Result<Bundle>> = OnceLock::new();
    BUNDLE
        .get_or_init(|| parse_bundle(BUNDLED))
        .as_ref()
        .map_err(Clone::clone)
}

fn parse_bundle(text: &str) -> Result<Bundle> {
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
    validate_rule(&b.colocation_rule)
        .map_err(|e| e.within(&format!("{BUNDLED_PATH}:colocation_rule")))?;
    let mut ids = BTreeSet::new();
    for (i, t) in b.templates.iter().enumerate() {
        validate_template(t).map_err(|e| e.within(&format!("{BUNDLED_PATH}:templates[{i}]")))?;
        if !ids.insert(t.id.as_str()) {
            return Err(Error::new(
                ErrorKind::BadText(format!("duplicate template id '{}'", t.id)),
                format!("{BUNDLED_PATH}:templates[{i}].id"),
            ));
        }
    }
    Ok(b)
}

/// The bundled templates (hosiery, textile and garment, tourism, agri-food, furniture, lighting, ceramics).
///
/// Parsed once; the error case cannot happen in a tested build (see the tests) but is reported, not panicked.
pub fn templates() -> Result<&'static [ChainTemplate]> {
    bundle().map(|b| b.templates.as_slice())
}

/// A bundled template by id.
pub fn template(id: &str) -> Result<&'static ChainTemplate> {
    let all = templates()?;
    all.iter().find(|t| t.id == id).ok_or_else(|| {
        Error::new(
            ErrorKind::UnknownName {
                name: id.to_string(),
                expected: all.iter().map(|t| t.id.clone()).collect(),
            },
            "template",
        )
    })
}

/// The bundled "co-located, not linked" thresholds.
pub fn default_colocation_rule() -> Result<&'static ColocationRule> {
    bundle().map(|b| &b.colocation_rule)
}

/// Parses and validates a user's template from JSON; errors name the JSON path of the bad field.
pub fn parse_template(json: &str) -> Result<ChainTemplate> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let t: ChainTemplate = serde_path_to_error::deserialize(de).map_err(|e| {
        Error::new(
            ErrorKind::Syntax(e.inner().to_string()),
            e.path().to_string(),
        )
    })?;
    validate_template(&t)?;
    Ok(t)
}

/// Checks a template: non-empty unique ids, ≥ 2 stages, finite weights ≥ 0 with a positive sum, four-digit
/// codes, and a reference profile that names only the template's stages with counts ≥ 0.
pub fn validate_template(t: &ChainTemplate) -> Result<()> {
    if t.id.trim().is_empty() {
        return Err(Error::new(ErrorKind::Missing, "id"));
    }
    if t.stages.len() < 2 {
        return Err(Error::new(ErrorKind::TooFew { min: 2 }, "stages"));
    }
    if t.stages.len() > MAX_STAGES {
        return Err(Error::new(
            ErrorKind::TooLarge { max: MAX_STAGES },
            "stages",
        ));
    }
    let mut ids = BTreeSet::new();
    let mut weight_sum = 0.0;
    for (i, s) in t.stages.iter().enumerate() {
        if s.id.trim().is_empty() {
            return Err(Error::new(ErrorKind::Missing, format!("stages[{i}].id")));
        }
        if !ids.insert(s.id.as_str()) {
            return Err(Error::new(
                ErrorKind::BadText(format!("duplicate stage id '{}'", s.id)),
                format!("stages[{i}].id"),
            ));
        }
        weight_sum += non_negative(s.weight, || format!("stages[{i}].weight"))?;
        for (j, c) in s.codes.iter().enumerate() {
            if c.len() != 4 || !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("'{c}' is not a four-digit GB/T 4754-2017 code")),
                    format!("stages[{i}].codes[{j}]"),
                ));
            }
        }
    }
    // A template whose weights are all zero has no weighted completeness: refuse it where it is written.
    // Weights were checked finite above, so `<=` also covers every case `!(x > 0)` would.
    if weight_sum <= 0.0 {
        return Err(Error::new(ErrorKind::ZeroTotal, "stages"));
    }
    if let Some(r) = &t.reference {
        for (id, n) in &r.firms {
            if !ids.contains(id.as_str()) {
                return Err(Error::new(
                    ErrorKind::UnknownId(id.clone()),
                    format!("reference.firms.{id}"),
                ));
            }
            non_negative(*n, || format!("reference.firms.{id}"))?;
        }
    }
    Ok(())
}

fn validate_rule(r: &ColocationRule) -> Result<()> {
    non_negative(r.lq_min, || "lq_min".into())?;
    crate::error::in_range(r.completeness_max, 0.0, 1.0, || "completeness_max".into())?;
    crate::error::in_range(r.zhadui_min, 0.0, 1.0, || "zhadui_min".into())?;
    crate::error::in_range(r.coverage_min, 0.0, 1.0, || "coverage_min".into())?;
    non_negative(r.firms_min, || "firms_min".into())?;
    Ok(())
}

/// Options of [`assess`]. All optional: the default uses the template's weights and the bundled flag rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AssessOptions {
    /// Stage id → weight, overriding the template's default weight for that stage.
    pub weights: BTreeMap<String, f64>,
    /// The cluster industry's location quotient; without it the co-location flag is not judged.
    pub lq: Option<f64>,
    /// Thresholds of the co-location flag; `None` uses the bundled rule.
    pub colocation: Option<ColocationRule>,
}

/// A computed number with what it was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `None` when the number is undefined for these inputs (e.g. a ratio with a zero denominator).
    pub value: Option<f64>,
    /// The formula in words, e.g. `stages_with_firms / stages`.
    pub formula: String,
    pub inputs: BTreeMap<String, f64>,
    /// True when the measure itself, not only a threshold, is this tool's judgement (METHODS.md: say so).
    pub assumption: bool,
}

impl Figure {
    /// An undefined figure (what a report written before the field existed reads back as).
    pub fn unknown() -> Self {
        Figure {
            value: None,
            formula: String::new(),
            inputs: BTreeMap::new(),
            assumption: false,
        }
    }

    fn new(value: Option<f64>, formula: &str, inputs: &[(&str, f64)], assumption: bool) -> Self {
        Figure {
            value,
            formula: formula.to_string(),
            inputs: inputs.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            assumption,
        }
    }
}

/// One stage as assessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageResult {
    pub id: String,
    pub name: Text,
    pub kind: StageKind,
    /// The weight used (template default or override).
    pub weight: f64,
    /// Firms entered for this stage; `None` when the stage was not surveyed.
    pub firms: Option<f64>,
    /// At least one local firm.
    pub present: bool,
    /// Present, absent (surveyed, none found) or not surveyed.
    #[serde(default)]
    pub status: StageStatus,
    /// Share of the cluster's firms in this stage; `None` when no firms were entered at all.
    pub share: Option<f64>,
    /// The same share in the template's reference profile, for comparison.
    pub reference_share: Option<f64>,
}

/// What the survey says of a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    /// At least one local firm.
    Present,
    /// Surveyed, and no local firm found (an entered 0).
    Absent,
    /// No entry: the survey did not cover it, so it is neither present nor missing.
    #[default]
    NotSurveyed,
}

/// The "co-located, not linked" (集而不群) judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColocationFlag {
    /// `None` when it cannot be judged (no LQ given, or no firms entered).
    pub flagged: Option<bool>,
    pub rule: ColocationRule,
    /// The LQ, completeness and 扎堆 index the rule was applied to.
    pub inputs: BTreeMap<String, f64>,
}

/// Why part of an assessment is less certain than it looks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChainWarning {
    /// These stages had no entry: left out of completeness (see `coverage`), and the co-location verdict
    /// needs enough coverage.
    Unsurveyed { stages: Vec<String> },
    /// Too few stages were surveyed, or too few firms placed, for the co-location verdict.
    CoverageTooLow { coverage: f64, firms: f64 },
    /// No firms at all were entered: shares, the 扎堆 index and the ratios are undefined.
    NoFirms,
    /// No LQ was given: the co-location flag is not judged.
    NoLq,
}

/// Output of [`assess`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChainAssessment {
    pub method: String,
    pub template_id: String,
    pub stages: Vec<StageResult>,
    /// Stages surveyed (an entry, 0 included) / stages in the template.
    #[serde(default = "Figure::unknown")]
    pub coverage: Figure,
    /// Stages with ≥ 1 local firm / stages surveyed; `None` when no stage was surveyed.
    pub completeness: Figure,
    /// Σ weight of present stages / Σ weight of surveyed stages.
    pub weighted_completeness: Figure,
    /// Surveyed stages without a local firm (absent), in chain order.
    pub missing_stages: Vec<String>,
    /// Stages with no entry, in chain order.
    #[serde(default)]
    pub unsurveyed_stages: Vec<String>,
    /// Share of all firms in the single largest stage (assumption, METHODS.md §5).
    pub zhadui_index: Figure,
    /// The stage that holds the most firms (the first in chain order on a tie).
    pub largest_stage: Option<String>,
    pub final_firms: f64,
    pub intermediate_firms: f64,
    pub service_firms: f64,
    /// Firms in final stages / firms in intermediate stages (seed ch.2); `None` with no intermediate firm.
    pub final_intermediate_ratio: Figure,
    /// Firms in intermediate stages / all firms: defined whenever any firm is entered, so a chain with no
    /// supplier at all still gets a number (0) where the ratio above has none.
    pub intermediate_share: Figure,
    pub colocation: ColocationFlag,
    pub warnings: Vec<ChainWarning>,
}

impl ChainAssessment {
    /// The assessment as metrics for the measure engine ([`Metric`] names).
    /// Undefined numbers are left out, so a rule never fires on a number that does not exist.
    pub fn metrics(&self) -> Metrics {
        let mut m = Metrics::new();
        let design = self.stages.iter().any(|s| s.id.starts_with("design"));
        m.put(
            Metric::ChainDesignStage,
            Some(if design { 1.0 } else { 0.0 }),
        )
        .put(Metric::ChainCoverage, self.coverage.value)
        .put(Metric::ChainCompleteness, self.completeness.value)
        .put(
            Metric::ChainWeightedCompleteness,
            self.weighted_completeness.value,
        )
        .put(Metric::ChainZhaduiIndex, self.zhadui_index.value)
        .put(
            Metric::ChainFinalIntermediateRatio,
            self.final_intermediate_ratio.value,
        )
        .put(
            Metric::ChainIntermediateShare,
            self.intermediate_share.value,
        )
        .put(
            Metric::ChainMissingStageCount,
            Some(self.missing_stages.len() as f64),
        )
        .put(
            Metric::ChainColocatedNotLinked,
            self.colocation.flagged.map(|f| if f { 1.0 } else { 0.0 }),
        );
        m
    }
}

/// Assesses a town's chain against a template.
///
/// `firms_by_stage` maps stage ids to local firm counts (≥ 0; a stage absent from the map is "not surveyed"
/// and counts as missing, with a warning). A stage is present with ≥ 1 firm. Unknown stage ids in the map or
/// in the weight overrides are refused with their path, so a typo never silently drops a stage.
pub fn assess(
    template: &ChainTemplate,
    firms_by_stage: &BTreeMap<String, f64>,
    opts: &AssessOptions,
) -> Result<ChainAssessment> {
    validate_template(template).map_err(|e| e.within("template"))?;
    let known: BTreeSet<&str> = template.stages.iter().map(|s| s.id.as_str()).collect();
    for (id, n) in firms_by_stage {
        if !known.contains(id.as_str()) {
            return Err(Error::new(
                ErrorKind::UnknownId(id.clone()),
                format!("firms_by_stage.{id}"),
            ));
        }
        non_negative(*n, || format!("firms_by_stage.{id}"))?;
    }
    for (id, w) in &opts.weights {
        if !known.contains(id.as_str()) {
            return Err(Error::new(
                ErrorKind::UnknownId(id.clone()),
                format!("weights.{id}"),
            ));
        }
        non_negative(*w, || format!("weights.{id}"))?;
    }
    if let Some(lq) = opts.lq {
        non_negative(lq, || "lq".into())?;
    }
    let rule = match &opts.colocation {
        Some(r) => {
            validate_rule(r).map_err(|e| e.within("colocation"))?;
            r.clone()
        }
        None => default_colocation_rule()?.clone(),
    };

    let n_stages = template.stages.len() as f64;
    let mut present_count = 0.0;
    let mut surveyed_count = 0.0;
    let mut weight_total = 0.0;
    let mut weight_surveyed = 0.0;
    let mut weight_present = 0.0;
    let mut total_firms = 0.0;
    let (mut final_firms, mut intermediate_firms, mut service_firms) = (0.0, 0.0, 0.0);
    let mut largest: Option<(&str, f64)> = None;
    let mut missing = Vec::new();
    let mut unsurveyed = Vec::new();
    for s in &template.stages {
        let firms = firms_by_stage.get(&s.id).copied();
        let weight = opts.weights.get(&s.id).copied().unwrap_or(s.weight);
        let n = firms.unwrap_or(0.0);
        let present = n >= 1.0;
        weight_total += weight;
        if firms.is_some() {
            surveyed_count += 1.0;
            weight_surveyed += weight;
        }
        if present {
            present_count += 1.0;
            weight_present += weight;
        } else if firms.is_some() {
            missing.push(s.id.clone());
        } else {
            unsurveyed.push(s.id.clone());
        }
        total_firms += n;
        match s.kind {
            StageKind::Final => final_firms += n,
            StageKind::Intermediate => intermediate_firms += n,
            StageKind::Service => service_firms += n,
        }
        // Strictly greater keeps the first stage in chain order on a tie, so the result is deterministic.
        if n > 0.0 && largest.is_none_or(|(_, m)| n > m) {
            largest = Some((s.id.as_str(), n));
        }
    }

    let reference_total: Option<f64> = template
        .reference
        .as_ref()
        .map(|r| r.firms.values().sum::<f64>())
        .filter(|t| *t > 0.0);
    let stages = template
        .stages
        .iter()
        .map(|s| {
            let firms = firms_by_stage.get(&s.id).copied();
            let reference_share = match (&template.reference, reference_total) {
                (Some(r), Some(t)) => r.firms.get(&s.id).map(|n| n / t),
                _ => None,
            };
            StageResult {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                weight: opts.weights.get(&s.id).copied().unwrap_or(s.weight),
                firms,
                present: firms.unwrap_or(0.0) >= 1.0,
                status: match firms {
                    Some(n) if n >= 1.0 => StageStatus::Present,
                    Some(_) => StageStatus::Absent,
                    None => StageStatus::NotSurveyed,
                },
                share: (total_firms > 0.0).then(|| firms.unwrap_or(0.0) / total_firms),
                reference_share,
            }
        })
        .collect();

    let coverage = Figure::new(
        Some(surveyed_count / n_stages),
        "stages_surveyed / stages",
        &[("stages_surveyed", surveyed_count), ("stages", n_stages)],
        false,
    );
    let completeness = Figure::new(
        (surveyed_count > 0.0).then(|| present_count / surveyed_count),
        "stages_with_firms / stages_surveyed",
        &[
            ("stages_with_firms", present_count),
            ("stages_surveyed", surveyed_count),
        ],
        false,
    );
    // Overrides may set every weight to zero even though the template's defaults are positive.
    if weight_total <= 0.0 {
        return Err(Error::new(ErrorKind::ZeroTotal, "weights"));
    }
    let weighted_completeness = Figure::new(
        (weight_surveyed > 0.0).then(|| weight_present / weight_surveyed),
        "sum(weight of stages with firms) / sum(weight of stages surveyed)",
        &[
            ("weight_with_firms", weight_present),
            ("weight_surveyed", weight_surveyed),
        ],
        false,
    );
    let largest_firms = largest.map(|(_, n)| n).unwrap_or(0.0);
    let zhadui_index = Figure::new(
        (total_firms > 0.0).then(|| largest_firms / total_firms),
        "firms in the largest stage / all firms",
        &[
            ("largest_stage_firms", largest_firms),
            ("total_firms", total_firms),
        ],
        true,
    );
    let final_intermediate_ratio = Figure::new(
        (intermediate_firms > 0.0).then(|| final_firms / intermediate_firms),
        "firms in final stages / firms in intermediate stages",
        &[
            ("final_firms", final_firms),
            ("intermediate_firms", intermediate_firms),
        ],
        false,
    );
    let intermediate_share = Figure::new(
        (total_firms > 0.0).then(|| intermediate_firms / total_firms),
        "firms in intermediate stages / all firms",
        &[
            ("intermediate_firms", intermediate_firms),
            ("total_firms", total_firms),
        ],
        false,
    );

    let mut warnings = Vec::new();
    let unsurveyed_list = unsurveyed.clone();
    if !unsurveyed.is_empty() {
        warnings.push(ChainWarning::Unsurveyed { stages: unsurveyed });
    }
    if total_firms <= 0.0 {
        warnings.push(ChainWarning::NoFirms);
    }
    if opts.lq.is_none() {
        warnings.push(ChainWarning::NoLq);
    }

    let coverage_value = surveyed_count / n_stages;
    let mut flag_inputs = BTreeMap::new();
    flag_inputs.insert("coverage".to_string(), coverage_value);
    flag_inputs.insert("firms".to_string(), total_firms);
    if let Some(c) = completeness.value {
        flag_inputs.insert("completeness".to_string(), c);
    }
    if let Some(z) = zhadui_index.value {
        flag_inputs.insert("zhadui_index".to_string(), z);
    }
    if let Some(lq) = opts.lq {
        flag_inputs.insert("lq".to_string(), lq);
    }
    let enough = coverage_value >= rule.coverage_min && total_firms >= rule.firms_min;
    if total_firms > 0.0 && !enough {
        warnings.push(ChainWarning::CoverageTooLow {
            coverage: coverage_value,
            firms: total_firms,
        });
    }
    let flagged = match (opts.lq, zhadui_index.value, completeness.value, enough) {
        (Some(lq), Some(z), Some(c), true) => {
            Some(lq >= rule.lq_min && c <= rule.completeness_max && z >= rule.zhadui_min)
        }
        _ => None,
    };

    Ok(ChainAssessment {
        method: "chain-assessment".into(),
        template_id: template.id.clone(),
        stages,
        coverage,
        completeness,
        weighted_completeness,
        missing_stages: missing,
        unsurveyed_stages: unsurveyed_list,
        zhadui_index,
        largest_stage: largest.map(|(id, _)| id.to_string()),
        final_firms,
        intermediate_firms,
        service_firms,
        final_intermediate_ratio,
        intermediate_share,
        colocation: ColocationFlag {
            flagged,
            rule,
            inputs: flag_inputs,
        },
        warnings,
    })
}

#[cfg(test)]
#[path = "tests/chain.rs"]
mod tests;
