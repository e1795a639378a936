//! The objectivity check of one school: its answers and evidence beside the
//! points it claims, and the coordinator's decision per indicator.

use std::collections::BTreeSet;

use leptos::prelude::*;

use profkarta_core::card::{Indicator, Level, Rule};
use profkarta_core::department::archive::{Carried, Standing};
use profkarta_core::department::bulk::{changed_word, decisions_on, Bulk};
use profkarta_core::department::last_year::{last_year_answer, last_year_entry};
use profkarta_core::department::results::SchoolResult;
use profkarta_core::department::review::{Decision, ReviewStatus};
use profkarta_core::department::review_filter::RowFilter;
use profkarta_core::school::draft::{contradicting_profile, differing_totals};
use profkarta_core::school::input::{parse_links, MAX_COMMENT_LEN};
use profkarta_core::scoring::explain::{answer_summary, empty_group_note, named_errors};
use profkarta_core::scoring::{NotApplicable, Outcome};
use profkarta_core::text::{date_ru, points, quoted, revealed, score_share, shorten};

use crate::department::bulk_actions::{BulkActions, PendingBulk};
use crate::department::bulk_waiting::BulkWaiting;
use crate::department::last_year_check::LastYearCheck;
use crate::department::newer_held::NewerHeld;
use crate::department::no_cards::NoCards;
use crate::department::printed_line::PrintedLine;
use crate::department::review_progress::{neighbour, step, ReviewProgress};
use crate::department::row_filter_choice::RowFilterChoice;
use crate::department::school_plan::SchoolPlan;
use crate::department::school_select::SchoolSelect;
use crate::department::slot_files::SlotFiles;
use crate::department::state::Dept;
use crate::department::typed_comment::TypedComment;
use crate::platform::browser::{
    confirm, focus_id, focus_when_drawn, held_while_pressed, on_before_print, open_tab,
    set_print_foot,
};
use crate::shared::table_scroll::TableScroll;

/// Evidence links shown per indicator; the rest are counted.
const LINKS_SHOWN: usize = 20;

/// "1 балл" or "не применимо": how a row counts, claimed or confirmed.
fn counted(p: u32, applies: bool) -> String {
    if applies {
        points(p.into())
    } else {
        "не применимо".to_owned()
    }
}

/// The open school's heading: the rating's link to a school brings the
/// focus, and the view, there.
pub const REVIEW_SCHOOL: &str = "review-school";

#[component]
pub fn ReviewPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    provide_context(TypedComment::new(dept));
    // Re-render the rows only when another school is opened, not on every
    // decision, so keyboard focus stays where the coordinator is.
    let open_id = Memo::new(move |_| {
        dept.open
            .with(|o| o.as_ref().map(|r| r.submission_id.clone()))
    });
    // «Показывать» stays as another school or year is opened.
    let filter = dept.review_filter();
    // Said when another school is opened: the focus stays on «Следующая
    // школа», and a screen reader heard nothing of the new school (an
    // accessibility audit).
    let opened = Memo::new(move |_| {
        let name = open_id.with(|id| {
            let id = id.as_ref()?;
            dept.archive()
                .with(|a| Some(a.entry(id)?.profile().name.clone()))
        });
        name.map(|n| format!("Открыта проверка школы {}.", quoted(&n)))
    });
    view! {
        <section class="panel" aria-labelledby="review-title">
            <h2 id="review-title">"Проверка объективности"</h2>
            // The school list stays when another school is opened: only the
            // review below it is drawn again.
            <PrintedLine testid="review-printed"/>
            <Show when=move || open_id.with(Option::is_some) fallback=NoCards>
                <SchoolSelect/>
                <ReviewProgress/>
                <p class="visually-hidden" role="status" data-testid="review-opened">{move || opened.get()}</p>
                <BulkWaiting/>
                {move || open_id.get().map(|id| view! { <ReviewOf id filter/> })}
            </Show>
        </section>
    }
}

