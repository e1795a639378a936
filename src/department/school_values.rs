//! Each school's own values, indicator by indicator, on screen: for a card
//! without points this is the table by organisation its note promises,
//! which no rating or heatmap stands in for. The same table goes to CSV and
//! XLSX.

use leptos::prelude::*;

use profkarta_core::department::report;
use profkarta_core::department::tables::{values_table, Shares};

use crate::department::data_table::DataTable;
use crate::department::state::Dept;

#[component]
pub fn SchoolValues() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    let note = report::values_by_school_note(&card);
    let table = Memo::new(move |_| {
        let period = dept.period.get().unwrap_or_default();
        dept.archive().with(|a| {
            dept.results
                .with(|r| values_table(&card, a, r, &period, Shares::Together))
        })
    });
    view! {
        <h3>{report::VALUES_BY_SCHOOL_HEADING}</h3>
        <p class="muted">
            <span data-testid="school-values-note">{note}</span>
            // The screen's alone: paper is sorted already.
            <span class="no-print">" Нажатие на заголовок столбца упорядочивает школы по нему."</span>
        </p>
        <DataTable table label=report::VALUES_BY_SCHOOL_HEADING testid="school-values" sortable=true/>
    }
}
