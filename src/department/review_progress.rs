//! Where the review of the period stands, «проверено 37 из 132», and the
//! way to the previous and next school: down the list the review was opened
//! from, or the select's.

use leptos::prelude::*;

use profkarta_core::department::results::SchoolResult;
use profkarta_core::department::review::ReviewStatus;
use profkarta_core::department::view::selection::{self, school_options, WalkFrom};

use crate::department::reviewers_panel::REVIEWERS_TITLE;
use crate::department::state::{Dept, Tab};
use crate::platform::browser::focus_when_drawn;

#[component]
pub fn ReviewProgress() -> impl IntoView {
    let dept: Dept = expect_context();
    // A reviewer going down the assignment counts its schools: the
    // period's whole count read as their own progress (a walk-through).
    let progress = move || {
        let assignment = (dept.walk())
            .map(|(walk, _)| walk)
            .filter(|walk| walk.from == WalkFrom::Assignment);
        dept.results.with(|r| {
            let ours = |s: &&SchoolResult| assignment.as_ref().is_none_or(|w| w.through(&s.school));
            let all = r.iter().filter(ours).count();
            let checked = (r.iter().filter(ours))
                .filter(|s| s.status == ReviewStatus::Checked)
                .count();
            let whose = if assignment.is_some() {
                " по заданию"
            } else {
                ""
            };
            format!("Проверено{whose} {checked} из {all}.")
        })
    };
    // Which way the buttons go, when it is not the select's, and the way
    // back to that list. The rating gives the focus to the school's row
    // (the button that had it is gone), the assignment to its heading.
    let walk = move || {
        dept.walk().map(|(walk, _)| {
            let (tab, back) = match walk.from {
                WalkFrom::Rating => (Tab::Results, "К рейтингу"),
                WalkFrom::Assignment => (Tab::Reviewers, "К заданию"),
            };
            let go_back = move |_| {
                dept.show(tab);
                if tab == Tab::Reviewers {
                    focus_when_drawn(REVIEWERS_TITLE.to_owned());
                }
            };
            view! {
                <span class="muted" data-testid="review-walk">{walk.describe()}</span>
                <button type="button" class="link-button" on:click=go_back>{back}</button>
            }
        })
    };
    view! {
        <div class="review-progress actions no-print">
            // Said when a check is marked finished, away from the box.
            <span role="status" data-testid="review-progress">{progress}</span>
            // At either end a button stays, said to lead nowhere, as the
            // one at the review's foot.
            <button type="button" aria-disabled=move || neighbour(dept, false).is_none().to_string()
                on:click=move |_| { step(dept, false); }>"← Предыдущая школа"</button>
            <button type="button" aria-disabled=move || neighbour(dept, true).is_none().to_string()
                on:click=move |_| { step(dept, true); }>"Следующая школа →"</button>
            {walk}
        </div>
    }
}

/// Opens the neighbour of the open school in the review's order; `false`
/// at either end.
pub fn step(dept: Dept, forward: bool) -> bool {
    untrack(|| neighbour(dept, forward))
        .map(|id| dept.open_school(id))
        .is_some()
}

/// The neighbour of the open school (tracked): in the order of the list
/// the review was opened from while the school is on it, else in the
/// select's.
pub fn neighbour(dept: Dept, forward: bool) -> Option<String> {
    if let Some((walk, open)) = dept.walk() {
        return dept.results.with(|r| {
            walk.neighbour(r, &open, forward)
                .map(|r| r.submission_id.clone())
        });
    }
    let open = dept
        .open
        .with(|o| o.as_ref().map(|r| r.submission_id.clone()));
    let ids: Vec<String> = dept
        .results
        .with(|r| school_options(r).into_iter().map(|(id, _)| id).collect());
    selection::neighbour(&ids, open.as_ref(), forward).cloned()
}
