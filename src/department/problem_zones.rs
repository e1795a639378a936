//! The indicators most schools fail, for the results page and the report;
//! which ones and the wording are [`report::problem_zones`]'s.

use leptos::prelude::*;

use profkarta_core::card::Card;
use profkarta_core::department::figures::IndicatorFigure;
use profkarta_core::department::report;

use crate::department::state::Dept;

fn item(card: &Card, z: &IndicatorFigure) -> impl IntoView {
    let text = card
        .indicator(&z.code)
        .map(|i| i.text.clone())
        .unwrap_or_default();
    view! {
        <li>
            <strong>{z.code.clone()}</strong>
            {format!(" — {} ", report::zone_result(z))}
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
            let (intro, list) = report::problem_zones(f, &card);
            let items = list.into_iter().map(|z| item(&card, z)).collect_view();
            view! {
                <p>{intro}</p>
                // Bulleted: each line leads with its code, and a number
                // before it read as «1. 1.8 — …».
                <ul class="zones" data-testid="problem-zones">{items}</ul>
            }
        })
    };
    view! {
        <h3>{report::ZONES_HEADING}</h3>
        {body}
    }
}
