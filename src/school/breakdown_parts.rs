//! A share broken down into named parts with one denominator (seed 002's
//! ТОП-РЕГИОН directions): one field per part, each with its own share, and
//! the total that the target applies to.

use leptos::prelude::*;

use profkarta_core::school::draft::AnswerField;
use profkarta_core::scoring::explain::part_shares;

use crate::school::answer_input::{AnswerInput, RowData};
use crate::shared::field::FieldKind;

#[component]
pub fn BreakdownParts(row: RowData, numerator: String, parts: Vec<String>) -> impl IntoView {
    let answer = row.answer;
    let count = parts.len();
    let shares = Memo::new(move |_| answer.with(|a| part_shares(a, count)));
    let fields = parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let share = move || shares.with(|s| s[i].clone());
            view! {
                <div class="part">
                    <AnswerInput row=row.clone() field=AnswerField::Part(i) label=part kind=FieldKind::Number/>
                    <p class="part-share"><span class="muted">"доля: "</span><output data-testid=format!("part-share-{i}") aria-live="off">{share}</output></p>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="breakdown">
            <legend>{numerator}</legend>
            <div class="parts">{fields}</div>
        </fieldset>
    }
}
