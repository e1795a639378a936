//! The part of the results a card with points has: the rating, levels and
//! criteria, problem zones, schools at the low level, the school × indicator
//! matrix and one school's profile against the municipal average. The
//! rating comes first on the tab, so the charts below it wait for its paint.

use leptos::prelude::*;

use profkarta_charts::figures::{
    criteria_svg, heatmap_svg, indicators_svg, levels_svg, profile_svg,
};

use crate::department::chart::{Chart, CRITERIA_CHART, LEVELS_CHART};
use crate::department::low_schools::LowSchools;
use crate::department::problem_zones::ProblemZones;
use crate::department::rating_table::RatingTable;
use crate::department::school_select::SchoolSelect;
use crate::department::state::Dept;
use crate::shared::deferred::Deferred;

#[component]
pub fn ScoredResults() -> impl IntoView {
    let dept: Dept = expect_context();
    let card = dept.card.get_untracked();
    let levels = Signal::derive(move || dept.figures.with(levels_svg));
    let criteria = Signal::derive(move || dept.figures.with(criteria_svg));
    let indicators = {
        let card = card.clone();
        Signal::derive(move || dept.figures.with(|f| indicators_svg(f, &card)))
    };
    let heat = Signal::derive(move || dept.rating.with(|r| heatmap_svg(&card, r)));
    let profile = Signal::derive(move || {
        dept.open.with(|o| {
            o.as_ref()
                .map(|s| dept.figures.with(|f| profile_svg(f, s)))
                .unwrap_or_default()
        })
    });
    let with_levels = dept.card.with_untracked(|c| c.levels.is_some());
    view! {
        // What «Печать рейтинга» prints of the tab (see `print_part`).
        <div class="rating-part">
            <h3>"Рейтинг школ"</h3>
            <RatingTable/>
        </div>
        <Deferred>
            <div class="chart-grid">
                {with_levels.then(|| view! { <Chart svg=levels name=LEVELS_CHART testid="chart-levels"/> })}
                <Chart svg=criteria name=CRITERIA_CHART testid="chart-criteria"/>
            </div>
            <ProblemZones/>
            {with_levels.then(|| view! { <LowSchools/> })}
            <Chart svg=indicators name="Диаграмма: доля школ, выполнивших показатель" testid="chart-indicators"/>
            // On sheets laid across when printed (see `PAGE_ROWS`).
            <div class="matrix-part">
                <h3>"Матрица «школа × показатель»"</h3>
                // The picture's own text gives the counts of its cells; each
                // cell is in the file (an accessibility audit: 276 cells
                // read by nobody using a screen reader).
                <p class="muted no-print">"Каждая ячейка матрицы — в файле «Матрица показателей в CSV» (кнопка вверху вкладки): баллы школы, а где баллы не считаются — словами, почему («нет ответа», «не применим»…). Его можно открыть в Excel и прочитать построчно."</p>
                <Chart svg=heat name="Матрица «школа × показатель»" testid="chart-heatmap"/>
            </div>
            // One block, so that «Печать рейтинга» leaves its note out too.
            <div class="school-profile">
                <h3>"Профиль школы и муниципалитет в целом"</h3>
                <p class="muted">"Линия — муниципалитет в целом: сумма баллов всех школ от суммы их максимумов по критерию, как на диаграмме «Выполнение критериев по муниципалитету», а не среднее процентов школ."</p>
                <SchoolSelect/>
                <Chart svg=profile name="Диаграмма: профиль школы и муниципалитет в целом" testid="chart-profile"/>
            </div>
        </Deferred>
    }
}
