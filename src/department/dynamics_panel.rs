//! Year over year: for a card with points, each school's change against the
//! previous period, each scored indicator's change and the trend over all
//! periods present; for any card, each indicator's municipal value. When the
//! two years used different versions of the card, indicators whose rule
//! changed are marked «методика изменилась», never shown as a change, and
//! each school is compared on what both years can be scored on (see
//! [`Across`]).

use leptos::prelude::*;

use profkarta_charts::figures::trend_svg;
use profkarta_core::card::versions::Comparability;
use profkarta_core::department::dynamics::{
    delta_text, figures_in_both, indicator_changes, school_changes, value_changes, SchoolChange,
};
use profkarta_core::department::report;
use profkarta_core::department::results::SchoolResult;
use profkarta_core::department::tables::{
    indicator_changes_table, school_changes_table, school_value_changes_table, value_changes_table,
    Shares,
};
use profkarta_core::export::push_escaped;
use profkarta_core::export::to_xlsx;
use profkarta_core::text::{card_suffix, name_has, period_stem, score_share};

use crate::department::card_line::CardLine;
use crate::department::chart::Chart;
use crate::department::indicator_name::IndicatorName;
use crate::department::printed_line::PrintedLine;
use crate::department::school_value_changes::SchoolValueChanges;
use crate::department::state::Dept;
use crate::department::value_changes::ValueChanges;
use crate::platform::browser::print;
use crate::shared::column_heads::ColumnHeads;
use crate::shared::deferred::{pending, rows_to_draw};
use crate::shared::download::{offer, XLSX};
use crate::shared::table_scroll::TableScroll;

/// The school table's rows as markup, set at once, as the rating's are
/// (see `rating_table`): at a thousand schools, emptying the search rebuilt
/// every row through Leptos's views in 127–187 ms (500–700 ms at CPU ×4).
/// Nothing in a row is reactive. `rescored`: the table has the column of
/// last year re-scored by this year's card.
fn school_rows_markup<'a>(
    schools: impl Iterator<Item = &'a SchoolChange>,
    rescored: bool,
    with_levels: bool,
) -> String {
    let mut html = String::new();
    for c in schools {
        let delta = c.delta_tenths();
        html.push_str(match delta.signum() {
            1 => "<tr class=\"up\">",
            -1 => "<tr class=\"down\">",
            _ => "<tr>",
        });
        html.push_str("<th scope=\"row\">");
        push_escaped(&mut html, &c.name);
        // The year's sentence counts these schools; the row names which.
        for note in c.notes() {
            html.push_str("<span class=\"row-note\">");
            push_escaped(&mut html, &note);
            html.push_str("</span>");
        }
        html.push_str(&format!(
            "</th><td class=\"num\">{}</td>",
            score_share(c.before.0, c.before.1)
        ));
        // Every row has the column when the table has it: a school already
        // on this year's rules keeps its own last year there.
        if rescored {
            let before = c.across.map_or(c.before, |a| a.before);
            html.push_str(&format!(
                "<td class=\"num\" data-col=\"rescored\">{}</td>",
                score_share(before.0, before.1)
            ));
        }
        // When this year's score on the same indicators is not the whole of
        // «Стало» (a new indicator), that too, under it: the change is
        // between it and last year re-scored. Under last year's column it
        // read as last year's (a walk-through).
        html.push_str(&format!(
            "<td class=\"num\">{}",
            score_share(c.after.0, c.after.1)
        ));
        if let Some(a) = c.across.filter(|a| rescored && a.after != c.after) {
            html.push_str(&format!(
                "<span class=\"rescored-now\">на тех же показателях, что в прошлом году: {}</span>",
                score_share(a.after.0, a.after.1)
            ));
        }
        html.push_str(&format!(
            "</td><td class=\"num\" data-col=\"delta\">{}</td>",
            delta_text(delta)
        ));
        if with_levels {
            let (before, after) = c.levels_compared();
            html.push_str(&format!(
                "<td>{} → {}</td>",
                before.map_or("—", |l| l.label()),
                after.map_or("—", |l| l.label())
            ));
        }
        html.push_str("</tr>");
    }
    html
}

