//! Files signed with a key other than the one the school used before wait
//! here until the coordinator says whether the new key is the school's
//! (e.g. a new computer) or not.

use leptos::prelude::*;

use profkarta_core::department::view::held::{held_keys, rejected_keys, HeldKey};
use profkarta_core::text::quoted;

use crate::department::import_panel::IMPORT_TITLE;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_after_removal};

/// The «Принять новый ключ» button of the `i`-th key waiting.
fn accept_id(i: usize) -> String {
    format!("held-accept-{i}")
}

/// The «Принять этот ключ» button of the `i`-th rejected key.
fn take_back_id(i: usize) -> String {
    format!("rejected-accept-{i}")
}

#[component]
pub fn HeldKeys() -> impl IntoView {
    let dept: Dept = expect_context();
    let held = Memo::new(move |_| dept.archive().with(held_keys));
    // The decided key's line goes: the focus moves to the next key's line,
    // or, when none is left, to the section's heading.
    let rejected = Memo::new(move |_| dept.archive().with(rejected_keys));
    let decide = move |i: usize, h: &HeldKey, trust: bool| {
        let (school, key) = (h.school.clone(), h.key.clone());
        // A rejection drops the school's files at once: asked first, and
        // said where it is taken back.
        let question = format!(
            "Отклонить ключ {} школы {}? Её файлы с этим ключом (файлов: {}) и все следующие с ним \
             не будут учитываться. Решение можно изменить в списке «Отклонённые ключи».",
            h.fingerprint,
            quoted(&h.name),
            h.files
        );
        // The line goes with the decision: what became of the files is
        // said (a walk-through saw the block vanish, unsure it took).
        let accepted = format!(
            "Ключ {} школы {} принят; её файлы с этим ключом (файлов: {}) приняты.",
            h.fingerprint,
            quoted(&h.name),
            h.files
        );
        move |_| {
            if !trust && !confirm(&question) {
                return;
            }
            dept.decide_key(&school, &key, trust);
            if trust {
                dept.notices.push_passing(accepted.clone());
            }
            let left = held.with_untracked(Vec::len);
            focus_after_removal(i, left, accept_id, IMPORT_TITLE);
        }
    };
    view! {
        <Show when=move || held.with(|h| !h.is_empty())>
            <div class="notice notice-warning" data-testid="held-keys">
                <h3>"Новые ключи подписи — нужно решение"</h3>
                <p>"Эти файлы подписаны не тем ключом, которым школа подписывала раньше. Уточните у школы, меняла ли она компьютер или ключ, и примите или отклоните новый ключ."</p>
                <ul>
                    {move || held.get().into_iter().enumerate().map(|(i, h)| view! {
                        <li>
                            <strong>{h.name.clone()}</strong>
                            {format!(
                                ": новый ключ {}, прежний {} (файлов: {}). ",
                                h.fingerprint,
                                if h.previous.is_empty() { "отклонён".to_owned() } else { h.previous.join(", ") },
                                h.files
                            )}
                            <button type="button" id=accept_id(i) on:click=decide(i, &h, true)>"Принять новый ключ"</button>
                            <button type="button" on:click=decide(i, &h, false)>"Отклонить"</button>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
        <Show when=move || rejected.with(|r| !r.is_empty())>
            <details class="rejected-keys" data-testid="rejected-keys">
                <summary>{move || format!("Отклонённые ключи ({})", rejected.with(Vec::len))}</summary>
                <ul>
                    {move || rejected.get().into_iter().enumerate().map(|(i, h)| {
                        let (school, key) = (h.school.clone(), h.key.clone());
                        let take_back = move |_| {
                            dept.decide_key(&school, &key, true);
                            let left = rejected.with_untracked(Vec::len);
                            focus_after_removal(i, left, take_back_id, IMPORT_TITLE);
                        };
                        view! {
                            <li>
                                <strong>{h.name.clone()}</strong>
                                {format!(": ключ {} отклонён, его файлы не учитываются (файлов: {}). ", h.fingerprint, h.files)}
                                <button type="button" id=take_back_id(i) on:click=take_back>"Принять этот ключ"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}
