//! Results for spreadsheets: the same tables as CSV (UTF-8 with a byte-order mark, so Excel and WPS open the
//! Chinese text correctly) and as an .xlsx workbook with one sheet per table (summary, LQs, multipliers, chain,
//! maturity, checklists, measures with their evidence). Every number is the engine's at full precision; nothing
//! is computed here. Non-finite numbers are left blank, never written as NaN.

use crate::components::checklists_view::status_text;
use crate::components::lq_results::band_text;
use crate::sheets::Cell;
use clustercalc_core::analyze::Report;
use clustercalc_core::present::document::evidence_text;
use clustercalc_core::Lang;

/// One CSV field: quoted when needed, and a leading `= + - @` (or tab/CR) neutralised with an apostrophe, so
/// a name from a file cannot run as a spreadsheet formula.
fn field(s: &str) -> String {
    clustercalc_core::import::csv_cell(s)
}

/// A results table: its title (the sheet name in a workbook) and rows, the first of which is the header.
pub type Table = (String, Vec<Vec<Cell>>);

fn num(v: Option<f64>) -> Cell {
    Cell::number(v)
}

/// Every results table of a report, headed in `lang`: summary, LQs, multipliers, chain, maturity, checklists
/// and measures. Only what the engine reported; a section the data does not allow is left out.
pub fn result_tables(r: &Report, lang: Lang) -> Vec<Table> {
    let t = |zh: &str, en: &str| Cell::text(lang.pick(zh, en));
    let mut tables = Vec::new();

    // Summary: the town and each cluster's key figures.
    let mut summary = vec![vec![
        t("项目", "Item"),
        t("数值", "Value"),
        t("说明", "Note"),
    ]];
    summary.push(vec![
        t("乡镇", "Town"),
        Cell::text(r.town.name.clone()),
        Cell::Empty(()),
    ]);
    summary.push(vec![
        t("就业合计（人）", "Employment total (persons)"),
        num(r.town.employment_total),
        Cell::text(r.town.employment_total_basis.clone()),
    ]);
    summary.push(vec![
        t("产值合计（万元）", "Output total (万元)"),
        num(r.town.output_total),
        Cell::Empty(()),
    ]);
    for c in &r.clusters {
        let name = |zh: &str, en: &str| Cell::text(format!("{} · {}", c.name, lang.pick(zh, en)));
        let lq = c.lq.computed();
        summary.push(vec![
            name("集群就业区位商", "cluster employment LQ"),
            num(lq.and_then(|l| l.employment)),
            Cell::text(lq.map(|l| l.variant.clone()).unwrap_or_default()),
        ]);
        let maturity = c.maturity.computed();
        summary.push(vec![
            name("成熟度指数（0–100）", "maturity index (0–100)"),
            num(maturity.and_then(|m| m.index)),
            Cell::text(maturity.map(|m| m.method.clone()).unwrap_or_default()),
        ]);
        summary.push(vec![
            name("生命周期阶段", "life-cycle stage"),
            Cell::text(
                c.lifecycle
                    .stage
                    .map(|s| s.label().get(lang).to_string())
                    .unwrap_or_default(),
            ),
            Cell::text(c.lifecycle.method.clone()),
        ]);
    }
    tables.push((lang.pick("摘要", "Summary").to_string(), summary));

    // Location quotients.
    let mut lq = vec![vec![
        t("行业代码", "Code"),
        t("行业", "Industry"),
        t("本镇就业（人）", "Town employment"),
        Cell::text("LQ"),
        t("分档", "Band"),
    ]];
    if let Some(table) = r
        .specialisation
        .computed()
        .and_then(|s| s.employment.as_ref())
    {
        for i in &table.industries {
            lq.push(vec![
                Cell::text(i.code.clone()),
                Cell::text(i.name.clone()),
                Cell::number(Some(i.value)),
                Cell::number(Some(i.lq)),
                Cell::text(band_text(i.band).get(lang)),
            ]);
        }
    }
    tables.push((lang.pick("区位商", "Location quotients").to_string(), lq));

    // Multipliers, each with its variant.
    let mut m = vec![vec![
        t("乘数", "Multiplier"),
        t("数值", "Value"),
        t("方法变体", "Variant"),
    ]];
    if let Some(e) = r.economic_base.computed() {
        m.push(vec![
            t("经济基础乘数", "Economic-base multiplier"),
            Cell::number(Some(e.result.multiplier)),
            Cell::text(e.result.variant.clone()),
        ]);
    }
    if let Some(k) = r.keynes.computed() {
        m.push(vec![
            t("凯恩斯乘数", "Keynesian multiplier"),
            Cell::number(Some(k.result.multiplier)),
            Cell::text(k.result.variant.clone()),
        ]);
    }
    if let Some(io) = r.input_output.computed() {
        for (k, sector) in io.sectors.iter().enumerate() {
            m.push(vec![
                Cell::text(format!(
                    "{} · {sector}",
                    lang.pick("产出乘数（I 型）", "output multiplier (Type I)")
                )),
                num(io.result.output_multipliers.get(k).copied()),
                Cell::text(io.result.method.clone()),
            ]);
        }
    }
    tables.push((lang.pick("乘数", "Multipliers").to_string(), m));

    // Chain stages, per cluster.
    let mut chain = vec![vec![
        t("集群", "Cluster"),
        t("环节", "Stage"),
        t("企业数", "Firms"),
        t("是否具备", "Present"),
        t("占比", "Share"),
    ]];
    for c in &r.clusters {
        if let Some(a) = c.chain.computed() {
            for s in &a.stages {
                chain.push(vec![
                    Cell::text(c.name.clone()),
                    Cell::text(s.name.get(lang)),
                    num(s.firms),
                    Cell::text(if s.present {
                        lang.pick("是", "yes")
                    } else {
                        lang.pick("否", "no")
                    }),
                    num(s.share),
                ]);
            }
            chain.push(vec![
                Cell::text(c.name.clone()),
                t("产业链完整度", "Chain completeness"),
                num(a.completeness.value),
                Cell::Empty(()),
                Cell::text(a.completeness.formula.clone()),
            ]);
        }
    }
    tables.push((lang.pick("产业链", "Value chain").to_string(), chain));

    // Maturity dimensions.
    let mut maturity = vec![vec![
        t("集群", "Cluster"),
        t("维度", "Dimension"),
        t("得分（0–100）", "Score (0–100)"),
        t("权重", "Weight"),
        t("可用指标", "Indicators with data"),
    ]];
    for c in &r.clusters {
        if let Some(mt) = c.maturity.computed() {
            for d in &mt.dimensions {
                maturity.push(vec![
                    Cell::text(c.name.clone()),
                    Cell::text(d.label.get(lang)),
                    num(d.score),
                    Cell::number(Some(d.weight)),
                    Cell::text(format!("{}/{}", d.computable, d.total)),
                ]);
            }
        }
    }
    tables.push((lang.pick("成熟度", "Maturity").to_string(), maturity));

    // Checklists.
    let mut lists = vec![vec![
        t("集群", "Cluster"),
        t("清单", "Checklist"),
        t("条件", "Criterion"),
        t("状态", "Status"),
        t("本镇数值", "Value"),
        t("门槛", "Threshold"),
        t("来源", "Source"),
    ]];
    for c in &r.clusters {
        if let Some(ch) = c.checklists.computed() {
            for l in &ch.lists {
                for k in &l.criteria {
                    lists.push(vec![
                        Cell::text(c.name.clone()),
                        Cell::text(l.name.get(lang)),
                        Cell::text(k.text.get(lang)),
                        Cell::text(status_text(k.status).get(lang)),
                        num(k.value),
                        Cell::number(Some(k.threshold)),
                        Cell::text(k.source.clone()),
                    ]);
                }
            }
        }
    }
    tables.push((lang.pick("认定清单", "Checklists").to_string(), lists));

    // Measures with their evidence.
    let mut measures = vec![vec![
        t("集群", "Cluster"),
        t("序号", "Rank"),
        t("对策", "Measure"),
        t("优先级", "Priority"),
        t("报告章节", "Seed chapter"),
        t("依据", "Evidence"),
    ]];
    if let Some(m) = r.measures.computed() {
        for c in &m.clusters {
            for (k, s) in c.measures.iter().enumerate() {
                let evidence: Vec<String> =
                    s.evidence.iter().map(|e| evidence_text(e, lang)).collect();
                measures.push(vec![
                    Cell::text(c.cluster.clone()),
                    Cell::Number((k + 1) as f64),
                    Cell::text(s.title.get(lang)),
                    Cell::number(Some(s.priority)),
                    Cell::text(s.seed_ref.clone()),
                    Cell::text(evidence.join("; ")),
                ]);
            }
        }
    }
    tables.push((lang.pick("对策建议", "Measures").to_string(), measures));
    tables
}

