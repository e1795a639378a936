//! The browser's IndexedDB, as much of it as the department's workspace
//! needs: one database with a store of files and a store of small records.
//! Local storage holds 5 MiB; a department's thousands of submissions need
//! hundreds, and IndexedDB writes them without blocking the page.
//!
//! Requests and transactions report through events; here they become
//! futures, and their failures [`StorageError`]s like local storage's.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use profkarta_core::error::StorageError;

use crate::platform::files::Unread;

const NAME: &str = "profkarta";
const VERSION: u32 = 1;
/// Received files, one record each, keyed by submission id.
pub const FILES: &str = "files";
/// Small records (the department's decisions), keyed by name.
pub const RECORDS: &str = "records";
/// The record of [`RECORDS`] that holds the department's decisions.
pub const DECISIONS: &str = "decisions";
/// The record of [`RECORDS`] that changes with every write of the
/// decisions: a write names the stamp its tab last read or wrote, and
/// gives way when another tab has written since ([`Guarded`]).
const STAMP: &str = "decisions-stamp";
/// How many file records one write transaction holds (see [`Db::write`]).
const SLICE: usize = 250;
/// How many file records one read request brings (see [`Db::read`]).
const READ_SLICE: u32 = 500;

#[derive(Clone)]
pub struct Db(IdbDatabase);

/// A received file as the workspace stores it, keyed by submission id.
#[derive(Clone)]
pub struct StoredFile {
    pub id: String,
    pub name: String,
    pub text: Arc<str>,
}

impl StoredFile {
    /// Its record: the name and the text's UTF-8 bytes. Bytes, not a
    /// string: handing 100 MB of text to the browser as strings meant
    /// decoding all of it to UTF-16 in the save, and encoding it back when
    /// the workspace was reopened; bytes are copied as they are.
    fn record(&self) -> JsValue {
        let text = js_sys::Uint8Array::from(self.text.as_bytes());
        js_sys::Array::of2(&self.name.as_str().into(), &text).into()
    }

    /// A stored file to check again, its bytes left in the browser until
    /// then; versions before the bytes stored the text as a string. A
    /// record whose text is gone keeps its name, as an empty file: the
    /// check refuses it, and the notice names the file to load again.
    pub fn from_record(value: &JsValue) -> Option<Unread> {
        let pair = js_sys::Array::from(value);
        let name = pair.get(0).as_string()?;
        let text = pair.get(1);
        Some(match text.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => Unread::Outside(name, bytes),
            Err(text) => Unread::Held(name, text.as_string().unwrap_or_default().into_bytes()),
        })
    }
}

/// What [`Db::read`] finds.
pub struct Stored {
    /// Every file record as (key, value).
    pub files: Vec<(String, JsValue)>,
    /// The named record as text.
    pub record: Option<String>,
    /// The decisions' [`STAMP`], for the next [`Guarded`] write.
    pub stamp: Option<String>,
}

/// A record written only if the decisions' stamp is still `read`, the one
/// this tab last read or wrote; it then becomes `stamp`. Two tabs that
/// save at once are put in order by the database, and the later one
/// finds the stamp changed instead of writing over decisions it never read.
pub struct Guarded<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub read: Option<String>,
    pub stamp: String,
}

/// Why a write did not happen.
pub enum WriteError {
    Failed(StorageError),
    /// Another tab wrote the decisions since this one read them.
    Stale,
}

fn error_of(e: Option<DomException>) -> StorageError {
    match e.map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" => StorageError::Full,
        _ => StorageError::Other,
    }
}

/// Waits for a request's `success` or `error` event.
async fn settled(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|_| StorageError::Other),
        Err(_) => Err(error_of(request.error().ok().flatten())),
    }
}

