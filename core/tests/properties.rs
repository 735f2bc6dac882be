//! Property tests of the single methods: nothing panics on arbitrary input, and the identities the methods
//! promise hold (LQ weighted mean, basic ≤ total, multipliers ≥ 1, AHP weights sum to 1, shift-share adds up).

use clustercalc_core::location_quotient::{location_quotients, Values};
use clustercalc_core::{
    ahp, api, concentration, economic_base, growth, input_output, keynes, shift_share,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Numbers as hostile JSON can hold them: ordinary, zero, negative, tiny, huge (NaN and ∞ cannot be JSON).
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -10.0..1000.0f64,
        1 => Just(0.0),
        1 => Just(1e-300),
        1 => Just(-1e-300),
        1 => Just(1e15),
        1 => Just(1e300),
        1 => Just(-1e300),
        1 => Just(f64::MAX),
    ]
}

fn json_number() -> impl Strategy<Value = Value> {
    number().prop_map(|v| serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
}

/// Arbitrary JSON of random shape with keys the methods use, so that some inputs get past deserialisation.
fn arbitrary_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("a".to_string()),
        Just("b".to_string()),
        Just("local".to_string()),
        Just("reference".to_string()),
        Just("sizes".to_string()),
        Just("matrix".to_string()),
        Just("z".to_string()),
        Just("x".to_string()),
        Just("towns".to_string()),
        Just("firms".to_string()),
        Just("area".to_string()),
        Just("size".to_string()),
    ];
    let leaf = prop_oneof![
        json_number(),
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        "[a-z]{0,3}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A square matrix of hostile numbers, n = 0..5, sometimes ragged.
fn matrix_json() -> impl Strategy<Value = Value> {
    (0usize..5, any::<bool>()).prop_flat_map(|(n, ragged)| {
        prop::collection::vec(
            prop::collection::vec(json_number(), if ragged { 0..6 } else { n..n + 1 }),
            n,
        )
        .prop_map(|rows| Value::Array(rows.into_iter().map(Value::Array).collect()))
    })
}

fn map_json() -> impl Strategy<Value = Value> {
    prop::collection::btree_map("[a-c]", json_number(), 0..4)
        .prop_map(|m| Value::Object(m.into_iter().collect()))
}

fn vec_json() -> impl Strategy<Value = Value> {
    prop::collection::vec(json_number(), 0..5).prop_map(Value::Array)
}

/// Inputs of the right shape for each method, with hostile numbers.
fn shaped_input() -> impl Strategy<Value = (&'static str, Value)> {
    prop_oneof![
        (map_json(), map_json()).prop_map(|(l, r)| ("location-quotient", json!({"local": l, "reference": r}))),
        (map_json(), map_json(), map_json()).prop_map(|(l, r, s)| (
            "economic-base",
            json!({"local": l, "reference": r, "export_shares": s})
        )),
        vec_json().prop_map(|s| ("concentration", json!({"sizes": s}))),
        (vec_json(), map_json()).prop_map(|(s, t)| {
            let firms: Vec<Value> = s
                .as_array()
                .map(|a| {
                    a.iter()
                        .enumerate()
                        .map(|(k, v)| {
                            let area = ["a", "b", "c"].get(k % 3).copied().unwrap_or("a");
                            json!({"area": area, "size": v})
                        })
                        .collect()
                })
                .unwrap_or_default();
            ("ellison-glaeser", json!({"firms": firms, "area_totals": t}))
        }),
        (map_json(), map_json(), map_json(), json_number()).prop_map(|(s, e, g, t)| (
            "shift-share",
            json!({"local_start": s, "local_end": e, "reference_growth": g, "reference_total_growth": t})
        )),
        (map_json(), map_json(), map_json(), map_json()).prop_map(|(s, e, rs, re)| (
            "shift-share",
            json!({"local_start": s, "local_end": e, "reference_start": rs, "reference_end": re})
        )),
        (json_number(), json_number(), json_number()).prop_map(|(c, t, m)| (
            "keynes",
            json!({"c": c, "t": t, "m": m, "form": "armstrong-taylor"})
        )),
        (matrix_json(), vec_json(), vec_json(), vec_json(), vec_json()).prop_map(|(z, x, f, w, c)| (
            "input-output",
            json!({"z": z, "x": x, "final_demand": f, "employment": f, "labour_income": w,
                   "household_consumption": c})
        )),
        (matrix_json(), vec_json(), vec_json(), json_number()).prop_map(|(a, r, n, d)| (
            "regionalize",
            json!({"a": a, "regional_employment": r, "national_employment": n, "quotient": "aflq",
                   "delta": d})
        )),
        matrix_json().prop_map(|m| ("ahp", json!({"matrix": m, "weighting": "geometric-mean"}))),
        prop::collection::vec(json_number(), 6).prop_map(|v| (
            "gem",
            json!({"resources": v[0], "facilities": v[1], "suppliers": v[2], "structure": v[3],
                   "local_market": v[4], "external_market": v[5]})
        )),
        (json_number(), json_number(), json_number())
            .prop_map(|(s, e, y)| ("cagr", json!({"start": s, "end": e, "years": y}))),
        (map_json(), map_json()).prop_map(|(i, t)| (
            "locational-gini",
            json!({"industry": i, "area_totals": t})
        )),
        (map_json(), map_json(), vec_json()).prop_map(|(a, b, f)| {
            let firms: Vec<Value> = f
                .as_array()
                .map(|v| {
                    v.iter()
                        .map(|e| json!({"town": "t1", "industry": "a", "employment": e}))
                        .collect()
                })
                .unwrap_or_default();
            ("region", json!({"towns": {"t1": a, "t2": b}, "firms": firms}))
        }),
    ]
}

/// Every number in a successful output is finite, and the fields that must be numbers are not null.
#[track_caller]
fn assert_sane(name: &str, out: &Value) {
    assert_eq!(out["method"], name);
    let required: &[&str] = match name {
        "location-quotient" => &["/krugman", "/hoover"],
        "economic-base" => &["/multiplier", "/total_basic"],
        "concentration" => &["/hhi", "/cr4", "/equivalent_number"],
        "ellison-glaeser" => &["/gamma", "/g", "/h", "/sum_x2"],
        "keynes" => &["/multiplier", "/band/low", "/band/high"],
        "input-output" => &["/output_multipliers/0"],
        "ahp" => &["/lambda_max", "/cr", "/weights/0"],
        "gem" => &["/score"],
        "cagr" => &["/cagr"],
        "locational-gini" => &["/gini"],
        _ => &[],
    };
    for p in required {
        assert!(
            out.pointer(p)
                .and_then(Value::as_f64)
                .is_some_and(f64::is_finite),
            "{name}: {p} in {out}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn no_method_panics_on_arbitrary_json(input in arbitrary_json(), k in 0usize..64) {
        let name = api::METHODS[k % api::METHODS.len()];
        if let Ok(out) = api::call(name, &input) {
            assert_sane(name, &out);
        }
    }

    #[test]
    fn no_method_panics_on_shaped_hostile_input((name, input) in shaped_input()) {
        if let Ok(out) = api::call(name, &input) {
            assert_sane(name, &out);
        }
    }

    #[test]
    fn rust_api_refuses_non_finite_numbers(v in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY)]) {
        prop_assert!(concentration::concentration(&[1.0, v]).is_err());
        prop_assert!(growth::cagr(1.0, v, 2.0).is_err());
        prop_assert!(keynes::keynes(0.5, v, 0.1, keynes::KeynesForm::Leakage, None).is_err());
        let io = input_output::IoInput { z: vec![vec![v]], x: vec![1.0], ..Default::default() };
        prop_assert!(input_output::input_output(&io).is_err());
        prop_assert!(ahp::ahp(&[vec![1.0, v], vec![1.0 / v, 1.0]], ahp::RiTable::SaatyClassic, ahp::Weighting::Eigenvector).is_err());
    }

    /// With every reference industry present locally, Σ_i LQ_i·(E_i/E) = Σ_i e_i/e_r = 1: the LQs' mean
    /// weighted by the reference structure is 1 (a town cannot be over-represented everywhere).
    #[test]
    fn lq_reference_weighted_mean_is_one(
        pairs in prop::collection::vec((0.0..1e6f64, 1e-3..1e6f64), 1..12)
    ) {
        let local: Values = pairs.iter().enumerate().map(|(i, (l, _))| (format!("i{i}"), *l)).collect();
        let reference: Values = pairs.iter().enumerate().map(|(i, (_, r))| (format!("i{i}"), *r)).collect();
        prop_assume!(local.values().sum::<f64>() > 0.0);
        let out = location_quotients(&local, &reference).unwrap();
        let big_e: f64 = reference.values().sum();
        let mean: f64 = out.lq.iter().map(|(id, q)| q * reference[id] / big_e).sum();
        prop_assert!((mean - 1.0).abs() < 1e-9, "{}", mean);
    }

    #[test]
    fn basic_employment_is_between_zero_and_total(
        pairs in prop::collection::vec((0.0..1e5f64, 1e-3..1e6f64, 0.0..=1.0f64), 1..10)
    ) {
        let local: Values = pairs.iter().enumerate().map(|(i, p)| (format!("i{i}"), p.0)).collect();
        let reference: Values = pairs.iter().enumerate().map(|(i, p)| (format!("i{i}"), p.1)).collect();
        let shares: Values = pairs.iter().enumerate().map(|(i, p)| (format!("i{i}"), p.2)).collect();
        for input in [
            economic_base::EconomicBaseInput { local: local.clone(), reference: Some(reference.clone()), ..Default::default() },
            economic_base::EconomicBaseInput { local: local.clone(), export_shares: Some(shares.clone()), ..Default::default() },
        ] {
            if let Ok(out) = economic_base::economic_base(&input) {
                for (id, b) in &out.basic {
                    prop_assert!(*b >= 0.0 && *b <= local[id] * (1.0 + 1e-12), "{id}: {b}");
                }
                prop_assert!(out.total_basic <= out.total * (1.0 + 1e-12));
                prop_assert!(out.multiplier >= 1.0 - 1e-12);
            }
        }
    }

    #[test]
    fn output_multipliers_are_at_least_one_on_productive_tables(
        n in 1usize..8,
        cells in prop::collection::vec(0.0..1.0f64, 64),
        spare in prop::collection::vec(0.01..1.0f64, 8),
        x in prop::collection::vec(1.0..1e6f64, 8),
    ) {
        // Column j of A sums to (1 − spare_j)·(a share), always < 1: a productive table.
        let mut z = vec![vec![0.0; n]; n];
        for j in 0..n {
            let col: Vec<f64> = (0..n).map(|i| cells[i * 8 + j]).collect();
            let s: f64 = col.iter().sum::<f64>().max(1e-9);
            for i in 0..n {
                z[i][j] = col[i] / s * (1.0 - spare[j]) * x[j] * 0.999;
            }
        }
        let input = input_output::IoInput { z, x: x[..n].to_vec(), ..Default::default() };
        let out = input_output::input_output(&input).unwrap();
        for (m, d) in out.output_multipliers.iter().zip(&out.output_multipliers_direct) {
            prop_assert!(*m >= 1.0 - 1e-9, "{m}");
            prop_assert!(*m >= *d, "{m} < {d}");
        }
    }

    #[test]
    fn ahp_weights_sum_to_one(n in 1usize..10, upper in prop::collection::vec(1.0/9.0..9.0f64, 45), geo in any::<bool>()) {
        // Entry k of `upper` fills cell (i, j), i < j, in row-major order of the upper triangle.
        let k = |i: usize, j: usize| i * n - i * (i + 1) / 2 + (j - i - 1);
        let m: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| match i.cmp(&j) {
                        std::cmp::Ordering::Equal => 1.0,
                        std::cmp::Ordering::Less => upper[k(i, j)],
                        std::cmp::Ordering::Greater => 1.0 / upper[k(j, i)],
                    })
                    .collect()
            })
            .collect();
        let weighting = if geo { ahp::Weighting::GeometricMean } else { ahp::Weighting::Eigenvector };
        let out = ahp::ahp(&m, ahp::RiTable::SaatyClassic, weighting).unwrap();
        prop_assert!((out.weights.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        prop_assert!(out.weights.iter().all(|w| *w > 0.0));
        prop_assert!(out.lambda_max >= n as f64 - 1e-9);
    }

    #[test]
    fn shift_share_components_add_up(
        rows in prop::collection::vec((0.0..1e4f64, 0.0..1e4f64, 1.0..1e5f64, 0.0..1e5f64), 1..8)
    ) {
        let m = |f: fn(&(f64, f64, f64, f64)) -> f64| -> Values {
            rows.iter().enumerate().map(|(i, r)| (format!("i{i}"), f(r))).collect()
        };
        let input = shift_share::ShiftShareInput {
            local_start: m(|r| r.0),
            local_end: m(|r| r.1),
            reference_start: Some(m(|r| r.2)),
            reference_end: Some(m(|r| r.3)),
            ..Default::default()
        };
        let out = shift_share::shift_share(&input).unwrap();
        for c in out.industries.values().chain([&out.total]) {
            let scale = 1.0 + c.change.abs() + c.national_share.abs() + c.industry_mix.abs();
            prop_assert!((c.national_share + c.industry_mix + c.regional_shift - c.change).abs() < 1e-9 * scale);
            let em = c.competitive.unwrap() + c.allocation.unwrap();
            prop_assert!((em - c.regional_shift).abs() < 1e-9 * (scale + c.regional_shift.abs()));
        }
    }
}
