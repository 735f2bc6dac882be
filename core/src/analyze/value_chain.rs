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

pub(crate) fn chain_section(
    c: &Cluster,
    lq: Option<f64>,
    k: usize,
    firms: &[&Firm],
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
        for f in firms {
            if let Some(s) = &f.stage {
                *by_stage.entry(s.clone()).or_insert(0.0) += 1.0;
            }
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
