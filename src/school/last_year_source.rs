//! Where growth is the target, last year's figures can come from the
//! school's own draft (or opened export) of the year before, instead of
//! being typed again.

use leptos::prelude::*;

use profkarta_core::department::last_year::previous_period;

use crate::school::drafts::Drafts;
use crate::school::state::{CardCtx, DraftCtx};
use crate::shared::notices::Notices;

#[component]
pub fn LastYearSource() -> impl IntoView {
    let CardCtx(card) = expect_context();
    let DraftCtx(draft) = expect_context();
    let drafts: Drafts = expect_context();
    let notices: Notices = expect_context();
    if !card.indicators().any(|i| i.rule.asks_last_year()) {
        return ().into_any();
    }
    let card_id = card.id.clone();
    // The school's draft of the same card for the year before, if any.
    let source = Memo::new(move |_| {
        let (school, period) =
            draft.with(|d| (d.profile.name.trim().to_owned(), d.profile.period.clone()));
        let before = previous_period(&period)?;
        drafts.list.with(|l| {
            l.iter()
                .find(|e| e.card == card_id && e.period == before && e.school == school)
                .map(|e| (e.id.clone(), e.title.clone()))
        })
    });
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
