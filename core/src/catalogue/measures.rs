//! Suggested measures: a catalogue of policy measures (data) and the rules that fire them on diagnosed gaps
//! (METHODS.md §6).
//!
//! The catalogue (`core/data/measures.json`) is written in the project's own words from the seed study's
//! chapter 6, the lessons of its chapter-4 examples (Xiqiao, Datang, Guangdong) and the MIIT cultivation
//! areas. Each measure has rules over named metrics ([`METRICS`]); the engine suggests a measure only when at
//! least one of its rules fires, and hands back the evidence: metric, value, operator, threshold and the
//! threshold's source.
//!
//! # Rules
//!
//! A rule `{metric, op, threshold}` fires when the metric is present and `value op threshold` holds
//! (`lt`, `le`, `gt`, `ge`, `eq` within 1e-9), or, for op `missing`, when the metric is absent. Optional
//! `when` conditions must all hold too (e.g. "扎堆 index > 0.6 *when* LQ > 1"); they are listed in the
//! evidence as conditions. A non-finite value counts as absent.
//!
//! **Missing data.** A gap in the data is evidence only of a gap in the data, so `missing` rules are used by
//! exactly one measure, `plan.baseline_survey` ("survey the cluster first"). An empty metrics map therefore
//! suggests that measure and nothing else; no measure about the cluster's substance ever fires on absence.
//! Unknown is not zero: the analysis leaves a metric out when its inputs were not given, and
//! [`data_needed`] lists such metrics with the measures they would decide (需要补充调查的数据).
//!
//! # Priority
//!
//! For a fired rule with weight w (0..1), threshold t and value v, the severity s (0..1) is the size of the
//! gap relative to the threshold:
//! - `lt`/`le`: s = clamp((t − v) / d, 0, 1); `gt`/`ge`: s = clamp((v − t) / d, 0, 1), where d is the rule's
//!   `scale` if given, else |t|; with d = 0, s = 1 (any step past a zero threshold is a full gap);
//! - `eq` (a facility or flag is absent/present): s = 1; `missing`: s = 0.
//!
//! The rule's priority is p = w · (0.25 + 0.75 · s) · c: a fired rule always counts for at least a quarter of
//! its weight, so a value just past the threshold still ranks; c (0..1) is the confidence of the metric, the
//! share of its indicators with data when it is a composite score (a maturity dimension or a formation block),
//! else 1, so a score built on one indicator of eight argues an eighth as strongly. A measure's priority combines its fired rules as
//! 1 − Π(1 − p_i): more independent evidence raises it, and it stays within 0..1. Suggestions are sorted by
//! priority, highest first, then by id, so the order is the same on every platform.

use crate::dataset::ClusterType;
use crate::error::{non_negative, Error, ErrorKind, Result};
use crate::lang::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const BUNDLED: &str = include_str!("../../data/measures.json");
const BUNDLED_PATH: &str = "core/data/measures.json";

/// A fired rule counts for at least this share of its weight (see the module documentation).
pub const PRIORITY_FLOOR: f64 = 0.25;
/// Tolerance of the `eq` operator (metrics such as flags are 0/1 in f64).
pub const EQ_TOLERANCE: f64 = 1e-9;

pub use crate::report::metric::{metric_info, Metric, MetricInfo, Metrics, Unit, METRICS};

/// Comparison of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    /// The metric is absent (see the module documentation for how sparingly this is used).
    Missing,
}

impl Op {
    fn holds(self, value: Option<f64>, t: f64) -> bool {
        match (self, value) {
            (Op::Missing, v) => v.is_none(),
            (_, None) => false,
            (Op::Lt, Some(v)) => v < t,
            (Op::Le, Some(v)) => v <= t,
            (Op::Gt, Some(v)) => v > t,
            (Op::Ge, Some(v)) => v >= t,
            (Op::Eq, Some(v)) => (v - t).abs() <= EQ_TOLERANCE,
        }
    }

