//! The cluster's type among the seed's four (ch.6 一: 培育产业集群要先看小城镇有无特色和支柱产业基础，再培育不同的
//! 类型——农牧示范型、工业主导型、商业贸易型、旅游生态型).
//!
//! The type decides which measures apply (a measure lists the types it is for in `applies_to`). It is the
//! user's declaration when given; else the chain template's type; else read from the cluster's industry codes
//! when they all point one way. When none of these settles it, the type is unknown and every measure applies,
//! so nothing is withheld on a guess.

use crate::dataset::{Cluster, ClusterType};
use serde::{Deserialize, Serialize};

/// Where the type came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TypeBasis {
    /// The user declared it (`clusters[].cluster_type`).
    Declared,
    /// The chain template's type.
    Template,
    /// Every industry code of the cluster belongs to the same type's divisions.
    Codes,
}

/// The cluster's type and how it was decided; `kind: None` = not decided (every measure applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typology {
    pub kind: Option<ClusterType>,
    pub basis: Option<TypeBasis>,
    /// The chain template that gave the type (basis `template`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
}

/// The type a GB/T 4754-2017 code (门类 letter or 2–4 digit code) points to, when it points to one: agriculture
/// (门类 A, divisions 01–05) → agricultural; mining, manufacturing and utilities (B–D, 06–46) → industrial;
/// wholesale and retail (F, 51–52) → trade; accommodation and catering (H, 61–62), scenic-area management
/// (786x) and entertainment (90) → tourism. Other codes (construction, transport, services) say nothing.
pub fn type_of_code(code: &str) -> Option<ClusterType> {
    let code = code.trim();
    match code {
        "A" => return Some(ClusterType::Agricultural),
        "B" | "C" | "D" => return Some(ClusterType::Industrial),
        "F" => return Some(ClusterType::Trade),
        "H" => return Some(ClusterType::Tourism),
        _ => {}
    }
    if code.starts_with("786") {
        return Some(ClusterType::Tourism);
    }
    let division: u32 = code.get(..2)?.parse().ok()?;
    match division {
        1..=5 => Some(ClusterType::Agricultural),
        6..=46 => Some(ClusterType::Industrial),
        51 | 52 => Some(ClusterType::Trade),
        61 | 62 | 90 => Some(ClusterType::Tourism),
        _ => None,
    }
}

/// The type of `c`, given its chain template's type (`template`: id and type) when it has one.
pub fn classify(c: &Cluster, template: Option<(&str, Option<ClusterType>)>) -> Typology {
    if let Some(kind) = c.cluster_type {
        return Typology {
            kind: Some(kind),
            basis: Some(TypeBasis::Declared),
            template: None,
        };
    }
    if let Some((id, Some(kind))) = template {
        return Typology {
            kind: Some(kind),
            basis: Some(TypeBasis::Template),
            template: Some(id.to_string()),
        };
    }
    let mut kinds = c.industries.iter().map(|code| type_of_code(code));
    let first = kinds.next().flatten();
    let all_same = first.is_some() && kinds.all(|k| k == first);
    Typology {
        kind: first.filter(|_| all_same),
        basis: all_same.then_some(TypeBasis::Codes),
        template: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(codes: &[&str], declared: Option<ClusterType>) -> Cluster {
        Cluster {
            name: "c".into(),
            industries: codes.iter().map(|s| s.to_string()).collect(),
            cluster_type: declared,
            ..Default::default()
        }
    }

    #[test]
    fn codes_point_to_the_seeds_types() {
        assert_eq!(type_of_code("01"), Some(ClusterType::Agricultural));
        assert_eq!(type_of_code("A"), Some(ClusterType::Agricultural));
        assert_eq!(type_of_code("1761"), Some(ClusterType::Industrial));
        assert_eq!(type_of_code("52"), Some(ClusterType::Trade));
        assert_eq!(type_of_code("61"), Some(ClusterType::Tourism));
        assert_eq!(type_of_code("7861"), Some(ClusterType::Tourism));
        // Public-facility management in general, transport and construction say nothing.
        assert_eq!(type_of_code("78"), None);
        assert_eq!(type_of_code("54"), None);
        assert_eq!(type_of_code("E"), None);
        assert_eq!(type_of_code("x1"), None);
    }

    #[test]
    fn declared_beats_template_beats_codes() {
        let t = Some(("tourism", Some(ClusterType::Tourism)));
        let declared = classify(&cluster(&["17"], Some(ClusterType::Trade)), t);
        assert_eq!(declared.kind, Some(ClusterType::Trade));
        assert_eq!(declared.basis, Some(TypeBasis::Declared));
        let from_template = classify(&cluster(&["17"], None), t);
        assert_eq!(from_template.kind, Some(ClusterType::Tourism));
        assert_eq!(from_template.template.as_deref(), Some("tourism"));
        let from_codes = classify(&cluster(&["17", "18"], None), None);
        assert_eq!(from_codes.kind, Some(ClusterType::Industrial));
        assert_eq!(from_codes.basis, Some(TypeBasis::Codes));
    }

    #[test]
    fn mixed_or_silent_codes_leave_the_type_unknown() {
        assert_eq!(classify(&cluster(&["17", "61"], None), None).kind, None);
        assert_eq!(classify(&cluster(&["54", "17"], None), None).kind, None);
        assert_eq!(classify(&cluster(&[], None), None).kind, None);
        assert_eq!(classify(&cluster(&[], None), None).basis, None);
    }
}
