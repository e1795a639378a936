//! The box of a wide table, scrolled sideways in a narrow window or at a
//! large zoom. It takes the focus, so that the arrow keys scroll it for
//! someone without a mouse, and is named by what it holds.

use leptos::prelude::*;

#[component]
pub fn TableScroll(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
