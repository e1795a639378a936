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

/// A share in percent for drawing only; every decision uses exact integers.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}
