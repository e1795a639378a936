//! The yes/no answer of a "факт наличия" indicator, as a pair of radio buttons
//! in a fieldset so that the question is read out with each choice.

use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::browser::focus_id;
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
    // The visible words first, then whose answer (one per indicator).
    let clear_label = format!("Снять ответ: показатель {code}");
    let set = move |answer: Option<bool>| draft.update(|d| d.set_fact(&code, answer));
    let id = |answer: bool| format!("{name}-{}", if answer { "yes" } else { "no" });
    let choice = |answer: bool, label: &'static str| {
        let set = set.clone();
        let id = id(answer);
        view! {
            <label class="choice" for=id.clone()>
                <input
                    type="radio"
                    id=id.clone()
                    name=name.clone()
                    prop:checked=move || value.get() == Some(answer)
                    on:change=move |_| set(Some(answer))
                />
                {label}
            </label>
        }
    };
    // A radio pair cannot be unchecked by itself, so a click by mistake, or
    // an answer the school is not yet sure of, would count for good. The
    // button goes with the answer, so the focus goes back to «Да».
    let yes = id(true);
    let clear = {
        let set = set.clone();
        move |_| {
            set(None);
            focus_id(&yes);
        }
    };
    view! {
        <fieldset class="fact">
            <legend>{question.clone()}</legend>
            {choice(true, "Да")}
            {choice(false, "Нет")}
            <Show when=move || value.get().is_some()>
                <button type="button" class="link-button no-print" aria-label=clear_label.clone() on:click=clear.clone()>
                    "Снять ответ"
                </button>
            </Show>
        </fieldset>
    }
}
