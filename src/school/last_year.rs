//! Last year's numerator and denominator, asked beside this year's where
//! growth against last year is the target (seed 002's «положительная
//! динамика»).

use leptos::prelude::*;

use profkarta_core::school::draft::AnswerField;

use crate::school::answer_input::{AnswerInput, RowData};
use crate::shared::field::FieldKind;

#[component]
pub fn LastYearFields(row: RowData, numerator: String, denominator: String) -> impl IntoView {
    view! {
        <fieldset class="last-year">
            <legend>"Прошлый учебный год (для сравнения динамики)"</legend>
            <AnswerInput row=row.clone() field=AnswerField::PrevNumerator label=numerator kind=FieldKind::Number/>
            <AnswerInput row field=AnswerField::PrevDenominator label=denominator kind=FieldKind::Number/>
        </fieldset>
    }
}
