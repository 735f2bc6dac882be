//! `clustercalc import` on tables shaped like a township statistics office's (fixtures in `fixtures/import/`):
//! an industries table with a title row, a 单位：千元 row, 从业人员 over 平均人数 / 期末人数 and a 合计 row (CSV in
//! UTF-8 and the same as .xlsx), and a GB18030 firm list with 4-digit codes and 营业收入（千元）.

// Helpers outside #[test] functions unwrap too: a panic here is a failed test, not a crash in front of a user.
#![allow(clippy::unwrap_used)]

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clustercalc"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
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

/// Runs `import` and returns the dataset and the preview lines from stderr.
fn import(args: &[&str]) -> (Value, String) {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let o = run(&all, None);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{stderr}");
    (serde_json::from_slice(&o.stdout).unwrap(), stderr)
}

/// The one stderr line of a refused import (exit 2, nothing on stdout).
fn refused(args: &[&str]) -> String {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let o = run(&all, None);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(o.stdout.is_empty(), "no partial output on failure");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line on stderr: {lines:?}");
    lines[0].to_string()
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("clustercalc-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

type IndustryRow = (String, Option<u64>, Option<f64>, Option<f64>);

fn industries(d: &Value) -> Vec<IndustryRow> {
    d["industries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["code"].as_str().unwrap().to_string(),
                i["firms"].as_u64(),
                i["employment"].as_f64(),
                i["output"].as_f64(),
            )
        })
        .collect()
}

fn expected_industries() -> Vec<IndustryRow> {
    vec![
        // 平均人数 (not 期末人数) is employment; 营业收入 in 千元 is output in 万元, with no float noise.
        ("17".into(), Some(30), Some(6000.0), Some(10_000.0)),
        ("18".into(), Some(7), Some(1300.0), Some(2000.05)),
        ("29".into(), Some(5), Some(1000.0), Some(345.55)),
    ]
}

