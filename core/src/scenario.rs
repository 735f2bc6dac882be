//! What-if scenarios (seed ch.3, METHODS.md §4 "employment absorption"): add or remove firms or jobs, measure
//! the direct effect, multiply it by the chosen multiplier (economic base, Keynes, or I-O Type I/II), relate the
//! jobs created to the rural surplus labour, and compare the baseline analysis with a re-run on the changed data.
//!
//! The multiplier is always named, and indirect and induced effects are split only where the method can split
//! them (I-O); the base and Keynes multipliers give one "indirect and induced" figure.

use crate::analyze::{belongs, compared_with, ClusterReport, Report, Section, OTHER};
use crate::dataset::{Change, Dataset, Firm, Industry, MultiplierChoice, Scenario};
use crate::lang::Text;
use crate::report::Metric;
use serde::{Deserialize, Serialize};

/// The multiplier a scenario used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MultiplierUsed {
    /// `economic-base`, `keynes`, `io-type1`, `io-type2`, or `none` (direct effect only).
    pub choice: String,
    /// The method variant behind it (`lq`, `leakage`, `regional FLQ`, `provincial table`, …).
    pub variant: String,
    /// Why this multiplier (chosen by the user or the best the data allows).
    pub origin: String,
}

/// One change's effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeEffect {
    pub kind: String,
    pub industry: Option<String>,
    pub direct_jobs: f64,
    pub direct_output: f64,
    /// The job multiplier applied (total / direct); `None` when none applies.
    pub multiplier: Option<f64>,
    pub indirect_jobs: Option<f64>,
    pub induced_jobs: Option<f64>,
    /// Base and Keynes multipliers cannot tell indirect from induced.
    pub indirect_and_induced_jobs: Option<f64>,
    pub total_jobs: f64,
    pub total_output: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A metric before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    pub metric: Metric,
    pub baseline: Option<f64>,
    pub scenario: Option<f64>,
}

/// The result of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioResult {
    pub name: String,
    pub description: Option<String>,
    pub multiplier: MultiplierUsed,
    pub changes: Vec<ChangeEffect>,
    pub direct_jobs: f64,
    pub direct_output: f64,
    pub indirect_jobs: Option<f64>,
    pub induced_jobs: Option<f64>,
    pub indirect_and_induced_jobs: Option<f64>,
    pub total_jobs: f64,
    pub total_output: Option<f64>,
    /// Total jobs created / rural surplus labour (seed ch.3); `None` without `town.rural_surplus_labour`.
    pub absorption_ratio: Option<f64>,
    /// Tax the change would bring (万元/年): the output change (total when a multiplier gives it, else direct)
    /// × the town's tax revenue per unit of output (`town.tax_revenue` / Σ industry output). A proportional
    /// estimate, labelled so: it assumes the new output pays tax at the town's average rate. `None` without
    /// the tax revenue or the outputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<ScenarioTax>,
    /// Key metrics of the first cluster and the town, baseline vs scenario.
    pub comparison: Vec<Compared>,
}

/// The tax estimate of a scenario (seed ch.3: clusters widen the town's tax base).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioTax {
    pub method: String,
    /// 万元 a year.
    pub tax: f64,
    /// Tax revenue / output of the town, the rate applied.
    pub rate: f64,
    /// `total` (with the multiplier) or `direct`.
    pub basis: String,
}

/// All scenarios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenarios {
    pub items: Vec<ScenarioResult>,
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// Runs every scenario of the dataset against the baseline report.
pub fn run(d: &Dataset, baseline: &Report) -> Section<Scenarios> {
    run_reporting(d, baseline, &mut |_| {})
}

/// As [`run`], calling `after` with the number of scenarios run so far after each one.
pub fn run_reporting(
    d: &Dataset,
    baseline: &Report,
    after: &mut dyn FnMut(usize),
) -> Section<Scenarios> {
    if d.scenarios.is_empty() {
        return Section::missing(
            "未定义情景（scenarios），例如“新增一家龙头企业”“新增500个就业岗位”",
            "no scenarios (scenarios), e.g. 'add a leading firm', 'add 500 jobs'",
        );
    }
    let items = d
        .scenarios
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let item = run_one(d, baseline, s);
            after(k + 1);
            item
        })
        .collect();
    Section::Computed(Scenarios { items })
}

