//! Each indicator's municipal value in the year before and this year: the
//! dynamics of a card without points, where nothing else changes, and
//! beside a card's points the values behind them (a share of schools
//! meeting a threshold can hold while the municipal share falls).

use leptos::prelude::*;

use profkarta_core::department::dynamics::value_changes;
use profkarta_core::department::report;

use crate::department::indicator_name::IndicatorName;
use crate::department::state::Dept;
use crate::shared::column_heads::ColumnHeads;
use crate::shared::table_scroll::TableScroll;

#[component]
pub fn ValueChanges() -> impl IntoView {
    let dept: Dept = expect_context();
    let rows = move || {
        dept.with_years(|years, _, _| value_changes(years)).map(|changes| {
            changes
                    .into_iter()
                    .map(|c| {
                        view! {
                            <tr data-code=c.code.clone() class:changed=!c.comparability.values_comparable()>
                                <IndicatorName code=c.code.clone() text=c.text/>
                                <td data-col="before">{c.before}</td>
                                <td data-col="after">{c.after}</td>
                                <td class="num" data-col="change">{change_lines(c.change)}</td>
                                <td data-col="comparable">{c.comparability.method_label()}</td>
                            </tr>
                        }
                    })
                    .collect_view()
        })
    };
    view! {
        <h3>{report::VALUES_HEADING}</h3>
        <TableScroll label=report::VALUES_HEADING>
            <table data-testid="value-changes">
                <thead><tr>
                    <ColumnHeads names=&["Показатель", "Было", "Стало"]/>
                    <ColumnHeads names=&["Изменение"] numbers=true/>
                    <ColumnHeads names=&["Методика"]/>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}

/// A change of several parts (a list's rows and columns, a sum's mean
/// beside it), one a line, each ending in its figure: wrapped as one text
/// and set right, it read poorly (an audit).
fn change_lines(change: Vec<String>) -> impl IntoView {
    if change.is_empty() {
        return view! { <span class="change-part">"—"</span> }.into_any();
    }
    let last = change.len() - 1;
    (change.into_iter().enumerate())
        .map(|(i, part)| {
            let part = if i < last { format!("{part};") } else { part };
            view! { <span class="change-part">{part}</span> }
        })
        .collect_view()
        .into_any()
}
