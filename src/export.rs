//! Results as CSV (UTF-8 with a byte-order mark, so Excel and WPS open the Chinese text correctly): the
//! location quotients, each cluster's key figures and the suggested measures with their evidence. Every number
//! is the engine's, printed with full precision; nothing is computed here.

use crate::components::lq_results::band_text;
use crate::components::summary::evidence_text;
use clustercalc_core::analyze::Report;
use clustercalc_core::Lang;

/// One CSV field: quoted when needed, and a leading `= + - @` (or tab/CR) neutralised with an apostrophe, so
/// a name from a file cannot run as a spreadsheet formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The results of a report as CSV text, headed in `lang`.
pub fn results_csv(r: &Report, lang: Lang) -> String {
    let t = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &[t("区位熵（就业）", "Location quotients (employment)")],
    );
    row(
        &mut out,
        &[
            t("行业代码", "Code"),
            t("行业", "Industry"),
            t("本镇就业（人）", "Town employment"),
            "LQ".into(),
            t("分档", "Band"),
        ],
    );
    if let Some(s) = r.specialisation.computed() {
        if let Some(table) = &s.employment {
            for i in &table.industries {
                row(
                    &mut out,
                    &[
                        i.code.clone(),
                        i.name.clone(),
                        i.value.to_string(),
                        i.lq.to_string(),
                        band_text(i.band).get(lang).to_string(),
                    ],
                );
            }
        }
    }
    out.push_str("\r\n");
    row(&mut out, &[t("集群", "Clusters")]);
    row(
        &mut out,
        &[
            t("集群名称", "Cluster"),
            t("集群就业区位熵", "Cluster employment LQ"),
            t("成熟度指数", "Maturity index"),
            t("生命周期阶段", "Life-cycle stage"),
            t("产业链完整度", "Chain completeness"),
        ],
    );
    for c in &r.clusters {
        let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        row(
            &mut out,
            &[
                c.name.clone(),
                opt(c.lq.computed().and_then(|l| l.employment)),
                opt(c.maturity.computed().and_then(|m| m.index)),
                c.lifecycle
                    .stage
                    .map(|s| s.label().get(lang).to_string())
                    .unwrap_or_default(),
                opt(c.chain.computed().and_then(|ch| ch.completeness.value)),
            ],
        );
    }
    out.push_str("\r\n");
    row(&mut out, &[t("对策建议", "Suggested measures")]);
    row(
        &mut out,
        &[
            t("集群", "Cluster"),
            t("序号", "Rank"),
            t("对策", "Measure"),
            t("优先级", "Priority"),
            t("报告章节", "Seed chapter"),
            t("依据", "Evidence"),
        ],
    );
    if let Some(m) = r.measures.computed() {
        for c in &m.clusters {
            for (k, s) in c.measures.iter().enumerate() {
                let evidence: Vec<String> =
                    s.evidence.iter().map(|e| evidence_text(e, lang)).collect();
                row(
                    &mut out,
                    &[
                        c.cluster.clone(),
                        (k + 1).to_string(),
                        s.title.get(lang).to_string(),
                        s.priority.to_string(),
                        s.seed_ref.clone(),
                        evidence.join("; "),
                    ],
                );
            }
        }
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
