//! Ellison–Glaeser agglomeration index γ of one industry over areas (METHODS.md §2), as REAT's `ellison.a`.
//!
//! x_j = area j's share of all employment, s_j = area j's share of the industry's (firms') employment,
//! G = Σ_j (s_j − x_j)², H = Σ_k (z_k/Σz)², γ = [G − (1 − Σx²)H] / [(1 − Σx²)(1 − H)].
//! The z statistic divides G − E(G) by the standard deviation of G under random location (Ellison & Glaeser
//! 1997), Var G = 2{H²[Σx² − 2Σx³ + (Σx²)²] − Σz⁴[Σx² − 4Σx³ + 3(Σx²)²]} with Σz⁴ = Σ_k (z_k/Σz)⁴, as REAT computes.

use crate::error::{non_negative, Error, ErrorKind, Result};
use crate::methods::location_quotient::Values;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, DefaultHasher};

/// Interpretation bands commonly cited from Ellison & Glaeser (1997).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EgBand {
    /// γ < 0.02: not very localised.
    NotLocalised,
    /// 0.02 ≤ γ ≤ 0.05: moderately localised.
    Moderate,
    /// γ > 0.05: highly localised.
    High,
}

impl EgBand {
    pub fn of(gamma: f64) -> EgBand {
        if gamma > 0.05 {
            EgBand::High
        } else if gamma >= 0.02 {
            EgBand::Moderate
        } else {
            EgBand::NotLocalised
        }
    }
}

/// One firm of the industry: its area and size (employment).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Firm {
    pub area: String,
    pub size: f64,
}

/// Input of the `ellison-glaeser` method.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EgInput {
    pub firms: Vec<Firm>,
    pub area_totals: Values,
}

/// Input of the `ellison-glaeser` method as the JSON API reads it: the same JSON as [`EgInput`], each firm's area
/// interned as it is read (no string per firm).
#[derive(Debug, Clone, Deserialize)]
pub struct EgIndexedInput {
    pub firms: IndexedFirms,
    pub area_totals: Values,
}

/// Distinct names (areas, towns, industries) in the order they first appear, each with its index: a firm's name
/// becomes an integer once, when it is read, and the per-firm work is integer indexing.
#[derive(Debug, Clone, Default)]
pub struct Names {
    names: Vec<String>,
    // SipHash with fixed keys: deterministic on every platform (no randomness in the core), and names crafted to
    // collide cannot be found cheaply as they can for FNV-like hashes.
    index: HashMap<String, u32, BuildHasherDefault<DefaultHasher>>,
    /// A direct-mapped cache in front of `index`, by an FNV-1a hash of the name: a county's few hundred names are
    /// found at a fraction of SipHash's cost. A miss (a new name, or two names on one slot, as crafted names may
    /// be) falls through to `index`, so the cost per name stays bounded.
    cache: Vec<u32>,
}

const CACHE_SLOTS: usize = 1024;
const EMPTY: u32 = u32::MAX;

impl Names {
    /// The index of `name`, added if new; `None` past `u32::MAX - 1` names.
    #[inline]
    pub fn intern(&mut self, name: &str) -> Option<u32> {
        let mut h: u32 = 0x811c_9dc5;
        for b in name.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        let slot = (h ^ (h >> 16)) as usize % CACHE_SLOTS;
        if let Some(&k) = self.cache.get(slot) {
            if k != EMPTY && self.names.get(k as usize).is_some_and(|n| n == name) {
                return Some(k);
            }
        }
        let k = self.intern_slow(name)?;
        if self.cache.is_empty() {
            self.cache = vec![EMPTY; CACHE_SLOTS];
        }
        if let Some(c) = self.cache.get_mut(slot) {
            *c = k;
        }
        Some(k)
    }

    fn intern_slow(&mut self, name: &str) -> Option<u32> {
        if let Some(&k) = self.index.get(name) {
            return Some(k);
        }
        let k = u32::try_from(self.names.len())
            .ok()
            .filter(|k| *k != EMPTY)?;
        self.names.push(name.to_string());
        self.index.insert(name.to_string(), k);
        Some(k)
    }

    /// The name of index `k`.
    pub fn get(&self, k: u32) -> Option<&str> {
        self.names.get(k as usize).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The names in index order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// For each name (in index order), its position among the sorted `ids`, or `None` when absent. Looked up once
    /// per distinct name rather than once per firm.
    pub fn positions_in(&self, ids: &[&String]) -> Vec<Option<usize>> {
        self.names
            .iter()
            .map(|n| ids.binary_search_by(|id| id.as_str().cmp(n)).ok())
            .collect()
    }
}

/// Reads a JSON string into a [`Names`] index.
#[derive(Debug)]
pub struct NameSeed<'a>(pub &'a mut Names);

