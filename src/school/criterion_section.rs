//! One criterion: its title, its live subtotal and its indicator rows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::school::indicator_row::IndicatorRow;
use crate::school::state::{AssessmentCtx, CardCtx};
use crate::shared::deferred::Deferred;
use profkarta_core::card::Criterion;
use profkarta_core::text::points;

#[component]
pub fn CriterionSection(
    criterion: Criterion,
    /// Position of this criterion in the assessment's list.
    index: usize,
) -> impl IntoView {
    let AssessmentCtx(assessment) = expect_context();
    let CardCtx(card) = expect_context();
    // A criterion without points (seed 004's, seed 001's goals) has no subtotal.
    let scored = card.has_points() && criterion.max_points > 0;
    let subtotal = {
        let criterion = criterion.clone();
        Memo::new(move |_| {
            assessment.with(|a| (a.criteria[index].clone(), a.out_of_maximum(&criterion)))
        })
    };
    let heading_id = format!("criterion-{}-title", criterion.code);
    let criterion_max = criterion.max_points;
    let no_indicators = criterion.indicators.is_empty();
    let indicators = Arc::new(criterion.indicators);
    // The rows are built after the page's first paint, which then shows
    // the school's details and the total sooner.
    let rows = move || {
        indicators
            .iter()
            .map(|indicator| view! { <IndicatorRow indicator=indicator.clone()/> })
            .collect_view()
    };
    view! {
        <section class="criterion" class:empty=no_indicators id=format!("criterion-{}", criterion.code) aria-labelledby=heading_id tabindex="-1">
            <h3 id=heading_id.clone()>
                {format!("{}. {}", criterion.code, criterion.title)}
                {scored.then(|| view! { <span class="muted">{format!(" (макс. — {})", points(criterion.max_points.into()))}</span> })}
            </h3>
            {scored.then(|| view! {
                <p class="subtotal" data-testid=format!("subtotal-{}", criterion.code)>
                    // «Набрано: 0 из 0» would read as a score of nothing.
                    <Show when=move || subtotal.with(|(c, _)| c.max_applicable > 0) fallback=move || move || subtotal.with(|(_, why)| why.said())>
                        "Набрано по критерию: "
                        <strong>{move || subtotal.with(|(c, why)| c.shown(*why))}</strong>
                        // Beside «макс. — 4 балла», «из 3» needs its reason.
                        {move || subtotal.with(|(c, why)| (c.max_applicable < criterion_max).then_some(why.of_fewer()))}
                    </Show>
                </p>
            })}
            {no_indicators.then(|| view! {
                <p class="muted no-indicators">"Показатели этого раздела в карте пока не заданы."</p>
            })}
            <Deferred>{rows.clone()}</Deferred>
        </section>
    }
}
