//! The period's results: municipal figures, the rating, charts, the
//! per-indicator table and the problem zones, with spreadsheet downloads.

use leptos::prelude::*;

use profkarta_charts::figures::{
    criteria_svg, heatmap_svg, indicators_svg, levels_svg, profile_svg,
};
use profkarta_core::card::{Card, Level};
use profkarta_core::department::tables::{matrix_table, rating_table};
use profkarta_core::export::{to_csv, to_xlsx};
use profkarta_core::text::percent;

use crate::department::chart::Chart;
use crate::department::low_schools::LowSchools;
use crate::department::no_cards::NoCards;
use crate::department::problem_zones::ProblemZones;
use crate::department::rating_table::RatingTable;
use crate::department::school_select::SchoolSelect;
use crate::department::state::Dept;
use crate::shared::column_heads::ColumnHeads;
use crate::shared::download::{offer, CSV, XLSX};

#[derive(Clone, Copy)]
enum Export {
    RatingCsv,
    MatrixCsv,
    Xlsx,
}

fn save(dept: Dept, card: &Card, kind: Export) {
    let period = dept.period.get_untracked().unwrap_or_default();
    let (rating, matrix) = dept.rating.with_untracked(|r| {
        (
            rating_table(card, r, &period),
            matrix_table(card, r, &period),
        )
    });
    let name =
        |what: &str, ext: &str| format!("profkarta_{what}_{}.{ext}", period.replace('/', "-"));
    let (file, bytes, mime) = match kind {
        Export::RatingCsv => (name("reyting", "csv"), to_csv(&rating), CSV),
        Export::MatrixCsv => (name("matritsa", "csv"), to_csv(&matrix), CSV),
        Export::Xlsx => (name("reyting", "xlsx"), to_xlsx(&[rating, matrix]), XLSX),
    };
    offer(dept.notices, &file, &bytes, mime);
}

#[component]
pub fn ResultsPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card();
    let export = {
        let card = card.clone();
        move |kind: Export| {
            let card = card.clone();
            move |_: leptos::ev::MouseEvent| save(dept, &card, kind)
        }
    };
    let levels = Signal::derive(move || dept.figures.with(levels_svg));
    let criteria = Signal::derive(move || dept.figures.with(criteria_svg));
    let indicators = Signal::derive(move || dept.figures.with(indicators_svg));
    let heat_card = card.clone();
    let heat = Signal::derive(move || dept.rating.with(|r| heatmap_svg(&heat_card, r)));
    let profile = Signal::derive(move || {
        dept.open.with(|o| {
            o.as_ref()
                .map(|s| dept.figures.with(|f| profile_svg(f, s)))
                .unwrap_or_default()
        })
    });
    let summary = move || {
        dept.figures.with(|f| {
            let level_count = |l: Level| f.levels.iter().find(|(x, _)| *x == l).map_or(0, |(_, n)| *n);
            view! {
                <dl class="figures" data-testid="figures">
                    <div><dt>"Школ"</dt><dd data-figure="schools">{f.schools}</dd></div>
                    <div><dt>"Высокая"</dt><dd data-figure="high">{level_count(Level::High)}</dd></div>
                    <div><dt>"Средняя"</dt><dd data-figure="medium">{level_count(Level::Medium)}</dd></div>
                    <div><dt>"Низкая"</dt><dd data-figure="low">{level_count(Level::Low)}</dd></div>
                    <div><dt>"Баллов от максимума"</dt><dd data-figure="points">{percent(f.points.0, f.points.1)}</dd></div>
                </dl>
            }
        })
    };
    let indicator_rows = {
        let card = card.clone();
        move || {
            dept.figures.with(|f| {
                f.indicators
                    .iter()
                    .map(|i| {
                        let text = card.indicator(&i.code).map(|x| x.text.clone()).unwrap_or_default();
                        view! {
                            <tr data-code=i.code.clone()>
                                <th scope="row">{i.code.clone()}</th>
                                <td class="indicator-text">{text}</td>
                                <td class="num" data-col="earned">{format!("{} из {}", i.earned, i.applicable)}</td>
                                <td class="num">{percent(i.earned as u64, i.applicable as u64)}</td>
                                <td class="num" data-col="pooled">
                                    {i.pooled.map_or("—".to_owned(), |(n, d)| format!("{} ({n} из {d})", percent(n, d)))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
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
                {summary}
                <div class="actions no-print">
                    <button type="button" on:click=export(Export::RatingCsv)>"Рейтинг в CSV"</button>
                    <button type="button" on:click=export(Export::MatrixCsv)>"Матрица показателей в CSV"</button>
                    <button type="button" on:click=export(Export::Xlsx)>"Рейтинг и матрица в XLSX"</button>
                </div>
                <h3>"Рейтинг школ"</h3>
                <RatingTable/>
                <div class="chart-grid">
                    <Chart svg=levels testid="chart-levels"/>
                    <Chart svg=criteria testid="chart-criteria"/>
                </div>
                <ProblemZones/>
                <LowSchools/>
                <h3>"Показатели по муниципалитету"</h3>
                <div class="table-scroll">
                    <table class="indicator-figures" data-testid="indicator-figures">
                        <thead>
                            <tr>
                                <ColumnHeads names=&["Код", "Показатель", "Школ выполнили", "% школ", "Доля по муниципалитету (Σ/Σ)"]/>
                            </tr>
                        </thead>
                        <tbody>{indicator_rows.clone()}</tbody>
                    </table>
                </div>
                <Chart svg=indicators testid="chart-indicators"/>
                <h3>"Матрица «школа × показатель»"</h3>
                <Chart svg=heat testid="chart-heatmap"/>
                <h3>"Профиль школы и среднее по муниципалитету"</h3>
                <SchoolSelect/>
                <Chart svg=profile testid="chart-profile"/>
            </Show>
        </section>
    }
}
