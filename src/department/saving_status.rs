//! Whether the department's workspace is safely in the browser's storage,
//! visible on every tab: a failure must not hide behind another tab.

use leptos::prelude::*;

use profkarta_core::department::view::progress::Saving;

use crate::department::persistence::Persistence;
use crate::department::state::Dept;

#[component]
pub fn SavingStatus() -> impl IntoView {
    let dept: Dept = expect_context();
    let persistence: Persistence = expect_context();
    let saving = dept.saving();
    view! {
        <div class="dept-save-status no-print">
            <p class="save-status" class:save-problem=move || saving.with(Saving::is_problem) role="status" data-testid="dept-save-status">
                {move || saving.with(Saving::message)}
            </p>
            <Show when=move || saving.get() == Saving::Conflict>
                <button type="button" on:click=move |_| persistence.take_stored(dept)>"Открыть версию из другой вкладки"</button>
                <button type="button" on:click=move |_| persistence.keep_mine(dept)>"Сохранить версию этой вкладки"</button>
            </Show>
        </div>
    }
}