#[component]
pub fn DynamicsPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    // The page draws the panel anew for another card or version.
    let card = dept.card.get_untracked();
    let scored = card.has_points();
    let with_levels = card.levels.is_some();
    let previous = Memo::new(move |_| {
        dept.previous
            .with(|p| p.as_ref().map(|(period, ..)| period.clone()))
    });
    let versions = Memo::new(move |_| {
        dept.with_years(|years, _, _| {
            years
                .versions_differ()
                .then(|| report::versions_note(years))
        })
        .flatten()
    });
    let changes = Memo::new(move |_| {
        dept.with_years(|years, _, before| {
            let schools = dept.archive().with(|a| {
                dept.results
                    .with(|now| school_changes(a, years.old_card, years.new_card, before, now))
            });
            (schools, indicator_changes(years))
        })
    });
    // A school whose own file is of another version than its year's card
    // is compared on this year's rules, whether or not the years' cards
    // differ.
    let mixed = Memo::new(move |_| {
        let off = |r: &[SchoolResult]| r.iter().any(SchoolResult::other_version);
        dept.results.with(|now| off(now))
            || dept
                .previous
                .with(|p| p.as_ref().is_some_and(|(_, before, ..)| off(before)))
    });
    // The schools of one year only: named in the summary, and where both
    // years have some, where to place a renamed one.
    let unpaired = Memo::new(move |_| {
        dept.with_years(|_, _, before| {
            dept.archive()
                .with(|a| dept.results.with(|now| report::unpaired(a, before, now)))
        })
        .unwrap_or_default()
    });
    let place_renamed = move || unpaired.with(|(new, gone)| report::unpaired_note(new, gone));
    // The report's sentence, from the changes the table shows; the schools
    // on another version have their own note below it.
    let summary = move || {
        changes.with(|c| {
            let (schools, _) = c.as_ref()?;
            dept.with_years(|years, previous, before| {
                let in_both = dept
                    .archive()
                    .with(|a| (dept.results).with(|now| figures_in_both(a, years, before, now)));
                let said = unpaired.with(|(new, gone)| report::unpaired_said(new, gone));
                report::dynamics_of(
                    years,
                    previous,
                    schools,
                    false,
                    in_both.as_ref(),
                    &said.unwrap_or_default(),
                )
            })
        })
    };
    // Years on several versions of the card: each named with its own,
    // since maxima and level bounds may differ between them (a
    // walk-through's line ran over three versions unsaid).
    let trend_versions = Memo::new(move |_| {
        let periods = dept.periods.get();
        let id = dept.card.with(|c| c.id.clone());
        let versions: Vec<(String, u32)> = dept.archive().with(|a| {
            (periods.into_iter())
                .filter_map(|p| a.period_card(&id, &p).map(|c| (p, c.version)))
                .collect()
        });
        let one = versions.windows(2).all(|w| w[0].1 == w[1].1);
        (!one).then(|| {
            let each: Vec<String> = (versions.iter())
                .map(|(p, v)| format!("{p} — версия {v}"))
                .collect();
            format!(
                "Годы графика заполнены по разным версиям карты: {}. Максимум баллов и границы \
                 уровней у версий могут различаться.",
                each.join(", ")
            )
        })
    });
    let trend = Signal::derive(move || {
        let periods = dept.periods.get();
        let all: Vec<_> = periods.iter().map(|p| dept.figures_of(p)).collect();
        trend_svg(&periods, &all, with_levels)
    });
    let rescored_column = move || versions.get().is_some() || mixed.get();
    // What is compared of the schools on another version: their results on
    // this year's rules where the card gives points, else their values.
    let mixed_note = move || {
        let version = dept.card.with(|c| c.version);
        let compared = match scored {
            true => format!(
                "результаты за два года сравниваются по правилам версии {version} (столбец \
                 «Прошлый год по новой методике»),"
            ),
            false => "значения за два года сравниваются".to_owned(),
        };
        format!(
            "Часть школ заполнила не версию {version} карты, а другую: их {compared} на показателях, \
             которые есть в обеих версиях и заполняются одинаково."
        )
    };
    // The tab's tables as one workbook, their numbers as numbers: what the
    // coordinator goes on comparing in a spreadsheet.
    let download = {
        let card = card.clone();
        move |_: leptos::ev::MouseEvent| {
            let mut tables = Vec::new();
            if let Some((schools, indicators)) = changes.get_untracked().filter(|_| scored) {
                tables.push(school_changes_table(
                    &schools,
                    untrack(rescored_column),
                    with_levels,
                ));
                tables.extend(dept.with_years(|years, _, _| {
                    indicator_changes_table(&card, &indicators, &years.removed_met())
                }));
            }
            let moved = (!scored)
                .then(|| untrack(|| dept.school_value_changes()))
                .flatten();
            let values = dept.with_years(|years, previous, _| {
                let mut values = vec![value_changes_table(&value_changes(years), Shares::Apart)];
                values.extend(moved.map(|moved| school_value_changes_table(&moved, Shares::Apart)));
                (values, period_stem(previous))
            });
            let Some((values, previous)) = values else {
                return;
            };
            tables.extend(values);
            let period = period_stem(&dept.period.get_untracked().unwrap_or_default());
            let card = dept.card.with_untracked(|c| card_suffix(&c.id));
            let name = format!("динамика_{previous}_{period}{card}.xlsx");
            offer(dept.notices, &name, &to_xlsx(&tables), XLSX);
        }
    };
    // At a thousand schools the table's rows are most of the tab's work:
    // a screenful paints first, as in the rating.
    let shown = rows_to_draw();
    // At a hundred schools and more, the coordinator looks one up by name.
    let search = RwSignal::new(String::new());
    let found = move || {
        changes.with(|c| {
            c.as_ref().map_or((0, 0), |(schools, _)| {
                let found =
                    search.with(|s| schools.iter().filter(|c| name_has(&c.name, s)).count());
                (found, schools.len())
            })
        })
    };
    let schools = move || {
        changes.with(|changes| {
            changes.as_ref().map_or(String::new(), |(schools, _)| {
                let search = search.read();
                let found = schools.iter().filter(|c| name_has(&c.name, &search));
                school_rows_markup(found.take(shown()), rescored_column(), with_levels)
            })
        })
    };
    let indicators = move || {
        changes.with(|changes| {
            let (_, indicators) = changes.as_ref()?;
            Some(indicators.iter().map(|c| {
                    let comparable = c.comparability.met_comparable();
                    view! {
                        <tr data-code=c.code.clone() class:changed=!comparable>
                            <IndicatorName code=c.code.clone()/>
                            <td class="num">{c.before.map_or("—".to_owned(), |(a, b)| format!("{a} из {b}"))}</td>
                            <td class="num">{format!("{} из {}", c.after.0, c.after.1)}</td>
                            <td class="num" data-col="delta" title=c.comparability.label()>{c.delta_label()}</td>
                        </tr>
                    }
                })
                .collect_view())
        })
    };
    // Last of all, those the card no longer has, as in the values' table.
    let removed = move || {
        dept.with_years(|years, _, _| {
            (years.removed_met().into_iter())
                .map(|(old, (earned, applicable))| {
                    view! {
                        <tr data-code=old.code.clone() class="changed">
                            <IndicatorName code=old.code.clone() text=old.text.clone()/>
                            <td class="num">{format!("{earned} из {applicable}")}</td>
                            <td class="num">"—"</td>
                            <td class="num" data-col="delta">{Comparability::Removed.short_label()}</td>
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
                fallback=move || view! { <p data-testid="nothing-to-compare">{move || dept.archive().with(|a| dept.card.with(|c| dept.period.with(|p| report::nothing_to_compare(a, c, p.as_deref()))))}</p> }
            >
                <CardLine/>
                <PrintedLine testid="dynamics-printed"/>
                <div class="actions no-print">
                    <button type="button" on:click=move |_| print()>"Печать"</button>
                    <button type="button" on:click=download.clone()>"Все таблицы в XLSX"</button>
                </div>
                // A card without points has no change per school to speak of:
                // the summary below names both years and what the values pool.
                {scored.then(|| view! {
                    <p>{move || format!(
                        "Сравнение {} с {}. Показатели по муниципалитету — по всем школам каждого года; \
                         изменение у школы — если она прислала карты за оба года.",
                        dept.period.get().unwrap_or_default(),
                        previous.get().unwrap_or_default(),
                    )}</p>
                })}
                // The report's sentence; across versions, the note on them
                // below it speaks of this page's columns.
                <p data-testid="dynamics-summary">{summary}</p>
                {move || place_renamed().map(|note| view! { <p class="hint no-print" data-testid="dynamics-unpaired">{note}</p> })}
                // The report's note, and what it means for this page's columns.
                // The columns it speaks of are the schools' table's, which a
                // card without points does not have.
                {move || versions.get().map(|note| view! {
                    <p class="notice on-paper" data-testid="versions-note">{match scored {
                        true => format!(
                            "{note} Столбец «Прошлый год по новой методике» — ответы прошлого года, \
                             пересчитанные по новой версии; где в этом году есть новые показатели, под \
                             «Стало» указан результат на тех же показателях, что в прошлом году, — \
                             изменение считается между ним и «Прошлым годом по новой методике». Уровни в столбце «Уровень по \
                             новой методике» — тех же двух результатов, а не столбцов «Было» и «Стало»."
                        ),
                        false => note,
                    }}</p>
                })}
                {move || mixed.get().then(|| view! {
                    <p class="notice on-paper" data-testid="versions-mixed">{mixed_note()}</p>
                })}
                {scored.then(|| view! {
                    <Chart svg=trend name="Диаграмма: динамика по учебным годам" testid="chart-trend"/>
                    {move || trend_versions.get().map(|note| view! { <p class="hint" data-testid="trend-versions">{note}</p> })}
                    <h3>"Школы"</h3>
                    <div class="filters no-print" role="search">
                        <label>"Поиск "
                            <input type="search" id="dynamics-search" placeholder="часть названия"
                                prop:value=search
                                on:input=move |ev| search.set(event_target_value(&ev))/>
                        </label>
                    </div>
                    <p class="print-only">{move || search.with(|s| {
                        let s = s.trim();
                        (!s.is_empty()).then(|| format!("Школы, в названии которых есть «{s}»."))
                    })}</p>
                    <p class="rating-count" role="status" data-testid="dynamics-count">{move || {
                        let (found, all) = found();
                        if found == 0 && all > 0 {
                            "Школ с таким названием нет.".to_owned()
                        } else {
                            format!("Показано школ: {found} из {all}.")
                        }
                    }}</p>
                    <TableScroll label="Изменения по школам">
                        <table data-testid="school-changes">
                            <thead><tr>
                                <ColumnHeads names=&["Школа"]/>
                                <ColumnHeads names=&["Было"] numbers=true/>
                                {move || rescored_column().then(|| view! { <th scope="col" class="num">"Прошлый год по новой методике"</th> })}
                                <ColumnHeads names=&["Стало"] numbers=true/>
                                <th scope="col" class="num">{move || if rescored_column() { "Изменение по новой методике" } else { "Изменение" }}</th>
                                {with_levels.then(|| view! { <th scope="col">{move || if rescored_column() { "Уровень по новой методике" } else { "Уровень" }}</th> })}
                            </tr></thead>
                            <tbody inner_html=schools></tbody>
                        </table>
                    </TableScroll>
                    {move || (shown() < usize::MAX).then(pending)}
                    <h3>"Выполнение показателей (число школ)"</h3>
                    // Beside a school of one year only, a share of all the
                    // schools moves with no school's answer changed; the
                    // report's sentences compare the schools of both (a
                    // walk-through: 1.1 «−5,6 п. п.» here, unchanged there).
                    {move || unpaired.with(|(new, gone)| !new.is_empty() || !gone.is_empty()).then(|| view! {
                        <p class="hint" data-testid="indicator-changes-basis">"Доли — по всем школам каждого года, в том числе представившим карту только в одном из них; в справке снижение выполнения сравнивается по школам обоих лет."</p>
                    })}
                    <TableScroll label="Изменения по показателям">
                        <table data-testid="indicator-changes">
                            <thead><tr><ColumnHeads names=&["Показатель"]/><ColumnHeads names=&["Было", "Стало", "Изменение доли школ"] numbers=true/></tr></thead>
                            <tbody>{indicators}{removed}</tbody>
                        </table>
                    </TableScroll>
                })}
                <ValueChanges/>
                {(!scored).then(|| view! { <SchoolValueChanges/> })}
            </Show>
        </section>
    }
}
