//! The cards the department's site publishes that this browser lacks: a
//! second computer of the department (or a new one) published its own
//! «версия 2» over the one schools already filled in (a walk-through did
//! exactly that). Their numbers are kept now ([`Archive::publish`]); loaded,
//! their content is what the next version here starts from.
//!
//! [`Archive::publish`]: profkarta_core::department::archive::Archive::publish

use leptos::prelude::*;

use profkarta_core::signed::card_file::SITE_FOLDER;

use crate::department::state::Dept;

#[component]
pub fn SiteCardsCheck() -> impl IntoView {
    let dept: Dept = expect_context();
    // Read afresh each time the tab opens: another computer may have
    // published since the page was opened.
    dept.read_site_cards();
    let on_site = dept.site_cards;
    let missing = move || {
        // Most sites publish none: the workspace, which changes with every
        // file imported, is then not read at all.
        if on_site.with(Vec::is_empty) {
            return Vec::new();
        }
        dept.archive().with(|a| {
            let known = |id: &str, version: u32| {
                a.cards().get(id, version).is_some()
                    || (a.own_cards().published()).any(|c| c.id == id && c.version == version)
            };
            on_site.with(|all| {
                (all.iter())
                    .filter(|e| !known(&e.id, e.version))
                    .map(|e| format!("«{}», версия {}", e.title, e.version))
                    .collect::<Vec<_>>()
            })
        })
    };
    move || {
        let missing = missing();
        (!missing.is_empty()).then(|| {
            view! {
                <div class="notice notice-warning" role="status" data-testid="site-cards-missing">
                    <p>{format!(
                        "На сайте опубликованы карты, которых нет в этом браузере: {}. Их опубликовали \
                         на другом компьютере отдела (или здесь их ещё не загружали). Прежде чем \
                         выпускать новые версии этих карт, загрузите их файлы из папки {SITE_FOLDER} \
                         сайта кнопкой «Загрузить файл карты…» ниже: новая версия должна продолжать \
                         их, а не прежнюю.",
                        missing.join("; ")
                    )}</p>
                </div>
            }
        })
    }
}