/// Multipliers available from the baseline.
struct Available<'a> {
    base: Option<(f64, String)>,
    keynes: Option<(f64, String)>,
    /// (sector names' industries, output multipliers, type1 jobs, variant)
    io1: Option<IoMultipliers<'a>>,
    io2: Option<IoMultipliers<'a>>,
}

struct IoMultipliers<'a> {
    table: &'a crate::dataset::IoTable,
    output: Vec<f64>,
    type1: Vec<Option<f64>>,
    type2: Vec<Option<f64>>,
    variant: String,
}

impl IoMultipliers<'_> {
    /// The sector of an industry code (first sector listing a prefix, else the residual sector).
    fn sector(&self, code: &str) -> Option<usize> {
        let t = self.table;
        t.sectors
            .iter()
            .position(|s| s.industries.iter().any(|c| code.starts_with(c.as_str())))
            .or_else(|| t.sectors.iter().position(|s| s.industries.is_empty()))
    }
}

fn available<'a>(d: &'a Dataset, r: &Report) -> Available<'a> {
    let base = r
        .economic_base
        .computed()
        .and_then(|e| finite(e.result.multiplier).map(|m| (m, e.result.variant.clone())));
    let keynes = r
        .keynes
        .computed()
        .and_then(|k| finite(k.result.multiplier).map(|m| (m, k.result.variant.clone())));
    let provincial = r.input_output.computed();
    let io1 = match (&d.io_table, r.regionalisation.computed(), provincial) {
        (Some(table), Some(reg), _) => Some(IoMultipliers {
            table,
            output: reg.output_multipliers.clone(),
            type1: reg.employment_type1.clone(),
            type2: Vec::new(),
            variant: format!(
                "regional {} δ = {}",
                reg.result.variant, reg.delta_threshold.value
            ),
        }),
        (Some(table), None, Some(io)) => io.result.employment.as_ref().map(|e| IoMultipliers {
            table,
            output: io.result.output_multipliers.clone(),
            type1: e.type1.clone(),
            type2: Vec::new(),
            variant: "provincial table (not regionalised)".into(),
        }),
        _ => None,
    };
    // Type II needs the household closure, which only the provincial table has here.
    let io2 = match (&d.io_table, provincial) {
        (Some(table), Some(io)) => io.result.employment.as_ref().and_then(|e| {
            Some(IoMultipliers {
                table,
                output: io.result.output_multipliers_type2.clone()?,
                type1: e.type1.clone(),
                type2: e.type2.clone()?,
                variant: "provincial table with household closure (not regionalised)".into(),
            })
        }),
        _ => None,
    };
    Available {
        base,
        keynes,
        io1,
        io2,
    }
}

fn choose(d: &Dataset, a: &Available) -> (Option<MultiplierChoice>, String) {
    if let Some(c) = d.parameters.scenario_multiplier {
        return (Some(c), "user".into());
    }
    let c = if a.io1.is_some() {
        Some(MultiplierChoice::IoType1)
    } else if a.base.is_some() {
        Some(MultiplierChoice::EconomicBase)
    } else if a.keynes.is_some() {
        Some(MultiplierChoice::Keynes)
    } else {
        None
    };
    (
        c,
        "default: I-O Type I, else economic base, else Keynes".into(),
    )
}

/// The direct effect of a change on the data (jobs, output), and the industry it hits.
fn direct(d: &Dataset, c: &Change) -> (f64, f64, Option<String>, Option<Text>) {
    match c {
        Change::AddFirm { firm } => (
            firm.employment.unwrap_or(0.0),
            firm.revenue.unwrap_or(0.0),
            firm.industry.clone(),
            None,
        ),
        Change::RemoveFirm { name } => match d.firms.iter().find(|f| &f.name == name) {
            Some(f) => (
                -f.employment.unwrap_or(0.0),
                -f.revenue.unwrap_or(0.0),
                f.industry.clone(),
                None,
            ),
            None => (
                0.0,
                0.0,
                None,
                Some(Text::new(
                    format!("企业名单中没有“{name}”，此项未计"),
                    format!("no firm named '{name}' in the list; change ignored"),
                )),
            ),
        },
        Change::AddJobs {
            industry,
            jobs,
            output,
        } => (*jobs, output.unwrap_or(0.0), Some(industry.clone()), None),
        Change::RemoveJobs {
            industry,
            jobs,
            output,
        } => (-*jobs, -output.unwrap_or(0.0), Some(industry.clone()), None),
    }
}

