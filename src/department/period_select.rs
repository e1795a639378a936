//! Which academic year the results, letters and report are about.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn PeriodSelect() -> impl IntoView {
    let dept: Dept = expect_context();
    let on_change = move |ev| dept.choose_period(event_target_value(&ev));
    view! {
        <Show when=move || dept.period_choice()>
            <p class="period-select no-print">
                <label for="period">"Учебный год: "</label>
                <select id="period" on:change=on_change>
                    {move || {
                        let current = dept.period.get();
                        dept.periods.get().into_iter().map(|p| {
                            let selected = current.as_deref() == Some(p.as_str());
                            view! { <option value=p.clone() selected=selected>{p.clone()}</option> }
                        }).collect_view()
                    }}
                </select>
            </p>
        </Show>
    }
}
