//! For each list indicator (events, contests), the totals per event across
//! the period's schools, with differently typed names of one event joined.

use leptos::prelude::*;

use profkarta_core::card::Rule;
use profkarta_core::department::events::event_totals;
use profkarta_core::department::tables::events_table;

use crate::department::data_table::DataTable;
use crate::department::state::Dept;

#[component]
pub fn EventsTables() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    card.indicators()
        .filter_map(|indicator| {
            let Rule::List { item, columns, .. } = &indicator.rule else {
                return None;
            };
            let title = format!("{}. {}: итоги по мероприятиям", indicator.code, item);
            let testid = format!("events-{}", indicator.code);
            let (code, item, columns) = (indicator.code.clone(), item.clone(), columns.clone());
            let card = card.clone();
            let table = Signal::derive(move || {
                let totals = dept
                    .archive()
                    .with(|a| dept.results.with(|r| event_totals(a, &card, r, &code)));
                events_table(&columns, &item, &totals, &code)
            });
            Some(view! {
                <h3>{title.clone()}</h3>
                <DataTable table label=title testid class="events"/>
            })
        })
        .collect_view()
}
