//! The Town Cluster Calculator web app (Leptos, client-side rendering).
//!
//! The app parses what the user types, keeps it (autosave), asks `clustercalc_core` for every number and
//! presents the results. It never computes a metric itself: see ARCHITECTURE.md.

pub mod app;
pub mod components;
pub mod format;
pub mod i18n;
pub mod state;
pub mod storage;

/// Mounts the app on `<body>`, replacing the static loading text.
pub fn start() {
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    // Marks the first meaningful render (the app is in the DOM) for scripts/perf-report.sh.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("clustercalc:rendered");
    }
}
