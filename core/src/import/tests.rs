//! Tests of the table import.

use super::*;

fn sheet(name: &str, text: &str) -> Sheet {
    Sheet {
        name: name.into(),
        rows: parse_delimited(text),
    }
}

#[test]
fn csv_quoting_crlf_and_bom() {
    let rows = parse_delimited("\u{feff}a,\"b,1\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\r\n");
    assert_eq!(
        rows,
        vec![vec!["a", "b,1", "say \"hi\""], vec!["1", "two\nlines", "3"]]
    );
    assert_eq!(
        parse_delimited("x\ty\n1\t2"),
        vec![vec!["x", "y"], vec!["1", "2"]]
    );
    assert_eq!(
        parse_delimited("x;y\n1;2"),
        vec![vec!["x", "y"], vec!["1", "2"]]
    );
}

#[test]
fn column_letters() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(701), "ZZ");
    assert_eq!(column_letter(702), "AAA");
}

#[test]
fn industries_with_chinese_headers_and_units() {
    let s = sheet(
        "Sheet1",
        "镇行业统计,,\n行业代码,行业名称,就业人数（万人）,产值（亿元）\n1762,针织,0.6,15\n\n0173,茶,\"1,200\",0.5\n",
    );
    let p = read(&s, None).unwrap();
    assert_eq!(p.kind, TableKind::Industries);
    assert_eq!(p.header_row, 2);
    assert_eq!(p.blank_rows, 1);
    let (row, i) = &p.industries[0];
    assert_eq!(
        (*row, i.code.as_str(), i.employment, i.output),
        (3, "1762", Some(6000.0), Some(150_000.0))
    );
    let (row, i) = &p.industries[1];
    assert_eq!(
        (*row, i.code.as_str(), i.employment, i.output),
        (5, "0173", Some(12_000_000.0), Some(5000.0))
    );
}

#[test]
fn firms_with_english_headers_flags_and_percent() {
    let s = sheet(
        "firms",
        "firm name,industry code,revenue (亿元),leading firm,local sourcing share (%)\nA,1762,4.2,yes,60\nB,17.0,0.1,否,\n",
    );
    let p = read(&s, None).unwrap();
    assert_eq!(p.kind, TableKind::Firms);
    let a = &p.firms[0].1;
    assert_eq!(
        (a.revenue, a.leading, a.local_sourcing_share),
        (Some(42_000.0), Some(true), Some(0.6))
    );
    assert_eq!(p.firms[1].1.industry.as_deref(), Some("17"));
    assert_eq!(p.firms[1].1.leading, Some(false));
}

#[test]
fn a_code_that_lost_its_leading_zero_is_restored_and_noted() {
    let p = read(&sheet("行业", "代码,就业人数\n5,10\n990,3\n511,4\n"), None).unwrap();
    let codes: Vec<&str> = p.industries.iter().map(|(_, i)| i.code.as_str()).collect();
    assert_eq!(codes, ["05", "0990", "511"]);
    assert_eq!(p.notes.len(), 2);
    assert_eq!(p.notes[1].cell(), "A3");
}

#[test]
fn errors_name_sheet_row_column_and_cell() {
    let e = read(&sheet("企业", "企业名称,就业人数\n甲,12\n乙,十二\n"), None).unwrap_err();
    assert_eq!(
        (e.row, e.column.as_str(), e.cell().as_str()),
        (3, "B", "B3")
    );
    assert_eq!(
        e.message(Lang::Zh),
        "工作表“企业”第 3 行 B 列（B3）：“十二”不是数字"
    );
    assert_eq!(
        e.message(Lang::En),
        "sheet '企业', row 3, column B (cell B3): '十二' is not a number"
    );
    let e = read(&sheet("S", "行业代码,就业人数\n99x,1\n"), None).unwrap_err();
    assert_eq!(e.cell(), "A2");
    let e = read(&sheet("S", "hello\nworld\n"), None).unwrap_err();
    assert_eq!(e.row, 0);
    let e = read(&sheet("S", "行业代码,就业人数（千人）\n17,1\n"), None).unwrap_err();
    assert_eq!(e.cell(), "B1");
}

#[test]
fn apply_is_all_or_nothing_and_locates_validation_errors() {
    let d = crate::dataset::Dataset::empty("甲镇");
    let e = read(&sheet("企业", "企业名称,就业人数\n甲,12\n,5\n"), None).unwrap_err();
    assert_eq!((e.row, e.cell().as_str()), (3, "A3"), "{e:?}");
    let p = read(
        &sheet("企业", "企业名称,本地配套率（%）\n甲,50\n乙,150\n"),
        None,
    )
    .unwrap();
    let e = apply(&d, &p).unwrap_err();
    assert_eq!((e.row, e.cell().as_str()), (3, "B3"), "{e:?}");
    let p = read(&sheet("企业", "企业名称,就业人数\n甲,12\n乙,5\n"), None).unwrap();
    let next = apply(&d, &p).unwrap();
    assert_eq!(next.firms.len(), 2);
    assert_eq!(next.firms[1].employment, Some(5.0));
}

#[test]
fn templates_read_back_as_their_table() {
    for lang in [Lang::Zh, Lang::En] {
        for kind in [TableKind::Industries, TableKind::Firms] {
            let rows = template(kind, lang);
            let csv = to_csv(&rows);
            let p = read(&sheet("Sheet1", &csv), Some(kind)).unwrap();
            assert_eq!(p.len(), 1, "{kind:?} {lang:?}");
            let mapped = p.columns.iter().filter(|c| c.field.is_some()).count();
            assert_eq!(
                mapped,
                rows[0].len(),
                "{kind:?} {lang:?}: every template column is read"
            );
            apply(&crate::dataset::Dataset::empty("甲镇"), &p).unwrap();
        }
    }
}

#[test]
fn csv_cells_are_neutralised() {
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("-12.5"), "-12.5");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
}
