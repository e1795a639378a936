//! The department's root component (`otdel/`): the workspace state over
//! every built-in card, its persistence in the browser, then the page.

use leptos::prelude::*;

use crate::department::page::DepartmentPage;
use crate::department::persistence::Persistence;
use crate::department::state::Dept;
use crate::platform::verifier;
use crate::shared::signing_key::{KeyOwner, SigningKey};
use crate::shared::start::with_cards;

#[component]
pub fn DepartmentApp() -> impl IntoView {
    // Loading while the page starts, for the stored workspace's check.
    verifier::start();
    with_cards(|cards, notices| {
        let dept = Dept::new(cards, notices);
        dept.keep_place();
        provide_context(dept);
        provide_context(SigningKey::start(KeyOwner::Department, notices));
        provide_context(Persistence::start(dept));
        view! { <DepartmentPage/> }
    })
}
