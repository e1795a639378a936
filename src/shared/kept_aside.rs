//! Stored records that could not be read, listed where each page keeps its
//! own data (the school's drafts, the department's workspace): their notice
//! can be dismissed or gone after a reload, and the text must stay
//! reachable until the user decides to delete it.

use leptos::prelude::*;

use profkarta_core::school::stored::title_in_damaged;
use profkarta_core::text::{group_digits, plural};

use crate::platform::browser::confirm;
use crate::platform::storage::{self, QUARANTINE_PREFIX};
use crate::shared::download::{offer, TEXT};
use crate::shared::notices::Notices;
use crate::shared::quarantine::{kept_aside, RAW_FILE_NAME};

/// What a record kept aside was, by the name it is kept under (its own
/// key's last part, «-2» for a second one): «Запись 1» alone did not say
/// whether it was the department's decisions or a key.
fn what_it_was(key: &str) -> &'static str {
    let name = key.strip_prefix(QUARANTINE_PREFIX).unwrap_or(key);
    let base = match name.rsplit_once('-') {
        Some((base, n)) if n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => name,
    };
    match base {
        "decisions" => "решения отдела",
        "department" => "рабочая область отдела",
        "key" => "ключ подписи школы",
        "department-key" => "ключ подписи отдела",
        "department-pending" => "решения отдела при закрытии страницы",
        "department-pin" => "ключ отдела, которому доверяет браузер",
        card if card.contains('@') => "карта отдела",
        _ => "черновик",
    }
}

/// Whether the record kept aside under `key` was a school's draft.
pub fn is_draft(key: &str) -> bool {
    what_it_was(key) == "черновик"
}

#[component]
pub fn KeptAside() -> impl IntoView {
    let notices: Notices = expect_context();
    let removed = Trigger::new();
    // Text kept aside is said in a notice that offers it: the list is read
    // again then, as the department's workspace is read after the mount.
    let offered = Memo::new(move |_| {
        notices
            .all()
            .with(|n| n.iter().filter(|x| x.raw.is_some()).count())
    });
    let entries = Memo::new(move |_| {
        offered.track();
        removed.track();
        kept_aside()
    });
    let entry = move |(i, (key, text)): (usize, (String, String))| {
        let chars = text.chars().count() as u64;
        // A draft named from what is left of it, where that can be read.
        let what = match (what_it_was(&key), title_in_damaged(&text)) {
            ("черновик", Some(title)) => format!("черновик «{title}»"),
            (what, _) => what.to_owned(),
        };
        let size = format!(
            "Запись {} ({what}): {} {}",
            i + 1,
            group_digits(chars),
            plural(chars, "символ", "символа", "символов")
        );
        let remove = move |_| {
            if confirm("Удалить повреждённую запись? Её текст будет потерян; если он может понадобиться, сначала скачайте его.") {
                if let Err(e) = storage::remove(&key) {
                    notices.push(e.to_string(), None);
                }
                removed.notify();
            }
        };
        view! {
            <li>
                <span>{size}</span>
                <button type="button" on:click=move |_| { offer(notices, RAW_FILE_NAME, text.as_bytes(), TEXT); }>
                    "Скачать исходный текст"
                </button>
                <button type="button" class="danger" on:click=remove>"Удалить"</button>
            </li>
        }
    };
    move || {
        let list = entries.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="kept-aside" data-testid="kept-aside" aria-labelledby="kept-aside-title">
                    <h3 id="kept-aside-title">"Повреждённые записи"</h3>
                    <p class="muted">
                        "Эти сохранённые данные не удалось прочитать. Они не удалены: исходный текст можно скачать и передать специалисту."
                    </p>
                    <ul>{list.into_iter().enumerate().map(entry).collect_view()}</ul>
                </section>
            }
        })
    }
}
