//! No dead rule, no dead measure (issues 13 and 14).
//!
//! The catalogues in `core/data/` read metrics by name. A rule whose metric no analysis ever emits can never
//! fire, and nothing else would notice. These tests analyse the bundled examples and a few test towns built
//! from them, and check that every metric a measure rule, a rule condition or a maturity indicator reads is
//! emitted by at least one of them, and that every measure of the catalogue fires for at least one.
//!
//! The test towns are the seed's Hunan "扎堆" town with answers changed, each change a real gap the seed
//! names (no cluster plan, no quality testing, a second, unspecialised cluster with no suppliers, …), so a
//! measure fires because the data shows the gap it addresses — never on a blank.

#![allow(clippy::unwrap_used)]

use clustercalc_core::analyze::{analyze, Report};
use clustercalc_core::dataset::{ClusterType, Dataset};
use clustercalc_core::examples;
use clustercalc_core::maturity;
use clustercalc_core::measures::{self, Metric, SuggestedMeasure};
use clustercalc_core::typology::TypeBasis;
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn example(name: &str) -> Value {
    serde_json::from_str(examples::get(name).unwrap()).unwrap()
}

fn report(v: &Value) -> Report {
    let d = Dataset::from_json(&v.to_string()).unwrap();
    analyze(&d)
}

/// Sets `value` at a `/`-separated JSON pointer, creating objects on the way.
fn set(v: &mut Value, pointer: &str, value: Value) {
    let mut at = v;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, p) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        at = match at {
            Value::Array(a) => &mut a[p.parse::<usize>().unwrap()],
            Value::Object(o) => {
                if last {
                    o.insert((*p).to_string(), value);
                    return;
                }
                o.entry((*p).to_string()).or_insert_with(|| json!({}))
            }
            _ => panic!("{pointer}: not a container at {p}"),
        };
        if last {
            *at = value;
            return;
        }
    }
}

fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    if let Some(Value::Object(o)) = v.pointer_mut(parent) {
        o.remove(key);
    }
}

/// The Hunan town whose answers show every gap of the seed's ch.5 and ch.6: no plan, weak institutions and
/// infrastructure, no support services, falling firm numbers and output, a polluting and energy-hungry
/// cluster selling mostly within the province, few digital firms, and a second, unspecialised cluster of
/// final producers without suppliers.
fn weak_town() -> Value {
    let mut v = example("hunan-textile-town");
    let c = "/clusters/0";
    set(&mut v, &format!("{c}/development_plan"), json!(false));
    set(&mut v, &format!("{c}/digital_adoption_share"), json!(0.1));
    set(&mut v, &format!("{c}/outside_province_share"), json!(0.2));
    set(&mut v, &format!("{c}/export_share"), json!(0.05));
    set(
        &mut v,
        &format!("{c}/innovation/high_tech_output"),
        json!(2000),
    );
    set(
        &mut v,
        &format!("{c}/innovation/specialised_smes"),
        json!(1),
    );
    set(
        &mut v,
        "/support",
        json!({
            "associations": 0, "rd_centres": 0, "financing_institutions": 0, "guarantee_fund": false,
            "intermediaries": 0, "logistics": 0, "specialised_markets": 0, "training": 0,
            "public_service_platform": false, "design_service": false, "industrial_park": false,
            "quality_testing": false
        }),
    );
    set(&mut v, "/judgments/market_institutions", json!(2));
    set(&mut v, "/judgments/government_service", json!(2));
    set(&mut v, "/judgments/infrastructure", json!(2));
    set(&mut v, "/environment/cod_cluster", json!(250));
    set(&mut v, "/environment/energy_total", json!(10000));
    set(&mut v, "/environment/energy_cluster", json!(8000));
    set(&mut v, "/town/construction_land_mu", json!(3000));
    set(&mut v, "/town/tax_revenue", json!(9000));
    // Firms and output falling since 2019, and the LQ with them.
    set(
        &mut v,
        "/industries/0/history",
        json!([{ "year": 2019, "firms": 90, "employment": 6000, "output": 200000 },
               { "year": 2022, "firms": 80, "employment": 5000, "output": 180000 }]),
    );
    // A second cluster: an unspecialised trade of final producers with almost no suppliers.
    let industries = v
        .pointer_mut("/industries")
        .unwrap()
        .as_array_mut()
        .unwrap();
    industries.push(json!({ "code": "19", "name": "皮革制品业（示意）", "firms": 22, "employment": 100, "output": 1500 }));
    set(&mut v, "/reference/employment/19", json!(1000000));
    let clusters = v.pointer_mut("/clusters").unwrap().as_array_mut().unwrap();
    clusters.push(json!({ "name": "皮革小作坊（示意）", "industries": ["19"], "final_firms": 20, "intermediate_firms": 2 }));
    v
}

/// A town that has given its industries and employment but nothing that measures its cluster yet.
fn unsurveyed_town() -> Value {
    let mut v = example("hunan-textile-town");
    remove(&mut v, "/reference");
    remove(&mut v, "/clusters/0/stage_firms");
    remove(&mut v, "/clusters/0/chain_template");
    for i in 0..6 {
        remove(&mut v, &format!("/industries/{i}/output"));
    }
    v
}

