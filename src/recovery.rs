//! The bridge to the trap boundary (`src/js/fatal.js`): what the recovery notice offers and says. A trap stops
//! this module, so everything the notice needs must be on the JavaScript side before it happens.

use crate::i18n::T;
use clustercalc_core::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/fatal.js")]
extern "C" {
    /// Keeps the dataset's text for the recovery file, when browser storage could not take it.
    #[wasm_bindgen(js_name = keepRecovery)]
    pub fn keep_recovery(text: &str);
    /// The autosave holds the data: no separate recovery copy is needed.
    #[wasm_bindgen(js_name = dropRecovery)]
    pub fn drop_recovery();
    /// From now on a trap of this module shows the recovery notice over `element` (`src/js/fatal.js`).
    #[wasm_bindgen(js_name = armFatal)]
    pub fn arm_fatal(element: &web_sys::HtmlElement);
    /// The recovery notice's words, in the current language.
    #[wasm_bindgen(js_name = fatalTexts)]
    fn fatal_texts(texts: &js_sys::Object);
}

/// Gives the recovery notice its words in `lang` (they must be there before anything can trap).
pub fn set_fatal_texts(lang: Lang) {
    let o = js_sys::Object::new();
    for (key, t) in [
        ("title", T::FatalTitle),
        ("body", T::FatalBody),
        ("nothing", T::FatalNothing),
        ("save", T::FatalSave),
        ("reload", T::FatalReload),
        ("file", T::FatalFile),
    ] {
        let _ = js_sys::Reflect::set(&o, &key.into(), &t.get(lang).into());
    }
    fatal_texts(&o);
}
