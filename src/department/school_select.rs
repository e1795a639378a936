//! The select of the period's schools, shared by the review, the letters
//! and the profile chart: all three show the school open in the state.

use leptos::prelude::*;

use profkarta_core::department::view::selection::school_options;

use crate::department::state::Dept;

#[component]
pub fn SchoolSelect() -> impl IntoView {
    let dept: Dept = expect_context();
    let options = move || {
        let current = dept
            .open
            .with(|o| o.as_ref().map(|r| r.submission_id.clone()));
        dept.results
            .with(|r| school_options(r))
            .into_iter()
            .map(|(id, label)| {
                let selected = current.as_deref() == Some(id.as_str());
                view! { <option value=id selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <p class="school-select">
            <label for="school-select">"Школа: "</label>
            <select id="school-select" on:change=move |ev| dept.open_school(event_target_value(&ev))>
                {options}
            </select>
        </p>
    }
}
