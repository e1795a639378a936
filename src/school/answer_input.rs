//! One typed field of an indicator row, tied to its place in the draft and
//! to the messages the score gives about it.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::school::draft::{AnswerField, RawAnswer};
use profkarta_core::school::input::{corrected_links, tidied_percent};
use profkarta_core::scoring::IndicatorResult;
use profkarta_core::text::is_invisible;

use crate::school::state::DraftCtx;
use crate::shared::field::{Field, FieldKind};

/// Where the field's value and messages come from: the row's answer and
/// result, and the indicator's code and element id prefix.
#[derive(Clone)]
pub struct RowData {
    pub code: Arc<str>,
    /// Ids must be valid in CSS selectors too: "1.1" becomes "ind-1-1".
    pub slug: Arc<str>,
    pub answer: Signal<RawAnswer>,
    pub result: Memo<IndicatorResult>,
}

#[component]
pub fn AnswerInput(
    row: RowData,
    field: AnswerField,
    label: String,
    kind: FieldKind,
) -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let RowData {
        code,
        slug,
        answer,
        result,
    } = row;
    let id = format!("{slug}-{}", field.key());
    // Only the field that changed is written back to its input.
    let value = Memo::new(move |_| answer.with(|a| a.text(field).to_owned()));
    let error = Signal::derive(move || {
        result.with(|r| {
            r.errors
                .iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, e)| e.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
    });
    let on_input = {
        let code = Arc::clone(&code);
        Callback::new(move |v: String| draft.update(|d| d.set_text(&code, field, v)))
    };
    // A site typed without «https://» gets it, and anything pasted loses
    // the characters nobody sees (a «50» that would not count for them),
    // when the school leaves the field: it sees the change there, and not
    // while it is still typing.
    // A box left with spaces only is an empty one: it is not exported, nor
    // printed as a heading over nothing.
    // A percentage typed with a point («74.5») is written with a comma, as
    // the rest of the card and the department's tables write it, and
    // without a «%» of its own (the label has it).
    // A list's columns are labelled alike in every row: a screen reader
    // also hears which row, in brackets, since it may put a space before
    // hidden text («Конкурс , строка 1»). Last year's numbers are labelled
    // as this year's: it hears whose year (the legend is read only on
    // entering the group). The links and the comment are in every row
    // alike, outside any group: it hears whose (an accessibility audit).
    let label_more = match field {
        AnswerField::PrevNumerator | AnswerField::PrevDenominator => {
            Some(" (прошлый учебный год)".to_owned())
        }
        AnswerField::Evidence | AnswerField::Comment => Some(format!(" (показатель {code})")),
        _ => field.list_row().map(|r| format!(" (строка {})", r + 1)),
    };
    let on_blur = Callback::new(move |()| {
        let fixed = value.with_untracked(|v| {
            if field == AnswerField::Evidence {
                corrected_links(v)
            } else if !v.is_empty() && v.trim().is_empty() {
                Some(String::new())
            } else if let Some(written) = (field == AnswerField::Percent)
                .then(|| tidied_percent(v))
                .flatten()
            {
                Some(written)
            } else {
                v.contains(is_invisible)
                    .then(|| v.chars().filter(|&c| !is_invisible(c)).collect())
            }
        });
        if let Some(fixed) = fixed {
            draft.update(|d| d.set_text(&code, field, fixed));
        }
    });
    let also_error = {
        let slug = Arc::clone(&slug);
        Signal::derive(move || {
            result.with(|r| {
                r.error_also_on(field)
                    .map(|f| format!("{slug}-{}-error", f.key()))
            })
        })
    };
    view! { <Field id label label_more kind value on_input error also_error on_blur/> }
}
