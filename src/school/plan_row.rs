//! One measure of the school's plan: its wording, the card's indicators it
//! targets (checkboxes under a summary that lists the chosen codes), the
//! deadline and who is responsible; moved and removed by buttons, so the
//! keyboard does everything.

use leptos::prelude::*;

use profkarta_core::school::plan::{PlanEdit, PlanRow};

use crate::school::state::{CardCtx, DraftCtx};

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
    let field = |suffix: &str| format!("plan-{index}-{suffix}");
    let chosen = move || {
        row.with(|r: &PlanRow| {
            if r.indicators.is_empty() {
                "не выбраны".to_owned()
            } else {
                r.indicators.join(", ")
            }
        })
    };
    let boxes = card
        .indicators()
        .map(|i| {
            let code = i.code.clone();
            let toggle = code.clone();
            let checked = move || row.with(|r| r.indicators.contains(&code));
            view! {
                <label class="plan-indicator" title=i.text.clone()>
                    <input type="checkbox" prop:checked=checked
                        on:change=move |_| draft.update(|d| d.edit_plan(PlanEdit::Toggle(index, toggle.clone())))/>
                    {format!(" {}", i.code)}
                </label>
            }
        })
        .collect_view();
    let number = index + 1;
    view! {
        <li class="plan-row" data-row=index>
            <label for=field("measure")>{format!("Мероприятие {number}")}</label>
            <textarea id=field("measure") rows="3" prop:value=move || row.with(|r| r.measure.clone())
                on:input=edit(PlanEdit::Measure)></textarea>
            <details class="plan-indicators">
                <summary>"Показатели: " <span data-testid="plan-codes">{chosen}</span></summary>
                <fieldset>
                    <legend class="visually-hidden">{format!("Показатели мероприятия {number}")}</legend>
                    {boxes}
                </fieldset>
            </details>
            <div class="plan-fields">
                <span>
                    <label for=field("deadline")>"Срок"</label>
                    <input id=field("deadline") type="text" placeholder="например, до 30.05.2026"
                        prop:value=move || row.with(|r| r.deadline.clone()) on:input=edit(PlanEdit::Deadline)/>
                </span>
                <span>
                    <label for=field("responsible")>"Ответственный"</label>
                    <input id=field("responsible") type="text"
                        prop:value=move || row.with(|r| r.responsible.clone()) on:input=edit(PlanEdit::Responsible)/>
                </span>
            </div>
            <div class="row-actions no-print">
                <button type="button" disabled=index == 0
                    on:click=move |_| draft.update(|d| d.edit_plan(PlanEdit::Shift(index, true)))
                    aria-label=format!("Мероприятие {number} выше")>"↑"</button>
                <button type="button" disabled=index + 1 == count
                    on:click=move |_| draft.update(|d| d.edit_plan(PlanEdit::Shift(index, false)))
                    aria-label=format!("Мероприятие {number} ниже")>"↓"</button>
                <button type="button" class="danger"
                    on:click=move |_| draft.update(|d| d.edit_plan(PlanEdit::Remove(index)))
                    aria-label=format!("Удалить мероприятие {number}")>"Удалить"</button>
            </div>
        </li>
    }
}
