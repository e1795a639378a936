//! A card as a school will see it, with live scoring: the school page's own
//! components over a draft that lives only here. The editor previews its
//! draft with it, the list of cards shows a published version. What is
//! typed in the preview never reaches the card or the workspace.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::school::draft::Draft;
use profkarta_core::scoring::assess;

use crate::school::card_body::CardBody;
use crate::school::profile_form::ProfileForm;
use crate::school::score_summary::ScoreSummary;
use crate::school::state::{AssessmentCtx, CardCtx, DraftCtx, DraftParts};

#[component]
pub fn CardPreview(card: Arc<Card>) -> impl IntoView {
    let draft = RwSignal::new(Draft::default());
    let assessment = {
        let card = Arc::clone(&card);
        Memo::new(move |_| draft.with(|d| assess(&card, d)))
    };
    provide_context(DraftParts::new(&card, draft));
    provide_context(CardCtx(card));
    provide_context(DraftCtx(draft));
    AssessmentCtx::provide(assessment);
    view! {
        <div class="card-preview" data-testid="card-preview">
            <p class="notice">"Так карту увидит школа. Введённые здесь значения никуда не сохраняются."</p>
            <div class="layout">
                <div class="card-main">
                    <ProfileForm/>
                    <CardBody/>
                </div>
                <ScoreSummary/>
            </div>
        </div>
    }
}
