//! Keeping the department's work safe: the whole workspace as one backup
//! file, and the list of school keys to share with a colleague.

use leptos::prelude::*;

use crate::app::browser::{confirm, download};
use crate::app::department::state::Dept;
use crate::app::file_picker::FilePicker;
use profkarta_core::department::archive::{unpack, Archive};

#[component]
pub fn WorkspaceTools() -> impl IntoView {
    let dept: Dept = expect_context();
    let backup = move |_| {
        let text = dept.archive.with_untracked(Archive::to_json);
        let _ = download("profkarta_otdel_rezervnaya_kopiya.json", &text);
    };
    let keys = move |_| {
        let text = dept.archive.with_untracked(Archive::keys_file);
        let _ = download("profkarta_klyuchi_shkol.json", &text);
    };
    let restore = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let card = dept.archive.with_untracked(|a| a.card().clone());
        let result = text
            .map_err(|_| "файл не удалось прочитать".to_owned())
            .and_then(|t| unpack(card, &t).map_err(|e| e.to_string()));
        match result {
            Ok(backup) => {
                let question = format!(
                    "Заменить текущую рабочую область ({} файлов) резервной копией «{name}» ({} файлов)?",
                    dept.archive.with_untracked(|a| a.entries().len()),
                    backup.files.len()
                );
                if dept.archive.with_untracked(Archive::is_empty) || confirm(&question) {
                    dept.persistence.restore(dept, backup);
                }
            }
            Err(e) => dept
                .notices
                .push(format!("Резервная копия «{name}» не загружена: {e}"), None),
        }
    });
    let load_keys = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let mut added = Err("файл не удалось прочитать".to_owned());
        if let Ok(text) = text {
            dept.archive
                .update(|a| added = a.load_keys(&text).map_err(|e| e.to_string()));
        }
        dept.notices.push(
            match added {
                Ok(n) => format!("Из списка «{name}» добавлено ключей: {n}."),
                Err(e) => format!("Список ключей «{name}» не загружен: {e}"),
            },
            None,
        );
    });
    view! {
        <div class="workspace-tools">
            <h3>"Рабочая область"</h3>
            <div class="actions">
                <button type="button" on:click=backup>"Скачать резервную копию"</button>
                <FilePicker id="restore-workspace" label="Загрузить резервную копию…" on_file=restore/>
                <button type="button" on:click=keys>"Скачать список ключей школ"</button>
                <FilePicker id="load-keys" label="Загрузить список ключей…" on_file=load_keys/>
            </div>
        </div>
    }
}
