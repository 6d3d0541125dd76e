//! SVG to PNG by the browser's own renderer: the picture is loaded as an image,
//! drawn on a canvas at a scale and encoded as PNG. The board's PNG export (the
//! app, by callbacks: no futures in the first load) and the replay's PNG frames (the
//! history module, awaited one after another) draw with [`draw`].

use super::dom;
use crate::core::export::picture::fit_scale;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// `image` (loaded) drawn on a new canvas at the scale [`fit_scale`] gives; the
/// canvas and that scale.
pub fn draw(
    image: &web_sys::HtmlImageElement,
    scale: f64,
    max_side: f64,
) -> Result<(web_sys::HtmlCanvasElement, f64), JsValue> {
    let (w, h) = (
        f64::from(image.natural_width()),
        f64::from(image.natural_height()),
    );
    let scale = fit_scale(w, h, scale, max_side);
    let canvas: web_sys::HtmlCanvasElement = dom::document()
        .ok_or("no document")?
        .create_element("canvas")?
        .dyn_into()?;
    canvas.set_width((w * scale).round() as u32);
    canvas.set_height((h * scale).round() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2D canvas")?
        .dyn_into()?;
    context.draw_image_with_html_image_element_and_dw_and_dh(
        image,
        0.0,
        0.0,
        w * scale,
        h * scale,
    )?;
    Ok((canvas, scale))
}

/// Draws `svg` (a standalone picture) at `scale`, longest side at most `max_side`
/// pixels, and encodes it as PNG, awaiting each step (the replay's frames, one
/// after another).
pub async fn svg_to_png(svg: &str, scale: f64, max_side: f64) -> Result<web_sys::Blob, String> {
    let url = super::download::object_url(svg, "image/svg+xml").map_err(|_| "no picture")?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| "no image")?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|_| "the browser could not draw the picture")?;
    let (canvas, _) = draw(&image, scale, max_side).map_err(|_| "no canvas to draw on")?;
    let encoded = js_sys::Promise::new(&mut |resolve, reject| {
        if canvas.to_blob(&resolve).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    Ok(JsFuture::from(encoded)
        .await
        .ok()
        .and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
        .ok_or("the browser could not encode the PNG")?)
}

/// A blob's bytes.
pub async fn bytes(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(|_| "the PNG could not be read")?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
