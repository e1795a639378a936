//! The schools at the low level, for the results page and the report.

use leptos::prelude::*;

use crate::department::state::Dept;
use profkarta_core::card::Level;

#[component]
pub fn LowSchools() -> impl IntoView {
    let dept: Dept = expect_context();
    let items = move || {
        dept.rating.with(|r| {
            r.iter()
                .filter(|x| x.result.score.level == Some(Level::Low))
                .map(|x| {
                    let s = &x.result.score;
                    view! { <li>{format!("{} — {} из {}", x.result.name(), s.total, s.max_applicable)}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <h3>"Школы с низкой эффективностью"</h3>
        <ul data-testid="low-schools">{items}</ul>
    }
}
