//! The school's page: profile, the card grouped by direction and criterion,
//! and the always-visible score beside it.

use leptos::prelude::*;

use crate::school::card_choice::CardChoice;
use crate::school::criterion_section::CriterionSection;
use crate::school::draft_bar::DraftBar;
use crate::school::export_panel::ExportPanel;
use crate::school::last_year_source::LastYearSource;
use crate::school::notices_panel::NoticesPanel;
use crate::school::print_footer::PrintFooter;
use crate::school::profile_form::ProfileForm;
use crate::school::score_summary::ScoreSummary;
use crate::school::state::CardCtx;
use crate::shared::role_switch::{Role, RoleSwitch};

#[component]
pub fn SchoolCardPage() -> impl IntoView {
    let CardCtx(card) = expect_context();
    // Criteria and indicators are numbered through the whole card, the way
    // the assessment lists them.
    let mut criterion_index = 0;
    let mut indicator_index = 0;
    let directions = card
        .directions
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
                            first_indicator=indicator_index
                        />
                    };
                    criterion_index += 1;
                    indicator_index += criterion.indicators.len();
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
        .collect_view();
    view! {
        <a class="skip-link" href="#summary">"Перейти к итогам"</a>
        <RoleSwitch current=Role::School/>
        <header class="app-header">
            <p class="brand">"Профкарта · самооценка ОО"</p>
            <h1>{card.title.clone()}</h1>
            <p class="source">{card.source.clone()}</p>
            <CardChoice/>
            {(!card.note.is_empty()).then(|| view! { <p class="card-note" data-testid="card-note">{card.note.clone()}</p> })}
        </header>
        <DraftBar/>
        <NoticesPanel/>
        <div class="layout">
            <main class="card-main">
                <ProfileForm/>
                <LastYearSource/>
                {directions}
                <ExportPanel/>
            </main>
            <ScoreSummary/>
        </div>
        <PrintFooter/>
    }
}