/// What the coordinator is asked before a check is marked finished with
/// something the school's letter would show unsettled: a refused point
/// (without points, a value) without its reason, a point claimed without
/// evidence and not decided.
fn completion_question(
    unexplained: &[String],
    undecided: &[String],
    unapplied: Option<(&str, Vec<String>)>,
    scored: bool,
) -> Option<String> {
    if unexplained.is_empty() && undecided.is_empty() && unapplied.is_none() {
        return None;
    }
    let mut text = "Перед завершением проверки:".to_owned();
    if !unexplained.is_empty() {
        let refused = match scored {
            true => "балл не засчитан",
            false => "значение не подтверждено",
        };
        text.push_str(&format!(
            "\n— показатели, где {refused} без причины: {} (школа прочитает в письме «причина не указана»);",
            unexplained.join(", ")
        ));
    }
    if !undecided.is_empty() {
        text.push_str(&format!(
            "\n— показатели с баллом без ссылки на подтверждение, по которым нет решения: {};",
            undecided.join(", ")
        ));
    }
    // A reviewer who went on without «Применить» lost the confirmations
    // silently (a walk-through's four schools).
    if let Some((label, codes)) = unapplied {
        text.push_str(&format!(
            "\n— «{label}» не применено: {} не {} (нажмите «Применить» или «Отмена»);",
            decisions_on(&codes),
            changed_word(codes.len())
        ));
    }
    text.pop();
    text.push_str(".\nВсё равно отметить проверку завершённой?");
    Some(text)
}

