//! Collecting the schools' files: pick or drop many at once, watch the
//! progress, read every file's verdict, decide about changed keys.

use leptos::prelude::*;

use profkarta_core::department::view::import::{verdict_rows, workspace_contents, Tally};

use crate::department::earlier_refusals::EarlierRefusals;
use crate::department::held_keys::HeldKeys;
use crate::department::import::import_files;
use crate::department::shared_keys::SharedKeys;
use crate::department::state::Dept;
use crate::department::workspace_tools::WorkspaceTools;
use crate::platform::files::{file_list, take_picked};
use crate::shared::column_heads::ColumnHeads;

/// The tab's heading: where the focus goes when the last key waiting for a
/// decision is decided.
pub const IMPORT_TITLE: &str = "import-title";

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
    // Hundreds of accepted rows would bury the few that need attention (and
    // cost a long task to draw): they are shown on request.
    let show_accepted = RwSignal::new(false);
    // Files that need attention first, then the accepted ones by name.
    let rows = Memo::new(move |_| {
        let accepted = show_accepted.get();
        dept.archive()
            .with(|archive| dept.log().with(|log| verdict_rows(archive, log, accepted)))
    });
    let tally = Memo::new(move |_| {
        dept.archive()
            .with(|archive| dept.log().with(|log| Tally::of(archive, log)))
    });
    let hidden = move || tally.with(Tally::hidden);
    let summary = move || tally.with(Tally::summary);
    let logged = move || dept.log().with(|l| !l.is_empty());
    view! {
        <section class="panel" aria-labelledby=IMPORT_TITLE>
            <h2 id=IMPORT_TITLE tabindex="-1">"Загрузка карт школ"</h2>
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
            <SharedKeys/>
            {move || {
                let idle = dept.progress().with(Option::is_none);
                let text = idle.then(|| dept.archive().with(workspace_contents)).flatten();
                text.map(|text| view! { <p class="workspace-contents" data-testid="workspace-contents">{text}</p> })
            }}
            // A live region from the start: one put in already filled is not
            // read out (an accessibility audit).
            <div role="status">
                <Show when=logged>
                    <p class="import-summary" data-testid="import-summary">{summary}</p>
                </Show>
            </div>
            <Show when=logged>
                // Above the table, so that the rows it shows do not carry it
                // (and the focus on it) thousands of pixels down.
                <Show when=move || hidden() != 0>
                    <button type="button" aria-expanded=move || show_accepted.get().to_string() on:click=move |_| show_accepted.update(|s| *s = !*s)>
                        {move || if show_accepted.get() {
                            "Скрыть принятые файлы без замечаний".to_owned()
                        } else {
                            format!("Показать принятые файлы без замечаний ({})", hidden())
                        }}
                    </button>
                </Show>
                // Every file accepted without a remark: no table of no rows.
                <Show when=move || rows.with(|r| !r.is_empty())>
                <table class="verdicts" data-testid="verdicts">
                    <caption class="visually-hidden">"Результат проверки файлов"</caption>
                    <thead>
                        <tr><ColumnHeads names=&["Файл", "Результат", "Пояснение"]/></tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| view! {
                            <tr data-verdict=r.verdict.key() class:bad=!r.verdict.is_good()>
                                <td class="file-name">{r.file}</td>
                                <td class="verdict">{r.verdict.label()}</td>
                                <td>{r.why}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </Show>
            </Show>
            <EarlierRefusals/>
            // A backup or key list taken in mid-import would be overwritten by it.
            <Show when=move || dept.progress().with(Option::is_none)>
                <WorkspaceTools/>
            </Show>
        </section>
    }
}
