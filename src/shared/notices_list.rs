//! Messages that stay until dismissed (storage trouble, data kept aside,
//! files that could not be loaded), each with its raw text to download
//! when there is one, so nothing is lost.

use leptos::prelude::*;

use crate::platform::browser::focus_after_removal;
use crate::shared::download::{offer, TEXT};
use crate::shared::notices::{Notice, Notices};

/// The page's heading, where the focus goes when the last message is
/// hidden; both pages give their `h1` this id.
pub const PAGE_TITLE: &str = "page-title";

/// Message `i`, brought into view when a file button it answers is far
/// below ([`crate::shared::file_picker::FilePicker`]).
pub fn notice_id(i: usize) -> String {
    format!("notice-{i}")
}

/// The «Скрыть» button of message `i`.
fn hide_id(i: usize) -> String {
    format!("notice-hide-{i}")
}

#[component]
pub fn NoticesList() -> impl IntoView {
    let notices: Notices = expect_context();
    // The focus stays among the messages (the next one's «Скрыть», or the
    // last one's), or goes to the page's heading when none is left.
    let hide = move |i: usize| {
        notices.dismiss(i);
        let left = notices.all().with_untracked(Vec::len);
        focus_after_removal(i, left, hide_id, PAGE_TITLE);
    };
    let notice = move |(i, n): (usize, Notice)| {
        let raw = n.raw.map(|(name, text)| {
            view! {
                <button type="button" on:click=move |_| { offer(notices, &name, text.as_bytes(), TEXT); }>
                    "Скачать исходный текст"
                </button>
            }
        });
        view! {
            // Focusable by a link to it (the summary's line), so that the
            // keyboard and a screen reader go on from the message.
            <li id=notice_id(i) class:notice-problem=n.problem tabindex="-1">
                <span>{n.text}</span>
                {raw}
                <button type="button" id=hide_id(i) on:click=move |_| hide(i)>
                    "Скрыть"
                </button>
            </li>
        }
    };
    view! {
        // The live region is there before its first notice, so that a
        // screen reader hears it; a list inside it keeps its role.
        <div role="status">
            <Show when=move || notices.all().with(|n| !n.is_empty())>
                <ul class="notice" data-testid="notices">
                    {move || notices.all().get().into_iter().enumerate().map(notice).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
