//! The Town Cluster Calculator web app (Leptos, client-side rendering).
//!
//! Two entry points share this library: the first screen (`shell::start`, the `clustercalc-web` binary, the
//! first download) and the workbench (`app::mount`, the `workbench/` module, loaded when the user chooses).
//!
//! The app parses what the user types, keeps it (autosave), asks `clustercalc_core` for every number and
//! presents the results. It never computes a metric itself: see ARCHITECTURE.md.

pub mod app;
pub mod big;
pub mod components;
pub mod export;
pub mod files;
pub mod format;
pub mod i18n;
pub mod launch;
pub mod perf;
pub mod recovery;
pub mod sheets;
pub mod shell;
pub mod state;
pub mod storage;
pub mod undo;
