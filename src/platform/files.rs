//! Files in and out: reading what the user picked or dropped, and handing
//! bytes over as a download. The shell reports a failed download through
//! [`crate::shared::download`]; nothing else calls [`download_bytes`].

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use profkarta_core::error::FileUnreadable;

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

/// Reads a picked file as bytes: its text is decoded by the core, which
/// knows the encodings Windows tools save in (a CSV from Russian Excel is
/// Windows-1251, Notepad's «Юникод» is UTF-16).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, FileUnreadable> {
    read_all(std::slice::from_ref(file))
        .await
        .pop()
        .unwrap_or(Err(FileUnreadable))
}

/// A file to check: picked or dropped by the user, already in memory (a
/// backup), or bytes the browser holds (a record of the stored workspace).
pub enum Unread {
    Picked(web_sys::File),
    Held(String, Vec<u8>),
    /// Copied into the wasm memory only when its batch is checked: copying
    /// 10 000 records (100 MB) as the workspace opened took one task of
    /// three quarters of a second.
    Outside(String, js_sys::Uint8Array),
}

/// The size of a picked file too large to read, asked only of a file not
/// named `.json`: that may be anything dropped by mistake (a video, an
/// archive). A `.json` file is read at once, since asking a file's size
/// makes the browser look at the disk synchronously (a quarter of a second
/// per thousand files), and the check refuses an oversized text anyway.
pub fn oversized(file: &web_sys::File, limit: usize) -> Option<usize> {
    if file.name().to_lowercase().ends_with(".json") {
        return None;
    }
    // f64 file sizes are whole numbers.
    Some(file.size() as usize).filter(|&bytes| bytes > limit)
}

/// Starts reading several picked files at once (the browser reads them in
/// parallel, about twice as fast as one after another) and returns their
/// contents when all are read. Reading starts at the call, not at the first
/// poll, so the next batch can be read while this one is checked. A file
/// the browser cannot read (moved or deleted since it was picked) is
/// [`FileUnreadable`], whatever the browser's own reason.
pub fn read_all(
    files: &[web_sys::File],
) -> impl std::future::Future<Output = Vec<Result<Vec<u8>, FileUnreadable>>> + 'static {
    let count = files.len();
    let promises: js_sys::Array = files
        .iter()
        .map(|f| JsValue::from(f.array_buffer()))
        .collect();
    let all = JsFuture::from(js_sys::Promise::all_settled(&promises));
    async move {
        let Ok(buffers) = all.await else {
            return vec![Err(FileUnreadable); count];
        };
        js_sys::Array::from(&buffers)
            .iter()
            .map(|outcome| {
                let value = js_sys::Reflect::get(&outcome, &JsValue::from_str("value"))
                    .map_err(|_| FileUnreadable)?;
                if value.is_undefined() {
                    return Err(FileUnreadable);
                }
                Ok(js_sys::Uint8Array::new(&value).to_vec())
            })
            .collect()
    }
}
