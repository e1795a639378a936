//! The web-free core: the card model, input checks and scoring.
//!
//! Nothing here knows about the browser; `cargo test` exercises it natively.

pub mod card;
pub mod draft;
pub mod error;
pub mod explain;
pub mod input;
pub mod profile;
pub mod scoring;
pub mod text;
