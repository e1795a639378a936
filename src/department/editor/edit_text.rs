//! A text of the card in the editor: bound to its place in the working
//! copy, one undo step per field however many letters are typed.
//!
//! Some texts are read into structure (steps of points, one part per line):
//! what is typed may not read yet, so the field keeps the typed text while
//! it has focus and takes the card's value again on undo, redo or leaving.

use leptos::prelude::*;

use crate::department::editor::{Editor, Getter, Reads, Setter};

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
    /// For a text read into structure: why it does not read, if it does
    /// not (`None` when it reads). Such text is kept in the field, said under it and counted as
    /// unread (publishing waits), and the card keeps its last good value.
    #[prop(optional)]
    reads: Option<Reads>,
    /// The card's own problem with this field (empty, a gap «…», a code
    /// taken), said under it: the list under the indicator could stand a
    /// screen away from the field to fix.
    #[prop(optional, into)]
    problem: Signal<String>,
    /// A text the card cannot be published without: said at the field
    /// when empty, not only in the list above the card.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let editor: Editor = expect_context();
    let (get, set) = field;
    let value = Memo::new(move |_| editor.card.with(|c| get(c).unwrap_or_default()));
    let field_text = editor.field_text(id.clone(), value);
    let error = Signal::derive(move || {
        let unread = field_text.unread.get();
        if !unread.is_empty() {
            return unread;
        }
        // Empty first: two empty codes are also one code taken twice, and
        // «Этот код уже есть в карте» would send the reader looking for it.
        match required && value.with(|v| v.trim().is_empty()) {
            true => "Заполните это поле.".to_owned(),
            false => problem.get(),
        }
    });
    let group = id.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        field_text.shown.set(text.clone());
        if let Some(why) = reads.as_ref().and_then(|reads| reads(&text)) {
            field_text.show(why);
            return;
        }
        field_text.show(String::new());
        let set = set.clone();
        editor.change(&group, move |c| set(c, text));
    };
    let on_blur = move |_| field_text.left();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if hint.is_empty() {
        error_id.clone()
    } else {
        format!("{error_id} {hint_id}")
    };
    let invalid = move || (!error.with(String::is_empty)).to_string();
    let control = if multiline {
        view! { <textarea id=id.clone() rows="2" prop:value=move || field_text.shown.get() on:input=on_input on:blur=on_blur aria-invalid=invalid aria-required=required.then_some("true") aria-describedby=described.clone()></textarea> }.into_any()
    } else {
        view! { <input type="text" id=id.clone() prop:value=move || field_text.shown.get() on:input=on_input on:blur=on_blur aria-invalid=invalid aria-required=required.then_some("true") aria-describedby=described.clone() autocomplete="off"/> }.into_any()
    };
    view! {
        <div class="field" class:has-error=move || !error.with(String::is_empty)>
            <label for=id>{label}</label>
            {control}
            <p class="field-error" id=error_id role="status">{move || error.get()}</p>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
        </div>
    }
}
