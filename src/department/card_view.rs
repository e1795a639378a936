//! A published version of a card as the schools fill it in, printable alone:
//! the annex to the order approving the methodology.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;

use crate::department::editor::CardPreview;
use crate::platform::browser::{focus_when_drawn, print_part};

/// The id of the list's button that opens `card`, where the focus returns.
pub fn opener_id(card: &Card) -> String {
    format!("view-{}-{}", card.id, card.version)
}

#[component]
pub fn CardView(card: Arc<Card>, viewing: RwSignal<Option<Arc<Card>>>) -> impl IntoView {
    let opener = opener_id(&card);
    let close = move |_| {
        viewing.set(None);
        focus_when_drawn(opener.clone());
    };
    focus_when_drawn("card-view-title".to_owned());
    view! {
        <section class="card-view" data-testid="card-view" aria-labelledby="card-view-title">
            <h3 id="card-view-title" tabindex="-1">{format!("Карта «{}», версия {}", card.title, card.version)}</h3>
            <p class="muted">{card.source.clone()}</p>
            <div class="actions no-print">
                <button type="button" on:click=move |_| print_part("card")>"Печать карты"</button>
                <button type="button" on:click=close>"Закрыть просмотр"</button>
            </div>
            <CardPreview card/>
        </section>
    }
}
