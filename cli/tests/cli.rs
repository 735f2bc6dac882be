//! Runs the built `clustercalc` binary as a user would: success paths, exit 2 with the JSON path, every example.

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clustercalc"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn assert_invalid(o: &Output, path_fragment: &str) {
    assert_eq!(
        o.status.code(),
        Some(2),
        "stderr: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty(), "no partial output on failure");
    let lines = stderr_lines(o);
    assert_eq!(lines.len(), 1, "exactly one line on stderr: {lines:?}");
    assert!(
        lines[0].contains(path_fragment),
        "{lines:?} should name {path_fragment}"
    );
}

#[test]
fn every_example_analyzes_as_json_and_text() {
    let list = run(&["example"], None);
    assert!(list.status.success());
    let names = String::from_utf8(list.stdout).unwrap();
    assert!(names.lines().count() >= 4);
    for name in names.lines() {
        let json = run(&["analyze", name], None);
        assert!(
            json.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&json.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(v["format"], "clustercalc-report", "{name}");
        for lang in ["zh", "en"] {
            let text = run(&["analyze", name, "--format", "text", "--lang", lang], None);
            assert!(text.status.success(), "{name} {lang}");
            assert!(!text.stdout.is_empty());
        }
    }
}

#[test]
fn analyze_reads_stdin_and_files() {
    let datang = run(&["example", "datang"], None);
    let text = String::from_utf8(datang.stdout).unwrap();
    let o = run(&["analyze", "-"], Some(&text));
    assert!(o.status.success());
    let dir = std::env::temp_dir().join(format!("clustercalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("datang.json");
    std::fs::write(&file, &text).unwrap();
    let o = run(&["analyze", file.to_str().unwrap(), "--lang", "en"], None);
    assert!(o.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_dataset_exits_2_naming_the_path() {
    let bad = r#"{"format":"clustercalc-dataset","version":1,"town":{"name":"x"},
        "industries":[{"code":"17","employment":-5}]}"#;
    let o = run(&["analyze", "-", "--lang", "en"], Some(bad));
    assert_invalid(&o, "industries[0].employment");
    assert!(stderr_lines(&o)[0].contains(">= 0"));
    let zh = run(&["analyze", "-", "--lang", "zh"], Some(bad));
    assert_invalid(&zh, "industries[0].employment");
    assert!(stderr_lines(&zh)[0].contains("负数"));
}

#[test]
fn syntax_errors_and_future_versions_exit_2() {
    assert_invalid(&run(&["analyze", "-"], Some("{ not json")), "");
    let future = r#"{"format":"clustercalc-dataset","version":9,"town":{"name":"x"}}"#;
    assert_invalid(
        &run(&["analyze", "-", "--lang", "en"], Some(future)),
        "version",
    );
    assert_invalid(
        &run(&["analyze", "/no/such/file.json"], None),
        "/no/such/file.json",
    );
}

#[test]
fn method_delegates_to_the_json_api() {
    // METHODS.md §1: REAT `herf` manual, firm sales (20, 50, 20, 10) → H = 0.34.
    let o = run(
        &["method", "concentration", "-"],
        Some(r#"{"sizes":[20,50,20,10]}"#),
    );
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!((v["hhi"].as_f64().unwrap() - 0.34).abs() < 1e-12);
    let bad = run(
        &["method", "input-output", "-", "--lang", "en"],
        Some(r#"{"z":[[1,2],[3,4]],"x":[1,-2]}"#),
    );
    assert_invalid(&bad, "x[1]");
    assert_invalid(&run(&["method", "nonsense", "-"], Some("{}")), "nonsense");
}

#[test]
fn schema_describes_the_dataset() {
    let o = run(&["schema"], None);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = v.to_string();
    for field in [
        "town",
        "industries",
        "clusters",
        "scenarios",
        "rural_surplus_labour",
    ] {
        assert!(text.contains(field), "{field}");
    }
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for args in [
        vec!["frobnicate"],
        vec!["analyze"],
        vec!["analyze", "datang", "--format", "xml"],
        vec!["analyze", "datang", "--lang", "fr"],
        vec!["example", "atlantis"],
    ] {
        let o = run(&args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr_lines(&o).len(), 1, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let help = run(&["--help"], None);
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("clustercalc analyze"));
}

#[test]
fn method_reads_firms_straight_into_the_typed_input() {
    // METHODS.md §2: the REAT `ellison.a` manual example, γ = 0.05990628.
    let firms = [
        ("Wien", 200),
        ("Wien", 650),
        ("Wien", 12000),
        ("Wien", 100),
        ("Wien", 50),
        ("Linz", 16000),
        ("Linz", 13000),
        ("Linz", 1500),
        ("Linz", 1500),
        ("Graz", 25000),
    ]
    .map(|(a, s)| format!(r#"{{"area":"{a}","size":{s}}}"#))
    .join(",");
    let totals = r#"{"Wien":500000,"Linz":400000,"Graz":100000}"#;
    let input = format!(r#"{{"firms":[{firms}],"area_totals":{totals}}}"#);
    let o = run(&["method", "ellison-glaeser", "-"], Some(&input));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!((v["gamma"].as_f64().unwrap() - 0.05990628).abs() < 1e-8);
    assert_eq!(v["firms"], 10);
    // Out of range, unknown area, wrong type: exit 2 naming the firm's field.
    let huge = input.replace(r#""size":650"#, r#""size":6.5e15"#);
    assert_invalid(
        &run(
            &["method", "ellison-glaeser", "-", "--lang", "en"],
            Some(&huge),
        ),
        "firms[1].size: must be between",
    );
    let unknown = input.replace(r#"{"area":"Graz""#, r#"{"area":"Salzburg""#);
    assert_invalid(
        &run(&["method", "ellison-glaeser", "-"], Some(&unknown)),
        "firms[9].area",
    );
    let text = input.replace(r#""size":100"#, r#""size":"100""#);
    assert_invalid(
        &run(&["method", "ellison-glaeser", "-"], Some(&text)),
        "firms[3].size",
    );
    let region = r#"{"towns":{"a":{"i":5},"b":{"i":1}},
        "firms":[{"town":"a","industry":"i","employment":3},{"town":"b","industry":"i","employment":-1}]}"#;
    assert_invalid(
        &run(&["method", "region", "-", "--lang", "en"], Some(region)),
        "firms[1].employment: must be >= 0",
    );
}
