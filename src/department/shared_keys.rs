//! Schools whose counted cards were signed with one key: told, not refused,
//! so that the coordinator asks who filled them in.

use leptos::prelude::*;

use profkarta_core::department::view::held::shared_keys;
use profkarta_core::text::quoted;

use crate::department::state::Dept;

#[component]
pub fn SharedKeys() -> impl IntoView {
    let dept: Dept = expect_context();
    let shared = Memo::new(move |_| dept.archive().with(shared_keys));
    view! {
        <Show when=move || shared.with(|s| !s.is_empty())>
            <div class="notice" data-testid="shared-keys">
                <h3>"Один ключ подписи у нескольких школ"</h3>
                <p>"Каждый браузер создаёт свой ключ, поэтому карты этих школ, вероятно, заполнены в одном браузере. Файлы приняты. Уточните у школ, кто заполнял карты. Если это одна школа под разными названиями, она учитывается как несколько школ: попросите её исправить название и выгрузить карту заново."</p>
                <ul>
                    {move || shared.get().into_iter().map(|s| view! {
                        <li>{format!(
                            "Ключ {}: {}.",
                            s.fingerprint,
                            s.schools.iter().map(|n| quoted(n)).collect::<Vec<_>>().join(", ")
                        )}</li>
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
