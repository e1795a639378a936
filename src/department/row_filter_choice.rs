//! «Показывать»: which indicators of the open school the review lists.

use leptos::prelude::*;

use profkarta_core::department::review_filter::RowFilter;

use crate::department::state::Dept;

/// The default threshold of «изменились с прошлого года», in п. п.
const CHANGED_BY: u32 = 10;

/// The choices: (key, words).
const CHOICES: [(&str, &str); 5] = [
    ("all", "все показатели"),
    ("without-evidence", "заявленные баллы без подтверждения"),
    ("discrepancies", "только расхождения"),
    ("changed", "изменившиеся с прошлого года более чем на…"),
    (
        "copied",
        "перенесённые из прошлого года и не проверенные школой",
    ),
];

fn key(filter: RowFilter) -> &'static str {
    match filter {
        RowFilter::All => "all",
        RowFilter::WithoutEvidence => "without-evidence",
        RowFilter::Discrepancies => "discrepancies",
        RowFilter::ChangedSinceLastYear(_) => "changed",
        RowFilter::Copied => "copied",
    }
}

/// The choice outlives one school's view (the review draws each school
/// anew), so the list starts at what is chosen.
#[component]
pub fn RowFilterChoice(filter: RwSignal<RowFilter>) -> impl IntoView {
    let now = filter.get_untracked();
    let points = RwSignal::new(match now {
        RowFilter::ChangedSinceLastYear(n) => n,
        _ => CHANGED_BY,
    });
    let choose = move |key: &str| {
        filter.set(match key {
            "without-evidence" => RowFilter::WithoutEvidence,
            "discrepancies" => RowFilter::Discrepancies,
            "copied" => RowFilter::Copied,
            "changed" => RowFilter::ChangedSinceLastYear(points.get_untracked()),
            _ => RowFilter::All,
        });
    };
    let on_points = move |ev| {
        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
            points.set(n);
            if matches!(filter.get_untracked(), RowFilter::ChangedSinceLastYear(_)) {
                filter.set(RowFilter::ChangedSinceLastYear(n));
            }
        }
    };
    // A card without points claims none to go without evidence.
    let dept: Dept = expect_context();
    let options = move || {
        let scored = dept.card.with(|c| c.has_points());
        (CHOICES.into_iter())
            .filter(|(value, _)| scored || *value != "without-evidence")
            .map(|(value, words)| view! { <option value=value selected=value == key(now)>{words}</option> })
            .collect_view()
    };
    view! {
        <p class="row-filter">
            <label for="row-filter">"Показывать: "</label>
            // Follows the choice made elsewhere too («Показать все показатели»).
            <select id="row-filter" prop:value=move || key(filter.get()) on:change=move |ev| choose(&event_target_value(&ev))>
                {options}
            </select>
            <Show when=move || matches!(filter.get(), RowFilter::ChangedSinceLastYear(_))>
                " "
                <input id="row-filter-points" type="number" min="0" max="100" class="narrow"
                    aria-label="Порог изменения, п. п." prop:value=move || points.get().to_string() on:input=on_points/>
                " п. п."
            </Show>
        </p>
    }
}
