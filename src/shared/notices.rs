//! Messages for the user that stay until dismissed, optionally with the raw
//! text they are about, so that it can be downloaded and nothing is lost.

use leptos::prelude::*;

use profkarta_core::text::sentence;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// (file name, text) to offer as a download beside the message.
    pub raw: Option<(String, String)>,
    /// What the notice is about, where it stops being true: withdrawn
    /// with its topic (see [`Topic`]).
    topic: Option<Topic>,
    /// A file refused, or text that could not be read and is kept aside
    /// (it comes with `raw`): drawn as a warning, so that it is not read
    /// as one of the messages of what went right beside it.
    pub problem: bool,
    /// The name of the file a refusal is about.
    refused: Option<String>,
}

/// «Файл «имя» не открыт. Причина.»: a picked file refused (or a file the
/// browser would not hand over, «не скачан»), said the same way by every
/// file button of both pages, whatever the reason's source.
fn refused(name: &str, not_done: &str, why: &str) -> String {
    let mut why = sentence(why.trim());
    if !why.ends_with('.') {
        why.push('.');
    }
    format!("Файл «{name}» {not_done}. {why}")
}

/// What a notice is about, for notices that stop being true.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// What happened to the open draft: withdrawn when another one opens,
    /// where it would read as said of that one.
    Draft,
    /// A card published and not yet put on the site: withdrawn once the
    /// site's folder is downloaded; a later one replaces it.
    Unpublished,
    /// What both of the department's tabs changed: withdrawn when the
    /// pause it explains ends.
    TabConflict,
    /// A reviewer's file downloaded, and whom to send it to: the next
    /// download's replaces it (ten of them pushed a walk-through's tabs off
    /// the first screen).
    Sent,
}

/// The page's notices, shared through context by both pages, and how many
/// were ever said ([`Notices::said`]).
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>, StoredValue<u64>);

impl Notices {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()), StoredValue::new(0))
    }

    pub fn push(self, text: impl Into<String>, raw: Option<(String, String)>) {
        self.add(text.into(), raw, None);
    }

    /// A file refused, picked or offered ([`refused`]), drawn as a warning.
    pub fn refuse(self, name: &str, not_done: &str, why: &str) {
        self.put(Notice {
            text: refused(name, not_done, why),
            raw: None,
            topic: None,
            problem: true,
            refused: Some(name.to_owned()),
        });
    }

    /// A notice about the open draft; see [`Topic::Draft`].
    pub fn push_passing(self, text: impl Into<String>) {
        self.add(text.into(), None, Some(Topic::Draft));
    }

    /// Withdraws the notices about the draft that was open.
    pub fn withdraw_passing(self) {
        self.withdraw(Topic::Draft);
    }

    /// A notice about `topic`, in place of an earlier one about it.
    pub fn push_about(self, topic: Topic, text: impl Into<String>) {
        self.withdraw(topic);
        self.add(text.into(), None, Some(topic));
    }

    /// Withdraws the notices about `topic`.
    pub fn withdraw(self, topic: Topic) {
        if self
            .0
            .with_untracked(|all| all.iter().any(|n| n.topic == Some(topic)))
        {
            self.0.update(|all| all.retain(|n| n.topic != Some(topic)));
        }
    }

    fn add(self, text: String, raw: Option<(String, String)>, topic: Option<Topic>) {
        self.put(Notice {
            problem: raw.is_some(),
            text,
            raw,
            topic,
            refused: None,
        });
    }

    /// Adds `notice` last; the same notice said before goes from its place,
    /// so that one repeated action does not pile up its message (a re-check
    /// saw nine at the top of the page after a few key restores). A file
    /// refused and then opened (the card chosen that it asked for) loses
    /// its refusal: «не открыт» stood above «открыта для исправления».
    fn put(self, notice: Notice) {
        self.0.update(|all| {
            all.retain(|n| {
                let done = !notice.problem
                    && (n.refused.as_ref())
                        .is_some_and(|name| notice.text.contains(&format!("«{name}»")));
                *n != notice && !done
            });
            all.push(notice);
        });
        self.1.update_value(|n| *n += 1);
    }

    /// How many notices were said so far, a repeated one again: whether an
    /// action said anything, though the list may be no longer.
    pub fn said(self) -> u64 {
        self.1.get_value()
    }

    pub fn dismiss(self, index: usize) {
        self.0.update(|all| {
            if index < all.len() {
                all.remove(index);
            }
        });
    }

    pub fn all(self) -> Signal<Vec<Notice>> {
        self.0.into()
    }

    pub fn count(self) -> usize {
        self.0.with_untracked(Vec::len)
    }
}
