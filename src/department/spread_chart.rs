//! One indicator's values school by school against the municipal value,
//! on a chart: for a card without points the picture a rating gives
//! elsewhere (who is below the municipality), and for any card the spread
//! of a share behind its Σ/Σ. «Результаты» shows the indicator chosen from
//! a list; the report, every one ([`SpreadCharts`](crate::department::spread_charts)).

use leptos::prelude::*;

use profkarta_charts::figures::spread_svg;
use profkarta_core::card::Indicator;
use profkarta_core::department::report::{SPREAD_HEADING, SPREAD_NOTE};
use profkarta_core::department::spread::{charted, spread};
use profkarta_core::text::{shorten_at_word, told_apart};

use crate::department::chart::Chart;
use crate::department::state::Dept;

#[component]
pub fn SpreadChart() -> impl IntoView {
    let dept: Dept = expect_context();
    // The page draws the panel anew for another card.
    let card = dept.card.get_untracked();
    // Wordings alike in their first ninety letters (Nevinnomyssk's 1.5 and
    // 1.6 differ in their last word) are told apart as the measures' lists
    // tell them.
    let listed: Vec<&Indicator> = charted(&card).collect();
    let texts: Vec<&str> = listed.iter().map(|i| i.text.trim()).collect();
    let options: Vec<(String, String)> = (listed.iter().zip(told_apart(&texts)))
        .map(|(i, shown)| {
            let line = shown.map_or_else(|| i.numbered(), |s| format!("{}. {s}", i.code));
            (i.code.clone(), shorten_at_word(&line, 90))
        })
        .collect();
    let Some(first) = options.first().map(|(code, _)| code.clone()) else {
        return ().into_any();
    };
    let chosen = RwSignal::new(first);
    let indicator = Memo::new(move |_| chosen.with(|c| card.indicator(c).cloned()));
    let svg = Memo::new(move |_| {
        let Some(i) = indicator.get() else {
            return String::new();
        };
        dept.card.with(|card| {
            dept.archive().with(|a| {
                dept.results
                    .with(|r| spread_svg(&i, &spread(a, card, r, &i)))
            })
        })
    });
    let options = options
        .into_iter()
        .map(|(code, words)| view! { <option value=code>{words}</option> })
        .collect_view();
    view! {
        <div class="spread">
            <h3>{SPREAD_HEADING}</h3>
            <p class="muted">{SPREAD_NOTE}</p>
            <p class="no-print">
                <label for="spread-indicator">"Показатель: "</label>
                <select id="spread-indicator" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {options}
                </select>
            </p>
            <p class="print-only spread-indicator">
                {move || indicator.with(|i| i.as_ref().map(|i| i.numbered()))}
            </p>
            <Chart svg name=SPREAD_HEADING testid="chart-spread"/>
        </div>
    }
    .into_any()
}
