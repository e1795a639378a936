//! The measures of the period as a «дорожная карта» (seed 002, Приложение
//! 1): action, date, addressees, targeted indicators, municipal indicator
//! of implementation, report form, executor. Printable on A4.

use leptos::prelude::*;

use profkarta_core::department::report;
use profkarta_core::department::tables::road_map_headers;
use profkarta_core::text::initials_together;

use crate::department::measure_form::MeasureDraft;
use crate::department::printed_line::PrintedLine;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_after_removal, print};
use crate::shared::column_heads::ColumnHeads;
use crate::shared::table_scroll::TableScroll;

/// The «Удалить» button of the `n`-th measure shown.
fn remove_id(n: usize) -> String {
    format!("measure-remove-{n}")
}

const TITLE: &str = "road-map-title";

#[component]
pub fn RoadMap(draft: MeasureDraft) -> impl IntoView {
    let dept: Dept = expect_context();
    // (index in the archive, measure) of this card and period.
    let shown = Memo::new(move |_| {
        let period = dept.period.get().unwrap_or_default();
        let card = dept.card.with(|c| c.id.clone());
        dept.archive().with(|a| {
            a.measures
                .iter()
                .enumerate()
                .filter(|(_, m)| m.follows(&card, &period))
                .map(|(i, m)| (i, m.clone()))
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        dept.card.with(|card| {
            dept.results.with(|schools| {
                shown
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(n, (index, m))| {
                        let edit = {
                            let m = m.clone();
                            move |_| draft.edit(&m)
                        };
                        let removed = m.clone();
                        let remove = move |_| {
                            if confirm(&format!(
                                "Удалить из дорожной карты: {}? Это нельзя отменить.",
                                removed.named()
                            )) {
                                dept.remove_measure(index);
                                draft.forget(&removed);
                                // The focus goes to the measure now in its
                                // place, or to the heading once none is left.
                                let left = shown.with_untracked(Vec::len);
                                focus_after_removal(n, left, remove_id, TITLE);
                            }
                        };
                        view! {
                            <tr>
                                <td>{n + 1}</td>
                                <td>{m.heading()}</td>
                                <td>{m.date.clone()}</td>
                                <td>{m.describe(schools)}</td>
                                {card.has_measure_targets().then(|| view! { <td>{m.codes(card).join(", ")}</td> })}
                                <td>{m.implementation.clone()}</td>
                                <td>{m.report_form.clone()}</td>
                                <td>{initials_together(m.responsible.trim())}</td>
                                <td>{m.done.clone()}</td>
                                <td class="no-print">
                                    <button type="button" on:click=edit
                                        aria-label=format!("Изменить меру {}: {}", n + 1, m.named())>"Изменить"</button>
                                    " "
                                    <button type="button" class="danger" id=remove_id(n) on:click=remove
                                        aria-label=format!("Удалить меру {}: {}", n + 1, m.named())>"Удалить"</button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="road-map" aria-labelledby=TITLE>
            <h3 id=TITLE tabindex="-1">{move || format!(
                "Дорожная карта мер по итогам мониторинга за {} учебный год",
                dept.period.get().unwrap_or_default()
            )}</h3>
            <PrintedLine testid="road-map-printed"/>
            <Show when=move || !shown.with(Vec::is_empty) fallback=|| view! { <p class="muted">"Меры за этот год ещё не записаны."</p> }>
                <div class="actions no-print">
                    <button type="button" on:click=move |_| print()>"Печать дорожной карты"</button>
                </div>
                <TableScroll label="Дорожная карта мер">
                <table class="data road-map-table" data-testid="road-map">
                    <thead>
                        <tr>
                            {move || view! { <ColumnHeads names=dept.card.with(|c| road_map_headers(c))/> }}
                            <th scope="col" class="no-print"><span class="visually-hidden">"Действия"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                </TableScroll>
                <p class="signature-line print-only">{report::SIGNATURE}</p>
            </Show>
        </section>
    }
}
