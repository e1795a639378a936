//! A bulk action previewed for one school while another is open: a reviewer
//! who went on without «Применить» lost the confirmations without a word.

use leptos::prelude::*;

use profkarta_core::department::bulk::{changed_word, decisions_on};
use profkarta_core::text::quoted;

use crate::department::bulk_actions::PREVIEW_BUTTON;
use crate::department::review_panel::REVIEW_SCHOOL;
use crate::department::state::Dept;
use crate::platform::browser::focus_when_drawn;

#[component]
pub fn BulkWaiting() -> impl IntoView {
    let dept: Dept = expect_context();
    let pending = dept.pending_bulk();
    let waiting = move || {
        let p = pending.get()?;
        let codes = dept.archive().with(|a| p.codes(a));
        if codes.is_empty() {
            return None;
        }
        let open = dept
            .open
            .with(|o| o.as_ref().map(|r| r.submission_id.clone()));
        if open.as_ref() == Some(&p.submission) {
            return None;
        }
        let (school, period) = dept.archive().with(|a| {
            let e = a.entry(&p.submission)?;
            Some((e.profile().name.clone(), e.period().to_owned()))
        })?;
        // Another year's school is named with its year (a re-check saw the
        // notice go without a word as the year changed).
        let here = dept.period.with(|now| now.as_ref() == Some(&period));
        let school = match here {
            true => quoted(&school),
            false => format!("{} ({period} учебный год)", quoted(&school)),
        };
        Some((p, codes, school))
    };
    let back = move |_| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let period = (dept.archive())
            .with_untracked(|a| a.entry(&p.submission).map(|e| e.period().to_owned()));
        if let Some(period) = period {
            dept.choose_period(period);
        }
        dept.open_school(p.submission);
        focus_when_drawn(PREVIEW_BUTTON.to_owned());
    };
    // The notice goes; the focus goes to the school open.
    let drop = move |_| {
        pending.set(None);
        focus_when_drawn(REVIEW_SCHOOL.to_owned());
    };
    view! {
        {move || waiting().map(|(p, codes, school)| view! {
            <p class="notice notice-warning" data-testid="bulk-waiting">
                <span id="bulk-waiting-text">{format!(
                    "«{}» для {school} не применено: {} не {}.",
                    p.bulk.label(),
                    decisions_on(&codes),
                    changed_word(codes.len()),
                )}</span>
                " "
                <button type="button" aria-describedby="bulk-waiting-text" on:click=back>"Вернуться к этой школе"</button>
                <button type="button" aria-describedby="bulk-waiting-text" on:click=drop>"Не применять"</button>
            </p>
        })}
    }
}
