//! «План мероприятий по повышению эффективности» (seed 003 §3.6): after the
//! card, the school's measures with the indicators each targets, a deadline
//! and who is responsible. Saved with the draft, printed, and signed with
//! the submission. A department's letter file pre-fills it.

use leptos::prelude::*;

use profkarta_core::department::letter_file::LetterFile;
use profkarta_core::error::LetterFileError;
use profkarta_core::school::plan::PlanEdit;

use crate::platform::browser::{confirm, focus_when_drawn};
use crate::school::plan_row::PlanRowEditor;
use crate::school::state::{CardCtx, DraftCtx};
use crate::shared::file_picker::FilePicker;
use crate::shared::notices::Notices;

#[component]
pub fn PlanSection() -> impl IntoView {
    let DraftCtx(draft) = expect_context();
    let CardCtx(card) = expect_context();
    let notices: Notices = expect_context();
    // Redrawn only when rows come or go, not on every keystroke in them.
    let count = Memo::new(move |_| draft.with(|d| d.plan.len()));
    let rows = move || {
        let n = count.get();
        (0..n)
            .map(|index| view! { <PlanRowEditor index count=n/> })
            .collect_view()
    };
    // The new row takes the focus: typing goes into it, not into the button.
    let add = move |_| {
        let added = count.get_untracked();
        draft.update(|d| d.edit_plan(PlanEdit::Add));
        focus_when_drawn(format!("plan-{added}-measure"));
    };
    let card_id = card.id.clone();
    let card_now = card.clone();
    // Each question asked before the letter's measures join this plan; a
    // «no» refuses the file with its reason.
    let refusal = move |letter: &LetterFile| {
        let (school, period) =
            draft.with_untracked(|d| (d.profile.name.clone(), d.profile.period.clone()));
        if letter
            .school_question(&school)
            .is_some_and(|q| !confirm(&q))
        {
            return Some(LetterFileError::OtherSchool);
        }
        let declined = letter.year_question(&period).is_some_and(|q| !confirm(&q));
        declined.then(|| LetterFileError::OtherYear {
            period: letter.period.clone(),
        })
    };
    let on_letter = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let read = text.and_then(|t| LetterFile::read(&t, &card_id).map_err(|e| e.to_string()));
        match read {
            // Drawn as refusals, apart from the messages of what went right.
            Ok(letter) => match refusal(&letter) {
                Some(why) => notices.refuse(&name, "не добавлен в план", &why.to_string()),
                None => {
                    let (plan, lost) = letter.plan_for(&card_now);
                    let added = draft.try_update(|d| d.merge_plan(plan)).unwrap_or(0);
                    // About this draft's plan: withdrawn when another draft
                    // opens (a walk-through's next year's empty plan stood
                    // under «все их мероприятия уже в плане»).
                    notices.push_passing(letter.merged_note(&name, card_now.version, lost, added));
                }
            },
            Err(e) => notices.refuse(&name, "не открыт", &e),
        }
    });
    view! {
        // An empty plan is not printed: «Мероприятий пока нет» on the
        // signed paper reads as a plan of nothing.
        <section class="plan" class:plan-empty=move || count.get() == 0 aria-labelledby="plan-title" data-testid="plan">
            <h2 id="plan-title">"План мероприятий по повышению эффективности"</h2>
            <p class="hint no-print">
                "Мероприятия школы по итогам мониторинга: что сделать, какие показатели это улучшит, срок и ответственный. \
                 План подписывается вместе с картой; через год карта покажет, улучшились ли эти показатели. \
                 Адресные рекомендации отдела можно открыть файлом — они добавятся в план."
            </p>
            <Show when=move || count.get() == 0>
                <p class="muted">"Мероприятий пока нет."</p>
            </Show>
            <ol class="plan-rows">{rows}</ol>
            <div class="actions no-print">
                <button type="button" id="plan-add" on:click=add>"Добавить мероприятие"</button>
                <FilePicker id="letter-file" label="Открыть файл рекомендаций отдела…" on_file=on_letter/>
            </div>
        </section>
    }
}
