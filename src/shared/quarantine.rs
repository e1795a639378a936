//! Stored text that cannot be read is never deleted: it is moved aside under
//! [`QUARANTINE_PREFIX`] (or left in place if even that fails), and the user
//! is told, with the raw text to download and pass on to a specialist. What
//! was moved aside stays listed ([`kept_aside`]) after the notice is gone,
//! until the user deletes it.

use std::cell::RefCell;

use profkarta_core::error::StorageError;

use crate::platform::storage::{self, QUARANTINE_PREFIX};
use crate::shared::notices::Notices;

thread_local! {
    /// Copies [`keep_copy`] could not make (storage full), as (key,
    /// problem): made before a save writes over their text
    /// ([`copies_kept`]).
    static PENDING: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The file name offered for kept-aside text.
pub const RAW_FILE_NAME: &str = "profkarta_повреждённые_данные.txt";

/// What is kept aside, as (key, text), in storage order.
pub fn kept_aside() -> Vec<(String, String)> {
    storage::keys(QUARANTINE_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| storage::raw_text(&key).map(|text| (key, text)))
        .collect()
}

/// Moves the text under `key` aside and says `problem`; `false` if it
/// had to stay where it is (no room to move it), and then nothing may be
/// written over it.
pub fn quarantine(notices: Notices, key: &str, problem: &str) -> bool {
    set_aside(notices, key, problem, true)
}

/// Keeps a copy of the text under `key` aside and says `problem`: the text
/// was read only in part, and the next save writes over what was not.
pub fn keep_copy(notices: Notices, key: &str, problem: &str) {
    if !set_aside(notices, key, problem, false) {
        PENDING.with_borrow_mut(|p| p.push((key.to_owned(), problem.to_owned())));
    }
}

/// Makes the copies of `key`'s text that [`keep_copy`] could not make, and
/// says so; `Err` while one still cannot be made, and then the text must
/// not be written over.
pub fn copies_kept(notices: Notices, key: &str) -> Result<(), StorageError> {
    let waiting: Vec<(String, String)> =
        PENDING.with_borrow_mut(|p| p.extract_if(.., |(k, _)| k == key).collect());
    for (key, problem) in waiting {
        // A draft deleted since has nothing left to keep.
        if storage::raw_text(&key).is_some() && !set_aside(notices, &key, &problem, false) {
            PENDING.with_borrow_mut(|p| p.push((key, problem)));
            return Err(StorageError::Full);
        }
    }
    Ok(())
}

/// Keeps `text`, read from elsewhere than local storage (the department's
/// database), aside under `name` and says `problem`; `false` if it could
/// not be kept, and then nothing may be written over where it came from.
pub fn keep_text_aside(notices: Notices, name: &str, text: String, problem: &str) -> bool {
    keep_aside(notices, name, text, problem, Aside::Given)
}

/// Where the text kept aside comes from, and what happens there.
#[derive(Clone, Copy)]
enum Aside<'a> {
    /// Moved from this local-storage key, which is then removed.
    Moved(&'a str),
    /// Copied from a record that stays and is read in part: said once.
    Copied,
    /// Given by the caller: said every time, as the record is not read.
    Given,
}

/// Whether the text is kept: set aside, or nothing was there to keep.
fn set_aside(notices: Notices, key: &str, problem: &str, remove: bool) -> bool {
    let Some(text) = storage::raw_text(key) else {
        notices.push(problem.to_owned(), None);
        return true;
    };
    let name = key.rsplit('/').next().unwrap_or(key);
    let from = if remove {
        Aside::Moved(key)
    } else {
        Aside::Copied
    };
    keep_aside(notices, name, text, problem, from)
}

/// Writes `text` aside under `name` and says so with the text to download.
fn keep_aside(notices: Notices, name: &str, text: String, problem: &str, from: Aside) -> bool {
    let base = format!("{QUARANTINE_PREFIX}{name}");
    // Another text kept aside for the same record earlier (an older
    // breakage, a newer app's fields) keeps its place: this one takes the
    // next free name, or the one that already holds the same text.
    let aside = (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .find(|k| storage::raw_text(k).is_none_or(|there| there == text))
        .unwrap_or(base);
    // A copy kept at an earlier visit is not made and said again.
    let there = storage::raw_text(&aside).as_deref() == Some(text.as_str());
    if there && matches!(from, Aside::Copied) {
        return true;
    }
    let kept = if there {
        Ok(())
    } else {
        storage::write_text(&aside, &text)
    };
    let kept = kept.and_then(|()| match from {
        Aside::Moved(key) => storage::remove(key),
        Aside::Copied | Aside::Given => Ok(()),
    });
    let whereabouts = match (kept.is_ok(), matches!(from, Aside::Moved(_))) {
        (true, _) => {
            "Исходный текст сохранён отдельно: его можно скачать сейчас или позже в разделе \
             «Повреждённые записи» и передать специалисту."
        }
        (false, true) => {
            "Исходный текст оставлен на месте; его можно скачать и передать специалисту."
        }
        (false, false) => "Скачайте исходный текст сейчас: сохранить его отдельно не удалось.",
    };
    notices.push(
        format!("{problem} {whereabouts}"),
        Some((RAW_FILE_NAME.to_owned(), text)),
    );
    kept.is_ok()
}
