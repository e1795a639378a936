//! The browser's local storage with its failures as values: unavailable
//! (private mode, disabled), full (QuotaExceededError), or another refusal.

use wasm_bindgen::JsCast;

use profkarta_core::error::StorageError;

fn local() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    local()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local()?.set_item(key, value).map_err(|e| {
        match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
            Some(name) if name == "QuotaExceededError" => StorageError::Full,
            _ => StorageError::Other,
        }
    })
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local()?.remove_item(key).map_err(|_| StorageError::Other)
}

/// Keys that start with `prefix`, in storage order.
pub fn keys(prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = local()?;
    let n = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect())
}
