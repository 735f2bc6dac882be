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

// ---- Tables as a township statistics office makes them (issues 15 and 19) ----

/// Title row, 填报单位 and 单位：千元 row, a two-row header (从业人员 over 平均人数 / 期末人数), a 栏次 row, a 合计
/// row before the data, full-width digits and thousands separators, a code that lost its leading zero.
const OFFICE_TABLE: &str = "\
大唐镇2023年分行业主要经济指标,,,,,,
填报单位：大唐镇统计站,,,,,单位：千元,
行业代码,行业名称,企业个数（个）,从业人员,,营业收入,利税总额
,,,平均人数,期末人数,,
甲,乙,1,2,3,4,5
合　计,,30,\"8,100\",8300,\"１２３，４５６\",9000
1762,针织或钩针编织物及其制品制造,20,6000,6100,100000,7000
5,农林牧渔专业及辅助性活动,5,\"1,100\",1200,\"20,000.5\",1500

1810,机织服装制造,5,1000,1000,3455.5,500
";

#[test]
fn a_statistics_office_table_reads_with_its_title_unit_row_two_row_header_and_total() {
    let p = read(&sheet("Sheet1", OFFICE_TABLE), None).unwrap();
    assert_eq!(p.kind, TableKind::Industries);
    assert_eq!((p.header_row, p.header_last_row), (3, 4));
    assert_eq!(p.dropped_rows, vec![6]);
    assert_eq!(p.blank_rows, 1);
    let got: Vec<_> = p
        .industries
        .iter()
        .map(|(r, i)| (*r, i.code.as_str(), i.firms, i.employment, i.output))
        .collect();
    assert_eq!(
        got,
        vec![
            (7, "1762", Some(20), Some(6000.0), Some(10_000.0)),
            (8, "05", Some(5), Some(1100.0), Some(2000.05)),
            (10, "1810", Some(5), Some(1000.0), Some(345.55)),
        ]
    );
    let field = |col: &str| {
        p.columns
            .iter()
            .find(|c| c.column == col)
            .map(|c| (c.header.as_str(), c.field, c.factor, c.unit.as_str()))
    };
    assert_eq!(
        field("D"),
        Some(("从业人员 / 平均人数", Some("employment"), 1.0, ""))
    );
    assert_eq!(field("E"), Some(("从业人员 / 期末人数", None, 1.0, "")));
    assert_eq!(field("F"), Some(("营业收入", Some("output"), 0.1, "千元")));
    assert_eq!(field("G"), Some(("利税总额", None, 1.0, "")));
    let note = |col: &str| {
        p.columns
            .iter()
            .find(|c| c.column == col)
            .and_then(|c| c.note.clone())
            .map(|t| t.zh)
            .unwrap_or_default()
    };
    assert_eq!(
        note("E"),
        "已用 D 列“从业人员 / 平均人数”作就业人数（平均人数优先于期末人数）"
    );
    assert_eq!(
        note("F"),
        "千元 → 万元（据第 2 行“单位：千元”）；无产值列，营业收入作产值"
    );
    assert_eq!(note("G"), "数据集中没有这一项");
    let notes: Vec<String> = p.notes.iter().map(|n| n.message(Lang::Zh)).collect();
    assert!(
        notes.contains(
            &"工作表“Sheet1”第 6 行：“合　计”是合计行，未导入（与各行之和相符）".to_string()
        ),
        "{notes:#?}"
    );
    assert!(
        notes.contains(
            &"工作表“Sheet1”第 3 行 F 列（F3）：营业收入：千元 → 万元（据第 2 行“单位：千元”）"
                .to_string()
        ),
        "{notes:#?}"
    );
    assert!(
        notes.contains(&"工作表“Sheet1”第 8 行 A 列（A8）：代码补回前导 0：05".to_string()),
        "{notes:#?}"
    );
    let lines = p.describe(Lang::Zh);
    assert_eq!(
        lines[0],
        "工作表“Sheet1”：行业表，表头在第 3–4 行，导入 3 行"
    );
    assert!(
        lines.contains(&"  D 从业人员 / 平均人数 → 就业人数".to_string()),
        "{lines:#?}"
    );
    let d = apply(&crate::dataset::Dataset::empty("大唐镇"), &p).unwrap();
    assert_eq!(d.industries.len(), 3);
}

