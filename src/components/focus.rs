//! Keyboard focus when the view changes under it: a button that disappears (新建乡镇, 设定研究的集群, 填写凯恩斯乘数
//! 参数), a new step, a new row. Without this the focus falls to `<body>` and someone on the keyboard needs dozens
//! of Tab presses to get back to where the work is.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// After the view has been updated (the next frame), focuses the first element matching `selector`. A heading
/// gets `tabindex="-1"` so that it can take focus without joining the Tab order.
pub fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(Some(el)) = doc.query_selector(selector) else {
            return;
        };
        let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        if el.tag_name().starts_with('H') && !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    });
}

/// The heading of the step shown in the data-entry column.
pub const STEP_HEADING: &str = ".entry section.panel h2";
/// The first field of the data-entry panel.
pub const FIRST_FIELD: &str =
    ".entry section.panel input:not([type=hidden]), .entry section.panel select";
/// The first field of the last row of the industries table.
pub const LAST_INDUSTRY: &str = "table.industries tbody tr:last-child input";
/// The first field of the last row of the firm table.
pub const LAST_FIRM: &str = "table.firms tbody tr:last-child input";
/// The first Keynes parameter.
pub const KEYNES_FIRST: &str = ".entry .keynes-fields input";
