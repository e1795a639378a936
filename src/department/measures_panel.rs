//! «Меры»: the department's measures and management decisions after the
//! period on screen, their road map, and the analysis of the effectiveness
//! of the measures taken after the period before.

use leptos::prelude::*;

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
                // A card without points has no letters; its shares can be
                // targets, judged by the pupils' share.
                {move || dept.card.with(|c| match (c.has_points(), c.has_measure_targets()) {
                    (true, _) => "Меры, адресованные школе, попадут в её письмо с рекомендациями; через год здесь будет видно, улучшились ли их целевые показатели.",
                    (false, true) => "Карта не даёт баллов: целевыми показателями меры могут быть её доли, и через год здесь будет видно, выросла ли доля обучающихся в адресных школах больше, чем в остальных.",
                    (false, false) => "Карта не даёт баллов и не собирает долей обучающихся: меры войдут в дорожную карту, но целевых показателей и оценки их эффективности у неё нет.",
                })}
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
