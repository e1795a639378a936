//! Which card the results, review, letters and report are about, when the
//! workspace holds files of several: years are compared within one card.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn CardSelect() -> impl IntoView {
    let dept: Dept = expect_context();
    let on_change = move |ev| dept.choose_card(event_target_value(&ev));
    view! {
        <Show when=move || dept.card_choice()>
            <p class="card-select no-print">
                <label for="card">"Карта: "</label>
                <select id="card" on:change=on_change>
                    {move || {
                        let current = dept.card.with(|c| c.id.clone());
                        let present = dept.cards_present.get();
                        present.iter().map(|c| {
                            let selected = c.id == current;
                            let name = c.title_among(present.iter().map(|p| &**p));
                            view! { <option value=c.id.clone() selected=selected>{name}</option> }
                        }).collect_view()
                    }}
                </select>
            </p>
        </Show>
    }
}
