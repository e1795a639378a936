//! On a card without points, the schools whose own values moved most since
//! the year before: no total tells how a school moved, and a jump from
//! 81,8 % to 2,7 % is what the coordinator asks the school about first.

use leptos::prelude::*;

use profkarta_core::department::report;
use profkarta_core::department::tables::{school_value_changes_table, Shares};

use crate::department::data_table::DataTable;
use crate::department::state::Dept;

#[component]
pub fn SchoolValueChanges() -> impl IntoView {
    let dept: Dept = expect_context();
    let note = dept.card.with_untracked(|c| report::school_values_note(c));
    let table = Memo::new(move |_| {
        dept.school_value_changes()
            .map(|moved| school_value_changes_table(&moved, Shares::Together))
    });
    move || {
        table.get().map(|t| {
            let empty = t.rows.is_empty();
            view! {
                <h3>{report::SCHOOL_VALUES_HEADING}</h3>
                {if empty {
                    view! { <p data-testid="school-value-changes-none">{report::NO_SCHOOL_VALUES_MOVED}</p> }.into_any()
                } else {
                    view! {
                        <p class="muted">{note.clone()}</p>
                        <DataTable table=Signal::derive(move || t.clone()) label=report::SCHOOL_VALUES_HEADING testid="school-value-changes"/>
                    }.into_any()
                }}
            }
        })
    }
}
