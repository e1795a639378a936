//! Reading the app's own files from its website: the department's published
//! cards in the `cards/` folder beside the page. Never another origin (the
//! Content-Security-Policy allows only 'self').

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of the file at `path` (relative to the page); `None` when it is
/// not there (most schools' sites have no `cards/` folder) or cannot be read.
/// Asked of the server each time («no-cache»: a copy kept is used only if
/// the server says it is current): a folder unzipped from the department's
/// archive carries the archive's 1980 dates, and by them a browser took
/// the old list of cards for fresh for years, so schools never saw a new
/// version.
pub async fn own_file(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(path, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}
