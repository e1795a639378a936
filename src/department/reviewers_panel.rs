//! «Проверяющие»: the review of many schools shared among several
//! methodists with no server. The lead registers reviewers by their key
//! files, shares out the schools, hands out assignment files and merges the
//! signed review files; a reviewer loads their assignment and sends back
//! their decisions. Both sides are on one tab: any laptop can be either.

use leptos::prelude::*;

use crate::department::assignment_table::AssignmentTable;
use crate::department::conflict_list::ConflictList;
use crate::department::review_merge::ReviewMerge;
use crate::department::reviewer_list::ReviewerList;
use crate::department::reviewer_side::ReviewerSide;
use crate::department::state::Dept;
use crate::shared::signing_key::SigningKey;

/// The tab's heading: the focus goes there when what held it goes.
pub const REVIEWERS_TITLE: &str = "reviewers-title";

/// What decisions made here are signed as ([`Archive::coordinator`]), by
/// this computer's key.
///
/// [`Archive::coordinator`]: profkarta_core::department::archive::Archive::coordinator
pub fn coordinator_name(dept: Dept) -> impl Fn() -> String + Copy {
    let key: SigningKey = expect_context();
    move || {
        dept.archive()
            .with(|a| a.coordinator(key.fingerprint().as_deref()))
    }
}

#[component]
pub fn ReviewersPanel() -> impl IntoView {
    view! {
        <section class="panel reviewers" aria-labelledby=REVIEWERS_TITLE>
            <h2 id=REVIEWERS_TITLE tabindex="-1">"Проверка несколькими специалистами"</h2>
            <ol class="hint steps">
                <li>"Проверяющий вводит ниже своё имя и отправляет ведущему файл ключа."</li>
                <li>"Ведущий координатор добавляет проверяющих, распределяет школы и отправляет каждому файл задания."</li>
                <li>"Проверяющий загружает выгрузки школ (или резервную копию) и задание, проверяет свои школы на вкладке «Проверка» и отправляет ведущему файл проверки."</li>
                <li>"Ведущий загружает файлы проверки. Разные решения по одному показателю он разбирает сам, видя оба комментария."</li>
            </ol>
            <ReviewerSide/>
            <h3>"Ведущий координатор"</h3>
            <ReviewerList/>
            <AssignmentTable/>
            <ReviewMerge/>
            <ConflictList/>
        </section>
    }
}
