//! The web-free core: the card model, input checks, scoring, drafts,
//! signatures and the submission file.
//!
//! Nothing here knows about the browser; `cargo test` exercises it natively.

pub mod canonical;
pub mod card;
pub mod department;
pub mod draft;
pub mod drafts;
pub mod error;
pub mod explain;
pub mod input;
pub mod profile;
pub mod scoring;
pub mod signature;
pub mod spreadsheet;
pub mod submission;
pub mod text;
