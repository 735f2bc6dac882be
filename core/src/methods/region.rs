//! Region mode: the towns of a county side by side — per industry EG γ (when firms are given) and the locational
//! Gini, and the town × industry LQ matrix with each town measured against the county total (METHODS.md §2).
//!
//! Built to be fast on a whole county: firms are grouped by industry in one pass, never scanned once per industry,
//! their towns and industries interned (integers; each distinct name looked up once); 100 towns × 97 industries ×
//! 1 000 000 firms is benchmarked.

use crate::error::{non_negative, Error, ErrorKind, Result};
use crate::methods::ellison_glaeser::{
    eg_stats, AreaShares, EgStats, EgUndefined, FirmMoments, NameSeed, Names,
};
use crate::methods::location_quotient::Values;
use crate::methods::locational_gini::gini_of_quotients;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Limits that keep hostile input from taking unbounded time or memory.
pub const MAX_TOWNS: usize = 10_000;
pub const MAX_INDUSTRIES: usize = 1_000;
pub const MAX_CELLS: usize = 1_000_000;
pub const MAX_FIRMS: usize = 5_000_000;

/// One firm: its town, industry and employment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionFirm {
    pub town: String,
    pub industry: String,
    pub employment: f64,
}

/// Input of the `region` method: town id → industry id → employment, and optionally the firms.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegionInput {
    pub towns: BTreeMap<String, Values>,
    #[serde(default)]
    pub firms: Vec<RegionFirm>,
}

/// Input of the `region` method as the JSON API reads it: the same JSON as [`RegionInput`], each firm's town and
/// industry interned as it is read.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RegionIndexedInput {
    pub towns: BTreeMap<String, Values>,
    #[serde(default)]
    pub firms: IndexedRegionFirms,
}

/// Firms with interned names: firm k is in town `towns[town[k]]`, industry `industries[industry[k]]`, with
/// `employment[k]`.
#[derive(Debug, Clone, Default)]
pub struct IndexedRegionFirms {
    pub towns: Names,
    pub industries: Names,
    pub town: Vec<u32>,
    pub industry: Vec<u32>,
    pub employment: Vec<f64>,
}

impl IndexedRegionFirms {
    /// Interns the towns and industries of `firms`.
    pub fn from_firms(firms: &[RegionFirm]) -> IndexedRegionFirms {
        let mut out = IndexedRegionFirms::default();
        for f in firms {
            if let (Some(t), Some(i)) = (
                out.towns.intern(&f.town),
                out.industries.intern(&f.industry),
            ) {
                out.push(t, i, f.employment);
            }
        }
        out
    }

    fn push(&mut self, town: u32, industry: u32, employment: f64) {
        self.town.push(town);
        self.industry.push(industry);
        self.employment.push(employment);
    }

    pub fn len(&self) -> usize {
        self.town.len()
    }

    pub fn is_empty(&self) -> bool {
        self.town.is_empty()
    }
}

impl<'de> Deserialize<'de> for IndexedRegionFirms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = IndexedRegionFirms;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<IndexedRegionFirms, A::Error> {
                let mut out = IndexedRegionFirms::default();
                while let Some((t, i, e)) = seq.next_element_seed(FirmSeed {
                    towns: &mut out.towns,
                    industries: &mut out.industries,
                })? {
                    out.push(t, i, e);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(List)
    }
}

/// One `RegionFirm` read as (town, industry, employment) with interned names, with the errors serde's derive gives.
struct FirmSeed<'a> {
    towns: &'a mut Names,
    industries: &'a mut Names,
}

enum FirmField {
    Town,
    Industry,
    Employment,
    Other,
}

impl<'de> Deserialize<'de> for FirmField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Field;
        impl Visitor<'_> for Field {
            type Value = FirmField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("field identifier")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<FirmField, E> {
                Ok(match v {
                    0 => FirmField::Town,
                    1 => FirmField::Industry,
                    2 => FirmField::Employment,
                    _ => FirmField::Other,
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<FirmField, E> {
                self.visit_bytes(v.as_bytes())
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> std::result::Result<FirmField, E> {
                Ok(match v {
                    b"town" => FirmField::Town,
                    b"industry" => FirmField::Industry,
                    b"employment" => FirmField::Employment,
                    _ => FirmField::Other,
                })
            }
        }
        d.deserialize_identifier(Field)
    }
}

const FIRM_FIELDS: &[&str] = &["town", "industry", "employment"];

impl<'de> DeserializeSeed<'de> for FirmSeed<'_> {
    type Value = (u32, u32, f64);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_struct("RegionFirm", FIRM_FIELDS, self)
    }
}