impl Db {
    /// Opens the database, creating its stores on first use.
    pub async fn open() -> Result<Self, StorageError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(StorageError::Unavailable)?;
        let request = factory
            .open_with_u32(NAME, VERSION)
            .map_err(|_| StorageError::Unavailable)?;
        let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
            let request = request.clone();
            move |_| {
                if let Ok(db) = request.result().map(IdbDatabase::unchecked_from_js) {
                    for store in [FILES, RECORDS] {
                        if !db.object_store_names().contains(store) {
                            let _ = db.create_object_store(store);
                        }
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = settled(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        // Private modes of some browsers refuse to open at all.
        let db = opened.map_err(|_| StorageError::Unavailable)?;
        Ok(Self(db.unchecked_into()))
    }

    fn transaction(&self, mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        let stores = js_sys::Array::of2(&FILES.into(), &RECORDS.into());
        self.0
            .transaction_with_str_sequence_and_mode(&stores, mode)
            .map_err(|_| StorageError::Other)
    }

    /// Every file record, the record `name` and the decisions' stamp.
    pub async fn read(&self, name: &str) -> Result<Stored, StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readonly)?;
        let store = |s: &str| tx.object_store(s).map_err(|_| StorageError::Other);
        let files = store(FILES)?;
        let keys = files.get_all_keys().map_err(|_| StorageError::Other)?;
        let record = store(RECORDS)?
            .get(&name.into())
            .map_err(|_| StorageError::Other)?;
        let stamp = store(RECORDS)?
            .get(&STAMP.into())
            .map_err(|_| StorageError::Other)?;
        let keys = js_sys::Array::from(&settled(&keys).await?);
        // The records are asked for by ranges of keys, all before waiting
        // (a transaction closes once it has nothing left to do): the browser
        // makes each request's records in a task of its own, and 10 000 in
        // one took a third of a second.
        let len = keys.length();
        let slices = (0..len)
            .step_by(READ_SLICE as usize)
            .map(|from| {
                let last = (from + READ_SLICE).min(len) - 1;
                let range = web_sys::IdbKeyRange::bound(&keys.get(from), &keys.get(last))?;
                files.get_all_with_key(&range)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| StorageError::Other)?;
        let record = record_text(settled(&record).await?);
        let stamp = settled(&stamp).await?.as_string();
        let mut values = Vec::with_capacity(len as usize);
        for slice in slices {
            values.extend(js_sys::Array::from(&settled(&slice).await?).iter());
        }
        if values.len() != len as usize {
            return Err(StorageError::Other);
        }
        let files = keys
            .iter()
            .zip(values)
            .filter_map(|(k, v)| Some((k.as_string()?, v)))
            .collect();
        Ok(Stored {
            files,
            record,
            stamp,
        })
    }

    /// Writes file records and the `record` (name, text) if given, after
    /// clearing the files first if `clear`; resolves when the data is on
    /// disk. New files go in transactions of [`SLICE`], one after another,
    /// the record with the last: a transaction's puts all run in one task (each copies its
    /// record), and 10 000 of them held the page for over a second. Should
    /// the page close halfway, the slices written so far stay, and the
    /// record, which may name only files written, is the earlier one. A
    /// rewrite (`clear`) stays one transaction, so that a page closed halfway
    /// leaves the earlier workspace whole.
    pub async fn write(
        &self,
        clear: bool,
        files: &[StoredFile],
        record: Option<Guarded<'_>>,
    ) -> Result<(), WriteError> {
        let size = if clear { files.len().max(1) } else { SLICE };
        let slices: Vec<_> = files.chunks(size).collect();
        let last = slices.len().saturating_sub(1);
        for (k, slice) in slices.iter().enumerate().take(last) {
            (self.write_slice(clear && k == 0, slice, None).await).map_err(WriteError::Failed)?;
        }
        let tail = slices.get(last).copied().unwrap_or_default();
        let stale = Rc::new(Cell::new(false));
        let guard = record.map(|g| (g, Rc::clone(&stale)));
        let written = self.write_slice(clear && last == 0, tail, guard).await;
        match (written, stale.get()) {
            (_, true) => Err(WriteError::Stale),
            (written, false) => written.map_err(WriteError::Failed),
        }
    }

    async fn write_slice(
        &self,
        clear: bool,
        files: &[StoredFile],
        record: Option<(Guarded<'_>, Rc<Cell<bool>>)>,
    ) -> Result<(), StorageError> {
        let tx = self.transaction(IdbTransactionMode::Readwrite)?;
        let done = js_sys::Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        });
        // Kept until the transaction ends: the stamp's check runs in it.
        let mut check = None;
        let queued = (|| {
            let store = tx.object_store(FILES)?;
            if clear {
                store.clear()?;
            }
            for file in files {
                store.put_with_key(&file.record(), &file.id.as_str().into())?;
            }
            if let Some((guard, stale)) = record {
                check = Some(guarded_put(&tx, guard, stale)?);
            }
            Ok::<(), JsValue>(())
        })();
        if queued.is_err() {
            let _ = tx.abort();
        }
        let outcome = JsFuture::from(done).await;
        tx.set_oncomplete(None);
        tx.set_onabort(None);
        drop(check);
        match (queued, outcome) {
            (Ok(()), Ok(_)) => Ok(()),
            (Err(e), _) => Err(error_of(e.dyn_into::<DomException>().ok())),
            (_, Err(_)) => Err(error_of(tx.error())),
        }
    }
}

/// Reads the decisions' stamp in `tx` and, if it is still the one the tab
/// read, puts the record and the new stamp; otherwise marks `stale` and
/// aborts, so the files of the same transaction are not written either.
/// The puts are made in the read's success event, while the transaction
/// is still open.
fn guarded_put(
    tx: &IdbTransaction,
    guard: Guarded<'_>,
    stale: Rc<Cell<bool>>,
) -> Result<Closure<dyn FnMut(web_sys::Event)>, JsValue> {
    let records = tx.object_store(RECORDS)?;
    let read = records.get(&STAMP.into())?;
    let (name, text) = (JsValue::from(guard.name), JsValue::from(guard.text));
    let (expected, stamp) = (guard.read, JsValue::from(guard.stamp));
    let on_read = Closure::<dyn FnMut(web_sys::Event)>::new({
        let (tx, read) = (tx.clone(), read.clone());
        move |_| {
            let now = read.result().ok().and_then(|v| v.as_string());
            let put = || {
                records.put_with_key(&text, &name)?;
                records.put_with_key(&stamp, &STAMP.into())
            };
            if now != expected {
                stale.set(true);
                let _ = tx.abort();
            } else if put().is_err() {
                let _ = tx.abort();
            }
        }
    });
    read.set_onsuccess(Some(on_read.as_ref().unchecked_ref()));
    Ok(on_read)
}

/// A record as the text it should be: stored as text, or as the bytes of
/// one. Anything else (changed by hand, or by a tool) is passed on as what
/// it reads as, so that its reader refuses it aloud instead of finding the
/// record missing.
fn record_text(value: JsValue) -> Option<String> {
    if value.is_undefined() {
        return None;
    }
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Some(String::from_utf8_lossy(&bytes.to_vec()).into_owned());
    }
    Some(
        js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| format!("{value:?}")),
    )
}
