//! The town-level sections: the town summary, the location-quotient tables and the specialisation.

use super::*;

pub(crate) fn town_summary(
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
    // Unknown is not zero: without the public figure the private share is unknown, not 100 %.
    let private_investment_share = t
        .construction_investment
        .as_ref()
        .and_then(|i| ratio(i.private?, i.public? + i.private?));
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
        urbanisation: (!t.urbanisation.is_empty())
            .then(|| crate::methods::urbanisation::urbanisation(&t.urbanisation).ok())
            .flatten(),
        industries: d.industries.len(),
        firms_listed,
        illustrative: d.provenance.iter().any(|p| p.illustrative),
    }
}

/// Local and reference maps for `location_quotients`, with "other" carrying the unlisted remainder on both
/// sides so that e_r and E are the true totals. Returns the maps and the industries missing from the reference.
pub(crate) fn lq_maps(
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

pub(crate) fn lq_table(
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

pub(crate) fn specialisation(ctx: &Ctx, warnings: &mut Vec<Warning>) -> Section<Specialisation> {
    let d = ctx.d;
    let Some(reference) = &d.reference else {
        return Section::missing(
            "未填写参照区域的分行业就业或产值，无法计算区位商",
            "no reference area with employment or output by industry: LQs need one",
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
