//! How an indicator is calculated, under its rule and on paper: seed 001's
//! formula with named variables, where the denominator comes from, and the
//! counting notes.

use leptos::prelude::*;

use profkarta_core::card::Explanation;

#[component]
pub fn ExplanationBlock(explain: Explanation) -> impl IntoView {
    let Explanation {
        formula,
        variables,
        denominator_source,
        notes,
    } = explain;
    let formula = (!formula.is_empty()).then(|| {
        view! { <p class="formula"><span class="muted">"Формула: "</span><span class="math">{formula}</span></p> }
    });
    let variables = (!variables.is_empty()).then(|| {
        let items = variables
            .into_iter()
            .map(|v| view! { <dt class="math">{v.name}</dt><dd>{v.meaning}</dd> })
            .collect_view();
        view! { <dl class="variables">{items}</dl> }
    });
    let source = (!denominator_source.is_empty()).then(|| {
        view! { <p><span class="muted">"Источник знаменателя: "</span>{denominator_source}</p> }
    });
    let notes = (!notes.is_empty()).then(|| {
        let items = notes
            .into_iter()
            .map(|n| view! { <li>{n}</li> })
            .collect_view();
        view! { <ul class="notes">{items}</ul> }
    });
    view! {
        <div class="explanation" data-testid="explanation">
            {formula}
            {variables}
            {source}
            {notes}
        </div>
    }
}
