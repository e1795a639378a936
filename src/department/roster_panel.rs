//! «Школы»: the municipality's list of schools against the files of the
//! campaign on screen (the card and year chosen above), the deadlines, who
//! has not sent a card and what is late, a reminder letter, and the list
//! with statuses for Excel.

use std::collections::HashSet;

use leptos::prelude::*;

use profkarta_core::card::DEFAULT_CARD;
use profkarta_core::department::last_year::previous_period;
use profkarta_core::department::roster::{
    as_schools_name_it, counts, file_years, from_archive, likely_school, mark_refused, reminder,
    roster_table, sent_years, statuses, unplaced_note, unplaced_refusals, Deadlines, FileYears,
    NotExpected, Roster, Status,
};
use profkarta_core::export::{to_csv, to_xlsx};
use profkarta_core::school::profile::default_period;
use profkarta_core::text::{and_list, date_ru, period_stem, quoted};

use crate::department::printed_letter::PrintedLetter;
use crate::department::printed_line::PrintedLine;
use crate::department::roster_import::RosterImport;
use crate::department::roster_not_expected::{RosterNotExpected, NOT_EXPECTED_TITLE};
use crate::department::roster_refused::{RefusedFile, RosterRefused};
use crate::department::roster_unplaced::{RosterUnplaced, ASKED};
use crate::department::state::Dept;
use crate::platform::browser::{
    confirm, focus_after_removal, focus_when_drawn, local_day, print_part, year_month,
};
use crate::shared::download::{offer, CSV, XLSX};
use crate::shared::table_scroll::TableScroll;

use crate::shared::column_heads::ColumnHeads;
/// The «Убрать» button of the `i`-th school of the list.
fn remove_id(i: usize) -> String {
    format!("roster-remove-{i}")
}

/// The question before the list is made from the accepted files of
/// `years`, which it names.
fn replace_from_files(years: &[String]) -> String {
    let of = match years {
        [] => String::new(),
        [year] => format!(" за {year} учебный год"),
        _ => format!(" за {} учебные годы", and_list(years)),
    };
    format!("Заменить список школ школами из принятых файлов{of}?")
}

/// The line of counts under the list, where the focus goes once the last
/// file waiting for its school is placed.
pub const COUNTS: &str = "roster-counts";

