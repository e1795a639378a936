//! The school's Ed25519 key: signing exports, verifying them, and the key
//! backup file that lets a school keep one key across computers.
//!
//! Randomness comes from the caller (the browser's `crypto.getRandomValues`),
//! so this module stays pure and its tests deterministic.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{KeyError, SubmissionError};

pub const KEY_FILE_FORMAT: &str = "profkarta-key";

#[derive(Clone)]
pub struct KeyPair {
    signing: SigningKey,
}

impl KeyPair {
    pub fn from_seed(seed: [u8; 32]) -> Self {
        Self {
            signing: SigningKey::from_bytes(&seed),
        }
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.signing.verifying_key().to_bytes()
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public_key())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    /// The backup file: the secret with its public half, so that a damaged
    /// file is recognised instead of silently signing with another key, and
    /// whose key it is. The browser keeps the key in the same form.
    pub fn backup(&self, created_at: &str, role: KeyRole) -> KeyFile {
        KeyFile {
            format: KEY_FILE_FORMAT.to_owned(),
            role: Some(role),
            secret_key: to_hex(&self.signing.to_bytes()),
            public_key: to_hex(&self.public_key()),
            fingerprint: self.fingerprint(),
            created_at: created_at.to_owned(),
        }
    }

    /// [`KeyPair::backup`] as the text of the file.
    pub fn to_backup(&self, created_at: &str, role: KeyRole) -> String {
        serde_json::to_string_pretty(&self.backup(created_at, role)).expect("a key file serialises")
    }

    /// [`KeyPair::from_backup`] of a file restored as `role`'s key: a
    /// school's key is not restored as the department's, nor the reverse.
    /// A file from before keys named their role is taken as it is.
    pub fn from_backup_as(text: &str, role: KeyRole) -> Result<Self, KeyError> {
        let value: serde_json::Value =
            crate::json::parse(text).map_err(|_| KeyError::NotKeyFile)?;
        match value
            .get("role")
            .cloned()
            .map(serde_json::from_value::<KeyRole>)
        {
            Some(Ok(other)) if other != role => return Err(KeyError::OtherRole(other)),
            _ => {}
        }
        Self::from_backup_value(value)
    }

    pub fn from_backup(text: &str) -> Result<Self, KeyError> {
        let value = crate::json::parse(text).map_err(|_| KeyError::NotKeyFile)?;
        Self::from_backup_value(value)
    }

    /// [`KeyPair::from_backup`] for JSON already parsed (local storage).
    pub fn from_backup_value(value: serde_json::Value) -> Result<Self, KeyError> {
        let file: KeyFile = serde_json::from_value(value).map_err(|_| KeyError::NotKeyFile)?;
        if file.format != KEY_FILE_FORMAT {
            return Err(KeyError::NotKeyFile);
        }
        let seed = from_hex::<32>(&file.secret_key).ok_or(KeyError::Damaged)?;
        let key = Self::from_seed(seed);
        if to_hex(&key.public_key()) != file.public_key.to_ascii_lowercase() {
            return Err(KeyError::Damaged);
        }
        // The fingerprint a person compares by eye must be the key's: a
        // file saying another (edited by hand) is refused, as an export's is.
        let declared = file.fingerprint.trim().to_ascii_uppercase();
        let actual = key.fingerprint();
        if declared != actual {
            return Err(KeyError::FingerprintMismatch { declared, actual });
        }
        Ok(key)
    }
}

/// Whose signing key it is: a school's signs its exports, the
/// department's its cards and its reviewers' files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyRole {
    School,
    Department,
}

/// A key backup file (`profkarta-key`); it holds the secret key.
#[derive(Serialize, Deserialize)]
pub struct KeyFile {
    format: String,
    /// Absent in files written before 2026-12-03.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<KeyRole>,
    secret_key: String,
    public_key: String,
    fingerprint: String,
    created_at: String,
}

/// Verifies with the strict rules (no malleable signatures, no weak keys).
pub fn verify(
    public_key: &[u8; 32],
    message: &[u8],
    signature: &[u8; 64],
) -> Result<(), SubmissionError> {
    let key = VerifyingKey::from_bytes(public_key).map_err(|_| SubmissionError::BadEncoding {
        field: "public_key",
    })?;
    key.verify_strict(message, &Signature::from_bytes(signature))
        .map_err(|_| SubmissionError::SignatureInvalid)
}

