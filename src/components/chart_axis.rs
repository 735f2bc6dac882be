//! Axis helpers shared by the bar charts: bars stand on integer x positions, one per category.

/// The index of the bar whose position is `x`, or `None` for a tick between bars or left of the first.
pub fn bar_at(x: f64) -> Option<usize> {
    let i = x.round();
    ((x - i).abs() <= 1e-6 && i >= 0.0).then_some(i as usize)
}

#[cfg(test)]
mod tests {
    use super::bar_at;

    #[test]
    fn only_integer_ticks_name_a_bar() {
        assert_eq!(bar_at(2.0), Some(2));
        assert_eq!(bar_at(1.5), None);
        assert_eq!(bar_at(-0.5), None);
        assert_eq!(bar_at(-1.0), None);
    }
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
