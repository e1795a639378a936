//! The card's groups and criteria with their indicator rows: the school's
//! page and the department's preview of a card draw the same thing.

use leptos::prelude::*;

use crate::school::criterion_section::CriterionSection;
use crate::school::state::CardCtx;

#[component]
pub fn CardBody() -> impl IntoView {
    let CardCtx(card) = expect_context();
    // Criteria are numbered through the whole card, the way the assessment
    // lists them.
    let mut criterion_index = 0;
    card.directions
        .iter()
        .map(|direction| {
            let criteria = direction
                .criteria
                .iter()
                .map(|criterion| {
                    let view = view! {
                        <CriterionSection
                            criterion=criterion.clone()
                            index=criterion_index
                        />
                    };
                    criterion_index += 1;
                    view
                })
                .collect_view();
            view! {
                <section class="direction">
                    <h2>{direction.title.clone()}</h2>
                    {criteria}
                </section>
            }
        })
        .collect_view()
}
