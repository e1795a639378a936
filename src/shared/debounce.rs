//! Waiting for a pause in the user's changes before saving: each new change
//! restarts the wait, and closing the page runs a waiting save at once.
//! Shared by the school's drafts and the department's workspace.

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Debounce {
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Debounce {
    pub fn new() -> Self {
        Self {
            timer: StoredValue::new(None),
        }
    }

    /// Runs `run` after `delay`, unless scheduled again or cancelled before.
    pub fn schedule(self, delay: Duration, run: impl FnOnce() + 'static) {
        self.cancel();
        let timer = self.timer;
        let handle = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                run();
            },
            delay,
        );
        self.timer.set_value(handle.ok());
    }

    /// Runs `run` now, if a run was waiting, instead of at the pause;
    /// `true` if one was.
    pub fn now(self, run: impl FnOnce()) -> bool {
        let waiting = self.cancel();
        if waiting {
            run();
        }
        waiting
    }

    /// Drops a waiting run; `true` if one was waiting (the caller may then
    /// do it now).
    pub fn cancel(self) -> bool {
        match self.timer.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }
}
