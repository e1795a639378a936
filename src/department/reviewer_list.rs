//! The lead's reviewers: added from their key files, each with the number
//! of schools of the campaign on screen and their assignment file.

use std::collections::BTreeMap;

use leptos::prelude::*;

use profkarta_core::department::archive::Archive;
use profkarta_core::department::reviewers::{Assignment, Sending};
use profkarta_core::department::school::SchoolId;
use profkarta_core::error::ReviewerFileError;

use crate::department::reviewers_panel::REVIEWERS_TITLE;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_after_removal, local_datetime, now_iso};
use crate::shared::column_heads::ColumnHeads;
use crate::shared::download::offer_json;
use crate::shared::file_picker::FilePicker;

#[component]
pub fn ReviewerList() -> impl IntoView {
    let dept: Dept = expect_context();
    let add = Callback::new(move |(file, text): (String, Result<String, String>)| {
        let text = match text {
            Ok(text) => text,
            Err(e) => return dept.notices.refuse(&file, "не загружен", &e),
        };
        let refusal = match dept.share_review(|a| a.add_reviewer(&text)) {
            Ok(_) => return,
            // A reviewer with a new computer or a lost key: their schools
            // and accepted decisions stay with the new key.
            Err(ReviewerFileError::NameTaken {
                name,
                registered,
                new,
            }) if confirm(&format!(
                    "Проверяющий «{name}» уже добавлен с ключом {registered}. Заменить его ключ \
                     ключом {new} из файла «{file}»? Назначенные ему школы и принятые его решения сохранятся; \
                     файлы проверки, подписанные прежним ключом, больше приниматься не будут."
                )) =>
            {
                match dept.share_review(|a| a.replace_reviewer_key(&text)) {
                    Ok((name, fingerprint)) => {
                        return dept.notices.push(
                            format!("Ключ проверяющего «{name}» заменён: {fingerprint}."),
                            None,
                        )
                    }
                    Err(e) => e,
                }
            }
            Err(e) => e,
        };
        dept.notices
            .refuse(&file, "не загружен", &refusal.to_string());
    });
    // The campaign's schools by their names in the files.
    let names = move || {
        dept.results.with(|r| {
            r.iter()
                .map(|s| (s.school.clone(), s.name().to_owned()))
                .collect::<BTreeMap<_, _>>()
        })
    };
    // The file the lead would download now for the reviewer `at` in
    // `archive`, made at `now`, with the files the lead chose to count.
    let assignment =
        move |archive: &Archive, at: usize, names: &BTreeMap<SchoolId, String>, now: &str| {
            let period = dept.period.get().unwrap_or_default();
            let reviewer = archive.reviewers.get(at)?;
            Some(dept.card.with(|card| {
                Assignment::new(reviewer, (&card.id, &card.title), &period, names, now)
                    .counting(|school| archive.standing_choice(school, &card.id, &period))
            }))
        };
    let download = move |index: usize| {
        let names = names();
        let made = untrack(|| (dept.archive()).with(|a| assignment(a, index, &names, &now_iso())));
        match made {
            Some(a) if a.schools.is_empty() => dept.notices.push(
                format!(
                    "У проверяющего «{}» нет школ в этой кампании: отметьте их в таблице ниже.",
                    a.reviewer
                ),
                None,
            ),
            Some(a) => {
                offer_json(dept.notices, &a.file_name(), &a.to_json());
                dept.share_review(|archive| archive.assignment_sent(&a));
            }
            None => {}
        }
    };
    let rows = move || {
        let names = names();
        dept.archive().with(|a| {
            a.reviewers
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let now = assignment(a, i, &names, "");
                    let here = now.as_ref().map_or(0, |s| s.schools.len());
                    let now = now.map(|s| s.sending(r.sent_of((&s.card, &s.period))));
                    let sending = match now.unwrap_or(Sending::NotYet) {
                        Sending::NotYet => view! { <td>"не скачано"</td> }.into_any(),
                        Sending::Sent { made_at } => view! {
                            <td>{format!("скачано {}", local_datetime(&made_at))}</td>
                        }.into_any(),
                        // Their page still works from the old list of schools.
                        Sending::Changed { made_at, schools } => view! {
                            <td class="field-error" data-testid="assignment-changed">{format!(
                                "{} после скачивания {}: скачайте задание и отправьте снова",
                                if schools { "школы изменены" } else { "учитываемые файлы школ изменены" },
                                local_datetime(&made_at)
                            )}</td>
                        }.into_any(),
                    };
                    let name = r.name.clone();
                    let remove = move |_| {
                        // His schools go with him: added again, he has none
                        // until given them (a walk-through's next file was
                        // refused for all six).
                        if confirm(&format!(
                            "Удалить проверяющего «{name}»? Его решения, уже принятые, останутся, а \
                             назначенные ему школы станут ничьими: если добавить его снова, \
                             школы нужно будет назначить заново."
                        )) {
                            dept.share_review(|a| a.remove_reviewer(i));
                            let left = dept.archive().with_untracked(|a| a.reviewers.len());
                            focus_after_removal(i, left, remove_id, REVIEWERS_TITLE);
                        }
                    };
                    view! {
                        <tr>
                            <th scope="row">{r.name.clone()}</th>
                            <td class="fingerprint">{r.fingerprint.clone()}</td>
                            <td>{here}</td>
                            {sending}
                            <td><div class="actions">
                                <button type="button" on:click=move |_| download(i)
                                    aria-label=format!("Скачать задание: {}", r.name)>"Скачать задание"</button>
                                <button type="button" class="danger" id=remove_id(i) on:click=remove
                                    aria-label=format!("Удалить проверяющего: {}", r.name)>"Удалить"</button>
                            </div></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="actions">
            <FilePicker id="add-reviewer" label="Добавить проверяющего (файл ключа)" on_file=add multiple=true/>
        </div>
        <Show when=move || dept.archive().with(|a| !a.reviewers.is_empty())
            fallback=|| view! { <p class="muted">"Проверяющих нет: добавьте их по файлам ключей, которые они пришлют."</p> }>
            <table class="data" data-testid="reviewers">
                <thead><tr>
                    <ColumnHeads names=&["Проверяющий", "Отпечаток ключа", "Школ в этой кампании", "Задание"]/>
                    <th scope="col"><span class="visually-hidden">"Действия"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </Show>
    }
}

fn remove_id(i: usize) -> String {
    format!("reviewer-remove-{i}")
}
