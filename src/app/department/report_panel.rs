//! The analytical report (аналитическая справка) of the period, laid out
//! for A4: figures, charts, problem zones, best and weakest schools and, when
//! a previous year is present, the change.

use leptos::prelude::*;

use crate::app::browser::print;
use crate::app::department::chart::Chart;
use crate::app::department::charts_data::{criteria_svg, levels_svg};
use crate::app::department::low_schools::LowSchools;
use crate::app::department::problem_zones::ProblemZones;
use crate::app::department::state::Dept;
use profkarta_core::department::dynamics::{delta_text, school_changes};
use profkarta_core::text::{percent, plural};

/// How many schools the report names as best.
const BEST: usize = 5;

#[component]
pub fn ReportPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let levels = Signal::derive(move || dept.figures.with(levels_svg));
    let criteria = Signal::derive(move || dept.figures.with(criteria_svg));
    let intro = move || {
        dept.figures.with(|f| {
            let n = f.schools as u64;
            let parts: Vec<String> = f
                .levels
                .iter()
                .map(|(l, k)| format!("{} — {k} ({})", l.label(), percent(*k as u64, n)))
                .collect();
            format!(
                "В мониторинге за {} учебный год {} {n} {}. Эффективность профориентационной работы: {}. В целом по муниципалитету набрано {} от максимума баллов.",
                dept.period.get().unwrap_or_default(),
                // The verb agrees too: «участвовала 21 организация», «участвовали 5 организаций».
                plural(n, "участвовала", "участвовали", "участвовали"),
                plural(n, "образовательная организация", "образовательные организации", "образовательных организаций"),
                parts.join(", "),
                percent(f.points.0, f.points.1)
            )
        })
    };
    let best = move || {
        dept.rating.with(|r| {
            r.iter()
                .take(BEST)
                .map(|x| view! { <li>{format!("{}. {} — {} из {} ({})", x.rank, x.result.name(), x.result.score.total, x.result.score.max_applicable, percent(x.result.score.total.into(), x.result.score.max_applicable.into()))}</li> })
                .collect_view()
        })
    };
    let dynamics = move || {
        let text = dept.previous.with(|p| {
            let (prev, before, was) = p.as_ref()?;
            let now = dept.figures.get();
            let changes = school_changes(before, &dept.results.get());
            let up = changes.iter().filter(|c| c.delta_tenths() > 0).count();
            let down = changes.iter().filter(|c| c.delta_tenths() < 0).count();
            Some(format!(
                "По сравнению с {prev} учебным годом доля набранных баллов изменилась с {} до {}; из {} школ, участвовавших в оба года, результат улучшили {up}, ухудшили {down}. Школ с высокой эффективностью: было {}, стало {}.{}",
                percent(was.points.0, was.points.1),
                percent(now.points.0, now.points.1),
                changes.len(),
                was.levels[0].1,
                now.levels[0].1,
                changes.first().filter(|c| c.delta_tenths() > 0).map(|c| format!(" Наибольший рост — {} ({}).", c.name, delta_text(c.delta_tenths()))).unwrap_or_default()
            ))
        })?;
        Some(view! { <h3>"Динамика"</h3><p data-testid="report-dynamics">{text}</p> })
    };
    view! {
        <section class="panel report" aria-labelledby="report-title" data-testid="report">
            <div class="actions no-print">
                <button type="button" class="primary" on:click=move |_| print()>"Печать справки"</button>
            </div>
            <h2 id="report-title">"Аналитическая справка по итогам мониторинга профориентационной работы"</h2>
            <p data-testid="report-intro">{intro}</p>
            <div class="chart-grid">
                <Chart svg=levels testid="report-levels"/>
                <Chart svg=criteria testid="report-criteria"/>
            </div>
            <ProblemZones/>
            <h3>"Лучшие результаты"</h3>
            <ul>{best}</ul>
            <LowSchools/>
            {dynamics}
            <p class="signature-line">"Специалист управления образования ____________________ / ____________________ /   Дата ____________"</p>
        </section>
    }
}
