//! The yes/no answer of a "факт наличия" indicator, as a pair of radio buttons
//! in a fieldset so that the question is read out with each choice.

use std::sync::Arc;

use leptos::prelude::*;

use crate::school::state::DraftCtx;

#[component]
pub fn FactChoice(
    /// The indicator's code, to update the right answer.
    code: Arc<str>,
    /// Radio group name, unique in the page.
    name: String,
    question: String,
    #[prop(into)] value: Signal<Option<bool>>,
) -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let choice = |answer: bool, label: &'static str| {
        let code = Arc::clone(&code);
        let id = format!("{name}-{}", if answer { "yes" } else { "no" });
        view! {
            <label class="choice" for=id>
                <input
                    type="radio"
                    id=id.clone()
                    name=name.clone()
                    prop:checked=move || value.get() == Some(answer)
                    on:change=move |_| draft.update(|d| d.set_fact(&code, Some(answer)))
                />
                {label}
            </label>
        }
    };
    view! {
        <fieldset class="fact">
            <legend>{question.clone()}</legend>
            {choice(true, "Да")}
            {choice(false, "Нет")}
        </fieldset>
    }
}
