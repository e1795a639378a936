//! The analytical report (аналитическая справка) of the period, laid out
//! for A4: figures, charts, problem zones, best and weakest schools and, when
//! a previous year is present, the change; also as a Word document.

use leptos::prelude::*;

use leptos::task::spawn_local;
use profkarta_charts::description;
use profkarta_charts::figures::{criteria_svg, effectiveness_svg, levels_svg, spread_title};
use profkarta_core::department::dynamics::{fallen, value_changes};
use profkarta_core::department::effectiveness::Effects;
use profkarta_core::department::measures::taken_after;
use profkarta_core::department::report;
use profkarta_core::department::report_document::{report_docx, report_docx_name, ReportInput};
use profkarta_core::department::tables::{
    events_tables, headed_by_years, road_map_table, school_value_changes_table,
    value_changes_table, values_table, Shares,
};
use profkarta_core::error::ChartNotDrawn;
use profkarta_core::export::Image;

use crate::department::chart::{Chart, CRITERIA_CHART, LEVELS_CHART};
use crate::department::data_table::DataTable;
use crate::department::department_name::DepartmentName;
use crate::department::effectiveness_view::EffectivenessView;
use crate::department::events_tables::EventsTables;
use crate::department::indicator_figures::IndicatorFigures;
use crate::department::low_schools::LowSchools;
use crate::department::problem_zones::ProblemZones;
use crate::department::reviewers_panel::coordinator_name;
use crate::department::school_value_changes::SchoolValueChanges;
use crate::department::school_values::SchoolValues;
use crate::department::spread_charts::{every_spread, SpreadCharts};
use crate::department::state::Dept;
use crate::department::value_changes::ValueChanges;
use crate::platform::browser::print;
use crate::platform::raster::svg_to_png;
use crate::shared::download::{offer, DOCX};

/// `svg` as a picture for the Word document, described as the page's chart
/// is (its figures included); a chart the browser cannot draw is left out
/// with a notice naming it by `title`.
async fn picture(dept: Dept, title: &str, svg: &str) -> Option<Image> {
    match svg_to_png(svg).await {
        Ok((png, width, height)) => Some(Image {
            png,
            width,
            height,
            description: description(svg).unwrap_or_else(|| title.to_owned()),
        }),
        Err(_) => {
            dept.notices
                .push(format!("«{title}»: {ChartNotDrawn}"), None);
            None
        }
    }
}

