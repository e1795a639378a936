//! A table of the core's (`export::Table`) on screen, as it goes to CSV,
//! XLSX and Word: the first column names the row, numbers are set right,
//! an empty cell reads «—».

use leptos::prelude::*;

use profkarta_core::export::{Cell, Table};

use crate::shared::table_scroll::TableScroll;

#[component]
pub fn DataTable(
    #[prop(into)] table: Signal<Table>,
    /// What the scrolled box is called for a screen reader.
    #[prop(into)]
    label: String,
    testid: &'static str,
) -> impl IntoView {
    let heads = move || {
        table.with(|t| {
            t.headers
                .iter()
                .map(|h| view! { <th scope="col">{h.clone()}</th> })
                .collect_view()
        })
    };
    let rows = move || {
        table.with(|t| {
            t.rows
                .iter()
                .map(|row| {
                    let (name, cells) = row.split_first().expect("a row starts with its name");
                    let cells = cells
                        .iter()
                        .map(|cell| {
                            let number = matches!(cell, Cell::Int(_) | Cell::Percent { .. });
                            let text = match cell {
                                Cell::Empty => "—".to_owned(),
                                Cell::Percent { .. } => format!("{}\u{A0}%", cell.text()),
                                _ => cell.text().into_owned(),
                            };
                            view! { <td class:num=number>{text}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{name.text().into_owned()}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        <TableScroll label=label>
            <table class="data" data-testid=testid>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
