//! The department's card as a signed file (`profkarta-card`): how a card
//! the department made reaches schools from a static website, and how a
//! school knows it is the department's and unchanged.
//!
//! ```text
//! { "format": "profkarta-card", "format_version": 1,
//!   "payload": { "card": {...}, "sha256": hex, "department": "…", "published_at": "…" },
//!   "signature": { ... as in a submission ... } }
//! ```

use serde::{Deserialize, Serialize};

use crate::card::validate::validate;
use crate::card::Card;
use crate::error::{CardFileError, SiteIndexError};
use crate::signed::envelope::{open_value, seal_value};
use crate::signed::keys::{to_hex, KeyPair};
use crate::signed::submission::card_hash;

pub const FORMAT: &str = "profkarta-card";
pub const FORMAT_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    card: Card,
    /// The hash a submission of this card names: checked on opening.
    sha256: String,
    department: String,
    published_at: String,
}

/// A card file whose signature, hash and card checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardFile {
    pub card: Card,
    pub department: String,
    pub published_at: String,
    pub public_key: [u8; 32],
    pub fingerprint: String,
}

/// The department's key a school trusts, pinned from the first card file it
/// opened: later cards must be signed by the same key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedKey {
    pub public_key: String,
    pub fingerprint: String,
    pub department: String,
    /// The keys trusted before this one, which the school agreed to
    /// replace (the department's new computer): the cards received under
    /// them stay good; a card opened now must be this key's. Trusting the
    /// new key had sent every card received before, and the drafts on
    /// them, to «Повреждённые записи» at the next start.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former: Vec<String>,
}

impl TrustedKey {
    pub fn of(file: &CardFile) -> Self {
        Self {
            public_key: to_hex(&file.public_key),
            fingerprint: file.fingerprint.clone(),
            department: file.department.clone(),
            former: Vec::new(),
        }
    }

    /// `file`'s key, trusted in place of this one: this one and those
    /// before it keep the cards already received.
    pub fn replaced_by(self, file: &CardFile) -> Self {
        let next = Self::of(file);
        let mut former = self.former;
        former.push(self.public_key);
        former.retain(|k| *k != next.public_key);
        former.dedup();
        Self { former, ..next }
    }

    /// Whether a card kept in the browser is signed by this key or by one
    /// trusted before it.
    pub fn check_kept(&self, file: &CardFile) -> Result<(), CardFileError> {
        match self.former.contains(&to_hex(&file.public_key)) {
            true => Ok(()),
            false => self.check(file),
        }
    }

    /// Whether `file` is signed by this key; if not, the error names both.
    pub fn check(&self, file: &CardFile) -> Result<(), CardFileError> {
        if to_hex(&file.public_key) == self.public_key {
            Ok(())
        } else {
            Err(CardFileError::OtherKey {
                trusted: self.fingerprint.clone(),
                got: file.fingerprint.clone(),
            })
        }
    }
}

/// Signs `card` as published by `department` at `published_at`.
pub fn seal_card(card: &Card, department: &str, published_at: &str, key: &KeyPair) -> String {
    let payload = Payload {
        card: card.clone(),
        sha256: card_hash(card),
        department: department.to_owned(),
        published_at: published_at.to_owned(),
    };
    let value = serde_json::to_value(&payload).expect("a card file serialises");
    seal_value(FORMAT, FORMAT_VERSION, value, key)
}

/// Reads and verifies a card file. Only a signed, whole, valid card that can
/// be filled in gets through.
pub fn open_card(text: &str) -> Result<CardFile, CardFileError> {
    let envelope = open_value(text, FORMAT, FORMAT_VERSION)?;
    let payload: Payload = crate::json::from_value(envelope.payload)
        .map_err(|detail| CardFileError::Broken { detail })?;
    validate(&payload.card).map_err(CardFileError::Invalid)?;
    if payload.card.template {
        return Err(CardFileError::Template);
    }
    if card_hash(&payload.card) != payload.sha256 {
        return Err(CardFileError::HashMismatch);
    }
    Ok(CardFile {
        card: payload.card,
        department: payload.department,
        published_at: payload.published_at,
        public_key: envelope.public_key,
        fingerprint: envelope.fingerprint,
    })
}

/// The file name on the website: `leninsk-kuznetsky-v2.json`.
pub fn card_file_name(card: &Card) -> String {
    format!("{}-v{}.json", card.id, card.version)
}

pub const INDEX_FORMAT: &str = "profkarta-card-index";
/// Where the school page looks for the department's published cards,
/// relative to the page: a folder the coordinator copies to the website.
pub const SITE_FOLDER: &str = "cards";
pub const INDEX_NAME: &str = "index.json";

/// `cards/index.json`: which card files the website offers. Unsigned: each
/// file it names is signed and checked on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteIndex {
    pub format: String,
    pub department: String,
    pub cards: Vec<SiteEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteEntry {
    pub id: String,
    pub version: u32,
    pub title: String,
    /// A file name in the same folder, never a path or an address.
    pub file: String,
}

/// The files of the `cards/` folder: every signed card `(card, file text)`
/// and the index naming them, as (path, text).
pub fn site_files<'a>(
    department: &str,
    cards: impl IntoIterator<Item = (&'a Card, &'a str)>,
) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut entries = Vec::new();
    for (card, text) in cards {
        let file = card_file_name(card);
        files.push((format!("{SITE_FOLDER}/{file}"), text.to_owned()));
        entries.push(SiteEntry {
            id: card.id.clone(),
            version: card.version,
            title: card.title.clone(),
            file,
        });
    }
    let index = SiteIndex {
        format: INDEX_FORMAT.to_owned(),
        department: department.to_owned(),
        cards: entries,
    };
    let text = serde_json::to_string_pretty(&index).expect("an index serialises");
    files.push((format!("{SITE_FOLDER}/{INDEX_NAME}"), text));
    files
}

/// Reads `cards/index.json`; names that are not plain file names of this
/// folder are left out.
pub fn read_site_index(text: &str) -> Result<SiteIndex, SiteIndexError> {
    let mut index: SiteIndex =
        crate::json::from_text(text).map_err(|detail| SiteIndexError::Broken { detail })?;
    if index.format != INDEX_FORMAT {
        return Err(SiteIndexError::NotIndex);
    }
    index.cards.retain(|e| {
        e.file.ends_with(".json")
            && e.file
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
    });
    Ok(index)
}

mod received;
pub use received::{received_notice, Received};

#[cfg(test)]
mod tests;
