//! What the review, results and letters show before any card counts. While
//! the stored workspace is still opening, it says so: an empty tab then
//! would read as "nothing was received".

use leptos::prelude::*;

use profkarta_core::department::view::progress::Work;

use crate::department::state::{Dept, Tab};

#[component]
pub fn NoCards() -> impl IntoView {
    let dept: Dept = expect_context();
    let opening = move || {
        dept.progress()
            .with(|p| p.is_some_and(|p| matches!(p.work, Work::Open | Work::Restore)))
    };
    view! {
        <p data-testid="no-cards">
            <Show
                when=opening
                fallback=move || view! {
                    "Пока нет принятых карт за этот год. "
                    <button type="button" class="link-button" on:click=move |_| dept.show(Tab::Import)>"Загрузите файлы школ"</button>
                }
            >
                "Рабочая область ещё открывается: карты появятся, когда закончится проверка файлов."
            </Show>
        </p>
    }
}
