//! One indicator in the editor: its code and wording, kind, points, rule,
//! whom it applies to, how it is calculated, the advice for letters, and
//! the problems the validator finds in it. Reordered with buttons, so the
//! keyboard does what a mouse does.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::edit::{change_kind, move_to, shift, suggested_rule_text, Place, KINDS};
use profkarta_core::card::versions::{comparability, Comparability};
use profkarta_core::card::Card;
use profkarta_core::error::{TemplateError, POINTS};

use crate::department::editor::applies_fields::AppliesFields;
use crate::department::editor::edit_number::EditNumber;
use crate::department::editor::edit_text::EditText;
use crate::department::editor::explain_fields::ExplainFields;
use crate::department::editor::rule_fields::RuleFields;
use crate::department::editor::{indicator, indicator_mut, indicator_text, Editor};
use crate::platform::browser::{
    focus_after_removal, focus_after_shift, focus_when_drawn, refocus_if_lost,
};

/// Whether a problem of the card is about the indicator `code`.
fn is_about(problem: &TemplateError, code: &str) -> bool {
    match problem {
        TemplateError::Indicator { indicator, .. } | TemplateError::Threshold { indicator, .. } => {
            indicator == code
        }
        TemplateError::DuplicateCode { code: c } => c == code,
        _ => false,
    }
}