#[test]
fn an_office_table_and_a_gb18030_firm_list_become_one_dataset() {
    let (d, stderr) = import(&[
        &fixture("industries.csv"),
        &fixture("firms-gb18030.csv"),
        "--town",
        "大唐镇",
    ]);
    assert_eq!(d["format"], "clustercalc-dataset");
    assert_eq!(d["town"]["name"], "大唐镇");
    assert_eq!(industries(&d), expected_industries());
    let firms: Vec<(String, String, f64, f64)> = d["firms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_string(),
                f["industry"].as_str().unwrap().to_string(),
                f["employment"].as_f64().unwrap(),
                f["revenue"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        firms,
        vec![
            ("大唐某针织有限公司".into(), "1762".into(), 850.0, 42_000.0),
            ("某袜业有限公司".into(), "1762".into(), 120.0, 3550.0),
            ("某服饰有限公司".into(), "1810".into(), 300.0, 8800.0),
            ("某塑料制品有限公司".into(), "2929".into(), 80.0, 1234.5),
        ]
    );
    // No 合计 row anywhere, as a firm or an industry.
    let text = d.to_string();
    assert!(!text.contains("合计"), "{text}");
    // The preview on stderr says what each column became and why.
    for line in [
        "工作表“industries”：行业表，表头在第 3–4 行，导入 3 行",
        "D 从业人员 / 平均人数 → 就业人数",
        "E 从业人员 / 期末人数 → 不导入；已用 D 列“从业人员 / 平均人数”作就业人数（平均人数优先于期末人数）",
        "F 营业收入 → 产值；千元 → 万元（据第 2 行“单位：千元”）；无产值列，营业收入作产值",
        "G 利税总额 → 不导入；数据集中没有这一项",
        "工作表“industries”第 5 行：“合计”是合计行，未导入（与各行之和相符）",
        "E 营业收入（千元） → 营业收入；千元 → 万元",
        "F 工业总产值（千元） → 不导入；企业表只导入营业收入，不导入产值",
        "工作表“firms-gb18030”第 6 行：“合计”是合计行，未导入（与各行之和相符）",
    ] {
        assert!(stderr.contains(line), "missing '{line}' in:\n{stderr}");
    }
}

#[test]
fn the_same_table_as_xlsx_gives_the_same_numbers() {
    let (d, stderr) = import(&[&fixture("industries.xlsx"), "--lang", "en"]);
    assert_eq!(industries(&d), expected_industries());
    // The notes sheet before the table is passed over, and said so.
    assert!(stderr.contains("skipped sheet '说明'"), "{stderr}");
    assert!(
        stderr.contains("sheet '分行业': industries table, header in row 3–4, 3 rows imported"),
        "{stderr}"
    );
    // Chosen by name or by number.
    for choice in ["分行业", "2"] {
        let (d, _) = import(&[&fixture("industries.xlsx"), "--sheet", choice]);
        assert_eq!(industries(&d), expected_industries(), "--sheet {choice}");
    }
    let line = refused(&[&fixture("industries.xlsx"), "--sheet", "9"]);
    assert!(
        line.ends_with("industries.xlsx: 没有工作表“9”，可选：说明、分行业（或序号 1–2）"),
        "{line}"
    );
}

#[test]
fn the_imported_dataset_analyses_with_a_reference() {
    let (mut d, _) = import(&[&fixture("industries.csv"), &fixture("firms-gb18030.csv")]);
    d["reference"] = serde_json::json!({
        "name": "湖南省",
        "employment": { "17": 120000, "18": 200000, "29": 80000 },
        "total_employment": 4000000
    });
    let o = run(&["analyze", "-"], Some(&d.to_string()));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let table = &report["specialisation"]["employment"];
    assert_eq!(table["local_total"], 8300.0);
    let lq = |code: &str| {
        table["industries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == code)
            .and_then(|i| i["lq"].as_f64())
            .unwrap()
    };
    // (6000 / 8300) / (120 000 / 4 000 000) = 24.096…
    for (code, want) in [
        ("17", (6000.0 / 8300.0) / 0.03),
        ("18", (1300.0 / 8300.0) / 0.05),
        ("29", (1000.0 / 8300.0) / 0.02),
    ] {
        assert!((lq(code) - want).abs() < 1e-9, "{code}: {}", lq(code));
    }
    assert!((lq("17") - 24.0964).abs() < 1e-4);
}

#[test]
fn a_firm_list_alone_rolls_up_to_divisions() {
    let (d, stderr) = import(&[&fixture("firms-gb18030.csv"), "--lang", "en"]);
    assert_eq!(
        industries(&d),
        vec![
            ("17".into(), Some(2), Some(970.0), Some(45_550.0)),
            ("18".into(), Some(1), Some(300.0), Some(8800.0)),
            ("29".into(), Some(1), Some(80.0), Some(1234.5)),
        ]
    );
    // The firms keep their 4-digit codes (chain stages and cluster membership read them).
    assert_eq!(d["firms"][0]["industry"], "1762");
    assert!(
        stderr.contains(
            "no industries table: firms rolled up by their codes to 3 divisions (17, 18, 29)"
        ),
        "{stderr}"
    );
}

#[test]
fn section_letters_and_semicolon_csv_import() {
    let path = temp_file(
        "sections.csv",
        "行业门类;门类名称;从业人员平均人数;营业收入（万元）\n合计;;3400;1234,5\nA;农、林、牧、渔业;400;100,5\nC;制造业;2500;1000\nH;住宿和餐饮业;500;134\n"
            .as_bytes(),
    );
    let (d, _) = import(&[&path]);
    assert_eq!(
        industries(&d),
        vec![
            ("A".into(), None, Some(400.0), Some(100.5)),
            ("C".into(), None, Some(2500.0), Some(1000.0)),
            ("H".into(), None, Some(500.0), Some(134.0)),
        ]
    );
}

#[test]
fn problems_name_the_file_sheet_row_and_column() {
    let path = temp_file(
        "bad.csv",
        "行业代码,行业名称,从业人员平均人数\n17,纺织业,6000\n18,服装,十二\n".as_bytes(),
    );
    let line = refused(&[&path]);
    assert!(
        line.ends_with("bad.csv: 工作表“bad”第 3 行 C 列（C3）：“十二”不是数字"),
        "{line}"
    );
    let line = refused(&[&path, "--lang", "en"]);
    assert!(
        line.ends_with("bad.csv: sheet 'bad', row 3, column C (cell C3): '十二' is not a number"),
        "{line}"
    );
    // The calculator's own results workbook is not input.
    let line = refused(&[&fixture("results.xlsx")]);
    assert!(line.contains("结果工作簿"), "{line}");
    // An old .xls (an OLE file, whatever its name) is refused with what to do.
    let xls = temp_file(
        "old.csv",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
    );
    let line = refused(&[&xls, "--lang", "en"]);
    assert!(line.contains("Save As .xlsx or CSV"), "{line}");
    // Two industries tables at once would replace one another.
    let line = refused(&[&fixture("industries.csv"), &fixture("industries.xlsx")]);
    assert!(line.contains("一次只能导入一张"), "{line}");
    let line = refused(&[]);
    assert!(line.starts_with("缺少表格文件"), "{line}");
    let line = refused(&[&fixture("industries.csv"), "--frobnicate"]);
    assert!(line.starts_with("未知选项 --frobnicate"), "{line}");
}
