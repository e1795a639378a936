//! For each list indicator (events, contests), the totals per event across
//! the period's schools, with differently typed names of one event joined.

use leptos::prelude::*;

use profkarta_core::card::Rule;
use profkarta_core::department::events::event_totals;

use crate::department::state::Dept;
use crate::shared::table_scroll::TableScroll;

#[component]
pub fn EventsTables() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    card.indicators()
        .filter_map(|indicator| {
            let Rule::List { item, columns, .. } = &indicator.rule else {
                return None;
            };
            let code = indicator.code.clone();
            let heads: Vec<String> = [item.clone(), "Школ".to_owned()]
                .into_iter()
                .chain(columns.iter().map(|c| c.label.clone()))
                .collect();
            // Every column but the first counts.
            let heads = heads
                .into_iter()
                .enumerate()
                .map(|(at, h)| view! { <th scope="col" class:num={at > 0}>{h}</th> })
                .collect_view();
            let card = card.clone();
            let rows = move || {
                let totals = dept.archive().with(|a| dept.results.with(|r| event_totals(a, &card, r, &code)));
                totals
                    .into_iter()
                    .map(|t| {
                        let sums = t.sums.iter().map(|s| view! { <td class="num">{*s}</td> }).collect_view();
                        view! { <tr><th scope="row">{t.name}</th><td class="num">{t.schools}</td>{sums}</tr> }
                    })
                    .collect_view()
            };
            let title = format!("{}. {}: итоги по мероприятиям", indicator.code, item);
            let testid = format!("events-{}", indicator.code);
            Some(view! {
                <h3>{title.clone()}</h3>
                <TableScroll label=title>
                    <table class="events" data-testid=testid>
                        <thead><tr>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableScroll>
            })
        })
        .collect_view()
}
