//! The department's screens as data: what the rating shows in which order,
//! which school is open, which keys wait for a decision, how the import went.
//! The shell renders these and sends the coordinator's choices back; every
//! decision here is tested natively.

pub mod held;
pub mod history;
pub mod import;
pub mod progress;
pub mod rating;
pub mod selection;
