//! Whether the department's workspace is safely in the browser's storage,
//! visible on every tab: a failure must not hide behind another tab.

use leptos::prelude::*;

use crate::app::department::state::{Dept, Saving};

#[component]
pub fn SaveStatus() -> impl IntoView {
    let dept: Dept = expect_context();
    let text = move || match dept.saving.get() {
        Saving::Idle => String::new(),
        Saving::Saved => "Рабочая область сохранена в этом браузере.".to_owned(),
        Saving::Failed(e) => format!(
            "Рабочая область не сохранена в браузере: {e} Работа продолжается в памяти \
             этой вкладки — скачайте резервную копию на вкладке «Загрузка файлов»."
        ),
        Saving::Conflict => "Рабочая область изменена в другой вкладке или окне. \
                             Сохранение здесь приостановлено, чтобы не затереть те изменения."
            .to_owned(),
    };
    let problem = move || matches!(dept.saving.get(), Saving::Failed(_) | Saving::Conflict);
    view! {
        <div class="dept-save-status no-print">
            <p class="save-status" class:save-problem=problem role="status" data-testid="dept-save-status">
                {text}
            </p>
            <Show when=move || dept.saving.get() == Saving::Conflict>
                <button type="button" on:click=move |_| dept.persistence.take_stored(dept)>"Открыть версию из другой вкладки"</button>
                <button type="button" on:click=move |_| dept.persistence.keep_mine(dept)>"Сохранить версию этой вкладки"</button>
            </Show>
        </div>
    }
}
