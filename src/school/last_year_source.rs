//! Where growth is the target, last year's figures can come from the
//! school's own draft (or opened export) of the year before, instead of
//! being typed again.

use leptos::prelude::*;

use crate::school::drafts::Drafts;
use crate::school::state::CardCtx;
use crate::shared::notices::Notices;

#[component]
pub fn LastYearSource() -> impl IntoView {
    let CardCtx(card) = expect_context();
    let drafts: Drafts = expect_context();
    let notices: Notices = expect_context();
    if !card.indicators().any(|i| i.rule.asks_last_year()) {
        return ().into_any();
    }
    // The school's draft of the same card for the year before, if any.
    let source = Memo::new(move |_| drafts.year_before.get().map(|e| (e.id, e.title)));
    let fill = move |_| {
        let Some((id, title)) = source.get_untracked() else {
            return;
        };
        match drafts.fill_last_year(&id, &card) {
            Ok(0) => notices.push("Значения прошлого года уже заполнены: ничего не изменено.", None),
            Ok(n) => notices.push(
                format!("Значения прошлого года взяты из черновика «{title}»: показателей — {n}. Проверьте их."),
                None,
            ),
            Err(e) => notices.push(e, None),
        }
    };
    view! {
        <div class="last-year-source no-print" data-testid="last-year-source">
            <p class="hint">
                "В этой карте цель части показателей — положительная динамика: рядом с данными "
                "отчётного года укажите значения прошлого года."
            </p>
            {move || source.get().map(|(_, title)| view! {
                <button type="button" on:click=fill.clone()>{format!("Взять значения прошлого года из черновика «{title}»")}</button>
            })}
        </div>
    }
    .into_any()
}