#[test]
fn a_total_that_does_not_match_the_rows_is_dropped_with_a_note() {
    let text = OFFICE_TABLE.replace("\"8,100\"", "9000");
    let p = read(&sheet("Sheet1", &text), None).unwrap();
    assert_eq!(p.industries.len(), 3);
    let n = p.notes.iter().find(|n| n.row == 6).unwrap();
    assert_eq!(
        n.reason.zh,
        "“合　计”是合计行，未导入；但与各行之和不符：就业人数合计 9000，各行之和 8100（可能漏了行，或合计含表外的单位）"
    );
    assert!(n.reason.en.contains("employment total 9000, rows 8100"));
}

#[test]
fn a_total_row_never_becomes_a_firm_and_percent_is_converted_once() {
    let p = read(
        &sheet(
            "规上企业",
            "企业名称,行业代码,从业人员期末人数（人）,营业收入（千元）,本地配套率（%）\n\
             甲针织有限公司,1762,100,\"12,345\",95%\n\
             乙袜业,1762,50,800,60\n\
             合计,,150,\"13,145\",\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.kind, TableKind::Firms);
    assert_eq!(p.firms.len(), 2);
    assert_eq!(p.dropped_rows, vec![4]);
    let f: Vec<_> = p
        .firms
        .iter()
        .map(|(_, f)| {
            (
                f.name.as_str(),
                f.employment,
                f.revenue,
                f.local_sourcing_share,
            )
        })
        .collect();
    assert_eq!(
        f,
        vec![
            ("甲针织有限公司", Some(100.0), Some(1234.5), Some(0.95)),
            ("乙袜业", Some(50.0), Some(80.0), Some(0.6)),
        ]
    );
    // A 小计 after its rows, and 其中 rows, are dropped too.
    let p = read(
        &sheet(
            "企业",
            "企业名称,从业人员\n甲,10\n乙,20\n小计,30\n其中：规上,10\n丙,5\n#丁,1\n",
        ),
        None,
    )
    .unwrap();
    let names: Vec<&str> = p.firms.iter().map(|(_, f)| f.name.as_str()).collect();
    assert_eq!(names, ["甲", "乙", "丙"]);
    assert_eq!(p.dropped_rows, vec![4, 5, 7]);
    assert!(p.notes[0].reason.zh.contains("与各行之和相符"));
}

#[test]
fn percent_cells_and_headers_are_converted_once() {
    let read_shares = |text: &str| -> Vec<Option<f64>> {
        read(&sheet("行业", text), None)
            .unwrap()
            .industries
            .iter()
            .map(|(_, i)| i.outside_sales_share)
            .collect()
    };
    // 95% typed in a cell under the template's own （%） header: 0.95, not 0.0095.
    assert_eq!(
        read_shares("行业代码,外销比例（%）\n17,95%\n18,85\n"),
        [Some(0.95), Some(0.85)]
    );
    // A percent-formatted Excel cell arrives as 0.95: read as a fraction, with a note.
    let p = read(
        &sheet("行业", "行业代码,外销比例（%）\n17,0.95\n18,0.6\n"),
        None,
    )
    .unwrap();
    assert_eq!(p.industries[0].1.outside_sales_share, Some(0.95));
    assert!(p.columns[1]
        .note
        .as_ref()
        .unwrap()
        .zh
        .contains("不再除以 100"));
    // A share header without % over 85: read as 85 %.
    assert_eq!(
        read_shares("行业代码,外销比例\n17,85\n18,40.5\n"),
        [Some(0.85), Some(0.405)]
    );
    assert_eq!(read_shares("行业代码,外销比例\n17,0.3\n"), [Some(0.3)]);
}

#[test]
fn unit_conversions_keep_the_precision_of_the_input() {
    let n = |v: f64, decimals: i32, percent: bool| RawNum {
        v,
        decimals,
        percent,
    };
    assert_eq!(convert(n(4.52, 2, false), 10_000.0), 45_200.0);
    assert_eq!(convert(n(95.0, 0, true), 1.0), 0.95);
    assert_eq!(convert(n(95.0, 0, false), 0.01), 0.95);
    assert_eq!(convert(n(12_345.0, 0, false), 0.0001), 1.2345);
    assert_eq!(convert(n(3455.5, 1, false), 0.1), 345.55);
    assert_eq!(convert(n(1.23, 2, false), 10_000.0), 12_300.0);
    let p = read(
        &sheet(
            "行业",
            "行业代码,就业人数（万人）,产值（亿元）\n17,4.52,0.07\n",
        ),
        None,
    )
    .unwrap();
    let i = &p.industries[0].1;
    assert_eq!((i.employment, i.output), (Some(45_200.0), Some(700.0)));
}

#[test]
fn semicolon_csv_with_decimal_commas_is_detected() {
    let rows =
        parse_delimited("Tabelle 1\ncode;name;employment;output\n17;Textiles;1.234,5;12,5\n");
    assert_eq!(rows[2], vec!["17", "Textiles", "1234.5", "12.5"]);
    let p = read(
        &sheet(
            "S",
            "行业代码;行业名称;就业人数;产值（万元）\n17;纺织业;1200;12,5\n18;服装;300;0,75\n",
        ),
        None,
    )
    .unwrap();
    let out: Vec<Option<f64>> = p.industries.iter().map(|(_, i)| i.output).collect();
    assert_eq!(out, [Some(12.5), Some(0.75)]);
    // A comma CSV keeps its thousands separators, and a title line does not decide the delimiter.
    let rows = parse_delimited("表一；说明\n代码,就业\n17,\"1,774\"\n18,5\n");
    assert_eq!(rows[2], vec!["17", "1,774"]);
}

#[test]
fn section_letters_and_standard_names_are_industry_codes() {
    assert!(crate::dataset::is_industry_code("C"));
    assert!(crate::dataset::is_industry_code("1762"));
    assert!(!crate::dataset::is_industry_code("U"));
    assert!(!crate::dataset::is_industry_code("c"));
    assert!(!crate::dataset::is_industry_code("C1"));
    let p = read(
        &sheet(
            "按门类",
            "门类,名称,从业人员\nA,农、林、牧、渔业,100\nc,制造业,2000\nF 批发和零售业,,300\n",
        ),
        None,
    )
    .unwrap();
    let got: Vec<(&str, &str)> = p
        .industries
        .iter()
        .map(|(_, i)| (i.code.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("A", "农、林、牧、渔业"),
            ("C", "制造业"),
            ("F", "批发和零售业")
        ]
    );
    apply(&crate::dataset::Dataset::empty("甲镇"), &p).unwrap();
    // Names only, as many township reports give them, with a 合计 row.
    let p = read(
        &sheet(
            "S",
            "行业,从业人员平均人数\n合计,2400\n农林牧渔业,100\n制造业,2000\n住宿和餐饮业,300\n",
        ),
        None,
    )
    .unwrap();
    let codes: Vec<&str> = p.industries.iter().map(|(_, i)| i.code.as_str()).collect();
    assert_eq!(codes, ["A", "C", "H"]);
    assert_eq!(p.dropped_rows, vec![2]);
    // Section and division together (C13), and a name the standard does not know.
    let p = read(&sheet("S", "行业代码,就业人数\nC13,10\nC1762,5\n"), None).unwrap();
    let codes: Vec<&str> = p.industries.iter().map(|(_, i)| i.code.as_str()).collect();
    assert_eq!(codes, ["13", "1762"]);
    let e = read(&sheet("S", "行业代码,就业人数\nA13,10\n"), None).unwrap_err();
    assert_eq!(e.cell(), "A2");
    let e = read(&sheet("S", "行业,就业人数\n针织袜业,10\n"), None).unwrap_err();
    assert_eq!(e.cell(), "A2");
    assert!(e.reason.zh.contains("请加“行业代码”列"));
}

#[test]
fn an_industry_listed_with_its_breakdown_is_counted_once() {
    // C is the sum of 17 and 18: the breakdown is kept.
    let p = read(
        &sheet(
            "行业",
            "行业代码,行业名称,从业人员\nC,制造业,3000\n17,纺织业,1000\n18,服装,2000\nF,批发和零售业,500\n",
        ),
        None,
    )
    .unwrap();
    let codes: Vec<&str> = p.industries.iter().map(|(_, i)| i.code.as_str()).collect();
    assert_eq!(codes, ["17", "18", "F"]);
    assert_eq!(p.dropped_rows, vec![2]);
    // 17 is only a part of C (其中): C is kept.
    let p = read(
        &sheet(
            "行业",
            "行业代码,行业名称,从业人员\nC,制造业,3000\n17,纺织业,1000\nF,批发和零售业,500\n",
        ),
        None,
    )
    .unwrap();
    let codes: Vec<&str> = p.industries.iter().map(|(_, i)| i.code.as_str()).collect();
    assert_eq!(codes, ["C", "F"]);
    assert_eq!(p.dropped_rows, vec![3]);
}

#[test]
fn a_total_without_a_label_is_found_by_its_sum() {
    let p = read(
        &sheet(
            "行业",
            "行业代码,从业人员,产值\n17,100,10.5\n18,200,20\n,300,30.5\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.industries.len(), 2);
    assert_eq!(p.dropped_rows, vec![4]);
    let e = read(
        &sheet(
            "行业",
            "行业代码,从业人员,产值\n17,100,10\n18,200,20\n,300,40\n",
        ),
        None,
    )
    .unwrap_err();
    assert_eq!(e.cell(), "A4");
    // A first row whose every figure is the sum of the rest (the town itself, listed as a firm).
    let p = read(
        &sheet(
            "企业",
            "企业名称,从业人员,营业收入\n大唐镇,350,600\n甲,100,200\n乙,250,400\n丙,0,0\n",
        ),
        None,
    )
    .unwrap();
    let names: Vec<&str> = p.firms.iter().map(|(_, f)| f.name.as_str()).collect();
    assert_eq!(names, ["甲", "乙", "丙"]);
    // One firm as big as the others together, in one figure only, stays a firm.
    let p = read(
        &sheet(
            "企业",
            "企业名称,从业人员,营业收入\n甲,300,10\n乙,100,20\n丙,200,30\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.firms.len(), 3);
}

#[test]
fn years_in_a_column_or_in_headers_become_history() {
    let p = read(
        &sheet(
            "行业",
            "年份,行业代码,从业人员,产值\n2021,17,800,70\n2022,17,900,80\n2023,17,1000,90\n2023年,18,50,5\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.year, Some(2023));
    assert_eq!(p.industries.len(), 2);
    let i = &p.industries[0].1;
    assert_eq!((i.employment, i.output), (Some(1000.0), Some(90.0)));
    let h: Vec<(i32, Option<f64>)> = i.history.iter().map(|y| (y.year, y.employment)).collect();
    assert_eq!(h, [(2021, Some(800.0)), (2022, Some(900.0))]);
    let d = apply(&crate::dataset::Dataset::empty("甲镇"), &p).unwrap();
    assert_eq!(d.town.year, Some(2023));
    let mut old = crate::dataset::Dataset::empty("甲镇");
    old.town.year = Some(2022);
    let e = apply(&old, &p).unwrap_err();
    assert!(e.reason.zh.contains("最近一年是 2023 年"), "{e:?}");

    // Years as column groups, in one header row or as a group over years.
    for text in [
        "行业代码,2022年从业人员,2023年从业人员,2023年产值（亿元）\n17,900,1000,0.5\n",
        "行业代码,从业人员,,产值（亿元）\n,2022年,2023年,2023年\n17,900,1000,0.5\n",
    ] {
        let p = read(&sheet("行业", text), None).unwrap();
        assert_eq!(p.year, Some(2023), "{text}");
        let i = &p.industries[0].1;
        assert_eq!(
            (i.employment, i.output),
            (Some(1000.0), Some(5000.0)),
            "{text}"
        );
        assert_eq!(i.history.len(), 1, "{text}");
        assert_eq!(i.history[0].year, 2022);
        assert_eq!(i.history[0].employment, Some(900.0));
    }
    // A firm list keeps the latest year's rows.
    let p = read(
        &sheet(
            "企业",
            "年份,企业名称,从业人员\n2022,甲,10\n2023,甲,12\n2023,乙,5\n",
        ),
        None,
    )
    .unwrap();
    let f: Vec<(&str, Option<f64>)> = p
        .firms
        .iter()
        .map(|(_, f)| (f.name.as_str(), f.employment))
        .collect();
    assert_eq!(f, [("甲", Some(12.0)), ("乙", Some(5.0))]);
}

#[test]
fn census_indicator_names_and_an_industry_table_with_revenue() {
    // An economic-census industry table with 营业收入 is an industries table, not a firm list.
    let p = read(
        &sheet(
            "Sheet1",
            "行业代码,行业名称,法人单位数（个）,从业人员期末人数（人）,营业收入（千元）,增加值（万元）\n17,纺织业,12,800,\"5,000\",120\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.kind, TableKind::Industries);
    let i = &p.industries[0].1;
    assert_eq!(
        (i.firms, i.employment, i.output, i.value_added),
        (Some(12), Some(800.0), Some(500.0), Some(120.0))
    );
    // With both 工业总产值 and 主营业务收入, output is 工业总产值.
    let p = read(
        &sheet(
            "行业",
            "行业代码,主营业务收入,工业总产值（当年价格）,从业人员期末人数,从业人员平均人数\n17,90,100,12,10\n",
        ),
        None,
    )
    .unwrap();
    let i = &p.industries[0].1;
    assert_eq!((i.output, i.employment), (Some(100.0), Some(10.0)));
    assert!(p.columns[1]
        .note
        .as_ref()
        .unwrap()
        .zh
        .contains("产值优先于营业收入"));
    // A unit row of one unit per column under the header, and a 计量单位 row below the header.
    let p = read(
        &sheet(
            "行业",
            "行业代码,从业人员,营业收入\n,人,千元\n17,100,1000\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.industries[0].1.output, Some(100.0));
    let p = read(
        &sheet(
            "行业",
            "行业代码,从业人员,营业收入\n计量单位：亿元\n17,100,1.5\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.industries[0].1.output, Some(15_000.0));
    // 填报单位 is not a unit.
    let p = read(
        &sheet(
            "行业",
            "填报单位：大唐镇\n行业代码,从业人员,营业收入\n17,100,1000\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(p.industries[0].1.output, Some(1000.0));
}

#[test]
fn the_results_workbook_is_refused_as_input() {
    let names: Vec<String> = ["摘要", "区位商", "乘数", "产业链"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let e = check_workbook(&names).unwrap_err();
    assert!(e.message(Lang::Zh).contains("结果工作簿"));
    assert!(check_workbook(&["行业".to_string(), "企业".to_string()]).is_ok());
    let e = read(
        &sheet(
            "区位商",
            "行业代码,行业,本镇就业（人）,LQ,分档\n17,纺织业,6000,3.2,高\n",
        ),
        None,
    )
    .unwrap_err();
    assert!(e.message(Lang::En).contains("results workbook"));
}

#[test]
fn firms_roll_up_to_their_divisions() {
    let p = read(
        &sheet(
            "企业",
            "企业名称,行业代码,从业人员,营业收入\n甲,1762,100,50\n乙,1711,20,\n丙,1810,30,7.5\n丁,,5,1\n",
        ),
        None,
    )
    .unwrap();
    let firms: Vec<Firm> = p.firms.iter().map(|(_, f)| f.clone()).collect();
    assert_eq!(firms[0].industry.as_deref(), Some("1762"));
    let r = industries_from_firms(&firms);
    let got: Vec<_> = r
        .industries
        .iter()
        .map(|i| {
            (
                i.code.as_str(),
                i.name.as_str(),
                i.firms,
                i.employment,
                i.output,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("17", "纺织业", Some(2), Some(120.0), Some(50.0)),
            ("18", "纺织服装、服饰业", Some(1), Some(30.0), Some(7.5)),
        ]
    );
    assert_eq!((r.uncoded, r.missing_revenue), (1, 1));
}

#[test]
fn a_section_level_table_is_analysed_at_section_level() {
    let p = read(
        &sheet(
            "按门类",
            "行业门类,门类名称,从业人员平均人数\n合计,,1000\nA,农、林、牧、渔业,100\nC,制造业,600\nH,住宿和餐饮业,300\n",
        ),
        None,
    )
    .unwrap();
    let mut d = apply(&crate::dataset::Dataset::empty("甲镇"), &p).unwrap();
    let with_reference = |d: &crate::dataset::Dataset, basis: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&d.to_json_pretty()).unwrap();
        v["reference"] = serde_json::json!({
            "name": "全国", "employment": {"A": 2000, "C": 3000, "H": 5000}
        });
        v["parameters"] = serde_json::json!({ "lq_basis": basis });
        crate::dataset::Dataset::from_json(&v.to_string()).unwrap()
    };
    let lqs = |d: &crate::dataset::Dataset| -> Vec<(String, f64)> {
        let r = crate::analyze::analyze(d);
        let v = serde_json::to_value(&r).unwrap();
        v["specialisation"]["employment"]["industries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["code"].as_str().unwrap().to_string(),
                    (i["lq"].as_f64().unwrap() * 1000.0).round() / 1000.0,
                )
            })
            .collect()
    };
    d = with_reference(&d, "all");
    // (100/1000)/(2000/10000) = 0.5; (600/1000)/(3000/10000) = 2; (300/1000)/(5000/10000) = 0.6.
    assert_eq!(
        lqs(&d),
        [("A".into(), 0.5), ("C".into(), 2.0), ("H".into(), 0.6)]
    );
    // The traded basis keeps the primary and secondary sections (A–E), as it keeps divisions 01–50:
    // (100/700)/(2000/5000) = 0.357, (600/700)/(3000/5000) = 1.429.
    let d = with_reference(&d, "traded");
    assert_eq!(lqs(&d), [("A".into(), 0.357), ("C".into(), 1.429)]);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Cells a statistics table is made of, shuffled into any grid.
    const TOKENS: &[&str] = &[
        "",
        "合计",
        "合　计",
        "小计",
        "其中：规上",
        "#纺织业",
        "第二产业",
        "单位：千元",
        "计量单位：万元、人",
        "填报单位：某镇",
        "甲",
        "乙",
        "1",
        "2",
        "行业代码",
        "行业名称",
        "企业名称",
        "从业人员",
        "平均人数",
        "期末人数",
        "从业人员平均人数",
        "营业收入（千元）",
        "工业总产值",
        "外销比例（%）",
        "2022年从业人员",
        "年份",
        "2022",
        "2023年",
        "C",
        "17",
        "1762",
        "C13",
        "制造业",
        "05",
        "5",
        "95%",
        "0.95",
        "85",
        "1,234.5",
        "１２３，４５６",
        "12,5",
        "-3",
        "4.52",
        "是",
        "LQ",
        "千元",
        "人",
        "x",
    ];

    fn grid() -> impl Strategy<Value = Vec<Vec<String>>> {
        prop::collection::vec(
            prop::collection::vec(prop::sample::select(TOKENS).prop_map(str::to_string), 0..7),
            0..14,
        )
    }

    proptest! {
        #[test]
        fn any_table_is_read_or_refused_and_an_applied_import_is_valid(rows in grid()) {
            let sheet = Sheet { name: "S".into(), rows };
            let base = crate::dataset::Dataset::empty("镇");
            for kind in [None, Some(TableKind::Industries), Some(TableKind::Firms)] {
                match read(&sheet, kind) {
                    Ok(p) => {
                        prop_assert!(!p.is_empty());
                        let _ = p.describe(Lang::En);
                        if let Ok(d) = apply(&base, &p) {
                            prop_assert!(d.validate().is_ok());
                            let names: Vec<&str> = d.firms.iter().map(|f| f.name.as_str()).collect();
                            prop_assert!(!names.contains(&"合计") && !names.contains(&"小计"));
                        }
                    }
                    Err(e) => {
                        let _ = e.message(Lang::Zh);
                    }
                }
            }
        }
    }
}

/// Issue 19: a workbook whose firm sheet has a problem must show that problem, not preview the next sheet in
/// its place; sheets without a table are passed over and said to be.
#[test]
fn the_sheet_with_a_table_is_chosen_and_skipped_sheets_are_named() {
    let book = [
        sheet("封面", ""),
        sheet("说明", "本表由镇统计站填报\n联系人,张三\n"),
        sheet(
            "规上",
            "企业名称,行业代码,营业收入（万元）\n甲,1762,100\n,1762,50\n",
        ),
        sheet("规下", "企业名称,行业代码,营业收入（万元）\n丙,1762,10\n"),
    ];
    let c = choose_sheet(&book, None).unwrap();
    assert_eq!(c.index, 2);
    let e = c.result.unwrap_err();
    assert_eq!((e.sheet.as_str(), e.row), ("规上", 3));
    let skipped: Vec<&str> = c.skipped.iter().map(|e| e.sheet.as_str()).collect();
    assert_eq!(skipped, ["封面", "说明"]);
    assert!(c.skipped[0].message(Lang::Zh).contains("空白工作表"));
    assert_eq!(c.others, ["规下"]);
    // Nothing with a table: the first sheet's problem, the rest named as skipped.
    let c = choose_sheet(&book[..2], None).unwrap();
    assert_eq!((c.index, c.skipped.len()), (1, 1));
    assert_eq!(c.result.unwrap_err().sheet, "说明");
    assert!(choose_sheet(&book[..1], None).is_none());
}

/// Issue 19: re-importing this year's industries table keeps the earlier years the dataset holds.
#[test]
fn an_industries_import_keeps_the_history_of_the_same_codes() {
    let mut d = Dataset::empty("镇");
    d.industries = vec![Industry {
        code: "17".into(),
        name: "纺织业".into(),
        employment: Some(100.0),
        history: vec![crate::dataset::YearFigures {
            year: 2019,
            employment: Some(80.0),
            ..Default::default()
        }],
        ..Industry::default()
    }];
    let p = read(
        &sheet(
            "行业",
            "行业代码,行业名称,从业人员（人）\n17,纺织业,120\n18,服装,30\n",
        ),
        None,
    )
    .unwrap();
    assert_eq!(history_kept(&d, &p), 1);
    let next = apply(&d, &p).unwrap();
    assert_eq!(next.industries[0].employment, Some(120.0));
    assert_eq!(next.industries[0].history.len(), 1);
    assert_eq!(next.industries[0].history[0].employment, Some(80.0));
    assert!(next.industries[1].history.is_empty());
}
