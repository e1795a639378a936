//! Only on paper: the lines for the head's signature and the key fingerprint
//! that ties the printed card to the exported file.

use leptos::prelude::*;

use crate::shared::signing_key::SigningKey;

#[component]
pub fn PrintFooter() -> impl IntoView {
    let key: SigningKey = expect_context();
    view! {
        <section class="print-only print-footer" aria-hidden="true">
            <p>"Достоверность сведений подтверждаю."</p>
            <p class="signature-line">"Руководитель ОО ____________________ / ____________________ /"</p>
            <p>"Дата «____» ________________ 20____ г.          М. П."</p>
            <p class="muted">
                {move || match key.fingerprint() {
                    Some(fp) => format!("Отпечаток ключа электронной подписи выгрузки: {fp}"),
                    None => "Электронная выгрузка ещё не подписана.".to_owned(),
                }}
            </p>
        </section>
    }
}
