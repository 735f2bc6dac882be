//! Performance marks for the edit → recomputed results → repaint budget (issue 4: ≤ 16 ms for a town with 50
//! industries and 5 000 firms). `end2end/perf/edit-repaint.mjs` reads the `clustercalc:edit-to-paint` measures.
//!
//! An edit marks `clustercalc:edit`; the reactive system then recomputes the report and patches the DOM in
//! microtasks; the next animation frame runs after that, and a zero-delay timeout from it runs after the frame
//! is painted, where `clustercalc:painted` is marked and the measure taken. Several edits in one frame make one
//! measure, from the first of them.

use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Called at the start of every edit.
pub fn mark_edit() {
    // Native unit tests of the state have no browser.
    if !cfg!(target_arch = "wasm32") || PENDING.with(Cell::get) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(perf) = window.performance() else {
        return;
    };
    let _ = perf.mark("clustercalc:edit");
    PENDING.with(|p| p.set(true));
    let after_paint = Closure::once_into_js(move || {
        PENDING.with(|p| p.set(false));
        if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
            let _ = perf.mark("clustercalc:painted");
            let _ = perf.measure_with_start_mark_and_end_mark(
                "clustercalc:edit-to-paint",
                "clustercalc:edit",
                "clustercalc:painted",
            );
        }
    });
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(after_paint.unchecked_ref());
        }
    });
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        PENDING.with(|p| p.set(false));
    }
}

/// Runs `f` and records its duration as the performance measure `name` (no-op outside the browser).
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let perf = if cfg!(target_arch = "wasm32") {
        web_sys::window().and_then(|w| w.performance())
    } else {
        None
    };
    let Some(perf) = perf else { return f() };
    let (start, end) = (format!("{name}:start"), format!("{name}:end"));
    let _ = perf.mark(&start);
    let r = f();
    let _ = perf.mark(&end);
    let _ = perf.measure_with_start_mark_and_end_mark(name, &start, &end);
    r
}
