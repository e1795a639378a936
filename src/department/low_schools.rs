//! The schools at the low level, for the results page and the report.

use leptos::prelude::*;

use profkarta_core::department::report;

use crate::department::state::Dept;

#[component]
pub fn LowSchools() -> impl IntoView {
    let dept: Dept = expect_context();
    // The page draws the panel anew for another card.
    let version = dept.card.with_untracked(|c| c.version);
    let low = Memo::new(move |_| dept.rating.with(|r| report::low_schools(r, version)));
    let items = move || {
        (low.get().into_iter())
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    view! {
        <h3>{report::LOW_HEADING}</h3>
        <Show when=move || low.with(|l| !l.is_empty()) fallback=|| view! { <p data-testid="no-low-schools">{report::NONE_LOW}</p> }>
            <ul data-testid="low-schools">{items}</ul>
        </Show>
    }
}
