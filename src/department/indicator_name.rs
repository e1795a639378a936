//! An indicator's row heading in the department's tables: the code and the
//! wording, since on paper a code alone says nothing.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn IndicatorName(
    code: String,
    /// The wording where it is not the shown card's: an indicator the card
    /// no longer has.
    #[prop(optional)]
    text: Option<String>,
) -> impl IntoView {
    let dept: Dept = expect_context();
    let wording = text.unwrap_or_else(|| {
        dept.card.with_untracked(|card| {
            card.indicator(&code)
                .map(|i| i.text.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <th scope="row" class="indicator-name">
            <span class="code">{code}</span>" "<span class="wording">{wording}</span>
        </th>
    }
}
