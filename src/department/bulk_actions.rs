//! Decisions for many indicators of the open school at once. A click first
//! lists what would change; only «Применить» changes it.

use leptos::prelude::*;

use profkarta_core::department::bulk::Bulk;

use crate::department::state::Dept;

#[component]
pub fn BulkActions(submission: String) -> impl IntoView {
    let dept: Dept = expect_context();
    // The action chosen and the indicators it would decide.
    let pending = RwSignal::new(None::<(Bulk, Vec<String>)>);
    let id = submission.clone();
    let buttons = Bulk::ALL
        .into_iter()
        .map(|bulk| {
            let id = id.clone();
            let ask = move |_| {
                let codes = dept.archive().with_untracked(|a| {
                    a.entry(&id)
                        .map(|e| bulk.preview(e, &a.review(&id)))
                        .unwrap_or_default()
                });
                pending.set(Some((bulk, codes)));
            };
            view! { <button type="button" on:click=ask>{bulk.label()}</button> }
        })
        .collect_view();
    let submission = StoredValue::new(submission);
    let apply = move |_| {
        if let Some((bulk, _)) = pending.get_untracked() {
            submission.with_value(|id| dept.apply_bulk(id, bulk));
        }
        pending.set(None);
    };
    view! {
        <div class="bulk-actions">
            <div class="actions">{buttons}</div>
            {move || pending.get().map(|(bulk, codes)| {
                if codes.is_empty() {
                    view! {
                        <p class="notice" data-testid="bulk-preview">
                            {format!("«{}»: менять нечего — подходящих показателей без решения нет.", bulk.label())}
                            <button type="button" on:click=move |_| pending.set(None)>"Закрыть"</button>
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <div class="notice" data-testid="bulk-preview">
                            <p>{format!("«{}» изменит решения по показателям ({}): {}.", bulk.label(), codes.len(), codes.join(", "))}</p>
                            <button type="button" class="primary" on:click=apply>"Применить"</button>
                            <button type="button" on:click=move |_| pending.set(None)>"Отмена"</button>
                        </div>
                    }.into_any()
                }
            })}
        </div>
    }
}