fn run_one(d: &Dataset, baseline: &Report, s: &Scenario) -> ScenarioResult {
    let a = available(d, baseline);
    let (choice, origin) = choose(d, &a);
    let mut variant = String::new();
    let mut changes = Vec::with_capacity(s.changes.len());
    for c in &s.changes {
        let (jobs, output, industry, mut note) = direct(d, c);
        let kind = match c {
            Change::AddFirm { .. } => "add-firm",
            Change::RemoveFirm { .. } => "remove-firm",
            Change::AddJobs { .. } => "add-jobs",
            Change::RemoveJobs { .. } => "remove-jobs",
        };
        let mut e = ChangeEffect {
            kind: kind.into(),
            industry: industry.clone(),
            direct_jobs: jobs,
            direct_output: output,
            multiplier: None,
            indirect_jobs: None,
            induced_jobs: None,
            indirect_and_induced_jobs: None,
            total_jobs: jobs,
            total_output: None,
            note: None,
        };
        match choice {
            Some(MultiplierChoice::EconomicBase) | Some(MultiplierChoice::Keynes) => {
                let m = if choice == Some(MultiplierChoice::EconomicBase) {
                    a.base.as_ref()
                } else {
                    a.keynes.as_ref()
                };
                if let Some((m, v)) = m {
                    variant = v.clone();
                    e.multiplier = Some(*m);
                    e.total_jobs = m * jobs;
                    e.indirect_and_induced_jobs = finite((m - 1.0) * jobs);
                    e.total_output = finite(m * output);
                } else {
                    note = Some(Text::new(
                        "所选乘数缺少数据，只计直接效应",
                        "the chosen multiplier lacks data: direct effect only",
                    ));
                }
            }
            Some(MultiplierChoice::IoType1) | Some(MultiplierChoice::IoType2) => {
                let type2 = choice == Some(MultiplierChoice::IoType2);
                let io = if type2 { a.io2.as_ref() } else { a.io1.as_ref() };
                let sector = io.and_then(|io| Some((io, io.sector(industry.as_deref()?)?)));
                match sector {
                    Some((io, k)) => {
                        variant = io.variant.clone();
                        let t1 = io.type1.get(k).copied().flatten();
                        let t2 = io.type2.get(k).copied().flatten();
                        let om = io.output.get(k).copied();
                        if let Some(t1) = t1 {
                            e.indirect_jobs = finite((t1 - 1.0) * jobs);
                            e.multiplier = Some(t1);
                            e.total_jobs = t1 * jobs;
                            if type2 {
                                if let Some(t2) = t2 {
                                    e.induced_jobs = finite((t2 - t1) * jobs);
                                    e.multiplier = Some(t2);
                                    e.total_jobs = t2 * jobs;
                                }
                            }
                        }
                        e.total_output = om.and_then(|m| finite(m * output));
                    }
                    None => {
                        note = Some(Text::new(
                            "投入产出乘数不可用（缺少表、部门或行业），只计直接效应",
                            "no I-O multiplier (table, sector or industry missing): direct effect only",
                        ))
                    }
                }
            }
            None => {
                note = Some(Text::new(
                    "没有可用的乘数（需要参照区域、凯恩斯参数或投入产出表），只计直接效应",
                    "no multiplier available (needs a reference area, Keynes parameters or an I-O table): direct effect only",
                ))
            }
        }
        if !e.total_jobs.is_finite() {
            e.total_jobs = jobs;
        }
        e.note = note;
        changes.push(e);
    }
    let sum = |f: &dyn Fn(&ChangeEffect) -> f64| changes.iter().map(f).sum::<f64>();
    let sum_opt = |f: &dyn Fn(&ChangeEffect) -> Option<f64>| -> Option<f64> {
        let v: Vec<f64> = changes.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| v.iter().sum())
    };
    let direct_jobs = sum(&|c| c.direct_jobs);
    let total_jobs = sum(&|c| c.total_jobs);
    let absorption_ratio = d
        .town
        .rural_surplus_labour
        .filter(|r| *r > 0.0)
        .and_then(|r| finite(total_jobs / r));
    let direct_output = sum(&|c| c.direct_output);
    let total_output = sum_opt(&|c| c.total_output);
    let town_output: f64 = d.industries.iter().filter_map(|i| i.output).sum();
    let tax = d
        .town
        .tax_revenue
        .filter(|_| town_output > 0.0)
        .and_then(|t| finite(t / town_output))
        .map(|rate| {
            let (base, basis) = match total_output {
                Some(o) => (o, "total"),
                None => (direct_output, "direct"),
            };
            ScenarioTax {
                method: "tax-per-output".into(),
                tax: base * rate,
                rate,
                basis: basis.into(),
            }
        })
        .filter(|t| t.tax.is_finite());
    let (modified, firms) = apply_shared(d, s);
    let (after_total, after_first) = compared_with(&modified, &firms);
    ScenarioResult {
        name: s.name.clone(),
        description: s.description.clone(),
        multiplier: MultiplierUsed {
            choice: choice.map_or("none", |c| c.name()).into(),
            variant,
            origin,
        },
        direct_jobs,
        direct_output,
        indirect_jobs: sum_opt(&|c| c.indirect_jobs),
        induced_jobs: sum_opt(&|c| c.induced_jobs),
        indirect_and_induced_jobs: sum_opt(&|c| c.indirect_and_induced_jobs),
        total_jobs,
        total_output,
        absorption_ratio,
        tax,
        comparison: compare(baseline, after_total, after_first.as_ref()),
        changes,
    }
}

