//! Every indicator's values school by school on a chart, for the report
//! of a card without points: its monitoring is for each school's values,
//! and a chart shows at a glance who is below the municipality.

use leptos::prelude::*;

use profkarta_charts::figures::spread_pages;
use profkarta_core::card::Indicator;
use profkarta_core::department::report::{SPREAD_HEADING, SPREAD_NOTE};
use profkarta_core::department::spread::spreads;

use crate::department::chart::Chart;
use crate::department::state::Dept;

/// Each chartable indicator of the year's card with its chart's pictures,
/// a page each, from one pass over the schools (tracked).
pub fn every_spread(dept: Dept) -> Vec<(Indicator, Vec<String>)> {
    dept.card.with(|card| {
        dept.archive().with(|a| {
            dept.results.with(|r| {
                (spreads(a, card, r).into_iter())
                    .map(|(i, s)| (i.clone(), spread_pages(i, &s)))
                    .collect()
            })
        })
    })
}

#[component]
pub fn SpreadCharts(
    /// [`every_spread`], which the report's Word download reads too.
    all: Memo<Vec<(Indicator, Vec<String>)>>,
) -> impl IntoView {
    let count = all.with_untracked(Vec::len);
    if count == 0 {
        return ().into_any();
    }
    // The same indicators for as long as the tab is drawn: the card is.
    let charts = (0..count)
        .map(|n| {
            let caption = all.with_untracked(|a| a[n].0.numbered());
            let svg = Signal::derive(move || {
                all.with(|a| a.get(n).map(|(_, pages)| pages.concat()))
                    .unwrap_or_default()
            });
            view! {
                <p class="spread-indicator">{caption.clone()}</p>
                <Chart svg name=format!("Диаграмма: {caption}") testid="report-spread"/>
            }
        })
        .collect_view();
    view! {
        <h3>{SPREAD_HEADING}</h3>
        <p class="muted">{SPREAD_NOTE}</p>
        {charts}
    }
    .into_any()
}