    /// The symbol for display.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Lt => "<",
            Op::Le => "≤",
            Op::Gt => ">",
            Op::Ge => "≥",
            Op::Eq => "=",
            Op::Missing => "∅",
        }
    }
}

/// A condition that must also hold for a rule to fire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub metric: Metric,
    pub op: Op,
    pub threshold: f64,
    pub threshold_source: String,
}

/// A rule of a measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub metric: Metric,
    pub op: Op,
    pub threshold: f64,
    /// "assumption" or a named source, shown next to the threshold.
    pub threshold_source: String,
    /// 0..1: how strongly this gap argues for the measure.
    pub weight: f64,
    /// Denominator of the severity when |threshold| is not a sensible scale (e.g. growth below 0).
    #[serde(default)]
    pub scale: Option<f64>,
    #[serde(default)]
    pub when: Vec<Condition>,
}

/// The seed's chapter-6 groups, plus the MIIT cultivation areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// 统一规划，政策支持 (ch.6 一): soft and hard environment, innovation mechanism, division of labour.
    Planning,
    /// 强化基础，聚集要素 (ch.6 二).
    Foundations,
    /// 扶植龙头，培育品牌，提升技术，促进创新 (ch.6 三).
    LeadersBrandsInnovation,
    /// 完善社会服务体系，营造文化网络氛围 (ch.6 四).
    ServicesCulture,
    /// 注重环境友好 (ch.6 五).
    Environment,
    /// 理顺产业关系 (ch.6 六): labour vs capital, high-tech vs traditional, inside vs outside.
    Balance,
    /// MIIT 2022 cultivation areas (digital upgrading, green transformation).
    MiitCultivation,
}

impl Group {
    pub fn name(self) -> Text {
        let (zh, en) = match self {
            Group::Planning => ("统一规划，政策支持", "Unified planning and policy support"),
            Group::Foundations => (
                "强化基础，聚集要素",
                "Strengthen foundations, gather factors",
            ),
            Group::LeadersBrandsInnovation => (
                "扶植龙头，培育品牌，提升技术，促进创新",
                "Leading firms, brands, technology and innovation",
            ),
            Group::ServicesCulture => (
                "完善社会服务体系，营造合作文化",
                "Social services and a cooperative culture",
            ),
            Group::Environment => ("注重环境友好", "Environmental friendliness"),
            Group::Balance => ("理顺产业关系", "Balance between industries"),
            Group::MiitCultivation => ("工信部集群培育方向", "MIIT cultivation areas"),
        };
        Text::new(zh, en)
    }

    pub fn label(self, lang: Lang) -> String {
        self.name().get(lang).to_string()
    }
}

/// A measure of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub group: Group,
    pub title: Text,
    pub description: Text,
    /// Where in the seed study the measure comes from, e.g. "ch.6 三" or "ch.4 二 (西樵)".
    pub seed_ref: String,
    /// Other sources (e.g. the MIIT notice).
    #[serde(default)]
    pub sources: Vec<String>,
    /// The cluster types (seed ch.6 一) the measure is for; empty = every type. A cluster of another type
    /// does not get it (a cluster of unknown type gets every measure).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<ClusterType>,
    pub rules: Vec<Rule>,
}

impl Measure {
    /// Whether the measure is for a cluster of type `kind` (`None` = type unknown: yes).
    pub fn applies(&self, kind: Option<ClusterType>) -> bool {
        match kind {
            Some(k) => self.applies_to.is_empty() || self.applies_to.contains(&k),
            None => true,
        }
    }
}

/// What an evidence item is to the suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceRole {
    /// The rule that fired.
    Trigger,
    /// A `when` condition of that rule, which held.
    Condition,
}

/// One piece of evidence behind a suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub metric: Metric,
    /// `None` for a `missing` rule.
    pub value: Option<f64>,
    pub op: Op,
    pub threshold: f64,
    pub threshold_source: String,
    pub role: EvidenceRole,
    /// The rule's priority p (triggers only).
    pub priority: Option<f64>,
    /// How much of the data behind the metric was given, 0..1, when the metric is a composite score built
    /// from only part of its indicators (triggers only; absent = the metric is a figure the user gave).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// The rule's weight w and the gap's severity s (triggers only): p = w · (0.25 + 0.75 · s) · c, so that a
    /// front end can say why the measure ranks where it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<f64>,
}

