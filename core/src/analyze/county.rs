//! County (region) mode: EG γ, locational Gini and the town × industry LQ matrix.

use super::*;

pub(crate) fn region_section(ctx: &Ctx, warnings: &mut Vec<Warning>) -> Section<RegionReport> {
    let d = ctx.d;
    let Some(region) = &d.region else {
        return Section::missing(
            "未填写本县其他乡镇（region），无法进行区域模式分析",
            "no other towns of the county (region): region mode needs them",
        );
    };
    let mut towns: BTreeMap<String, Values> = BTreeMap::new();
    // Each town's map carries "other" for employment outside the listed industries, so the LQ matrix uses
    // true town totals.
    let with_other = |m: &Values, total: Option<f64>| -> Values {
        let mut m = m.clone();
        let sum: f64 = m.values().sum();
        if let Some(t) = total.filter(|t| *t > sum) {
            m.insert(OTHER.into(), t - sum);
        }
        m
    };
    let own: Values = d
        .industries
        .iter()
        .filter_map(|i| Some((i.code.clone(), i.employment?)))
        .collect();
    towns.insert(d.town.name.clone(), with_other(&own, ctx.employment_total));
    for t in &region.towns {
        towns.insert(
            t.name.clone(),
            with_other(&t.employment, t.total_employment),
        );
    }
    let keys: BTreeSet<String> = towns.values().flat_map(|m| m.keys().cloned()).collect();
    let mut firms = Vec::with_capacity(ctx.firms.len());
    let mut skipped = 0usize;
    // A firm's industry joins the longest town-data code it starts with ("3074" → "30"). Resolved once per
    // distinct code: a county may list a million firms but only a few hundred codes.
    let mut resolved: BTreeMap<&str, Option<String>> = BTreeMap::new();
    for f in ctx.firms {
        let town = f.town.as_ref().unwrap_or(&d.town.name);
        let industry = f.industry.as_deref().and_then(|code| {
            resolved
                .entry(code)
                .or_insert_with(|| {
                    keys.iter()
                        .filter(|k| k.as_str() != OTHER && code.starts_with(k.as_str()))
                        .max_by_key(|k| k.len())
                        .cloned()
                })
                .clone()
        });
        match (towns.contains_key(town), industry, f.employment) {
            (true, Some(industry), Some(employment)) => {
                firms.push(crate::methods::region::RegionFirm {
                    town: town.clone(),
                    industry,
                    employment,
                })
            }
            _ => skipped += 1,
        }
    }
    if skipped > 0 && !firms.is_empty() {
        warnings.push(warn(
            "region-firms-skipped",
            format!("{skipped} 家企业缺少乡镇、行业或就业，未计入 EG 指数"),
            format!("{skipped} firms lack a known town, industry or employment and are left out of EG γ"),
            Some("firms".into()),
        ));
    }
    let input = crate::methods::region::RegionInput { towns, firms };
    match crate::methods::region::region(&input) {
        Ok(result) => Section::Computed(RegionReport {
            county: region.name.clone(),
            study_town: d.town.name.clone(),
            result,
            skipped_firms: skipped,
            eg_bands_source:
                "γ < 0.02 not very localised, 0.02–0.05 moderately, > 0.05 highly (Ellison & Glaeser 1997, as commonly cited)"
                    .into(),
        }),
        Err(e) => Section::refused(Text::new("区域模式", "region mode"), &e.within("region")),
    }
}
