//! The fields of an indicator's rule, by its kind: the labels a school sees
//! beside its inputs, and the target (a minimum, growth, steps of points,
//! none).

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::edit::{read_bands, read_list_min, Place};
use profkarta_core::card::{Card, ListColumn, Rule, ZeroDenominator};
use profkarta_core::error::BANDS;
use profkarta_core::text::tenths;

use crate::department::editor::edit_number::EditNumber;
use crate::department::editor::edit_text::EditText;
use crate::department::editor::{indicator, indicator_mut, Editor, Getter, Setter};

/// A getter and setter of a part of the rule of the indicator at `p`; the
/// getter answers `None` for a rule of another kind.
fn rule_field(
    p: Place,
    get: fn(&Rule) -> Option<String>,
    set: fn(&mut Rule, String),
) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| indicator(c, p).and_then(|i| get(&i.rule))),
        Arc::new(move |c: &mut Card, v: String| {
            if let Some(i) = indicator_mut(c, p) {
                set(&mut i.rule, v);
            }
        }),
    )
}

/// "" for none, the number otherwise.
fn opt<T: ToString>(n: Option<T>) -> String {
    n.map_or(String::new(), |n| n.to_string())
}

/// Lines of text as a list, empty lines dropped.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[component]
pub fn RuleFields(place: Place, kind: &'static str, slug: String) -> impl IntoView {
    let editor: Editor = expect_context();
    let prefix = slug.clone();
    let id = move |what: &str| format!("{prefix}-{what}");
    let labels = match kind {
        "share" | "breakdown" => view! {
            <EditText id=id("numerator") label=if kind == "share" { "Подпись числителя (кого считают)" } else { "Подпись суммы частей" }
                field=rule_field(place, |r| match r { Rule::Share { numerator, .. } | Rule::Breakdown { numerator, .. } => Some(numerator.clone()), _ => None },
                    |r, v| if let Rule::Share { numerator, .. } | Rule::Breakdown { numerator, .. } = r { *numerator = v })
                problem=editor.field_problem(place, Some(if kind == "share" { "подпись числителя" } else { "подпись суммы частей" }))/>
            <EditText id=id("denominator") label="Подпись знаменателя (из кого)"
                field=rule_field(place, |r| match r { Rule::Share { denominator, .. } | Rule::Breakdown { denominator, .. } => Some(denominator.clone()), _ => None },
                    |r, v| if let Rule::Share { denominator, .. } | Rule::Breakdown { denominator, .. } = r { *denominator = v })
                problem=editor.field_problem(place, Some("подпись знаменателя"))/>
        }.into_any(),
        "fact" => view! {
            <EditText id=id("question") label="Вопрос школе"
                field=rule_field(place, |r| match r { Rule::Fact { question } => Some(question.clone()), _ => None },
                    |r, v| if let Rule::Fact { question } = r { *question = v })
                problem=editor.field_problem(place, Some("вопрос"))/>
        }.into_any(),
        "count" => view! {
            <EditText id=id("label") label="Подпись числа"
                field=rule_field(place, |r| match r { Rule::Count { label, .. } => Some(label.clone()), _ => None },
                    |r, v| if let Rule::Count { label, .. } = r { *label = v })
                problem=editor.field_problem(place, Some("подпись числа"))/>
            <EditNumber id=id("min") label="Не менее (пусто — без цели)" optional=true
                field=rule_field(place, |r| match r { Rule::Count { min, .. } => Some(opt(*min)), _ => None },
                    |r, v| if let Rule::Count { min, .. } = r { *min = v.parse().ok() })
                problem=editor.field_problem(place, Some("минимум"))/>
        }.into_any(),
        "percent" => view! {
            <EditText id=id("label") label="Подпись значения"
                field=rule_field(place, |r| match r { Rule::Percent { label, .. } => Some(label.clone()), _ => None },
                    |r, v| if let Rule::Percent { label, .. } = r { *label = v })
                problem=editor.field_problem(place, Some("подпись значения"))/>
            <EditNumber id=id("min") label="Не ниже, % (например, 85,5; пусто — без цели)" optional=true tenths=true
                field=rule_field(place, |r| match r { Rule::Percent { min_tenths, .. } => Some(min_tenths.map_or(String::new(), |t| tenths(t.into(), ','))), _ => None },
                    |r, v| if let Rule::Percent { min_tenths, .. } = r { *min_tenths = v.parse().ok() })
                problem=editor.field_problem(place, Some("минимум"))/>
        }.into_any(),
        _ => view! {
            <EditText id=id("item") label="Заголовок столбца названий (например, «Мероприятие»)"
                field=rule_field(place, |r| match r { Rule::List { item, .. } => Some(item.clone()), _ => None },
                    |r, v| if let Rule::List { item, .. } = r { *item = v })
                problem=editor.field_problem(place, Some("заголовок строки списка"))/>
            <ListColumns place slug=slug.clone()/>
        }.into_any(),
    };
    let target = matches!(kind, "share" | "breakdown")
        .then(|| view! { <ShareTarget place slug=slug.clone()/> });
    let parts = (kind == "breakdown").then(|| view! {
        <EditText id=id("parts") label="Части (по одной в строке)" multiline=true
            field=rule_field(place, |r| match r { Rule::Breakdown { parts, .. } => Some(parts.join("\n")), _ => None },
                |r, v| if let Rule::Breakdown { parts, .. } = r { *parts = lines(&v) })
            problem=editor.field_problem(place, Some("название части"))/>
    });
    view! {
        <div class="editor-rule">
            {labels}
            {parts}
            {target}
        </div>
    }
}

