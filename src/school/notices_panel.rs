//! Messages that must not be missed: storage trouble, a conflict with
//! another tab, data kept aside. Each can be dismissed; raw data can be
//! downloaded first.

use leptos::prelude::*;

use crate::platform::browser::focus_when_drawn;
use crate::school::drafts::Drafts;
use crate::shared::download::offer_json;
use crate::shared::notices::Notices;
use crate::shared::notices_list::{NoticesList, PAGE_TITLE};
use profkarta_core::school::stored::SaveStatus;

#[component]
pub fn NoticesPanel() -> impl IntoView {
    let ws: Drafts = expect_context();
    let notices: Notices = expect_context();
    let conflict = move || ws.status.with(|s| matches!(s, SaveStatus::Conflict { .. }));
    // Deleted there, there is no stored version to load: only this tab's.
    let deleted = move || {
        ws.status
            .with(|s| *s == SaveStatus::Conflict { deleted: true })
    };
    let failed = move || ws.status.with(|s| matches!(s, SaveStatus::Failed(_)));
    let backup = move |_| {
        let (name, text) = ws.backup();
        offer_json(notices, &name, &text);
    };
    view! {
        <Show when=conflict>
            // Focusable: the summary's link leads here, and the focus with it.
            <div class="notice notice-warning" role="alert" id="conflict" data-testid="conflict" tabindex="-1">
                {move || match deleted() {
                    false => view! {
                        <p>
                            <strong>"Черновик изменён в другой вкладке или окне."</strong>
                            " Автосохранение здесь приостановлено, чтобы не затереть те изменения."
                        </p>
                    }.into_any(),
                    // A walk-through was asked to choose between two
                    // versions, «изменён», when only this tab's was left.
                    true => view! {
                        <p>
                            <strong>"Черновик удалён в другой вкладке или окне."</strong>
                            " Автосохранение здесь приостановлено. Если черновик нужен, сохраните \
                             версию из этой вкладки или скачайте её."
                        </p>
                    }.into_any(),
                }}
                {move || ws.conflict_why.get().map(|why| view! { <p data-testid="conflict-why">{why}</p> })}
                // The notice goes with the choice: the focus to the page's
                // heading, not lost to the page (a walk-through).
                <Show when=move || !deleted()>
                    <button type="button" on:click=move |_| { ws.take_stored(); focus_when_drawn(PAGE_TITLE.to_owned()); }>"Загрузить сохранённую версию"</button>
                </Show>
                <button type="button" on:click=move |_| { ws.keep_mine(); focus_when_drawn(PAGE_TITLE.to_owned()); }>"Сохранить версию из этой вкладки"</button>
                <button type="button" on:click=backup>"Скачать версию из этой вкладки"</button>
            </div>
        </Show>
        <Show when=failed>
            <div class="notice notice-warning" role="alert" id="storage-failed" data-testid="storage-failed" tabindex="-1">
                <p>{move || ws.status.with(|s| s.message())}</p>
                <button type="button" on:click=backup>"Скачать резервную копию"</button>
            </div>
        </Show>
        <NoticesList/>
    }
}
