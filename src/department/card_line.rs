//! The card a tab's figures come from, under its heading: on paper nothing
//! else says which card and version the figures belong to.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn CardLine() -> impl IntoView {
    let dept: Dept = expect_context();
    view! {
        <p class="muted" data-testid="card-line">
            {move || dept.card.with(|c| {
                let name = dept.cards_present.with(|p| c.title_among(p.iter().map(|p| &**p)));
                format!("Карта: {name}, версия {}.", c.version)
            })}
        </p>
    }
}