/// A share's target: a minimum, growth, both, steps of points, or none; and
/// what an empty group means.
#[component]
fn ShareTarget(place: Place, slug: String) -> impl IntoView {
    let editor: Editor = expect_context();
    let id = move |what: &str| format!("{slug}-{what}");
    let dynamics = Memo::new(move |_| {
        editor.card.with(|c| {
            indicator(c, place)
                .and_then(|i| i.rule.share_target())
                .is_some_and(|t| t.dynamics)
        })
    });
    let empty_group = Memo::new(move |_| {
        editor.card.with(|c| {
            indicator(c, place)
                .and_then(|i| i.rule.share_target())
                .is_some_and(|t| t.zero_denominator == ZeroDenominator::NotApplicable)
        })
    });
    let group = id("target");
    let set_dynamics = {
        let group = group.clone();
        move |ev| {
            let on = event_target_checked(&ev);
            editor.change(&group, move |c| {
                if let Some(Rule::Share { dynamics, .. } | Rule::Breakdown { dynamics, .. }) =
                    indicator_mut(c, place).map(|i| &mut i.rule)
                {
                    *dynamics = on;
                }
            });
        }
    };
    let set_empty = move |ev| {
        let not_applicable = event_target_value(&ev) == "not_applicable";
        editor.change(&group, move |c| {
            if let Some(
                Rule::Share {
                    zero_denominator, ..
                }
                | Rule::Breakdown {
                    zero_denominator, ..
                },
            ) = indicator_mut(c, place).map(|i| &mut i.rule)
            {
                *zero_denominator = if not_applicable {
                    ZeroDenominator::NotApplicable
                } else {
                    ZeroDenominator::ZeroPoints
                };
            }
        });
    };
    let bands = matches!(
        editor.card.with_untracked(|c| indicator(c, place).map(|i| i.rule.kind())),
        Some("share")
    )
    .then(|| view! {
        <EditText id=id("bands") label="Ступени баллов (необязательно): по одной в строке «от 30 % — 1»" multiline=true
            hint="Вместо порога: баллы по доле. Баллы показателя — баллы верхней ступени."
            reads=Arc::new(bands_read) problem=editor.field_problem(place, Some(BANDS))
            field=rule_field(place,
                |r| match r { Rule::Share { bands, .. } => Some(bands.iter().map(|b| format!("от {} % — {}", b.from_percent, b.points)).collect::<Vec<_>>().join("\n")), _ => None },
                |r, v| if let Rule::Share { bands, .. } = r { *bands = read_bands(&v).unwrap_or_default() })/>
    });
    view! {
        <div class="editor-row">
            <EditNumber id=id("threshold") label="Порог «не менее», % (пусто — без порога)" optional=true max=100
                problem=editor.field_problem(place, Some("порог"))
                field=rule_field(place,
                    |r| match r { Rule::Share { threshold_percent, .. } | Rule::Breakdown { threshold_percent, .. } => Some(opt(*threshold_percent)), _ => None },
                    |r, v| if let Rule::Share { threshold_percent, .. } | Rule::Breakdown { threshold_percent, .. } = r { *threshold_percent = v.parse().ok() })/>
            <label class="choice">
                <input type="checkbox" id=id("dynamics") prop:checked=move || dynamics.get() on:change=set_dynamics/>
                "Положительная динамика (рост к прошлому году)"
            </label>
            <div class="field">
                <label for=id("empty")>"Если в группе никого нет"</label>
                <select id=id("empty") on:change=set_empty>
                    <option value="zero_points" selected=move || !empty_group.get()>"0 баллов (группа должна быть)"</option>
                    <option value="not_applicable" selected=move || empty_group.get()>"не применимо (группы нет)"</option>
                </select>
            </div>
        </div>
        {bands}
    }
}

