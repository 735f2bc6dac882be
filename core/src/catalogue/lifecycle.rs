//! Life-cycle stage of a cluster (emerging / growth / mature / decline, METHODS.md §5).
//!
//! The stage comes from the growth of output (else employment, else firms) over the latest window of the
//! history, the firm-count trend, the LQ trend and the maturity index, by rules kept as data in
//! `core/data/maturity-scoring.json`; the first rule whose conditions hold decides and is reported. A rule whose
//! metric is missing cannot fire. Without at least two years of history the stage is "cannot judge", never a
//! guess. A timeline judges every period between consecutive history years, so a recovery (Xiqiao after 1998)
//! does not hide an earlier decline (output down by more than 60 % from the late-1980s peak by 1994).
//!
//! A source that gives only a relative change is entered as an output index (`output_index`, e.g. the peak =
//! 100), compared only with other index points; a year the source names only roughly carries its words
//! (`period`, e.g. 20 世纪 80 年代后期), which the periods repeat. The chain survey describes the cluster as it is
//! now, and a cluster that crowds without a linked chain now did not have one earlier: the 集而不群 verdict is
//! read in every period, so a period of fast growth in a crowd reads as the crowd growing, not as 成长期. The
//! maturity index and the LQ trend describe the present only and are read in the current window alone.

use crate::dataset::YearFigures;
use crate::lang::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Life-cycle stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Emerging,
    Growth,
    Mature,
    Decline,
}

impl Stage {
    pub fn label(self) -> Text {
        match self {
            Stage::Emerging => Text::new("萌芽期", "emerging"),
            Stage::Growth => Text::new("成长期", "growth"),
            Stage::Mature => Text::new("成熟期", "mature"),
            Stage::Decline => Text::new("衰退期", "decline"),
        }
    }
}

/// Comparison of a rule condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
}

impl Op {
    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
        }
    }
}

/// What a life-cycle rule reads. Typed, so a rule naming anything else is refused when the table loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// The first of output, employment and firm-count CAGR over the window that exists.
    Growth,
    OutputCagr,
    EmploymentCagr,
    FirmsCagr,
    /// The cluster's LQ change per year.
    LqChange,
    /// The maturity index.
    Maturity,
    /// 1 when the chain assessment flags the cluster 集而不群 (firms crowd, the chain is not linked), else 0.
    Colocated,
}

impl Input {
    pub fn name(self) -> &'static str {
        match self {
            Input::Growth => "growth",
            Input::OutputCagr => "output_cagr",
            Input::EmploymentCagr => "employment_cagr",
            Input::FirmsCagr => "firms_cagr",
            Input::LqChange => "lq_change",
            Input::Maturity => "maturity",
            Input::Colocated => "colocated",
        }
    }
}

/// `metric op value` over an [`Input`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub metric: Input,
    pub op: Op,
    pub value: f64,
}

/// A rule: fires when all `all` conditions hold and (if any are listed) at least one `any` condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub stage: Stage,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<Condition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<Condition>,
    pub text: Text,
}

impl Rule {
    /// `Some(true)` fires, `Some(false)` does not, `None` when a metric it needs is missing and the known ones
    /// do not already decide.
    fn fires(&self, inputs: &BTreeMap<String, f64>) -> Option<bool> {
        let eval = |c: &Condition| inputs.get(c.metric.name()).map(|v| c.op.holds(*v, c.value));
        let mut all_known = true;
        for c in &self.all {
            match eval(c) {
                Some(false) => return Some(false),
                None => all_known = false,
                Some(true) => {}
            }
        }
        let any_ok = if self.any.is_empty() {
            Some(true)
        } else {
            let vals: Vec<Option<bool>> = self.any.iter().map(eval).collect();
            if vals.contains(&Some(true)) {
                Some(true)
            } else if vals.iter().all(Option::is_some) {
                Some(false)
            } else {
                None
            }
        };
        match (all_known, any_ok) {
            (_, Some(false)) => Some(false),
            (true, Some(true)) => Some(true),
            _ => None,
        }
    }
}

/// The life-cycle rule table (part of the scoring file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifecycleRules {
    /// How many of the latest history points the current growth is measured over.
    pub window_points: usize,
    pub source: String,
    pub rules: Vec<Rule>,
}

/// The rule that decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub stage: Stage,
    pub label: Text,
    /// Position of the rule in the table (0-based).
    pub rule_index: usize,
    pub rule: Rule,
}

/// Growth measured over a span of years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Window {
    pub from: i32,
    pub to: i32,
    /// Which series `growth` was taken from: `output`, `employment` or `firms`.
    pub basis: String,
}

/// A judged period of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub from: i32,
    pub to: i32,
    /// The source's words for `from` / `to` when it gives no exact year (`YearFigures::period`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_period: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_period: Option<String>,
    pub inputs: BTreeMap<String, f64>,
    /// `None` when no rule could fire on the metrics available for the period.
    pub decision: Option<Decision>,
}

