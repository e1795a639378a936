//! A reviewer's side: the key file for the lead, the assignment the lead
//! sent, the assigned schools with how far their check has got, and the
//! signed review file to send back.

use leptos::prelude::*;

use profkarta_core::department::reviewers::{
    review_file_name, reviewer_key_file_name, seal_reviewer_key, Assignment,
};

use crate::department::reviewers_panel::REVIEWERS_TITLE;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_id, focus_when_drawn, local_datetime, now_iso};
use crate::platform::storage::{self, Read, REVIEWER_NAME};
use crate::shared::column_heads::ColumnHeads;
use crate::shared::download::offer_json;
use crate::shared::file_picker::FilePicker;
use crate::shared::notices::Topic;
use crate::shared::signing_key::SigningKey;
use profkarta_core::department::view::selection::Walk;

#[component]
pub fn ReviewerSide() -> impl IntoView {
    let dept: Dept = expect_context();
    let key: SigningKey = expect_context();
    let name = RwSignal::new(match storage::read(REVIEWER_NAME) {
        Ok(Read::Json(serde_json::Value::String(name))) => name,
        _ => String::new(),
    });
    // Said at the field, where the focus goes back, not in a banner above.
    let missing = RwSignal::new(false);
    let assignment = Memo::new(move |_| dept.archive().with(|a| a.assignment().cloned()));

    // A download gives no sign of its own: what to do with the file is
    // said (a walk-through's reviewer was left wondering).
    let sent = move |file: String, more: &str| {
        dept.notices.push_about(
            Topic::Sent,
            format!("Файл «{file}» скачан: отправьте его ведущему координатору.{more}"),
        );
    };
    let send_key = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = name.get_untracked().trim().to_owned();
        if name.is_empty() {
            missing.set(true);
            focus_id("reviewer-name");
            return;
        }
        let Some(signer) = key.signer() else {
            return;
        };
        let text = seal_reviewer_key(&name, &signer, &now_iso());
        // Only a convenience: a storage that refuses it asks for the name again.
        let _ = storage::write(REVIEWER_NAME, &name);
        let file = reviewer_key_file_name(&name);
        // A lead taking a share of the schools makes one too (a walk-through's
        // lead was told to send it to themselves).
        if offer_json(dept.notices, &file, &text) {
            sent(
                file,
                " Если ведущий — вы сами, добавьте его ниже кнопкой «Добавить проверяющего (файл ключа)».",
            );
        }
    };
    let load = Callback::new(move |(file, text): (String, Result<String, String>)| {
        let Some(signer) = key.signer() else {
            return;
        };
        let read = text
            .and_then(|t| Assignment::read(&t, &signer, &dept.cards()).map_err(|e| e.to_string()));
        match read {
            Ok(a) => {
                // Files of one reviewer's assignments share a name: which
                // one is now in force is said, when it was made, and what
                // it replaced; an older one is asked about first.
                let before = dept.archive().with_untracked(|ar| ar.assignment().cloned());
                let now = a.schools.len();
                let made = |a: &Assignment| match local_datetime(&a.made_at) {
                    at if at.is_empty() => String::new(),
                    at => format!(" от {at}"),
                };
                let this = format!("Задание «{file}»{}", made(&a));
                if let Some(b) = before.as_ref().filter(|b| a.older_than(b)) {
                    // Two downloads in one minute read alike to the minute.
                    let held = match made(b) {
                        at if at == made(&a) => ", скачанного позже в ту же минуту".to_owned(),
                        at => at,
                    };
                    if !confirm(&format!(
                        "{this} старше загруженного задания{held} (школ — {}). Заменить новое задание старым?",
                        b.schools.len()
                    )) {
                        return;
                    }
                }
                let said = match before {
                    Some(b) if b == a => format!("{this} уже загружено: школ — {now}."),
                    // One assignment at a time: last year's in place of
                    // this year's takes it off, and the decisions stay.
                    Some(b) if !b.same_campaign(&a) => format!(
                        "{this} загружено: школ — {now}. Задание по карте «{}» за {} учебный год \
                         (школ — {}) снято: ваши решения по нему остаются в рабочей области; чтобы \
                         отправить их, загрузите то задание снова.",
                        b.card_title,
                        b.period,
                        b.schools.len()
                    ),
                    Some(b) => format!(
                        "{this} загружено: школ — {now}; прежнее задание{} (школ — {}) заменено.",
                        made(&b),
                        b.schools.len()
                    ),
                    None => format!("{this} загружено: школ — {now}."),
                };
                dept.share_review(|archive| archive.set_assignment(Some(a)));
                dept.notices.push(said, None);
            }
            Err(e) => dept.notices.refuse(&file, "не загружен", &e),
        }
    });
    let send_review = move |_| {
        let Some(a) = assignment.get_untracked() else {
            return;
        };
        let Some(signer) = key.signer() else {
            return;
        };
        let now = now_iso();
        let text = dept
            .archive()
            .with_untracked(|archive| archive.review_file(&signer, &now));
        if let Some(text) = text {
            let file = review_file_name(&a, &local_datetime(&now));
            if offer_json(dept.notices, &file, &text) {
                sent(file, "");
            }
        }
    };
    // Said before the file is sent: the lead never sees these decisions.
    let outside = move || {
        let names = dept.archive().with(|a| a.decided_outside());
        (!names.is_empty()).then(|| {
            view! {
                <p class="notice notice-warning" data-testid="decided-outside">{format!(
                    "Ваши решения по {} вне задания в файл проверки не войдут: {}.",
                    if names.len() == 1 { "школе" } else { "школам" },
                    names.join(", ")
                )}</p>
            }
        })
    };
    // The same for a comment left without a decision.
    let notes = move || {
        let notes = dept.archive().with(|a| a.notes_without_decision());
        (!notes.is_empty()).then(|| {
            view! {
                <p class="notice notice-warning" data-testid="notes-without-decision">{format!(
                    "Комментарии без решения ведущий не получит: {}. Выберите решение или сообщите \
                     ведущему иначе.",
                    notes.join(", ")
                )}</p>
            }
        })
    };
    let drop_assignment = move |_| {
        if confirm("Снять задание? Ваши решения по школам останутся в рабочей области.")
        {
            dept.share_review(|archive| archive.set_assignment(None));
            focus_when_drawn(REVIEWERS_TITLE.to_owned());
        }
    };
    let schools = move || {
        let a = assignment.get()?;
        let rows = dept.archive().with(|archive| {
            let current = archive.current();
            a.schools
                .iter()
                .map(|s| {
                    let entry = current.iter().find(|e| e.school == s.id && a.covers(e));
                    let id = entry.map(|e| e.id().to_owned());
                    let status = id.as_deref().map_or(
                        "файла нет: загрузите выгрузку школы",
                        |id| archive.review(id).status().label(),
                    );
                    (s.name.clone(), status, id)
                })
                .collect::<Vec<_>>()
        });
        // «Следующая школа» goes on down the assignment.
        let walk = Walk::of_assignment(&a);
        Some(
            rows.into_iter()
                .map(|(school, status, id)| {
                    let walk = walk.clone();
                    let (card, period) = (a.card.clone(), a.period.clone());
                    // The review shows the card and year chosen above: the
                    // assignment's, whatever was on screen.
                    let open = id.map(|id| {
                        let label = format!("Проверить: {school}");
                        view! {
                            <button type="button" aria-label=label
                                on:click=move |_| {
                                    dept.choose_card(card.clone());
                                    dept.choose_period(period.clone());
                                    dept.review_school(id.clone(), walk.clone());
                                }>"Проверить"</button>
                        }
                    });
                    view! { <tr><th scope="row">{school}</th><td>{status}</td><td>{open}</td></tr> }
                })
                .collect_view(),
        )
    };
    view! {
        <h3>"Проверяющий"</h3>
        <form class="inline-form" on:submit=send_key>
            <label for="reviewer-name">"Ваши фамилия и инициалы: "</label>
            <input id="reviewer-name" type="text" autocomplete="name"
                aria-invalid=move || missing.get().to_string() aria-describedby="reviewer-name-error"
                prop:value=move || name.get() on:input=move |ev| {
                    missing.set(false);
                    name.set(event_target_value(&ev));
                }/>
            <button type="submit">"Скачать файл ключа проверяющего"</button>
        </form>
        <p class="field-error" id="reviewer-name-error" role="status">
            {move || missing.get().then_some("Введите фамилию и инициалы проверяющего.")}
        </p>
        <p class="hint">"Файл ключа подписан ключом подписи этого компьютера (раздел «Ключ подписи отдела образования» на вкладке «Карты»). Им же будет подписан ваш файл проверки."</p>
        <div class="actions">
            <FilePicker id="load-assignment" label="Загрузить задание" on_file=load/>
        </div>
        {move || assignment.get().map(|a| view! {
            <div class="assignment" data-testid="assignment">
                <p>{format!("Задание: {}; карта «{}», {} учебный год; школ: {}.", a.reviewer, a.card_title, a.period, a.schools.len())}</p>
                <table class="data">
                    <thead><tr><ColumnHeads names=&["Школа", "Проверка"]/><th scope="col"><span class="visually-hidden">"Действия"</span></th></tr></thead>
                    <tbody>{schools}</tbody>
                </table>
                {outside}
                {notes}
                <div class="actions">
                    <button type="button" class="primary" on:click=send_review>"Скачать файл проверки"</button>
                    <button type="button" on:click=drop_assignment>"Снять задание"</button>
                </div>
            </div>
        })}
    }
}
