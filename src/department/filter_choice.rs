//! One filter of the rating: a labelled select whose first choice is "any".

use leptos::prelude::*;

#[component]
pub fn FilterChoice(
    /// Unique in the page.
    id: &'static str,
    label: &'static str,
    /// Called with the chosen option's value; "" is "any".
    on_pick: Callback<String>,
    /// The options after "любой".
    children: Children,
) -> impl IntoView {
    view! {
        <label>{label}" "
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                <option value="">"любой"</option>
                {children()}
            </select>
        </label>
    }
}
