//! The core of Profkarta, with no web dependencies: the card model, input
//! checks, scoring, drafts, signatures and the submission file, and the
//! department's side (import rules, review, results, dynamics, letters).
//!
//! Nothing here knows about the browser or names a browser storage key;
//! `cargo test` exercises all of it natively.

pub mod card;
pub mod department;
pub mod error;
pub mod export;
pub mod json;
pub mod list;
pub mod school;
pub mod scoring;
pub mod signed;
pub mod tabular;
#[cfg(any(test, feature = "testkit"))]
pub mod testkit;
pub mod text;
pub mod three_way;
