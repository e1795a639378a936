//! What both pages do first: remove the static skeleton (the app is here
//! now), load the card, provide the notices, and show a clear error screen
//! instead of the page if the card is broken.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::Card;

use crate::shared::notices::Notices;
use crate::shared::template_error::TemplateErrorScreen;

/// Runs `page` with the built-in card and the page's notices, or shows why
/// the card is unusable.
pub fn with_card<V: IntoView + 'static>(page: impl FnOnce(Arc<Card>, Notices) -> V) -> AnyView {
    if let Some(skeleton) = document().get_element_by_id("skeleton") {
        skeleton.remove();
    }
    match Card::builtin() {
        Ok(card) => {
            let notices = Notices::new();
            provide_context(notices);
            page(Arc::new(card), notices).into_any()
        }
        Err(error) => view! { <TemplateErrorScreen error/> }.into_any(),
    }
}