/// The life-cycle judgement of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lifecycle {
    pub method: String,
    /// `None` = cannot judge (see `reason`).
    pub stage: Option<Stage>,
    pub decision: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    pub window: Option<Window>,
    /// The metrics the rules saw (growth rates per year as fractions).
    pub inputs: BTreeMap<String, f64>,
    pub periods: Vec<Period>,
    pub source: String,
}

type Series = Vec<(i32, f64)>;

/// The series of a history, in the order growth is taken from: output, the output index (the same growth,
/// measured on index points), employment, firms.
fn series(history: &[YearFigures]) -> [(&'static str, Series); 4] {
    let mut sorted: Vec<&YearFigures> = history.iter().collect();
    sorted.sort_by_key(|y| y.year);
    let pick = |f: &dyn Fn(&YearFigures) -> Option<f64>| -> Series {
        sorted
            .iter()
            .filter_map(|y| {
                f(y).filter(|v| v.is_finite() && *v >= 0.0)
                    .map(|v| (y.year, v))
            })
            .collect()
    };
    [
        ("output", pick(&|y| y.output)),
        ("output_index", pick(&|y| y.output_index)),
        ("employment", pick(&|y| y.employment)),
        ("firms", pick(&|y| y.firms.map(|f| f as f64))),
    ]
}

/// The input a series' growth goes to: the output index measures output growth.
fn cagr_key(series: &str) -> String {
    match series {
        "output_index" => "output_cagr".into(),
        other => format!("{other}_cagr"),
    }
}

/// Annual growth between two points; −100 % when the series collapses to 0; `None` when undefined.
fn rate(a: (i32, f64), b: (i32, f64)) -> Option<f64> {
    let years = f64::from(b.0 - a.0);
    if years <= 0.0 || a.1 <= 0.0 {
        return None;
    }
    if b.1 <= 0.0 {
        return Some(-1.0);
    }
    crate::methods::growth::cagr(a.1, b.1, years)
        .ok()
        .map(|o| o.cagr)
}

fn decide(rules: &LifecycleRules, inputs: &BTreeMap<String, f64>) -> Option<Decision> {
    rules
        .rules
        .iter()
        .enumerate()
        .find(|(_, r)| r.fires(inputs) == Some(true))
        .map(|(i, r)| Decision {
            stage: r.stage,
            label: r.stage.label(),
            rule_index: i,
            rule: r.clone(),
        })
}

/// Puts `growth` = the first of output, employment, firms CAGR that exists.
fn with_growth(mut inputs: BTreeMap<String, f64>) -> (BTreeMap<String, f64>, Option<&'static str>) {
    let mut basis = None;
    for b in ["output", "employment", "firms"] {
        if let Some(g) = inputs.get(&format!("{b}_cagr")).copied() {
            inputs.insert("growth".into(), g);
            basis = Some(b);
            break;
        }
    }
    (inputs, basis)
}

/// Judges the stage from a history (cluster figures by year), the maturity index, the LQ change per year and
/// the chain's 集而不群 verdict (`None` when it could not be judged).
pub fn assess(
    history: &[YearFigures],
    maturity: Option<f64>,
    lq_change: Option<f64>,
    colocated: Option<bool>,
) -> crate::error::Result<Lifecycle> {
    let rules = &crate::maturity::scoring()?.lifecycle;
    let all = series(history);
    let latest = all
        .iter()
        .filter(|(_, s)| s.len() >= 2)
        .filter_map(|(_, s)| s.last().map(|p| p.0))
        .max();

    // Current window: every series that reaches the latest year, over its last `window_points` points.
    let mut inputs = BTreeMap::new();
    // Start year of each series' window, so the window reported is the one `growth` was measured over.
    let mut from_year: BTreeMap<String, i32> = BTreeMap::new();
    if let Some(end) = latest {
        for (name, s) in &all {
            if s.len() < 2 || s.last().map(|p| p.0) != Some(end) {
                continue;
            }
            let k = rules.window_points.max(2).min(s.len());
            let window = s.get(s.len() - k..).unwrap_or(&[]);
            if let (Some(a), Some(b)) = (window.first(), window.last()) {
                let key = cagr_key(name);
                if inputs.contains_key(&key) {
                    continue;
                }
                if let Some(r) = rate(*a, *b) {
                    // The basis `growth` names: output for the output index too.
                    from_year.insert(key.trim_end_matches("_cagr").to_string(), a.0);
                    inputs.insert(key, r);
                }
            }
        }
    }
    let (mut inputs, basis) = with_growth(inputs);
    let has_growth = basis.is_some();
    if let Some(m) = maturity.filter(|m| m.is_finite()) {
        inputs.insert("maturity".into(), m);
    }
    if let Some(l) = lq_change.filter(|l| l.is_finite()) {
        inputs.insert("lq_change".into(), l);
    }
    if let Some(c) = colocated {
        inputs.insert("colocated".into(), if c { 1.0 } else { 0.0 });
    }

    // Timeline: each pair of consecutive years where some series has both ends.
    let mut years: Vec<i32> = all
        .iter()
        .flat_map(|(_, s)| s.iter().map(|p| p.0))
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut periods = Vec::new();
    for w in years.windows(2) {
        let [a, b] = w else { continue };
        let mut pi = BTreeMap::new();
        for (name, s) in &all {
            let va = s.iter().find(|p| p.0 == *a);
            let vb = s.iter().find(|p| p.0 == *b);
            if let (Some(va), Some(vb)) = (va, vb) {
                let key = cagr_key(name);
                if pi.contains_key(&key) {
                    continue;
                }
                if let Some(r) = rate(*va, *vb) {
                    pi.insert(key, r);
                }
            }
        }
        if pi.is_empty() {
            continue;
        }
        let (mut pi, _) = with_growth(pi);
        if let Some(c) = colocated {
            pi.insert("colocated".into(), if c { 1.0 } else { 0.0 });
        }
        let words = |year: i32| {
            history
                .iter()
                .find(|y| y.year == year)
                .and_then(|y| y.period.clone())
        };
        periods.push(Period {
            from: *a,
            to: *b,
            from_period: words(*a),
            to_period: words(*b),
            decision: decide(rules, &pi),
            inputs: pi,
        });
    }

    let (decision, reason) = if has_growth {
        let d = decide(rules, &inputs);
        let reason = if d.is_none() {
            Some(Text::new(
                "现有数据不足以触发任何判定规则",
                "no rule could fire on the data available",
            ))
        } else {
            None
        };
        (d, reason)
    } else {
        (
            None,
            Some(Text::new(
                "缺少历史数据（至少需要两个年份的产值、就业或企业数），无法判断生命周期阶段",
                "no history (at least two years of output, employment or firms): the stage cannot be judged",
            )),
        )
    };
    Ok(Lifecycle {
        method: "lifecycle-rules".into(),
        stage: decision.as_ref().map(|d| d.stage),
        decision,
        reason,
        window: match (basis.and_then(|b| from_year.get(b).copied()), latest, basis) {
            (Some(f), Some(t), Some(b)) => Some(Window {
                from: f,
                to: t,
                basis: b.into(),
            }),
            _ => None,
        },
        inputs,
        periods,
        source: rules.source.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: i32, firms: Option<u64>, output: Option<f64>) -> YearFigures {
        YearFigures {
            year,
            firms,
            output,
            ..Default::default()
        }
    }

    #[test]
    fn no_history_cannot_be_judged() {
        let out = assess(&[], Some(80.0), None, None).unwrap();
        assert_eq!(out.stage, None);
        assert!(out.reason.is_some());
        let one = assess(&[year(2000, Some(5), None)], None, None, None).unwrap();
        assert_eq!(one.stage, None);
    }

    #[test]
    fn a_crowd_of_firms_without_a_chain_is_still_emerging() {
        // Seed ch.5: Hunan's clusters are still at the "扎堆" stage. Steady growth (3 %/yr) alone reads as
        // mature; with the chain judged 集而不群 it is the early, crowding stage.
        let h = [
            year(2019, None, Some(120_000.0)),
            year(2024, None, Some(139_100.0)),
        ];
        assert_eq!(
            assess(&h, Some(45.0), None, Some(false)).unwrap().stage,
            Some(Stage::Mature)
        );
        let crowd = assess(&h, Some(45.0), None, Some(true)).unwrap();
        assert_eq!(crowd.stage, Some(Stage::Emerging));
        assert_eq!(crowd.inputs.get("colocated"), Some(&1.0));
        // A crowd that is shrinking fast is still in decline.
        let falling = [
            year(2019, None, Some(120_000.0)),
            year(2024, None, Some(90_000.0)),
        ];
        assert_eq!(
            assess(&falling, Some(45.0), None, Some(true))
                .unwrap()
                .stage,
            Some(Stage::Decline)
        );
    }

    #[test]
    fn xiqiao_1988_to_1994_is_decline() {
        // Seed ch.4 (as read by METHODS.md §5): 1 670 textile firms in the 1980s → 300 by 1994.
        let out = assess(
            &[year(1988, Some(1670), None), year(1994, Some(300), None)],
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(out.stage, Some(Stage::Decline));
        assert_eq!(out.periods.len(), 1);
        let d = out.periods[0].decision.as_ref().unwrap();
        assert_eq!(d.stage, Stage::Decline);
    }

    #[test]
    fn fast_growth_with_high_maturity_is_growth() {
        // Xiqiao sales 59.5 → 153.4 亿元, 1998–2001 (seed ch.4).
        let h = [
            year(1998, None, Some(595_000.0)),
            year(2001, None, Some(1_534_000.0)),
        ];
        let out = assess(&h, Some(60.0), None, None).unwrap();
        assert_eq!(out.stage, Some(Stage::Growth));
        assert_eq!(out.window.as_ref().unwrap().basis, "output");
        let low = assess(&h, Some(20.0), None, None).unwrap();
        assert_eq!(low.stage, Some(Stage::Emerging));
    }

    #[test]
    fn flat_is_mature() {
        let h = [year(2010, None, Some(100.0)), year(2015, None, Some(105.0))];
        assert_eq!(
            assess(&h, Some(70.0), None, None).unwrap().stage,
            Some(Stage::Mature)
        );
    }
}
