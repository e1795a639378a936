//! Only on paper: the lines for the head's signature and the key fingerprint
//! that ties the printed card to the exported file, and the school and year
//! at the foot of every sheet.

use leptos::prelude::*;

use crate::platform::browser::{on_before_print, set_print_foot};
use crate::school::drafts::Drafts;
use crate::school::state::DraftParts;
use crate::shared::signing_key::SigningKey;
use profkarta_core::school::stored::ExportState;

#[component]
pub fn PrintFooter() -> impl IntoView {
    let key: SigningKey = expect_context();
    // The department's preview of a card has no drafts: nothing exported.
    let drafts = use_context::<Drafts>();
    let key_line = move || {
        let Some(ws) = drafts else {
            return "Электронная выгрузка ещё не сделана.".to_owned();
        };
        let fingerprint = |fp: Option<String>| match fp {
            Some(fp) => format!("Отпечаток ключа электронной подписи выгрузки: {fp}"),
            None => "Электронная выгрузка ещё не подписана.".to_owned(),
        };
        match ws.export_state.get() {
            ExportState::Same => fingerprint(
                ws.meta
                    .with(|m| m.exported_key.clone())
                    .or_else(|| key.fingerprint()),
            ),
            ExportState::Changed => {
                "Карта изменена после электронной выгрузки: выгрузите её заново, \
                                     чтобы файл в отделе совпал с напечатанным."
                    .to_owned()
            }
            ExportState::Unknown => fingerprint(key.fingerprint()),
            ExportState::Never | ExportState::OtherYear => {
                "Электронная выгрузка ещё не сделана.".to_owned()
            }
        }
    };
    let parts: DraftParts = expect_context();
    on_before_print(move || {
        let foot = parts.profile.with_untracked(|p| {
            [p.name.trim(), p.period.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ")
        });
        set_print_foot(&foot);
    });
    view! {
        <section class="print-only print-footer" aria-hidden="true">
            <p>"Достоверность сведений подтверждаю."</p>
            <p class="signature-line">"Руководитель ОО ____________________ / ____________________ /"</p>
            <p>"Дата «____» ________________ 20____ г.          М. П."</p>
            <p class="muted">
                {key_line}
            </p>
        </section>
    }
}
