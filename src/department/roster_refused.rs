//! Refused files of the campaign that the list cannot place by what they
//! say: cut off before the school's details, or naming a school the list
//! does not have. Their schools may stand as «не сдана» although they did
//! send something; the file's name often tells which school it was.

use leptos::prelude::*;

use profkarta_core::department::roster::{unplaced_refusals, RosterRow};
use profkarta_core::text::{files, quoted};

use crate::department::state::Dept;

#[component]
pub fn RosterRefused(rows: Memo<Vec<RosterRow>>, period: Signal<String>) -> impl IntoView {
    let dept: Dept = expect_context();
    let items = Memo::new(move |_| {
        let card = dept.card.with(|c| c.id.clone());
        let period = period.get();
        dept.archive().with(|a| {
            rows.with(|rows| {
                unplaced_refusals(a, rows, &card, &period)
                    .into_iter()
                    .map(|u| {
                        let likely = u.likely.map(|s| format!(" — вероятно, {s}"));
                        (quoted(&u.refusal.file), likely.unwrap_or_default())
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <section class="roster-refused" aria-labelledby="roster-refused-title" data-testid="roster-refused">
                <h3 id="roster-refused-title">
                    {move || format!("Не приняты и не отнесены к школам списка: {}", files(items.with(Vec::len) as u64))}
                </h3>
                <p class="hint">
                    "По этим файлам не видно, какая это школа списка, поэтому их школы могут числиться как «не сдана». "
                    <span class="no-print">"Причины — на вкладке «Загрузка файлов»."</span>
                </p>
                <ul>
                    {move || items.get().into_iter().map(|(file, likely)| view! {
                        <li><span class="file-name">{file}</span>{likely}</li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
