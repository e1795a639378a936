//! One filter of the rating: a labelled select whose first choice is "any".

use leptos::prelude::*;

#[component]
pub fn FilterChoice(
    /// Unique in the page.
    id: &'static str,
    label: &'static str,
    /// (value, words) of the choices after "любой".
    options: Vec<(String, String)>,
    /// The value chosen when the select is drawn: the filter outlives the
    /// tab, which is drawn anew each time it opens.
    chosen: String,
    /// Called with the chosen option's value; "" is "any".
    on_pick: Callback<String>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(value, words)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{words}</option> }
        })
        .collect_view();
    view! {
        <label>{label}" "
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                <option value="">"любой"</option>
                {options}
            </select>
        </label>
    }
}
