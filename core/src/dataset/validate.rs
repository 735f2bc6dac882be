//! Validation of a dataset after parsing: ranges, codes, sizes and shapes, each error with its exact path.

use super::*;

pub(crate) fn cap(len: usize, max: usize, path: &str) -> Result<()> {
    if len > max {
        Err(Error::new(ErrorKind::TooLarge { max }, path))
    } else {
        Ok(())
    }
}

pub(crate) fn text_len(s: &str, path: &str) -> Result<()> {
    cap(s.chars().count(), limits::TEXT_CHARS, path)
}

pub(crate) fn opt_num(v: Option<f64>, path: &str, field: &str) -> Result<()> {
    if let Some(v) = v {
        non_negative(v, || format!("{path}.{field}"))?;
    }
    Ok(())
}

pub(crate) fn opt_share(v: Option<f64>, path: &str, field: &str) -> Result<()> {
    if let Some(v) = v {
        in_range(v, 0.0, 1.0, || format!("{path}.{field}"))?;
    }
    Ok(())
}

pub(crate) fn opt_year(v: Option<i32>, path: &str) -> Result<()> {
    if let Some(y) = v {
        if !(1900..=2200).contains(&y) {
            return Err(Error::new(
                ErrorKind::OutOfRange {
                    min: 1900.0,
                    max: 2200.0,
                },
                path,
            ));
        }
    }
    Ok(())
}

/// True for a GB/T 4754 code: 2–4 ASCII digits (大类, 中类, 小类), or a section (门类) letter A–T.
pub fn is_industry_code(code: &str) -> bool {
    ((2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()))
        || crate::gbt4754::is_section_code(code)
}

pub(crate) fn industry_code(code: &str, path: impl Fn() -> String) -> Result<()> {
    if is_industry_code(code) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::BadText(format!(
                "industry code must be 2–4 digits as text or a section letter A–T (GB/T 4754), got \"{}\"",
                code.chars().take(20).collect::<String>()
            )),
            path(),
        ))
    }
}

pub(crate) fn code_map(m: &CodeMap, path: &str) -> Result<()> {
    cap(m.len(), limits::REFERENCE_INDUSTRIES, path)?;
    for (k, v) in m {
        industry_code(k, || format!("{path}.{k}"))?;
        non_negative(*v, || format!("{path}.{k}"))?;
    }
    Ok(())
}

pub(crate) fn non_empty(s: &str, path: &str) -> Result<()> {
    text_len(s, path)?;
    if s.trim().is_empty() {
        Err(Error::new(ErrorKind::Missing, path))
    } else {
        Ok(())
    }
}

pub(crate) fn validate_town(t: &Town) -> Result<()> {
    // An unnamed town is a half-filled form, not an error: its figures can be analysed before it has a name.
    if let Some(code) = &t.code {
        if code.len() != 9 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::new(
                ErrorKind::BadText("township code must be 9 digits as text".into()),
                "town.code",
            ));
        }
    }
    opt_year(t.year, "town.year")?;
    for (f, v) in [
        ("area_km2", t.area_km2),
        ("population", t.population),
        ("labour_force", t.labour_force),
        ("employed", t.employed),
        ("rural_surplus_labour", t.rural_surplus_labour),
        ("construction_land_mu", t.construction_land_mu),
        ("tax_revenue", t.tax_revenue),
    ] {
        opt_num(v, "town", f)?;
    }
    if let Some(g) = &t.gdp {
        opt_num(g.primary, "town.gdp", "primary")?;
        opt_num(g.secondary, "town.gdp", "secondary")?;
        opt_num(g.tertiary, "town.gdp", "tertiary")?;
    }
    if let Some(i) = &t.construction_investment {
        opt_num(i.public, "town.construction_investment", "public")?;
        opt_num(i.private, "town.construction_investment", "private")?;
    }
    if !t.urbanisation.is_empty() {
        cap(
            t.urbanisation.len(),
            limits::HISTORY_YEARS,
            "town.urbanisation",
        )?;
        for (i, u) in t.urbanisation.iter().enumerate() {
            opt_year(Some(u.year), &format!("town.urbanisation[{i}].year"))?;
        }
        crate::methods::urbanisation::urbanisation(&t.urbanisation)
            .map_err(|e| e.within("town"))?;
    }
    if let Some(f) = &t.featured_town {
        if let Some(n) = &f.name {
            text_len(n, "town.featured_town.name")?;
        }
        opt_num(f.planned_area_km2, "town.featured_town", "planned_area_km2")?;
        opt_num(f.jobs, "town.featured_town", "jobs")?;
        opt_share(f.investment_share, "town.featured_town", "investment_share")?;
    }
    Ok(())
}

