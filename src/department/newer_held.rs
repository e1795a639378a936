//! Over a school's review and its letter: a newer file of the school's
//! year waits for the decision on its new key, and until then both go by
//! the older file. A walk-through's letter was written from the old file
//! with no hint of the new one. Over the letter, also the file the
//! coordinator's choice set aside (the review has its own list of them).

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn NewerHeld(
    #[prop(into)] submission: Signal<Option<String>>,
    /// Whether to say that the coordinator chose this file over another.
    #[prop(optional)]
    chosen_too: bool,
) -> impl IntoView {
    let dept: Dept = expect_context();
    let held = move || {
        let id = submission.get()?;
        dept.archive()
            .with(|a| a.newer_held(&id).map(|held| held.held_note()))
    };
    let chosen = move || {
        let id = submission.get().filter(|_| chosen_too)?;
        dept.archive()
            .with(|a| a.chosen_over(&id).map(|aside| aside.set_aside_note()))
    };
    view! {
        {move || held().map(|text| {
            view! { <p class="notice notice-warning no-print" data-testid="newer-held">{text}</p> }
        })}
        {move || chosen().map(|text| {
            view! { <p class="notice no-print" data-testid="letter-chosen">{text}</p> }
        })}
    }
}
