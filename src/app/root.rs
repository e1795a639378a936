//! The two root components, one per page and per wasm bundle: the school's
//! card (`index.html`) and the department's workspace (`otdel/`). Both load
//! the card template first and show a clear error screen if it is broken.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::department::{DepartmentPage, Dept};
use crate::app::school::SchoolCardPage;
use crate::app::signing_key::SigningKey;
use crate::app::state::{AssessmentCtx, CardCtx, DraftCtx};
use crate::app::template_error::TemplateErrorScreen;
use crate::app::workspace::{Notices, Workspace};
use profkarta_core::card::Card;
use profkarta_core::scoring::assess;

/// Runs `page` with the built-in card, or shows why the card is unusable.
/// Either way the app is here now, so the static skeleton of the page goes.
fn with_card<V: IntoView + 'static>(page: impl FnOnce(Arc<Card>, Notices) -> V) -> AnyView {
    if let Some(skeleton) = document().get_element_by_id("skeleton") {
        skeleton.remove();
    }
    match Card::builtin() {
        Ok(card) => {
            let notices = Notices(RwSignal::new(Vec::new()));
            provide_context(notices);
            let card = Arc::new(card);
            provide_context(CardCtx(Arc::clone(&card)));
            page(card, notices).into_any()
        }
        Err(error) => view! { <TemplateErrorScreen error/> }.into_any(),
    }
}

#[component]
pub fn SchoolApp() -> impl IntoView {
    with_card(|card, notices| {
        let workspace = Workspace::start(notices);
        let draft = workspace.draft;
        let assessment = Memo::new(move |_| draft.with(|d| assess(&card, d)));
        provide_context(DraftCtx(draft));
        provide_context(AssessmentCtx(assessment));
        provide_context(workspace);
        provide_context(SigningKey::start(notices));
        view! { <SchoolCardPage/> }
    })
}

#[component]
pub fn DepartmentApp() -> impl IntoView {
    with_card(|card, notices| {
        provide_context(Dept::start(card, notices));
        view! { <DepartmentPage/> }
    })
}
