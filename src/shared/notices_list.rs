//! Messages that stay until dismissed (storage trouble, data kept aside,
//! files that could not be loaded), each with its raw text to download
//! when there is one, so nothing is lost.

use leptos::prelude::*;

use crate::shared::download::{offer, TEXT};
use crate::shared::notices::{Notice, Notices};

#[component]
pub fn NoticesList() -> impl IntoView {
    let notices: Notices = expect_context();
    let notice = move |(i, n): (usize, Notice)| {
        let raw = n.raw.map(|(name, text)| {
            view! {
                <button type="button" on:click=move |_| { offer(notices, &name, text.as_bytes(), TEXT); }>
                    "Скачать исходный текст"
                </button>
            }
        });
        view! {
            <li>
                <span>{n.text}</span>
                {raw}
                <button type="button" on:click=move |_| notices.dismiss(i)>
                    "Скрыть"
                </button>
            </li>
        }
    };
    view! {
        <Show when=move || notices.all().with(|n| !n.is_empty())>
            <ul class="notice" role="status" data-testid="notices">
                {move || notices.all().get().into_iter().enumerate().map(notice).collect_view()}
            </ul>
        </Show>
    }
}
