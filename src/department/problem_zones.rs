//! The indicators most schools fail, for the results page and the report.
//! When none falls below half, the weakest few are named instead, so the
//! section never reads as "no problems" by accident.

use leptos::prelude::*;

use crate::department::state::Dept;
use profkarta_core::department::results::{problem_zones, weakest, IndicatorFigure};
use profkarta_core::text::percent;

/// How many indicators to name when none is below half.
const WEAKEST: usize = 3;

#[component]
pub fn ProblemZones() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card();
    let item = move |z: &IndicatorFigure| {
        let text = card
            .indicator(&z.code)
            .map(|i| i.text.clone())
            .unwrap_or_default();
        view! {
            <li>
                <strong>{z.code.clone()}</strong>
                {format!(
                    " — выполнили {} из {} школ ({}). ",
                    z.earned,
                    z.applicable,
                    percent(z.earned as u64, z.applicable as u64)
                )}
                <span class="indicator-text">{text}</span>
            </li>
        }
    };
    let body = move || {
        dept.figures.with(|f| {
            let zones = problem_zones(f);
            if zones.is_empty() {
                view! {
                    <p>"Нет показателей, которые выполнили меньше половины школ. Реже других выполнены:"</p>
                    <ol class="zones" data-testid="problem-zones">{weakest(f, WEAKEST).into_iter().map(item.clone()).collect_view()}</ol>
                }
                .into_any()
            } else {
                view! {
                    <p>"Показатели, которые выполнили меньше половины школ, к которым они относятся:"</p>
                    <ol class="zones" data-testid="problem-zones">{zones.into_iter().map(item.clone()).collect_view()}</ol>
                }
                .into_any()
            }
        })
    };
    view! {
        <h3>"Проблемные зоны"</h3>
        {body}
    }
}