/// A town that answered nothing about support, innovation, brands, environment or judgments.
fn silent_town() -> Value {
    let mut v = example("hunan-textile-town");
    for p in [
        "/support",
        "/environment",
        "/judgments",
        "/clusters/0/innovation",
        "/clusters/0/brands",
    ] {
        remove(&mut v, p);
    }
    v
}

fn datasets() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = examples::names()
        .iter()
        .map(|n| (n.to_string(), example(n)))
        .collect();
    out.push(("weak-town".into(), weak_town()));
    out.push(("unsurveyed-town".into(), unsurveyed_town()));
    out.push(("silent-town".into(), silent_town()));
    out
}

fn fired(r: &Report) -> Vec<&SuggestedMeasure> {
    r.measures
        .computed()
        .map(|m| m.clusters.iter().flat_map(|c| c.measures.iter()).collect())
        .unwrap_or_default()
}

#[test]
fn every_metric_a_catalogue_reads_is_emitted_by_some_dataset() {
    let mut emitted: BTreeSet<Metric> = BTreeSet::new();
    for (_, v) in datasets() {
        for c in &report(&v).clusters {
            emitted.extend(c.metrics.0.keys().copied());
        }
    }
    let mut read: BTreeSet<(Metric, String)> = BTreeSet::new();
    for m in measures::catalogue().unwrap() {
        for r in &m.rules {
            read.insert((r.metric, format!("measure {}", m.id)));
            for c in &r.when {
                read.insert((c.metric, format!("condition of measure {}", m.id)));
            }
        }
    }
    for i in &maturity::scoring().unwrap().indicators {
        read.insert((i.metric, format!("maturity indicator {}", i.id)));
    }
    let dead: Vec<String> = read
        .iter()
        .filter(|(m, _)| !emitted.contains(m))
        .map(|(m, by)| format!("{m} (read by {by})"))
        .collect();
    assert!(
        dead.is_empty(),
        "metrics no analysis emits:\n{}",
        dead.join("\n")
    );
}

#[test]
fn every_measure_of_the_catalogue_fires_for_some_dataset() {
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (_, v) in datasets() {
        for s in fired(&report(&v)) {
            seen.insert(s.id.clone());
        }
    }
    let never: Vec<&str> = measures::catalogue()
        .unwrap()
        .iter()
        .map(|m| m.id.as_str())
        .filter(|id| !seen.contains(*id))
        .collect();
    assert!(never.is_empty(), "measures that never fire: {never:?}");
}

#[test]
fn a_town_that_answered_nothing_gets_no_measure_from_those_fields_and_a_list_to_collect() {
    let r = report(&silent_town());
    let families = [
        "support.",
        "innovation.",
        "brand.",
        "green.",
        "judgment.",
        "formation.support",
    ];
    let from_blank = |m: Metric| families.iter().any(|f| m.name().starts_with(f));
    for s in fired(&r) {
        for e in &s.evidence {
            assert!(
                !from_blank(e.metric),
                "{} fired on {} = {:?}",
                s.id,
                e.metric,
                e.value
            );
        }
    }
    let need: Vec<Metric> = r.measures.computed().unwrap().clusters[0]
        .data_needed
        .iter()
        .map(|n| n.metric)
        .collect();
    for m in [
        Metric::SupportAssociation,
        Metric::SupportFinance,
        Metric::InnovationZjtxCount,
        Metric::BrandRegionalBrand,
        Metric::GreenTreatmentCoverage,
        Metric::JudgmentTrust,
    ] {
        assert!(
            need.contains(&m),
            "{m} not listed as data to collect: {need:?}"
        );
    }
}

