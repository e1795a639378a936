//! «Показывать»: which indicators of the open school the review lists.

use leptos::prelude::*;

use profkarta_core::department::review_filter::RowFilter;

/// The default threshold of «изменились с прошлого года», in п. п.
const CHANGED_BY: u32 = 10;

#[component]
pub fn RowFilterChoice(filter: RwSignal<RowFilter>) -> impl IntoView {
    let points = RwSignal::new(CHANGED_BY);
    let choose = move |key: &str| {
        filter.set(match key {
            "without-evidence" => RowFilter::WithoutEvidence,
            "discrepancies" => RowFilter::Discrepancies,
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
    view! {
        <p class="row-filter">
            <label for="row-filter">"Показывать: "</label>
            <select id="row-filter" on:change=move |ev| choose(&event_target_value(&ev))>
                <option value="all">"все показатели"</option>
                <option value="without-evidence">"заявленные баллы без подтверждения"</option>
                <option value="discrepancies">"только расхождения"</option>
                <option value="changed">"изменившиеся с прошлого года более чем на…"</option>
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
