//! Bundled example datasets (JSON text, format v1), for the CLI's `example NAME`, the app's example picker and
//! the snapshot tests.
//!
//! Numbers that are not from the seed study are marked illustrative inside each example (`notes` and
//! `provenance`), so a teacher never mistakes a made-up figure for a statistic.

/// (name, JSON text), in the order shown to users.
const EXAMPLES: &[(&str, &str)] = &[
    ("datang", include_str!("../examples-data/datang.json")),
    ("xiqiao", include_str!("../examples-data/xiqiao.json")),
    (
        "hunan-textile-town",
        include_str!("../examples-data/hunan-textile-town.json"),
    ),
    ("county", include_str!("../examples-data/county.json")),
];

/// Names of the bundled examples, in the same order. Kept apart from the texts so that a caller that only lists
/// the names (the app's first screen) does not link the JSON texts.
const NAMES: [&str; 4] = ["datang", "xiqiao", "hunan-textile-town", "county"];

/// Names of the bundled examples.
pub fn names() -> Vec<&'static str> {
    NAMES.to_vec()
}

/// The JSON text of an example, or `None` for an unknown name.
pub fn get(name: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn names_match_the_texts() {
        let from_texts: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names(), from_texts);
    }

    #[test]
    fn every_example_loads_and_validates() {
        for name in names() {
            let text = get(name).unwrap();
            if let Err(e) = Dataset::from_json(text) {
                panic!("{name}: {}", e.message(crate::Lang::En));
            }
        }
    }

    #[test]
    fn every_example_says_what_is_illustrative() {
        for name in names() {
            let d = Dataset::from_json(get(name).unwrap()).unwrap();
            assert!(d.notes.is_some(), "{name}");
            assert!(d.provenance.iter().any(|p| p.illustrative), "{name}");
        }
    }

    #[test]
    fn unknown_name_is_none() {
        assert!(get("atlantis").is_none());
    }
}
