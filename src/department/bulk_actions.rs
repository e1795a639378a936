//! Decisions for many indicators of the open school at once. A click first
//! lists what would change; only «Применить» changes it.

use leptos::prelude::*;

use profkarta_core::department::archive::Archive;
use profkarta_core::department::bulk::{changed_word, decisions_on, Bulk};
use profkarta_core::text::quoted;

use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_when_drawn};

/// The preview's first button: «Применить», or «Закрыть» when there is
/// nothing to change.
pub const PREVIEW_BUTTON: &str = "bulk-preview-first";

fn button_id(at: usize) -> String {
    format!("bulk-{at}")
}

/// An action previewed for a school and not yet applied or cancelled.
#[derive(Clone, PartialEq)]
pub struct Pending {
    pub submission: String,
    /// Its place among the buttons, which takes the focus back.
    at: usize,
    pub bulk: Bulk,
}

impl Pending {
    /// The indicators it would decide now: read from the school's review
    /// each time, so that a row decided by hand (or by a reviewer's file)
    /// while it waits leaves the preview, the notice and the question
    /// before finishing.
    pub fn codes(&self, archive: &Archive) -> Vec<String> {
        (archive.entry(&self.submission))
            .map(|e| self.bulk.preview(e, &archive.review(&self.submission)))
            .unwrap_or_default()
    }
}

/// Held by the department, not by the school's review: a reviewer who
/// opened another school or tab before «Применить» lost the preview without
/// a word. It waits there, named above the review (`BulkWaiting`), and
/// «Проверка завершена» asks about it.
pub type PendingBulk = RwSignal<Option<Pending>>;

#[component]
pub fn BulkActions(submission: String, pending: PendingBulk) -> impl IntoView {
    let dept: Dept = expect_context();
    let submission = StoredValue::new(submission);
    // This school's preview, with what it would change; another school's
    // waits unseen here. A memo: drawn again only when that changes.
    let own = Memo::new(move |_| {
        let p = pending
            .get()
            .filter(|p| submission.with_value(|id| &p.submission == id))?;
        let codes = dept.archive().with(|a| p.codes(a));
        Some((p.bulk, codes))
    });
    // The preview takes the focus; closed, it gives it back to its button.
    let close = move || {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            focus_when_drawn(button_id(p.at));
        }
    };
    // What «Применить» did, said where the preview was: the preview went,
    // and nothing else near the focus said the decisions had changed.
    let applied = RwSignal::new(None::<String>);
    let id = submission.get_value();
    let buttons = Bulk::ALL
        .into_iter()
        .enumerate()
        .map(|(at, bulk)| {
            let id = id.clone();
            let ask = move |_| {
                // Another school's preview not applied goes with a word:
                // only one waits at a time.
                let other = pending.with_untracked(|p| {
                    p.as_ref()
                        .filter(|p| {
                            p.submission != id
                                && dept.archive().with_untracked(|a| !p.codes(a).is_empty())
                        })
                        .map(|p| (p.bulk.label(), p.submission.clone()))
                });
                if let Some((label, school)) = other {
                    let name = dept.archive().with_untracked(|a| {
                        a.entry(&school).map(|e| e.profile().name.clone()).unwrap_or_default()
                    });
                    if !confirm(&format!(
                        "«{label}» для {} не применено. Отменить его и начать действие для этой школы?",
                        quoted(&name)
                    )) {
                        return;
                    }
                }
                applied.set(None);
                pending.set(Some(Pending {
                    submission: id.clone(),
                    at,
                    bulk,
                }));
                focus_when_drawn(PREVIEW_BUTTON.to_owned());
            };
            view! { <button type="button" id=button_id(at) on:click=ask>{bulk.label()}</button> }
        })
        .collect_view();
    let apply = move |_| {
        if let Some(p) = pending.get_untracked() {
            // What changed now: rows decided by hand while the preview
            // waited are left as they are.
            let changed = dept.apply_bulk(&p.submission, p.bulk);
            let n = changed.len() as u64;
            applied.set(Some(match n {
                0 => format!(
                    "«{}»: менять было нечего — решения по этим показателям уже приняты.",
                    p.bulk.label()
                ),
                _ => format!(
                    "«{}» применено: {} {}.",
                    p.bulk.label(),
                    decisions_on(&changed),
                    changed_word(changed.len()),
                ),
            }));
        }
        close();
    };
    // Escape closes the preview, as it would a dialog.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    view! {
        <div class="bulk-actions" on:keydown=on_key>
            <div class="actions">{buttons}</div>
            <p class="hint" role="status" data-testid="bulk-applied">{move || applied.get()}</p>
            {move || own.get().map(|(bulk, codes)| {
                if codes.is_empty() {
                    view! {
                        <p class="notice" data-testid="bulk-preview">
                            <span id="bulk-preview-text">{format!("«{}»: менять нечего — подходящих показателей без решения нет.", bulk.label())}</span>
                            <button type="button" id=PREVIEW_BUTTON aria-describedby="bulk-preview-text" on:click=move |_| close()>"Закрыть"</button>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <div class="notice" data-testid="bulk-preview">
                            // The button takes the focus: it says what it will change.
                            <p id="bulk-preview-text">{format!(
                                "«{}» изменит {}. Пока не нажато «Применить», решения не меняются.",
                                bulk.label(),
                                decisions_on(&codes),
                            )}</p>
                            <button type="button" class="primary" id=PREVIEW_BUTTON aria-describedby="bulk-preview-text" on:click=apply>"Применить"</button>
                            <button type="button" on:click=move |_| close()>"Отмена"</button>
                        </div>
                    }.into_any()
                }
            })}
        </div>
    }
}
