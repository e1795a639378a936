//! Every download of the app goes through here, so that one the browser
//! refuses is always reported, never silently dropped.

use profkarta_core::error::DownloadRefused;

use crate::platform::files::download_bytes;
use crate::shared::notices::Notices;

pub const JSON: &str = "application/json;charset=utf-8";
pub const TEXT: &str = "text/plain;charset=utf-8";
pub const CSV: &str = "text/csv;charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Offers `bytes` as the file `name`; a refusal becomes a notice. Returns
/// whether the browser took the file.
pub fn offer(notices: Notices, name: &str, bytes: &[u8], mime: &str) -> bool {
    let taken = download_bytes(name, bytes, mime).is_ok();
    if !taken {
        notices.push(format!("«{name}»: {DownloadRefused}"), None);
    }
    taken
}

/// A JSON file (backups, keys, signed files).
pub fn offer_json(notices: Notices, name: &str, text: &str) -> bool {
    offer(notices, name, text.as_bytes(), JSON)
}
