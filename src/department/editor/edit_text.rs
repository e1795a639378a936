//! A text of the card in the editor: bound to its place in the working
//! copy, one undo step per field however many letters are typed.
//!
//! Some texts are read into structure (steps of points, one part per line):
//! what is typed may not read yet, so the field keeps the typed text while
//! it has focus and takes the card's value again on undo, redo or leaving.

use leptos::prelude::*;

use crate::department::editor::{Editor, Getter, Setter};

#[component]
pub fn EditText(
    /// Unique in the page; also the undo group.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    field: (Getter, Setter),
    #[prop(optional)] multiline: bool,
    /// Shown under the field, e.g. what the text is for.
    #[prop(optional, into)]
    hint: String,
) -> impl IntoView {
    let editor: Editor = expect_context();
    let (get, set) = field;
    let value = Memo::new(move |_| editor.card.with(|c| get(c).unwrap_or_default()));
    let typed = RwSignal::new(value.get_untracked());
    let focused = {
        let id = id.clone();
        move || document().active_element().is_some_and(|e| e.id() == id)
    };
    Effect::new(move |_| {
        let card_value = value.get();
        if !focused() {
            typed.set(card_value);
        }
    });
    let group = id.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        let set = set.clone();
        editor.change(&group, move |c| set(c, text));
    };
    let on_blur = move |_| typed.set(value.get_untracked());
    let hint_id = format!("{id}-hint");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    let control = if multiline {
        view! { <textarea id=id.clone() rows="2" prop:value=move || typed.get() on:input=on_input on:blur=on_blur aria-describedby=described.clone()></textarea> }.into_any()
    } else {
        view! { <input type="text" id=id.clone() prop:value=move || typed.get() on:input=on_input on:blur=on_blur aria-describedby=described.clone() autocomplete="off"/> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
        </div>
    }
}
