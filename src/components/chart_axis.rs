//! Axis helpers shared by the bar charts: bars stand on integer x positions, one per category.

/// The index of the bar whose position is `x`, or `None` for a tick between bars or left of the first.
pub fn bar_at(x: f64) -> Option<usize> {
    let i = x.round();
    ((x - i).abs() <= 1e-6 && i >= 0.0).then_some(i as usize)
}

/// The category label of bar `x` when it is one of every `step`-th bar (see [`label_step`]), else nothing: with
/// fifty industries on one axis every label would run into its neighbours.
pub fn bar_label(x: f64, step: usize) -> Option<usize> {
    bar_at(x).filter(|i| i % step.max(1) == 0)
}

/// How many bars go to one label so that at most `room` labels share the axis.
pub fn label_step(bars: usize, room: usize) -> usize {
    bars.div_ceil(room.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::{bar_at, bar_label, label_step};

    #[test]
    fn crowded_axes_label_every_kth_bar() {
        assert_eq!(label_step(10, 24), 1);
        assert_eq!(label_step(50, 24), 3);
        assert_eq!(bar_label(3.0, 3), Some(3));
        assert_eq!(bar_label(4.0, 3), None);
        assert_eq!(bar_label(4.0, 1), Some(4));
    }

    #[test]
    fn only_integer_ticks_name_a_bar() {
        assert_eq!(bar_at(2.0), Some(2));
        assert_eq!(bar_at(1.5), None);
        assert_eq!(bar_at(-0.5), None);
        assert_eq!(bar_at(-1.0), None);
    }
}

/// Width in pixels of `text` set in `px`-pixel sans-serif, measured by the canvas's own 2D context. (Plotters'
/// `estimate_text_size` measures with a styled element added to the page, which the Content-Security-Policy
/// refuses: no inline style attributes.)
pub fn text_width(el: &web_sys::HtmlCanvasElement, px: u32, text: &str) -> i32 {
    use wasm_bindgen::JsCast;
    let Some(ctx) = el
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return 0;
    };
    let px = f64::from(px) * crate::components::hidpi::text_scale();
    ctx.set_font(&format!("{px}px sans-serif"));
    ctx.measure_text(text)
        .map_or(0, |m| m.width().ceil() as i32)
}

