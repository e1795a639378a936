//! The header cells of a table's columns, each a `<th scope="col">`, so
//! screen readers announce the column with every cell.

use leptos::prelude::*;

#[component]
pub fn ColumnHeads(names: &'static [&'static str]) -> impl IntoView {
    names
        .iter()
        .map(|name| view! { <th scope="col">{*name}</th> })
        .collect_view()
}