impl<'de> DeserializeSeed<'de> for NameSeed<'_> {
    type Value = u32;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<u32, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for NameSeed<'_> {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<u32, E> {
        self.0
            .intern(v)
            .ok_or_else(|| E::custom("too many distinct names"))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> std::result::Result<u32, E> {
        match std::str::from_utf8(v) {
            Ok(s) => self.visit_str(s),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(v), &self)),
        }
    }
}

/// The firms of an `ellison-glaeser` input, read from the JSON list of `{"area", "size"}` (or `[area, size]`, as
/// serde reads a struct) with each area interned: firm k is in area `names[area[k]]` with size `size[k]`.
#[derive(Debug, Clone, Default)]
pub struct IndexedFirms {
    pub names: Names,
    pub area: Vec<u32>,
    pub size: Vec<f64>,
}

impl IndexedFirms {
    /// Interns the areas of `firms`.
    pub fn from_firms(firms: &[Firm]) -> IndexedFirms {
        let mut out = IndexedFirms::default();
        for f in firms {
            if let Some(k) = out.names.intern(&f.area) {
                out.area.push(k);
                out.size.push(f.size);
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.area.len()
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }
}

impl<'de> Deserialize<'de> for IndexedFirms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = IndexedFirms;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<IndexedFirms, A::Error> {
                let mut out = IndexedFirms::default();
                let cap = seq.size_hint().unwrap_or(0).min(4096);
                out.area.reserve(cap);
                out.size.reserve(cap);
                while let Some((area, size)) = seq.next_element_seed(FirmSeed(&mut out.names))? {
                    out.area.push(area);
                    out.size.push(size);
                }
                Ok(out)
            }
        }
        d.deserialize_seq(List)
    }
}

/// One `Firm` read as (interned area, size), with the errors serde's derive gives for `Firm`.
struct FirmSeed<'a>(&'a mut Names);

enum FirmField {
    Area,
    Size,
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
                    0 => FirmField::Area,
                    1 => FirmField::Size,
                    _ => FirmField::Other,
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<FirmField, E> {
                Ok(match v {
                    "area" => FirmField::Area,
                    "size" => FirmField::Size,
                    _ => FirmField::Other,
                })
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> std::result::Result<FirmField, E> {
                Ok(match v {
                    b"area" => FirmField::Area,
                    b"size" => FirmField::Size,
                    _ => FirmField::Other,
                })
            }
        }
        d.deserialize_identifier(Field)
    }
}

impl<'de> DeserializeSeed<'de> for FirmSeed<'_> {
    type Value = (u32, f64);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(u32, f64), D::Error> {
        d.deserialize_struct("Firm", &["area", "size"], self)
    }
}

impl<'de> Visitor<'de> for FirmSeed<'_> {
    type Value = (u32, f64);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Firm")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(u32, f64), A::Error> {
        let area = seq
            .next_element_seed(NameSeed(self.0))?
            .ok_or_else(|| de::Error::invalid_length(0, &"struct Firm with 2 elements"))?;
        let size = seq
            .next_element::<f64>()?
            .ok_or_else(|| de::Error::invalid_length(1, &"struct Firm with 2 elements"))?;
        Ok((area, size))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(u32, f64), A::Error> {
        let (mut area, mut size) = (None, None);
        while let Some(field) = map.next_key::<FirmField>()? {
            match field {
                FirmField::Area if area.is_some() => {
                    return Err(de::Error::duplicate_field("area"))
                }
                FirmField::Area => area = Some(map.next_value_seed(NameSeed(&mut *self.0))?),
                FirmField::Size if size.is_some() => {
                    return Err(de::Error::duplicate_field("size"))
                }
                FirmField::Size => size = Some(map.next_value::<f64>()?),
                FirmField::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let area = area.ok_or_else(|| de::Error::missing_field("area"))?;
        let size = size.ok_or_else(|| de::Error::missing_field("size"))?;
        Ok((area, size))
    }
}

/// The statistics of one industry.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EgStats {
    pub gamma: f64,
    pub g: f64,
    pub h: f64,
    pub sum_x2: f64,
    /// z statistic of G; `None` when its variance is not positive (e.g. every firm the same size in two areas).
    pub z: Option<f64>,
    pub band: EgBand,
}

/// Output of the `ellison-glaeser` method.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EgOutput {
    pub method: String,
    #[serde(flatten)]
    pub stats: EgStats,
    pub firms: usize,
    pub areas: usize,
}

