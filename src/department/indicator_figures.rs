//! Every indicator's municipal value: how many schools' answers make it, how
//! many schools it applies to and how many earned it, and the value pooled
//! over them (shares Σ/Σ, sums, the mean of typed
//! levels, list totals), informational indicators included.

use leptos::prelude::*;

use profkarta_core::department::figures::describe_value;
use profkarta_core::department::report;
use profkarta_core::department::tables::indicator_headers;
use profkarta_core::text::percent;

use crate::department::state::Dept;
use crate::shared::column_heads::ColumnHeads;
use crate::shared::table_scroll::TableScroll;

#[component]
pub fn IndicatorFigures() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    let headers = indicator_headers(&card);
    let value_at = headers.len() - 1;
    let scored = card.has_points();
    let note = report::figures_note(&card);
    let rows = move || {
        dept.figures.with(|f| {
            card.indicators()
                .zip(&f.indicators)
                .map(|(indicator, i)| {
                    let (earned, share) = if indicator.points > 0 {
                        (
                            i.earned.to_string(),
                            percent(i.earned as u64, i.applicable as u64),
                        )
                    } else {
                        ("без баллов".to_owned(), "—".to_owned())
                    };
                    view! {
                        <tr data-code=i.code.clone()>
                            <th scope="row">{i.code.clone()}</th>
                            <td class="indicator-text">{indicator.text.clone()}</td>
                            <td class="num" data-col="answered">{i.answered}</td>
                            <td class="num" data-col="applicable">{i.applicable}</td>
                            {scored.then(|| view! {
                                <td class="num" data-col="earned">{earned.clone()}</td>
                                <td class="num">{share.clone()}</td>
                            })}
                            <td data-col="value">{describe_value(&indicator.rule, i)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h3>{report::FIGURES_HEADING}</h3>
        <TableScroll label="Показатели по муниципалитету">
            <table class="indicator-figures" data-testid="indicator-figures">
                <thead>
                    <tr>
                        <ColumnHeads names=&headers[..2]/>
                        <ColumnHeads names=&headers[2..value_at] numbers=true/>
                        <ColumnHeads names=&headers[value_at..]/>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        <p class="hint figures-note" data-testid="figures-note">{note}</p>
    }
}
