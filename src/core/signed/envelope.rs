//! The envelope every signed file of Profkarta shares: a format name and
//! version, a payload, and an Ed25519 signature over the payload's canonical
//! bytes. Submissions and the department's card files differ only in what
//! the payload holds.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::SubmissionError;
use crate::json::{parse_unique, NotUnique};
use crate::signed::canonical::canonical_bytes;
use crate::signed::keys::{fingerprint, from_hex, to_hex, verify, KeyPair};

/// Nothing may ride along unsigned beside the payload.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignedFile<P = Value> {
    format: String,
    format_version: u64,
    payload: P,
    signature: SignatureBlock,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureBlock {
    algorithm: String,
    public_key: String,
    fingerprint: String,
    value: String,
}

/// A payload whose signature checked out, with the key that made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope<P = Value> {
    pub payload: P,
    pub public_key: [u8; 32],
    /// Recomputed from the key; the file's own had to be the same.
    pub fingerprint: String,
}

/// Signs `payload` and returns the file's text.
pub fn seal_value(format: &str, version: u64, payload: Value, key: &KeyPair) -> String {
    let bytes = canonical_bytes(&payload).expect("a payload has no fractional numbers");
    let file = SignedFile {
        format: format.to_owned(),
        format_version: version,
        payload,
        signature: SignatureBlock {
            algorithm: "Ed25519".to_owned(),
            public_key: to_hex(&key.public_key()),
            fingerprint: key.fingerprint(),
            value: to_hex(&key.sign(&bytes)),
        },
    };
    serde_json::to_string_pretty(&file).expect("a signed file serialises")
}

/// Reads a file of `format` and `version` and verifies its signature. The
/// errors are the submission's; a caller with another kind of file names
/// them in its own words.
///
/// What is signed is the meaning of the payload, so nothing may leave that
/// meaning open to the reader: no key twice in one object, and no declared
/// fingerprint other than the key's, which a person comparing fingerprints
/// by eye would believe.
pub fn open_value(text: &str, format: &str, version: u64) -> Result<Envelope, SubmissionError> {
    let mut value = parse_unique(text).map_err(|e| match e {
        NotUnique::Syntax => SubmissionError::NotJson,
        NotUnique::Repeated { path } => SubmissionError::DuplicateKey { path },
    })?;
    if value.get("format").and_then(Value::as_str) != Some(format) {
        return Err(SubmissionError::NotSubmission);
    }
    match value.get("format_version").and_then(Value::as_u64) {
        Some(v) if v == version => {}
        Some(version) => return Err(SubmissionError::UnsupportedVersion { version }),
        None => return Err(SubmissionError::NotSubmission),
    }
    // The payload is moved out and back rather than read through serde,
    // which rebuilt its tree node by node and dropped the original: a
    // seventh of a worker's check of a 10 KB file. A `null` holds its place,
    // so a file without one is refused as before.
    let payload = (value.get_mut("payload")).map_or(Value::Null, Value::take);
    let mut file: SignedFile =
        crate::json::from_value(value).map_err(|detail| SubmissionError::Shape { detail })?;
    file.payload = payload;
    if file.signature.algorithm != "Ed25519" {
        return Err(SubmissionError::BadEncoding { field: "algorithm" });
    }
    let public_key =
        from_hex::<32>(&file.signature.public_key).ok_or(SubmissionError::BadEncoding {
            field: "public_key",
        })?;
    let signature = from_hex::<64>(&file.signature.value)
        .ok_or(SubmissionError::BadEncoding { field: "value" })?;
    let actual = fingerprint(&public_key);
    if !file.signature.fingerprint.eq_ignore_ascii_case(&actual) {
        return Err(SubmissionError::FingerprintMismatch { actual });
    }
    verify(&public_key, &canonical_bytes(&file.payload)?, &signature)?;
    Ok(Envelope {
        payload: file.payload,
        public_key,
        fingerprint: actual,
    })
}

/// Reads a file that [`open_value`] has already accepted (in a worker, on
/// the same text) straight into its payload's type. The canonical bytes and
/// the curve arithmetic, most of a check's cost, are not done again; the
/// fingerprint is recomputed, as there.
pub fn open_verified<P: DeserializeOwned>(
    text: &str,
    format: &str,
    version: u64,
) -> Result<Envelope<P>, SubmissionError> {
    let file: SignedFile<P> =
        crate::json::from_text(text).map_err(|detail| SubmissionError::Shape { detail })?;
    if file.format != format || file.format_version != version {
        return Err(SubmissionError::NotSubmission);
    }
    let public_key =
        from_hex::<32>(&file.signature.public_key).ok_or(SubmissionError::BadEncoding {
            field: "public_key",
        })?;
    Ok(Envelope {
        payload: file.payload,
        fingerprint: fingerprint(&public_key),
        public_key,
    })
}