/// Metrics compared between the baseline and the scenario.
const COMPARED: &[Metric] = &[
    Metric::LqClusterEmployment,
    Metric::ClusterEmployment,
    Metric::ClusterOutput,
    Metric::ClusterEmploymentShare,
    Metric::FirmsCount,
    Metric::FirmsLeadingCount,
    Metric::ConcentrationCr4,
    Metric::ConcentrationHhi,
    Metric::ChainCompleteness,
    Metric::MaturityIndex,
    Metric::FormationPremise,
];

/// The comparison rows: the town's employment total and the first cluster's metrics, before and after.
fn compare(
    before: &Report,
    after_total: Option<f64>,
    after_first: Option<&ClusterReport>,
) -> Vec<Compared> {
    let mut out = vec![Compared {
        metric: Metric::TownEmploymentTotal,
        baseline: before.town.employment_total,
        scenario: after_total,
    }];
    let (b, a) = (before.clusters.first(), after_first);
    if b.is_some() || a.is_some() {
        for m in COMPARED {
            out.push(Compared {
                metric: *m,
                baseline: b.and_then(|c| c.metrics.get(*m)),
                scenario: a.and_then(|c| c.metrics.get(*m)),
            });
        }
    }
    out
}

fn add(v: &mut Option<f64>, delta: f64) {
    if let Some(x) = v {
        *x = (*x + delta).max(0.0);
    }
}

/// Moves an industry's and the town's figures by a change (creating the industry when jobs are added to an
/// industry the town did not list).
fn shift_industry(d: &mut Dataset, code: &str, jobs: f64, output: f64, firms: i64) {
    match d.industries.iter_mut().find(|i| i.code == code) {
        Some(i) => {
            i.employment = Some((i.employment.unwrap_or(0.0) + jobs).max(0.0));
            if output != 0.0 || i.output.is_some() {
                i.output = Some((i.output.unwrap_or(0.0) + output).max(0.0));
            }
            if let Some(f) = &mut i.firms {
                *f = f.saturating_add_signed(firms);
            }
        }
        None if jobs > 0.0 && code != OTHER => d.industries.push(Industry {
            code: code.into(),
            name: String::new(),
            firms: (firms > 0).then_some(firms.unsigned_abs()),
            employment: Some(jobs),
            output: (output > 0.0).then_some(output),
            ..Default::default()
        }),
        None => {}
    }
    add(&mut d.town.employed, jobs);
    for c in &mut d.clusters {
        if belongs(code, &c.industries) {
            add(&mut c.employment, jobs);
            add(&mut c.output, output);
            if let Some(f) = &mut c.firms {
                *f = f.saturating_add_signed(firms);
            }
        }
    }
}

