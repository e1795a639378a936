//! The root component: loads the card template, opens the school's drafts
//! and key, and shows the card — or, if the template is broken, a clear
//! error screen.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::school::SchoolCardPage;
use crate::app::signing_key::SigningKey;
use crate::app::state::{AssessmentCtx, CardCtx, DraftCtx};
use crate::app::template_error::TemplateErrorScreen;
use crate::app::workspace::{Notices, Workspace};
use crate::domain::card::Card;
use crate::domain::scoring::assess;

#[component]
pub fn App() -> impl IntoView {
    match Card::builtin() {
        Ok(card) => {
            let card = Arc::new(card);
            let notices = Notices(RwSignal::new(Vec::new()));
            let workspace = Workspace::start(notices);
            let draft = workspace.draft;
            let scored = Arc::clone(&card);
            let assessment = Memo::new(move |_| draft.with(|d| assess(&scored, d)));
            provide_context(CardCtx(card));
            provide_context(DraftCtx(draft));
            provide_context(AssessmentCtx(assessment));
            provide_context(notices);
            provide_context(workspace);
            provide_context(SigningKey::start(notices));
            view! { <SchoolCardPage/> }.into_any()
        }
        Err(error) => view! { <TemplateErrorScreen error/> }.into_any(),
    }
}
