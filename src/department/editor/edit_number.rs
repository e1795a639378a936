//! A number of the card in the editor: a whole number (points, a
//! threshold, a minimum) or a percentage with one decimal (written into the
//! card in tenths). Empty means "none" where the card allows it. What cannot
//! be such a number is said under the field and not written into the card.

use leptos::prelude::*;

use profkarta_core::school::input::parse_percent;

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
) -> impl IntoView {
    let editor: Editor = expect_context();
    let (get, set) = field;
    let value = Memo::new(move |_| editor.card.with(|c| get(c).unwrap_or_default()));
    let (error, show) = editor.unread_field(id.clone(), value);
    let group = id.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        let trimmed = text.trim().to_owned();
        let parsed = if tenths {
            parse_percent(&trimmed)
                .map(|t| t.map_or(String::new(), |t| t.to_string()))
                .map_err(|e| e.to_string())
        } else {
            match trimmed.parse::<u64>() {
                _ if trimmed.is_empty() => Ok(String::new()),
                Ok(n) if max.is_some_and(|m| n > m) => {
                    Err(format!("Не больше {}.", max.unwrap_or(n)))
                }
                Ok(n) => Ok(n.to_string()),
                Err(_) => Err("Введите целое число без знаков и пробелов.".to_owned()),
            }
        };
        match parsed {
            Ok(v) if v.is_empty() && !optional => show("Укажите число.".to_owned()),
            Ok(v) => {
                show(String::new());
                let set = set.clone();
                editor.change(&group, move |c| set(c, v));
            }
            Err(e) => show(e),
        }
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="field field-number" class:has-error=move || !error.with(String::is_empty)>
            <label for=id.clone()>{label}</label>
            <input type="text" inputmode="numeric" id=id prop:value=move || value.get() on:input=on_input
                aria-invalid=move || (!error.with(String::is_empty)).to_string() aria-describedby=error_id.clone() autocomplete="off"/>
            <p class="field-error" id=error_id role="status">{move || error.get()}</p>
        </div>
    }
}
