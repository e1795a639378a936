//! A chart drawn by [`profkarta_charts`] into SVG text and placed as is. The
//! charts escape every label themselves, so the text is safe to insert, and
//! each carries its own title and an `aria-label` with the numbers.

use leptos::prelude::*;

use crate::shared::table_scroll::TableScroll;

/// The names of the charts the results and the report both show.
pub const LEVELS_CHART: &str = "Диаграмма: уровни эффективности школ";
pub const CRITERIA_CHART: &str = "Диаграмма: выполнение критериев по муниципалитету";

/// In a narrow window (a phone, a large zoom) the chart keeps its size and
/// scrolls sideways in a box named `name`: fitted to 320 px, its letters
/// were 5 px high.
#[component]
pub fn Chart(
    #[prop(into)] svg: Signal<String>,
    #[prop(into)] name: String,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <TableScroll label=name>
            <figure class="chart" data-testid=testid>
                <div class="chart-svg" inner_html=svg></div>
            </figure>
        </TableScroll>
    }
}
