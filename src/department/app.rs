//! The department's root component (`otdel/`): the workspace state, its
//! persistence in the browser, then the page.

use leptos::prelude::*;

use crate::department::page::DepartmentPage;
use crate::department::persistence::Persistence;
use crate::department::state::Dept;
use crate::shared::start::with_card;

#[component]
pub fn DepartmentApp() -> impl IntoView {
    with_card(|card, notices| {
        let dept = Dept::new(card, notices);
        provide_context(dept);
        provide_context(Persistence::start(dept));
        view! { <DepartmentPage/> }
    })
}
