//! A chart drawn by [`profkarta_charts`] into SVG text and placed as is. The
//! charts escape every label themselves, so the text is safe to insert, and
//! each carries its own title and an `aria-label` with the numbers.

use leptos::prelude::*;

#[component]
pub fn Chart(#[prop(into)] svg: Signal<String>, testid: &'static str) -> impl IntoView {
    view! {
        <figure class="chart" data-testid=testid>
            <div class="chart-svg" inner_html=svg></div>
        </figure>
    }
}
