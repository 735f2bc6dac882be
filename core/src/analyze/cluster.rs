//! One cluster's report: totals, LQ, concentration, leading firms, LQ quadrant, maturity, life cycle.

use super::*;

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

pub(crate) fn cluster_totals(ctx: &Ctx, c: &Cluster) -> ClusterTotals {
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

/// The cluster's LQ over the same denominators as the town's industry table (`spec`): the town's and the
/// reference's totals including their unlisted employment when both are known, else the listed industries'
/// sums on both sides — never one of each (issue 18: 88 000 town jobs over the listed reference sum gave 2.26
/// where the table's own figures give 2.45).
pub(crate) fn cluster_lq(
    ctx: &Ctx,
    c: &Cluster,
    t: &ClusterTotals,
    spec: &Section<Specialisation>,
) -> Section<ClusterLq> {
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
    let tables = spec.computed();
    let one = |local: Option<f64>, m: &Values, table: Option<&LqTable>| {
        let e = local?;
        let table = table?;
        let big_e_i: f64 = m
            .iter()
            .filter(|(k, _)| belongs(k, &c.industries))
            .map(|(_, v)| v)
            .sum();
        let q = ratio(
            ratio(e, table.local_total)?,
            ratio(big_e_i, table.reference_total)?,
        )?;
        finite(q)
    };
    let emp_table = tables.and_then(|s| s.employment.as_ref());
    let employment = one(t.employment, &r.employment, emp_table);
    let output = one(t.output, &r.output, tables.and_then(|s| s.output.as_ref()));
    if employment.is_none() && output.is_none() {
        return Section::missing(
            "集群行业在本镇或参照区域缺少就业/产值数据",
            "the cluster's industries lack employment or output in the town or the reference",
        );
    }
    // Which denominators: the table's totals take in the unlisted employment only when both sides know it.
    let variant = match (tables.map(|s| s.variant.as_str()), emp_table) {
        (Some("traded-employment"), _) => "traded-employment",
        (_, Some(t)) if t.counts_unlisted() => "all-employment",
        (_, Some(_)) => "listed-industries",
        _ => "all-employment",
    };
    Section::Computed(ClusterLq {
        variant: variant.into(),
        employment,
        output,
        band: employment.or(output).map(LqBand::of),
    })
}

pub(crate) fn concentration_section(
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
                bain_source: crate::methods::concentration::BAIN_SOURCE.into(),
            })
        }
        Err(_) => Section::missing(
            "名单内企业的营业收入和就业均为 0 或缺失",
            "the listed firms have no revenue or employment",
        ),
    }
}

pub(crate) fn leading_section(
    ctx: &Ctx,
    c: &Cluster,
    t: &ClusterTotals,
    firms: &[&Firm],
) -> Section<Leading> {
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
                    ..Default::default()
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
                ..Default::default()
            });
        }
    }
    h
}

/// Town employment of listed industries in a history year (`None` when an industry lacks that year).
pub(crate) fn employment_in_year(d: &Dataset, year: i32) -> Values {
    d.industries
        .iter()
        .filter_map(|i| {
            let y = i.history.iter().find(|y| y.year == year)?;
            Some((i.code.clone(), y.employment?))
        })
        .collect()
}

pub(crate) fn quadrant_section(d: &Dataset, c: &Cluster) -> Section<Quadrant> {
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

pub(crate) fn maturity_weights(d: &Dataset, warnings: &mut Vec<Warning>) -> Result<Weights, Text> {
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

pub(crate) fn cluster_report(
    ctx: &Ctx,
    k: usize,
    c: &Cluster,
    spec: &Section<Specialisation>,
    warnings: &mut Vec<Warning>,
) -> ClusterReport {
    let d = ctx.d;
    let totals = cluster_totals(ctx, c);
    let lq = cluster_lq(ctx, c, &totals, spec);
    let lq_value = lq.computed().and_then(|l| l.employment.or(l.output));
    // The cluster's firms, found once: the sections below all read them (and a town may list millions).
    let firms = cluster_firms(ctx, c);
    let concentration = concentration_section(c, &totals, warnings, k, &firms);
    let leading = leading_section(ctx, c, &totals, &firms);
    let chain = chain_section(c, lq_value, k, &firms, warnings);
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
        chain.computed().and_then(|a| a.colocation.flagged),
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
            if let (Some(s), Some(k)) = (dim.score, Metric::in_family("maturity", &dim.id)) {
                metrics.set(k, s);
            }
        }
    }
    for b in &formation.blocks {
        if let (Some(s), Some(k)) = (b.score, Metric::in_family("formation", &b.id)) {
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
        if let Some(k) = Metric::in_family("lifecycle", key) {
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
    let template = c
        .chain_template
        .as_deref()
        .filter(|_| c.custom_template.is_none())
        .and_then(|id| chain::template(id).ok().map(|t| (id, t.cluster_type)));
    ClusterReport {
        name: c.name.clone(),
        industries: c.industries.clone(),
        typology: crate::typology::classify(c, template),
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