/// A short, readable name of a public key: the first 8 bytes of its SHA-256
/// in four groups, "3F2A-91B0-77C4-0D1E". Enough to tell keys apart by eye.
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    let digest = Sha256::digest(public_key);
    digest[..8]
        .chunks(2)
        .map(|pair| format!("{:02X}{:02X}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join("-")
}

pub fn sha256_hex(data: &[u8]) -> String {
    to_hex(&Sha256::digest(data))
}

pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses exactly `N` bytes of hex (either case); anything else is `None`.
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.as_bytes();
    if text.len() != N * 2 {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; N];
    for (i, pair) in text.chunks(2).enumerate() {
        out[i] = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: [u8; 32] = [7; 32];

    #[test]
    fn sign_and_verify_round_trip() {
        let key = KeyPair::from_seed(SEED);
        let sig = key.sign(b"payload");
        assert_eq!(verify(&key.public_key(), b"payload", &sig), Ok(()));
    }

    #[test]
    fn any_changed_byte_fails() {
        let key = KeyPair::from_seed(SEED);
        let msg = b"{\"total\":15}".to_vec();
        let sig = key.sign(&msg);
        for i in 0..msg.len() {
            let mut altered = msg.clone();
            altered[i] ^= 0x01;
            assert_eq!(
                verify(&key.public_key(), &altered, &sig),
                Err(SubmissionError::SignatureInvalid)
            );
        }
        for i in 0..64 {
            let mut altered = sig;
            altered[i] ^= 0x01;
            assert!(verify(&key.public_key(), &msg, &altered).is_err());
        }
        let other = KeyPair::from_seed([8; 32]);
        assert!(verify(&other.public_key(), &msg, &sig).is_err());
    }

    #[test]
    fn fingerprint_is_short_and_stable() {
        let key = KeyPair::from_seed(SEED);
        let fp = key.fingerprint();
        assert_eq!(fp.len(), 19);
        assert_eq!(fp, KeyPair::from_seed(SEED).fingerprint());
        assert_ne!(fp, KeyPair::from_seed([8; 32]).fingerprint());
    }

    #[test]
    fn key_backup_round_trip() {
        let key = KeyPair::from_seed(SEED);
        let text = key.to_backup("2026-11-22T10:00:00Z", KeyRole::School);
        let restored = KeyPair::from_backup(&text).unwrap();
        assert_eq!(restored.public_key(), key.public_key());
        // Restored on its own page only; a file from before roles anywhere.
        let school = KeyPair::from_backup_as(&text, KeyRole::School).unwrap();
        assert_eq!(school.public_key(), key.public_key());
        assert_eq!(
            KeyPair::from_backup_as(&text, KeyRole::Department).err(),
            Some(KeyError::OtherRole(KeyRole::School))
        );
        let department = key.to_backup("2026-11-22T10:00:00Z", KeyRole::Department);
        assert_eq!(
            KeyPair::from_backup_as(&department, KeyRole::School).err(),
            Some(KeyError::OtherRole(KeyRole::Department))
        );
        let older = text.replace("\"role\": \"school\",", "");
        assert_ne!(older, text);
        for role in [KeyRole::School, KeyRole::Department] {
            assert!(KeyPair::from_backup_as(&older, role).is_ok());
        }
    }

    #[test]
    fn damaged_key_backups_are_refused() {
        let key = KeyPair::from_seed(SEED);
        let text = key.to_backup("2026-11-22T10:00:00Z", KeyRole::School);
        let other_public = to_hex(&KeyPair::from_seed([9; 32]).public_key());
        let mismatched = text.replace(&to_hex(&key.public_key()), &other_public);
        assert!(matches!(
            KeyPair::from_backup(&mismatched),
            Err(KeyError::Damaged)
        ));
        assert!(matches!(
            KeyPair::from_backup("{}"),
            Err(KeyError::NotKeyFile)
        ));
        assert!(matches!(
            KeyPair::from_backup("ключ"),
            Err(KeyError::NotKeyFile)
        ));
        // Another fingerprint written into the file: said with both.
        let fp = key.fingerprint();
        let claimed = text.replace(&fp, "AAAA-BBBB-CCCC-DDDD");
        assert_eq!(
            KeyPair::from_backup(&claimed).err().map(|e| e.to_string()),
            Some(format!(
                "Файл ключа повреждён: в нём записан отпечаток AAAA-BBBB-CCCC-DDDD, а у ключа в \
                 нём отпечаток {fp}."
            ))
        );
        // Written in lower case it is the same fingerprint.
        assert!(KeyPair::from_backup(&text.replace(&fp, &fp.to_lowercase())).is_ok());
    }

    #[test]
    fn hex_round_trip_and_refusals() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(to_hex(&bytes), "0001abff");
        assert_eq!(from_hex::<4>("0001ABff"), Some(bytes));
        assert_eq!(from_hex::<4>("0001abf"), None);
        assert_eq!(from_hex::<4>("0001abfg"), None);
        assert_eq!(from_hex::<4>("ЖЖ01"), None);
    }
}
