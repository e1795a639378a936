//! The school's signing key in the browser: loaded at start, created on the
//! first export, backed up to and restored from a file.

use leptos::prelude::*;

use profkarta_core::error::KeyError;
use profkarta_core::signed::keys::KeyPair;

use crate::platform::browser::{now_iso, random_bytes};
use crate::platform::storage::{self, Read, SIGNING_KEY};
use crate::shared::notices::Notices;
use crate::shared::quarantine::quarantine;

#[derive(Clone, Copy)]
pub struct SigningKey {
    key: RwSignal<Option<KeyPair>>,
    notices: Notices,
}

impl SigningKey {
    pub fn start(notices: Notices) -> Self {
        let stored = match storage::read(SIGNING_KEY) {
            Ok(Read::Json(value)) => Some(KeyPair::from_backup_value(value)),
            Ok(Read::NotJson) => Some(Err(KeyError::NotKeyFile)),
            _ => None,
        };
        let key = match stored {
            Some(Ok(key)) => Some(key),
            Some(Err(e)) => {
                quarantine(notices, SIGNING_KEY, &format!("Ключ подписи: {e}"));
                None
            }
            None => None,
        };
        Self {
            key: RwSignal::new(key),
            notices,
        }
    }

    pub fn fingerprint(self) -> Option<String> {
        self.key.with(|k| k.as_ref().map(KeyPair::fingerprint))
    }

    pub fn exists(self) -> bool {
        self.key.with_untracked(Option::is_some)
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
        if let Err(e) = storage::write(SIGNING_KEY, &key.backup(&now_iso())) {
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
