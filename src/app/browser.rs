//! The few browser facilities the app needs beyond the DOM: clock,
//! randomness, downloads and reading picked files. Kept at the edge so the
//! core never sees them.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use profkarta_core::signed::keys::to_hex;

/// Now, as ISO 8601 in UTC: "2026-11-22T10:15:00.000Z".
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Local wall-clock time of an ISO timestamp, "14:05", for status lines.
pub fn local_hhmm(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// Local date and time of an ISO timestamp, "22.11.2026 14:05".
pub fn local_datetime(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}.{:02}.{} {}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        local_hhmm(iso)
    )
}

/// The current calendar year and month (1–12).
pub fn year_month() -> (u16, u8) {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    (year, month)
}

/// Cryptographically strong random bytes from `crypto.getRandomValues`.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .expect("crypto.getRandomValues is available in every supported browser");
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .expect("getRandomValues fills 32 bytes");
    bytes
}

/// A random identifier, 32 hex digits.
pub fn random_id() -> String {
    to_hex(&random_bytes::<16>())
}

/// Hands `text` to the user as a file download.
pub fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    download_bytes(file_name, text.as_bytes(), "application/json;charset=utf-8")
}

/// Hands any bytes (CSV, XLSX, JSON) to the user as a file download.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The files of a file list, from a file input or a drop.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

/// Takes the files picked in the `<input type="file">` that fired `ev` and
/// clears it, so that picking the same file again fires `change` again.
pub fn take_picked(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = file_list(input.files());
    input.set_value("");
    files
}

/// Reads a picked file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    JsFuture::from(file.text())
        .await
        .map(|v| v.as_string().unwrap_or_default())
        .map_err(|e| format!("{e:?}"))
}

/// Starts reading several picked files at once (the browser reads them in
/// parallel, about twice as fast as one after another) and returns their
/// contents when all are read. Reading starts at the call, not at the first
/// poll, so the next batch can be read while this one is checked.
pub fn read_all(
    files: &[web_sys::File],
) -> impl std::future::Future<Output = Vec<Result<Vec<u8>, String>>> + 'static {
    let count = files.len();
    let promises: js_sys::Array = files
        .iter()
        .map(|f| JsValue::from(f.array_buffer()))
        .collect();
    let all = JsFuture::from(js_sys::Promise::all_settled(&promises));
    async move {
        let Ok(buffers) = all.await else {
            return vec![Err("чтение не удалось".to_owned()); count];
        };
        js_sys::Array::from(&buffers)
            .iter()
            .map(|outcome| {
                let value = js_sys::Reflect::get(&outcome, &JsValue::from_str("value"))
                    .map_err(|e| format!("{e:?}"))?;
                if value.is_undefined() {
                    return Err("чтение не удалось".to_owned());
                }
                Ok(js_sys::Uint8Array::new(&value).to_vec())
            })
            .collect()
    }
}

/// Lets the browser paint and handle input before work goes on, so a long
/// import keeps the page responsive and its progress bar moving.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

pub fn prompt(question: &str, default: &str) -> Option<String> {
    web_sys::window().and_then(|w| {
        w.prompt_with_message_and_default(question, default)
            .ok()
            .flatten()
    })
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