/// A measure suggested for this town.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestedMeasure {
    pub id: String,
    pub group: Group,
    pub title: Text,
    pub description: Text,
    pub seed_ref: String,
    pub sources: Vec<String>,
    /// 0..1; see the module documentation for the formula.
    pub priority: f64,
    /// The lowest confidence among the fired triggers (1 when every trigger is a figure the user gave).
    #[serde(default = "one")]
    pub confidence: f64,
    /// Triggers in catalogue order, each followed by its conditions.
    pub evidence: Vec<Evidence>,
}

fn one() -> f64 {
    1.0
}

/// A metric the rules could not read, and the measures it would decide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataNeed {
    pub metric: Metric,
    /// Ids of the measures (in catalogue order) that have a rule on this metric and did not fire.
    pub measures: Vec<String>,
}

/// Confidence of composite metrics (a maturity dimension or formation block built from part of its
/// indicators): metric → share of its indicators with data, 0..1. Metrics not listed count as 1.
pub type Confidence = BTreeMap<Metric, f64>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    version: u32,
    measures: Vec<Measure>,
}

/// The bundled catalogue, parsed and validated once.
pub fn catalogue() -> Result<&'static [Measure]> {
    static CATALOGUE: OnceLock<Result<Vec<Measure>>> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| parse_catalogue(BUNDLED).map_err(|e| e.within(BUNDLED_PATH)))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// Parses and validates a catalogue in the bundled format (`{"version": 1, "measures": [...]}`).
pub fn parse_catalogue(json: &str) -> Result<Vec<Measure>> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let b: Bundle = serde_path_to_error::deserialize(de).map_err(|e| {
        Error::new(
            ErrorKind::Syntax(e.inner().to_string()),
            e.path().to_string(),
        )
    })?;
    if b.version != 1 {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat(format!("version {}", b.version)),
            "version",
        ));
    }
    validate_catalogue(&b.measures).map_err(|e| e.within("measures"))?;
    Ok(b.measures)
}

fn finite(v: f64, path: impl Fn() -> String) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::new(ErrorKind::NotFinite, path()))
    }
}

fn non_empty(s: &str, path: impl Fn() -> String) -> Result<()> {
    if s.trim().is_empty() {
        Err(Error::new(ErrorKind::Missing, path()))
    } else {
        Ok(())
    }
}

/// Checks a catalogue: unique non-empty ids, texts in both languages, at least one rule per measure, every
/// rule on a known metric with a finite threshold, a named threshold source and a weight in 0..1, and a
/// positive scale where one is given.
pub fn validate_catalogue(measures: &[Measure]) -> Result<()> {
    let mut ids = BTreeSet::new();
    for (i, m) in measures.iter().enumerate() {
        let at = |field: &str| format!("[{i}].{field}");
        non_empty(&m.id, || at("id"))?;
        if !ids.insert(m.id.as_str()) {
            return Err(Error::new(
                ErrorKind::BadText(format!("duplicate measure id '{}'", m.id)),
                at("id"),
            ));
        }
        for (name, t) in [("title", &m.title), ("description", &m.description)] {
            non_empty(&t.zh, || at(&format!("{name}.zh")))?;
            non_empty(&t.en, || at(&format!("{name}.en")))?;
        }
        non_empty(&m.seed_ref, || at("seed_ref"))?;
        if m.rules.is_empty() {
            return Err(Error::new(ErrorKind::TooFew { min: 1 }, at("rules")));
        }
        for (j, r) in m.rules.iter().enumerate() {
            let rat = |field: &str| at(&format!("rules[{j}].{field}"));
            finite(r.threshold, || rat("threshold"))?;
            non_empty(&r.threshold_source, || rat("threshold_source"))?;
            crate::error::in_range(r.weight, 0.0, 1.0, || rat("weight"))?;
            if let Some(s) = r.scale {
                crate::error::positive(s, || rat("scale"))?;
            }
            for (k, c) in r.when.iter().enumerate() {
                let cat = |field: &str| rat(&format!("when[{k}].{field}"));
                finite(c.threshold, || cat("threshold"))?;
                non_empty(&c.threshold_source, || cat("threshold_source"))?;
            }
        }
    }
    Ok(())
}

