//! Undo and redo for an editor: the states to go back and forward to.
//! Typing in one field is one step, not one step per letter: a change in
//! the same group as the last one does not add a state.

#[derive(Debug, Clone)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// The group of the last change (a field's name), `None` after undo or
    /// redo, so that the next change always starts a new step.
    last_group: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            past: Vec::new(),
            future: Vec::new(),
            last_group: None,
        }
    }
}

impl<T> History<T> {
    /// Call before a change, with the state it changes: it becomes the state
    /// undo returns to, unless the change continues `group`.
    pub fn record(&mut self, before: T, group: &str) {
        if self.last_group.as_deref() != Some(group) {
            self.past.push(before);
            self.last_group = Some(group.to_owned());
        }
        self.future.clear();
    }

    /// The state before the last step, taking `now` for redo.
    pub fn undo(&mut self, now: T) -> Option<T> {
        let before = self.past.pop()?;
        self.future.push(now);
        self.last_group = None;
        Some(before)
    }

    pub fn redo(&mut self, now: T) -> Option<T> {
        let after = self.future.pop()?;
        self.past.push(now);
        self.last_group = None;
        Some(after)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::default();
        let mut text = String::new();
        for c in "Доля".chars() {
            h.record(text.clone(), "title");
            text.push(c);
        }
        h.record(text.clone(), "points");
        text.push('!');
        assert_eq!(h.undo(text.clone()).as_deref(), Some("Доля"));
        assert_eq!(h.undo("Доля".into()).as_deref(), Some(""));
        assert_eq!(h.undo(String::new()), None);
        assert_eq!(h.redo(String::new()).as_deref(), Some("Доля"));
        assert_eq!(h.redo("Доля".into()).as_deref(), Some("Доля!"));
        assert!(!h.can_redo());
    }

    #[test]
    fn a_new_change_after_undo_drops_the_redo_steps() {
        let mut h = History::default();
        h.record(1, "a");
        let back = h.undo(2).unwrap();
        assert_eq!(back, 1);
        h.record(back, "a");
        assert!(!h.can_redo());
        assert!(h.can_undo());
    }
}
