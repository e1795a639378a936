//! Files signed with a key other than the one the school used before wait
//! here until the coordinator says whether the new key is the school's
//! (e.g. a new computer) or not.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::app::department::state::Dept;
use profkarta_core::department::archive::{key_fingerprint, Standing};
use profkarta_core::department::school::SchoolId;

#[derive(Clone, PartialEq)]
struct Held {
    school: SchoolId,
    key: String,
    name: String,
    fingerprint: String,
    previous: Vec<String>,
    files: usize,
}

#[component]
pub fn HeldKeys() -> impl IntoView {
    let dept: Dept = expect_context();
    let held = Memo::new(move |_| {
        let standing = dept.standing.get();
        dept.archive.with(|a| {
            let mut groups: BTreeMap<(SchoolId, String), Held> = BTreeMap::new();
            for e in a.entries() {
                if standing.get(e.id()) != Some(&Standing::Held) {
                    continue;
                }
                groups
                    .entry((e.school.clone(), e.key.clone()))
                    .or_insert_with(|| Held {
                        school: e.school.clone(),
                        key: e.key.clone(),
                        name: e.profile().name.clone(),
                        fingerprint: e.opened.fingerprint.clone(),
                        previous: a
                            .trusted_keys(&e.school)
                            .into_iter()
                            .map(key_fingerprint)
                            .collect(),
                        files: 0,
                    })
                    .files += 1;
            }
            groups.into_values().collect::<Vec<_>>()
        })
    });
    let decide = move |h: &Held, trust: bool| {
        let (school, key) = (h.school.clone(), h.key.clone());
        move |_| dept.archive.update(|a| a.decide_key(&school, &key, trust))
    };
    view! {
        <Show when=move || held.with(|h| !h.is_empty())>
            <div class="notice notice-warning" data-testid="held-keys">
                <h3>"Новые ключи подписи — нужно решение"</h3>
                <p>"Эти файлы подписаны не тем ключом, которым школа подписывала раньше. Уточните у школы, меняла ли она компьютер или ключ, и примите или отклоните новый ключ."</p>
                <ul>
                    {move || held.get().into_iter().map(|h| view! {
                        <li>
                            <strong>{h.name.clone()}</strong>
                            {format!(
                                ": новый ключ {}, прежний {} (файлов: {}). ",
                                h.fingerprint,
                                if h.previous.is_empty() { "отклонён".to_owned() } else { h.previous.join(", ") },
                                h.files
                            )}
                            <button type="button" on:click=decide(&h, true)>"Принять новый ключ"</button>
                            <button type="button" on:click=decide(&h, false)>"Отклонить"</button>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
