//! Local storage, through gloo-storage, with its failures as values:
//! unavailable (private mode, a site policy), full (`QuotaExceededError`)
//! or another refusal, each with the project's Russian message. Every key
//! the app keeps there is named here and nowhere else; IndexedDB's names are
//! in [`crate::platform::idb`].

use gloo_storage::errors::StorageError as GlooError;
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde_json::Value;

use profkarta_core::error::StorageError;

/// Every school draft lives under `DRAFT_PREFIX + id`.
pub const DRAFT_PREFIX: &str = "profkarta/draft/";
/// Stored text that could not be read is moved here, never deleted.
pub const QUARANTINE_PREFIX: &str = "profkarta/unreadable/";
/// The school's signing key, as its backup file.
pub const SIGNING_KEY: &str = "profkarta/key";
/// The department's key, which signs the cards it publishes.
pub const DEPARTMENT_KEY: &str = "profkarta/department-key";
/// The department's cards a school opened, each as its signed file under
/// `DEPARTMENT_CARD_PREFIX + id@version`.
pub const DEPARTMENT_CARD_PREFIX: &str = "profkarta/card/";
/// The department's key the school trusts (pinned on first use).
pub const TRUSTED_DEPARTMENT_KEY: &str = "profkarta/department-pin";
/// Where earlier versions kept the department's workspace; it is read once
/// and moved to IndexedDB.
pub const LEGACY_DEPARTMENT: &str = "profkarta/department";
/// Touched after every save of the department's workspace: the storage
/// event tells the other tabs.
pub const DEPARTMENT_SAVED: &str = "profkarta/department-saved";
/// The department's decisions written at once when the page is hidden with
/// a save still waiting: IndexedDB's write may not finish before the page
/// is gone. Tagged with [`DEPARTMENT_SAVED`] as it was then, so a later save
/// (this tab's own, or another tab's) makes it stale.
pub const DEPARTMENT_PENDING: &str = "profkarta/department-pending";

/// What a department's page closed with, unchecked or unsaved, told at the
/// next opening (`Unfinished` in the core).
pub const DEPARTMENT_UNFINISHED: &str = "profkarta/department-unfinished";

/// The coordinator's place in the department's page (card, year, school,
/// tab), restored after a reload.
pub const DEPARTMENT_PLACE: &str = "profkarta/department-place";

/// The school's draft open last in this browser, opened again at the next
/// visit rather than the one saved last.
pub const OPEN_DRAFT: &str = "profkarta/open-draft";
/// The name a reviewer signed their key file with: typed again after every
/// reload before (a walk-through).
pub const REVIEWER_NAME: &str = "profkarta/reviewer-name";

/// What a key holds.
pub enum Read {
    Missing,
    Json(Value),
    /// Text that is not JSON: not ours, or damaged.
    NotJson,
}

/// gloo-storage panics (`expect_throw`) when the page may not use local
/// storage at all, so the window is asked first.
fn available() -> Result<(), StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .map(drop)
        .ok_or(StorageError::Unavailable)
}

/// A refused write, by the name of the browser's exception.
fn refused(name: &str) -> StorageError {
    if name == "QuotaExceededError" {
        StorageError::Full
    } else {
        StorageError::Other
    }
}

fn refusal(e: GlooError) -> StorageError {
    match e {
        GlooError::JsError(e) => refused(&e.name),
        _ => StorageError::Other,
    }
}

pub fn read(key: &str) -> Result<Read, StorageError> {
    available()?;
    match LocalStorage::get::<Value>(key) {
        Ok(value) => Ok(Read::Json(value)),
        Err(GlooError::KeyNotFound(_)) => Ok(Read::Missing),
        Err(GlooError::SerdeError(_)) => Ok(Read::NotJson),
        Err(e) => Err(refusal(e)),
    }
}

/// The text under `key` exactly as stored, to keep aside or hand to the user
/// when it cannot be read as what it should be.
pub fn raw_text(key: &str) -> Option<String> {
    available().ok()?;
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores `value` as its JSON text.
pub fn write<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(key, value).map_err(refusal)
}

/// Stores text exactly as given (unreadable data kept aside).
pub fn write_text(key: &str, text: &str) -> Result<(), StorageError> {
    available()?;
    LocalStorage::raw().set_item(key, text).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into()).ok();
        refused(&name.and_then(|n| n.as_string()).unwrap_or_default())
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    available()?;
    LocalStorage::delete(key);
    Ok(())
}

/// Keys that start with `prefix`, in storage order.
pub fn keys(prefix: &str) -> Result<Vec<String>, StorageError> {
    available()?;
    let storage = LocalStorage::raw();
    Ok((0..LocalStorage::length())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect())
}