/// Severity s of a fired rule (0..1), as documented in the module.
fn severity(rule: &Rule, value: Option<f64>) -> f64 {
    let v = match (rule.op, value) {
        (Op::Missing, _) => return 0.0,
        (Op::Eq, _) => return 1.0,
        (_, None) => return 0.0,
        (_, Some(v)) => v,
    };
    let d = rule.scale.unwrap_or(rule.threshold.abs());
    let raw = match rule.op {
        Op::Lt | Op::Le => rule.threshold - v,
        _ => v - rule.threshold,
    };
    if d > 0.0 {
        (raw / d).clamp(0.0, 1.0)
    } else {
        1.0
    }
}

/// The priority p of a fired rule: w · (floor + (1 − floor) · s) · c, where c is the confidence of the
/// metric (1 for a figure the user gave).
fn rule_priority(rule: &Rule, value: Option<f64>, confidence: f64) -> f64 {
    let s = severity(rule, value);
    (rule.weight * (PRIORITY_FLOOR + (1.0 - PRIORITY_FLOOR) * s) * confidence.clamp(0.0, 1.0))
        .clamp(0.0, 1.0)
}

/// Suggests measures from the bundled catalogue.
///
/// The bundled catalogue is validated by the tests, so it cannot fail in a tested build; were it ever to,
/// this returns no suggestions rather than panicking (front ends that must tell the difference call
/// [`catalogue`] first).
pub fn evaluate(metrics: &Metrics) -> Vec<SuggestedMeasure> {
    match catalogue() {
        Ok(c) => evaluate_with(c, metrics),
        Err(_) => Vec::new(),
    }
}

/// Suggests measures from any catalogue (e.g. one a user edited). Only measures with at least one fired
/// rule are returned, ranked by priority, then by id.
pub fn evaluate_with(catalogue: &[Measure], metrics: &Metrics) -> Vec<SuggestedMeasure> {
    evaluate_with_confidence(catalogue, metrics, &Confidence::new())
}

/// [`evaluate_with`], with the confidence of composite metrics lowering the priority of rules that read them.
pub fn evaluate_with_confidence(
    catalogue: &[Measure],
    metrics: &Metrics,
    confidence: &Confidence,
) -> Vec<SuggestedMeasure> {
    evaluate_for(catalogue, metrics, confidence, None).suggested
}

/// What [`evaluate_for`] found for a cluster of a given type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// The measures that fired and apply to the type, ranked.
    pub suggested: Vec<SuggestedMeasure>,
    /// Ids (catalogue order) of measures whose rules fired but that are not for this type of cluster.
    pub set_aside: Vec<String>,
}

