//! In the review: where the school's typed last-year figures differ from
//! its own accepted file of last year, the discrepancy the seeds' objectivity
//! check asks the coordinator to look at.

use leptos::prelude::*;

use profkarta_core::department::last_year::discrepancies;

use crate::department::state::Dept;

#[component]
pub fn LastYearCheck(submission: String) -> impl IntoView {
    let dept: Dept = expect_context();
    let found = move || {
        dept.archive().with(|a| {
            a.entry(&submission)
                .map(|e| discrepancies(a, e))
                .unwrap_or_default()
        })
    };
    move || {
        let found = found();
        found.first().map(|first| {
            let source = first.source();
            let items = found
                .iter()
                .map(|d| view! { <li data-code=d.code.clone()>{d.describe()}</li> })
                .collect_view();
            view! {
                <div class="notice notice-warning on-paper" data-testid="last-year-discrepancies">
                    <p>{format!("Значения прошлого года расходятся с {source} — проверьте:")}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
