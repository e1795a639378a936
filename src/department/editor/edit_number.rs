//! A number of the card in the editor: a whole number (points, a
//! threshold, a minimum) or a percentage with one decimal (written into the
//! card in tenths). Empty means "none" where the card allows it. What cannot
//! be such a number is said under the field and not written into the card:
//! the card goes back to the number the field had when it took the focus,
//! not to the digits typed so far («45» on the way to «455»), which nobody
//! meant and which the editor kept after it was closed.

use leptos::prelude::*;

use profkarta_core::error::NumberError;
use profkarta_core::school::input::{parse_percent, parse_setting};

use crate::department::editor::{Editor, Getter, Setter};

#[component]
pub fn EditNumber(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    field: (Getter, Setter),
    /// Whether an empty field is allowed (then it means "none").
    #[prop(optional)]
    optional: bool,
    /// The largest value that makes sense (100 for a percentage).
    #[prop(optional)]
    max: Option<u64>,
    /// A percentage with one decimal, «85,5»; the setter gets tenths.
    #[prop(optional)]
    tenths: bool,
    /// The card's own problem with this number (a threshold every school
    /// meets, levels out of order), said under it.
    #[prop(optional, into)]
    problem: Signal<String>,
) -> impl IntoView {
    let editor: Editor = expect_context();
    let (get, set) = field;
    let value = Memo::new(move |_| editor.card.with(|c| get(c).unwrap_or_default()));
    let field_text = editor.field_text(id.clone(), value);
    let error = Signal::derive(move || match field_text.unread.get() {
        unread if unread.is_empty() => problem.get(),
        unread => unread,
    });
    let at_focus = StoredValue::new(value.get_untracked());
    let group = id.clone();
    // The text as the card's number (tenths for a percentage), or why not.
    let read = move |text: &str| -> Result<String, String> {
        let number = match tenths {
            true => parse_percent(text.trim())
                .map(|t| t.map(u64::from))
                .map_err(|e| e.to_string()),
            false => parse_setting(text, max, optional).map_err(|e| e.to_string()),
        };
        match number? {
            None if !optional => Err(NumberError::Required.to_string()),
            n => Ok(n.map_or(String::new(), |n| n.to_string())),
        }
    };
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        field_text.shown.set(text.clone());
        let (number, message) = match read(&text) {
            Ok(v) => (v, String::new()),
            // The card takes back the number the field had at its focus
            // (no step of undo when it holds it still).
            Err(e) if value.get_untracked() == at_focus.get_value() => {
                field_text.show(e);
                return;
            }
            Err(e) => match read(&at_focus.get_value()) {
                Ok(before) => (before, e),
                Err(_) => {
                    field_text.show(e);
                    return;
                }
            },
        };
        field_text.show(message);
        let set = set.clone();
        editor.change(&group, move |c| set(c, number));
    };
    let on_blur = move |_| field_text.left();
    let error_id = format!("{id}-error");
    view! {
        <div class="field field-number" class:has-error=move || !error.with(String::is_empty)>
            <label for=id.clone()>{label}</label>
            <input type="text" inputmode="numeric" id=id prop:value=move || field_text.shown.get() on:input=on_input on:blur=on_blur
                on:focus=move |_| at_focus.set_value(value.get_untracked())
                aria-invalid=move || (!error.with(String::is_empty)).to_string() aria-describedby=error_id.clone() autocomplete="off"/>
            <p class="field-error" id=error_id role="status">{move || error.get()}</p>
        </div>
    }
}
