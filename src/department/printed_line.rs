//! Only on paper: the department and the moment a tab was printed.

use leptos::prelude::*;

use profkarta_core::department::view::rating::printed_on;

use crate::department::state::Dept;
use crate::platform::browser::{local_datetime, now_iso, on_before_print};

#[component]
pub fn PrintedLine(testid: &'static str) -> impl IntoView {
    let dept: Dept = expect_context();
    // Filled as the print dialog opens, so that the paper names the moment
    // it was printed, not the moment the tab was drawn.
    let printed = NodeRef::<leptos::html::P>::new();
    on_before_print(move || {
        if let Some(line) = printed.get_untracked() {
            let text = printed_on(
                &untrack(|| dept.department_name()),
                &local_datetime(&now_iso()),
            );
            line.set_text_content(Some(&text));
        }
    });
    view! { <p class="muted print-only" data-testid=testid node_ref=printed></p> }
}