/// Area shares x_j with the sums Σx², Σx³ that every industry of a region reuses.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaShares {
    pub x: Vec<f64>,
    pub sum_x2: f64,
    pub sum_x3: f64,
}

impl AreaShares {
    /// Shares of `totals` (all ≥ 0, finite, sum > 0 checked by the caller).
    pub fn new(totals: &[f64]) -> AreaShares {
        let sum: f64 = totals.iter().sum();
        let x: Vec<f64> = totals.iter().map(|t| t / sum).collect();
        let sum_x2 = x.iter().map(|v| v * v).sum();
        let sum_x3 = x.iter().map(|v| v * v * v).sum();
        AreaShares { x, sum_x2, sum_x3 }
    }
}

/// Moments of one industry's firm sizes: Σz, Σz², Σz⁴ and the count. Accumulate firm by firm.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FirmMoments {
    pub count: usize,
    pub sum: f64,
    pub sum2: f64,
    pub sum4: f64,
}

impl FirmMoments {
    pub fn add(&mut self, z: f64) {
        self.count += 1;
        self.sum += z;
        let z2 = z * z;
        self.sum2 += z2;
        self.sum4 += z2 * z2;
    }
}

/// Why γ cannot be computed for an industry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EgUndefined {
    /// The industry's firms employ nobody.
    NoEmployment,
    /// H = 1: one firm holds all the industry's employment, so γ divides by zero.
    SingleFirm,
    /// Σx² = 1: all employment is in one area.
    SingleArea,
}

/// γ, G, H and z from the industry's employment per area (`industry_by_area`, aligned with `areas.x`) and its firm
/// moments. Pure arithmetic on validated numbers.
pub fn eg_stats(
    industry_by_area: &[f64],
    areas: &AreaShares,
    firms: &FirmMoments,
) -> std::result::Result<EgStats, EgUndefined> {
    let total = firms.sum;
    if total.is_nan() || total <= 0.0 {
        return Err(EgUndefined::NoEmployment);
    }
    let h = firms.sum2 / (total * total);
    let t2 = total * total;
    let sum_z4 = firms.sum4 / (t2 * t2);
    let g: f64 = industry_by_area
        .iter()
        .zip(&areas.x)
        .map(|(e, x)| {
            let d = e / total - x;
            d * d
        })
        .sum();
    let one_minus_x2 = 1.0 - areas.sum_x2;
    if one_minus_x2.is_nan() || one_minus_x2 <= 1e-12 {
        return Err(EgUndefined::SingleArea);
    }
    if h.is_nan() || 1.0 - h <= 1e-12 {
        return Err(EgUndefined::SingleFirm);
    }
    let excess = g - one_minus_x2 * h;
    let gamma = excess / (one_minus_x2 * (1.0 - h));
    let (s2, s3) = (areas.sum_x2, areas.sum_x3);
    let var_g =
        2.0 * (h * h * (s2 - 2.0 * s3 + s2 * s2) - sum_z4 * (s2 - 4.0 * s3 + 3.0 * s2 * s2));
    let z = (var_g > 0.0)
        .then(|| excess / var_g.sqrt())
        .filter(|z| z.is_finite());
    Ok(EgStats {
        gamma,
        g,
        h,
        sum_x2: areas.sum_x2,
        z,
        band: EgBand::of(gamma),
    })
}

/// Validates the input and computes EG γ for one industry.
///
/// Every firm's area must be in `area_totals`; sizes and totals finite and ≥ 0; the area total > 0; the firms'
/// total > 0; at least two areas with employment and not all employment in one firm.
pub fn ellison_glaeser(firms: &[Firm], area_totals: &Values) -> Result<EgOutput> {
    ellison_glaeser_indexed(&IndexedFirms::from_firms(firms), area_totals)
}