#[component]
pub fn RosterPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    // The coordinator's own day: lateness and the reminder's date by the
    // wall, not by Greenwich (east of it, «yesterday» every morning).
    let today = local_day();
    // Before any file has come, the campaign is the last finished school
    // year's, as a school's new draft is: a list and deadlines set at the
    // start are kept for the year the files then bring.
    let period = move || {
        dept.period.get().unwrap_or_else(|| {
            let (year, month) = year_month();
            default_period(year, month)
        })
    };
    let card = move || dept.card.with(|c| c.id.clone());
    let deadlines = move || {
        dept.archive()
            .with(|a| a.roster.deadlines(&card(), &period()))
    };
    let seed_003 = move || dept.card.with(|c| c.id == DEFAULT_CARD);
    let deadlines_set = move || {
        dept.archive()
            .with(|a| a.roster.deadlines_set(&card(), &period()))
    };
    let listed = Memo::new(move |_| {
        let period = period();
        let card = dept.card.with(|c| c.id.clone());
        dept.archive()
            .with(|a| statuses(&a.roster, a, &card, &period, &today))
    });
    // The campaign's files the list has not placed, asked about above it.
    let unplaced = Memo::new(move |_| {
        let (card, period) = (card(), period());
        dept.archive()
            .with(|a| a.roster.unplaced(a, &card, &period))
    });
    // The campaign's refused files the list cannot place, each with the
    // school it most likely is: listed under the table, and said in that
    // school's row, which stands «не сдана» (a walk-through's damaged file
    // of МБОУ СОШ № 3 was named only below).
    let refused = Memo::new(move |_| {
        let (card, period) = (card(), period());
        dept.archive().with(|a| {
            listed.with(|rows| {
                (unplaced_refusals(a, rows, &card, &period).into_iter())
                    .map(|u| RefusedFile {
                        file: u.refusal.file.clone(),
                        likely: u.likely.map(str::to_owned),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    // The rows with those guesses, as the page and the export say them.
    let rows = Memo::new(move |_| {
        let mut rows = listed.get();
        refused.with(|f| mark_refused(&mut rows, f.iter().filter_map(|f| f.likely.as_deref())));
        rows
    });
    // The schools the files asked about most likely are: not offered as
    // closed or new while their file waits to be placed (a walk-through:
    // «Закрыта» beside the school chosen above for its renamed file).
    let awaited = Memo::new(move |_| {
        let waiting: Vec<String> = rows.with(|r| {
            (r.iter().filter(|r| r.status.waits()))
                .map(|r| r.school.name.clone())
                .collect()
        });
        unplaced.with(|u| {
            (u.iter().take(ASKED))
                .filter_map(|(_, p)| likely_school(&p.name, &waiting))
                .map(|at| waiting[at].clone())
                .collect::<HashSet<String>>()
        })
    });
    // The years each school's counted files came ([`file_years`]), and
    // those its refused files were sent ([`sent_years`]): «Новая» and
    // «Закрыта» are offered by the second.
    let years = Memo::new(move |_| {
        let card = card();
        dept.archive().with(|a| file_years(&a.roster, a, &card))
    });
    let sent = Memo::new(move |_| {
        let card = card();
        dept.archive().with(|a| sent_years(&a.roster, a, &card))
    });
    let show_letter = RwSignal::new(false);
    let new_name = RwSignal::new(String::new());
    // Said beside the field, until the name is changed.
    let add_error = RwSignal::new(None::<String>);

    let date = move |id: &'static str,
                     label: &'static str,
                     get: fn(&Deadlines) -> &String,
                     set: fn(&mut Deadlines, String)| {
        let on_change = move |ev| {
            let value = event_target_value(&ev);
            // Read before the edit: the card is worked out from the
            // workspace, which the edit holds.
            let (card, period) = (card(), period());
            dept.edit_roster(|r| {
                let mut d = r.deadlines(&card, &period);
                set(&mut d, value);
                r.set_deadlines(&card, &period, d);
            });
        };
        view! {
            <label for=id>{label}</label>
            <input id=id type="date" prop:value=move || get(&deadlines()).clone() on:change=on_change/>
        }
    };
    let from_files = move |_| {
        let (card, shown) = (dept.card.with(|c| c.id.clone()), period());
        let (list, years) = dept.archive().with(|a| from_archive(a, &card, &shown));
        // Schools typed by hand and not among the files go with the old
        // list: named in the question, as when a list is loaded.
        let dropped = dept
            .archive()
            .with_untracked(|a| a.roster.dropped_by(&list, a.entries(), Roster::FROM_FILES));
        let replace = dept
            .archive()
            .with_untracked(|a| a.roster.schools.is_empty())
            || confirm(&match dropped {
                Some(dropped) => format!("{dropped}\n\n{}", replace_from_files(&years)),
                None => replace_from_files(&years),
            });
        if replace {
            dept.replace_roster(list);
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if name.trim().is_empty() {
            return;
        }
        match dept.archive().with_untracked(|a| a.roster.check_new(&name)) {
            Err(why) => add_error.set(Some(why.to_string())),
            Ok(()) => {
                dept.edit_roster(|r| {
                    let _ = r.add(&name);
                });
                new_name.set(String::new());
            }
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
    // One letter for the button, its note and the text area.
    let letter = Memo::new(move |_| {
        let title = dept
            .card
            .with(|c| dept.archive().with(|a| as_schools_name_it(a, c)));
        rows.with(|r| reminder(r, &title, &period(), &deadlines(), &local_day()))
    });
    let nobody_to_remind = move || letter.with(Option::is_none);
    // The reviewers' column only when the review is shared.
    let shared = move || rows.with(|r| r.iter().any(|r| !r.reviewers.is_empty()));
    let table_rows = move || {
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let (at, name) = (r.at, r.school.name.clone());
                let asked_name = name.clone();
                let remove = move |_| {
                    if confirm(&format!("Убрать {} из списка школ?", quoted(&name))) {
                        dept.edit_roster(|roster| {
                            if at < roster.schools.len() {
                                roster.schools.remove(at);
                            }
                        });
                        let left = rows.with_untracked(Vec::len);
                        focus_after_removal(i, left, remove_id, "roster-title");
                    }
                };
                // Only a school nothing came from: one whose file was
                // refused is in the year all the same (a walk-through's
                // «Закрыта» did nothing there).
                let waits_placing = awaited.with(|a| a.contains(&r.school.name));
                let offer = (r.status == Status::NotSent && !waits_placing)
                    .then(|| {
                        let period = period();
                        sent.with(|y| FileYears::offer(y.get(at).and_then(Option::as_ref), &period))
                    })
                    .flatten();
                let new_since = match &offer {
                    Some(NotExpected::New(first)) => Some(first.clone()),
                    _ => None,
                };
                let not_expected = offer.map(|offer| {
                    let name = &r.shown;
                    match offer {
                        NotExpected::New(first) => ("Новая", format!("Новая школа, в списке с {first} учебного года: {name}")),
                        NotExpected::Closed => ("Закрыта", format!("Школа закрыта: {name}")),
                    }
                });
                // Not expected in this year: new since a later year, or
                // closed from this year on and kept for the years before,
                // where «Убрать» took it out of them too.
                let mark = move |_| {
                    let period = period();
                    let school = quoted(&asked_name);
                    let (question, since, until) = match new_since.clone() {
                        Some(first) => (
                            format!(
                                "Школа {school} новая, в списке с {first} учебного года? Карты за \
                                 годы до {first} от неё не ожидаются."
                            ),
                            first,
                            String::new(),
                        ),
                        None => {
                            let Some(last) = previous_period(&period) else {
                                return;
                            };
                            let question = format!(
                                "Школа {school} закрыта? Карта за {period} учебный год и следующие \
                                 от неё не ожидается; в прошлых годах школа остаётся в списке."
                            );
                            (question, String::new(), last)
                        }
                    };
                    if confirm(&question) {
                        dept.edit_roster(|roster| {
                            if let Some(school) = roster.schools.get_mut(at) {
                                if !since.is_empty() {
                                    school.since = since;
                                }
                                if !until.is_empty() {
                                    school.until = until;
                                }
                            }
                        });
                        // To where the school is named now, not to the
                        // next row's «Убрать» (a walk-through).
                        focus_when_drawn(NOT_EXPECTED_TITLE.to_owned());
                    }
                };
                view! {
                    <tr data-status=r.status.key()>
                        <th scope="row">
                            {r.shown.clone()}
                            {r.filed_as_note().map(|note| view! { <span class="filed-as">{note}</span> })}
                        </th>
                        <td>
                            {r.status.label()}
                            {r.refused_note().map(|note| view! {
                                <span class="row-note">{format!("{note}: см. под таблицей")}</span>
                            })}
                            {r.other_card_note().map(|note| view! {
                                <span class="row-note" data-testid="other-card">{note}</span>
                            })}
                        </td>
                        <td>{r.sent.as_deref().map(date_ru).unwrap_or_default()}</td>
                        <td class="lateness">{r.lateness()}</td>
                        {shared().then(|| view! { <td>{r.reviewers.join(", ")}</td> })}
                        <td class="no-print row-actions">
                            {not_expected.map(|(label, aria)| view! {
                                <button type="button" on:click=mark aria-label=aria>{label}</button>
                            })}
                            <button type="button" class="danger" id=remove_id(i) on:click=remove
                                aria-label=format!("Убрать из списка: {}", r.shown)>"Убрать"</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel roster" aria-labelledby="roster-title">
            <h2 id="roster-title" tabindex="-1">"Школы и сроки"</h2>
            <PrintedLine testid="roster-printed"/>
            <p class="print-only" data-testid="roster-deadlines">{move || deadlines().line()}</p>
            <p class="hint no-print">"Список школ муниципалитета и сроки кампании по выбранной карте и году. Файлы сопоставляются со списком по ИНН или по наименованию (разное написание — одна школа)."</p>
            // Lateness is counted from these dates: ones nobody set read as
            // the department's (a walk-through's Izhevsk schools were «66
            // дней» late by another municipality's procedure).
            // Another card's campaign keeps its own calendar (Невинномысск
            // collects in April and May): no seed 003 dates to be late by.
            <Show when=move || !deadlines_set()>
                <p class="hint no-print" data-testid="deadlines-default">{move || match seed_003() {
                    true => "Сроки на этот год отдел не задавал: показаны сроки по умолчанию, как в Порядке мониторинга (карта — до 30 сентября, проверка — до 15 октября, оценка — до 1 ноября). От срока сдачи карты считается опоздание школ: задайте сроки своей кампании.",
                    false => "Сроки на этот год отдел не задавал, поэтому опоздание школ не считается. Задайте сроки своей кампании: от срока сдачи карты считается опоздание.",
                }}</p>
            </Show>
            <div class="form-grid roster-deadlines no-print">
                {date("deadline-submit", "Карта школы — до", |d| &d.submit, |d, v| d.submit = v)}
                {date("deadline-check", "Проверка объективности — до", |d| &d.check, |d, v| d.check = v)}
                {date("deadline-evaluate", "Оценка — до", |d| &d.evaluate, |d, v| d.evaluate = v)}
            </div>
            {move || deadlines().out_of_order().map(|why| view! {
                <p class="notice notice-warning no-print" data-testid="deadlines-order">{why}</p>
            })}
            <div class="actions no-print">
                <RosterImport/>
                <button type="button" on:click=from_files>"Составить по принятым файлам"</button>
                <form class="inline-form" on:submit=add>
                    <label for="roster-new">"Добавить школу: "</label>
                    <input id="roster-new" type="text" prop:value=move || new_name.get()
                        aria-invalid=move || add_error.with(Option::is_some).to_string() aria-describedby="roster-new-error"
                        on:input=move |ev| {
                            new_name.set(event_target_value(&ev));
                            add_error.set(None);
                        }/>
                    <button type="submit">"Добавить"</button>
                    <span class="field-error" id="roster-new-error" role="status">{move || add_error.get()}</span>
                </form>
            </div>
            <Show when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"Список школ пуст: загрузите его из XLSX или CSV, составьте по принятым файлам или добавьте школы вручную."</p> }>
                <RosterUnplaced rows unplaced/>
                <RosterRefused refused/>
                // Said as a school is added or removed, where nothing else is.
                <p class="roster-counts" id=COUNTS tabindex="-1" role="status" data-testid="roster-counts">
                    {move || format!("{} учебный год: {}.", period(), rows.with(|r| counts(r)))}
                </p>
                {move || unplaced_note(unplaced.with(Vec::len)).map(|note| view! {
                    <p class="notice notice-warning no-print" data-testid="roster-unplaced-note">{note}</p>
                })}
                <div class="actions no-print">
                    <button type="button" on:click=move |_| export(true)>"Скачать XLSX"</button>
                    <button type="button" on:click=move |_| export(false)>"Скачать CSV"</button>
                    <button type="button" aria-pressed=move || show_letter.get().to_string()
                        aria-disabled=move || nobody_to_remind().to_string()
                        on:click=move |_| if !nobody_to_remind() { show_letter.update(|s| *s = !*s) }>"Письмо-напоминание"</button>
                    <Show when=nobody_to_remind>
                        <span class="hint" data-testid="nobody-to-remind">"Напоминать некому: карты прислали все школы списка."</span>
                    </Show>
                </div>
                <Show when=move || show_letter.get() && !nobody_to_remind()>
                    <div class="actions no-print">
                        <button type="button" class="primary" on:click=move |_| print_part("reminder")>"Печать письма"</button>
                    </div>
                    <label for="reminder-text" class="no-print">"Текст для письма или электронной почты"</label>
                    <textarea id="reminder-text" class="letter-text no-print" rows="16" readonly prop:value=move || letter.get().unwrap_or_default() data-testid="reminder"></textarea>
                    // «Печать письма» prints this alone (see `print_part`):
                    // the table below tells every school's lateness.
                    <div class="reminder-print">
                        <PrintedLetter text=Signal::derive(move || letter.get().unwrap_or_default())/>
                    </div>
                </Show>
                // In a narrow window it scrolls in its box, not the page.
                <TableScroll label="Список школ">
                    <table class="data" data-testid="roster">
                        <thead><tr>
                            <ColumnHeads names=&["Школа", "Статус", "Первый файл от", "Сроки"]/>
                            {move || shared().then(|| view! { <th scope="col">"Проверяющий"</th> })}
                            <th scope="col" class="no-print"><span class="visually-hidden">"Действия"</span></th>
                        </tr></thead>
                        <tbody>{table_rows}</tbody>
                    </table>
                </TableScroll>
                <RosterNotExpected rows years period=Signal::derive(period)/>
            </Show>
        </section>
    }
}