pub(crate) fn validate_reference(r: &Reference) -> Result<()> {
    text_len(&r.name, "reference.name")?;
    opt_year(r.year, "reference.year")?;
    code_map(&r.employment, "reference.employment")?;
    code_map(&r.output, "reference.output")?;
    total_at_least_sum(
        r.total_employment,
        &r.employment,
        "reference.total_employment",
    )?;
    total_at_least_sum(r.total_output, &r.output, "reference.total_output")?;
    if let Some(s) = &r.second_year {
        opt_year(Some(s.year), "reference.second_year.year")?;
        code_map(&s.employment, "reference.second_year.employment")?;
        code_map(&s.output, "reference.second_year.output")?;
        total_at_least_sum(
            s.total_employment,
            &s.employment,
            "reference.second_year.total_employment",
        )?;
        total_at_least_sum(
            s.total_output,
            &s.output,
            "reference.second_year.total_output",
        )?;
    }
    Ok(())
}

/// A declared total must be finite, ≥ 0 and not smaller than the sum it contains (1e-9 relative slack for
/// rounding in spreadsheets).
pub(crate) fn total_at_least_sum(total: Option<f64>, m: &CodeMap, path: &str) -> Result<()> {
    if let Some(t) = total {
        non_negative(t, || path.to_string())?;
        let sum: f64 = m.values().sum();
        if t < sum * (1.0 - 1e-9) {
            return Err(Error::new(
                ErrorKind::BadText(format!(
                    "total {t} is smaller than the sum of the industries listed ({sum})"
                )),
                path,
            ));
        }
    }
    Ok(())
}

pub(crate) fn validate_years(h: &[YearFigures], path: &str) -> Result<()> {
    cap(h.len(), limits::HISTORY_YEARS, path)?;
    let mut years = BTreeSet::new();
    for (k, y) in h.iter().enumerate() {
        let p = format!("{path}[{k}]");
        opt_year(Some(y.year), &format!("{p}.year"))?;
        if !years.insert(y.year) {
            return Err(Error::new(
                ErrorKind::BadText(format!("year {} appears twice", y.year)),
                format!("{p}.year"),
            ));
        }
        opt_num(y.employment, &p, "employment")?;
        opt_num(y.output, &p, "output")?;
        opt_num(y.value_added, &p, "value_added")?;
    }
    Ok(())
}

pub(crate) fn validate_industry(ind: &Industry, p: &str) -> Result<()> {
    industry_code(&ind.code, || format!("{p}.code"))?;
    text_len(&ind.name, &format!("{p}.name"))?;
    opt_num(ind.employment, p, "employment")?;
    opt_num(ind.output, p, "output")?;
    opt_num(ind.value_added, p, "value_added")?;
    opt_share(ind.outside_sales_share, p, "outside_sales_share")?;
    if let (Some(a), Some(f)) = (ind.above_scale_firms, ind.firms) {
        if a > f {
            return Err(Error::new(
                ErrorKind::BadText(format!("{a} 规上 firms but only {f} firms")),
                format!("{p}.above_scale_firms"),
            ));
        }
    }
    validate_years(&ind.history, &format!("{p}.history"))
}