impl<'de> Visitor<'de> for FirmSeed<'_> {
    type Value = (u32, u32, f64);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct RegionFirm")
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let expected = &"struct RegionFirm with 3 elements";
        let t = seq
            .next_element_seed(NameSeed(self.towns))?
            .ok_or_else(|| de::Error::invalid_length(0, expected))?;
        let i = seq
            .next_element_seed(NameSeed(self.industries))?
            .ok_or_else(|| de::Error::invalid_length(1, expected))?;
        let e = seq
            .next_element::<f64>()?
            .ok_or_else(|| de::Error::invalid_length(2, expected))?;
        Ok((t, i, e))
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let (mut t, mut i, mut e) = (None, None, None);
        while let Some(field) = map.next_key::<FirmField>()? {
            match field {
                FirmField::Town if t.is_some() => return Err(de::Error::duplicate_field("town")),
                FirmField::Town => t = Some(map.next_value_seed(NameSeed(&mut *self.towns))?),
                FirmField::Industry if i.is_some() => {
                    return Err(de::Error::duplicate_field("industry"))
                }
                FirmField::Industry => {
                    i = Some(map.next_value_seed(NameSeed(&mut *self.industries))?)
                }
                FirmField::Employment if e.is_some() => {
                    return Err(de::Error::duplicate_field("employment"))
                }
                FirmField::Employment => e = Some(map.next_value::<f64>()?),
                FirmField::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let t = t.ok_or_else(|| de::Error::missing_field("town"))?;
        let i = i.ok_or_else(|| de::Error::missing_field("industry"))?;
        let e = e.ok_or_else(|| de::Error::missing_field("employment"))?;
        Ok((t, i, e))
    }
}

/// Results for one industry across the towns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndustryResult {
    /// County employment of the industry (from the towns' data).
    pub total: f64,
    /// Locational Gini over the towns (REAT `gini.conc`); `None` when the industry employs nobody.
    pub gini: Option<f64>,
    /// Number of firms of the industry given.
    pub firms: usize,
    /// EG statistics when firms were given and γ is defined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eg: Option<EgStats>,
    /// Why γ is undefined, when firms were given but γ could not be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eg_undefined: Option<EgUndefined>,
}

/// Output of the `region` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionOutput {
    pub method: String,
    /// Town ids, in the order of the LQ matrix rows.
    pub towns: Vec<String>,
    /// Industry ids, in the order of the LQ matrix columns.
    pub industries: Vec<String>,
    /// `lq[town][industry]` = (e_ti/e_t)/(E_i/E) against the county (sum of the towns); 0 where E_i = 0.
    pub lq: Vec<Vec<f64>>,
    pub town_totals: Vec<f64>,
    pub by_industry: BTreeMap<String, IndustryResult>,
}

/// Validates and computes region mode.
pub fn region(input: &RegionInput) -> Result<RegionOutput> {
    region_indexed(&input.towns, &IndexedRegionFirms::from_firms(&input.firms))
}

