//! «Анализ эффективности принятых мер»: last period's measures judged by
//! this period's files, with the numbers behind every verdict, a chart,
//! and the schools' own plans. Shown on the measures tab and in the report.

use leptos::prelude::*;

use profkarta_charts::figures::effectiveness_svg;
use profkarta_core::department::effectiveness::{plans_total, Effects};
use profkarta_core::department::report;
use profkarta_core::department::tables::{effect_cells, plan_cells, EFFECT_HEADERS, PLAN_HEADERS};

use crate::department::chart::Chart;
use crate::department::state::Dept;

use crate::shared::column_heads::ColumnHeads;
use crate::shared::table_scroll::TableScroll;
#[component]
pub fn EffectivenessView() -> impl IntoView {
    let dept: Dept = expect_context();
    // A card with nothing a measure can target (no points, nor values that
    // pool: shares, questions, percentages) judges nothing: said once, in
    // place of it all.
    let judges = move || dept.card.with(|c| c.has_measure_targets());
    let summary = move || {
        dept.effects.with(|e| {
            e.as_ref().map(|e| {
                if !judges() {
                    let measures: Vec<_> = e.measures.iter().map(|(m, _)| m).collect();
                    return report::effectiveness_without_points(&e.after_period, &measures);
                }
                report::effectiveness(
                    &e.after_period,
                    &e.measures,
                    plans_total(&e.plans),
                    &e.missing,
                )
            })
        })
    };
    let chart = Signal::derive(move || {
        dept.effects.with(|e| {
            e.as_ref()
                .map(|e| effectiveness_svg(&e.by_measure()))
                .unwrap_or_default()
        })
    });
    let cells = |cells: &[String]| {
        cells
            .iter()
            .map(|c| view! { <td>{c.clone()}</td> })
            .collect_view()
    };
    let rows = move || {
        dept.effects.with(|e| {
            let e = e.as_ref()?;
            Some(
                e.measures
                    .iter()
                    .enumerate()
                    .flat_map(|(n, (m, effects))| {
                        effects.iter().map(move |x| {
                            view! {
                                <tr data-verdict=x.verdict.key() class:doubtful=x.caveat().is_some()>{cells(&effect_cells(n, m, x))}</tr>
                            }
                        })
                    })
                    .collect_view(),
            )
        })
    };
    let plans = move || {
        dept.effects.with(|e| {
            let e = e.as_ref()?;
            (!e.plans.is_empty()).then(|| {
                let items = e
                    .plans
                    .iter()
                    .map(|p| view! { <tr>{cells(&plan_cells(p))}</tr> })
                    .collect_view();
                view! {
                    <h4>{report::PLANS_HEADING}</h4>
                    <p class="hint">{report::PLANS_COUNTED}</p>
                    <TableScroll label=report::PLANS_HEADING>
                    <table class="data" data-testid="plan-effects">
                        <thead><tr><ColumnHeads names=&PLAN_HEADERS/></tr></thead>
                        <tbody>{items}</tbody>
                    </table>
                    </TableScroll>
                }
            })
        })
    };
    // Without a year before the chosen one: where the analysis is, when a
    // later year's files are here, or what it waits for.
    let waiting = move || {
        let chosen = dept.period.get();
        let next = dept.periods.with(|all| {
            let at = all.iter().position(|p| Some(p) == chosen.as_ref())?;
            all.get(at + 1).cloned()
        });
        match (chosen, next) {
            (Some(chosen), Some(next)) => format!(
                "Меры, принятые по итогам {chosen} учебного года, оцениваются по файлам {next} учебного года: выберите вверху {next} учебный год."
            ),
            _ => "Анализ появится, когда загружены файлы следующего года: меры, принятые по итогам года, сравниваются с результатами года после них.".to_owned(),
        }
    };
    let has_rows = move || {
        dept.effects
            .with(|e| e.as_ref().is_some_and(Effects::has_targets))
    };
    view! {
        <section class="effectiveness" aria-labelledby="effectiveness-title" data-testid="effectiveness">
            <h3 id="effectiveness-title">{report::EFFECTS_HEADING}</h3>
            {move || match summary() {
                None if !judges() => view! { <p class="muted" data-testid="effectiveness-summary">{report::WITHOUT_POINTS}</p> }.into_any(),
                None => view! { <p class="muted">{waiting}</p> }.into_any(),
                Some(text) if !judges() => view! { <p data-testid="effectiveness-summary">{text}</p> }.into_any(),
                Some(text) => view! {
                    <p data-testid="effectiveness-summary">{text}</p>
                    <Show when=has_rows>
                        <p class="hint">{move || dept.effects.with(|e| report::effects_method(&e.as_ref().map(Effects::bases).unwrap_or_default()))}</p>
                        <Chart svg=chart name=format!("Диаграмма: {}", report::EFFECTS_HEADING) testid="effectiveness-chart"/>
                        <TableScroll label=report::EFFECTS_HEADING>
                        <table class="data" data-testid="effectiveness-table">
                            <thead><tr><ColumnHeads names=&EFFECT_HEADERS/></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        </TableScroll>
                    </Show>
                    {plans}
                }.into_any(),
            }}
        </section>
    }
}
