//! The school's root component (`index.html`): the drafts, the card of the
//! open draft, the live score over it, the signing key, then the card page,
//! drawn anew when another card is opened.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::{Card, DEFAULT_CARD};
use profkarta_core::department::archive::Cards;
use profkarta_core::scoring::assess;

use crate::platform::browser::query_param;
use crate::school::card_page::SchoolCardPage;
use crate::school::drafts::Drafts;
use crate::school::state::{AssessmentCtx, CardCtx, DraftCtx};
use crate::shared::notices::Notices;
use crate::shared::signing_key::{KeyOwner, SigningKey};
use crate::shared::start::with_cards;

#[component]
pub fn SchoolApp() -> impl IntoView {
    with_cards(|cards, notices| {
        let drafts = Drafts::start(notices);
        open_linked_card(drafts, &cards, notices);
        let card_of = {
            let cards = cards.clone();
            move |id: &str| -> Arc<Card> {
                cards
                    .latest(id)
                    .or_else(|| cards.latest(DEFAULT_CARD))
                    .cloned()
                    .expect("the default card is built in")
            }
        };
        let card = Memo::new(move |_| drafts.meta.with(|m| card_of(&m.card)));
        let draft = drafts.draft;
        let assessment = Memo::new(move |_| card.with(|c| draft.with(|d| assess(c, d))));
        provide_context(cards);
        provide_context(DraftCtx(draft));
        provide_context(AssessmentCtx(assessment));
        provide_context(drafts);
        provide_context(SigningKey::start(KeyOwner::School, notices));
        let card_id = Memo::new(move |_| card.with(|c| c.id.clone()));
        move || {
            // Read, not only tracked: see the department page.
            card_id.with(|_| ());
            provide_context(CardCtx(card.get_untracked()));
            view! { <SchoolCardPage/> }
        }
    })
}

/// `?card=ID` in the address opens that card, so a department can link to
/// it: the school's latest draft of it, or a new one.
fn open_linked_card(drafts: Drafts, cards: &Cards, notices: Notices) {
    let Some(id) = query_param("card") else {
        return;
    };
    if cards.latest(&id).is_some() {
        drafts.open_card(&id);
    } else {
        notices.push(
            format!("Карта «{id}» из ссылки не найдена: открыт последний черновик."),
            None,
        );
    }
}