pub(crate) fn validate_cluster(c: &Cluster, p: &str) -> Result<()> {
    non_empty(&c.name, &format!("{p}.name"))?;
    cap(
        c.industries.len(),
        limits::INDUSTRIES,
        &format!("{p}.industries"),
    )?;
    for (k, code) in c.industries.iter().enumerate() {
        industry_code(code, || format!("{p}.industries[{k}]"))?;
    }
    cap(
        c.leading_industries.len(),
        limits::INDUSTRIES,
        &format!("{p}.leading_industries"),
    )?;
    for (k, code) in c.leading_industries.iter().enumerate() {
        industry_code(code, || format!("{p}.leading_industries[{k}]"))?;
    }
    if let Some(t) = &c.chain_template {
        text_len(t, &format!("{p}.chain_template"))?;
    }
    if let Some(t) = &c.custom_template {
        let tp = format!("{p}.custom_template");
        non_empty(&t.id, &format!("{tp}.id"))?;
        cap(t.stages.len(), limits::STAGES, &format!("{tp}.stages"))?;
        if t.stages.is_empty() {
            return Err(Error::new(
                ErrorKind::TooFew { min: 1 },
                format!("{tp}.stages"),
            ));
        }
        let mut ids = BTreeSet::new();
        for (k, s) in t.stages.iter().enumerate() {
            let sp = format!("{tp}.stages[{k}]");
            non_empty(&s.id, &format!("{sp}.id"))?;
            if !ids.insert(s.id.as_str()) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("duplicate stage id {}", s.id)),
                    format!("{sp}.id"),
                ));
            }
            opt_num(s.weight, &sp, "weight")?;
            for (q, code) in s.codes.iter().enumerate() {
                industry_code(code, || format!("{sp}.codes[{q}]"))?;
            }
        }
    }
    cap(
        c.stage_firms.len(),
        limits::STAGES,
        &format!("{p}.stage_firms"),
    )?;
    for k in c.stage_firms.keys() {
        non_empty(k, &format!("{p}.stage_firms"))?;
    }
    opt_share(c.outside_market_share, p, "outside_market_share")?;
    opt_share(c.local_sourcing_share, p, "local_sourcing_share")?;
    opt_share(c.sme_output_share, p, "sme_output_share")?;
    opt_share(c.featured_investment_share, p, "featured_investment_share")?;
    opt_share(c.digital_adoption_share, p, "digital_adoption_share")?;
    opt_share(c.national_market_share, p, "national_market_share")?;
    opt_share(c.outside_province_share, p, "outside_province_share")?;
    opt_share(c.export_share, p, "export_share")?;
    if let (Some(e), Some(o)) = (c.export_share, c.outside_province_share) {
        if e > o + 1e-9 {
            return Err(Error::new(
                ErrorKind::BadText(format!(
                    "exports ({e}) are part of the sales outside the province ({o}) and cannot exceed them"
                )),
                format!("{p}.export_share"),
            ));
        }
    }
    opt_num(c.employment, p, "employment")?;
    opt_num(c.output, p, "output")?;
    if let Some(i) = &c.innovation {
        opt_num(
            i.rd_expenditure,
            &format!("{p}.innovation"),
            "rd_expenditure",
        )?;
        opt_num(
            i.high_tech_output,
            &format!("{p}.innovation"),
            "high_tech_output",
        )?;
    }
    validate_years(&c.history, &format!("{p}.history"))
}

pub(crate) fn validate_firm(f: &Firm, p: &str) -> Result<()> {
    // Names may repeat (two 袜厂 of the same name in different villages) and may be empty in anonymous surveys.
    if f.name.len() > 1_000 {
        return Err(Error::new(
            ErrorKind::TooLarge { max: 1_000 },
            format!("{p}.name"),
        ));
    }
    if let Some(code) = &f.industry {
        industry_code(code, || format!("{p}.industry"))?;
    }
    opt_num(f.employment, p, "employment")?;
    opt_num(f.revenue, p, "revenue")?;
    opt_share(f.local_sourcing_share, p, "local_sourcing_share")?;
    Ok(())
}

pub(crate) fn validate_environment(e: &Environment) -> Result<()> {
    let p = "environment";
    opt_num(e.wastewater_total, p, "wastewater_total")?;
    opt_num(e.wastewater_cluster, p, "wastewater_cluster")?;
    opt_num(e.cod_total, p, "cod_total")?;
    opt_num(e.cod_cluster, p, "cod_cluster")?;
    opt_share(e.treatment_coverage, p, "treatment_coverage")?;
    opt_num(e.energy_total, p, "energy_total")?;
    opt_num(e.energy_cluster, p, "energy_cluster")?;
    for (part, total, field) in [
        (e.energy_cluster, e.energy_total, "energy_cluster"),
        (
            e.wastewater_cluster,
            e.wastewater_total,
            "wastewater_cluster",
        ),
        (e.cod_cluster, e.cod_total, "cod_cluster"),
    ] {
        if let (Some(a), Some(t)) = (part, total) {
            if a > t * (1.0 + 1e-9) {
                return Err(Error::new(
                    ErrorKind::BadText(format!("cluster figure {a} exceeds the town total {t}")),
                    format!("{p}.{field}"),
                ));
            }
        }
    }
    Ok(())
}

