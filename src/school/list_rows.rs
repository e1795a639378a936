//! A repeating table of rows, one per event (seed 004's events, seed 002's
//! contests): a name and numbers in the card's columns. Rows are added,
//! moved and removed with buttons, so the keyboard does everything a mouse
//! does.

use leptos::prelude::*;

use profkarta_core::card::ListColumn;
use profkarta_core::school::draft::AnswerField;

use crate::platform::browser::focus_when_drawn;
use crate::school::answer_input::{AnswerInput, RowData};
use crate::school::state::DraftCtx;
use crate::shared::field::FieldKind;

#[component]
pub fn ListRows(row: RowData, item: String, columns: Vec<ListColumn>) -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let answer = row.answer;
    // Redrawn only when rows come or go, not on every keystroke in them.
    let count = Memo::new(move |_| answer.with(|a| a.rows.len()));
    let code = row.code.clone();
    let add_code = row.code.clone();
    let slug = row.slug.clone();
    let edit = move |change: fn(&mut profkarta_core::school::draft::Draft, &str, usize),
                     r: usize| {
        let code = code.clone();
        move |_| draft.update(|d| change(d, &code, r))
    };
    let rows = move || {
        let n = count.get();
        (0..n)
            .map(|r| {
                let cells = columns
                    .iter()
                    .enumerate()
                    .map(|(c, column)| {
                        let field = AnswerField::Cell { row: r, column: c };
                        view! { <td><AnswerInput row=row.clone() field label=column.label.clone() kind=FieldKind::Number/></td> }
                    })
                    .collect_view();
                view! {
                    <tr data-row=r>
                        <td class="list-name">
                            <AnswerInput row=row.clone() field=AnswerField::RowName(r) label=item.clone() kind=FieldKind::Text/>
                        </td>
                        {cells}
                        <td class="row-actions no-print">
                            <button type="button" disabled=r == 0 on:click=edit(|d, code, r| d.move_row(code, r, true), r)
                                aria-label=format!("Строку {} выше", r + 1)>"↑"</button>
                            <button type="button" disabled=r + 1 == n on:click=edit(|d, code, r| d.move_row(code, r, false), r)
                                aria-label=format!("Строку {} ниже", r + 1)>"↓"</button>
                            <button type="button" class="danger" on:click=edit(|d, code, r| d.remove_row(code, r), r)
                                aria-label=format!("Удалить строку {}", r + 1)>"Удалить"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    // The new row's name takes the focus, as a new plan row's measure does.
    let add = move |_| {
        let name = AnswerField::RowName(count.get_untracked()).key();
        draft.update(|d| d.add_row(&add_code));
        focus_when_drawn(format!("{slug}-{name}"));
    };
    view! {
        <div class="list-rows">
            <table class="list-table">
                <tbody>{rows}</tbody>
            </table>
            <Show when=move || count.get() == 0>
                <p class="muted">"Строк пока нет: нажмите «Добавить строку» и заполните по строке на каждый пункт."</p>
            </Show>
            <button type="button" class="no-print" on:click=add>"Добавить строку"</button>
        </div>
    }
}
