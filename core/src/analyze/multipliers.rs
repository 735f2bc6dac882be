//! Town-level dynamics and multipliers: shift-share, growth, economic base, Keynes, I-O, FLQ.

use super::*;

pub(crate) fn shift_share_section(d: &Dataset) -> Section<ShiftShareOutput> {
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

pub(crate) fn growth_section(d: &Dataset) -> Section<Growth> {
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

pub(crate) fn economic_base_section(ctx: &Ctx) -> Section<EconomicBase> {
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

pub(crate) fn keynes_section(d: &Dataset) -> Section<Keynes> {
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

pub(crate) fn io_section(d: &Dataset, warnings: &mut Vec<Warning>) -> Section<InputOutput> {
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

/// Town employment on the I-O table's sectors: each town industry goes to the first sector listing a code it
/// starts with; a sector with an empty list takes the rest (and the unlisted remainder of town employment).
pub(crate) fn town_employment_by_sector(ctx: &Ctx, t: &crate::dataset::IoTable) -> Vec<f64> {
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
pub(crate) fn regional_multipliers(
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

pub(crate) fn regionalisation_section(
    ctx: &Ctx,
    warnings: &mut Vec<Warning>,
) -> Section<Regionalisation> {
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
