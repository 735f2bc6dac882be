//! Charts drawn at the screen's pixel density. A canvas has as many pixels as its `width`/`height`
//! attributes; on a screen with `devicePixelRatio` 2 (most laptops sold now, every phone) a 640-pixel canvas
//! shown 640 CSS pixels wide is blown up and blurs. [`backend`] gives the canvas `ratio ×` the pixels, scales its
//! context by the ratio, and hands plotters a backend that reports the logical size, so every chart draws in CSS
//! pixels as before and comes out sharp; the PNG a user saves has the same density.
//!
//! The same backend enlarges chart text in large-text mode (projectors): every text plotters draws or measures
//! goes through at [`text_scale`] times its size, and [`crate::components::chart_axis::text_width`] measures at
//! that size too. `chart_axis::drawable` sets the scale from the view setting, so a chart redraws when it changes.

use plotters_backend::{
    text_anchor, BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend,
    DrawingErrorKind, FontFamily, FontStyle, FontTransform,
};
use plotters_canvas::CanvasBackend;
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    static TEXT_SCALE: Cell<f64> = const { Cell::new(1.0) };
}

/// How much larger than designed chart text is drawn: 1.25 in large-text mode, else 1.
pub fn text_scale() -> f64 {
    TEXT_SCALE.with(Cell::get)
}

/// Sets [`text_scale`] from the large-text setting (called where charts read their settings).
pub fn set_large_text(large: bool) {
    TEXT_SCALE.with(|s| s.set(if large { 1.25 } else { 1.0 }));
}

/// The pixel density charts are drawn at: the screen's, at least 1 and at most 3 (a 4K phone gains nothing
/// visible from more and pays in memory).
pub fn ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 3.0)
}

/// A plotters backend for `canvas` at the logical size `width` × `height` (CSS pixels), drawn at [`ratio`].
pub fn backend(canvas: web_sys::HtmlCanvasElement, width: u32, height: u32) -> Option<HiDpi> {
    let r = ratio();
    // Setting the size clears the canvas and resets its context, so the scale is set after it.
    canvas.set_width((f64::from(width) * r).round() as u32);
    canvas.set_height((f64::from(height) * r).round() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_transform(r, 0.0, 0.0, r, 0.0, 0.0).ok()?;
    Some(HiDpi {
        inner: CanvasBackend::with_canvas_object(canvas)?,
        size: (width, height),
        text: text_scale(),
    })
}

/// [`CanvasBackend`] with its size in CSS pixels; every drawing call goes through unchanged and the context's
/// scale maps it to device pixels.
pub struct HiDpi {
    inner: CanvasBackend,
    size: (u32, u32),
    text: f64,
}

impl std::fmt::Debug for HiDpi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HiDpi").field("size", &self.size).finish()
    }
}

type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Result<T = ()> = std::result::Result<T, DrawingErrorKind<CanvasError>>;

impl DrawingBackend for HiDpi {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        self.inner.draw_text(text, &Scaled(style, self.text), pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32)> {
        self.inner
            .estimate_text_size(text, &Scaled(style, self.text))
    }
}

/// A text style at `.1` times the size of `.0`.
struct Scaled<'a, S>(&'a S, f64);

impl<S: BackendTextStyle> BackendTextStyle for Scaled<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        self.0.size() * self.1
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> text_anchor::Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(
        &self,
        text: &str,
    ) -> std::result::Result<((i32, i32), (i32, i32)), S::FontError> {
        let k = self.1;
        let s = |v: i32| (f64::from(v) * k).round() as i32;
        let ((x0, y0), (x1, y1)) = self.0.layout_box(text)?;
        Ok(((s(x0), s(y0)), (s(x1), s(y1))))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> std::result::Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> std::result::Result<std::result::Result<(), E>, S::FontError> {
        self.0.draw(text, pos, draw)
    }
}
