//! A reviewer's comment as it is typed: written into the workspace after a
//! pause and when the page closes. Written only when the box was left, a
//! reason typed and then reloaded with the cursor still in the box was lost
//! (a walk-through); written at every key, it would wake every view of the
//! workspace, as a letter's text did.

use std::time::Duration;

use leptos::prelude::*;

use crate::department::state::Dept;
use crate::shared::debounce::Debounce;

/// How long typing may pause before the comment is written.
const PAUSE: Duration = Duration::from_millis(500);

#[derive(Clone, Copy)]
pub struct TypedComment {
    /// (submission, indicator code, text) not yet written.
    typed: StoredValue<Option<(String, String, String)>>,
    pause: Debounce,
    dept: Dept,
}

impl TypedComment {
    /// One for the review panel, whose closing, or the page's, writes
    /// what waits ([`Dept::hold_unwritten`]).
    pub fn new(dept: Dept) -> Self {
        let comment = Self {
            typed: StoredValue::new(None),
            pause: Debounce::saving(),
            dept,
        };
        dept.hold_unwritten(move || comment.pause.now(move || comment.write()));
        comment
    }

    /// The box of `code` in `submission`'s review now reads `text`.
    pub fn input(self, submission: &str, code: &str, text: String) {
        let other = self.typed.with_value(|t| {
            t.as_ref()
                .is_some_and(|(s, c, _)| s != submission || c != code)
        });
        if other {
            self.pause.cancel();
            self.write();
        }
        self.typed
            .set_value(Some((submission.to_owned(), code.to_owned(), text)));
        self.pause.schedule(PAUSE, move || self.write());
    }

    /// Writes what waits now: the box was left.
    pub fn leave(self) {
        self.pause.cancel();
        self.write();
    }

    fn write(self) {
        if let Some((submission, code, text)) = self.typed.try_update_value(Option::take).flatten()
        {
            self.dept.comment(&submission, &code, text);
        }
    }
}
