//! Files refused before the page was last opened: the coordinator asks
//! those schools for good copies, often days after the import.

use leptos::prelude::*;

use profkarta_core::department::view::import::{earlier_refusals, EarlierRefusal};
use profkarta_core::text::files;

use crate::department::state::Dept;
use crate::platform::browser::{confirm, local_datetime};
use crate::shared::column_heads::ColumnHeads;

#[component]
pub fn EarlierRefusals() -> impl IntoView {
    let dept: Dept = expect_context();
    let rows = Memo::new(move |_| {
        dept.archive()
            .with(|archive| dept.log().with(|log| earlier_refusals(archive, log)))
    });
    let clear = move |_| {
        let count = rows.with(Vec::len) as u64;
        if confirm(&format!(
            "Убрать из списка {}? Принятых файлов это не касается.",
            files(count)
        )) {
            dept.clear_refused();
        }
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="earlier-refusals" aria-labelledby="earlier-refusals-title" data-testid="earlier-refusals">
                <h3 id="earlier-refusals-title">"Не приняты при прошлых загрузках"</h3>
                <p class="hint">
                    "Попросите школы, от которых эти файлы, прислать исправленные выгрузки. Когда список больше не нужен, очистите его."
                </p>
                <table class="verdicts">
                    <thead>
                        <tr><ColumnHeads names=&["Файл", "Дата загрузки", "Почему не принят"]/></tr>
                    </thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|EarlierRefusal { refusal: r, resent }| view! {
                            <tr class:resent=resent>
                                <td class="file-name">{r.file}</td>
                                <td class="when">{local_datetime(&r.at)}</td>
                                <td>
                                    {r.why}
                                    {r.claim.is_none().then_some(" Школа в файле не названа.")}
                                    {resent.then_some(" Принят другой файл этой школы за этот год.")}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <button type="button" class="no-print" on:click=clear>"Очистить список"</button>
            </section>
        </Show>
    }
}