#[test]
fn xiqiao_is_not_called_a_crowd_but_the_hunan_crowd_town_is() {
    let ids = |name: &str| -> Vec<String> {
        fired(&report(&example(name)))
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    // Xiqiao's firm list names 5 of the template's 11 stages: no verdict on a chain two thirds unsurveyed.
    assert!(!ids("xiqiao").contains(&"found.link_colocated_firms".to_string()));
    assert!(ids("hunan-textile-town").contains(&"found.link_colocated_firms".to_string()));
    let x = report(&example("xiqiao"));
    let chain = x.clusters[0].chain.computed().unwrap();
    assert_eq!(chain.colocation.flagged, None);
    assert!((chain.coverage.value.unwrap() - 5.0 / 11.0).abs() < 1e-12);
}

#[test]
fn a_town_without_a_declared_featured_town_is_not_failed_on_its_criteria() {
    let r = report(&example("datang"));
    let lists = &r.clusters[0].checklists.computed().unwrap().lists;
    let ft = lists.iter().find(|l| l.id == "featured_town_2021").unwrap();
    assert!(!ft.applicable);
    assert_eq!(ft.qualifies, None);
    assert_eq!(ft.summary.not_met, 0);
    // Declared, with its own planned area: the criteria apply to the 特色小镇, not to the 建制镇.
    let mut v = example("datang");
    set(
        &mut v,
        "/town/featured_town",
        json!({ "name": "袜艺小镇", "planned_area_km2": 3.2, "jobs": 12000, "investment_share": 0.7 }),
    );
    let r = report(&v);
    let lists = &r.clusters[0].checklists.computed().unwrap().lists;
    let ft = lists.iter().find(|l| l.id == "featured_town_2021").unwrap();
    assert!(ft.applicable);
    let area = ft.criteria.iter().find(|c| c.id == "town.area").unwrap();
    assert_eq!(area.value, Some(3.2));
}

/// The MIIT firm-count criterion is unknown, not failed, for a firm list that marks no firm as 专精特新,
/// little giant, single champion or high-tech (the columns are often simply not in the survey).
#[test]
fn an_unmarked_firm_list_leaves_the_firm_counts_of_the_checklists_unknown() {
    let mut v = silent_town();
    let n = v["firms"].as_array().map_or(0, Vec::len);
    assert!(n > 0, "the example lists firms");
    for i in 0..n {
        for k in [
            "specialised_sme",
            "little_giant",
            "single_champion",
            "high_tech",
        ] {
            remove(&mut v, &format!("/firms/{i}/{k}"));
        }
    }
    let r = report(&v);
    let c = r.clusters[0].checklists.computed().unwrap();
    assert_eq!(c.input.zjtx_smes, None);
    assert_eq!(c.input.hightech_firms, None);
    let miit = c
        .lists
        .iter()
        .find(|l| l.id.contains("miit"))
        .expect("MIIT list");
    let quality = miit
        .criteria
        .iter()
        .find(|c| c.id == "miit.quality_firms")
        .unwrap();
    assert_eq!(
        quality.status,
        clustercalc_core::checklists::Status::Unknown
    );
    // One marked firm makes the list an answer: its counts are real, zero included.
    set(&mut v, "/firms/0/high_tech", Value::Bool(true));
    let c = report(&v).clusters[0]
        .checklists
        .computed()
        .unwrap()
        .input
        .clone();
    assert_eq!(c.hightech_firms, Some(1));
    assert_eq!(c.zjtx_smes, None);
}

#[test]
fn the_cluster_type_decides_which_measures_apply() {
    // Seed ch.6 一: 农牧示范型、工业主导型、商业贸易型、旅游生态型. The tourism town has no industrial park and
    // few digital firms; those rules fire, but the park and the MIIT digital measure are for industry-led
    // and agricultural clusters, so a tourism cluster is not told to build them, and the report says why.
    let v = example("tourism-town");
    let r = report(&v);
    let c = &r.clusters[0];
    assert_eq!(c.typology.kind, Some(ClusterType::Tourism));
    assert_eq!(c.typology.basis, Some(TypeBasis::Template));
    let list = &r.measures.computed().unwrap().clusters[0];
    let ids: Vec<&str> = list.measures.iter().map(|m| m.id.as_str()).collect();
    for withheld in ["found.industrial_park", "miit.digital_upgrading"] {
        assert!(!ids.contains(&withheld), "{withheld} in {ids:?}");
        assert!(list.set_aside.iter().any(|s| s == withheld), "{withheld}");
    }
    // Measures for every type still come through (the leading firm, treatment of waste water).
    assert!(ids.contains(&"lead.cultivate_leaders"), "{ids:?}");
    assert!(ids.contains(&"env.treatment_enforcement"), "{ids:?}");
    // Nothing is asked for that would only decide a set-aside measure.
    let catalogue = measures::catalogue().unwrap();
    for need in &list.data_needed {
        for id in &need.measures {
            let m = catalogue.iter().find(|m| &m.id == id).unwrap();
            assert!(m.applies(Some(ClusterType::Tourism)), "{id} asked for");
        }
    }

    // The same town declared industry-led gets both.
    let mut industrial = v.clone();
    set(
        &mut industrial,
        "/clusters/0/cluster_type",
        json!("industrial"),
    );
    let r = report(&industrial);
    assert_eq!(r.clusters[0].typology.basis, Some(TypeBasis::Declared));
    let ids: Vec<String> = fired(&r).iter().map(|m| m.id.clone()).collect();
    assert!(
        ids.contains(&"found.industrial_park".to_string()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"miit.digital_upgrading".to_string()),
        "{ids:?}"
    );

    // A cluster whose type nothing settles gets every measure.
    let mut unknown = v;
    remove(&mut unknown, "/clusters/0/chain_template");
    set(
        &mut unknown,
        "/clusters/0/industries",
        json!(["61", "62", "78", "17"]),
    );
    let r = report(&unknown);
    assert_eq!(r.clusters[0].typology.kind, None);
    let ids: Vec<String> = fired(&r).iter().map(|m| m.id.clone()).collect();
    assert!(
        ids.contains(&"found.industrial_park".to_string()),
        "{ids:?}"
    );
}