fn csv_text(c: &Cell) -> String {
    match c {
        Cell::Number(v) => v.to_string(),
        Cell::Text(s) => field(s),
        Cell::Empty(()) => String::new(),
    }
}

/// The results of a report as CSV text, headed in `lang`: every table of [`result_tables`], each under its
/// title and followed by a blank line.
pub fn results_csv(r: &Report, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    for (title, rows) in result_tables(r, lang) {
        out.push_str(&field(&title));
        out.push_str("\r\n");
        for row in rows {
            let line: Vec<String> = row.iter().map(csv_text).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clustercalc_core::analyze::analyze;
    use clustercalc_core::dataset::Dataset;
    use clustercalc_core::examples;

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(field("大唐镇"), "大唐镇");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1.5"), "-1.5");
        assert_eq!(field("+86 电话"), "'+86 电话");
    }

    #[test]
    fn every_example_gives_seven_tables_of_finite_engine_numbers() {
        for name in examples::names() {
            let d = Dataset::from_json(examples::get(name).unwrap()).unwrap();
            let r = analyze(&d);
            for lang in [Lang::Zh, Lang::En] {
                let tables = result_tables(&r, lang);
                assert_eq!(tables.len(), 7, "{name}");
                for (title, rows) in &tables {
                    let width = rows[0].len();
                    for row in rows {
                        assert_eq!(row.len(), width, "{name} {title}");
                        for c in row {
                            if let Cell::Number(v) = c {
                                assert!(v.is_finite(), "{name} {title}");
                            }
                        }
                    }
                }
            }
        }
        let d = Dataset::from_json(examples::get("datang").unwrap()).unwrap();
        let r = analyze(&d);
        let tables = result_tables(&r, Lang::En);
        let m = r.economic_base.computed().unwrap().result.multiplier;
        let multipliers = &tables.iter().find(|t| t.0 == "Multipliers").unwrap().1;
        assert!(multipliers.iter().any(|row| row[1] == Cell::Number(m)));
        let measures = &tables.iter().find(|t| t.0 == "Measures").unwrap().1;
        let count = r.measures.computed().unwrap().clusters[0].measures.len();
        assert_eq!(measures.len(), count + 1);
    }

    #[test]
    fn the_datang_csv_carries_the_engine_numbers() {
        let d = Dataset::from_json(examples::get("datang").unwrap()).unwrap();
        let r = analyze(&d);
        let csv = results_csv(&r, Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let row18 = r
            .specialisation
            .computed()
            .unwrap()
            .employment
            .as_ref()
            .unwrap()
            .industries
            .iter()
            .find(|i| i.code == "18")
            .unwrap();
        assert!(
            csv.contains(&format!("18,{},45000,{},", row18.name, row18.lq)),
            "{csv}"
        );
        let cluster_lq = r.clusters[0].lq.computed().unwrap().employment.unwrap();
        assert!(csv.contains(&cluster_lq.to_string()));
        assert!(!csv.contains("NaN") && !csv.contains("inf"));
    }
}