fn shift_stage(d: &mut Dataset, f: &Firm, delta: i64) {
    let Some(stage) = &f.stage else { return };
    for c in &mut d.clusters {
        let member = f
            .industry
            .as_deref()
            .is_none_or(|code| belongs(code, &c.industries));
        if member && !c.stage_firms.is_empty() {
            let n = c.stage_firms.entry(stage.clone()).or_insert(0);
            *n = n.saturating_add_signed(delta);
        }
    }
}

/// The dataset with the scenario's changes applied (scenarios removed, so the re-run does not recurse).
pub fn apply(d: &Dataset, s: &Scenario) -> Dataset {
    let (mut m, firms) = apply_shared(d, s);
    m.firms = firms.into_iter().cloned().collect();
    m
}

/// [`apply`] without copying the firm list: the changed dataset has no firms, and the changed list borrows the
/// baseline's firms and the scenario's new ones. A re-run over a town of 5 000 firms then costs no clone of them.
fn apply_shared<'a>(d: &'a Dataset, s: &'a Scenario) -> (Dataset, Vec<&'a Firm>) {
    let mut m = Dataset {
        format: d.format.clone(),
        version: d.version,
        notes: d.notes.clone(),
        provenance: d.provenance.clone(),
        town: d.town.clone(),
        reference: d.reference.clone(),
        industries: d.industries.clone(),
        clusters: d.clusters.clone(),
        firms: Vec::new(),
        support: d.support.clone(),
        environment: d.environment.clone(),
        judgments: d.judgments.clone(),
        region: d.region.clone(),
        io_table: d.io_table.clone(),
        parameters: d.parameters.clone(),
        scenarios: Vec::new(),
    };
    let mut firms: Vec<&Firm> = d.firms.iter().collect();
    for c in &s.changes {
        match c {
            Change::AddFirm { firm } => {
                if let Some(code) = &firm.industry {
                    shift_industry(
                        &mut m,
                        code,
                        firm.employment.unwrap_or(0.0),
                        firm.revenue.unwrap_or(0.0),
                        1,
                    );
                }
                shift_stage(&mut m, firm, 1);
                firms.push(firm);
            }
            Change::RemoveFirm { name } => {
                if let Some(k) = firms.iter().position(|f| &f.name == name) {
                    let firm = firms.remove(k);
                    if let Some(code) = &firm.industry {
                        shift_industry(
                            &mut m,
                            code,
                            -firm.employment.unwrap_or(0.0),
                            -firm.revenue.unwrap_or(0.0),
                            -1,
                        );
                    }
                    shift_stage(&mut m, firm, -1);
                }
            }
            Change::AddJobs {
                industry,
                jobs,
                output,
            } => shift_industry(&mut m, industry, *jobs, output.unwrap_or(0.0), 0),
            Change::RemoveJobs {
                industry,
                jobs,
                output,
            } => shift_industry(&mut m, industry, -*jobs, -output.unwrap_or(0.0), 0),
        }
    }
    (m, firms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{analyze, analyze_base};

    /// The shared-firm, first-cluster-only re-run must give exactly what re-analysing a full copy of the changed
    /// dataset gives.
    #[test]
    fn shared_firms_rerun_equals_full_copy() {
        let mut d = crate::examples::synthetic_town(20, 400);
        let codes = d.clusters[0].industries.clone();
        let member = d
            .firms
            .iter()
            .find(|f| f.industry.as_deref().is_some_and(|c| belongs(c, &codes)));
        let victim = member.expect("a cluster firm").name.clone();
        d.scenarios.push(Scenario {
            name: "remove one".into(),
            description: None,
            changes: vec![Change::RemoveFirm { name: victim }],
        });
        let report = analyze(&d);
        let Section::Computed(s) = &report.scenarios else {
            panic!("scenarios not computed")
        };
        assert_eq!(s.items.len(), d.scenarios.len());
        for (scenario, result) in d.scenarios.iter().zip(&s.items) {
            let full = analyze_base(&apply(&d, scenario));
            let expected = compare(&report, full.town.employment_total, full.clusters.first());
            assert_eq!(result.comparison, expected, "{}", scenario.name);
            // The removed cluster firm is visible in the cluster's firm count.
            if scenario.name == "remove one" {
                let row = result
                    .comparison
                    .iter()
                    .find(|c| c.metric == Metric::FirmsCount);
                assert!(
                    row.is_some_and(|r| r.baseline != r.scenario),
                    "{}",
                    scenario.name
                );
            }
        }
    }
}
