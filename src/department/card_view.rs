//! A published version of a card as the schools fill it in, printable alone:
//! the annex to the order approving the methodology.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::department::view::rating::printed_foot;

use crate::department::editor::CardPreview;
use crate::department::state::Dept;
use crate::platform::browser::{focus_when_drawn, on_before_print, print_part, set_print_foot};

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
    // Built first: the school's form inside sets its own foot (an empty
    // school's) as the print starts, and the foot set last stands.
    let preview = view! { <CardPreview card=Arc::clone(&card)/> };
    // The annex's sheets, apart, say which card and version they are (the
    // page's foot names the year's card, maybe another).
    let dept: Dept = expect_context();
    let (title, version) = (card.title.clone(), card.version);
    on_before_print(move || {
        let department = untrack(|| dept.department_name());
        set_print_foot(&printed_foot(&department, &title, version, ""));
    });
    view! {
        <section class="card-view" data-testid="card-view" aria-labelledby="card-view-title">
            <h3 id="card-view-title" tabindex="-1">{format!("Карта «{}», версия {}", card.title, card.version)}</h3>
            <p class="muted">{card.source.clone()}</p>
            <div class="actions no-print">
                <button type="button" on:click=move |_| print_part("card")>"Печать карты"</button>
                <button type="button" on:click=close>"Закрыть просмотр"</button>
            </div>
            {preview}
        </section>
    }
}
