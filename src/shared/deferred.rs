//! Parts of a screen drawn after its first paint. The Results tab built
//! its 150-row rating, five charts and the tables below in one task, and
//! stayed blank until all of it was laid out; the school's card built all
//! its rows before the first one showed. Now the top paints first and the
//! rest follows a frame later.

use leptos::prelude::*;

use crate::platform::browser::after_paint;

/// False until the browser has painted once since the call.
pub fn painted_once() -> ReadSignal<bool> {
    let (painted, set) = signal(false);
    leptos::task::spawn_local(async move {
        after_paint().await;
        // The screen may have been left meanwhile.
        set.try_set(true);
    });
    painted
}

/// Draws its children after the first paint. Until then an empty, hidden
/// marker (`data-pending`) stands in, so that a script can wait for the
/// whole screen.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let painted = painted_once();
    view! {
        <Show when=move || painted.get() fallback=|| view! { <span hidden data-pending=""></span> }>
            {children()}
        </Show>
    }
}
