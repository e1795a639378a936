//! Whether the department's workspace is safely in the browser's storage,
//! visible on every tab: a failure must not hide behind another tab.

use leptos::prelude::*;

use profkarta_core::department::view::progress::Saving;

use crate::department::persistence::{Choice, Persistence};
use crate::department::state::Dept;

#[component]
pub fn SavingStatus() -> impl IntoView {
    let dept: Dept = expect_context();
    let persistence: Persistence = expect_context();
    let saving = dept.saving();
    view! {
        <div class="dept-save-status no-print">
            // Read out only when something is wrong: «сохранена» after every
            // decision of a review was all a screen reader said (an
            // accessibility audit), as the school page's line is not.
            <p class="save-status" class:save-problem=move || saving.with(Saving::is_problem) role="status" data-testid="dept-save-status"
                aria-live=move || if saving.with(Saving::is_problem) { "polite" } else { "off" }>
                {move || saving.with(Saving::message)}
            </p>
            <Show when=move || saving.get() == Saving::Conflict>
                <p class="hint" id="conflict-choices">
                    "Файлы, полученные в обеих вкладках, сохранятся при любом выборе; выбор — о решениях отдела (проверка, ключи, письма, меры, список школ)."
                </p>
                <div class="actions">
                    <button type="button" class="primary" aria-describedby="conflict-choices" on:click=move |_| persistence.resolve(dept, Choice::Merge)>"Объединить решения обеих вкладок"</button>
                    <button type="button" aria-describedby="conflict-choices" on:click=move |_| persistence.resolve(dept, Choice::Theirs)>"Взять решения из другой вкладки"</button>
                    <button type="button" aria-describedby="conflict-choices" on:click=move |_| persistence.resolve(dept, Choice::Mine)>"Оставить решения этой вкладки"</button>
                </div>
            </Show>
        </div>
    }
}