/// [`region`] on firms whose towns and industries are interned.
pub fn region_indexed(
    town_data: &BTreeMap<String, Values>,
    firms: &IndexedRegionFirms,
) -> Result<RegionOutput> {
    let towns: Vec<&String> = town_data.keys().collect();
    if towns.len() < 2 {
        return Err(Error::new(ErrorKind::TooFew { min: 2 }, "towns"));
    }
    if towns.len() > MAX_TOWNS {
        return Err(Error::new(ErrorKind::TooLarge { max: MAX_TOWNS }, "towns"));
    }
    if firms.len() > MAX_FIRMS {
        return Err(Error::new(ErrorKind::TooLarge { max: MAX_FIRMS }, "firms"));
    }
    // The union of industries, ordered; validation of every cell on the way.
    let mut industry_index: BTreeMap<&str, usize> = BTreeMap::new();
    for (t, values) in town_data {
        for (i, v) in values {
            non_negative(*v, || format!("towns.{t}.{i}"))?;
            industry_index.insert(i.as_str(), 0);
        }
    }
    if industry_index.len() > MAX_INDUSTRIES {
        return Err(Error::new(
            ErrorKind::TooLarge {
                max: MAX_INDUSTRIES,
            },
            "towns",
        ));
    }
    let n_ind = industry_index.len();
    let n_town = towns.len();
    if n_ind.saturating_mul(n_town) > MAX_CELLS {
        return Err(Error::new(ErrorKind::TooLarge { max: MAX_CELLS }, "towns"));
    }
    for (k, slot) in industry_index.values_mut().enumerate() {
        *slot = k;
    }
    let industries: Vec<String> = industry_index.keys().map(|s| s.to_string()).collect();

    // Employment matrix town × industry and the totals.
    let mut emp = vec![0.0; n_town * n_ind];
    let mut town_totals = vec![0.0; n_town];
    for (ti, values) in town_data.values().enumerate() {
        for (i, v) in values {
            if let Some(&ii) = industry_index.get(i.as_str()) {
                if let Some(c) = emp.get_mut(ti * n_ind + ii) {
                    *c = *v;
                }
            }
        }
        let total: f64 = values.values().sum();
        if !(total > 0.0 && total.is_finite()) {
            return Err(Error::new(
                ErrorKind::ZeroTotal,
                format!("towns.{}", towns.get(ti).map_or("", |s| s.as_str())),
            ));
        }
        if let Some(t) = town_totals.get_mut(ti) {
            *t = total;
        }
    }
    let county: f64 = town_totals.iter().sum();
    if !county.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "towns"));
    }
    let mut industry_totals = vec![0.0; n_ind];
    for row in emp.chunks_exact(n_ind.max(1)) {
        for (s, v) in industry_totals.iter_mut().zip(row) {
            *s += v;
        }
    }

    // LQ matrix.
    let mut lq = Vec::with_capacity(n_town);
    for (row, e_t) in emp.chunks_exact(n_ind.max(1)).zip(&town_totals) {
        lq.push(
            row.iter()
                .zip(&industry_totals)
                .map(|(e, big_e)| {
                    if *big_e > 0.0 {
                        (e / e_t) / (big_e / county)
                    } else {
                        0.0
                    }
                })
                .collect::<Vec<f64>>(),
        );
    }

    // Firms grouped by industry in one pass; each distinct town and industry name is looked up once.
    let town_slot = firms.towns.positions_in(&towns);
    let industry_slot: Vec<Option<usize>> = firms
        .industries
        .iter()
        .map(|name| industry_index.get(name).copied())
        .collect();
    let mut moments = vec![FirmMoments::default(); n_ind];
    let mut firm_emp = vec![0.0; n_ind * n_town];
    let rows = firms
        .town
        .iter()
        .zip(&firms.industry)
        .zip(&firms.employment);
    for (k, ((&t, &i), &e)) in rows.enumerate() {
        let z = non_negative(e, || format!("firms[{k}].employment"))?;
        let Some(ti) = town_slot.get(t as usize).copied().flatten() else {
            let name = firms.towns.get(t).unwrap_or_default().to_string();
            return Err(Error::new(
                ErrorKind::UnknownId(name),
                format!("firms[{k}].town"),
            ));
        };
        let Some(ii) = industry_slot.get(i as usize).copied().flatten() else {
            let name = firms.industries.get(i).unwrap_or_default().to_string();
            return Err(Error::new(
                ErrorKind::UnknownId(name),
                format!("firms[{k}].industry"),
            ));
        };
        if let Some(m) = moments.get_mut(ii) {
            m.add(z);
        }
        if let Some(c) = firm_emp.get_mut(ii * n_town + ti) {
            *c += z;
        }
    }
    let areas = AreaShares::new(&town_totals);
    let have_firms = !firms.is_empty();

    let mut by_industry = BTreeMap::new();
    for (ii, id) in industries.iter().enumerate() {
        let column: Vec<f64> = lq
            .iter()
            .map(|r| r.get(ii).copied().unwrap_or(0.0))
            .collect();
        let total = industry_totals.get(ii).copied().unwrap_or(0.0);
        let gini = if total > 0.0 {
            gini_of_quotients(&column)
        } else {
            None
        };
        let m = moments.get(ii).copied().unwrap_or_default();
        let (eg, eg_undefined) = if have_firms {
            let by_area = firm_emp.get(ii * n_town..(ii + 1) * n_town).unwrap_or(&[]);
            match eg_stats(by_area, &areas, &m) {
                Ok(s) if s.gamma.is_finite() => (Some(s), None),
                Ok(_) => (None, Some(EgUndefined::NoEmployment)),
                Err(why) => (None, Some(why)),
            }
        } else {
            (None, None)
        };
        by_industry.insert(
            id.clone(),
            IndustryResult {
                total,
                gini,
                firms: m.count,
                eg,
                eg_undefined,
            },
        );
    }
    Ok(RegionOutput {
        method: "region".into(),
        towns: towns.into_iter().cloned().collect(),
        industries,
        lq,
        town_totals,
        by_industry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(pairs: &[(&str, f64)]) -> Values {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    /// The REAT Wien/Linz/Graz example recast as three towns: area totals 500 000 / 400 000 / 100 000, the
    /// industry's firms as in the `ellison.a` manual.
    fn reat_region() -> RegionInput {
        let mut towns = BTreeMap::new();
        towns.insert("Wien".into(), town(&[("i", 13000.0), ("rest", 487000.0)]));
        towns.insert("Linz".into(), town(&[("i", 32000.0), ("rest", 368000.0)]));
        towns.insert("Graz".into(), town(&[("i", 25000.0), ("rest", 75000.0)]));
        let firms = [
            ("Wien", 200.0),
            ("Wien", 650.0),
            ("Wien", 12000.0),
            ("Wien", 100.0),
            ("Wien", 50.0),
            ("Linz", 16000.0),
            ("Linz", 13000.0),
            ("Linz", 1500.0),
            ("Linz", 1500.0),
            ("Graz", 25000.0),
        ]
        .iter()
        .map(|(t, e)| RegionFirm {
            town: t.to_string(),
            industry: "i".into(),
            employment: *e,
        })
        .collect();
        RegionInput { towns, firms }
    }

    #[test]
    fn region_mode_reproduces_reat_gamma() {
        let out = region(&reat_region()).unwrap();
        let i = &out.by_industry["i"];
        let eg = i.eg.unwrap();
        assert!((eg.gamma - 0.05990628).abs() < 1e-8, "{}", eg.gamma);
        assert_eq!(i.firms, 10);
        // "rest" has no firms: γ undefined, said so.
        assert_eq!(
            out.by_industry["rest"].eg_undefined,
            Some(EgUndefined::NoEmployment)
        );
        // LQ of i in Graz: (25 000/100 000)/(70 000/1 000 000) = 3.5714…
        let graz = out.towns.iter().position(|t| t == "Graz").unwrap();
        let col = out.industries.iter().position(|t| t == "i").unwrap();
        assert!((out.lq[graz][col] - 0.25 / 0.07).abs() < 1e-12);
        assert!(i.gini.is_some_and(|g| g > 0.0));
    }

    #[test]
    fn interned_firms_give_the_same_result() {
        let input = reat_region();
        let json = serde_json::to_value(&input).unwrap();
        let read: RegionIndexedInput = serde_json::from_value(json).unwrap();
        assert_eq!(read.firms.len(), 10);
        assert_eq!(read.firms.industries.iter().collect::<Vec<_>>(), ["i"]);
        assert_eq!(
            region_indexed(&read.towns, &read.firms).unwrap(),
            region(&input).unwrap()
        );
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let mut unknown_town = reat_region();
        unknown_town.firms[2].town = "Salzburg".into();
        let mut unknown_industry = reat_region();
        unknown_industry.firms[4].industry = "x".into();
        let mut empty_town = reat_region();
        empty_town
            .towns
            .insert("Linz".into(), town(&[("i", 0.0), ("rest", 0.0)]));
        let mut one_town = reat_region();
        one_town.towns.retain(|k, _| k == "Wien");
        let cases = [
            (unknown_town, "firms[2].town"),
            (unknown_industry, "firms[4].industry"),
            (empty_town, "towns.Linz"),
            (one_town, "towns"),
        ];
        for (input, path) in cases {
            assert_eq!(region(&input).unwrap_err().path, path);
        }
    }
}
