//! The measures section: the catalogue fed with each cluster's metrics, and the data to collect.

use super::*;

/// Ranked measures per cluster from the measure catalogue (engine B), fed with the cluster's own metrics
/// (never with a what-if scenario's figures) and filtered by the cluster's type (seed ch.6 一), and the data
/// still to collect.
pub(crate) fn measures_section(report: &Report) -> Section<MeasureList> {
    if report.clusters.is_empty() {
        return Section::missing(
            "未定义集群（clusters），无法诊断并提出对策",
            "no cluster defined (clusters): measures need a diagnosis",
        );
    }
    if let Err(e) = crate::measures::catalogue() {
        return Section::refused(Text::new("对策目录", "measure catalogue"), &e);
    }
    let catalogue = crate::measures::catalogue().unwrap_or(&[]);
    let clusters = report
        .clusters
        .iter()
        .map(|c| {
            let confidence = composite_confidence(c);
            let kind = c.typology.kind;
            let found = crate::measures::evaluate_for(catalogue, &c.metrics, &confidence, kind);
            let data_needed =
                crate::measures::data_needed_for(catalogue, &c.metrics, &found.suggested, kind);
            ClusterMeasures {
                cluster: c.name.clone(),
                measures: found.suggested,
                data_needed,
                set_aside: found.set_aside,
            }
        })
        .collect();
    Section::Computed(MeasureList { clusters })
}
