//! The typed metrics of a cluster, read by the maturity scoring and the measure rules.

use super::*;

/// The metrics map of a cluster: the numbers the maturity, formation and measure rules look at. Names follow
/// [`crate::measures::METRICS`] where a metric is listed there; the counts the scoring tables use carry their
/// own names (`support.associations_count`, …). Undefined numbers are left out, so no rule fires on them.
#[allow(clippy::too_many_arguments)]
pub(crate) fn cluster_metrics(
    d: &Dataset,
    c: &Cluster,
    t: &ClusterTotals,
    lq: &Section<ClusterLq>,
    conc: &Section<Concentration>,
    leading: &Section<Leading>,
    chain: &Section<ChainAssessment>,
    firms: &[&Firm],
) -> Metrics {
    let mut m = Metrics::new();
    let mut put = |k: Metric, v: Option<f64>| {
        m.put(k, v);
    };
    let b = |v: Option<bool>| v.map(|x| if x { 1.0 } else { 0.0 });
    let u = |v: Option<u64>| v.map(|x| x as f64);
    let flag = |v: Option<u64>| v.map(|x| if x > 0 { 1.0 } else { 0.0 });
    if let Some(l) = lq.computed() {
        put(Metric::ClusterLq, l.employment.or(l.output));
        put(Metric::LqClusterEmployment, l.employment);
        put(Metric::LqClusterOutput, l.output);
    }
    put(Metric::FirmsCount, t.firms);
    put(Metric::ClusterEmployment, t.employment);
    put(Metric::ClusterOutput, t.output);
    put(Metric::OutputClusterYi, t.output.map(|o| o / 10_000.0));
    put(Metric::ClusterEmploymentShare, t.employment_share);
    put(Metric::ClusterOutputShare, t.output_share);
    put(Metric::OutputSmeShare, c.sme_output_share);
    put(
        Metric::LabourProductivityWan,
        t.output.and_then(|o| ratio(o, t.employment?)),
    );
    put(
        Metric::LandTaxPerMuWan,
        d.town
            .tax_revenue
            .and_then(|x| ratio(x, d.town.construction_land_mu?)),
    );
    if let Some(cn) = conc.computed() {
        put(Metric::ConcentrationHhi, Some(cn.result.hhi));
        put(Metric::ConcentrationCr4, Some(cn.result.cr4));
        put(Metric::ConcentrationCr1, Some(cn.result.cr1));
    }
    if let Some(l) = leading.computed() {
        if !firms.is_empty() {
            put(Metric::FirmsLeadingCount, Some(l.count as f64));
        }
        put(
            Metric::FirmsAboveScaleCount,
            l.above_scale_entered
                .or((!firms.is_empty()).then_some(l.above_scale_listed as f64)),
        );
    }
    if let Some(a) = chain.computed() {
        m.extend(a.metrics());
        let present = a.stages.iter().filter(|s| s.present).count();
        m.set(Metric::ChainStagesPresent, present as f64);
    }
    // Without a chain assessment, the division of labour can still come from the entered group sizes.
    if let (false, Some(f), Some(i)) = (
        m.contains(Metric::ChainIntermediateShare),
        c.final_firms,
        c.intermediate_firms,
    ) {
        let (f, i) = (f as f64, i as f64);
        if let Some(v) = ratio(i, f + i) {
            m.set(Metric::ChainIntermediateShare, v);
        }
        if let Some(v) = ratio(f, i) {
            m.set(Metric::ChainFinalIntermediateRatio, v);
        }
    }
    let mut put = |k: Metric, v: Option<f64>| {
        m.put(k, v);
    };
    put(Metric::EmbedOutsideSalesShare, c.outside_market_share);
    put(Metric::PlanningClusterPlan, b(c.development_plan));
    put(
        Metric::EmbedExternalMarketShare,
        c.outside_province_share.or(c.export_share),
    );
    // Jobs the cluster gives against the town's rural surplus labour (seed ch.3: clusters absorb it).
    put(
        Metric::LabourAbsorptionRatio,
        t.employment
            .and_then(|e| ratio(e, d.town.rural_surplus_labour?)),
    );
    put(Metric::DigitalAdoptionShare, c.digital_adoption_share);
    let sourcing = c.local_sourcing_share.or_else(|| {
        let v: Vec<f64> = firms
            .iter()
            .filter_map(|f| f.local_sourcing_share)
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    });
    put(Metric::EmbedLocalSourcingShare, sourcing);
    if let Some(s) = &d.support {
        put(Metric::SupportAssociationsCount, u(s.associations));
        put(Metric::SupportRdCentresCount, u(s.rd_centres));
        put(Metric::SupportFinancingCount, u(s.financing_institutions));
        put(Metric::SupportGuaranteeFund, b(s.guarantee_fund));
        put(Metric::SupportIntermediariesCount, u(s.intermediaries));
        put(Metric::SupportLogisticsCount, u(s.logistics));
        put(Metric::SupportMarketsCount, u(s.specialised_markets));
        put(Metric::SupportTrainingCount, u(s.training));
        // The measure catalogue reads presence flags.
        put(Metric::SupportAssociation, flag(s.associations));
        put(Metric::SupportRdCentre, flag(s.rd_centres));
        let finance = match (s.financing_institutions, s.guarantee_fund) {
            (None, None) => None,
            (n, g) => Some(if n.unwrap_or(0) > 0 || g == Some(true) {
                1.0
            } else {
                0.0
            }),
        };
        put(Metric::SupportFinance, finance);
        put(Metric::SupportIntermediaries, flag(s.intermediaries));
        put(Metric::SupportLogistics, flag(s.logistics));
        put(Metric::SupportMarket, flag(s.specialised_markets));
        put(Metric::SupportTraining, flag(s.training));
        put(
            Metric::SupportPublicServicePlatform,
            b(s.public_service_platform),
        );
        put(Metric::SupportDesignService, b(s.design_service));
        put(Metric::SupportIndustrialPark, b(s.industrial_park));
        put(Metric::SupportQualityTesting, b(s.quality_testing));
    }
    if let Some(i) = &c.innovation {
        put(
            Metric::InnovationRdIntensity,
            i.rd_expenditure.and_then(|r| ratio(r, t.output?)),
        );
        put(
            Metric::InnovationValidPatentsPer100Firms,
            i.patents.and_then(|p| ratio(p as f64 * 100.0, t.firms?)),
        );
        put(Metric::InnovationHightechCount, u(i.high_tech_firms));
        put(
            Metric::InnovationHightechOutputShare,
            i.high_tech_output.and_then(|h| ratio(h, t.output?)),
        );
    }
    // Unknown is not zero: a firm list whose firms carry no 专精特新, high-tech or brand mark says nothing
    // about them (the columns are often simply not in the survey), so the counts come from the firm list only
    // when it marks at least one firm, and otherwise from the figures the user entered, or stay unknown.
    let flagged = firms
        .iter()
        .filter(|f| f.specialised_sme || f.little_giant || f.single_champion)
        .count() as f64;
    let entered = c.innovation.as_ref().and_then(|i| {
        let parts = [i.specialised_smes, i.little_giants, i.single_champions];
        parts
            .iter()
            .any(Option::is_some)
            .then(|| parts.iter().flatten().sum::<u64>() as f64)
    });
    match entered {
        Some(e) => put(Metric::InnovationZjtxCount, Some(e.max(flagged))),
        None if flagged > 0.0 => put(Metric::InnovationZjtxCount, Some(flagged)),
        None => {}
    }
    let listed = firms.iter().filter(|f| f.high_tech).count() as f64;
    let entered = c
        .innovation
        .as_ref()
        .and_then(|i| i.high_tech_firms)
        .map(|v| v as f64);
    match entered {
        Some(e) => put(Metric::InnovationHightechCount, Some(e.max(listed))),
        None if listed > 0.0 => put(Metric::InnovationHightechCount, Some(listed)),
        None => {}
    }
    if let Some(br) = &c.brands {
        put(Metric::BrandRegionalBrand, b(br.regional_brand));
        let famous = match (br.national, br.provincial) {
            (None, None) => None,
            (n, p) => Some((n.unwrap_or(0) + p.unwrap_or(0)) as f64),
        };
        put(Metric::BrandFamousBrands, famous);
    } else if firms.iter().any(|f| f.brand.is_some()) {
        // Only firms whose brand was asked (a level, `none` included) count as answers.
        use crate::dataset::BrandLevel as L;
        let n = firms
            .iter()
            .filter(|f| {
                f.brand
                    .is_some_and(|b| matches!(b, L::Provincial | L::National | L::International))
            })
            .count() as f64;
        put(Metric::BrandFamousBrands, Some(n));
    }
    if let Some(e) = &d.environment {
        let share = |part: Option<f64>, total: Option<f64>| ratio(part?, total?);
        let emission =
            share(e.cod_cluster, e.cod_total).or(share(e.wastewater_cluster, e.wastewater_total));
        put(
            Metric::GreenEmissionToOutputRatio,
            emission.and_then(|s| ratio(s, t.output_share?)),
        );
        put(Metric::GreenTreatmentCoverage, e.treatment_coverage);
        // Energy share against output share (> 1: the cluster uses more than its share of the town's energy).
        put(
            Metric::GreenEnergyToOutputRatio,
            share(e.energy_cluster, e.energy_total).and_then(|s| ratio(s, t.output_share?)),
        );
    }
    if let Some(j) = &d.judgments {
        put(Metric::JudgmentTrust, j.trust);
        put(Metric::JudgmentMarketInstitutions, j.market_institutions);
        put(Metric::JudgmentGovernmentService, j.government_service);
        put(Metric::JudgmentInfrastructure, j.infrastructure);
    }
    m
}

/// How much data each composite metric of a cluster stands on: a maturity dimension's or formation block's
/// share of indicators with data.
pub(crate) fn composite_confidence(c: &ClusterReport) -> crate::measures::Confidence {
    let mut out = crate::measures::Confidence::new();
    if let Some(m) = c.maturity.computed() {
        for d in &m.dimensions {
            if let (Some(k), true) = (Metric::in_family("maturity", &d.id), d.total > 0) {
                out.insert(k, d.computable as f64 / d.total as f64);
            }
        }
    }
    for b in &c.formation.blocks {
        if let Some(k) = Metric::in_family("formation", &b.id) {
            out.insert(k, b.confidence);
        }
    }
    out
}
