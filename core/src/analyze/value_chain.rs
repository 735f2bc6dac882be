//! The chain section: the cluster's template (bundled or the user's own) and its assessment.

use super::*;

/// The chain template of a cluster: the user's own, else a bundled one.
/// The Err side is the section to show instead (boxed: it is much larger than the template).
pub(crate) fn template_of(
    c: &Cluster,
) -> std::result::Result<chain::ChainTemplate, Box<Section<ChainAssessment>>> {
    if let Some(t) = &c.custom_template {
        let json = serde_json::json!({
            "id": t.id,
            "name": {"zh": t.name_zh, "en": t.name_en},
            "stages": t.stages.iter().map(|s| serde_json::json!({
                "id": s.id,
                "name": {"zh": s.name_zh, "en": s.name_en},
                "kind": s.kind.name(),
                "weight": s.weight.unwrap_or(1.0),
                "codes": s.codes,
            })).collect::<Vec<_>>(),
        });
        return chain::parse_template(&json.to_string()).map_err(|e| {
            Box::new(Section::refused(
                Text::new("自定义产业链模板", "custom chain template"),
                &e.within("custom_template"),
            ))
        });
    }
    match &c.chain_template {
        None => Err(Box::new(Section::missing(
            "未选择产业链模板（chain_template 或 custom_template）",
            "no chain template (chain_template or custom_template)",
        ))),
        Some(id) => chain::template(id).cloned().map_err(|e| {
            Box::new(Section::refused(
                Text::new("产业链模板", "chain template"),
                &e.within("chain_template"),
            ))
        }),
    }
}

/// The one stage of `template` whose GB/T 4754 小类 codes hold `code` (a firm's 4-digit code); `None` when no
/// stage or more than one does (hosiery's 1830 is both knitting and toe sewing: not guessed).
fn stage_of_code<'t>(template: &'t chain::ChainTemplate, code: &str) -> Option<&'t str> {
    if code.len() != 4 {
        return None;
    }
    let mut found = template
        .stages
        .iter()
        .filter(|s| s.codes.iter().any(|c| c == code));
    let first = found.next()?;
    found.next().is_none().then_some(first.id.as_str())
}

pub(crate) fn chain_section(
    c: &Cluster,
    lq: Option<f64>,
    k: usize,
    firms: &[&Firm],
    warnings: &mut Vec<Warning>,
) -> Section<ChainAssessment> {
    let template = match template_of(c) {
        Ok(t) => t,
        Err(s) => return *s,
    };
    let mut by_stage: BTreeMap<String, f64> = c
        .stage_firms
        .iter()
        .map(|(k, v)| (k.clone(), *v as f64))
        .collect();
    if by_stage.is_empty() {
        // From the firm list: a firm's own stage, else the stage its 4-digit industry code belongs to.
        let (mut by_code, mut unplaced) = (0usize, 0usize);
        for f in firms {
            let stage = match (&f.stage, &f.industry) {
                (Some(s), _) => Some(s.as_str()),
                (None, Some(code)) => {
                    let s = stage_of_code(&template, code.trim());
                    if s.is_some() {
                        by_code += 1;
                    } else {
                        unplaced += 1;
                    }
                    s
                }
                (None, None) => None,
            };
            if let Some(s) = stage {
                *by_stage.entry(s.to_string()).or_insert(0.0) += 1.0;
            }
        }
        if by_code > 0 {
            warnings.push(warn(
                "stage-from-code",
                format!(
                    "集群“{}”有 {by_code} 家企业未填产业链环节，已按其行业小类代码归入模板的环节；{unplaced} 家的代码不对应或对应多个环节，未归入",
                    c.name
                ),
                format!(
                    "cluster '{}': {by_code} firms without a chain stage were placed by their 4-digit industry code; {unplaced} whose code matches no stage or several were not",
                    c.name
                ),
                Some(format!("clusters[{k}]")),
            ));
        }
    }
    if by_stage.is_empty() {
        return Section::missing(
            "没有按产业链环节填写的企业数（stage_firms 或 firms[].stage）",
            "no firms by chain stage (stage_firms or firms' stage)",
        );
    }
    let opts = AssessOptions {
        lq,
        ..Default::default()
    };
    match chain::assess(&template, &by_stage, &opts) {
        Ok(a) => Section::Computed(a),
        Err(e) => Section::refused(
            Text::new("产业链评估", "chain assessment"),
            &e.within(&format!("clusters[{k}]")),
        ),
    }
}