#[component]
fn ReviewOf(id: String, filter: RwSignal<RowFilter>) -> impl IntoView {
    let dept: Dept = expect_context();
    let archive = dept.archive();
    // The school's own result, under the codes of the version it filled in,
    // as its rows below: the period's results speak the period's card.
    let open = {
        let id = id.clone();
        Memo::new(move |_| archive.with(|a| a.entry(&id).map(|e| SchoolResult::of(a, e))))
    };
    let entry = archive.with_untracked(|a| a.entry(&id).cloned());
    let Some(entry) = entry else {
        return ().into_any();
    };
    let claimed = entry.assessment.clone();
    let scored = entry.card.has_points();
    // A school without points reports data; it scores nothing.
    let against = if scored {
        "самооценкой"
    } else {
        "данными школы"
    };
    let informational = entry.card.indicators().any(|i| i.points == 0);
    // A card without levels has none to name, not «—».
    let with_levels = entry.card.levels.is_some();
    let score_line = move |total: u32, max: u32, l: Option<Level>| {
        let level = match (with_levels, l) {
            (false, _) => String::new(),
            (true, l) => format!(", {}", l.map_or("—", |l| l.label())),
        };
        format!("{}{level}", score_share(total, max))
    };
    let differences = move || {
        open.with(|o| {
            o.as_ref()
                .map(SchoolResult::difference_lines)
                .unwrap_or_default()
        })
    };
    let confirmed = move || {
        open.with(|o| {
            o.as_ref()
                .map(|r| score_line(r.score.total, r.score.max_applicable, r.score.level))
                .unwrap_or_default()
        })
    };
    let is_checked = move || {
        open.with(|o| {
            o.as_ref()
                .is_some_and(|r| r.status == ReviewStatus::Checked)
        })
    };
    let mismatch = entry.mismatch.then(|| {
        view! {
            <p class="notice notice-warning on-paper">
                {format!(
                    "Школа указала в файле итог {}, а по её ответам выходит {}. Учитывается пересчёт.",
                    points(entry.opened.payload.score.total.into()),
                    points(claimed.total.into())
                )}
            </p>
        }
    });
    // One earlier file corrected twice (an old copy opened again at the
    // school): only the later counts, which may not be what it meant.
    let rival = {
        let id = id.clone();
        move || {
            archive.with(|a| {
                let other = a.rival_correction(&id)?;
                // Said while one of the two counts; a later file settles it.
                let counts = match a.standing_of(&id)? {
                    Standing::Current => id.clone(),
                    Standing::Superseded { .. } => a.counting(&id)?,
                    _ => return None,
                };
                let which = match counts {
                    c if c == id => "учтена эта, сделанная позже",
                    c if c == other.id() => "учтена та, сделанная позже",
                    _ => return None,
                };
                Some(format!(
                    "Школа исправила одну и ту же прежнюю выгрузку дважды: эта выгрузка и \
                         «{}» (от {}) обе заменяют её; {which}. Уточните у школы, какая верна: \
                         если нужна другая, пусть школа выгрузит её заново.",
                    other.file_name,
                    date_ru(&other.opened.payload.created_at)
                ))
            })
        }
    };
    // A correction shows where its decisions came from until it has its own.
    let carried_from = {
        let id = id.clone();
        move || {
            archive.with(|a| {
                a.carried(&id).map(|carried| match carried {
                    Carried::Check(source) => format!(
                        "Это исправленная выгрузка: ответы те же, изменились только план \
                         мероприятий или сведения об ОО. Проверка файла «{}» перенесена \
                         на неё и остаётся завершённой.",
                        source.file_name
                    ),
                    Carried::Decisions { source, dropped } => {
                        // Named, so that a decision seen a moment ago is not
                        // missed unsaid.
                        let dropped = match dropped.as_slice() {
                            [] => String::new(),
                            codes => format!(
                                " Решения по изменившимся ответам сняты: {}.",
                                codes.join(", ")
                            ),
                        };
                        format!(
                            "Это исправленная выгрузка. Решения по ответам, которые не изменились, \
                             перенесены из проверки файла «{}».{dropped} Проверьте изменённые \
                             показатели и отметьте «Проверка завершена».",
                            source.file_name
                        )
                    }
                    Carried::Nothing(source) => format!(
                        "Это исправленная выгрузка. Решения проверки файла «{}» не перенесены: \
                         ответы, по которым они были приняты, изменились. Проверьте их заново.",
                        source.file_name
                    ),
                })
            })
        }
    };
    let checked_id = id.clone();
    let pending: PendingBulk = dept.pending_bulk();
    let set_checked = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        if checked {
            let question = archive.with_untracked(|a| {
                let entry = a.entry(&checked_id)?;
                let undecided = Bulk::NoPointWithoutEvidence.preview(entry, &a.review(&checked_id));
                // On a card with points, an informational value not
                // confirmed reaches no letter; without points, every one
                // does.
                let unexplained: Vec<String> = open.with_untracked(|o| {
                    o.iter()
                        .flat_map(|r| {
                            (r.refused.iter()).filter(|(code, comment)| {
                                comment.is_empty()
                                    && r.score
                                        .indicator(code)
                                        .is_some_and(|c| c.max > 0 || !scored)
                            })
                        })
                        .map(|(code, _)| code.clone())
                        .collect()
                });
                let unapplied = pending.with_untracked(|p| {
                    p.as_ref()
                        .filter(|p| p.submission == checked_id)
                        .map(|p| (p.bulk.label(), p.codes(a)))
                        .filter(|(_, codes)| !codes.is_empty())
                });
                completion_question(&unexplained, &undecided, unapplied, scored)
            });
            if question.is_some_and(|q| !confirm(&q)) {
                event_target::<web_sys::HtmlInputElement>(&ev).set_checked(false);
                return;
            }
        }
        dept.set_checked(&checked_id, checked);
    };
    let visible = {
        let id = id.clone();
        Memo::new(move |_| {
            let filter = filter.get();
            archive.with(|a| a.entry(&id).and_then(|e| filter.codes(a, e)))
        })
    };
    // The school's file of the year before, found once for all its rows.
    let last_year =
        archive.with_untracked(|a| last_year_entry(a, &entry).map(|e| e.id().to_owned()));
    let rows = entry
        .card
        .indicators()
        .map(|indicator| view! { <ReviewRow indicator=indicator.clone() submission=id.clone() last_year=last_year.clone() visible/> })
        .collect_view();
    let none_shown = move || visible.with(|v| v.as_ref().is_some_and(|v| v.is_empty()));
    // A filter's count in a status line: the list shrinking was not said.
    let all_rows = entry.card.indicators().count();
    let rows_shown = move || {
        visible.with(|v| {
            (v.as_ref())
                .filter(|v| !v.is_empty())
                .map(|v| format!("Показано показателей: {} из {all_rows}.", v.len()))
        })
    };
    let profile = entry.profile().clone();
    // Apart, the review's later sheets say whose check they are.
    let whose = profile.name.clone();
    on_before_print(move || set_print_foot(&dept.printed_foot_of(&whose)));
    let responsible = if profile.responsible.trim().is_empty() {
        "не указан".to_owned()
    } else {
        profile.responsible.clone()
    };
    view! {
        <div class="review" data-testid="review">
            <h3 id=REVIEW_SCHOOL tabindex="-1">{profile.name.clone()}</h3>
            <p class="meta">
                // The version says which numbers and rules the rows below
                // are in: a year may mix two.
                {format!(
                    "{} · {} · ответственный: {responsible} · карта версии {} · ключ {} · файл «{}»",
                    entry.period(),
                    profile.municipality,
                    entry.card.version,
                    entry.opened.fingerprint,
                    entry.file_name
                )}
            </p>
            // What decides «не применимо»: the reviewer checks it by these.
            <p class="meta" data-testid="review-profile">
                {format!("Профиль школы: {}.", entry.card.profile_answers(&profile))}
            </p>
            {mismatch}
            <LastYearCheck submission=id.clone()/>
            {move || rival().map(|text| view! { <p class="notice notice-warning" data-testid="review-rival">{text}</p> })}
            {move || carried_from().map(|text| view! { <p class="notice" data-testid="review-carried">{text}</p> })}
            <SlotFiles submission=id.clone()/>
            <NewerHeld submission=Signal::stored(Some(id.clone()))/>
            <div class="compare">
                // A card without points has no score to compare: «0 из 0».
                {scored.then(|| view! {
                    <p data-testid="self-score">
                        "Самооценка (пересчёт по ответам): "
                        <strong>{score_line(claimed.total, claimed.max_applicable, claimed.level)}</strong>
                    </p>
                    <p data-testid="confirmed-score">"После проверки: " <strong>{confirmed}</strong></p>
                })}
                // One line whatever the count: a list growing here, above
                // the rows, moved the row being decided from under the pointer.
                <p data-testid="differences-count">{move || match differences().len() {
                    0 => format!("Решения проверки не расходятся с {against}."),
                    n => format!("Расхождений с {against}: {n} — список под показателями."),
                }}</p>
                <label class="checkbox no-print">
                    <input type="checkbox" id="review-checked" prop:checked=is_checked on:change=set_checked/>
                    " Проверка завершена"
                </label>
                // On paper a box left empty reads as a form to fill in.
                <p class="print-only" data-testid="review-status-printed">{move || match is_checked() {
                    true => "Проверка завершена.",
                    false => "Проверка не завершена.",
                }}</p>
            </div>
            // Both bulk actions are about claimed points.
            {scored.then(|| view! { <div class="no-print"><BulkActions submission=id.clone() pending/></div> })}
            <div class="no-print"><RowFilterChoice filter/></div>
            <p class="hint no-print">{format!(
                "Клавиши в решении по показателю: 1 — подтверждено, {}3 — не применимо, 0 — не решено; стрелки тоже выбирают.",
                // An indicator without points has no point to refuse: its
                // answer is not confirmed.
                match (scored, informational) {
                    (true, false) => "2 — балл не засчитан, ",
                    (true, true) => "2 — балл не засчитан (у показателя без баллов — не подтверждено), ",
                    (false, _) => "2 — не подтверждено, ",
                }
            )}</p>
            <p class="muted no-print" role="status" data-testid="rows-shown">{rows_shown}</p>
            <Show when=none_shown>
                // The choice stays from the school before: this one may
                // have none of them.
                <p class="muted" data-testid="no-rows">
                    "Таких показателей у школы нет. "
                    <button type="button" class="link-button no-print" on:click=move |_| {
                        filter.set(RowFilter::All);
                        focus_id("row-filter");
                    }>"Показать все показатели"</button>
                </p>
            </Show>
            <ol class="review-rows">{rows}</ol>
            {move || {
                let list = differences();
                (!list.is_empty()).then(|| view! {
                    <h4>{format!("Расхождения с {against}")}</h4>
                    <ul data-testid="differences">
                        {list.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                    </ul>
                })
            }}
            <h4>"План мероприятий школы"</h4>
            <SchoolPlan plan=entry.opened.payload.plan.clone()/>
            // The end of a long review: its mark and the next school are
            // at the top, 7 000 px up at 23 rows.
            <div class="actions no-print review-end">
                <a href="#review-checked">"↑ К отметке «Проверка завершена»"</a>
                // At the last school it stays, said to lead nowhere.
                <button type="button" aria-disabled=move || neighbour(dept, true).is_none().to_string() on:click=move |_| {
                    if step(dept, true) {
                        focus_when_drawn(REVIEW_SCHOOL.to_owned());
                    }
                }>"К следующей школе →"</button>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn ReviewRow(
    indicator: Indicator,
    submission: String,
    /// The id of the school's accepted file of the year before.
    last_year: Option<String>,
    /// The codes the filter shows, `None` for all.
    visible: Memo<Option<BTreeSet<String>>>,
) -> impl IntoView {
    let dept: Dept = expect_context();
    let code = indicator.code.clone();
    let archive = dept.archive();
    let informational = indicator.points == 0;
    let indicator_points = indicator.points;
    let (
        answer,
        claimed,
        claims,
        no_last_year,
        unanswered,
        errors,
        copied,
        last_year,
        empty,
        contradicted,
        differing,
        kept_out,
    ) = archive.with_untracked(|a| {
        let entry = a.entry(&submission);
        let last_year = (last_year.as_deref())
            .and_then(|id| a.entry(id))
            .and_then(|earlier| last_year_answer(earlier, &indicator));
        let copied = entry.is_some_and(|e| e.opened.payload.copied.contains(&code));
        let answer = entry.and_then(|e| e.opened.payload.answers.get(&code).cloned());
        let result = entry.and_then(|e| e.assessment.indicators.iter().find(|r| r.code == code));
        let outcome = result.map(|r| &r.outcome);
        // What the school's own page said under the fields: the reviewer
        // sees why a row counts nothing.
        // Read away from the form: each names its field.
        let errors = result
            .map(|r| named_errors(&indicator, r))
            .unwrap_or_default();
        let errors = (!errors.is_empty()).then(|| {
            let lead = if outcome == Some(&Outcome::Invalid) {
                "Ответ заполнен с ошибкой и не учтён: "
            } else {
                "В ответе ошибка: "
            };
            format!("{lead}{}", errors.join(" "))
        });
        let claimed = outcome
            .map(|o| counted(o.points(), o.applies()))
            .unwrap_or_default();
        // Which of the school's answers rules it out: the reviewer checks
        // them, not the profile line above all the rows.
        let ruled_out = (entry
            .filter(|_| outcome == Some(&Outcome::NotApplicable(NotApplicable::Profile))))
        .map(|e| e.card.ruled_out_by(&indicator, &e.opened.payload.profile))
        .unwrap_or_default();
        let claimed = match ruled_out.as_slice() {
            [] => claimed,
            answers => format!("{claimed} (по профилю: {})", answers.join("; ")),
        };
        (
            answer,
            claimed,
            // Without points, a value is what the answer claims.
            outcome.is_some_and(|o| {
                o.points() > 0 || (informational && matches!(o, Outcome::Scored { .. }))
            }),
            outcome.is_some_and(Outcome::lacks_last_year),
            outcome == Some(&Outcome::Unanswered),
            errors,
            copied,
            last_year,
            outcome == Some(&Outcome::NotApplicable(NotApplicable::EmptyGroup)),
            entry.and_then(|e| {
                let p = &e.opened.payload;
                (contradicting_profile(&e.card, &p.profile, &p.answers).into_iter())
                    .find(|(c, _)| *c == code)
                    .map(|(_, flag)| flag.question().to_owned())
            }),
            entry.and_then(|e| {
                let p = &e.opened.payload;
                (differing_totals(&e.card, &p.profile, &p.answers).into_iter())
                    .find(|g| g.typed.iter().any(|(c, _)| *c == code))
            }),
            // Out of the school's maximum by its answers: «балл не
            // засчитан» counts it in. Last year left blank has its own note.
            indicator.points > 0 && outcome.is_some_and(Outcome::out_by_answers),
        )
    });
    // The school was asked about it before its export, and sent it anyway.
    let contradicted = contradicted.map(|question| {
        view! {
            <p class="notice notice-warning on-paper" data-testid="profile-contradiction">
                {format!("В профиле школы на вопрос «{question}» ответ «нет», а в строках ниже такие обучающиеся указаны: уточните у школы.")}
            </p>
        }
    });
    // Asked before the export too: one of the numbers is wrong.
    let differing = differing.map(|group| {
        view! {
            <p class="notice notice-warning on-paper" data-testid="differing-total">
                {format!(
                    "Общее число {} школа указала по-разному ({}), а группа одна: одно из чисел \
                     неверно, уточните у школы.",
                    quoted(&group.label),
                    group.numbers()
                )}
            </p>
        }
    });
    // «0 из 0» counts nothing, and the figures only show it as one school
    // fewer: said where the answer is checked.
    let empty = empty.then(|| {
        view! { <p class="notice on-paper" data-testid="empty-group">{empty_group_note(&indicator)}</p> }
    });
    // «—» also stands for a row that does not apply: a blank one says so.
    let summary = if unanswered {
        "не заполнено".to_owned()
    } else {
        answer_summary(&indicator, answer.as_ref())
    };
    // A list's rows are what the reviewer checks the evidence against.
    let list_rows = match (&indicator.rule, &answer) {
        (Rule::List { item, columns, .. }, Some(a)) if a.filled_rows().next().is_some() => {
            let heads: Vec<String> = std::iter::once(item.clone())
                .chain(columns.iter().map(|c| c.label.clone()))
                .collect();
            let rows = a
                .filled_rows()
                .map(|r| {
                    let cells = r
                        .values
                        .iter()
                        .map(|v| view! { <td class="num">{v.clone()}</td> })
                        .collect_view();
                    view! { <tr><th scope="row">{r.name.clone()}</th>{cells}</tr> }
                })
                .collect_view();
            Some(view! {
                <TableScroll label=format!("Строки показателя {code}")>
                    <table class="data list-answer" data-testid="list-answer">
                        <thead><tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </TableScroll>
            })
        }
        _ => None,
    };
    let evidence = answer
        .as_ref()
        .map(|a| a.evidence.clone())
        .unwrap_or_default();
    let (links, _) = parse_links(&evidence);
    // A file may carry thousands of links or a comment of a megabyte:
    // show what a person can read, and say how much more there is.
    let more_links = links.len().saturating_sub(LINKS_SHOWN);
    let shown_links: Vec<String> = links
        .iter()
        .take(LINKS_SHOWN)
        .map(|l| (*l).to_owned())
        .collect();
    // The row's review, read once per change of the archive; every part
    // of the row below reads it here.
    let row_review = {
        let (submission, code) = (submission.clone(), code.clone());
        Memo::new(move |_| archive.with(|a| a.row_review(&submission, &code)))
    };
    let seen = move |link: &str| {
        row_review.with(|r| r.as_ref().is_some_and(|r| r.seen.iter().any(|l| l == link)))
    };
    let links = shown_links
        .iter()
        .map(|href| {
            let href = href.clone();
            let (submission, code, link) = (submission.clone(), code.clone(), href.clone());
            let is_seen = move || seen(&link);
            let shown = revealed(&href);
            let hides = (shown != href).then(|| {
                view! { <span class="hidden-chars">" В ссылке невидимые символы, показаны кодами [U+…]."</span> }
            });
            view! {
                <li class:seen=is_seen.clone()>
                    <a href=href.clone() target="_blank" rel="noopener noreferrer"
                        on:click=move |_| dept.mark_seen(&submission, &code, &href)>{shown}</a>
                    <Show when=is_seen.clone()>" ✓ просмотрена"</Show>
                    {hides}
                </li>
            }
        })
        .collect_view();
    let open_all = {
        let (submission, code) = (submission.clone(), code.clone());
        let count = shown_links.len();
        (count > 1).then(|| {
            let whose = format!(" (показатель {code})");
            let open = move |_| {
                let mut blocked = 0;
                for link in &shown_links {
                    if open_tab(link) {
                        dept.mark_seen(&submission, &code, link);
                    } else {
                        blocked += 1;
                    }
                }
                if blocked > 0 {
                    dept.notices.push(
                        format!(
                            "Браузер не открыл ссылок: {blocked} из {count} (показатель {code}). Разрешите всплывающие окна для этого сайта или откройте ссылки по одной."
                        ),
                        None,
                    );
                }
            };
            view! { <button type="button" class="link-button no-print" on:click=open>{format!("Открыть все ссылки ({count})")}<span class="visually-hidden">{whose}</span></button> }
        })
    };
    let more_links =
        (more_links > 0).then(|| view! { <li>{format!("…и ещё ссылок: {more_links}")}</li> });
    let school_comment = answer
        .map(|a| a.comment)
        .filter(|c| !c.trim().is_empty())
        .map(|c| shorten(&c, MAX_COMMENT_LEN));
    let review = move || row_review.get();
    // Left blank, last year takes a growth indicator out of the school's
    // maximum and lifts its share: nothing else on the page says so. Said
    // until a decision is taken.
    let no_last_year = (no_last_year && indicator.points > 0).then(|| {
        view! {
            <Show when=move || review().and_then(|r| r.decision).is_none()>
                <p class="notice on-paper" data-testid="no-last-year">
                    "Школа не указала данные прошлого года: показатель не вошёл в её максимум, и доля \
                     от максимума выше, чем с ним. Если данные за прошлый год были, решение «балл не \
                     засчитан» (как и «подтверждено») вернёт показатель в максимум с 0 баллов."
                </p>
            </Show>
        }
    });
    let shown_code = code.clone();
    let group = format!("decision-{}", code.replace('.', "-"));
    let radio_id = {
        let group = group.clone();
        move |decision: Option<Decision>| {
            format!("{group}-{}", decision.map_or("none", Decision::key))
        }
    };
    let choices = [None]
        .into_iter()
        .chain(Decision::ALL.into_iter().map(Some))
        .map(|decision| {
            let id = radio_id(decision);
            // A banded indicator's refusal takes all its points, as its
            // letter says.
            let label = decision.map_or("не решено", |d| d.label_for(indicator.points));
            let (submission, code) = (submission.clone(), code.clone());
            view! {
                <label for=id.clone() class="choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=group.clone()
                        value=decision.map_or("", Decision::key)
                        prop:checked={
                            move || review().and_then(|r| r.decision) == decision
                        }
                        on:change={
                            let (submission, code) = (submission.clone(), code.clone());
                            move |_| dept.decide(&submission, &code, decision)
                        }
                        on:click=move |_| {
                            // The option already chosen fires no change: a
                            // click on it takes over a decision made
                            // elsewhere, as its key does.
                            if review().is_some_and(|r| {
                                r.decision == decision && (r.elsewhere || !r.by.is_empty())
                            }) {
                                dept.decide(&submission, &code, decision);
                            }
                        }
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    // 1, 2, 3 and 0 decide without reaching for the mouse (the hint above
    // the rows says so); arrows move between the choices as usual.
    let on_key = {
        let (submission, code) = (submission.clone(), code.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            let decision = match ev.key().as_str() {
                "1" => Some(Decision::Confirm),
                "2" => Some(Decision::NoPoint),
                "3" => Some(Decision::NotApplicable),
                "0" => None,
                _ => return,
            };
            ev.prevent_default();
            dept.decide(&submission, &code, decision);
            // The chosen answer takes the focus: an arrow key then moves on
            // from it, not from the one the focus was left on.
            focus_id(&radio_id(decision));
        }
    };
    let comment_id = format!("{group}-comment");
    let comment_value = move || review().map(|r| r.comment).unwrap_or_default();
    let typed: TypedComment = expect_context();
    let on_comment = {
        let (submission, code) = (submission.clone(), code.clone());
        move |ev| typed.input(&submission, &code, event_target_value(&ev))
    };
    // A claimed point (or value) refused without a reason would reach the
    // school's letter as «причина не указана»: asked for beside the field.
    // So would a row counted in against the school's answers.
    let reason_missing = move || {
        (claims || kept_out)
            && review().is_some_and(|r| {
                r.decision == Some(Decision::NoPoint) && r.comment.trim().is_empty()
            })
    };
    // Taken away as the comment is left by a click on the next row's
    // choice, the hint would move it from under the pointer.
    let reason_shown = held_while_pressed(Signal::derive(reason_missing));
    // One key counts in a row the school's profile rules out: what it did
    // is said under the choice (a walk-through's reviewer pressed 2 on an
    // indicator for pupils with ОВЗ at a school without them, unwarned).
    // A status line, there before it speaks: a key pressed in the choice
    // is heard.
    let counted_in = kept_out.then(|| {
        let said =
            Signal::derive(move || review().is_some_and(|r| r.decision == Some(Decision::NoPoint)));
        view! {
            <p class:notice=said role="status" data-testid="counted-in">
                {move || said.get().then_some(
                    "По ответам школы показатель не входит в её максимум: решение «балл не \
                     засчитан» включает его в максимум с 0 баллов.",
                )}
            </p>
        }
    });
    let hint_id = format!("{group}-comment-hint");
    // A decision merged from a reviewer's file names them until changed
    // here; on a reviewer's side, one from the lead's backup says it is not
    // theirs to send.
    // A memo: the archive changes at every decision, the assignment rarely.
    let reviewing = Memo::new(move |_| dept.archive().with(|a| a.assignment().is_some()));
    let decided_by = move || {
        let r = review()?;
        let text = if !r.by.is_empty() && !r.agreed.is_empty() {
            format!(
                "Решение из файлов проверки: {}, {}",
                r.by,
                r.agreed.join(", ")
            )
        } else if !r.by.is_empty() {
            format!("Решение из файла проверки: {}", r.by)
        } else if r.elsewhere && r.decision.is_some() && reviewing.get() {
            "Решение из резервной копии ведущего: в ваш файл проверки оно не войдёт, пока вы не \
             примете решение сами (согласны — выберите его ещё раз)."
                .to_owned()
        } else {
            return None;
        };
        Some(view! { <p class="muted decided-by" data-testid="decided-by">{text}</p> })
    };
    // Another reviewer's decision waiting against this one: said here, where
    // the school's check is read, and not only on «Проверяющие» (a
    // walk-through's disputed point read as settled).
    let disputed = {
        let (submission, code) = (submission.clone(), code.clone());
        move || {
            let waiting: Vec<String> = dept.archive().with(|a| {
                (a.conflicts.iter())
                    .filter(|c| c.submission_id == submission && c.code == code)
                    .filter_map(|c| {
                        let decision = c.theirs.decision?.label_for(indicator_points);
                        Some(format!("{} — «{decision}»", c.theirs.by))
                    })
                    .collect()
            });
            (!waiting.is_empty()).then(|| view! {
                <p class="notice notice-warning" data-testid="disputed">{format!(
                    "Другое решение ждёт выбора ведущего: {}. Пока оно не выбрано, действует это; \
                     разберите на вкладке «Проверяющие».",
                    waiting.join("; ")
                )}</p>
            })
        }
    };
    view! {
        <li class="review-row" data-code=code.clone() hidden=move || visible.with(|v| v.as_ref().is_some_and(|v| !v.contains(&shown_code)))>
            <p class="indicator-text"><span class="code">{code.clone()}</span>" "{indicator.text.clone()}</p>
            <p class="rule">{indicator.rule_text.clone()}</p>
            <p>
                "Ответ школы: " <strong>{summary}</strong>
                // An indicator without points claims none: nothing to compare.
                {(indicator.points > 0).then(|| view! { " · заявлено: " <strong data-testid="claimed">{claimed.clone()}</strong> })}
            </p>
            // What a row listed as changed since last year changed from.
            {last_year.map(|(period, said)| view! {
                <p class="muted last-year-answer" data-testid="last-year-answer">{format!("В выгрузке школы за {period}: ")}{said}</p>
            })}
            {errors.map(|text| view! { <p class="notice notice-warning on-paper" data-testid="invalid-answer">{text}</p> })}
            {empty}
            {contradicted}
            {differing}
            {copied.then(|| view! {
                <p class="notice on-paper" data-testid="copied-unchecked">
                    "Ответ перенесён из карты прошлого года («Следующий год»), и школа выгрузила файл, \
                     не отметив, что проверила его: возможно, это прошлогодний ответ."
                </p>
            })}
            {no_last_year}
            {list_rows}
            {school_comment.map(|c| view! { <p class="school-comment">"Комментарий школы: " {c}</p> })}
            <ul class="evidence-links">{links}{more_links}</ul>
            {open_all}
            <fieldset class="decision" on:keydown=on_key>
                <legend>{format!("Решение по показателю {code}")}</legend>
                {choices}
            </fieldset>
            {counted_in}
            {decided_by}
            {disputed}
            <p>
                <label for=comment_id.clone()>"Комментарий проверяющего"<span class="visually-hidden">{format!(" (показатель {code})")}</span></label>
                // Whoever writes it should know who reads it; and with a
                // placeholder print can leave out an empty box
                // (`:placeholder-shown`).
                <input type="text" id=comment_id class="review-comment" placeholder="школа прочитает его в письме с рекомендациями"
                    prop:value=comment_value on:input=on_comment on:change=move |_| typed.leave()
                    aria-describedby=hint_id.clone()/>
                // On paper the box's one line cut a long reason at its edge.
                <span class="print-only print-value" data-testid="comment-printed">{comment_value}</span>
            </p>
            <p class="field-error" id=hint_id data-testid="reason-missing">
                {move || reason_shown.get().then_some("Укажите причину: школа прочитает её в письме с рекомендациями.")}
            </p>
        </li>
    }
}
