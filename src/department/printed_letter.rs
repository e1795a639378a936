//! A letter as it goes on paper: the department's name above it (on plain
//! paper; the Word document goes on letterhead without it) and its text in
//! paragraphs, each kept whole on its page where it fits, so that an
//! indicator's heading is never left at the foot of a page without its
//! recommendation.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn PrintedLetter(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let dept: Dept = expect_context();
    let paragraphs = move || {
        text.with(|t| {
            t.split("\n\n")
                .map(|p| p.trim_matches('\n'))
                .filter(|p| !p.trim().is_empty())
                .map(|p| view! { <p>{p.to_owned()}</p> })
                .collect_view()
        })
    };
    view! {
        <p class="letter-from print-only" data-testid="letter-from">{move || dept.department_name()}</p>
        <div class="letter-print print-only">{paragraphs}</div>
    }
}
