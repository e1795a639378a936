//! One criterion in the editor: its code and title, its indicators, and
//! buttons to add an indicator, reorder or remove the criterion.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::edit::{add_indicator, remove, shift, Place};
use profkarta_core::card::{Card, Criterion};
use profkarta_core::text::points;

use crate::department::editor::edit_text::EditText;
use crate::department::editor::indicator_editor::IndicatorEditor;
use crate::department::editor::{Editor, Getter, Setter};
use crate::platform::browser::select_when_drawn;

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
    let up = move |_| editor.change("up", |c| shift(c, direction, Some(criterion), None, true));
    let down = move |_: leptos::ev::MouseEvent| {
        editor.change("down", |c| {
            shift(c, direction, Some(criterion), None, false)
        })
    };
    let delete = move |_| editor.change("remove", |c| remove(c, direction, Some(criterion), None));
    view! {
        <section class="editor-criterion" data-testid=slug.clone()>
            <div class="editor-row">
                <EditText id=format!("{slug}-code") label="Код критерия" field=criterion_text(direction, criterion, |k| &k.code, |k| &mut k.code)/>
                <EditText id=format!("{slug}-title") label="Название критерия" field=criterion_text(direction, criterion, |k| &k.title, |k| &mut k.title)/>
            </div>
            <p class="hint" data-testid=format!("{slug}-maximum")>{maximum}</p>
            {indicators}
            <div class="row-actions">
                <button type="button" id=format!("{slug}-add") on:click=add>{move || format!("Добавить показатель в критерий {}", code.get())}</button>
                <button type="button" disabled={criterion == 0} on:click=up>"Критерий выше"</button>
                <button type="button" disabled={criterion + 1 >= siblings} on:click=down>"Критерий ниже"</button>
                <button type="button" class="danger" on:click=delete>"Удалить критерий"</button>
            </div>
        </section>
    }
}
