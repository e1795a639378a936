//! Refused files of the campaign that the list cannot place by what they
//! say: cut off before the school's details, or naming a school the list
//! does not have. Their schools may stand as «не сдана» although they did
//! send something; the file's name often tells which school it was.

use leptos::prelude::*;

use profkarta_core::text::{files, quoted};

/// One refused file as listed: its name and the school of the list it
/// most likely is ([`unplaced_refusals`](profkarta_core::department::roster::unplaced_refusals)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedFile {
    pub file: String,
    pub likely: Option<String>,
}

#[component]
pub fn RosterRefused(refused: Memo<Vec<RefusedFile>>) -> impl IntoView {
    let items = move || {
        refused.with(|all| {
            (all.iter())
                .map(|u| {
                    let likely = u.likely.as_ref().map(|s| format!(" — вероятно, {s}"));
                    (quoted(&u.file), likely.unwrap_or_default())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || refused.with(|r| !r.is_empty())>
            <section class="roster-refused" aria-labelledby="roster-refused-title" data-testid="roster-refused">
                <h3 id="roster-refused-title">
                    {move || format!("Не приняты и не отнесены к школам списка: {}", files(refused.with(Vec::len) as u64))}
                </h3>
                <p class="hint">
                    "По этим файлам не видно, какая это школа списка, поэтому их школы могут числиться как «не сдана». "
                    <span class="no-print">"Причины — на вкладке «Загрузка файлов»."</span>
                </p>
                <ul>
                    {move || items().into_iter().map(|(file, likely)| view! {
                        <li><span class="file-name">{file}</span>{likely}</li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
