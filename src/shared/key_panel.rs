//! A signing key (the school's or the department's): its fingerprint, a
//! backup file, and restoring it on another computer so that the same key
//! keeps signing.

use leptos::prelude::*;

use crate::platform::browser::confirm;
use crate::shared::download::offer_json;
use crate::shared::file_picker::FilePicker;
use crate::shared::notices::Notices;
use crate::shared::signing_key::{KeyOwner, SigningKey};

#[component]
pub fn KeyPanel() -> impl IntoView {
    let key: SigningKey = expect_context();
    let notices: Notices = expect_context();
    let owner = key.owner();
    let save = move |_| {
        if let Some(text) = key.backup() {
            offer_json(notices, owner.backup_file_name(), &text);
        }
    };
    let restore = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let text = match text {
            Ok(text) => text,
            Err(why) => return notices.refuse(&name, "не открыт", &why),
        };
        let restored = match key.read_backup(&text) {
            Ok(restored) => restored,
            Err(e) => return notices.refuse(&name, "не открыт", &e.to_string()),
        };
        let fp = restored.fingerprint();
        if key.fingerprint().as_ref() == Some(&fp) {
            return notices.push(
                format!("В файле тот же ключ, что уже в этом браузере: {fp}."),
                None,
            );
        }
        if key.exists()
            && !confirm(
                "Заменить ключ подписи этого браузера ключом из файла? Текущий ключ будет забыт.",
            )
        {
            return;
        }
        let fp = key.restore(restored);
        notices.push(format!("Ключ подписи восстановлен: {fp}."), None);
    });
    view! {
        <div class="key-panel">
            <h3>{owner.heading()}</h3>
            {move || match key.fingerprint() {
                Some(fp) => view! {
                    <p>"Отпечаток ключа: " <strong class="fingerprint" data-testid="fingerprint">{fp}</strong></p>
                    <p class="hint">
                        {format!("Сохраните файл ключа в надёжном месте: с ним можно подписывать {} \
                                  тем же ключом на другом компьютере. Не передавайте его посторонним.", owner.signs())}
                    </p>
                }.into_any(),
                None if key.damaged() => view! {
                    <p class="notice notice-warning" data-testid="key-damaged">
                        {format!("Сохранённый ключ подписи повреждён и не читается. Восстановите его из файла \
                                  ключа (резервной копии): иначе {} будут подписаны новым ключом, незнакомым {}.",
                                 owner.signs(), owner.stranger_to())}
                    </p>
                }.into_any(),
                None => view! {
                    <p class="hint">{match owner {
                        KeyOwner::School => "Ключ будет создан при первой выгрузке. Если у школы уже есть файл ключа (резервная копия), восстановите ключ из него.",
                        KeyOwner::Department => "Ключ будет создан при первой публикации карты. Если ключ отдела уже есть в файле, восстановите его.",
                    }}</p>
                }.into_any(),
            }}
            <div class="actions">
                <button type="button" on:click=save disabled=move || key.fingerprint().is_none()>"Скачать файл ключа"</button>
                <FilePicker id=owner.picker_id() label="Восстановить ключ из файла…" on_file=restore/>
            </div>
        </div>
    }
}
