//! The always-visible result: total of the applicable maximum, percentage,
//! level, what is still unanswered or wrong, and subtotals per criterion.

use std::time::Duration;

use leptos::prelude::*;

use crate::school::code_links::{code_links, To};
use crate::school::drafts::Drafts;
use crate::school::print_footer::PrintFooter;
use crate::school::state::{AssessmentCtx, CardCtx};
use crate::shared::debounce::Debounce;
use crate::shared::notices::Notices;
use crate::shared::notices_list::notice_id;
use profkarta_core::school::stored::SaveStatus;
use profkarta_core::scoring::explain::explain_total;

/// How long typing pauses before the changed total is read out.
const SPOKEN_AFTER: Duration = Duration::from_millis(1000);

#[component]
pub fn ScoreSummary() -> impl IntoView {
    let CardCtx(card) = expect_context();
    let AssessmentCtx(assessment) = expect_context();
    let scored = card.has_points();
    let with_levels = card.levels.is_some();
    let total = {
        let card = card.clone();
        Memo::new(move |_| assessment.with(|a| explain_total(&card, a)))
    };
    // The warning above the card is out of sight while the school types
    // further down: the summary, always in sight, says it too. The
    // department's preview of a card has no drafts to save.
    let status = use_context::<Drafts>().map(|ws| ws.status);
    let unsaved = move || status.is_some_and(|s| s.with(SaveStatus::is_problem));
    let unsaved_at = move || {
        status.map_or("#storage-failed", |s| {
            s.with(|s| match s {
                SaveStatus::Conflict { .. } => "#conflict",
                _ => "#storage-failed",
            })
        })
    };
    // A draft that could not be read is said and offered for download
    // above the card, which a reload may open scrolled far below: the
    // summary points there too.
    let notices = status.and(use_context::<Notices>());
    let kept_aside = move || {
        notices.and_then(|n| {
            n.all()
                .with(|all| all.iter().position(|n| n.raw.is_some()))
                .map(|i| format!("#{}", notice_id(i)))
        })
    };
    // A profile's «нет» beside such pupils typed in a row: said in the
    // export's list, and here, always in sight (a walk-through unticked
    // ОВЗ and saw nothing of it until the export).
    let contradicted = use_context::<Drafts>().map(|ws| {
        let card = card.clone();
        Memo::new(move |_| {
            let mut codes: Vec<String> = ws.draft.with(|d| {
                (d.contradicting_profile(&card).into_iter())
                    .map(|(code, _)| code)
                    .collect()
            });
            codes.dedup();
            codes
        })
    });
    let contradiction = move || {
        let codes = contradicted.map(|c| c.get()).filter(|c| !c.is_empty())?;
        Some(view! {
            <p class="todo todo-error" data-testid="summary-contradiction">
                {if codes.len() > 1 { "Сведения об ОО расходятся с показателями " } else { "Сведения об ОО расходятся с показателем " }}
                {code_links(assessment, codes, To::Row)}
                ": исправьте одно из двух"
                <span class="no-print">" (подробнее — в разделе выгрузки)"</span>"."
            </p>
        })
    };
    let level_key = move || total.with(|t| t.level.map_or("none", |l| l.key()));
    let level_label =
        move || total.with(|t| t.level.map_or("не определена", |l| l.label()));

    let rows = card
        .criteria()
        .enumerate()
        .map(|(i, criterion)| {
            let informational = criterion.max_points == 0;
            let waits = criterion.clone();
            let subtotal = move || {
                assessment.with(|a| {
                    if informational {
                        "без баллов".to_owned()
                    } else {
                        a.criteria[i].shown(a.out_of_maximum(&waits))
                    }
                })
            };
            // Words instead of a score («не применимо», «нет данных прошлого
            // года») may wrap: kept on one line, they pushed the figures of
            // every row out of the narrow column.
            let words = move || {
                informational || assessment.with(|a| a.criteria[i].max_applicable == 0)
            };
            let name = format!("{}. {}", criterion.code, criterion.title);
            view! {
                <tr>
                    <th scope="row">
                        // On a short screen the name is cut to one line; the
                        // tooltip keeps it whole.
                        <a href=format!("#criterion-{}", criterion.code) title=name.clone()>{name.clone()}</a>
                    </th>
                    <td class:words=words data-testid=format!("summary-criterion-{}", criterion.code)>{subtotal}</td>
                </tr>
            }
        })
        .collect_view();

    // Below 900 px the summary sits above the card and scrolls away: this
    // line, fixed at the window's foot there (the stylesheet shows it only
    // then), keeps the total in sight. Screen readers have the summary.
    // The total in one line, its level after `level_word`: the bar's and
    // the line read out.
    let line = move |level_word: &str| {
        total.with(|t| {
            if !scored {
                return t.filled.clone();
            }
            let level = t
                .level
                .filter(|_| with_levels)
                .map_or(String::new(), |l| format!(" · {level_word}{}", l.label()));
            format!("Итог: {} {} · {}{level}", t.total, t.points_word, t.percent)
        })
    };
    let bar = move || {
        line("")
            + if unsaved() {
                " · не сохранено"
            } else {
                ""
            }
    };
    // The total, its percentage and level, read out once typing pauses:
    // a half-typed number («58,») drops the total and the next key raises
    // it again, which a live total said three times over (an audit: the
    // total was visual only). Not at the start: nothing has changed yet.
    let spoken = RwSignal::new(String::new());
    let pause = Debounce::new();
    Effect::new(move |said: Option<String>| {
        let now = line("эффективность ");
        if said.is_some_and(|said| said != now) {
            let line = now.clone();
            pause.schedule(SPOKEN_AFTER, move || spoken.set(line));
        }
        now
    });
    view! {
        <p class="visually-hidden" role="status" data-testid="total-said">{spoken}</p>
        <p class="total-bar no-print" aria-hidden="true" data-testid="total-bar">{bar}</p>
        <aside class="summary" id="summary" aria-labelledby="summary-title" tabindex="-1">
            <h2 id="summary-title">"Итог самооценки"</h2>
            {if scored {
                view! {
                    <p class="total">
                        <span class="total-number" data-testid="total">{move || total.with(|t| t.total.clone())}</span>
                        <span class="muted">{move || total.with(|t| format!(" {} · ", t.points_word))}</span>
                        <span data-testid="percent">{move || total.with(|t| t.percent.clone())}</span>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="total" data-testid="total">{move || total.with(|t| t.filled.clone())}</p>
                    <p class="muted">"Карта не даёт баллов: отдел образования сводит ваши данные с данными других школ."</p>
                }
                .into_any()
            }}
            {with_levels.then(|| view! {
                <p class="level">
                    "Эффективность: "
                    <strong class=move || format!("level-badge level-{}", level_key()) data-testid="level">
                        {level_label}
                    </strong>
                    // A card just begun read «низкая» in red as a verdict
                    // (a walk-through): it is the level of a card still being filled.
                    {move || total.with(|t| t.level_so_far).map(|said| view! {
                        <span class="muted" data-testid="level-so-far">{format!(" — {said}")}</span>
                    })}
                </p>
            })}
            <p class="bands muted">{move || total.with(|t| t.bands.clone())}</p>
            <p class="todo" data-testid="unanswered">{move || {
                let (words, codes) = total.with(|t| (t.unanswered.clone(), t.unanswered_codes.clone()));
                match codes.is_empty() {
                    _ if words.is_empty() => None,
                    true => Some(view! { {words}"." }.into_any()),
                    false => Some(view! { {words}" — "{code_links(assessment, codes, To::Row)}"." }.into_any()),
                }
            }}</p>
            // Each code leads to its error, as in the export's list: the
            // summary is the list always in sight (a walk-through).
            <p class="todo todo-error" data-testid="invalid">{move || {
                let (words, codes) = total.with(|t| (t.invalid.clone(), t.invalid_codes.clone()));
                (!codes.is_empty()).then(|| view! { {words}" — "{code_links(assessment, codes, To::FirstError)}"." })
            }}</p>
            <p class="todo" data-testid="no-last-year">{move || total.with(|t| t.no_last_year.clone())}</p>
            {contradiction}
            <Show when=unsaved>
                <p class="todo todo-error no-print" data-testid="summary-unsaved">
                    <a href=unsaved_at>"Черновик не сохранён в браузере: что делать — вверху страницы"</a>
                </p>
            </Show>
            {move || kept_aside().map(|at| view! {
                <p class="todo todo-error no-print" data-testid="summary-kept-aside">
                    <a href=at>"Сообщение о сохранённых данных: что делать — вверху страницы"</a>
                </p>
            })}
            // The preview has no export to go to (a walk-through's link led nowhere).
            {status.is_some().then(|| view! {
                <p class="no-print"><a href="#export">"Перейти к выгрузке для отдела"</a></p>
            })}
            {scored.then(|| view! {
                <table class="subtotals">
                    <caption>"По критериям"</caption>
                    <tbody>{rows}</tbody>
                </table>
            })}
            // On paper the signature goes with the totals it signs: the two
            // move to the next page together, never the lines alone.
            <PrintFooter/>
        </aside>
    }
}
