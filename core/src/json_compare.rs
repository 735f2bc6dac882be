//! Comparison of two JSON values with a relative tolerance on numbers, for snapshot and native/wasm parity tests.
//!
//! Floating-point library functions (powf, ln) may differ in the last place between platforms, so reports are
//! compared with a relative tolerance rather than bit for bit.

use serde_json::Value;

/// The first difference between `expected` and `actual`, as `path: what differs`, or `None` when they agree
/// (numbers within `rel_tol` relative to the larger magnitude, at least 1).
pub fn first_difference(
    path: &str,
    expected: &Value,
    actual: &Value,
    rel_tol: f64,
) -> Option<String> {
    match (expected, actual) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (
                a.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            let tol = rel_tol * a.abs().max(b.abs()).max(1.0);
            ((a - b).abs() > tol || a.is_nan() || b.is_nan())
                .then(|| format!("{path}: expected {a}, got {b}"))
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!(
                    "{path}: expected {} items, got {}",
                    a.len(),
                    b.len()
                ));
            }
            a.iter()
                .zip(b)
                .enumerate()
                .find_map(|(i, (x, y))| first_difference(&format!("{path}[{i}]"), x, y, rel_tol))
        }
        (Value::Object(a), Value::Object(b)) => {
            if let Some(k) = a.keys().find(|k| !b.contains_key(*k)) {
                return Some(format!("{path}.{k}: missing"));
            }
            if let Some(k) = b.keys().find(|k| !a.contains_key(*k)) {
                return Some(format!("{path}.{k}: unexpected"));
            }
            a.iter()
                .find_map(|(k, x)| first_difference(&format!("{path}.{k}"), x, &b[k], rel_tol))
        }
        (a, b) => (a != b).then(|| format!("{path}: expected {a}, got {b}")),
    }
}

#[cfg(test)]
mod tests {
    use super::first_difference;
    use serde_json::json;

    #[test]
    fn tolerates_last_place_differences_only() {
        assert_eq!(
            first_difference(
                "",
                &json!({"a": [1.0, 2.0]}),
                &json!({"a": [1.0, 2.0 + 1e-14]}),
                1e-9
            ),
            None
        );
        assert_eq!(
            first_difference(
                "",
                &json!({"a": [1.0, 2.0]}),
                &json!({"a": [1.0, 2.1]}),
                1e-9
            )
            .as_deref(),
            Some(".a[1]: expected 2, got 2.1")
        );
        assert!(first_difference("", &json!({"a": 1}), &json!({"b": 1}), 1e-9).is_some());
        assert!(first_difference("", &json!("x"), &json!("y"), 1e-9).is_some());
    }
}
