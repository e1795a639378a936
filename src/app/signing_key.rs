//! The school's signing key in the browser: loaded at start, created on the
//! first export, backed up to and restored from a file.

use leptos::prelude::*;

use crate::app::browser::{now_iso, random_bytes};
use crate::app::storage;
use crate::app::workspace::{quarantine, Notices};
use profkarta_core::error::KeyError;
use profkarta_core::school::stored::KEY_STORAGE;
use profkarta_core::signed::keys::KeyPair;

#[derive(Clone, Copy)]
pub struct SigningKey {
    pub key: RwSignal<Option<KeyPair>>,
    notices: Notices,
}

impl SigningKey {
    pub fn start(notices: Notices) -> Self {
        let key = match storage::get(KEY_STORAGE) {
            Ok(Some(text)) => match KeyPair::from_backup(&text) {
                Ok(key) => Some(key),
                Err(e) => {
                    quarantine(notices, KEY_STORAGE, text, &format!("Ключ подписи: {e}"));
                    None
                }
            },
            _ => None,
        };
        Self {
            key: RwSignal::new(key),
            notices,
        }
    }

    pub fn fingerprint(self) -> Option<String> {
        self.key.with(|k| k.as_ref().map(KeyPair::fingerprint))
    }

    /// The key to sign with, created and stored on first use.
    pub fn get_or_create(self) -> KeyPair {
        if let Some(key) = self.key.get_untracked() {
            return key;
        }
        let key = KeyPair::from_seed(random_bytes::<32>());
        self.keep(&key);
        self.key.set(Some(key.clone()));
        key
    }

    fn keep(self, key: &KeyPair) {
        if let Err(e) = storage::set(KEY_STORAGE, &key.to_backup(&now_iso())) {
            self.notices.push(
                format!(
                    "Ключ подписи не сохранён в браузере: {e} Скачайте файл ключа, \
                     иначе следующая выгрузка будет подписана другим ключом."
                ),
                None,
            );
        }
    }

    pub fn backup(self) -> Option<String> {
        self.key
            .with_untracked(|k| k.as_ref().map(|k| k.to_backup(&now_iso())))
    }

    /// Replaces the key with the one in a backup file; returns its fingerprint.
    pub fn restore(self, text: &str) -> Result<String, KeyError> {
        let key = KeyPair::from_backup(text)?;
        let fingerprint = key.fingerprint();
        self.keep(&key);
        self.key.set(Some(key));
        Ok(fingerprint)
    }
}
