//! Which methodology the school fills in: one card per draft. Choosing
//! another card opens the school's draft of it, or starts one; nothing
//! typed for the first card is lost.

use leptos::prelude::*;

use profkarta_core::department::archive::Cards;

use crate::school::drafts::Drafts;
use crate::school::state::CardCtx;

#[component]
pub fn CardChoice() -> impl IntoView {
    let cards: Cards = expect_context();
    let CardCtx(card) = expect_context();
    let drafts: Drafts = expect_context();
    let options = cards
        .iter()
        .map(|c| {
            let selected = c.id == card.id;
            view! { <option value=c.id.clone() selected=selected>{c.title.clone()}</option> }
        })
        .collect_view();
    view! {
        <p class="card-choice no-print">
            <label for="card-choice">"Методика (карта): "</label>
            <select id="card-choice" on:change=move |ev| drafts.open_card(&event_target_value(&ev))>
                {options}
            </select>
        </p>
    }
}
