//! Every indicator's values school by school on a chart, for the report
//! of a card without points: its monitoring is for each school's values,
//! and a chart shows at a glance who is below the municipality.

use leptos::prelude::*;

use profkarta_core::department::report::{SPREAD_HEADING, SPREAD_NOTE};
use profkarta_core::department::spread::charted;

use crate::department::chart::Chart;
use crate::department::spread_chart::spread_pictures;
use crate::department::state::Dept;

#[component]
pub fn SpreadCharts() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    let charts: Vec<_> = charted(&card)
        .cloned()
        .map(|indicator| {
            let caption = format!("{}. {}", indicator.code, indicator.text);
            let svg = Signal::derive(move || spread_pictures(dept, &indicator).concat());
            view! {
                <p class="spread-indicator">{caption}</p>
                <Chart svg testid="report-spread"/>
            }
        })
        .collect();
    if charts.is_empty() {
        return ().into_any();
    }
    view! {
        <h3>{SPREAD_HEADING}</h3>
        <p class="muted">{SPREAD_NOTE}</p>
        {charts}
    }
    .into_any()
}
