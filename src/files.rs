//! Files the user saves and opens: the dataset as versioned JSON. Nothing is uploaded anywhere; saving is a
//! download generated in the page, opening reads a local file the user picked or dropped.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Largest file the app opens (a town with tens of thousands of firms is a few MB).
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadProblem {
    TooLarge { bytes: f64 },
    Unreadable,
}

/// Reads a picked or dropped file as UTF-8 text.
pub async fn read_text(file: &web_sys::File) -> Result<String, ReadProblem> {
    let bytes = file.size();
    if bytes > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge { bytes });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ReadProblem::Unreadable)?;
    text.as_string().ok_or(ReadProblem::Unreadable)
}

/// The first file of a file input's selection.
pub fn picked_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Clear the input so that picking the same file again fires `change` again.
    input.set_value("");
    file
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    download_part(name, mime, &JsValue::from_str(text))
}

/// Offers `bytes` as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    download_part(name, mime, &js_sys::Uint8Array::from(bytes))
}

fn download_part(name: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download_url(name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Offers what `url` (a blob: or data: URL made in the page) holds as a download named `name`.
pub fn download_url(name: &str, url: &str) -> Result<(), JsValue> {
    let doc = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = doc.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    Ok(())
}

/// A file name for a town's dataset: its name (characters that file systems reject replaced) and the format.
pub fn dataset_file_name(town: &str) -> String {
    town_file_name(town, ".clustercalc.json")
}

/// A file name from a town's name and a suffix (`-results.csv`, `.clustercalc.json`).
pub fn town_file_name(town: &str, suffix: &str) -> String {
    let clean: String = town
        .trim()
        .chars()
        .map(|c| {
            if "\\/:*?\"<>|\n\r\t".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    let stem = if clean.is_empty() {
        "town".to_string()
    } else {
        clean
    };
    format!("{stem}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(dataset_file_name("大唐镇"), "大唐镇.clustercalc.json");
        assert_eq!(dataset_file_name("a/b:c"), "a_b_c.clustercalc.json");
        assert_eq!(dataset_file_name("  "), "town.clustercalc.json");
        assert_eq!(
            dataset_file_name(&"长".repeat(200)).chars().count(),
            60 + ".clustercalc.json".len()
        );
    }
}
