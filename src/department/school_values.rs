//! Each school's own values, indicator by indicator, on screen: for a card
//! without points this is the table by organisation its note promises,
//! which no rating or heatmap stands in for. The same table goes to CSV and
//! XLSX.

use leptos::prelude::*;

use profkarta_core::department::tables::values_table;
use profkarta_core::export::Cell;

use crate::department::state::Dept;
use crate::shared::table_scroll::TableScroll;

#[component]
pub fn SchoolValues() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    let table = Memo::new(move |_| {
        let period = dept.period.get().unwrap_or_default();
        dept.archive()
            .with(|a| dept.results.with(|r| values_table(&card, a, r, &period)))
    });
    let heads = move || {
        table.with(|t| {
            t.headers
                .iter()
                .enumerate()
                .map(|(at, h)| view! { <th scope="col" class:num={at > 0}>{h.clone()}</th> })
                .collect_view()
        })
    };
    let rows = move || {
        table.with(|t| {
            t.rows
                .iter()
                .map(|row| {
                    let (name, values) = row.split_first().expect("a row starts with its school");
                    let values = values
                        .iter()
                        .map(|cell| {
                            let text = match cell {
                                Cell::Empty => "—".to_owned(),
                                Cell::Percent { .. } => format!("{}\u{A0}%", cell.text()),
                                _ => cell.text().into_owned(),
                            };
                            view! { <td class="num">{text}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{name.text().into_owned()}</th>{values}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <h3>"Значения по школам"</h3>
        <p class="muted">"Столбцы — пункты карты, их формулировки — в таблице выше; «—» — школа показатель не заполнила."</p>
        <TableScroll label="Значения по школам">
            <table class="school-values" data-testid="school-values">
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