/// A legend's label, left-aligned at `at` and centred on its line, in the charts' 12 px text; returns the width
/// it takes (measured in the canvas, as drawn), so the next entry can follow it.
pub fn legend_label(
    root: &plotters::prelude::DrawingArea<crate::components::hidpi::HiDpi, plotters::coord::Shift>,
    canvas: &web_sys::HtmlCanvasElement,
    text: &str,
    at: (i32, i32),
) -> Result<i32, Box<dyn std::error::Error>> {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    root.draw(&Text::new(
        text,
        at,
        ("sans-serif", 12)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(text_width(canvas, 12, text))
}

/// A button under a chart that saves the canvas as a PNG file (`<town>-<name>.png`), drawn in the page: nothing
/// is uploaded.
#[leptos::component]
pub fn PngButton(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
    name: &'static str,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let app = crate::state::use_app();
    let save = move |_| {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let Ok(url) = el.to_data_url_with_type("image/png") else {
            return;
        };
        let file = app.dataset.with_untracked(|d| {
            crate::files::town_file_name(&d.town.name, &format!("-{name}.png"))
        });
        let _ = crate::files::download_url(&file, &url);
    };
    view! {
        <button class="link no-print" on:click=save data-action=format!("png-{name}")>
            {crate::i18n::tr(crate::i18n::T::SavePng)}
        </button>
    }
}

/// Splits a label into at most `max_lines` lines that each `fit`: by words where there are spaces (English, or a
/// number before a name), else by characters (Chinese), and a word too long for a line by characters too; an
/// ellipsis marks what did not fit.
pub fn wrap_label(text: &str, max_lines: usize, fit: &dyn Fn(&str) -> bool) -> Vec<String> {
    // Units to place, each with whether a space goes before it when it joins a line.
    let mut units: Vec<(String, bool)> = Vec::new();
    for (k, word) in text.split_whitespace().enumerate() {
        if fit(word) || word.chars().count() == 1 {
            units.push((word.to_string(), k > 0));
        } else {
            for (i, c) in word.chars().enumerate() {
                units.push((c.to_string(), k > 0 && i == 0));
            }
        }
    }
    let mut lines: Vec<String> = vec![String::new()];
    for (u, space) in &units {
        let last = lines.len() - 1;
        let candidate = if lines[last].is_empty() {
            u.clone()
        } else if *space {
            format!("{} {u}", lines[last])
        } else {
            format!("{}{u}", lines[last])
        };
        if fit(&candidate) || lines[last].is_empty() {
            lines[last] = candidate;
        } else if lines.len() < max_lines {
            lines.push(u.clone());
        } else {
            // Out of lines: elide the rest on the last one.
            let mut cut = lines[last].clone();
            while !cut.is_empty() && !fit(&format!("{cut}…")) {
                cut.pop();
            }
            lines[last] = format!("{}…", cut.trim_end());
            return lines;
        }
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap_label;

    #[test]
    fn labels_wrap_by_words_or_characters_and_elide() {
        let fit = |t: &str| t.chars().count() <= 10;
        assert_eq!(
            wrap_label("Raw-matter production", 2, &fit),
            ["Raw-matter", "production"]
        );
        // A word longer than a line breaks by characters instead of running out of its box.
        assert_eq!(
            wrap_label("6 辅料（纽扣、拉链、衬布等）", 2, &fit),
            ["6 辅料（纽扣、拉链", "、衬布等）"]
        );
        assert_eq!(wrap_label("Yarn-spinning", 2, &fit), ["Yarn-spinn", "ing"]);
        assert_eq!(
            wrap_label("Toe sewing and shaping", 2, &fit),
            ["Toe sewing", "and…"]
        );
        assert_eq!(wrap_label("原料生产", 2, &fit), ["原料生产"]);
        assert_eq!(
            wrap_label(&"长".repeat(25), 2, &fit),
            ["长".repeat(10), format!("{}…", "长".repeat(9))]
        );
    }
}

/// The chart's canvas while it is on screen ([`on_screen`]), else `None`: a chart effect starts with
/// `let Some(el) = canvas_on_screen() else { return };` and so draws the latest data when it comes into view.
pub fn drawable(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
) -> impl Fn() -> Option<web_sys::HtmlCanvasElement> + Copy {
    use leptos::prelude::*;
    let visible = on_screen(canvas);
    let large_text = crate::state::use_app().large_text;
    move || {
        // Read here, so the chart's effect redraws when large-text mode is switched.
        crate::components::hidpi::set_large_text(large_text.get());
        canvas.get().filter(|_| visible.get())
    }
}

/// True while the chart's canvas is on screen or within 300 px of it. Chart effects draw only then, so an edit
/// does not spend its frame drawing charts nobody can see; a chart scrolled into view draws the latest data.
/// Always true outside the browser.
fn on_screen(
    canvas: leptos::prelude::NodeRef<leptos::html::Canvas>,
) -> leptos::prelude::Signal<bool> {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    if !cfg!(target_arch = "wasm32") {
        return Signal::stored(true);
    }
    let seen = RwSignal::new(false);
    // The observer and its callback live as long as the chart.
    let observer = StoredValue::new_local(None::<web_sys::IntersectionObserver>);
    let callback =
        StoredValue::new_local(None::<wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>>);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let cb = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                // The last entry is the newest state of this one canvas.
                if let Some(e) = entries
                    .iter()
                    .last()
                    .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
                {
                    let _ = seen.try_set(e.is_intersecting());
                }
            },
        );
        let opts = web_sys::IntersectionObserverInit::new();
        opts.set_root_margin("300px");
        match web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &opts) {
            Ok(obs) => {
                obs.observe(&el);
                observer.set_value(Some(obs));
                callback.set_value(Some(cb));
            }
            // No observer (a very old browser): draw always, as before.
            Err(_) => seen.set(true),
        }
    });
    on_cleanup(move || {
        if let Some(obs) = observer.try_update_value(Option::take).flatten() {
            obs.disconnect();
        }
    });
    seen.into()
}
