//! The school's root component (`index.html`): the drafts, the live score
//! over the open one, the signing key, then the card page.

use leptos::prelude::*;

use profkarta_core::scoring::assess;

use crate::school::card_page::SchoolCardPage;
use crate::school::drafts::Drafts;
use crate::school::signing_key::SigningKey;
use crate::school::state::{AssessmentCtx, CardCtx, DraftCtx};
use crate::shared::start::with_card;

#[component]
pub fn SchoolApp() -> impl IntoView {
    with_card(|card, notices| {
        let drafts = Drafts::start(notices);
        let draft = drafts.draft;
        let scored = std::sync::Arc::clone(&card);
        let assessment = Memo::new(move |_| draft.with(|d| assess(&scored, d)));
        provide_context(CardCtx(card));
        provide_context(DraftCtx(draft));
        provide_context(AssessmentCtx(assessment));
        provide_context(drafts);
        provide_context(SigningKey::start(notices));
        view! { <SchoolCardPage/> }
    })
}
