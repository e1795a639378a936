//! The card a tab's figures come from, under its heading: on paper nothing
//! else says which card and version the figures belong to.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn CardLine() -> impl IntoView {
    let dept: Dept = expect_context();
    view! {
        <p class="muted" data-testid="card-line">
            {move || dept.card.with(|c| format!("Карта: {}, версия {}.", c.title, c.version))}
        </p>
    }
}
