//! A labelled text field with its message, shared by the profile form and the
//! indicator rows so that every input is tied to its label and its error.

use leptos::prelude::*;

use profkarta_core::school::input::pasted_cells;
use profkarta_core::text::tied;

use crate::platform::browser::held_while_pressed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// A count of people or things. Deliberately `type="text"` with a numeric
    /// keyboard: a `type="number"` input hides what was typed when it is not a
    /// number ("12,5" reads as empty), and we must show it and say why.
    Number,
    Multiline,
    /// One line of text that wraps in its box: a list row's name in a
    /// narrow column («Конкурс рисунков «Профессия моих родителей»» was cut
    /// after 17 letters at 1024 px). A line break typed or pasted becomes a
    /// space.
    WrappedLine,
}

#[component]
pub fn Field(
    /// Unique in the page; the label and the messages refer to it.
    id: String,
    label: String,
    /// Said to a screen reader after the label, not shown.
    #[prop(default = None)]
    label_more: Option<String>,
    kind: FieldKind,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// The message under the field; empty when the value is fine.
    #[prop(into)]
    error: Signal<String>,
    /// The id of another field's message that is about this one too (a
    /// part above its whole): this field is marked wrong and read with it.
    #[prop(optional, into)]
    also_error: Signal<Option<String>>,
    /// Called when the field loses focus, e.g. to start showing "required".
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let has_error = move || error.with(|e| !e.is_empty()) || also_error.with(Option::is_some);
    let input = move |ev| {
        let value = event_target_value(&ev);
        on_input.run(if kind == FieldKind::WrappedLine {
            value.replace("\r\n", " ").replace(['\r', '\n'], " ")
        } else {
            value
        })
    };
    // A spreadsheet's cells pasted into a number box: the box would drop a
    // column's line breaks («15↵16» read as 1516). They are kept apart
    // instead, and the check says what happened.
    let paste = move |ev: leptos::ev::ClipboardEvent| {
        let text = ev.clipboard_data().and_then(|d| d.get_data("text").ok());
        if let Some(cells) = text.as_deref().and_then(pasted_cells) {
            ev.prevent_default();
            on_input.run(cells);
        }
    };
    // `blur` also comes when the focused field is removed with its page
    // (another card drawn), after its callback is gone: nothing to do then.
    let blur = move |_| {
        if let Some(cb) = on_blur {
            cb.try_run(());
        }
    };
    // The message as shown waits for a press's click (see
    // `held_while_pressed`); what the field knows (its state,
    // `aria-invalid`) does not wait.
    let shown = held_while_pressed(error);
    // What the single-line and the multi-line control have in common.
    let common = view! {
        <{..}
            id=id.clone()
            prop:value=move || value.get()
            on:input=input
            on:blur=blur
            disabled=move || disabled.get()
            aria-invalid=move || has_error().to_string()
            aria-describedby={
                let error_id = error_id.clone();
                move || also_error.with(|also| match also {
                    Some(other) => format!("{error_id} {other}"),
                    None => error_id.clone(),
                })
            }
        />
    };
    let control = match kind {
        // The placeholder lets print styles recognise an empty box
        // (`:placeholder-shown`); a blank one, since a dash in an empty box
        // reads as a value.
        // A box as tall as its lines (up to 12), so that a message about
        // «Строка 4» points at a line in sight.
        FieldKind::Multiline => {
            let rows = move || {
                value
                    .with(|v| v.split('\n').count().clamp(2, 12))
                    .to_string()
            };
            view! { <textarea {..common} rows=rows placeholder=" "></textarea> }.into_any()
        }
        // Enter adds no line, as in a one-line box.
        FieldKind::WrappedLine => view! {
            <textarea
                {..common}
                class="wrapped-line"
                rows="1"
                placeholder=" "
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
            ></textarea>
        }
        .into_any(),
        FieldKind::Text | FieldKind::Number => view! {
            <input
                {..common}
                type="text"
                on:paste=move |ev| if kind == FieldKind::Number { paste(ev) }
                inputmode=(kind == FieldKind::Number).then_some("numeric")
                autocomplete="off"
                required=required
            />
        }
        .into_any(),
    };
    // On paper a line of text is printed as text, whole, not as a box.
    let printed = matches!(kind, FieldKind::Text | FieldKind::WrappedLine)
        .then(|| view! { <p class="print-only print-value">{move || value.with(|v| tied(v))}</p> });
    view! {
        <div class="field" class:field-number=kind == FieldKind::Number class:has-error=has_error>
            <label for=id>{label}{label_more.map(|more| view! { <span class="visually-hidden">{more}</span> })}{required.then_some(view! { <span class="req" aria-hidden="true">" *"</span> })}</label>
            {control}
            {printed}
            <p class="field-error" id=error_id role="status">{move || shown.get()}</p>
        </div>
    }
}
