//! Where the coordinator was: the card, the year, the school open and the
//! tab. Reviewing forty schools takes several sittings, and a reload (or
//! the laptop reopened the next day) should bring back the school being
//! checked, not the first tab and the first school by name.
//!
//! Kept in local storage beside the workspace, not in it: it is this
//! browser's view, not the department's data, and is never in a backup.

use serde::{Deserialize, Serialize};

use crate::platform::storage::{self, Read, DEPARTMENT_PLACE};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub card: Option<String>,
    pub period: Option<String>,
    /// The submission open in review and letters; another year, or a newer
    /// file of the same school, opens that school's file instead.
    pub school: Option<String>,
    /// The tab's key ([`Tab::key`](crate::department::state::Tab::key)).
    pub tab: Option<String>,
}

impl Place {
    /// The place kept last; none when nothing was kept or it cannot be
    /// read (a place is a convenience: nothing is lost without it).
    pub fn kept() -> Self {
        match storage::read(DEPARTMENT_PLACE) {
            Ok(Read::Json(value)) => serde_json::from_value(value).unwrap_or_default(),
            _ => Self::default(),
        }
    }

    /// Keeps the place; a full or closed storage only loses the place.
    pub fn keep(&self) {
        let _ = storage::write(DEPARTMENT_PLACE, self);
    }
}
