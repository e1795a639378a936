//! Targeted recommendations: the drafted letter of the chosen school, edited
//! in place (the edit is kept in the workspace) and printed on A4.

use leptos::prelude::*;

use profkarta_core::department::letters::draft_letter;

use crate::department::no_cards::NoCards;
use crate::department::school_select::SchoolSelect;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, print};

#[component]
pub fn LettersPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let drafted = Memo::new(move |_| {
        let school = dept.open.get()?;
        let text = dept
            .card
            .with(|card| dept.rating.with(|r| draft_letter(card, &school, r)));
        Some((school.submission_id, text))
    });
    let text = move || {
        let (id, draft) = drafted.get()?;
        Some(
            dept.archive()
                .with(|a| a.letters.get(&id).cloned())
                .unwrap_or(draft),
        )
    };
    let edited = move || {
        drafted.with(|d| {
            d.as_ref()
                .is_some_and(|(id, _)| dept.archive().with(|a| a.letters.contains_key(id)))
        })
    };
    let on_input = move |ev| {
        let Some((id, _)) = drafted.get_untracked() else {
            return;
        };
        dept.edit_letter(&id, Some(event_target_value(&ev)));
    };
    let reset = move |_| {
        let Some((id, _)) = drafted.get_untracked() else {
            return;
        };
        if confirm("Вернуть исходный текст письма? Ваши правки будут потеряны.")
        {
            dept.edit_letter(&id, None);
        }
    };
    if !dept.card.with_untracked(|c| c.has_points()) {
        return view! {
            <section class="panel letters" aria-labelledby="letters-title">
                <h2 id="letters-title">"Адресные рекомендации"</h2>
                <p class="notice">"Карта не даёт баллов: письма по невыполненным показателям не составляются. Сводные значения — на вкладке «Результаты»."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="panel letters" aria-labelledby="letters-title">
            <h2 id="letters-title" class="no-print">"Адресные рекомендации"</h2>
            <Show when=move || drafted.with(Option::is_some) fallback=|| view! { <NoCards/> }>
                <div class="no-print">
                    <SchoolSelect/>
                    <p class="hint">"Текст составлен по невыполненным показателям школы. Его можно исправить прямо здесь: правки сохраняются."</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| print()>"Печать письма"</button>
                        <Show when=edited>
                            <button type="button" on:click=reset>"Вернуть исходный текст"</button>
                        </Show>
                    </div>
                    <label for="letter-text">"Текст письма"</label>
                </div>
                <textarea id="letter-text" class="letter-text no-print" rows="28" prop:value=move || text().unwrap_or_default() on:input=on_input></textarea>
                <div class="letter-print print-only">{move || text().unwrap_or_default()}</div>
            </Show>
        </section>
    }
    .into_any()
}
