//! One measure of the school's plan: its wording, the card's indicators it
//! targets (checkboxes under a summary that lists the chosen codes), the
//! deadline and who is responsible; moved and removed by buttons, so the
//! keyboard does everything.

use leptos::prelude::*;

use profkarta_core::school::plan::{deadline_example, PlanEdit, PlanRow};

use crate::platform::browser::{
    confirm_removal, focus_after_removal, focus_after_shift, swap_open, year_month,
};
use crate::school::state::{CardCtx, DraftCtx};
use crate::shared::indicator_check::{with_shown, IndicatorCheck};

#[component]
pub fn PlanRowEditor(index: usize, count: usize) -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let CardCtx(card) = expect_context();
    let row = Memo::new(move |_| draft.with(|d| d.plan.get(index).cloned().unwrap_or_default()));
    let edit = move |make: fn(usize, String) -> PlanEdit| {
        move |ev| {
            let value = event_target_value(&ev);
            draft.update(|d| d.edit_plan(make(index, value)));
        }
    };
    let field = move |suffix: &str| format!("plan-{index}-{suffix}");
    let example = move || draft.with(|d| deadline_example(&d.profile.period, year_month()));
    let chosen = move || {
        row.with(|r: &PlanRow| {
            if r.indicators.is_empty() {
                "не выбраны".to_owned()
            } else {
                r.indicators.join(", ")
            }
        })
    };
    // On paper the head who signs the plan reads what each code stands for.
    let named = {
        let card = card.clone();
        move || {
            row.with(|r| {
                (card.indicators())
                    .filter(|i| r.indicators.contains(&i.code))
                    .map(|i| view! { <li>{format!("{}. {}", i.code, i.text.trim())}</li> })
                    .collect_view()
            })
        }
    };
    let boxes = with_shown(card.indicators())
        .into_iter()
        .map(|(i, shown)| {
            let code = i.code.clone();
            let toggle = code.clone();
            view! {
                <IndicatorCheck code=i.code.clone() text=i.text.clone() shown
                    checked=Signal::derive(move || row.with(|r| r.indicators.contains(&code)))
                    on_toggle=Callback::new(move |()| draft.update(|d| d.edit_plan(PlanEdit::Toggle(index, toggle.clone()))))/>
            }
        })
        .collect_view();
    let number = index + 1;
    // The focus follows the row it was on: a moved row keeps it on its
    // arrow, a removed row hands it to the row now in its place, the last
    // one to «Добавить мероприятие».
    let (first, last) = (index == 0, index + 1 == count);
    let shift = move |up: bool| {
        if (up && first) || (!up && last) {
            return;
        }
        draft.update(|d| d.edit_plan(PlanEdit::Shift(index, up)));
        let to = if up { index - 1 } else { index + 1 };
        swap_open(&field("indicators"), &format!("plan-{to}-indicators"));
        focus_after_shift(index, up, |to, arrow| format!("plan-{to}-{arrow}"));
    };
    // A filled row is asked about first, as a draft is: nothing undoes it.
    let remove = move |_| {
        let asked = row.with_untracked(|r| {
            r.is_blank() || confirm_removal(&format!("мероприятие {number}"), &r.measure)
        });
        if !asked {
            return;
        }
        draft.update(|d| d.edit_plan(PlanEdit::Remove(index)));
        let measure = |at: usize| format!("plan-{at}-measure");
        focus_after_removal(index, count - 1, measure, "plan-add");
    };
    view! {
        <li class="plan-row" class:plan-row-empty=move || row.with(PlanRow::is_blank) data-row=index>
            <label for=field("measure")>{format!("Мероприятие {number}")}</label>
            <textarea id=field("measure") rows="3" prop:value=move || row.with(|r| r.measure.clone())
                on:input=edit(PlanEdit::Measure)></textarea>
            <details class="plan-indicators" id=field("indicators")>
                <summary>"Показатели: " <span data-testid="plan-codes">{chosen}</span></summary>
                <fieldset>
                    <legend class="visually-hidden">{format!("Показатели мероприятия {number}")}</legend>
                    {boxes}
                </fieldset>
            </details>
            <div class="print-only plan-named">
                "Показатели: " {move || row.with(|r| r.indicators.is_empty()).then_some("не выбраны")}
                <ul>{named}</ul>
            </div>
            <div class="plan-fields">
                <span>
                    <label for=field("deadline")>"Срок"</label>
                    <input id=field("deadline") type="text" placeholder=example
                        prop:value=move || row.with(|r| r.deadline.clone()) on:input=edit(PlanEdit::Deadline)/>
                    <span class="print-only print-value">{move || row.with(|r| r.deadline.clone())}</span>
                </span>
                <span>
                    <label for=field("responsible")>"Ответственный"</label>
                    <input id=field("responsible") type="text"
                        prop:value=move || row.with(|r| r.responsible.clone()) on:input=edit(PlanEdit::Responsible)/>
                    <span class="print-only print-value">{move || row.with(|r| r.responsible.clone())}</span>
                </span>
            </div>
            <div class="row-actions no-print">
                // A single measure has no arrows to Tab past, as a list's
                // single row has none (a walk-through).
                {(count > 1).then(|| view! {
                    <button type="button" id=field("up") aria-disabled=first.to_string() on:click=move |_| shift(true)
                        aria-label=format!("Мероприятие {number} выше")>"↑"</button>
                    <button type="button" id=field("down") aria-disabled=last.to_string() on:click=move |_| shift(false)
                        aria-label=format!("Мероприятие {number} ниже")>"↓"</button>
                })}
                <button type="button" class="danger" on:click=remove
                    aria-label=format!("Удалить мероприятие {number}")>"Удалить"</button>
            </div>
        </li>
    }
}
