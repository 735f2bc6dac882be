//! The government checklists fed from a cluster (MIIT 2022, 特色小镇 2021).

use super::*;

/// Output of the cluster's leading product chain, for MIIT's 主导产业占比: the industries the user marks as
/// leading (`clusters[].leading_industries`), else the manufacturing divisions (GB/T 4754 C, 13–43) that the
/// chain template's product stages (final and intermediate) name, else the largest single member industry.
/// `None` when no member industry has an output figure.
pub(crate) fn leading_chain_output(d: &Dataset, c: &Cluster) -> Option<f64> {
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

pub(crate) fn checklist_section(
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
    // Unknown is not zero (as for the metrics): a firm list answers a family of marks only when it marks at
    // least one firm with one of them; a list without any such mark says nothing, and the count stays unknown
    // unless the user entered it.
    let zjtx_marked = firms
        .iter()
        .any(|f| f.specialised_sme || f.little_giant || f.single_champion);
    let hightech_marked = firms.iter().any(|f| f.high_tech);
    let pick = |listed: u32, answered: bool, entered: Option<u64>| -> Option<u32> {
        match entered {
            Some(e) => Some(u32::try_from(e).unwrap_or(u32::MAX).max(listed)),
            None if answered => Some(listed),
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
        national_market_share: c.national_market_share,
        average_growth: years_growth,
        single_champions: pick(
            count(&|f| f.single_champion),
            zjtx_marked,
            inn.and_then(|i| i.single_champions),
        ),
        little_giants: pick(
            count(&|f| f.little_giant),
            zjtx_marked,
            inn.and_then(|i| i.little_giants),
        ),
        zjtx_smes: pick(
            count(&|f| f.specialised_sme),
            zjtx_marked,
            inn.and_then(|i| i.specialised_smes),
        ),
        innovative_smes: inn
            .and_then(|i| i.innovative_smes)
            .map(|v| u32::try_from(v).unwrap_or(u32::MAX)),
        hightech_firms: pick(
            count(&|f| f.high_tech),
            hightech_marked,
            inn.and_then(|i| i.high_tech_firms),
        ),
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