#[component]
pub fn ReportPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let department = Memo::new(move |_| dept.department_name());
    let scored = dept.card.with_untracked(|c| c.has_points());
    let with_levels = dept.card.with_untracked(|c| c.levels.is_some());
    // A card without points draws its schools' values, on the page and in
    // Word: one pass over the schools for both.
    let spreads = Memo::new(move |_| match scored {
        true => Vec::new(),
        false => every_spread(dept),
    });
    let version = dept.card.with_untracked(|c| c.version);
    let levels = Signal::derive(move || dept.figures.with(levels_svg));
    let criteria = Signal::derive(move || dept.figures.with(criteria_svg));
    let intro = move || {
        let period = dept.period.get().unwrap_or_default();
        dept.card
            .with(|card| dept.figures.with(|f| report::intro(&period, card, f)))
    };
    let best = move || {
        dept.rating.with(|r| {
            report::best(r, report::BEST, version)
                .into_iter()
                .map(|line| view! { <li>{line}</li> })
                .collect_view()
        })
    };
    // The change since the year before, when there is one.
    let dynamics_text = move || {
        dept.with_years(|years, previous, before| {
            dept.archive().with(|a| {
                dept.results
                    .with(|after| report::dynamics(a, years, previous, before, after))
            })
        })
    };
    // Each indicator's municipal value in both years: all a card without
    // points compares, and where a card with points shows the values that
    // fell while the schools' totals rose.
    let by_years = move |table| {
        let after = dept.period.get().unwrap_or_default();
        dept.with_years(|_, before, _| headed_by_years(table, before, &after))
    };
    let value_table = move || {
        let table = dept.with_years(|years, _, _| {
            value_changes_table(&value_changes(years), Shares::Together)
        })?;
        by_years(table)
    };
    // On a card without points, each school's values that moved most.
    let school_table = move || {
        (!scored)
            .then(|| dept.school_value_changes())
            .flatten()
            .and_then(|moved| by_years(school_value_changes_table(&moved, Shares::Together)))
    };
    // The measures taken on this year's results: the report ends with
    // them, as the analysis ends with its proposals.
    let road_map = Memo::new(move |_| {
        let period = dept.period.get().unwrap_or_default();
        dept.card.with(|card| {
            dept.archive().with(|a| {
                let measures = taken_after(&a.measures, &card.id, &period);
                (!measures.is_empty()).then(|| {
                    dept.results
                        .with(|r| road_map_table(card, &measures, r, &period))
                })
            })
        })
    });
    let review_summary = move || {
        dept.card
            .with(|card| dept.results.with(|r| report::review_summary(card, r)))
    };
    let left_out = move || {
        let period = dept.period.get().unwrap_or_default();
        dept.card.with(|card| {
            dept.archive().with(|a| {
                dept.results
                    .with(|r| report::left_out(a, &card.id, &period, r))
            })
        })
    };
    // The closing proposals, with the schools low in both years when
    // there is a year before.
    let proposals = move || {
        let before = dept
            .with_years(|years, _, before| report::Before {
                still_low: dept.archive().with(|a| {
                    dept.results
                        .with(|after| report::still_low_of(a, years, before, after))
                }),
                fallen: fallen(years),
            })
            .unwrap_or_default();
        let period = dept.period.get().unwrap_or_default();
        dept.card.with(|card| {
            dept.archive().with(|a| {
                let measures = taken_after(&a.measures, &card.id, &period);
                dept.effects.with(|e| {
                    let past = e.as_ref().map(Effects::past).unwrap_or_default();
                    dept.figures.with(|f| {
                        dept.rating.with(|r| {
                            report::proposals(card, &period, f, r, &before, &measures, &past)
                        })
                    })
                })
            })
        })
    };
    let coordinator = coordinator_name(dept);
    let reviewers = move || {
        dept.archive().with(|a| {
            dept.results
                .with(|r| report::reviewers(a, r, &coordinator()))
        })
    };
    // Drawn anew only when a year before comes or goes: the tables below
    // follow the data themselves, and a keystroke in the department's
    // name (a change of the archive) left them rebuilt from scratch.
    let has_previous = Memo::new(move |_| dept.previous.with(Option::is_some));
    let dynamics =
        move || {
            has_previous.get().then(|| view! {
            <h3>{report::DYNAMICS_HEADING}</h3>
            <p data-testid="report-dynamics">{move || dynamics_text().unwrap_or_default()}</p>
            <ValueChanges/>
            {(!scored).then(|| view! { <SchoolValueChanges/> })}
        })
        };
    // The charts are drawn into pictures first, which the browser does
    // asynchronously; the document is put together after that.
    let download = move |_| {
        let mut svgs = Vec::new();
        if scored {
            if with_levels {
                svgs.push(("Уровни эффективности школ", levels.get_untracked()));
            }
            svgs.push((
                "Выполнение критериев по муниципалитету",
                criteria.get_untracked(),
            ));
        }
        // Each indicator's words, and its pictures with the chart's title:
        // those the page shows.
        let spread_svgs: Vec<(String, String, Vec<String>)> = spreads.with_untracked(|all| {
            (all.iter())
                .map(|(i, pages)| (i.numbered(), spread_title(i), pages.clone()))
                .collect()
        });
        let effects_svg = dept.effects.with_untracked(|e| {
            let e = e.as_ref().filter(|e| e.has_targets())?;
            Some(effectiveness_svg(&e.by_measure()))
        });
        // Everything of this panel is read now: the user may leave the tab
        // while the pictures are drawn, and its memos go with it.
        let period = dept.period.get_untracked().unwrap_or_default();
        let department = department.get_untracked();
        let texts = (
            dynamics_text(),
            (value_table(), school_table()),
            reviewers(),
            left_out(),
            proposals(),
            road_map.get_untracked(),
        );
        let (events, values_by_school) = dept.card.with_untracked(|card| {
            dept.archive().with_untracked(|a| {
                dept.results.with_untracked(|r| {
                    let values =
                        (!scored).then(|| values_table(card, a, r, &period, Shares::Together));
                    (events_tables(a, card, r), values)
                })
            })
        });
        spawn_local(async move {
            let mut charts = Vec::new();
            for (description, svg) in svgs {
                charts.extend(picture(dept, description, &svg).await);
            }
            let mut spreads = Vec::new();
            for (caption, title, pages) in spread_svgs {
                let mut pictures = Vec::new();
                for svg in pages {
                    pictures.extend(picture(dept, &title, &svg).await);
                }
                spreads.push((caption, pictures));
            }
            let effects_chart = match effects_svg {
                Some(svg) => picture(dept, report::EFFECTS_HEADING, &svg).await,
                None => None,
            };
            let (
                dynamics,
                (value_changes, school_values),
                reviewers,
                left_out,
                proposals,
                road_map,
            ) = texts;
            let bytes = dept.card.with_untracked(|card| {
                dept.figures.with_untracked(|figures| {
                    dept.rating.with_untracked(|rating| {
                        dept.effects.with_untracked(|effects| {
                            report_docx(&ReportInput {
                                department: &department,
                                period: &period,
                                card,
                                figures,
                                rating,
                                dynamics,
                                value_changes,
                                school_values,
                                values_by_school,
                                reviewers,
                                left_out,
                                proposals,
                                effects: effects.as_ref(),
                                road_map,
                                events,
                                charts,
                                spreads,
                                effects_chart,
                            })
                        })
                    })
                })
            });
            let name = dept
                .card
                .with_untracked(|c| report_docx_name(&period, &c.id));
            offer(dept.notices, &name, &bytes, DOCX);
        });
    };
    view! {
        <section class="panel report" aria-labelledby="report-title" data-testid="report">
            <div class="actions no-print">
                <button type="button" class="primary" on:click=move |_| print()>"Печать справки"</button>
                <button type="button" on:click=download>"Скачать справку (DOCX)"</button>
            </div>
            <div class="no-print report-setup"><DepartmentName/></div>
            {move || department.with(|d| {
                let d = d.trim();
                (!d.is_empty()).then(|| view! { <p class="report-department" data-testid="report-department">{d.to_owned()}</p> })
            })}
            <h2 id="report-title">{move || report::title(&dept.period.get().unwrap_or_default())}</h2>
            <p data-testid="report-intro">{intro}</p>
            <p data-testid="report-review">{review_summary}</p>
            {move || Some(left_out()).filter(|t| !t.is_empty()).map(|text| view! { <p data-testid="report-left-out">{text}</p> })}
            {scored.then(|| view! {
                <div class="chart-grid">
                    {with_levels.then(|| view! { <Chart svg=levels name=LEVELS_CHART testid="report-levels"/> })}
                    <Chart svg=criteria name=CRITERIA_CHART testid="report-criteria"/>
                </div>
                <ProblemZones/>
                <h3>{report::BEST_HEADING}</h3>
                // Each line starts with its place: no bullet before it.
                <ul class="placed" data-testid="report-best">{best}</ul>
                {with_levels.then(|| view! { <LowSchools/> })}
            })}
            {(!scored).then(|| view! { <SpreadCharts all=spreads/> })}
            <IndicatorFigures/>
            <EventsTables/>
            // A card without points is collected for each school's values:
            // the report shows them all (the walk-throughs found only those
            // that moved most), sortable as on «Результаты».
            {(!scored).then(|| view! { <SchoolValues/> })}
            {dynamics}
            {move || reviewers().map(|text| view! { <p data-testid="report-reviewers">{text}</p> })}
            {move || dept.previous.with(Option::is_some).then(|| view! { <EffectivenessView/> })}
            {move || road_map.get().map(|table| view! {
                <h3>{report::measures_heading(&dept.period.get().unwrap_or_default())}</h3>
                <DataTable table label="Меры по итогам года" testid="report-measures"/>
            })}
            {move || {
                let items = proposals();
                (!items.is_empty()).then(|| view! {
                    <h3>{report::PROPOSALS}</h3>
                    <div data-testid="report-proposals">
                        {items.into_iter().map(|item| view! { <p>{item}</p> }).collect_view()}
                    </div>
                })
            }}
            <p class="signature-line">{report::SIGNATURE}</p>
        </section>
    }
}
