//! The period's results of one card: municipal figures, then (for a card
//! with points) the rating, charts and problem zones, then every
//! indicator's municipal value and the totals per event, with spreadsheet
//! downloads.

use leptos::prelude::*;

use profkarta_core::card::{Card, Level};
use profkarta_core::department::tables::{
    events_tables, indicators_table, matrix_table, rating_table, values_table, Shares,
};
use profkarta_core::export::{to_csv, to_xlsx, Table};
use profkarta_core::text::{card_suffix, percent, period_stem};

use crate::department::card_line::CardLine;
use crate::department::events_tables::EventsTables;
use crate::department::indicator_figures::IndicatorFigures;
use crate::department::no_cards::NoCards;
use crate::department::printed_line::PrintedLine;
use crate::department::school_values::SchoolValues;
use crate::department::scored_results::ScoredResults;
use crate::department::spread_chart::SpreadChart;
use crate::department::state::Dept;
use crate::shared::deferred::Deferred;
use crate::shared::download::{offer, CSV, XLSX};

/// One of the tab's tables as a CSV file, or all of them as a workbook.
#[derive(Clone, Copy)]
enum Export {
    Csv(Sheet),
    Xlsx,
}

/// The tables a CSV button saves, each built alone: picked by name from
/// all of them, a renamed sheet would have handed over the workbook.
#[derive(Clone, Copy)]
enum Sheet {
    Rating,
    Matrix,
    Indicators,
    Values,
}

impl Sheet {
    /// In the workbook's order.
    const ALL: [Sheet; 4] = [Self::Rating, Self::Matrix, Self::Indicators, Self::Values];

    fn file_word(self) -> &'static str {
        match self {
            Self::Rating => "рейтинг",
            Self::Matrix => "матрица",
            Self::Indicators => "показатели",
            Self::Values => "значения",
        }
    }

    /// `None` for the rating and the matrix of a card without points.
    fn table(self, dept: Dept, card: &Card, period: &str) -> Option<Table> {
        match self {
            Self::Rating | Self::Matrix if !card.has_points() => None,
            Self::Rating => Some(
                dept.rating
                    .with_untracked(|r| rating_table(card, r, period)),
            ),
            Self::Matrix => Some(
                dept.rating
                    .with_untracked(|r| matrix_table(card, r, period)),
            ),
            Self::Indicators => Some(
                dept.figures
                    .with_untracked(|f| indicators_table(card, f, period, Shares::Apart)),
            ),
            Self::Values => Some(dept.archive().with_untracked(|a| {
                dept.results
                    .with_untracked(|r| values_table(card, a, r, period, Shares::Apart))
            })),
        }
    }
}

/// Every table of the period: the rating and the matrix when the card gives
/// points, the indicators, the values and each list indicator's events.
fn tables(dept: Dept, card: &Card, period: &str) -> Vec<Table> {
    let mut tables: Vec<Table> = (Sheet::ALL.iter())
        .filter_map(|sheet| sheet.table(dept, card, period))
        .collect();
    let events = dept
        .archive()
        .with_untracked(|a| dept.results.with_untracked(|r| events_tables(a, card, r)));
    tables.extend(events.into_iter().map(|e| e.table));
    tables
}

fn save(dept: Dept, card: &Card, kind: Export) {
    let period = dept.period.get_untracked().unwrap_or_default();
    let name = |what: &str, ext: &str| {
        let (period, card) = (period_stem(&period), card_suffix(&card.id));
        format!("{what}_{period}{card}.{ext}")
    };
    let csv = match kind {
        Export::Csv(sheet) => (sheet.table(dept, card, &period))
            .map(|t| (name(sheet.file_word(), "csv"), to_csv(&t), CSV)),
        Export::Xlsx => None,
    };
    let (file, bytes, mime) = csv.unwrap_or_else(|| {
        let all = tables(dept, card, &period);
        (name("итоги", "xlsx"), to_xlsx(&all), XLSX)
    });
    offer(dept.notices, &file, &bytes, mime);
}

#[component]
pub fn ResultsPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    // The page draws the panel anew for another card.
    let card = dept.card.get_untracked();
    let export = {
        let card = card.clone();
        move |kind: Export| {
            let card = card.clone();
            move |_: leptos::ev::MouseEvent| save(dept, &card, kind)
        }
    };
    let scored = card.has_points();
    let with_levels = card.levels.is_some();
    let summary = move || {
        dept.figures.with(|f| {
            let level_count = |l: Level| f.levels.iter().find(|(x, _)| *x == l).map_or(0, |(_, n)| *n);
            let levels = with_levels.then(|| {
                view! {
                    <div><dt>"Высокая"</dt><dd data-figure="high">{level_count(Level::High)}</dd></div>
                    <div><dt>"Средняя"</dt><dd data-figure="medium">{level_count(Level::Medium)}</dd></div>
                    <div><dt>"Низкая"</dt><dd data-figure="low">{level_count(Level::Low)}</dd></div>
                }
            });
            let points = scored.then(|| {
                view! { <div><dt>"Баллов от максимума"</dt><dd data-figure="points">{percent(f.points.0, f.points.1)}</dd></div> }
            });
            view! {
                <dl class="figures" data-testid="figures">
                    <div><dt>"Школ"</dt><dd data-figure="schools">{f.schools}</dd></div>
                    {levels}
                    {points}
                </dl>
            }
        })
    };
    let points_exports = {
        let export = export.clone();
        move || {
            scored.then(|| {
                view! {
                    <button type="button" on:click=export(Export::Csv(Sheet::Rating))>"Рейтинг в CSV"</button>
                    <button type="button" on:click=export(Export::Csv(Sheet::Matrix))>"Матрица показателей в CSV"</button>
                }
            })
        }
    };
    view! {
        <section class="panel results" aria-labelledby="results-title">
            <h2 id="results-title">
                {move || match dept.period.get() {
                    Some(p) => format!("Результаты за {p} учебный год"),
                    None => "Результаты".to_owned(),
                }}
            </h2>
            <Show
                when=move || dept.rating.with(|r| !r.is_empty())
                fallback=|| view! { <NoCards/> }
            >
                <CardLine/>
                <PrintedLine testid="results-printed"/>
                {summary}
                <div class="actions no-print">
                    {points_exports.clone()}
                    <button type="button" on:click=export(Export::Csv(Sheet::Indicators))>"Показатели в CSV"</button>
                    <button type="button" on:click=export(Export::Csv(Sheet::Values))>"Значения по школам в CSV"</button>
                    <button type="button" on:click=export(Export::Xlsx)>"Все таблицы в XLSX"</button>
                </div>
                {if scored {
                    view! { <ScoredResults/> }.into_any()
                } else {
                    view! { <p class="notice on-paper" data-testid="no-points">"Карта не даёт баллов: показатели собираются и сводятся по муниципалитету, рейтинга и уровней нет."</p> }.into_any()
                }}
                <Deferred>
                    <IndicatorFigures/>
                    <SpreadChart/>
                    {(!scored).then(|| view! { <SchoolValues/> })}
                    <EventsTables/>
                </Deferred>
            </Show>
        </section>
    }
}
