//! The schools of the list no card is expected of in the year shown: new
//! since a later year, or closed after an earlier one. Named under the
//! list, each with a way back, since they are left out of its counts, the
//! reminder and the report's «не представили».

use leptos::prelude::*;

use profkarta_core::department::roster::{not_expected, FileYears, RosterRow};

use crate::department::state::Dept;
use crate::platform::browser::focus_after_removal;

/// The heading of the schools named, for the focus to go to when a school
/// joins them.
pub const NOT_EXPECTED_TITLE: &str = "roster-not-expected-title";

/// The «Ожидать карту» button of the `i`-th school named.
fn expect_id(i: usize) -> String {
    format!("roster-expect-{i}")
}

#[component]
pub fn RosterNotExpected(
    rows: Memo<Vec<RosterRow>>,
    /// The years each school's files came.
    years: Memo<Vec<Option<FileYears>>>,
    period: Signal<String>,
) -> impl IntoView {
    let dept: Dept = expect_context();
    let schools = Memo::new(move |_| {
        let period = period.get();
        dept.archive().with(|a| {
            rows.with(|rows| years.with(|years| not_expected(&a.roster, rows, &period, years)))
        })
    });
    let items = move || {
        (schools.get().into_iter().enumerate())
            .map(|(i, (at, name, why))| {
                // From this year on: a school new since a later year is
                // expected from this one, not in every year before it.
                let expect = move |_| {
                    let period = period.get_untracked();
                    dept.edit_roster(|r| {
                        if let Some(school) = r.schools.get_mut(at) {
                            match period < school.since {
                                true => school.since = period,
                                false => school.until.clear(),
                            }
                        }
                    });
                    let left = schools.with_untracked(Vec::len);
                    focus_after_removal(i, left, expect_id, "roster-title");
                };
                view! {
                    <li>
                        {format!("{name} — {why}")} " "
                        <button type="button" id=expect_id(i) class="no-print" on:click=expect
                            aria-label=format!("Ожидать карту с этого года: {name}")>"Ожидать карту"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || schools.with(|s| !s.is_empty())>
            <section class="roster-not-expected" aria-labelledby="roster-not-expected-title" data-testid="roster-not-expected">
                <h3 id=NOT_EXPECTED_TITLE tabindex="-1">{move || format!("Карта за {} учебный год не ожидается", period.get())}</h3>
                <p class="hint">"Эти школы не входят в счёт «сдали … из …», в письмо-напоминание и в перечень не представивших карту в справке."</p>
                <ul>{items}</ul>
            </section>
        </Show>
    }
}
