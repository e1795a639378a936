//! The box of a wide table or chart, scrolled sideways in a narrow window
//! or at a large zoom. While it scrolls it takes the focus, so that the arrow keys
//! scroll it for someone without a mouse; a table that fits is no stop on
//! the way through the page. It is named by what it holds. A table that
//! scrolls sideways is held in a box no taller than the window, so that its
//! sideways scrollbar is in sight rather than under hundreds of rows.

use leptos::html::Div;
use leptos::prelude::*;

use crate::platform::browser::watch_size;

#[component]
pub fn TableScroll(#[prop(into)] label: String, children: Children) -> impl IntoView {
    let region = NodeRef::<Div>::new();
    // Unknown until measured: focusable meanwhile, and for good in a
    // browser without the observer.
    let scrolls = RwSignal::new(None);
    let watch = StoredValue::new_local(None);
    Effect::new(move |_| {
        if let Some(div) = region.get() {
            let measured = div.clone();
            watch.set_value(watch_size(&div, move || {
                scrolls.try_set(Some(measured.scroll_width() > measured.client_width()));
            }));
        }
    });
    view! {
        <div class="table-scroll" class:sideways=move || scrolls.get() == Some(true)
            tabindex=move || (scrolls.get() != Some(false)).then_some("0")
            role="region" aria-label=label node_ref=region>
            {children()}
        </div>
    }
}
