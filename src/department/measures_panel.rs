//! «Меры»: the department's measures and management decisions after the
//! period on screen, their road map, and the analysis of the effectiveness
//! of the measures taken after the period before.

use leptos::prelude::*;

use profkarta_core::department::report;

use crate::department::effectiveness_view::EffectivenessView;
use crate::department::measure_form::{MeasureDraft, MeasureForm};
use crate::department::no_cards::NoCards;
use crate::department::road_map::RoadMap;
use crate::department::state::Dept;

#[component]
pub fn MeasuresPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let draft = MeasureDraft::new();
    view! {
        <section class="panel measures" aria-labelledby="measures-title">
            <h2 id="measures-title" class="no-print">"Меры и управленческие решения"</h2>
            <p class="hint no-print">
                "Запишите меры, принятые по итогам мониторинга: методические мероприятия, курсы, семинары, приказы, изменения муниципальной программы, соглашения, консультирование. "
                {move || dept.card.with(|c| report::targets_hint(c))}
            </p>
            // Measures follow a year's monitoring: without files there is none.
            <Show when=move || dept.period.with(Option::is_some) fallback=|| view! { <NoCards/> }>
                <MeasureForm draft/>
                <RoadMap draft/>
                <div class="no-print"><EffectivenessView/></div>
            </Show>
        </section>
    }
}
