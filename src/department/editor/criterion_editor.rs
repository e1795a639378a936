//! One criterion in the editor: its code and title, its indicators, and
//! buttons to add an indicator, reorder or remove the criterion.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::edit::{add_indicator, shift, Place};
use profkarta_core::card::{Card, Criterion};
use profkarta_core::text::points;

use crate::department::editor::edit_text::EditText;
use crate::department::editor::indicator_editor::IndicatorEditor;
use crate::department::editor::{Editor, Getter, Setter};
use crate::platform::browser::{focus_after_removal, focus_after_shift, select_when_drawn};

/// A getter and setter of a text of the criterion at (`d`, `c`).
fn criterion_text(
    d: usize,
    c: usize,
    get: fn(&profkarta_core::card::Criterion) -> &String,
    set: fn(&mut profkarta_core::card::Criterion) -> &mut String,
) -> (Getter, Setter) {
    (
        Arc::new(move |card: &Card| {
            card.directions
                .get(d)?
                .criteria
                .get(c)
                .map(|k| get(k).clone())
        }),
        Arc::new(move |card: &mut Card, v: String| {
            if let Some(k) = card
                .directions
                .get_mut(d)
                .and_then(|x| x.criteria.get_mut(c))
            {
                *set(k) = v;
            }
        }),
    )
}

#[component]
pub fn CriterionEditor(
    direction: usize,
    criterion: usize,
    /// The kinds of its indicators, in order: what the structure is drawn from.
    kinds: Vec<&'static str>,
    /// How many criteria its group has, for the move buttons.
    siblings: usize,
) -> impl IntoView {
    let editor: Editor = expect_context();
    let slug = format!("ed-{direction}-{criterion}");
    let count = kinds.len();
    let indicators = kinds
        .into_iter()
        .enumerate()
        .map(|(indicator, kind)| {
            let place = Place {
                direction,
                criterion,
                indicator,
            };
            view! { <IndicatorEditor place kind siblings=count/> }
        })
        .collect_view();
    let part = move |of: fn(&Criterion) -> String| {
        Memo::new(move |_| {
            editor.card.with(|c| {
                c.directions
                    .get(direction)
                    .and_then(|d| d.criteria.get(criterion))
                    .map(of)
                    .unwrap_or_default()
            })
        })
    };
    let code = part(|k| k.code.clone());
    // A code another criterion or indicator has, said at the field: the
    // list above named «Код «1»» and no place to fix it.
    let code_problem: Signal<String> = Memo::new(move |_| {
        code.with(|code| {
            editor.problems.with(|all| {
                all.iter()
                    .find_map(|p| p.field_message(code, None))
                    .unwrap_or_default()
                    .to_owned()
            })
        })
    })
    .into();
    let maximum = part(|k| format!("Максимум критерия: {}.", points(k.max_points.into())));
    // The new indicator's wording takes the focus, selected, to be typed
    // over at once.
    let add = {
        let slug = slug.clone();
        move |_| {
            editor.change("add-indicator", |c| {
                add_indicator(c, direction, criterion, Editor::new_id())
            });
            select_when_drawn(format!("{slug}-{count}-text"));
        }
    };
    // The focus follows the criterion moved, and a removed one hands it to
    // the one now in its place, or to «Добавить критерий» after the last;
    // at either end an arrow stays focusable and does nothing.
    let slot = move |at: usize, what: &str| format!("ed-{direction}-{at}-{what}");
    let (first, last) = (criterion == 0, criterion + 1 >= siblings);
    let shift_by = move |up: bool| {
        move |_| {
            if (up && first) || (!up && last) {
                return;
            }
            editor.change(if up { "up" } else { "down" }, move |c| {
                shift(c, direction, Some(criterion), None, up)
            });
            focus_after_shift(criterion, up, slot);
        }
    };
    let delete = move |_| {
        editor.remove(direction, Some(criterion), None);
        let title = move |at: usize| slot(at, "title");
        focus_after_removal(criterion, siblings - 1, title, &add_criterion_id(direction));
    };
    view! {
        <section class="editor-criterion" data-testid=slug.clone()>
            <div class="editor-row criterion-head">
                <EditText id=format!("{slug}-code") label="Код критерия" field=criterion_text(direction, criterion, |k| &k.code, |k| &mut k.code) required=true problem=code_problem/>
                <EditText id=format!("{slug}-title") label="Название критерия" field=criterion_text(direction, criterion, |k| &k.title, |k| &mut k.title) required=true/>
            </div>
            <p class="hint" data-testid=format!("{slug}-maximum")>{maximum}</p>
            {indicators}
            <div class="row-actions">
                <button type="button" id=format!("{slug}-add") on:click=add>{move || format!("Добавить показатель в критерий {}", code.get())}</button>
                <button type="button" id=slot(criterion, "up") aria-disabled=first.to_string()
                    aria-label=move || format!("Критерий выше (критерий {})", code.get()) on:click=shift_by(true)>"Критерий выше"</button>
                <button type="button" id=slot(criterion, "down") aria-disabled=last.to_string()
                    aria-label=move || format!("Критерий ниже (критерий {})", code.get()) on:click=shift_by(false)>"Критерий ниже"</button>
                <button type="button" class="danger" aria-label=move || format!("Удалить критерий {}", code.get())
                    on:click=delete>"Удалить критерий"</button>
            </div>
        </section>
    }
}

/// «Добавить критерий» of a direction: where the focus goes when its last
/// criterion is removed.
pub fn add_criterion_id(direction: usize) -> String {
    format!("ed-{direction}-add-criterion")
}
