//! The root component: loads the card template, starts the school's drafts
//! and the department's workspace, and shows the role chosen in the address
//! (`#otdel` for the department, so a coordinator can bookmark it) — or, if
//! the template is broken, a clear error screen.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::department::{DepartmentPage, Dept};
use crate::app::role_switch::{current_role, Role};
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
            provide_context(CardCtx(Arc::clone(&card)));
            provide_context(DraftCtx(draft));
            provide_context(AssessmentCtx(assessment));
            provide_context(notices);
            provide_context(workspace);
            provide_context(SigningKey::start(notices));
            let role = current_role();
            // The department's workspace is read only when that role is
            // opened: a school never pays for it.
            let dept = StoredValue::new(None::<Dept>);
            let department = move || {
                let d = dept.get_value().unwrap_or_else(|| {
                    let d = Dept::start(Arc::clone(&card), notices);
                    dept.set_value(Some(d));
                    d
                });
                provide_context(d);
                view! { <DepartmentPage/> }
            };
            (move || match role.get() {
                Role::School => view! { <SchoolCardPage/> }.into_any(),
                Role::Department => department().into_any(),
            })
            .into_any()
        }
        Err(error) => view! { <TemplateErrorScreen error/> }.into_any(),
    }
}