/// Which line of the steps typed does not read ([`read_bands`]), if one.
fn bands_read(text: &str) -> Option<String> {
    read_bands(text).err().map(|e| e.to_string())
}

/// A list's numeric columns: key, heading and «из них» (not above another
/// column), with a minimum on a column's sum.
#[component]
fn ListColumns(place: Place, slug: String) -> impl IntoView {
    let editor: Editor = expect_context();
    let count = Memo::new(move |_| {
        editor
            .card
            .with(|c| match indicator(c, place).map(|i| &i.rule) {
                Some(Rule::List { columns, .. }) => columns.len(),
                _ => 0,
            })
    });
    let add = move |_| {
        editor.change("add-column", move |c| {
            if let Some(cols) = list_columns(c, place) {
                let n = cols.len() + 1;
                cols.push(ListColumn {
                    key: format!("col{n}"),
                    label: format!("Столбец {n}"),
                    at_most: None,
                });
            }
        });
    };
    let column = move |at: usize,
                       get: fn(&ListColumn) -> String,
                       set: fn(&mut ListColumn, String)|
          -> (Getter, Setter) {
        (
            Arc::new(move |c: &Card| match indicator(c, place).map(|i| &i.rule) {
                Some(Rule::List { columns, .. }) => columns.get(at).map(get),
                _ => None,
            }),
            Arc::new(move |c: &mut Card, v: String| {
                if let Some(col) = list_columns(c, place).and_then(|cols| cols.get_mut(at)) {
                    set(col, v);
                }
            }),
        )
    };
    let slug_rows = slug.clone();
    let rows = move || {
        (0..count.get())
            .map(|at| {
                let remove = move |_| editor.change("remove-column", move |c| {
                    if let Some(cols) = list_columns(c, place).filter(|cols| cols.len() > 1 && at < cols.len()) {
                        cols.remove(at);
                    }
                });
                let slug = &slug_rows;
                view! {
                    <div class="flag-row">
                        <EditText id=format!("{slug}-col-{at}-label") label=format!("Столбец {}", at + 1) field=column(at, |c| c.label.clone(), |c, v| c.label = v)/>
                        <EditText id=format!("{slug}-col-{at}-key") label="Ключ (латиницей)" field=column(at, |c| c.key.clone(), |c, v| c.key = v)/>
                        <EditText id=format!("{slug}-col-{at}-of") label="Из них — не больше столбца (ключ)" field=column(at, |c| c.at_most.clone().unwrap_or_default(), |c, v| c.at_most = (!v.trim().is_empty()).then(|| v.trim().to_owned()))/>
                        // A list counts something: its last column stays, and says why.
                        {move || if count.get() > 1 {
                            view! { <button type="button" class="danger" on:click=remove>"Удалить столбец"</button> }.into_any()
                        } else {
                            view! { <span class="muted">"Единственный столбец: у списка должен быть хотя бы один."</span> }.into_any()
                        }}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <h5>"Числовые столбцы"</h5>
        {rows}
        <button type="button" on:click=add>"Добавить столбец"</button>
        <EditText id=format!("{slug}-list-min") label="Цель (необязательно): «ключ столбца: не менее N»"
            reads=Arc::new(list_min_read)
            field=rule_field(place,
                |r| match r { Rule::List { min, .. } => Some(min.as_ref().map_or(String::new(), |m| format!("{}: не менее {}", m.column, m.value))), _ => None },
                |r, v| if let Rule::List { min, columns, .. } = r { *min = read_list_min(&v, columns).unwrap_or_default() })
            problem=editor.field_problem(place, Some("минимум"))/>
    }
}

fn list_columns(card: &mut Card, place: Place) -> Option<&mut Vec<ListColumn>> {
    match indicator_mut(card, place).map(|i| &mut i.rule) {
        Some(Rule::List { columns, .. }) => Some(columns),
        _ => None,
    }
}

fn list_min_read(text: &str) -> Option<String> {
    read_list_min(text, &[]).err().map(|e| e.to_string())
}
