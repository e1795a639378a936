//! «План мероприятий по повышению эффективности» (seed 003 §3.6): after the
//! card, the school's measures with the indicators each targets, a deadline
//! and who is responsible. Saved with the draft, printed, and signed with
//! the submission. A department's letter file pre-fills it.

use leptos::prelude::*;

use profkarta_core::department::letter_file::LetterFile;
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
    // A letter saved beside others is easily picked for the wrong school:
    // its measures would join this plan unasked.
    let for_this_school = move |letter: &LetterFile| {
        let school = draft.with_untracked(|d| d.profile.name.trim().to_owned());
        letter.is_for(&school)
            || confirm(&format!(
                "Это рекомендации для «{}», а в черновике указана школа «{school}». \
                 Всё равно добавить их мероприятия в план?",
                letter.school
            ))
    };
    // A letter follows a year's monitoring: its measures belong in that
    // year's plan, which the next year's card is compared with. Put in the
    // next year's draft, they would be judged a year late.
    let for_this_year = move |letter: &LetterFile| {
        let period = draft.with_untracked(|d| d.profile.period.trim().to_owned());
        let about = &letter.period;
        letter.is_for_year(&period)
            || confirm(&format!(
                "Это рекомендации по итогам {about} учебного года, а черновик — за {period}. \
                 Их место — в плане карты за {about}: по карте следующего года отдел увидит, \
                 помогли ли мероприятия. Всё равно добавить их в план за {period}?"
            ))
    };
    let on_letter = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let read = text.and_then(|t| LetterFile::read(&t, &card_id).map_err(|e| e.to_string()));
        match read {
            // Drawn as refusals, apart from the messages of what went right.
            Ok(letter) if !for_this_school(&letter) => notices.refuse(
                &name,
                "не добавлен в план",
                "Рекомендации в нём — для другой школы.",
            ),
            Ok(letter) if !for_this_year(&letter) => notices.refuse(
                &name,
                "не добавлен в план",
                &format!(
                    "Рекомендации — по итогам {about} учебного года. Откройте черновик за {about} \
                     в «Моих черновиках» (или выгруженный файл за {about} кнопкой «Открыть файл…»), \
                     добавьте их в план и выгрузите карту снова: отдел заменит прежний файл новым, \
                     а если ответы не менять и оставить версию карты, его проверка сохранится.",
                    about = letter.period
                ),
            ),
            Ok(letter) => {
                let (period, version) = (letter.period.clone(), letter.card_version);
                let keyless = letter.keys.is_empty();
                let (plan, lost) = letter.plan_for(&card_now);
                let added = draft.try_update(|d| d.merge_plan(plan)).unwrap_or(0);
                let now = card_now.version;
                let ticks = match lost {
                    0 if version == now => String::new(),
                    lost if version == now => format!(
                        " Целевые показатели, которых нет в карте, не отмечены (не отмечено — {lost})."
                    ),
                    0 => format!(
                        " Рекомендации составлены по версии {version} карты, а черновик — по версии {now}: \
                         целевые показатели отмечены под их номерами в версии {now}."
                    ),
                    // A letter from before the keys: its numbers may be others' here.
                    _ if keyless => format!(
                        " Рекомендации составлены по версии {version} карты, а черновик — по версии {now}: \
                         номера показателей в них могут означать другие, поэтому целевые показатели \
                         мероприятий не отмечены — отметьте их."
                    ),
                    lost => format!(
                        " Рекомендации составлены по версии {version} карты, а черновик — по версии {now}: \
                         целевые показатели отмечены под их номерами в версии {now}, кроме тех, которых \
                         в ней нет (не отмечено — {lost}). Проверьте отметки."
                    ),
                };
                // The same letter opened again adds nothing: said so, not
                // as a plan to finish.
                let what = match added {
                    0 => "все их мероприятия уже в плане, ничего не добавлено.".to_owned(),
                    n => format!(
                        "в план добавлено мероприятий — {n}. Укажите сроки и ответственных, исправьте формулировки."
                    ),
                };
                // About this draft's plan: withdrawn when another draft
                // opens (a walk-through's next year's empty plan stood
                // under «все их мероприятия уже в плане»).
                notices.push_passing(format!(
                    "Рекомендации отдела за {period} учебный год («{name}»): {what}{ticks}"
                ));
            }
            Err(e) => notices.refuse(&name, "не открыт", &e.to_string()),
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
