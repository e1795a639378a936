//! Over a school's review and its letter: a newer file of the school's
//! year waits for the decision on its new key, and until then both go by
//! the older file. A walk-through's letter was written from the old file
//! with no hint of the new one.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn NewerHeld(#[prop(into)] submission: Signal<Option<String>>) -> impl IntoView {
    let dept: Dept = expect_context();
    let note = move || {
        let id = submission.get()?;
        dept.archive()
            .with(|a| a.newer_held(&id).map(|held| held.held_note()))
    };
    move || {
        note().map(|text| {
            view! { <p class="notice notice-warning no-print" data-testid="newer-held">{text}</p> }
        })
    }
}
