//! Messages for the user that stay until dismissed, optionally with the raw
//! text they are about, so that it can be downloaded and nothing is lost.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// (file name, text) to offer as a download beside the message.
    pub raw: Option<(String, String)>,
}

/// The page's notices, shared through context by both pages.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }

    pub fn push(self, text: impl Into<String>, raw: Option<(String, String)>) {
        self.0.update(|n| {
            n.push(Notice {
                text: text.into(),
                raw,
            })
        });
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
}
