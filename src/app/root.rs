//! The root component: loads the card template and shows either the school's
//! card or, if the template is broken, a clear error screen.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::school::SchoolCardPage;
use crate::app::state::{AssessmentCtx, CardCtx, DraftCtx};
use crate::app::template_error::TemplateErrorScreen;
use crate::domain::card::Card;
use crate::domain::draft::Draft;
use crate::domain::profile::default_period;
use crate::domain::scoring::assess;

#[component]
pub fn App() -> impl IntoView {
    match Card::builtin() {
        Ok(card) => {
            let card = Arc::new(card);
            let draft = RwSignal::new(new_draft());
            let scored = Arc::clone(&card);
            let assessment = Memo::new(move |_| draft.with(|d| assess(&scored, d)));
            provide_context(CardCtx(card));
            provide_context(DraftCtx(draft));
            provide_context(AssessmentCtx(assessment));
            view! { <SchoolCardPage/> }.into_any()
        }
        Err(error) => view! { <TemplateErrorScreen error/> }.into_any(),
    }
}

/// An empty draft whose period is the last finished academic year.
fn new_draft() -> Draft {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let mut draft = Draft::default();
    draft.profile.period = default_period(year, month);
    draft
}
