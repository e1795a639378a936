//! The school's signing key: its fingerprint, a backup file, and restoring
//! it on another computer so the school keeps signing with the same key.

use leptos::prelude::*;

use crate::platform::browser::confirm;
use crate::school::signing_key::SigningKey;
use crate::shared::download::offer_json;
use crate::shared::file_picker::FilePicker;
use crate::shared::notices::Notices;

#[component]
pub fn KeyPanel() -> impl IntoView {
    let key: SigningKey = expect_context();
    let notices: Notices = expect_context();
    let save = move |_| {
        if let Some(text) = key.backup() {
            offer_json(notices, "profkarta_klyuch_podpisi.json", &text);
        }
    };
    let restore = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let text = match text {
            Ok(text) => text,
            Err(why) => return notices.push(format!("Файл «{name}» не прочитан: {why}"), None),
        };
        if key.exists()
            && !confirm(
                "Заменить ключ подписи этого браузера ключом из файла? Текущий ключ будет забыт.",
            )
        {
            return;
        }
        match key.restore(&text) {
            Ok(fp) => notices.push(format!("Ключ подписи восстановлен: {fp}."), None),
            Err(e) => notices.push(format!("Файл «{name}»: {e}"), None),
        }
    });
    view! {
        <div class="key-panel">
            <h3>"Ключ электронной подписи школы"</h3>
            {move || match key.fingerprint() {
                Some(fp) => view! {
                    <p>"Отпечаток ключа: " <strong class="fingerprint" data-testid="fingerprint">{fp}</strong></p>
                    <p class="hint">
                        "Сохраните файл ключа в надёжном месте: с ним можно подписывать выгрузки "
                        "тем же ключом на другом компьютере. Не передавайте его посторонним."
                    </p>
                }.into_any(),
                None => view! {
                    <p class="hint">"Ключ будет создан при первой выгрузке. Если ключ школы уже есть в файле, восстановите его."</p>
                }.into_any(),
            }}
            <div class="actions">
                <button type="button" on:click=save disabled=move || key.fingerprint().is_none()>"Скачать файл ключа"</button>
                <FilePicker id="restore-key" label="Восстановить ключ из файла…" on_file=restore/>
            </div>
        </div>
    }
}
