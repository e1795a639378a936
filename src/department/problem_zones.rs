//! The indicators most schools fail, for the results page and the report.
//! When none falls below half, the weakest few are named instead, so the
//! section never reads as "no problems" by accident. A card without points
//! has nothing to fail, and the section says so.

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::department::figures::{problem_zones, weakest, IndicatorFigure};
use profkarta_core::text::percent;

use crate::department::state::Dept;

/// How many indicators to name when none is below half.
const WEAKEST: usize = 3;

fn item(card: &Card, z: &IndicatorFigure) -> impl IntoView {
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
}

#[component]
pub fn ProblemZones() -> impl IntoView {
    let dept: Dept = expect_context();
    let body = move || {
        let card = dept.card.get();
        dept.figures.with(|f| {
            let zones = problem_zones(f, &card);
            let (intro, list) = if !card.has_points() {
                ("Карта не даёт баллов: показатели собираются и сводятся, проблемных зон по баллам нет.", Vec::new())
            } else if zones.is_empty() {
                ("Нет показателей, которые выполнили меньше половины школ. Реже других выполнены:", weakest(f, &card, WEAKEST))
            } else {
                ("Показатели, которые выполнили меньше половины школ, к которым они относятся:", zones)
            };
            let items = list.into_iter().map(|z| item(&card, z)).collect_view();
            view! {
                <p>{intro}</p>
                <ol class="zones" data-testid="problem-zones">{items}</ol>
            }
        })
    };
    view! {
        <h3>"Проблемные зоны"</h3>
        {body}
    }
}