#[component]
pub fn IndicatorEditor(
    place: Place,
    kind: &'static str,
    /// How many indicators its criterion has, for the move buttons.
    siblings: usize,
) -> impl IntoView {
    let editor: Editor = expect_context();
    let slug = format!(
        "ed-{}-{}-{}",
        place.direction, place.criterion, place.indicator
    );
    let code = Memo::new(move |_| {
        editor.card.with(|c| {
            indicator(c, place)
                .map(|i| i.code.clone())
                .unwrap_or_default()
        })
    });
    let problems = Memo::new(move |_| {
        let code = code.get();
        editor.problems.with(|all| {
            all.iter()
                .filter(|p| is_about(p, &code))
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        })
    });
    // The department's own words for a rule whose target or points changed
    // since they were written, said at the field with the text the rule now
    // gives: the notice at the top of the editor is far from a row lower
    // down, and a helper published «не менее 30%» beside a 40 % threshold.
    // The same for a recommendation that names the old target: it cannot
    // be rewritten for the department, only pointed at.
    let behind = move |changed: Memo<Vec<String>>, stale: Memo<Option<(u32, Vec<String>)>>| {
        Memo::new(move |_| {
            let code = code.get();
            let behind = changed.with(|codes| codes.contains(&code))
                || stale.with(|stale| {
                    stale
                        .as_ref()
                        .is_some_and(|(_, codes)| codes.contains(&code))
                });
            behind
                .then(|| {
                    editor
                        .card
                        .with(|c| indicator(c, place).map(suggested_rule_text))
                })
                .flatten()
        })
    };
    let rule_text_behind = behind(editor.changed_rule_texts, editor.stale_rule_texts);
    let advice_behind = behind(editor.changed_recommendations, editor.stale_recommendations);
    let behind_id = format!("{slug}-rule-text-behind");
    let advice_behind_id = format!("{slug}-advice-behind");
    // The button goes with its notice: the focus goes to the text it
    // wrote, not to the page's start.
    let rule_text_id = StoredValue::new(format!("{slug}-rule-text"));
    let take_suggested = move |_| {
        editor.change("rule-text", |c| {
            if let Some(i) = indicator_mut(c, place) {
                i.rule_text = suggested_rule_text(i);
            }
        });
        refocus_if_lost(rule_text_id.get_value());
    };
    let on_kind = move |ev| {
        let kind = event_target_value(&ev);
        // Only an indicator of a published version has past years to lose;
        // a rule's text of the department's own words stays, and may no
        // longer fit the new kind.
        let (published, own_words) = editor.card.with_untracked(|c| {
            indicator(c, place).map_or((false, false), |i| {
                (
                    editor.published_before(i.key()),
                    i.rule_text != suggested_rule_text(i),
                )
            })
        });
        let code = code.get_untracked();
        let mut notice = Vec::new();
        if published {
            notice.push(format!(
                "Показатель {code}: вид изменён — теперь это другой показатель со своим внутренним номером, \
                 его данные не сравниваются с прошлыми годами."
            ));
        }
        if own_words {
            notice.push(format!(
                "Показатель {code}: проверьте текст «Правило начисления, как в приказе» — он написан для прежнего вида."
            ));
        }
        editor.notice.set(notice.join(" "));
        editor.change("kind", |c| {
            change_kind(c, place, &kind, Editor::new_id());
        });
    };
    // Reworded under the same rule, an indicator of the version before is
    // still compared with past years, and only the department knows
    // whether the new words ask another question: «не менялась, изменена
    // формулировка» was all a walk-through could get. The version's number.
    let reworded = Memo::new(move |_| {
        let previous = editor.previous.get_value()?;
        editor.card.with(|c| {
            let i = indicator(c, place)?;
            let same = Comparability::Same { reworded: true };
            (comparability(&previous, c, i) == same).then_some(previous.version)
        })
    });
    let text_id = StoredValue::new(format!("{slug}-text"));
    let reworded_id = format!("{slug}-reworded");
    let mark_new = move |_| {
        let code = code.get_untracked();
        editor.change("new-indicator", |c| {
            if let Some(i) = indicator_mut(c, place) {
                i.id = Editor::new_id();
            }
        });
        editor.notice.set(format!(
            "Показатель {code} отмечен как новый: у него свой внутренний номер, его данные не \
             сравниваются с прошлыми годами. Вернуть как было — кнопкой «Отменить»."
        ));
        refocus_if_lost(text_id.get_value());
    };
    let kinds = KINDS
        .iter()
        .map(|(k, label)| view! { <option value=*k selected=*k == kind>{*label}</option> })
        .collect_view();
    // The focus follows the indicator moved (the fields stay where they are
    // and show the other one), and a removed one hands it to the one now in
    // its place, or to «Добавить показатель» after the last.
    let criterion_slug = format!("ed-{}-{}", place.direction, place.criterion);
    let slot = {
        let criterion_slug = criterion_slug.clone();
        move |at: usize, what: &str| format!("{criterion_slug}-{at}-{what}")
    };
    let (first, last) = (place.indicator == 0, place.indicator + 1 >= siblings);
    let shift_by = {
        let slot = slot.clone();
        move |up: bool| {
            let slot = slot.clone();
            move |_| {
                if (up && first) || (!up && last) {
                    return;
                }
                editor.change(if up { "up" } else { "down" }, move |c| {
                    shift(
                        c,
                        place.direction,
                        Some(place.criterion),
                        Some(place.indicator),
                        up,
                    )
                });
                focus_after_shift(place.indicator, up, &slot);
            }
        }
    };
    let remove_this = move |_| {
        editor.remove(
            place.direction,
            Some(place.criterion),
            Some(place.indicator),
        );
        let text = |at: usize| slot(at, "text");
        focus_after_removal(
            place.indicator,
            siblings - 1,
            text,
            &format!("{criterion_slug}-add"),
        );
    };
    // Other criteria, by code: typed codes show here as they change.
    let move_options = move || {
        editor.card.with(|c| {
            let own = c
                .directions
                .get(place.direction)
                .and_then(|d| d.criteria.get(place.criterion))
                .map(|k| k.code.clone());
            c.criteria()
                .filter(|k| Some(&k.code) != own.as_ref())
                .map(|k| view! { <option value=k.code.clone()>{format!("в критерий {}", k.code)}</option> })
                .collect_view()
        })
    };
    // Choosing a criterion moves nothing yet: on a closed list the arrow
    // keys choose at every press, and the first would have moved the
    // indicator away. The button moves it, and the focus goes with it, to
    // its list in the new place.
    let move_target = RwSignal::new(String::new());
    let move_here = move |_| {
        let target = move_target.get_untracked();
        let mut to = None;
        if !target.is_empty() {
            editor.change("move", |c| to = move_to(c, place, &target));
        }
        if let Some(to) = to {
            // Its code stays: «5.2» under criterion 2 is said, since codes
            // usually begin with their criterion's.
            let code = editor.card.with_untracked(|c| {
                indicator(c, to)
                    .map(|i| i.code.clone())
                    .filter(|code| !code.starts_with(&format!("{target}.")))
            });
            // What the last change meant: moved back, nothing to say.
            editor.notice.set(code.map_or_else(String::new, |code| {
                format!(
                    "Показатель {code} перенесён в критерий {target}, его код остался прежним: \
                     если коды показателей начинаются с кода критерия, измените его."
                )
            }));
            focus_when_drawn(format!(
                "ed-{}-{}-{}-move-to",
                to.direction, to.criterion, to.indicator
            ));
        }
    };
    let points = (
        Arc::new(move |c: &Card| indicator(c, place).map(|i| i.points.to_string())) as _,
        Arc::new(move |c: &mut Card, v: String| {
            if let (Some(i), Ok(n)) = (indicator_mut(c, place), v.parse()) {
                i.points = n;
            }
        }) as _,
    );
    let id = |what: &str| format!("{slug}-{what}");
    view! {
        <article class="editor-indicator" data-testid=slug.clone()>
            <div class="editor-indicator-head">
                <EditText id=id("code") label="Код показателя" field=indicator_text(place, |i| &i.code, |i| &mut i.code) problem=editor.field_problem(place, None) required=true/>
                <EditText id=id("text") label="Формулировка показателя" multiline=true field=indicator_text(place, |i| &i.text, |i| &mut i.text)
                    problem=editor.field_problem(place, Some("формулировка"))/>
            </div>
            {move || reworded.get().map(|version| view! {
                <p class="notice" role="status" data-testid=reworded_id.clone()>
                    {format!("Формулировка изменена по сравнению с версией {version}, правило то же: данные \
                      показателя будут сравниваться с прошлыми годами. Если по существу это другой \
                      показатель, отметьте его как новый. ")}
                    <button type="button" on:click=mark_new>"Считать новым показателем"</button>
                </p>
            })}
            <div class="editor-row">
                <div class="field">
                    <label for=id("kind")>"Вид показателя"</label>
                    <select id=id("kind") on:change=on_kind>{kinds}</select>
                </div>
                <EditNumber id=id("points") label="Баллы (0 — информационный)" field=points problem=editor.field_problem(place, Some(POINTS))/>
            </div>
            <RuleFields place kind slug=slug.clone()/>
            <EditText id=id("rule-text") label="Правило начисления, как в приказе" field=indicator_text(place, |i| &i.rule_text, |i| &mut i.rule_text)
                problem=editor.field_problem(place, Some("правило начисления"))/>
            {move || rule_text_behind.get().map(|suggested| view! {
                <p class="notice notice-warning" role="status" data-testid=behind_id.clone()>
                    {format!("Цель или баллы изменились после того, как был написан этот текст. По правилу сейчас: «{suggested}». ")}
                    <button type="button" on:click=take_suggested>"Подставить этот текст"</button>
                </p>
            })}
            <EditText id=id("evidence") label="Источник информации (подтверждение)" multiline=true field=indicator_text(place, |i| &i.evidence, |i| &mut i.evidence)
                problem=editor.field_problem(place, Some("источник информации"))/>
            <EditText id=id("recommendation") label="Рекомендация школе, не выполнившей показатель (для писем)" multiline=true
                field=indicator_text(place, |i| &i.recommendation, |i| &mut i.recommendation) problem=editor.field_problem(place, Some("рекомендация"))/>
            {move || advice_behind.get().map(|suggested| view! {
                <p class="notice notice-warning" role="status" data-testid=advice_behind_id.clone()>
                    {format!("Рекомендация называет прежнее значение, а по правилу сейчас: «{suggested}». Исправьте число в рекомендации: её цитирует каждое письмо.")}
                </p>
            })}
            <AppliesFields place slug=slug.clone()/>
            <ExplainFields place slug=slug.clone()/>
            <ul class="editor-problems" data-testid=format!("{slug}-problems")>
                {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <div class="row-actions">
                <button type="button" id=id("up") aria-disabled=first.to_string() on:click=shift_by(true)
                    aria-label=move || format!("Показатель {} выше", code.get())>"↑ Выше"</button>
                <button type="button" id=id("down") aria-disabled=last.to_string() on:click=shift_by(false)
                    aria-label=move || format!("Показатель {} ниже", code.get())>"↓ Ниже"</button>
                <select id=id("move-to") aria-label=move || format!("Куда перенести показатель {}", code.get())
                    on:change=move |ev| move_target.set(event_target_value(&ev))>
                    <option value="">"Перенести…"</option>
                    {move_options}
                </select>
                <button type="button" id=id("move") aria-disabled=move || move_target.with(String::is_empty).to_string()
                    on:click=move_here aria-label=move || format!("Перенести показатель {}", code.get())>"Перенести"</button>
                <button type="button" class="danger" on:click=remove_this
                    aria-label=move || format!("Удалить показатель {}", code.get())>"Удалить"</button>
            </div>
        </article>
    }
}
