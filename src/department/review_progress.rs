//! Where the review of the period stands, «проверено 37 из 132», and the
//! way to the previous and next school in the list's order.

use leptos::prelude::*;

use profkarta_core::department::review::ReviewStatus;
use profkarta_core::department::view::selection::school_options;

use crate::department::state::Dept;

#[component]
pub fn ReviewProgress() -> impl IntoView {
    let dept: Dept = expect_context();
    let progress = move || {
        dept.results.with(|r| {
            let checked = r
                .iter()
                .filter(|s| s.status == ReviewStatus::Checked)
                .count();
            format!("Проверено {checked} из {}.", r.len())
        })
    };
    view! {
        <div class="review-progress actions no-print">
            <span data-testid="review-progress">{progress}</span>
            <button type="button" on:click=move |_| { step(dept, false); }>"← Предыдущая школа"</button>
            <button type="button" on:click=move |_| { step(dept, true); }>"Следующая школа →"</button>
        </div>
    }
}

/// Opens the neighbour of the open school in the select's order; `false`
/// at either end.
pub fn step(dept: Dept, forward: bool) -> bool {
    untrack(|| neighbour(dept, forward))
        .map(|id| dept.open_school(id))
        .is_some()
}

/// The neighbour of the open school in the select's order (tracked).
pub fn neighbour(dept: Dept, forward: bool) -> Option<String> {
    let ids: Vec<String> = dept
        .results
        .with(|r| school_options(r).into_iter().map(|(id, _)| id).collect());
    let open = dept
        .open
        .with(|o| o.as_ref().map(|r| r.submission_id.clone()));
    let at = ids.iter().position(|id| Some(id) == open.as_ref());
    let next = match (at, forward) {
        (Some(i), true) => ids.get(i + 1),
        (Some(i), false) => i.checked_sub(1).and_then(|i| ids.get(i)),
        (None, _) => ids.first(),
    };
    next.cloned()
}
