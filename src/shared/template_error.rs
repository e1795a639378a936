//! Shown instead of the card when the card template cannot be used.

use leptos::prelude::*;

use profkarta_core::error::TemplateError;

#[component]
pub fn TemplateErrorScreen(
    /// The id of the card that cannot be used.
    card: &'static str,
    /// What is wrong with it.
    error: TemplateError,
) -> impl IntoView {
    view! {
        <main class="template-error" role="alert" data-testid="template-error">
            <h1>"Экспертную карту не удалось открыть"</h1>
            <p>{format!("Карта «{card}»: {error}")}</p>
            <p>
                "Введённые данные не затронуты. Сообщите об ошибке в отдел образования, "
                "который опубликовал эту страницу."
            </p>
        </main>
    }
}
