//! A table of the core's (`export::Table`) on screen, as it goes to CSV,
//! XLSX and Word: the first column names the row, a column of numbers is
//! set right (its heading too), a cell with no value reads «—».

use leptos::prelude::*;

use profkarta_core::export::{Cell, ColumnSort, Table};
use profkarta_core::text::group_digits;

use crate::shared::table_scroll::TableScroll;

/// A cell as the screen shows it: a percentage with its sign, thousands
/// apart as in the rest of the page («1 200»; the files keep «1200» for
/// the spreadsheet to read as a number), nothing as «—».
fn shown(cell: &Cell) -> String {
    if let Cell::Int(n) = cell {
        if let Ok(n) = u64::try_from(*n) {
            return group_digits(n);
        }
    }
    match cell.text() {
        text if text.is_empty() => "—".to_owned(),
        text if matches!(cell, Cell::Percent { .. }) => format!("{text}\u{A0}%"),
        text => text.into_owned(),
    }
}

/// Cells of at most this many characters are kept on one line.
const SHORT: usize = 8;

#[component]
pub fn DataTable(
    #[prop(into)] table: Signal<Table>,
    /// What the scrolled box is called for a screen reader.
    #[prop(into)]
    label: String,
    #[prop(into)] testid: String,
    /// A class beside `data`, for a table styled its own way.
    #[prop(optional)]
    class: &'static str,
    /// The headers sort the rows by their column (see [`ColumnSort`]).
    #[prop(optional)]
    sortable: bool,
) -> impl IntoView {
    let sort = RwSignal::new(ColumnSort::default());
    let order = Memo::new(move |_| match sortable {
        true => sort.with(|s| table.with(|t| s.order(&t.rows))),
        false => table.with(|t| (0..t.rows.len()).collect()),
    });
    // Columns holding numbers, past the first: set right.
    let numeric = Memo::new(move |_| {
        table.with(|t| {
            (0..t.headers.len())
                .map(|c| {
                    c > 0
                        && t.rows
                            .iter()
                            .any(|r| matches!(r.get(c), Some(Cell::Int(_) | Cell::Percent { .. })))
                })
                .collect::<Vec<bool>>()
        })
    });
    let is_numeric = move |c: usize| numeric.with(|n| n.get(c).copied().unwrap_or(false));
    let heads = move || {
        table.with(|t| {
            t.headers
                .iter()
                .enumerate()
                .map(|(c, h)| match sortable {
                    false => view! { <th scope="col" class:num=is_numeric(c)>{h.clone()}</th> }.into_any(),
                    true => {
                        let numbers = ColumnSort::numbers(&t.rows, c);
                        let click = move |_| sort.update(|s| *s = s.clicked(c, numbers));
                        view! {
                            <th scope="col" class:num=is_numeric(c) aria-sort=move || sort.with(|s| s.aria(c))>
                                <button type="button" class="sort" on:click=click>{h.clone()}</button>
                            </th>
                        }.into_any()
                    }
                })
                .collect_view()
        })
    };
    // What a click on a header did, for a screen reader.
    let described = move || {
        let s = sort.get();
        table.with(|t| s.describe(&t.headers, ColumnSort::numbers(&t.rows, s.column)))
    };
    let rows = move || {
        table.with(|t| {
            order
                .get()
                .into_iter()
                .filter_map(|i| t.rows.get(i))
                .map(|row| {
                    let (name, cells) = row.split_first().expect("a row starts with its name");
                    let cells = cells
                        .iter()
                        .enumerate()
                        // Words among the numbers («5 (не подтверждено
                        // проверкой)») wrap: one would widen the column
                        // past the screen.
                        // A short cell («п. 1.5», «84,0 %») never wraps:
                        // a narrow column broke every row's code in two
                        // on paper, doubling the table (a print audit).
                        .map(|(c, cell)| {
                            let words = matches!(cell, Cell::Text(_));
                            let text = shown(cell);
                            let short = text.chars().count() <= SHORT;
                            view! { <td class:num=is_numeric(c + 1) && !words class:num-words=is_numeric(c + 1) && words class:short=short>{text}</td> }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{shown(name)}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    view! {
        {sortable.then(|| view! { <p class="hint no-print" role="status">{described}</p> })}
        <TableScroll label=label>
            <table class=format!("data {class}") data-testid=testid>
                <thead><tr>{heads}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
