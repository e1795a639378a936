//! A repeating table of rows, one per event (seed 004's events, seed 002's
//! contests): a name and numbers in the card's columns. Rows are added,
//! moved and removed with buttons, so the keyboard does everything a mouse
//! does.

use leptos::prelude::*;

use profkarta_core::card::ListColumn;
use profkarta_core::school::draft::AnswerField;
use profkarta_core::scoring::explain::list_totals;
use profkarta_core::scoring::Outcome;

use crate::platform::browser::{
    confirm_removal, focus_after_removal, focus_after_shift, focus_when_drawn,
};
use crate::school::answer_input::{AnswerInput, RowData};
use crate::school::state::DraftCtx;
use crate::shared::field::FieldKind;

#[component]
pub fn ListRows(row: RowData, item: String, columns: Vec<ListColumn>) -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let answer = row.answer;
    let result = row.result;
    let summed = columns.clone();
    let head_item = item.clone();
    let head_columns = (columns.iter())
        .map(|c| view! { <th scope="col">{c.label.clone()}</th> })
        .collect_view();
    // Redrawn only when rows come or go, not on every keystroke in them.
    let count = Memo::new(move |_| answer.with(|a| a.rows.len()));
    let code = row.code.clone();
    let add_code = row.code.clone();
    let add_label = row.code.clone();
    let slug = row.slug.clone();
    // The focus follows the row it was on, as in the plan: a moved row
    // keeps it on its arrow, a removed row hands it to the row now in its
    // place (or the new last one), and with none left to «Добавить строку».
    let arrow = {
        let slug = slug.clone();
        move |r: usize, which: &str| format!("{slug}-row-{r}-{which}")
    };
    let add_id = format!("{slug}-add-row");
    // The id of row `at`'s name, where a new row and a removal send the focus.
    let name_id = {
        let slug = slug.clone();
        move |at: usize| format!("{slug}-{}", AnswerField::RowName(at).key())
    };
    let shift = {
        let (code, arrow) = (code.clone(), arrow.clone());
        move |r: usize, up: bool| {
            let n = count.get_untracked();
            if (up && r == 0) || (!up && r + 1 >= n) {
                return;
            }
            draft.update(|d| d.move_row(&code, r, up));
            focus_after_shift(r, up, &arrow);
        }
    };
    // A filled row is asked about first: nothing undoes it.
    let remove = {
        let (code, name_id, add_id) = (code.clone(), name_id.clone(), add_id.clone());
        move |r: usize| {
            let asked = answer.with_untracked(|a| {
                a.rows.get(r).is_none_or(|row| {
                    row.is_blank() || confirm_removal(&format!("строку {}", r + 1), &row.name)
                })
            });
            if !asked {
                return;
            }
            // Counted before: the row's answer follows the draft a moment later.
            let left = count.get_untracked().saturating_sub(1);
            draft.update(|d| d.remove_row(&code, r));
            focus_after_removal(r, left, &name_id, &add_id);
        }
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
                let (up, down, remove) = (shift.clone(), shift.clone(), remove.clone());
                let blank = move || answer.with(|a| a.rows.get(r).is_some_and(|row| row.is_blank()));
                view! {
                    <tr data-row=r class:blank-row=blank>
                        <td class="list-name">
                            <AnswerInput row=row.clone() field=AnswerField::RowName(r) label=item.clone() kind=FieldKind::WrappedLine/>
                        </td>
                        {cells}
                        <td class="row-actions no-print">
                            // A single row has nowhere to go: no arrows to
                            // Tab past.
                            {(n > 1).then(|| view! {
                                <button type="button" id=arrow(r, "up") aria-disabled=(r == 0).to_string()
                                    on:click=move |_| up(r, true)
                                    aria-label=format!("Строку {} выше", r + 1)>"↑"</button>
                                <button type="button" id=arrow(r, "down") aria-disabled=(r + 1 == n).to_string()
                                    on:click=move |_| down(r, false)
                                    aria-label=format!("Строку {} ниже", r + 1)>"↓"</button>
                            })}
                            <button type="button" class="danger" on:click=move |_| remove(r)
                                aria-label=format!("Удалить строку {}", r + 1)>"Удалить"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    // The new row's name takes the focus, as a new plan row's measure does.
    let add = move |_| {
        let new = count.get_untracked();
        draft.update(|d| d.add_row(&add_code));
        focus_when_drawn(name_id(new));
    };
    // An untouched list reads as «not filled in»; a school that had none
    // says so, and the list becomes an answer of none.
    let none = Memo::new(move |_| answer.with(|a| a.no_rows));
    let none_id = format!("{slug}-no-rows");
    let say_none = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        draft.update(|d| d.set_no_rows(&code, checked));
    };
    // The figures the indicator is named after, as the department will
    // sum them: the rows alone gave only «В списке 4 строки».
    let totals = Memo::new(move |_| {
        answer.with(|a| (a.filled_rows().next().is_some()).then(|| list_totals(&summed, a)))
    });
    view! {
        <div class="list-rows">
            <table class="list-table">
                // On paper the columns' names head the table, every row's
                // boxes in line under them: over the first row's boxes, a
                // name of one line and counts of three stood the event's
                // name above its numbers (a walk-through's printed card).
                <thead class="print-only">
                    <tr>
                        <th scope="col">{head_item}</th>
                        {head_columns}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || totals.get().map(|t| view! {
                <p class="list-totals" data-testid="list-totals">
                    "Итого по списку: "{t}"."
                    // The sums add every row as typed, mistakes too.
                    {move || (result.with(|r| r.outcome == Outcome::Invalid)).then_some(
                        " Пока в строках есть ошибки, показатель не учитывается."
                    )}
                    // «В списке 2 строки» under three rows read as one lost
                    // (a walk-through): an empty row is none.
                    {move || answer.with(|a| a.rows.iter().any(|r| r.is_blank())).then_some(
                        " Пустые строки не учитываются."
                    )}
                </p>
            })}
            <Show when=move || count.get() == 0>
                // On paper, what the screen asks to do would read as an
                // answer: the list is said to be unfilled, and the box is
                // printed only when ticked.
                {move || (!none.get()).then(|| view! {
                    <p class="muted no-print">
                        "Строк пока нет: нажмите «Добавить строку» и заполните по строке на каждый пункт "
                        "или отметьте, что в этом году их не было."
                    </p>
                    <p class="print-only">"Не заполнено."</p>
                })}
                <label class="choice no-rows" class:no-print=move || !none.get() for=none_id.clone()>
                    <input type="checkbox" id=none_id.clone() prop:checked=move || none.get()
                        on:change=say_none.clone()/>
                    "В этом году не было (список пуст)"
                </label>
            </Show>
            <button type="button" id=add_id class="no-print" aria-label=format!("Добавить строку: показатель {add_label}") on:click=add>"Добавить строку"</button>
        </div>
    }
}