pub(crate) fn validate_judgments(j: &Judgments) -> Result<()> {
    let p = "judgments";
    for (f, v) in [
        ("trust", j.trust),
        ("market_institutions", j.market_institutions),
        ("government_service", j.government_service),
        ("infrastructure", j.infrastructure),
    ] {
        if let Some(v) = v {
            in_range(v, 1.0, 5.0, || format!("{p}.{f}"))?;
        }
    }
    if let Some(g) = &j.gem {
        for (f, v) in [
            ("resources", g.resources),
            ("facilities", g.facilities),
            ("suppliers", g.suppliers),
            ("structure", g.structure),
            ("local_market", g.local_market),
            ("external_market", g.external_market),
        ] {
            in_range(v, 1.0, 10.0, || format!("{p}.gem.{f}"))?;
        }
    }
    if let Some(m) = &j.maturity_ahp {
        let n = crate::maturity::DIMENSIONS.len();
        let mp = format!("{p}.maturity_ahp");
        if m.len() != n {
            return Err(Error::new(
                ErrorKind::DimensionMismatch {
                    expected: n,
                    found: m.len(),
                },
                mp,
            ));
        }
        for (i, row) in m.iter().enumerate() {
            if row.len() != n {
                return Err(Error::new(
                    ErrorKind::DimensionMismatch {
                        expected: n,
                        found: row.len(),
                    },
                    format!("{mp}[{i}]"),
                ));
            }
            for (k, v) in row.iter().enumerate() {
                crate::error::positive(*v, || format!("{mp}[{i}][{k}]"))?;
            }
        }
        // Reciprocity and the diagonal are checked here too, so a bad matrix is refused at load time with its
        // cell rather than failing later inside the analysis. Tolerance 1e-6 relative: users type 0.333333.
        for i in 0..n {
            for k in 0..n {
                let a = m.get(i).and_then(|r| r.get(k)).copied().unwrap_or(1.0);
                let b = m.get(k).and_then(|r| r.get(i)).copied().unwrap_or(1.0);
                if i == k && (a - 1.0).abs() > 1e-9 {
                    return Err(Error::new(
                        ErrorKind::DiagonalNotOne,
                        format!("{mp}[{i}][{k}]"),
                    ));
                }
                if (a * b - 1.0).abs() > 1e-3 {
                    return Err(Error::new(
                        ErrorKind::NotReciprocal,
                        format!("{mp}[{k}][{i}]"),
                    ));
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn validate_region(r: &Region) -> Result<()> {
    text_len(&r.name, "region.name")?;
    cap(r.towns.len(), limits::REGION_TOWNS, "region.towns")?;
    let mut names = BTreeSet::new();
    for (i, t) in r.towns.iter().enumerate() {
        let p = format!("region.towns[{i}]");
        non_empty(&t.name, &format!("{p}.name"))?;
        if !names.insert(t.name.as_str()) {
            return Err(Error::new(
                ErrorKind::BadText(format!("duplicate town name {}", t.name)),
                format!("{p}.name"),
            ));
        }
        code_map(&t.employment, &format!("{p}.employment"))?;
        total_at_least_sum(
            t.total_employment,
            &t.employment,
            &format!("{p}.total_employment"),
        )?;
    }
    Ok(())
}

pub(crate) fn validate_io(t: &IoTable) -> Result<()> {
    let p = "io_table";
    let n = t.sectors.len();
    cap(n, limits::IO_SECTORS, &format!("{p}.sectors"))?;
    if n == 0 {
        return Err(Error::new(
            ErrorKind::TooFew { min: 1 },
            format!("{p}.sectors"),
        ));
    }
    for (i, s) in t.sectors.iter().enumerate() {
        non_empty(&s.name, &format!("{p}.sectors[{i}].name"))?;
        for (k, code) in s.industries.iter().enumerate() {
            industry_code(code, || format!("{p}.sectors[{i}].industries[{k}]"))?;
        }
    }
    let len = |found: usize, path: String| {
        if found == n {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::DimensionMismatch { expected: n, found },
                path,
            ))
        }
    };
    len(t.z.len(), format!("{p}.z"))?;
    for (i, row) in t.z.iter().enumerate() {
        len(row.len(), format!("{p}.z[{i}]"))?;
        for (k, v) in row.iter().enumerate() {
            non_negative(*v, || format!("{p}.z[{i}][{k}]"))?;
        }
    }
    len(t.x.len(), format!("{p}.x"))?;
    for (i, v) in t.x.iter().enumerate() {
        crate::error::positive(*v, || format!("{p}.x[{i}]"))?;
    }
    for (f, v) in [
        ("employment", &t.employment),
        ("value_added", &t.value_added),
        ("labour_income", &t.labour_income),
        ("household_consumption", &t.household_consumption),
    ] {
        if let Some(v) = v {
            len(v.len(), format!("{p}.{f}"))?;
            for (i, x) in v.iter().enumerate() {
                non_negative(*x, || format!("{p}.{f}[{i}]"))?;
            }
        }
    }
    Ok(())
}

pub(crate) fn validate_parameters(pm: &Parameters) -> Result<()> {
    let p = "parameters";
    if let Some(k) = &pm.keynes {
        for (f, v) in [("c", k.c), ("t", k.t), ("m", k.m)] {
            in_range(v, 0.0, 1.0, || format!("{p}.keynes.{f}"))?;
        }
    }
    if let Some(d) = pm.flq_delta {
        if !d.is_finite() {
            return Err(Error::new(ErrorKind::NotFinite, format!("{p}.flq_delta")));
        }
        if !(0.0..1.0).contains(&d) {
            return Err(Error::new(
                ErrorKind::OutOfRangeHalfOpen { min: 0.0, max: 1.0 },
                format!("{p}.flq_delta"),
            ));
        }
    }
    opt_num(pm.small_industry_employment, p, "small_industry_employment")?;
    opt_share(pm.leading_output_share, p, "leading_output_share")?;
    opt_num(pm.leading_revenue, p, "leading_revenue")?;
    opt_num(pm.above_scale_revenue, p, "above_scale_revenue")?;
    if let Some(w) = &pm.maturity_weights {
        let wp = format!("{p}.maturity_weights");
        let mut sum = 0.0;
        for (k, v) in w {
            if !crate::maturity::DIMENSIONS.contains(&k.as_str()) {
                return Err(Error::new(
                    ErrorKind::UnknownName {
                        name: k.clone(),
                        expected: crate::maturity::DIMENSIONS
                            .iter()
                            .map(|s| s.to_string())
                            .collect(),
                    },
                    format!("{wp}.{k}"),
                ));
            }
            sum += non_negative(*v, || format!("{wp}.{k}"))?;
        }
        if sum <= 0.0 || !sum.is_finite() {
            return Err(Error::new(ErrorKind::ZeroTotal, wp));
        }
    }
    Ok(())
}

pub(crate) fn validate_scenario(s: &Scenario, p: &str) -> Result<()> {
    non_empty(&s.name, &format!("{p}.name"))?;
    cap(s.changes.len(), limits::CHANGES, &format!("{p}.changes"))?;
    for (i, c) in s.changes.iter().enumerate() {
        let cp = format!("{p}.changes[{i}]");
        match c {
            Change::AddFirm { firm } => validate_firm(firm, &format!("{cp}.firm"))?,
            Change::RemoveFirm { name } => non_empty(name, &format!("{cp}.name"))?,
            Change::AddJobs {
                industry,
                jobs,
                output,
            }
            | Change::RemoveJobs {
                industry,
                jobs,
                output,
            } => {
                industry_code(industry, || format!("{cp}.industry"))?;
                non_negative(*jobs, || format!("{cp}.jobs"))?;
                opt_num(*output, &cp, "output")?;
            }
        }
    }
    Ok(())
}
