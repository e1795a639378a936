//! For each list indicator (events, contests), the totals per event across
//! the period's schools, with differently typed names of one event joined.

use leptos::prelude::*;

use profkarta_core::department::tables::events_tables;

use crate::department::data_table::DataTable;
use crate::department::state::Dept;

#[component]
pub fn EventsTables() -> impl IntoView {
    let dept: Dept = expect_context();
    let tables = Memo::new(move |_| {
        dept.card.with(|card| {
            dept.archive()
                .with(|a| dept.results.with(|r| events_tables(a, card, r)))
        })
    });
    // The card's list indicators do not change while the page shows it.
    let count = tables.with_untracked(Vec::len);
    (0..count)
        .map(|at| {
            let (title, code) =
                tables.with_untracked(|t| (t[at].title.clone(), t[at].code.clone()));
            let table = Signal::derive(move || {
                tables.with(|t| t.get(at).map(|e| e.table.clone()).unwrap_or_default())
            });
            let testid = format!("events-{code}");
            view! {
                <h3>{title.clone()}</h3>
                <DataTable table label=title testid class="events"/>
            }
        })
        .collect_view()
}
