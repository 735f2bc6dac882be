//! The whole analysis of a town dataset: every method of METHODS.md the data allows, in one serialisable report.
//!
//! Each section is either computed or `{"status": "not_computed", "reason": {zh, en}}` naming the data that is
//! missing, so a half-filled form still gives every result it can. Every number carries its method variant, and
//! every threshold its source or "assumption". Warnings (unstable LQs of tiny industries, inconsistent totals,
//! AHP inconsistency, a non-productive I-O table) are part of the report. The function never panics and never
//! puts NaN or infinity in the report: undefined numbers become `not_computed` or are left out.
use crate::chain::{self, AssessOptions, ChainAssessment};
use crate::checklists::{self, ChecklistInput};
use crate::dataset::{Cluster, Dataset, Firm, LqBasis, Weighting, YearFigures};
use crate::formation::{self, Formation};
use crate::lang::{Lang, Text};
use crate::lifecycle::{self, Lifecycle};
use crate::maturity::{self, Weights};
use crate::methods::economic_base::{self, EconomicBaseInput};
use crate::methods::gem::{self, GemInput};
use crate::methods::growth::{self, LqQuadrant};
use crate::methods::input_output::{self, IoInput};
use crate::methods::keynes::{self};
use crate::methods::location_quotient::{location_quotients, LqBand, LqOutput, Values};
use crate::methods::shift_share::{self, ShiftShareInput, ShiftShareOutput};
use crate::report::{Metric, Metrics};
use std::collections::{BTreeMap, BTreeSet};

mod checklist;
mod cluster;
mod county;
mod metrics;
mod multipliers;
mod suggestions;
mod town;
mod value_chain;

use checklist::*;
use cluster::*;
use county::*;
use metrics::*;
use multipliers::*;
use suggestions::*;
use town::*;
use value_chain::*;

pub use crate::report::sections::*;

fn warn(code: &str, zh: String, en: String, path: Option<String>) -> Warning {
    Warning {
        code: code.into(),
        message: Text::new(zh, en),
        path,
    }
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
        .map(|(k, c)| cluster_report(&ctx, k, c, &specialisation, &mut warnings))
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
/// does not read (region, I-O, regionalisation, …; the industry table is computed, for the cluster LQ's
/// denominators). A scenario re-run is then a fraction of a full
/// analysis, which matters on every keystroke in a big town.
pub(crate) fn compared_with<'a>(
    d: &'a Dataset,
    firms: &'a [&'a crate::dataset::Firm],
) -> (Option<f64>, Option<ClusterReport>) {
    let mut warnings = Vec::new();
    let (ctx, _) = context(d, firms, &mut warnings);
    // The cluster's LQ shares the industry table's denominators, so the table is computed too (it is small).
    let spec = specialisation(&ctx, &mut warnings);
    let first = d
        .clusters
        .first()
        .map(|c| cluster_report(&ctx, 0, c, &spec, &mut warnings));
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
    crate::gbt4754::sector(code).is_some_and(|s| s <= 2)
}
