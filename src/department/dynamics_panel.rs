//! Year over year: for a card with points, each school's change against the
//! previous period, each scored indicator's change and the trend over all
//! periods present; for any card, each indicator's municipal value.

use leptos::prelude::*;

use profkarta_charts::figures::trend_svg;
use profkarta_core::department::dynamics::{delta_text, indicator_changes, school_changes};
use profkarta_core::department::figures::figures;
use profkarta_core::department::results::results;
use profkarta_core::text::percent;

use crate::department::chart::Chart;
use crate::department::state::Dept;
use crate::department::value_changes::ValueChanges;
use crate::shared::column_heads::ColumnHeads;

#[component]
pub fn DynamicsPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    // The page draws the panel anew for another card.
    let card = dept.card.get_untracked();
    let scored = card.has_points();
    let with_levels = card.levels.is_some();
    let previous = Memo::new(move |_| {
        dept.previous
            .with(|p| p.as_ref().map(|(period, ..)| period.clone()))
    });
    let changes = {
        let card = card.clone();
        Memo::new(move |_| {
            dept.previous.with(|p| {
                let (_, before, was) = p.as_ref()?;
                let by_indicator = dept.figures.with(|now| indicator_changes(&card, was, now));
                Some((school_changes(before, &dept.results.get()), by_indicator))
            })
        })
    };
    let trend = Signal::derive(move || {
        let periods = dept.periods.get();
        dept.archive().with(|a| {
            let all: Vec<_> = periods
                .iter()
                .map(|p| figures(a, &card, &results(a, &card.id, p)))
                .collect();
            trend_svg(&periods, &all, with_levels)
        })
    });
    let schools = move || {
        changes.get().map(|(schools, _)| {
            schools
                .into_iter()
                .map(|c| {
                    let delta = c.delta_tenths();
                    let (up, down) = (delta > 0, delta < 0);
                    view! {
                        <tr class:up=up class:down=down>
                            <th scope="row">{c.name.clone()}</th>
                            <td class="num">{format!("{} из {} ({})", c.before.0, c.before.1, percent(c.before.0.into(), c.before.1.into()))}</td>
                            <td class="num">{format!("{} из {} ({})", c.after.0, c.after.1, percent(c.after.0.into(), c.after.1.into()))}</td>
                            <td class="num" data-col="delta">{delta_text(delta)}</td>
                            {with_levels.then(|| view! {
                                <td>{format!("{} → {}", c.level_before.map_or("—", |l| l.label()), c.level_after.map_or("—", |l| l.label()))}</td>
                            })}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let indicators = move || {
        changes.get().map(|(_, indicators)| {
            indicators
                .into_iter()
                .map(|c| {
                    view! {
                        <tr>
                            <th scope="row">{c.code.clone()}</th>
                            <td class="num">{format!("{} из {}", c.before.0, c.before.1)}</td>
                            <td class="num">{format!("{} из {}", c.after.0, c.after.1)}</td>
                            <td class="num">{delta_text(c.delta_tenths())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" aria-labelledby="dynamics-title">
            <h2 id="dynamics-title">"Динамика"</h2>
            <Show
                when=move || previous.get().is_some()
                fallback=|| view! { <p>"Для сравнения нужны карты хотя бы за два учебных года. Выберите более поздний год или загрузите карты прошлого года."</p> }
            >
                <p>{move || format!("Сравнение {} с {}. Учитываются школы, приславшие карты за оба года.", dept.period.get().unwrap_or_default(), previous.get().unwrap_or_default())}</p>
                {scored.then(|| view! {
                    <Chart svg=trend testid="chart-trend"/>
                    <h3>"Школы"</h3>
                    <div class="table-scroll">
                        <table data-testid="school-changes">
                            <thead><tr>
                                <ColumnHeads names=&["Школа", "Было", "Стало", "Изменение"]/>
                                {with_levels.then(|| view! { <th scope="col">"Уровень"</th> })}
                            </tr></thead>
                            <tbody>{schools}</tbody>
                        </table>
                    </div>
                    <h3>"Показатели: школ выполнили"</h3>
                    <div class="table-scroll">
                        <table data-testid="indicator-changes">
                            <thead><tr><ColumnHeads names=&["Код", "Было", "Стало", "Изменение доли школ"]/></tr></thead>
                            <tbody>{indicators}</tbody>
                        </table>
                    </div>
                })}
                <ValueChanges/>
            </Show>
        </section>
    }
}
