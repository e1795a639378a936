//! The cards the department's site publishes that this browser lacks: a
//! second computer of the department (or a new one) would otherwise publish
//! its own «версия 2» over the one schools already fill in, and two cards
//! would share one number (a walk-through did exactly that).

use leptos::prelude::*;

use profkarta_core::signed::card_file::{read_site_index, INDEX_NAME, SITE_FOLDER};

use crate::department::state::Dept;
use crate::platform::fetch::own_file;

#[component]
pub fn SiteCardsCheck() -> impl IntoView {
    let dept: Dept = expect_context();
    // (id, title, version) of each card on the site, once read; the site's
    // folder is beside the school's page, one level above this one.
    let on_site = RwSignal::new(Vec::<(String, String, u32)>::new());
    leptos::task::spawn_local(async move {
        let Some(text) = own_file(&format!("../{SITE_FOLDER}/{INDEX_NAME}")).await else {
            return;
        };
        if let Ok(index) = read_site_index(&text) {
            let cards = index.cards.into_iter().map(|e| (e.id, e.title, e.version));
            on_site.try_set(cards.collect());
        }
    });
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
                    .filter(|(id, _, version)| !known(id, *version))
                    .map(|(_, title, version)| format!("«{title}», версия {version}"))
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
                         сайта кнопкой «Загрузить файл карты…» ниже: иначе у двух разных карт будет \
                         один номер версии.",
                        missing.join("; ")
                    )}</p>
                </div>
            }
        })
    }
}
