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

/// Offers `bytes` as the file `name`; a refusal becomes a warning among
/// the notices. Returns whether the browser took the file.
pub fn offer(notices: Notices, name: &str, bytes: &[u8], mime: &str) -> bool {
    let taken = try_offer(name, bytes, mime);
    if let Err(refused) = taken {
        notices.refuse(name, "не скачан", &refused.to_string());
    }
    taken.is_ok()
}

/// Offers `bytes` as the file `name`, for a caller that says the outcome
/// itself (the export's result line): a notice beside it said it twice.
pub fn try_offer(name: &str, bytes: &[u8], mime: &str) -> Result<(), DownloadRefused> {
    download_bytes(name, bytes, mime).map_err(|_| DownloadRefused)
}

/// A JSON file (backups, keys, signed files).
pub fn offer_json(notices: Notices, name: &str, text: &str) -> bool {
    offer(notices, name, text.as_bytes(), JSON)
}
