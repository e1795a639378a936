//! The editor of one draft card: undo and redo, the problems that block
//! publishing, the card's own fields, its groups, criteria and indicators,
//! a preview as the school sees it, and publishing.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::edit::{add_criterion, add_direction, shift};
use profkarta_core::card::versions::{change_lines, comparable_line};
use profkarta_core::card::Card;
use profkarta_core::department::own_cards::OwnCard;
use profkarta_core::error::{PublishError, TemplateError};
use profkarta_core::text::plural;

use crate::department::department_name::DepartmentName;
use crate::department::editor::card_fields::CardFields;
use crate::department::editor::card_preview::CardPreview;
use crate::department::editor::criterion_editor::{add_criterion_id, CriterionEditor};
use crate::department::editor::edit_text::EditText;
use crate::department::editor::{Editor, Getter, Setter};
use crate::department::state::{Dept, EDITOR_TITLE};
use crate::platform::browser::{confirm, focus_after_removal, focus_after_shift};
use crate::shared::notices::{Notices, Topic};
use crate::shared::signing_key::SigningKey;

/// The card's structure: per group, per criterion, each indicator's id and
/// kind. The editor is drawn anew when it changes, never while typing.
type Shape = Vec<Vec<Vec<(String, &'static str)>>>;

fn shape(card: &Card) -> Shape {
    card.directions
        .iter()
        .map(|d| {
            d.criteria
                .iter()
                .map(|k| {
                    k.indicators
                        .iter()
                        .map(|i| (i.id.clone(), i.rule.kind()))
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn direction_title(d: usize) -> (Getter, Setter) {
    (
        std::sync::Arc::new(move |c: &Card| c.directions.get(d).map(|x| x.title.clone())),
        std::sync::Arc::new(move |c: &mut Card, v: String| {
            if let Some(x) = c.directions.get_mut(d) {
                x.title = v;
            }
        }),
    )
}

/// «Проверьте текст правила начисления: …» for [`Editor::rule_text_doubts`].
fn doubt_text(codes: &[String]) -> Option<String> {
    let whose = match codes.len() {
        0 => return None,
        1 => "показателя",
        _ => "показателей",
    };
    Some(format!(
        "Проверьте текст «Правило начисления, как в приказе» у {whose} {}: похоже, он говорит \
         о баллах иначе, чем показатель их начисляет (например, «без баллов» у показателя с баллами).",
        codes.join(", ")
    ))
}

/// What [`changed_text`] says of [`Editor::changed_rule_texts`]: its target,
/// points or kind (after a kind changed, «цель или баллы» named what had
/// not).
const RULE_CHANGED: &str = "правило начисления изменилось (цель, баллы или вид) — проверьте \
                            текст «Правило начисления, как в приказе».";
/// What [`changed_text`] says of [`Editor::changed_recommendations`].
const ADVICE_CHANGED: &str = "цель или баллы изменились, а рекомендация школе (для писем) \
                              называет прежнее значение — проверьте её.";

/// «Показатель 1.1: правило начисления изменилось — …», or nothing.
fn changed_text(codes: &[String], said: &str) -> Option<String> {
    let which = match codes.len() {
        0 => return None,
        1 => "Показатель",
        _ => "Показатели",
    };
    Some(format!("{which} {}: {said}", codes.join(", ")))
}

/// «Критерий 6 без показателей: …» for [`Editor::empty_criteria`].
fn empty_text(codes: &[String]) -> Option<String> {
    let which = match codes.len() {
        0 => return None,
        1 => format!("Критерий {} без показателей", codes[0]),
        _ => format!("Критерии {} без показателей", codes.join(", ")),
    };
    Some(format!(
        "{which}: школы увидят раздел пустым («Показатели этого раздела в карте пока не \
         заданы»). Добавьте показатель или удалите критерий, если он не нужен."
    ))
}

/// «Код показателя 7.5 (в критерии 6) начинается с кода другого критерия:
/// проверьте его.», or nothing.
fn elsewhere_text(codes: &[(String, String)]) -> Option<String> {
    let named: Vec<String> = (codes.iter())
        .map(|(code, criterion)| format!("{code} (в критерии {criterion})"))
        .collect();
    match named.as_slice() {
        [] => None,
        [one] => Some(format!(
            "Код показателя {one} начинается с кода другого критерия: проверьте его."
        )),
        many => Some(format!(
            "Коды показателей начинаются с кода другого критерия: {}. Проверьте их.",
            many.join(", ")
        )),
    }
}

/// What [`stale_text`] asks to check, and how it stayed behind.
type Stale = (&'static str, &'static str);
const RULE_TEXT: Stale = (
    "текст «Правило начисления, как в приказе»",
    "а текст остался прежним",
);
const RECOMMENDATION: Stale = (
    "рекомендацию школе (для писем)",
    "а рекомендация осталась прежней и называет прежнее значение",
);

/// «Проверьте текст правила начисления: …» for [`Editor::stale_rule_texts`]
/// and [`Editor::stale_recommendations`].
fn stale_text((what, how): Stale, (version, codes): &(u32, Vec<String>)) -> String {
    let whose = if codes.len() == 1 {
        "показателя"
    } else {
        "показателей"
    };
    format!(
        "Проверьте {what} у {whose} {}: цель или баллы изменились по сравнению с версией \
         {version}, {how}.",
        codes.join(", ")
    )
}

/// The most changes the question before publishing lists; the rest are
/// counted, and listed whole under «Изменения» in the list of cards.
const CHANGES_ASKED: usize = 12;

/// What publishing `now` changes against `before`, as the question before
/// publishing lists it: the version cannot be changed after, and the
/// changes decide which indicators the years still compare.
fn changes_asked(before: &Card, now: &Card) -> String {
    let lines = change_lines(before, now);
    if lines.is_empty() {
        return format!(
            "По сравнению с версией {} ничего не изменено.\n\n",
            before.version
        );
    }
    let mut text = format!("Изменения по сравнению с версией {}:\n", before.version);
    for line in lines.iter().take(CHANGES_ASKED) {
        text.push_str(&format!("— {line}\n"));
    }
    if lines.len() > CHANGES_ASKED {
        text.push_str(&format!(
            "… и ещё {} (весь список — «Изменения» в списке карт).\n",
            lines.len() - CHANGES_ASKED
        ));
    }
    text.push_str(&comparable_line(before, now));
    text.push_str("\n\n");
    text
}

/// The question before closing a draft with `n` fields whose values are
/// not in the card: closing takes them away.
fn unread_question(n: usize) -> String {
    if n == 1 {
        return "Значение одного поля не записано в карту (почему — сказано под полем). Закрыть \
                черновик? В карте останется прежнее значение этого поля."
            .to_owned();
    }
    format!(
        "Значения {n} {} не записаны в карту (почему — сказано под полями). Закрыть черновик? \
         В карте останутся прежние значения этих полей.",
        plural(n as u64, "поля", "полей", "полей")
    )
}

/// Problems that are not about one indicator: shown above the card.
fn is_general(problem: &TemplateError) -> bool {
    !matches!(
        problem,
        TemplateError::Indicator { .. } | TemplateError::Threshold { .. }
    )
}

/// «Добавить направление»: where the focus goes when the last direction is
/// removed.
const ADD_DIRECTION: &str = "ed-add-direction";

#[component]
pub fn CardEditor(index: usize, own: OwnCard) -> impl IntoView {
    let dept: Dept = expect_context();
    let notices: Notices = expect_context();
    let key: SigningKey = expect_context();
    let editor = Editor::new(dept, index, own);
    provide_context(editor);
    let shape = Memo::new(move |_| editor.card.with(shape));
    let preview = RwSignal::new(false);
    let unnamed = Memo::new(move |_| dept.department_name().trim().is_empty());
    let general = Memo::new(move |_| {
        let mut found = editor.problems.with(|all| {
            all.iter()
                .filter(|p| is_general(p))
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        });
        if unnamed.get() {
            found.push(PublishError::NoDepartment.to_string());
        }
        found
    });
    // What blocks publishing: the card's problems, fields whose text could
    // not be read, and a department without a name.
    let count = move || {
        editor.problems.with(Vec::len)
            + editor.unread.with(BTreeSet::len)
            + usize::from(unnamed.get())
    };
    let publish = move |_: leptos::ev::MouseEvent| {
        editor.write();
        // Publishing signs the version and freezes it for good.
        let (title, version) = editor.card.with_untracked(|c| (c.title.clone(), c.version));
        let stale = [
            (editor.stale_rule_texts, RULE_TEXT),
            (editor.stale_recommendations, RECOMMENDATION),
        ]
        .into_iter()
        .filter_map(|(memo, what)| memo.with_untracked(|s| s.as_ref().map(|s| stale_text(what, s))))
        .chain(
            [
                (editor.changed_rule_texts, RULE_CHANGED),
                (editor.changed_recommendations, ADVICE_CHANGED),
            ]
            .into_iter()
            .filter_map(|(memo, said)| memo.with_untracked(|c| changed_text(c, said))),
        )
        .chain(editor.rule_text_doubts.with_untracked(|d| doubt_text(d)))
        .chain(editor.empty_criteria.with_untracked(|c| empty_text(c)))
        .map(|text| format!("{text}\n\n"))
        .collect::<String>();
        let changed = editor.previous.with_value(|before| {
            before.as_ref().map_or_else(String::new, |before| {
                editor.card.with_untracked(|now| changes_asked(before, now))
            })
        });
        if !confirm(&format!(
            "{stale}{changed}Опубликовать карту «{title}», версия {version}? Опубликованная версия \
             больше не меняется: исправления пойдут в следующую версию."
        )) {
            return;
        }
        // The first publication makes the department's key: without a
        // copy of it, a lost browser would sign the next version with a
        // key the schools do not know.
        let first_key = !key.exists();
        let Some(signer) = key.signer() else {
            return;
        };
        match dept.publish(index, &signer) {
            Ok(()) => {
                // One such notice at a time: the folder carries every
                // published version, and downloading it withdraws it.
                notices.push_about(
                    Topic::Unpublished,
                    format!(
                        "Карта «{title}», версия {version}, опубликована и подписана ключом отдела. \
                         Скачайте папку для сайта, чтобы школы её получили.{}",
                        if first_key {
                            " Ключ отдела создан сейчас: сохраните его копию («Скачать файл ключа» \
                             в разделе «Ключ подписи отдела образования» ниже), чтобы следующие \
                             версии были подписаны тем же ключом."
                        } else {
                            ""
                        }
                    ),
                );
                dept.close_editor();
            }
            Err(e) => notices.push(e.to_string(), None),
        }
    };
    // Text that does not read is in no card: closing loses it, so it asks.
    let close = move |_| {
        let unread = editor.unread.with_untracked(BTreeSet::len);
        if unread > 0 && !confirm(&unread_question(unread)) {
            return;
        }
        editor.write();
        dept.close_editor();
    };
    let structure = move || {
        shape.with(|groups| {
            let group_count = groups.len();
            groups
                .iter()
                .enumerate()
                .map(|(d, criteria)| {
                    let criterion_count = criteria.len();
                    let criteria = criteria
                        .iter()
                        .enumerate()
                        .map(|(c, indicators)| {
                            let kinds = indicators.iter().map(|(_, k)| *k).collect::<Vec<_>>();
                            view! { <CriterionEditor direction=d criterion=c kinds siblings=criterion_count/> }
                        })
                        .collect_view();
                    let add = move |_| editor.change("add-criterion", move |c| add_criterion(c, d));
                    // As a criterion's: the focus follows the direction moved,
                    // or goes to the one now in the removed one's place.
                    let slot = |at: usize, what: &str| format!("ed-{at}-{what}");
                    let (first, last) = (d == 0, d + 1 >= group_count);
                    let shift_by = move |up: bool| {
                        move |_| {
                            if (up && first) || (!up && last) {
                                return;
                            }
                            editor.change(if up { "up" } else { "down" }, move |c| shift(c, d, None, None, up));
                            focus_after_shift(d, up, slot);
                        }
                    };
                    let delete = move |_| {
                        editor.remove(d, None, None);
                        focus_after_removal(d, group_count - 1, |at| slot(at, "title"), ADD_DIRECTION);
                    };
                    view! {
                        <section class="editor-direction">
                            <EditText id=format!("ed-{d}-title") label="Направление (группа показателей)" field=direction_title(d) required=true/>
                            {criteria}
                            <div class="row-actions">
                                <button type="button" id=add_criterion_id(d) aria-label=format!("Добавить критерий в направление {}", d + 1) on:click=add>"Добавить критерий"</button>
                                <button type="button" id=slot(d, "up") aria-disabled=first.to_string()
                                    aria-label=format!("Направление выше (направление {})", d + 1) on:click=shift_by(true)>"Направление выше"</button>
                                <button type="button" id=slot(d, "down") aria-disabled=last.to_string()
                                    aria-label=format!("Направление ниже (направление {})", d + 1) on:click=shift_by(false)>"Направление ниже"</button>
                                <button type="button" class="danger" aria-label=format!("Удалить направление {}", d + 1)
                                    on:click=delete>"Удалить направление"</button>
                            </div>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    let add_group = move |_| editor.change("add-direction", add_direction);
    // Ctrl+Z and Ctrl+Y (or Ctrl+Shift+Z) in the toolbar and the card's
    // fields: the toolbar's «Отменить» and «Вернуть», a screen above a
    // removal made far down the card (a walk-through counted 119
    // Shift+Tab). In a text box typed into since it took the focus, the
    // browser's own undo of its text stays; in one not yet typed into
    // (where a removal leaves the focus) it has nothing of its own to undo.
    // Not in the preview, nor in the department's name: neither is the
    // card's history.
    let typed = StoredValue::new(false);
    let on_focus = move |_| typed.set_value(false);
    let on_input = move |_| typed.set_value(true);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let own_undo = typed.get_value() && is_text_box(ev.target());
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || own_undo {
            return;
        }
        match (ev.key().to_lowercase().as_str(), ev.shift_key()) {
            ("z" | "я", false) => editor.undo(),
            ("z" | "я", true) | ("y" | "н", false) => editor.redo(),
            _ => return,
        }
        ev.prevent_default();
    };
    view! {
        <section class="panel card-editor" aria-labelledby=EDITOR_TITLE data-testid="card-editor">
            <h2 id=EDITOR_TITLE tabindex="-1">{move || editor.card.with(|c| match c.title.trim() {
                "" => format!("Черновик карты {}, версия {}", c.id, c.version),
                title => format!("Черновик карты «{title}» ({}), версия {}", c.id, c.version),
            })}</h2>
            <div class="actions editor-toolbar" on:keydown=on_key>
                // Said unavailable, not disabled: a disabled button would
                // drop the focus of the keyboard that just pressed it.
                <button type="button" aria-disabled=move || (!editor.can_undo.get() && editor.unread.with(BTreeSet::is_empty)).to_string() on:click=move |_| editor.undo()>"Отменить"</button>
                <button type="button" aria-disabled=move || (!editor.can_redo.get()).to_string() on:click=move |_| editor.redo()>"Вернуть"</button>
                <button type="button" aria-pressed=move || preview.get().to_string() on:click=move |_| preview.update(|p| *p = !*p)>
                    {move || if preview.get() { "Вернуться к редактированию" } else { "Предпросмотр как у школы" }}
                </button>
                <button type="button" class="primary" disabled=move || { count() > 0 } on:click=publish>"Опубликовать"</button>
                <button type="button" on:click=close>"Закрыть"</button>
                <Show when=move || !editor.removed.with(String::is_empty)>
                    <p class="toolbar-notice" role="status" data-testid="editor-removed">{move || editor.removed.get()}</p>
                </Show>
                // What a move or another kind meant, in the panel that stays
                // in sight: both are made far down the card, and above it
                // the notice stood a screen away (a walk-through).
                <Show when=move || !editor.notice.with(String::is_empty)>
                    <p class="toolbar-notice" role="status" data-testid="editor-notice">{move || editor.notice.get()}</p>
                </Show>
            </div>
            <p class="hint" data-testid="editor-status">{move || match count() {
                0 => "Ошибок нет: карту можно опубликовать. Изменения сохраняются сами.".to_owned(),
                n => format!("Ошибок: {n}. Пока они есть, карту нельзя опубликовать; ошибки показателей названы под ними, остальные — в списке ниже. Изменения сохраняются сами."),
            }}</p>
            {move || editor.changed_rule_texts.with(|codes| changed_text(codes, RULE_CHANGED)).map(|text| view! {
                <p class="notice" role="status" data-testid="changed-rule-texts">{text}</p>
            })}
            {move || editor.changed_recommendations.with(|codes| changed_text(codes, ADVICE_CHANGED)).map(|text| view! {
                <p class="notice" role="status" data-testid="changed-recommendations">{text}</p>
            })}
            {move || editor.stale_rule_texts.with(|s| s.as_ref().map(|s| view! {
                <p class="notice notice-warning" data-testid="stale-rule-texts">{stale_text(RULE_TEXT, s)}</p>
            }))}
            {move || editor.stale_recommendations.with(|s| s.as_ref().map(|s| view! {
                <p class="notice notice-warning" data-testid="stale-recommendations">{stale_text(RECOMMENDATION, s)}</p>
            }))}
            {move || editor.without_recommendation.with(|codes| (!codes.is_empty()).then(|| view! {
                <p class="notice" data-testid="without-recommendation">{format!(
                    "Без рекомендации школе (для писем): {}. Школе, не выполнившей такой показатель, \
                     письмо предложит только общую фразу по правилу начисления.",
                    codes.join(", ")
                )}</p>
            }))}
            {move || editor.codes_elsewhere.with(|c| elsewhere_text(c)).map(|text| view! {
                <p class="notice" data-testid="codes-elsewhere">{text}</p>
            })}
            {move || editor.empty_criteria.with(|c| empty_text(c)).map(|text| view! {
                <p class="notice notice-warning" data-testid="empty-criteria">{text}</p>
            })}
            {move || editor.rule_text_doubts.with(|d| doubt_text(d)).map(|text| view! {
                <p class="notice notice-warning" data-testid="rule-text-doubts">{text}</p>
            })}
            <ul class="editor-problems" data-testid="editor-problems">
                {move || general.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <DepartmentName/>
            <Show
                when=move || preview.get()
                fallback=move || view! {
                    <div on:keydown=on_key on:focusin=on_focus on:input=on_input>
                        <CardFields/>
                        {structure}
                        <button type="button" id=ADD_DIRECTION on:click=add_group>"Добавить направление"</button>
                    </div>
                }
            >
                <CardPreview card=Arc::new(editor.card.get_untracked())/>
            </Show>
        </section>
    }
}

/// Whether `target` is a box of text, which has an undo of its own.
fn is_text_box(target: Option<web_sys::EventTarget>) -> bool {
    use leptos::wasm_bindgen::JsCast;
    target.is_some_and(|t| {
        t.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
            || t.dyn_ref::<web_sys::HtmlInputElement>()
                .is_some_and(|i| matches!(i.type_().as_str(), "text" | "search" | "number"))
    })
}
