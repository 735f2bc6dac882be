//! What an analysis returns: the typed metrics of a cluster ([`metric`]) and the report's sections.

pub mod metric;
pub mod sections;

pub use metric::{Metric, MetricInfo, Metrics, Unit};
