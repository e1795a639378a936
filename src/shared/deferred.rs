//! Parts of a screen drawn after its first paint. The Results tab built
//! its 150-row rating, five charts and the tables below in one task, and
//! stayed blank until all of it was laid out; the school's card built all
//! its rows before the first one showed. Now the top paints first and the
//! rest follows a frame later.

use leptos::prelude::*;

use crate::platform::browser::after_paint;

/// False until the browser has painted once since the call.
fn painted_once() -> ReadSignal<bool> {
    let (painted, set) = signal(false);
    leptos::task::spawn_local(async move {
        after_paint().await;
        // The screen may have been left meanwhile.
        set.try_set(true);
    });
    painted
}

/// An empty, hidden stand-in for what is not drawn yet, so that a script
/// can wait for the whole screen.
pub fn pending() -> impl IntoView {
    view! { <span hidden data-pending=""></span> }
}

/// Rows of a long table drawn before the first paint: what a full-HD
/// screen shows below a table's filters (a laptop's shows about a dozen).
const FIRST_ROWS: usize = 20;

/// How many rows of a long table to draw: [`FIRST_ROWS`] until the browser
/// has painted once, then all of them, so that a screenful shows before
/// the rest is built.
pub fn rows_to_draw() -> impl Fn() -> usize + Copy {
    let painted = painted_once();
    move || {
        if painted.get() {
            usize::MAX
        } else {
            FIRST_ROWS
        }
    }
}

/// Draws its children after the first paint, [`pending`] until then.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let painted = painted_once();
    view! {
        <Show when=move || painted.get() fallback=pending>
            {children()}
        </Show>
    }
}