/// [`evaluate_with_confidence`] for a cluster of type `kind`: measures not for that type are set aside (their
/// ids kept, so the report can say which and why).
pub fn evaluate_for(
    catalogue: &[Measure],
    metrics: &Metrics,
    confidence: &Confidence,
    kind: Option<ClusterType>,
) -> Evaluation {
    let mut out = Evaluation::default();
    for m in catalogue {
        if let Some(s) = suggest(m, metrics, confidence) {
            if m.applies(kind) {
                out.suggested.push(s);
            } else {
                out.set_aside.push(s.id);
            }
        }
    }
    out.suggested.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

fn suggest(m: &Measure, metrics: &Metrics, confidence: &Confidence) -> Option<SuggestedMeasure> {
    let mut evidence = Vec::new();
    let mut keep = 1.0;
    let mut lowest: f64 = 1.0;
    for r in &m.rules {
        let value = metrics.get(r.metric);
        if !r.op.holds(value, r.threshold) {
            continue;
        }
        let conditions_hold = r
            .when
            .iter()
            .all(|c| c.op.holds(metrics.get(c.metric), c.threshold));
        if !conditions_hold {
            continue;
        }
        let c = confidence.get(&r.metric).copied();
        lowest = lowest.min(c.unwrap_or(1.0));
        let p = rule_priority(r, value, c.unwrap_or(1.0));
        keep *= 1.0 - p;
        evidence.push(Evidence {
            metric: r.metric,
            value,
            op: r.op,
            threshold: r.threshold,
            threshold_source: r.threshold_source.clone(),
            role: EvidenceRole::Trigger,
            priority: Some(p),
            confidence: c,
            weight: Some(r.weight),
            severity: Some(severity(r, value)),
        });
        for c in &r.when {
            evidence.push(Evidence {
                metric: c.metric,
                value: metrics.get(c.metric),
                op: c.op,
                threshold: c.threshold,
                threshold_source: c.threshold_source.clone(),
                role: EvidenceRole::Condition,
                priority: None,
                confidence: None,
                weight: None,
                severity: None,
            });
        }
    }
    // Never without evidence: a measure with no fired rule is not suggested at all.
    if evidence.is_empty() {
        return None;
    }
    Some(SuggestedMeasure {
        id: m.id.clone(),
        group: m.group,
        title: m.title.clone(),
        description: m.description.clone(),
        seed_ref: m.seed_ref.clone(),
        sources: m.sources.clone(),
        priority: (1.0 - keep).clamp(0.0, 1.0),
        confidence: lowest,
        evidence,
    })
}

/// The data to collect: metrics that a rule of a measure that did not fire would read but that are unknown
/// (and whose rule's known conditions do not already rule it out), each with the measures it would decide.
/// Ordered by the catalogue's first use of the metric. `missing` rules (the baseline survey) are left out:
/// they fire on absence by design.
pub fn data_needed(
    catalogue: &[Measure],
    metrics: &Metrics,
    fired: &[SuggestedMeasure],
) -> Vec<DataNeed> {
    data_needed_for(catalogue, metrics, fired, None)
}

/// [`data_needed`] for a cluster of type `kind`: data that would only decide measures not for that type is not
/// asked for.
pub fn data_needed_for(
    catalogue: &[Measure],
    metrics: &Metrics,
    fired: &[SuggestedMeasure],
    kind: Option<ClusterType>,
) -> Vec<DataNeed> {
    let mut out: Vec<DataNeed> = Vec::new();
    for m in catalogue {
        if !m.applies(kind) || fired.iter().any(|s| s.id == m.id) {
            continue;
        }
        for r in &m.rules {
            if r.op == Op::Missing || metrics.get(r.metric).is_some() {
                continue;
            }
            let ruled_out = r.when.iter().any(|c| {
                let v = metrics.get(c.metric);
                v.is_some() && !c.op.holds(v, c.threshold)
            });
            if ruled_out {
                continue;
            }
            match out.iter_mut().find(|n| n.metric == r.metric) {
                Some(n) if !n.measures.contains(&m.id) => n.measures.push(m.id.clone()),
                Some(_) => {}
                None => out.push(DataNeed {
                    metric: r.metric,
                    measures: vec![m.id.clone()],
                }),
            }
        }
    }
    out
}

/// Checks that every value is finite and ≥ 0 where the metric's unit cannot be negative. Growth rates and
/// LQ changes may be negative; everything else the catalogue reads may not.
pub fn validate_metric_ranges(metrics: &Metrics) -> Result<()> {
    metrics.validate()?;
    for (k, v) in metrics.iter() {
        // Rates may fall; so may the LQ change, a ratio difference.
        let signed = k.unit().signed() || k == Metric::LqChange;
        if !signed {
            non_negative(v, || format!("metrics.{k}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "tests/measures.rs"]
mod tests;
