//! Export for the department: a completeness check, then a signed file
//! that is verified again before it is handed over.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::ProfileFlag;
use profkarta_core::department::school::is_identifier;
use profkarta_core::error::{DownloadRefused, MissingCard, TextError};
use profkarta_core::school::draft::{AnswerField, DifferingTotal, Draft, RowOfNone};
use profkarta_core::school::plan::PlanGap;
use profkarta_core::school::profile::{canonical_period, ProfileField};
use profkarta_core::school::stored::ExportState;
use profkarta_core::text::plural;

use crate::platform::browser::{focus_id, held_while_pressed, now_iso, random_id, year_month};
use crate::school::code_links::{code_links, comma_links, field_href, To};
use crate::school::drafts::Drafts;
use crate::school::profile_form::flag_input_id;
use crate::school::renamed_question::{RenamedQuestion, SAME_SCHOOL};
use crate::school::state::{AssessmentCtx, CardCtx, DraftParts};
use crate::shared::download::{try_offer, JSON};
use crate::shared::key_panel::KeyPanel;
use crate::shared::signing_key::SigningKey;
use profkarta_core::signed::submission::{file_name, open, seal, ExportMeta, Incomplete, Payload};
use profkarta_core::text::quoted;

#[component]
pub fn ExportPanel() -> impl IntoView {
    let CardCtx(card) = expect_context();
    let AssessmentCtx(assessment) = expect_context();
    let ws: Drafts = expect_context();
    let key: SigningKey = expect_context();
    let draft = ws.draft;

    let incomplete = Memo::new(move |_| draft.with(|d| assessment.with(|a| Incomplete::of(d, a))));
    // Read from the profile's own signal: a keystroke in an indicator does
    // not check the profile again.
    let DraftParts { profile, left, .. } = expect_context();
    let profile_problems = Memo::new(move |_| profile.with(|p| p.problems()));
    // Asked, not required (see `cautions`): confirmed like an incomplete card.
    let (year, month) = year_month();
    let cautions = Memo::new(move |_| profile.with(|p| p.cautions(year, month)));
    // Last year's answers copied and not yet read again, in card order.
    let copied = {
        let card = Arc::clone(&card);
        Memo::new(move |_| draft.with(|d| d.unchecked_copies(&card)))
    };
    let without_last_year = Memo::new(move |_| assessment.with(|a| a.without_last_year()));
    let empty_groups = {
        let card = Arc::clone(&card);
        Memo::new(move |_| assessment.with(|a| a.empty_despite_profile(&card)))
    };
    let differing = {
        let card = Arc::clone(&card);
        Memo::new(move |_| draft.with(|d| d.differing_totals(&card)))
    };
    let rows_of_none = {
        let card = Arc::clone(&card);
        Memo::new(move |_| draft.with(|d| d.rows_of_none(&card)))
    };
    let plan_gaps = Memo::new(move |_| draft.with(Draft::plan_gaps));
    // Read from storage when the school's name or year, or the export this
    // draft corrects, changes: not at every keystroke in the card or in
    // the profile's other fields.
    let school_year = Memo::new(move |_| {
        profile.with(|p| (p.name.trim().to_owned(), canonical_period(&p.period)))
    });
    let elsewhere = {
        let card_id = card.id.clone();
        Memo::new(move |_| {
            ws.meta.with(|m| m.replaces.clone());
            school_year.track();
            profile.with_untracked(|p| ws.exported_elsewhere(&card_id, p))
        })
    };
    let contradicted = {
        let card = Arc::clone(&card);
        Memo::new(move |_| draft.with(|d| d.contradicting_profile(&card)))
    };
    // Something to look at before the file goes: confirmed, not required.
    let checklist = Memo::new(move |_| Checklist {
        cautions: cautions.get(),
        incomplete: incomplete.get(),
        copied: copied.get(),
        without_last_year: without_last_year.get(),
        empty_groups: empty_groups.get(),
        contradicted: contradicted.get(),
        differing: differing.get(),
        rows_of_none: rows_of_none.get(),
        plan_gaps: plan_gaps.get(),
        elsewhere: elsewhere.get(),
    });
    let asks = move || checklist.with(|c| !c.is_empty());
    let card_scores = card.has_points();
    // No plan: said, not asked (many a school has nothing to plan), since
    // next year's card compares against the plan, a card without points
    // too (its questions and surveys: a walk-through found it unsaid there).
    let no_plan = Memo::new(move |_| draft.with(|d| d.plan.is_empty()));
    // The confirmation and the outcome are of the draft they were given
    // for: another draft opened (the next year's, say) has neither yet.
    let open_draft = Memo::new(move |_| ws.meta.with(|m| m.id.clone()));
    let confirmed_for = RwSignal::new(None::<String>);
    let confirmed = move || confirmed_for.with(|c| open_draft.with(|o| c.as_ref() == Some(o)));
    let outcome = RwSignal::new(None::<(String, Result<String, String>)>);
    let shown_outcome = move || {
        outcome.with(|o| {
            o.as_ref()
                .filter(|(of, _)| open_draft.with(|open| of == open))
                .map(|(_, r)| r.clone())
        })
    };
    // A draft of a card this browser does not have is shown on another
    // card: signed as that one, its answers would count for nothing.
    // Nor is a draft of a later version than the one shown (the latest
    // here), whose new indicators the page cannot show.
    let missing_card = {
        let (shown, version) = (card.id.clone(), card.version);
        Memo::new(move |_| {
            ws.meta.with(|m| {
                (m.card != shown || m.card_version > version).then(|| MissingCard {
                    what: "Черновик",
                    id: m.card.clone(),
                    version: m.card_version,
                })
            })
        })
    };
    // The school's name changed since the export this draft corrects: the
    // department would take the file for the school renamed, in place of
    // that export; a second school's card made from this draft is not.
    let renamed = Memo::new(move |_| {
        school_year.track();
        // An ИНН typed or erased decides whether it is asked (a review).
        profile.with(|p| is_identifier(&p.identifier));
        ws.meta
            .with(|m| draft.with_untracked(|d| m.renamed_since_export(d)))
    });
    // Whether it is the same school, for the open draft and the name as
    // typed when answered: typed otherwise, it is asked again.
    let same_school = RwSignal::new(None::<(String, String, bool)>);
    let answered = move || {
        let name = school_year.with(|(name, _)| name.clone());
        same_school.with(|s| {
            (s.as_ref())
                .filter(|(of, typed, _)| open_draft.with(|o| of == o) && *typed == name)
                .map(|(_, _, same)| *same)
        })
    };
    let unanswered = move || renamed.with(Option::is_some) && answered().is_none();
    let blocked = move || {
        missing_card.with(Option::is_some)
            || profile_problems.with(|p| !p.is_empty())
            || (asks() && !confirmed())
            || unanswered()
    };

    // The button stays in Tab's way while it cannot export: pressed, it
    // takes the keyboard to what holds it back.
    let export = move |_| {
        if let Some(first) = profile_problems.with_untracked(|p| p.first().map(|(f, _)| f.key())) {
            // Marked as left: the field the keyboard arrives at says what
            // is wrong with it, and so do the others the list names.
            let named: Vec<ProfileField> =
                profile_problems.with_untracked(|p| p.iter().map(|(f, _)| *f).collect());
            left.update(|l| {
                for f in named {
                    if !l.contains(&f) {
                        l.push(f);
                    }
                }
            });
            focus_id(&format!("profile-{first}"));
            return;
        }
        if asks() && !confirmed() {
            focus_id(EXPORT_ANYWAY);
            return;
        }
        if unanswered() {
            focus_id(SAME_SCHOOL);
            return;
        }
        if missing_card.with_untracked(Option::is_some) {
            return;
        }
        let Some(signer) = key.signer() else {
            return;
        };
        let payload = draft.with_untracked(|d| {
            assessment.with_untracked(|a| {
                let meta = ExportMeta {
                    submission_id: random_id(),
                    created_at: now_iso(),
                    // Another school's file corrects nothing.
                    replaces: (ws.meta.with_untracked(|m| m.replaces_now(d)))
                        .filter(|_| answered() != Some(false)),
                };
                Payload::new(&card, d, a, meta)
            })
        });
        let text = seal(&payload, &signer);
        // Read back what was produced: a file that does not verify is never handed over.
        let verified =
            open(&text).is_ok_and(|o| o.payload == payload && o.public_key == signer.public_key());
        let name = file_name(&payload.profile, &card.id);
        let result = if !verified {
            Err("Выгрузка не прошла проверку подписи, файл не выдан. Обновите страницу и повторите.".to_owned())
        } else if try_offer(&name, text.as_bytes(), JSON).is_err() {
            Err(format!("Файл «{name}» не выгружен: {DownloadRefused}"))
        } else {
            ws.exported(payload.submission_id.clone(), signer.fingerprint());
            // A card without points has no total to repeat.
            let total = if card.has_points() {
                let max = payload.score.max_applicable;
                let word = plural(max.into(), "балла", "баллов", "баллов");
                format!(" Итог: {} из {max} {word}.", payload.score.total)
            } else {
                String::new()
            };
            // Where the file went and what to do with it: a walk-through's
            // deputy head was told neither.
            Ok(format!(
                "Файл «{name}» выгружен, подпись проверена (ключ {}).{total} Браузер сохранил его \
                 туда же, куда сохраняет все скачанные файлы (обычно это папка «Загрузки»): \
                 отправьте этот файл в отдел образования.",
                signer.fingerprint(),
            ))
        };
        outcome.set(Some((open_draft.get_untracked(), result)));
    };

    // Each code links to its indicator, or straight to the field to fill
    // or to fix: following the link focuses it.
    let code_links = move |codes: Vec<String>, to: To| code_links(assessment, codes, to);
    // The list as it stands, shown as it stood while a press is on: a row
    // left by a click on «Выгрузить всё равно» is judged then, and a line
    // it adds above the box moved the box from under the pointer (the
    // click was lost).
    let shown = held_while_pressed(checklist.into());
    // A line of the list when it has codes.
    let line = move |title: &'static str,
                     testid: &'static str,
                     codes: fn(&Checklist) -> &Vec<String>,
                     to: To| {
        move || {
            let codes = shown.with(|c| codes(c).clone());
            (!codes.is_empty()).then(|| {
                view! {
                    <li data-testid=testid>{title}" " {code_links(codes, to)}</li>
                }
            })
        }
    };
    // The plan's measures by number, each linked to its first empty field.
    let plan_line = move || {
        let gaps = shown.with(|c| c.plan_gaps.clone());
        (!gaps.is_empty()).then(|| {
            let links = (gaps.into_iter())
                .map(|(i, gap)| ((i + 1).to_string(), format!("#plan-{i}-{}", gap.key())))
                .collect();
            view! {
                <li data-testid="export-plan-gaps">"Мероприятия плана без названия, срока или ответственного: " {comma_links(links)}</li>
            }
        })
    };
    // A list's rows with nobody in them, each linked to its 0.
    let none_line = move || {
        let rows = shown.with(|c| c.rows_of_none.clone());
        (!rows.is_empty()).then(|| {
            let links = (rows.into_iter())
                .map(|r| {
                    let cell = AnswerField::Cell {
                        row: r.row,
                        column: r.column,
                    };
                    (format!("{} {}", r.code, quoted(&r.name)), field_href(&r.code, cell))
                })
                .collect();
            view! {
                <li data-testid="export-rows-of-none">"Строки с 0 участников (такая строка всё равно считается в списке): " {comma_links(links)}</li>
            }
        })
    };
    // A profile question answered «нет» beside such pupils typed in a
    // list: the question linked to its box, the list to its row.
    let contradiction_lines = move || {
        shown
            .with(|c| c.contradicted.clone())
            .into_iter()
            .map(|(code, flag)| {
                let question = flag.question().to_owned();
                view! {
                    <li data-testid="export-contradiction">
                        "В сведениях об ОО на вопрос "
                        <a href=format!("#{}", flag_input_id(&flag))>"«"{question}"»"</a>
                        " ответ «нет», а в показателе "
                        {code_links(vec![code], To::Row)}
                        " такие обучающиеся указаны: исправьте одно из двух"
                    </li>
                }
            })
            .collect_view()
    };

    // The export this draft corrects was signed by another key than this
    // browser's (another computer, or a key lost): the department holds the
    // new file until it accepts the key. Said before the export, not found
    // out there (a walk-through's school learned it from the department).
    let other_key = move || {
        let before = ws.meta.with(|m| m.exported_key.clone())?;
        let ours = key.fingerprint();
        if ours.as_ref() == Some(&before) {
            return None;
        }
        let signs = match ours {
            Some(ours) => format!("ключом этого браузера {ours}"),
            None => "новым ключом, который браузер создаст при выгрузке".to_owned(),
        };
        Some(format!(
            "Прежняя выгрузка подписана ключом {before}, а новая будет подписана {signs}. Отдел \
             примет её после решения о новом ключе. Если ключ школы сохранён в файле, \
             восстановите его ниже («Восстановить ключ из файла…») до выгрузки."
        ))
    };
    // One group typed with two numbers: each number linked to its box.
    let differing_lines = move || {
        (shown.with(|c| c.differing.clone()).into_iter())
            .map(|group| {
                let codes = group.typed.iter().map(|(code, _)| code.clone()).collect();
                view! {
                    <li data-testid="export-differing">
                        {format!(
                            "Общее число {} указано по-разному ({}), а группа одна: исправьте неверное в ",
                            quoted(&group.label),
                            group.numbers()
                        )}
                        {code_links(codes, To::Field(AnswerField::Denominator))}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="export" id="export" aria-labelledby="export-title" tabindex="-1">
            <h2 id="export-title">"Выгрузка для отдела образования"</h2>
            <p class="hint">
                "Файл карты (.json) с подписью школы: его отправляют в отдел образования, а отдел проверит, что после выгрузки "
                "в нём ничего не менялось. Чтобы исправить выгрузку, откройте её через «Открыть файл…» "
                "и выгрузите снова — новый файл заменит прежний."
            </p>
            {move || other_key().map(|text| view! {
                <p class="notice" data-testid="export-other-key">{text}</p>
            })}
            <Show when=move || no_plan.get()>
                <p class="hint" data-testid="export-no-plan">
                    "План мероприятий пуст. Если школа что-то наметила по итогам этой карты, "
                    <a href="#plan-title">"добавьте мероприятия в план"</a>
                    " до выгрузки: через год карта покажет, улучшились ли показатели, на которые они направлены."
                </p>
            </Show>
            {move || missing_card.get().map(|card| view! {
                <p class="notice notice-warning" data-testid="export-missing-card">{format!("Выгрузка невозможна. {card}")}</p>
            })}
            {move || {
                let problems = profile_problems.get();
                (!problems.is_empty()).then(|| view! {
                    <div class="notice notice-warning" data-testid="export-profile-problems">
                        <p>"Перед выгрузкой заполните сведения об ОО:"</p>
                        <ul>
                            {problems.into_iter().map(|(f, e)| view! {
                                <li><a href=format!("#profile-{}", f.key())>{f.label()}</a>": "{e.to_string()}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <Show when=asks>
                <div class="notice" data-testid="export-incomplete">
                    <p>"Перед выгрузкой проверьте:"</p>
                    <ul>
                        {move || shown.with(|c| c.elsewhere.clone()).map(|title| view! {
                            <li data-testid="export-elsewhere">{format!(
                                "Карта этой школы за {} учебный год уже выгружена из черновика {}: новый файл \
                                 заменит её в отделе образования. Если год указан по ошибке, исправьте ",
                                // As the draft it clashes with names it
                                // («2025-26» is 2025/2026 there).
                                profile.with(|p| canonical_period(&p.period).unwrap_or_else(|| p.period.trim().to_owned())),
                                quoted(&title)
                            )}<a href=format!("#profile-{}", ProfileField::Period.key())>"учебный год"</a>"."</li>
                        })}
                        {move || shown.with(|c| c.cautions.clone()).into_iter().map(|(f, e)| view! {
                            <li data-testid="export-caution"><a href=format!("#profile-{}", f.key())>{f.label()}</a>": "{e.to_string()}</li>
                        }).collect_view()}
                        {line("Не заполнены:", "incomplete-unanswered", |c| &c.incomplete.unanswered, To::Row)}
                        {line("С ошибками (не учитываются):", "incomplete-invalid", |c| &c.incomplete.invalid, To::FirstError)}
                        {line("Баллы без ссылок на подтверждение:", "incomplete-evidence", |c| &c.incomplete.without_evidence, To::Field(AnswerField::Evidence))}
                        {line("Перенесены из карты прошлого года и не проверены:", "export-copied", |c| &c.copied, To::Row)}
                        {line("Нет данных за прошлый год (без них показатель не входит в максимум):", "export-no-last-year", |c| &c.without_last_year, To::Field(AnswerField::PrevNumerator))}
                        {line("Общее число 0, хотя по профилю школы показатель к ней относится (с нулём он не учитывается):", "export-empty-group", |c| &c.empty_groups, To::Field(AnswerField::Denominator))}
                        {contradiction_lines}
                        {differing_lines}
                        {none_line}
                        {plan_line}
                    </ul>
                    <label class="choice">
                        <input
                            type="checkbox"
                            id=EXPORT_ANYWAY
                            prop:checked=confirmed
                            on:change=move |ev| {
                                let yes = event_target_checked(&ev);
                                confirmed_for.set(yes.then(|| open_draft.get_untracked()));
                            }
                        />
                        {move || if incomplete.with(|i| i.is_empty()) && !copied.with(Vec::is_empty) {
                            "Выгрузить всё равно (в файле будет отмечено, какие ответы перенесены из прошлого года и не проверены)"
                        } else if incomplete.with(|i| i.is_empty()) {
                            "Выгрузить всё равно"
                        } else if incomplete.with(|i| i.unanswered.is_empty() && i.invalid.is_empty()) {
                            "Выгрузить всё равно (в файле будет отмечено, какие баллы без ссылок на подтверждение)"
                        } else {
                            if card_scores {
                                "Выгрузить всё равно (в файле будет отмечено, что заполнено не всё; показатели с ошибками и незаполненные баллов не получают)"
                            } else {
                                "Выгрузить всё равно (в файле будет отмечено, что заполнено не всё; показатели с ошибками и незаполненные в сводку не войдут)"
                            }
                        }}
                    </label>
                </div>
            </Show>
            {move || renamed.get().map(|was| view! { <RenamedQuestion was same_school answered=Signal::derive(answered) open_draft/> })}
            <Show when=move || ws.export_state.get() == ExportState::OtherYear>
                <p class="notice" role="status" data-testid="export-other-year">
                    {move || format!(
                        "Файл, выгруженный из этого черновика, — за {} учебный год. Теперь в карте другой год: \
                         новая выгрузка станет отдельным файлом, а прежний останется в отделе образования.",
                        ws.meta.with(|m| m.exported_period.clone().unwrap_or_default())
                    )}
                </p>
            </Show>
            // Renamed, the question says what becomes of the file there.
            <Show when=move || ws.export_state.get() == ExportState::Changed && renamed.with(Option::is_none)>
                <p class="notice notice-warning" role="status" data-testid="export-stale">
                    "После выгрузки в карте есть изменения: в отделе образования — прежний файл. "
                    "Выгрузите карту заново, новый файл заменит прежний."
                </p>
            </Show>
            <button type="button" class="primary" aria-disabled=move || blocked().to_string() on:click=export
                data-testid="export-button" aria-describedby="export-blocked">
                "Выгрузить подписанный файл"
            </button>
            // The profile's list stands above the card's cautions: ticking
            // «Выгрузить всё равно» left the button grey without a word
            // beside it.
            <p class="hint" id="export-blocked" data-testid="export-blocked">
                {move || if missing_card.with(Option::is_some) {
                    None
                } else if profile_problems.with(|p| !p.is_empty()) {
                    Some("Выгрузка станет возможна, когда сведения об ОО будут заполнены верно (список — выше). Пока кнопка ведёт к первому из этих полей.")
                } else if asks() && !confirmed() {
                    Some("Выгрузка станет возможна, когда вы исправите названное выше или отметите «Выгрузить всё равно». Пока кнопка ведёт к этой отметке.")
                } else if unanswered() {
                    Some("Выгрузка станет возможна, когда вы ответите, та же ли это школа (выше). Пока кнопка ведёт к этому вопросу.")
                } else {
                    None
                }}
            </p>
            // The file given: in a live region there before it (a status
            // line inserted with its text already in it is not read out).
            // Not given: an alert, outside it, or it was read twice.
            <div aria-live="polite">
                // Changed since: the earlier file is not the one to send,
                // and its total is no longer the card's (a walk-through
                // found «отправьте этот файл» under «выгрузите заново»).
                {move || shown_outcome().and_then(Result::ok).filter(|_| ws.export_state.get() != ExportState::Changed).map(|text| view! {
                    <p class="notice notice-ok" data-testid="export-result">{text}</p>
                })}
            </div>
            {move || shown_outcome().and_then(Result::err).map(|text| view! {
                <p class="notice notice-warning" role="alert" data-testid="export-result">{text}</p>
            })}
            <KeyPanel/>
        </section>
    }
}

/// What the list before the export names, one snapshot of it.
#[derive(Clone, PartialEq)]
struct Checklist {
    cautions: Vec<(ProfileField, TextError)>,
    incomplete: Incomplete,
    copied: Vec<String>,
    without_last_year: Vec<String>,
    empty_groups: Vec<String>,
    contradicted: Vec<(String, ProfileFlag)>,
    differing: Vec<DifferingTotal>,
    rows_of_none: Vec<RowOfNone>,
    plan_gaps: Vec<(usize, PlanGap)>,
    elsewhere: Option<String>,
}

impl Checklist {
    /// Nothing to look at before the file goes.
    fn is_empty(&self) -> bool {
        self.cautions.is_empty()
            && self.incomplete.is_empty()
            && self.copied.is_empty()
            && self.without_last_year.is_empty()
            && self.empty_groups.is_empty()
            && self.contradicted.is_empty()
            && self.differing.is_empty()
            && self.rows_of_none.is_empty()
            && self.plan_gaps.is_empty()
            && self.elsewhere.is_none()
    }
}

/// The box that lets a file go with what the school was asked to check.
const EXPORT_ANYWAY: &str = "export-anyway";
