//! How an indicator is calculated, as schools read it on the row and in
//! print: the formula, its letters, where the denominator comes from, and
//! counting notes.

use std::sync::Arc;

use leptos::prelude::*;

use profkarta_core::card::edit::Place;
use profkarta_core::card::{Card, Explanation, Variable};

use crate::department::editor::edit_text::EditText;
use crate::department::editor::{indicator, indicator_mut, Getter, Setter};

fn explain_field(
    p: Place,
    get: fn(&Explanation) -> String,
    set: fn(&mut Explanation, String),
) -> (Getter, Setter) {
    (
        Arc::new(move |c: &Card| indicator(c, p).map(|i| get(&i.explain))),
        Arc::new(move |c: &mut Card, v: String| {
            if let Some(i) = indicator_mut(c, p) {
                set(&mut i.explain, v);
            }
        }),
    )
}

fn non_empty_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

#[component]
pub fn ExplainFields(place: Place, slug: String) -> impl IntoView {
    let id = move |what: &str| format!("{slug}-{what}");
    view! {
        <details class="editor-explain">
            <summary>"Как считается (формула, источник знаменателя, правила подсчёта)"</summary>
            <EditText id=id("formula") label="Формула" hint="Например: Д = А / Б × 100 %"
                field=explain_field(place, |e| e.formula.clone(), |e, v| e.formula = v)/>
            <EditText id=id("variables") label="Обозначения: по одному в строке, «А = что это»" multiline=true
                field=explain_field(place,
                    |e| e.variables.iter().map(|v| format!("{} = {}", v.name, v.meaning)).collect::<Vec<_>>().join("\n"),
                    |e, v| e.variables = non_empty_lines(&v).filter_map(|line| {
                        let (name, meaning) = line.split_once('=')?;
                        Some(Variable { name: name.trim().to_owned(), meaning: meaning.trim().to_owned() })
                    }).collect())/>
            <EditText id=id("denominator-source") label="Откуда берётся знаменатель"
                field=explain_field(place, |e| e.denominator_source.clone(), |e, v| e.denominator_source = v)/>
            <EditText id=id("notes") label="Правила подсчёта: по одному в строке" multiline=true
                field=explain_field(place, |e| e.notes.join("\n"), |e, v| e.notes = non_empty_lines(&v).map(String::from).collect())/>
        </details>
    }
}
