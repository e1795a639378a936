//! «Школы»: the municipality's list of schools against the files of the
//! campaign on screen (the card and year chosen above), the deadlines, who
//! has not sent a card and what is late, a reminder letter, and the list
//! with statuses for Excel.

use leptos::prelude::*;

use profkarta_core::department::roster::{
    counts, from_results, reminder, roster_table, statuses, Deadlines, RosterSchool,
};
use profkarta_core::export::{to_csv, to_xlsx};
use profkarta_core::text::{date_ru, period_stem};

use crate::department::roster_import::RosterImport;
use crate::department::roster_unplaced::RosterUnplaced;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, now_iso, print};
use crate::shared::download::{offer, CSV, XLSX};

use crate::shared::column_heads::ColumnHeads;
#[component]
pub fn RosterPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let today = now_iso().get(..10).unwrap_or_default().to_owned();
    let period = move || dept.period.get().unwrap_or_default();
    let deadlines = move || dept.archive().with(|a| a.roster.deadlines(&period()));
    let rows = Memo::new(move |_| {
        let period = period();
        let card = dept.card.with(|c| c.id.clone());
        dept.archive()
            .with(|a| statuses(&a.roster, a, &card, &period, &today))
    });
    let show_letter = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());

    let date = move |id: &'static str,
                     label: &'static str,
                     get: fn(&Deadlines) -> &String,
                     set: fn(&mut Deadlines, String)| {
        let on_change = move |ev| {
            let value = event_target_value(&ev);
            let period = period();
            dept.edit_roster(|r| {
                let mut d = r.deadlines(&period);
                set(&mut d, value);
                r.deadlines.insert(period, d);
            });
        };
        view! {
            <label for=id>{label}</label>
            <input id=id type="date" prop:value=move || get(&deadlines()).clone() on:change=on_change/>
        }
    };
    let from_files = move |_| {
        // The year before's schools are the list to chase; this year's
        // add the schools new since.
        let list = dept.results.with(|now| {
            dept.previous.with(|p| match p {
                Some((_, before, ..)) => from_results(&[before, now]),
                None => from_results(&[now]),
            })
        });
        let replace = dept
            .archive()
            .with_untracked(|a| a.roster.schools.is_empty())
            || confirm("Заменить список школ школами из принятых файлов?");
        if replace {
            dept.edit_roster(|r| r.schools = list);
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_owned();
        if !name.is_empty() {
            dept.edit_roster(|r| {
                r.schools.push(RosterSchool {
                    name,
                    ..RosterSchool::default()
                })
            });
            new_name.set(String::new());
        }
    };
    let export = move |xlsx: bool| {
        let table = rows.with_untracked(|r| roster_table(r));
        let name = format!("школы_{}", period_stem(&period()));
        if xlsx {
            offer(
                dept.notices,
                &format!("{name}.xlsx"),
                &to_xlsx(&[table]),
                XLSX,
            );
        } else {
            offer(dept.notices, &format!("{name}.csv"), &to_csv(&table), CSV);
        }
    };
    let letter = move || rows.with(|r| reminder(r, &period(), &deadlines(), &now_iso()));
    // The reviewers' column only when the review is shared.
    let shared = move || rows.with(|r| r.iter().any(|r| !r.reviewers.is_empty()));
    let table_rows = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let name = r.school.name.clone();
                let remove = move |_| {
                    if confirm(&format!("Убрать «{name}» из списка школ?")) {
                        dept.edit_roster(|roster| {
                            if i < roster.schools.len() {
                                roster.schools.remove(i);
                            }
                        });
                    }
                };
                view! {
                    <tr data-status=r.status.key()>
                        <th scope="row">{r.school.name.clone()}</th>
                        <td>{r.status.label()}</td>
                        <td>{r.sent.as_deref().map(date_ru).unwrap_or_default()}</td>
                        <td class="lateness">{r.lateness()}</td>
                        {shared().then(|| view! { <td>{r.reviewers.join(", ")}</td> })}
                        <td class="no-print">
                            <button type="button" class="danger" on:click=remove
                                aria-label=format!("Убрать из списка: {}", r.school.name)>"Убрать"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel roster" aria-labelledby="roster-title">
            <h2 id="roster-title" class="no-print">"Школы и сроки"</h2>
            <p class="hint no-print">"Список школ муниципалитета и сроки кампании по выбранной карте и году. Файлы сопоставляются со списком по ИНН или по наименованию (разное написание — одна школа)."</p>
            <div class="form-grid roster-deadlines no-print">
                {date("deadline-submit", "Карта школы — до", |d| &d.submit, |d, v| d.submit = v)}
                {date("deadline-check", "Проверка объективности — до", |d| &d.check, |d, v| d.check = v)}
                {date("deadline-evaluate", "Оценка — до", |d| &d.evaluate, |d, v| d.evaluate = v)}
            </div>
            <div class="actions no-print">
                <RosterImport/>
                <button type="button" on:click=from_files>"Составить по принятым файлам"</button>
                <form class="inline-form" on:submit=add>
                    <label for="roster-new">"Школа: "</label>
                    <input id="roster-new" type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    <button type="submit">"Добавить"</button>
                </form>
            </div>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"Список школ пуст: загрузите его из XLSX или CSV, составьте по принятым файлам или добавьте школы вручную."</p> }>
                <RosterUnplaced rows/>
                <p class="roster-counts" data-testid="roster-counts">
                    {move || format!("{} учебный год: {}.", period(), rows.with(|r| counts(r)))}
                </p>
                <div class="actions no-print">
                    <button type="button" on:click=move |_| export(true)>"Скачать XLSX"</button>
                    <button type="button" on:click=move |_| export(false)>"Скачать CSV"</button>
                    <button type="button" aria-pressed=move || show_letter.get().to_string()
                        on:click=move |_| show_letter.update(|s| *s = !*s)>"Письмо-напоминание"</button>
                </div>
                <Show when=move || show_letter.get()>
                    <div class="actions no-print">
                        <button type="button" class="primary" on:click=move |_| print()>"Печать письма"</button>
                    </div>
                    <label for="reminder-text" class="no-print">"Текст для письма или электронной почты"</label>
                    <textarea id="reminder-text" class="letter-text" rows="16" readonly prop:value=letter data-testid="reminder"></textarea>
                </Show>
                <table class="data" data-testid="roster">
                    <thead><tr>
                        <ColumnHeads names=&["Школа", "Статус", "Файл от", "Сроки"]/>
                        {move || shared().then(|| view! { <th scope="col">"Проверяющий"</th> })}
                        <th scope="col" class="no-print"><span class="visually-hidden">"Действия"</span></th>
                    </tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
