//! The select of the period's schools, shared by the review, the letters
//! and the profile chart: all three show the school open in the state.

use leptos::prelude::*;

use profkarta_core::department::view::selection::school_options;

use crate::department::state::Dept;

#[component]
pub fn SchoolSelect() -> impl IntoView {
    let dept: Dept = expect_context();
    // Chrome measures every option of a select as wide as its longest one
    // whenever the options change: 150–250 ms at 1 000 schools. The
    // stylesheet gives this one a set width, and the options change only
    // when a school's name or status does. The select's value follows the
    // open school; an option is made selected only as it is drawn (its
    // school's status changed), so the options hold no reactive node each.
    let options = Memo::new(move |_| dept.results.with(|r| school_options(r)));
    let open = Memo::new(move |_| {
        dept.open
            .with(|o| o.as_ref().map(|r| r.submission_id.clone()))
            .unwrap_or_default()
    });
    view! {
        <p class="school-select no-print">
            <label for="school-select">"Школа: "</label>
            <select id="school-select" prop:value=open on:change=move |ev| dept.pick_school(event_target_value(&ev))>
                <For each=move || options.get() key=Clone::clone let:option>
                    {
                        let (id, label) = option;
                        let selected = open.with_untracked(|o| *o == id);
                        view! { <option value=id selected=selected>{label}</option> }
                    }
                </For>
            </select>
        </p>
    }
}
