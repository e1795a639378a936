//! A signing key kept in the browser: the school's (it signs submissions)
//! or the department's (it signs the cards it publishes). Loaded at start,
//! created on first use, backed up to and restored from a file.

use leptos::prelude::*;

use profkarta_core::error::KeyError;
use profkarta_core::signed::keys::{KeyPair, KeyRole};

use crate::platform::browser::{confirm, now_iso, random_bytes};
use crate::platform::storage::{self, Read, DEPARTMENT_KEY, SIGNING_KEY};
use crate::shared::notices::Notices;
use crate::shared::quarantine::quarantine;

/// Whose key it is: where it is stored and how the page speaks of it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum KeyOwner {
    School,
    Department,
}

impl KeyOwner {
    fn storage_key(self) -> &'static str {
        match self {
            Self::School => SIGNING_KEY,
            Self::Department => DEPARTMENT_KEY,
        }
    }

    fn role(self) -> KeyRole {
        match self {
            Self::School => KeyRole::School,
            Self::Department => KeyRole::Department,
        }
    }

    pub fn backup_file_name(self) -> &'static str {
        match self {
            Self::School => "profkarta_ключ_подписи.json",
            Self::Department => "profkarta_ключ_отдела.json",
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Self::School => "Ключ электронной подписи школы",
            Self::Department => "Ключ подписи отдела образования",
        }
    }

    /// The id of the restore button's file input.
    pub fn picker_id(self) -> &'static str {
        match self {
            Self::School => "restore-key",
            Self::Department => "restore-department-key",
        }
    }

    /// Who would not know a new key: «отделу образования», «школам».
    pub fn stranger_to(self) -> &'static str {
        match self {
            Self::School => "отделу образования",
            Self::Department => "школам",
        }
    }

    /// What the key signs, for the hints: «выгрузки», «карты».
    pub fn signs(self) -> &'static str {
        match self {
            Self::School => "выгрузки",
            Self::Department => "карты",
        }
    }
}

#[derive(Clone, Copy)]
pub struct SigningKey {
    key: RwSignal<Option<KeyPair>>,
    /// The stored key could not be read (set aside): a new one would sign
    /// as a stranger, so it is made only when the user agrees.
    damaged: RwSignal<bool>,
    /// The key in use could not be written (storage full): written again
    /// when the page is hidden or left, or signs again, and the page asks
    /// before it is closed while it is still not written.
    unsaved: StoredValue<bool>,
    owner: KeyOwner,
    notices: Notices,
}

impl SigningKey {
    pub fn start(owner: KeyOwner, notices: Notices) -> Self {
        let place = owner.storage_key();
        let stored = match storage::read(place) {
            Ok(Read::Json(value)) => Some(KeyPair::from_backup_value(value)),
            Ok(Read::NotJson) => Some(Err(KeyError::NotKeyFile)),
            _ => None,
        };
        let damaged = matches!(stored, Some(Err(_)));
        let key = match stored {
            Some(Ok(key)) => Some(key),
            Some(Err(e)) => {
                quarantine(notices, place, &e.in_storage());
                None
            }
            None => None,
        };
        let this = Self {
            key: RwSignal::new(key),
            damaged: RwSignal::new(damaged),
            unsaved: StoredValue::new(false),
            owner,
            notices,
        };
        this.keep_trying();
        this
    }

    /// A key storage refused is written again once there may be room,
    /// and not lost by closing the page: without it the next file would
    /// be signed by a new key, which the department has to accept anew.
    fn keep_trying(self) {
        let on_hidden = window_event_listener_untyped("visibilitychange", move |_| self.retry());
        let on_leave = window_event_listener(leptos::ev::beforeunload, move |e| {
            self.retry();
            if self.unsaved.get_value() {
                e.prevent_default();
                e.set_return_value("");
            }
        });
        on_cleanup(move || {
            on_hidden.remove();
            on_leave.remove();
        });
    }

    /// Writes a key storage refused before, quietly; says so once it is in.
    fn retry(self) {
        if !self.unsaved.get_value() {
            return;
        }
        let Some(key) = self.key.get_untracked() else {
            return;
        };
        if storage::write(
            self.owner.storage_key(),
            &key.backup(&now_iso(), self.owner.role()),
        )
        .is_ok()
        {
            self.unsaved.set_value(false);
            self.notices
                .push_passing("Ключ подписи сохранён в браузере: место в хранилище освободилось.");
        }
    }

    pub fn owner(self) -> KeyOwner {
        self.owner
    }

    pub fn fingerprint(self) -> Option<String> {
        self.key.with(|k| k.as_ref().map(KeyPair::fingerprint))
    }

    pub fn exists(self) -> bool {
        self.key.with_untracked(Option::is_some)
    }

    /// The stored key was damaged and nothing has taken its place yet.
    pub fn damaged(self) -> bool {
        self.damaged.get() && self.key.with(Option::is_none)
    }

    /// The key to sign with, made on first use. In place of a damaged one,
    /// a new key is made only when the user agrees: whoever checks the
    /// signatures would not know it.
    pub fn signer(self) -> Option<KeyPair> {
        let agreed = !self.damaged.get_untracked()
            || self.exists()
            || confirm(&format!(
                "Сохранённый ключ подписи этого браузера повреждён. Подписать новым ключом? \
                 Он будет незнаком {}. Чтобы подписать прежним ключом, нажмите «Отмена», \
                 восстановите ключ из файла ключа (резервной копии) и повторите.",
                self.owner.stranger_to()
            ));
        agreed.then(|| self.get_or_create())
    }

    /// The key to sign with, created and stored on first use.
    fn get_or_create(self) -> KeyPair {
        if let Some(key) = self.key.get_untracked() {
            self.retry();
            return key;
        }
        let key = KeyPair::from_seed(random_bytes::<32>());
        self.keep(&key);
        self.key.set(Some(key.clone()));
        key
    }

    fn keep(self, key: &KeyPair) {
        let written = storage::write(
            self.owner.storage_key(),
            &key.backup(&now_iso(), self.owner.role()),
        );
        self.unsaved.set_value(written.is_err());
        if let Err(e) = written {
            self.notices.push(
                format!(
                    "Ключ подписи не сохранён в браузере: {e} Скачайте файл ключа, \
                     иначе следующие {} будут подписаны другим ключом.",
                    self.owner.signs()
                ),
                None,
            );
        }
    }

    pub fn backup(self) -> Option<String> {
        self.key.with_untracked(|k| {
            k.as_ref()
                .map(|k| k.to_backup(&now_iso(), self.owner.role()))
        })
    }

    /// Replaces the key with the one in a backup file; returns its fingerprint.
    /// The key a backup file holds, read before anything is asked: a
    /// wrong file was refused only after «Заменить ключ…?».
    pub fn read_backup(self, text: &str) -> Result<KeyPair, KeyError> {
        KeyPair::from_backup_as(text, self.owner.role())
    }

    /// Makes `key` this browser's; its fingerprint.
    pub fn restore(self, key: KeyPair) -> String {
        let fingerprint = key.fingerprint();
        self.keep(&key);
        self.key.set(Some(key));
        fingerprint
    }
}
