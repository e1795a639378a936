//! Waiting for a pause in the user's changes before saving: each new change
//! restarts the wait, and closing the page runs a waiting save at once.
//! Shared by the school's drafts and the department's workspace.

use std::time::Duration;

use leptos::prelude::*;

/// The longest a change waits to be saved while the changes go on.
pub const SAVED_WITHIN: Duration = Duration::from_secs(3);

#[derive(Clone, Copy)]
pub struct Debounce {
    timer: StoredValue<Option<TimeoutHandle>>,
    /// When the waiting run was first asked for (ms since the epoch).
    since: StoredValue<Option<f64>>,
    /// The longest a run waits for a pause, if it may not wait for ever.
    longest: Option<Duration>,
}

impl Debounce {
    /// Waits for a pause, however long the changes go on: for what is only
    /// worth doing once they stop (a line read out).
    pub fn new() -> Self {
        Self {
            timer: StoredValue::new(None),
            since: StoredValue::new(None),
            longest: None,
        }
    }

    /// Waits for a pause, but not longer than [`SAVED_WITHIN`] since the
    /// first change it waits with: a save. A slow typist's key every 400 ms
    /// kept a half-second pause from ever coming, and a browser that
    /// crashed after minutes of typing lost all of it (a walk-through).
    pub fn saving() -> Self {
        Self {
            longest: Some(SAVED_WITHIN),
            ..Self::new()
        }
    }

    /// Runs `run` after `delay`, unless scheduled again or cancelled before;
    /// no later than the longest wait ([`Debounce::saving`]).
    pub fn schedule(self, delay: Duration, run: impl FnOnce() + 'static) {
        self.clear_timer();
        let now = js_sys::Date::now();
        let since = (self.since)
            .try_update_value(|since| *since.get_or_insert(now))
            .unwrap_or(now);
        let delay = match self.longest {
            Some(longest) => {
                let waited = Duration::from_millis((now - since).max(0.0) as u64);
                delay.min(longest.saturating_sub(waited))
            }
            None => delay,
        };
        let (timer, started) = (self.timer, self.since);
        let handle = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                started.set_value(None);
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
        self.since.set_value(None);
        self.clear_timer()
    }

    fn clear_timer(self) -> bool {
        match self.timer.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }
}
