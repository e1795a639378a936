//! SVG charts drawn into PNG by the browser, for documents that need a
//! bitmap (Word reads SVG only beside a PNG). The core has no renderer, and
//! one in the wasm would cost far more than the browser's own.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Drawn at twice the size it shows at, so that it stays sharp in print.
const SCALE: u32 = 2;

/// The PNG of `svg` (a standalone `<svg>` with its width and height) at
/// [`SCALE`], and its size in CSS pixels.
pub async fn svg_to_png(svg: &str) -> Result<(Vec<u8>, u32, u32), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let image = web_sys::HtmlImageElement::new()?;
    // A data URL: the page's policy allows data: images and nothing looser.
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(svg)
    );
    image.set_src(&url);
    JsFuture::from(image.decode()).await?;
    let (width, height) = (image.natural_width(), image.natural_height());
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    canvas.set_width(width * SCALE);
    canvas.set_height(height * SCALE);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or(JsValue::NULL)?
        .unchecked_into();
    // The charts have no background of their own; Word's page is white.
    context.set_fill_style_str("#fff");
    let (w, h) = (f64::from(width * SCALE), f64::from(height * SCALE));
    context.fill_rect(0.0, 0.0, w, h);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h)?;
    let data_url = canvas.to_data_url_with_type("image/png")?;
    let base64 = data_url.split_once(',').ok_or(JsValue::NULL)?.1;
    let binary = web_sys::window().ok_or(JsValue::NULL)?.atob(base64)?;
    // atob gives one char per byte.
    let png = binary.chars().map(|c| c as u8).collect();
    Ok((png, width, height))
}
