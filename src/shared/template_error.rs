//! Shown instead of the card when the card template cannot be used.

use leptos::prelude::*;

use profkarta_core::error::TemplateError;

#[component]
pub fn TemplateErrorScreen(
    /// What is wrong with the template.
    error: TemplateError,
) -> impl IntoView {
    view! {
        <main class="template-error" role="alert" data-testid="template-error">
            <h1>"Экспертную карту не удалось открыть"</h1>
            <p>{error.to_string()}</p>
            <p>
                "Введённые данные не затронуты. Сообщите об ошибке в отдел образования, "
                "который опубликовал эту страницу."
            </p>
        </main>
    }
}
