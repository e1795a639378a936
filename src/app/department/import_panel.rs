//! Collecting the schools' files: pick or drop many at once, watch the
//! progress, read every file's verdict, decide about changed keys.

use leptos::prelude::*;

use crate::app::browser::{file_list, take_picked};
use crate::app::department::held_keys::HeldKeys;
use crate::app::department::import::import_files;
use crate::app::department::state::Dept;
use crate::app::department::workspace_tools::WorkspaceTools;
use profkarta_core::department::archive::Admission;
use profkarta_core::department::verdict::{explanation, Verdict};

#[component]
pub fn ImportPanel() -> impl IntoView {
    let dept: Dept = expect_context();
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| import_files(dept, take_picked(&ev));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = file_list(ev.data_transfer().and_then(|d| d.files()));
        import_files(dept, files);
    };
    // Files that need attention first, then the accepted ones by name.
    let rows = Memo::new(move |_| {
        let standing = dept.standing.get();
        let mut rows = dept.archive.with(|archive| {
            dept.log.with(|log| {
                log.iter()
                    .map(|row| {
                        let id = match &row.admission {
                            Admission::Filed { submission_id } => standing.get(submission_id),
                            _ => None,
                        };
                        let verdict = Verdict::of(archive, &row.admission, id);
                        let why = explanation(archive, &row.admission, id);
                        (row.file.clone(), verdict, why)
                    })
                    .collect::<Vec<_>>()
            })
        });
        rows.sort_by_key(|(_, verdict, _)| verdict.is_good());
        rows
    });
    // Hundreds of accepted rows would bury the few that need attention (and
    // cost a long task to draw): they are shown on request.
    let show_accepted = RwSignal::new(false);
    let accepted = move || rows.with(|r| r.iter().filter(|(_, v, _)| v.is_good()).count());
    let summary = move || {
        let rows = rows.get();
        let good = rows.iter().filter(|r| r.1.is_good()).count();
        let held = rows.iter().filter(|r| r.1 == Verdict::KeyChanged).count();
        format!(
            "Файлов: {}. Принято: {good}. Ждут решения: {held}. Не принято: {}.",
            rows.len(),
            rows.len() - good - held
        )
    };
    view! {
        <section class="panel" aria-labelledby="import-title">
            <h2 id="import-title">"Загрузка карт школ"</h2>
            <div
                class="dropzone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>"Перетащите сюда файлы выгрузки школ (можно сразу всю папку файлов) или"</p>
                <input
                    type="file"
                    id="import-files"
                    multiple
                    accept=".json,application/json"
                    class="visually-hidden"
                    on:change=on_change
                />
                <label for="import-files" class="button primary">"Выбрать файлы…"</label>
                <p class="hint">"Каждый файл проверяется отдельно: подпись, карта, повторы. Плохой файл не мешает остальным."</p>
            </div>
            <HeldKeys/>
            <Show when=move || dept.log.with(|l| !l.is_empty())>
                <p class="import-summary" role="status" data-testid="import-summary">{summary}</p>
                <table class="verdicts" data-testid="verdicts">
                    <caption class="visually-hidden">"Результат проверки файлов"</caption>
                    <thead>
                        <tr><th scope="col">"Файл"</th><th scope="col">"Результат"</th><th scope="col">"Пояснение"</th></tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().filter(|(_, v, _)| show_accepted.get() || !v.is_good()).map(|(file, verdict, why)| view! {
                            <tr data-verdict=verdict.key() class:bad=!verdict.is_good()>
                                <td class="file-name">{file}</td>
                                <td class="verdict">{verdict.label()}</td>
                                <td>{why}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <Show when=move || accepted() != 0>
                    <button type="button" aria-expanded=move || show_accepted.get().to_string() on:click=move |_| show_accepted.update(|s| *s = !*s)>
                        {move || if show_accepted.get() {
                            "Скрыть принятые файлы".to_owned()
                        } else {
                            format!("Показать принятые файлы ({})", accepted())
                        }}
                    </button>
                </Show>
            </Show>
            // A backup or key list taken in mid-import would be overwritten by it.
            <Show when=move || dept.progress.with(Option::is_none)>
                <WorkspaceTools/>
            </Show>
        </section>
    }
}
