//! What a school types and keeps: its profile, the draft as typed, the
//! checks of typed values, and drafts as stored and backed up.

pub mod draft;
pub mod input;
pub mod merge;
pub mod moved;
pub mod plan;
pub mod profile;
pub mod stored;