/// [`ellison_glaeser`] on firms whose areas are interned: each distinct area is looked up in `area_totals` once,
/// and the loop over the firms indexes arrays.
pub fn ellison_glaeser_indexed(firms: &IndexedFirms, area_totals: &Values) -> Result<EgOutput> {
    for (id, v) in area_totals {
        non_negative(*v, || format!("area_totals.{id}"))?;
    }
    let ids: Vec<&String> = area_totals.keys().collect();
    let totals: Vec<f64> = area_totals.values().copied().collect();
    let sum: f64 = totals.iter().sum();
    if !(sum > 0.0 && sum.is_finite()) {
        return Err(Error::new(ErrorKind::ZeroTotal, "area_totals"));
    }
    let areas = AreaShares::new(&totals);
    let slot = firms.names.positions_in(&ids);
    let mut by_area = vec![0.0; ids.len()];
    let mut moments = FirmMoments::default();
    for (k, (&a, &size)) in firms.area.iter().zip(&firms.size).enumerate() {
        let z = non_negative(size, || format!("firms[{k}].size"))?;
        let Some(j) = slot.get(a as usize).copied().flatten() else {
            let name = firms.names.get(a).unwrap_or_default().to_string();
            return Err(Error::new(
                ErrorKind::UnknownId(name),
                format!("firms[{k}].area"),
            ));
        };
        if let Some(e) = by_area.get_mut(j) {
            *e += z;
        }
        moments.add(z);
    }
    if !moments.sum.is_finite() {
        return Err(Error::new(ErrorKind::NotFinite, "firms"));
    }
    let stats = eg_stats(&by_area, &areas, &moments).map_err(|why| match why {
        EgUndefined::NoEmployment => Error::new(ErrorKind::ZeroTotal, "firms"),
        EgUndefined::SingleFirm => Error::new(ErrorKind::TooFew { min: 2 }, "firms"),
        EgUndefined::SingleArea => Error::new(ErrorKind::TooFew { min: 2 }, "area_totals"),
    })?;
    Ok(EgOutput {
        method: "ellison-glaeser".into(),
        stats,
        firms: firms.len(),
        areas: ids.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reat_example() -> (Vec<Firm>, Values) {
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
        .map(|(a, s)| Firm {
            area: a.to_string(),
            size: *s,
        })
        .collect();
        let totals = [("Wien", 500000.0), ("Linz", 400000.0), ("Graz", 100000.0)]
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        (firms, totals)
    }

    #[test]
    fn reat_ellison_a_manual_example() {
        // REAT `ellison.a` manual (Farhauer/Kröll 2014): γ = 0.05990628, G = 0.1681633, H = 0.2446888, Σx² = 0.42.
        let (firms, totals) = reat_example();
        let out = ellison_glaeser(&firms, &totals).unwrap();
        let s = out.stats;
        assert!((s.gamma - 0.05990628).abs() < 1e-8, "{}", s.gamma);
        assert!((s.g - 0.1681633).abs() < 1e-7, "{}", s.g);
        assert!((s.h - 0.2446888).abs() < 1e-7, "{}", s.h);
        assert!((s.sum_x2 - 0.42).abs() < 1e-12);
        assert_eq!(s.band, EgBand::High);
        // z recomputed from REAT's variance formula with the same inputs (no published value).
        assert!(s.z.is_some_and(|z| z.is_finite()));
    }

    #[test]
    fn interned_firms_give_the_same_result() {
        let (firms, totals) = reat_example();
        let indexed = IndexedFirms::from_firms(&firms);
        assert_eq!(
            indexed.names.iter().collect::<Vec<_>>(),
            ["Wien", "Linz", "Graz"]
        );
        assert_eq!(indexed.area, [0, 0, 0, 0, 0, 1, 1, 1, 1, 2]);
        let json = serde_json::json!({"firms": firms, "area_totals": totals});
        let read: EgIndexedInput = serde_json::from_value(json).unwrap();
        assert_eq!(read.firms.area, indexed.area);
        assert_eq!(read.firms.size, indexed.size);
        assert_eq!(
            ellison_glaeser_indexed(&read.firms, &read.area_totals).unwrap(),
            ellison_glaeser(&firms, &totals).unwrap()
        );
    }

    #[test]
    fn bands_follow_eg_1997() {
        for (g, band) in [
            (-0.1, EgBand::NotLocalised),
            (0.0199, EgBand::NotLocalised),
            (0.02, EgBand::Moderate),
            (0.05, EgBand::Moderate),
            (0.0501, EgBand::High),
        ] {
            assert_eq!(EgBand::of(g), band, "{g}");
        }
    }

    #[test]
    fn invalid_inputs_name_the_field() {
        let (firms, totals) = reat_example();
        let mut unknown = firms.clone();
        unknown[3].area = "Salzburg".into();
        assert_eq!(
            ellison_glaeser(&unknown, &totals).unwrap_err().path,
            "firms[3].area"
        );
        let mut negative = firms.clone();
        negative[1].size = -1.0;
        assert_eq!(
            ellison_glaeser(&negative, &totals).unwrap_err().path,
            "firms[1].size"
        );
        let one = vec![Firm {
            area: "Wien".into(),
            size: 5.0,
        }];
        assert_eq!(
            ellison_glaeser(&one, &totals).unwrap_err().kind,
            ErrorKind::TooFew { min: 2 }
        );
    }
}
