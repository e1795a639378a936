//! The school's plan of measures as it signed it, in the review: what it
//! will do about which indicators, by when, and who answers for it.

use leptos::prelude::*;

use profkarta_core::school::plan::PlanRow;

use crate::shared::column_heads::ColumnHeads;

#[component]
pub fn SchoolPlan(plan: Vec<PlanRow>) -> impl IntoView {
    if plan.is_empty() {
        return view! { <p class="muted" data-testid="school-plan-none">"План мероприятий школа не приложила."</p> }.into_any();
    }
    let rows = plan
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <tr>
                    <td>{i + 1}</td>
                    <td>{r.measure}</td>
                    <td>{r.indicators.join(", ")}</td>
                    <td>{r.deadline}</td>
                    <td>{r.responsible}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" data-testid="school-plan">
            <thead><tr><ColumnHeads names=&["№", "Мероприятие", "Показатели", "Срок", "Ответственный"]/></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
