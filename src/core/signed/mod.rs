//! Signed files: canonical JSON, Ed25519 keys, and the submission a school
//! hands to the department.

pub mod canonical;
pub mod card_file;
pub mod envelope;
pub mod keys;
pub mod submission;
