//! The department's page: tabs over one workspace.

use leptos::prelude::*;

use crate::department::card_select::CardSelect;
use crate::department::cards_panel::CardsPanel;
use crate::department::dynamics_panel::DynamicsPanel;
use crate::department::editor::CardEditor;
use crate::department::import_panel::ImportPanel;
use crate::department::letters_panel::LettersPanel;
use crate::department::measures_panel::MeasuresPanel;
use crate::department::period_select::PeriodSelect;
use crate::department::progress_bar::ProgressBar;
use crate::department::report_panel::ReportPanel;
use crate::department::results_panel::ResultsPanel;
use crate::department::review_panel::ReviewPanel;
use crate::department::reviewers_panel::ReviewersPanel;
use crate::department::roster_panel::RosterPanel;
use crate::department::saving_status::SavingStatus;
use crate::department::state::{Dept, Tab};
use crate::platform::browser::{focus_id, on_before_print, set_print_foot};
use crate::shared::notices_list::{NoticesList, PAGE_TITLE};
use crate::shared::role_switch::{Role, RoleSwitch};

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let dept: Dept = expect_context();
    let tabs = Tab::ALL.map(|tab| {
        view! {
            <button
                type="button"
                role="tab"
                id=format!("tab-{}", tab.key())
                // Its bold width is kept for it (style: `::after`), so that
                // the bar does not shift as another tab opens.
                data-label=tab.label()
                aria-controls="dept-panel"
                aria-selected=move || (dept.tab().get() == tab).to_string()
                // Only the open tab is in the Tab order: Tab goes from it
                // to its content, and the arrows move along the others.
                tabindex=move || if dept.tab().get() == tab { "0" } else { "-1" }
                on:click=move |_| dept.show(tab)
            >
                {tab.label()}
            </button>
        }
    });
    // The arrows move the focus along the tabs, as in any tab list; Enter
    // or Space opens the one reached (a tab at 1 000 schools takes a moment
    // to draw, so passing over one does not open it).
    let on_tab_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(at) = Tab::ALL.iter().position(|t| {
            document()
                .active_element()
                .is_some_and(|e| e.id() == format!("tab-{}", t.key()))
        }) else {
            return;
        };
        let n = Tab::ALL.len();
        let to = match ev.key().as_str() {
            "ArrowRight" => (at + 1) % n,
            "ArrowLeft" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        focus_id(&format!("tab-{}", Tab::ALL[to].key()));
    };
    // Another card changes every panel's rows and columns: draw it anew.
    // The memo is read, not only tracked: a memo nobody reads is never
    // computed, so it never learns that its sources changed.
    let card_id = Memo::new(move |_| dept.card.with(|c| (c.id.clone(), c.version)));
    // The draft in the editor, read once per opening: the editor keeps its
    // own working copy.
    let open_draft = move || {
        dept.editing().get().and_then(|index| {
            dept.archive().with_untracked(|a| {
                a.own_cards()
                    .get(index)
                    .filter(|o| o.is_draft())
                    .cloned()
                    .map(|own| (index, own))
            })
        })
    };
    let body = move || match (card_id.with(|_| ()), dept.tab().get()).1 {
        Tab::Import => view! { <ImportPanel/> }.into_any(),
        Tab::Schools => view! { <RosterPanel/> }.into_any(),
        Tab::Review => view! { <ReviewPanel/> }.into_any(),
        Tab::Reviewers => view! { <ReviewersPanel/> }.into_any(),
        Tab::Results => view! { <ResultsPanel/> }.into_any(),
        Tab::Dynamics => view! { <DynamicsPanel/> }.into_any(),
        Tab::Letters => view! { <LettersPanel/> }.into_any(),
        Tab::Measures => view! { <MeasuresPanel/> }.into_any(),
        Tab::Report => view! { <ReportPanel/> }.into_any(),
        Tab::Cards => match open_draft() {
            Some((index, own)) => view! { <CardEditor index own/> }.into_any(),
            None => view! { <CardsPanel/> }.into_any(),
        },
    };
    // Every printed sheet's foot says whose it is, the card and the year:
    // a sheet of a long rating apart from the first says nothing else.
    on_before_print(move || set_print_foot(&dept.printed_foot()));
    view! {
        // Past the role links, the tabs and the selects, to the open tab.
        <a class="skip-link" href="#dept-main">"Перейти к содержимому раздела"</a>
        <RoleSwitch current=Role::Department/>
        <header class="app-header no-print">
            <p class="brand">"Профкарта · отдел образования"</p>
            <h1 id=PAGE_TITLE tabindex="-1">"Мониторинг профориентационной работы школ"</h1>
        </header>
        <NoticesList/>
        // A tablist in a landmark: as the nav's own role it took the nav's away.
        <nav aria-label="Разделы">
            // Named once, by the nav: both would be read.
            <div class="dept-tabs" role="tablist" data-testid="dept-tabs" on:keydown=on_tab_key>{tabs}</div>
        </nav>
        <SavingStatus/>
        // On every tab: while a stored workspace opens, an empty rating
        // must not read as "nothing received".
        <ProgressBar/>
        // In a landmark of their own, so that nothing on the page stands
        // outside one; shown only while there is a choice to make, and
        // named by what is chosen.
        <Show when=move || dept.card_choice() || dept.period_choice()>
            <section class="scope-select no-print" aria-label=move || match (dept.card_choice(), dept.period_choice()) {
                (true, true) => "Карта и учебный год",
                (true, false) => "Карта",
                _ => "Учебный год",
            }>
                <CardSelect/>
                <PeriodSelect/>
            </section>
        </Show>
        <main class="dept-main" id="dept-main" tabindex="-1">
            <div role="tabpanel" id="dept-panel" aria-labelledby=move || format!("tab-{}", dept.tab().get().key())>{body}</div>
        </main>
    }
}
