//! The header cells of a table's columns, each a `<th scope="col">`, so
//! screen readers announce the column with every cell.

use leptos::prelude::*;

/// `numbers`: the columns hold numbers, so their heads align right, over
/// the digits (`class="num"`, as the cells).
#[component]
pub fn ColumnHeads(
    names: &'static [&'static str],
    #[prop(optional)] numbers: bool,
) -> impl IntoView {
    names
        .iter()
        .map(|name| view! { <th scope="col" class:num=numbers>{*name}</th> })
        .collect_view()
}
