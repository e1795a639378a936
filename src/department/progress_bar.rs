//! The progress of a long check (an import, the stored workspace, a
//! backup), with a cancel button where stopping is safe.

use leptos::prelude::*;

use crate::department::state::Dept;
use crate::platform::browser::focus_when_drawn;

#[component]
pub fn ProgressBar() -> impl IntoView {
    let dept: Dept = expect_context();
    let progress = move || dept.progress().get();
    // The bar stays in place while the counts move, so the button can be
    // clicked while files are being checked.
    let active = Memo::new(move |_| dept.progress().with(Option::is_some));
    let cancellable = Memo::new(move |_| {
        dept.progress()
            .with(|p| p.is_some_and(|p| p.work.cancellable()))
    });
    let cancelling = Memo::new(move |_| dept.progress().with(|p| p.is_some_and(|p| p.cancel)));
    // The button goes with the bar: the focus to the open tab.
    let cancel = move |_| {
        dept.cancel();
        focus_when_drawn("dept-main".to_owned());
    };
    view! {
        <Show when=move || active.get()>
            <div class="progress no-print" data-testid="import-progress">
                <progress
                    aria-label="Ход загрузки"
                    max=move || progress().map_or(0, |p| p.total)
                    value=move || progress().map_or(0, |p| p.done)
                ></progress>
                // The count alone is the status: the button's words were
                // read out run into it («…из 4Отменить загрузку»).
                <span role="status">{move || progress().map(|p| p.work.label(p.done, p.total))}</span>
                <Show when=move || cancellable.get()>
                    <button type="button" disabled=move || cancelling.get() on:click=cancel>
                        "Отменить загрузку"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
