//! Keeping the department's work safe: the whole workspace as one backup
//! file, the list of school keys to share with a colleague, and what could
//! not be read from the browser's storage.

use leptos::prelude::*;

use profkarta_core::department::archive::{unpack_restored, Archive};
use profkarta_core::text::files;

use crate::department::import_panel::IMPORT_TITLE;
use crate::department::persistence::Persistence;
use crate::department::state::Dept;
use crate::platform::browser::{confirm, focus_when_drawn, local_day};
use crate::shared::download::offer_json;
use crate::shared::file_picker::FilePicker;
use crate::shared::kept_aside::KeptAside;

#[component]
pub fn WorkspaceTools() -> impl IntoView {
    let dept: Dept = expect_context();
    let persistence: Persistence = expect_context();
    let archive = dept.archive();
    let backup = move |_| {
        let text = archive.with_untracked(Archive::to_json);
        // Dated, so that a folder of weekly copies tells them apart (a
        // walk-through: every copy had the same name).
        let name = format!("profkarta_резервная_копия_отдела_{}.json", local_day());
        offer_json(dept.notices, &name, &text);
    };
    let keys = move |_| {
        let text = archive.with_untracked(Archive::keys_file);
        offer_json(dept.notices, "profkarta_ключи_школ.json", &text);
    };
    let restore = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let result =
            text.and_then(|t| unpack_restored(dept.cards(), &t).map_err(|e| e.to_string()));
        match result {
            Ok(backup) => {
                // Everything here goes, not only the files: said.
                let (now, decided, assigned, measures, reviewers) = archive.with_untracked(|a| {
                    (
                        a.entries().len(),
                        a.decision_count(),
                        a.assignment().is_some(),
                        a.measures.len(),
                        a.reviewers.len(),
                    )
                });
                let mut lost = vec![files(now as u64)];
                if decided > 0 {
                    lost.push(format!("решений проверки: {decided}"));
                }
                // A lead's older copy brings back the reviewers and their
                // schools of its day, and the measures then recorded.
                if reviewers > 0 {
                    lost.push(format!("проверяющих с их школами: {reviewers}"));
                }
                if measures > 0 {
                    lost.push(format!("мер отдела: {measures}"));
                }
                if assigned {
                    lost.push("задание проверяющего".to_owned());
                }
                let question = format!(
                    "Заменить текущую рабочую область ({}) резервной копией «{name}» ({})? Всё, что \
                     есть в текущей, заменится содержимым копии.",
                    lost.join(", "),
                    files(backup.files.len() as u64)
                );
                if archive.with_untracked(Archive::is_empty) || confirm(&question) {
                    persistence.restore(dept, backup, name);
                    // These tools give way to the progress: the focus goes
                    // to the tab's heading, not to the page.
                    focus_when_drawn(IMPORT_TITLE.to_owned());
                }
            }
            Err(e) => dept.notices.refuse(&name, "не загружен", &e),
        }
    });
    let load_keys = Callback::new(move |(name, text): (String, Result<String, String>)| {
        let added = text.and_then(|t| dept.load_keys(&t).map_err(|e| e.to_string()));
        match added {
            Ok(loaded) => dept.notices.push(loaded.message(&name), None),
            Err(e) => dept.notices.refuse(&name, "не загружен", &e),
        }
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
            <KeptAside/>
        </div>
    }
}
