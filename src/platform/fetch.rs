//! Reading the app's own files from its website: the department's published
//! cards in the `cards/` folder beside the page. Never another origin (the
//! Content-Security-Policy allows only 'self').

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of the file at `path` (relative to the page); `None` when it is
/// not there (most schools' sites have no `cards/` folder) or cannot be read.
pub async fn own_file(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}
