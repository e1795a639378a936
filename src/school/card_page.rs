//! The school's page: profile, the card grouped by direction and criterion,
//! and the always-visible score beside it.

use leptos::prelude::*;

use crate::school::card_body::CardBody;
use crate::school::card_choice::CardChoice;
use crate::school::card_updates::CardUpdates;
use crate::school::draft_bar::DraftBar;
use crate::school::export_panel::ExportPanel;
use crate::school::last_year_source::LastYearSource;
use crate::school::notices_panel::NoticesPanel;
use crate::school::plan_section::PlanSection;
use crate::school::profile_form::ProfileForm;
use crate::school::score_summary::ScoreSummary;
use crate::school::state::CardCtx;
use crate::shared::notices_list::PAGE_TITLE;
use crate::shared::role_switch::{Role, RoleSwitch};

#[component]
pub fn SchoolCardPage() -> impl IntoView {
    let CardCtx(card) = expect_context();
    view! {
        <a class="skip-link" href="#summary">"Перейти к итогам"</a>
        <RoleSwitch current=Role::School/>
        <header class="app-header">
            <p class="brand">"Профкарта · самооценка ОО"</p>
            <h1 id=PAGE_TITLE tabindex="-1">{card.title.clone()}</h1>
            <p class="source">{card.source.clone()}</p>
            <CardChoice/>
            {(!card.note.is_empty()).then(|| view! { <p class="card-note" data-testid="card-note">{card.note.clone()}</p> })}
        </header>
        <DraftBar/>
        <NoticesPanel/>
        <CardUpdates/>
        <div class="layout">
            <main class="card-main">
                <ProfileForm/>
                <LastYearSource/>
                <CardBody/>
                <PlanSection/>
                <ExportPanel/>
            </main>
            <ScoreSummary/>
        </div>
    }
}
