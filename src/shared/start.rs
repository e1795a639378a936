//! What both pages do first: remove the static skeleton (the app is here
//! now), load the built-in cards, provide the notices, and show a clear
//! error screen instead of the page if a card is broken.

use leptos::prelude::*;

use profkarta_core::department::archive::Cards;

use crate::shared::notices::Notices;
use crate::shared::template_error::TemplateErrorScreen;

/// Runs `page` with the cards a school can fill in and the page's notices,
/// or shows which card is unusable and why.
pub fn with_cards<V: IntoView + 'static>(page: impl FnOnce(Cards, Notices) -> V) -> AnyView {
    if let Some(skeleton) = document().get_element_by_id("skeleton") {
        skeleton.remove();
    }
    match Cards::builtin() {
        Ok(cards) => {
            let notices = Notices::new();
            provide_context(notices);
            page(cards, notices).into_any()
        }
        Err((card, error)) => view! { <TemplateErrorScreen card error/> }.into_any(),
    }
}
