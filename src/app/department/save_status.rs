//! Whether the department's workspace is safely in the browser's storage,
//! visible on every tab: a failure must not hide behind another tab.

use leptos::prelude::*;

use crate::app::department::state::{Dept, Saving};

#[component]
pub fn SaveStatus() -> impl IntoView {
    let dept: Dept = expect_context();
    let text = move || {
        match dept.saving.get() {
        Saving::Idle => String::new(),
        Saving::Saved => "Рабочая область сохранена в этом браузере.".to_owned(),
        Saving::Failed(e) => format!(
            "Рабочая область не сохранена в браузере: {e} Работа продолжается в памяти этой вкладки — скачайте резервную копию на вкладке «Загрузка файлов»."
        ),
    }
    };
    view! {
        <p
            class="save-status dept-save-status no-print"
            class:save-problem=move || matches!(dept.saving.get(), Saving::Failed(_))
            role="status"
            data-testid="dept-save-status"
        >
            {text}
        </p>
    }
}
