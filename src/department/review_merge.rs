//! The lead loads reviewers' files: each merged at once, with what it
//! brought, or refused with the reason; one bad file never stops the rest.

use leptos::prelude::*;

use crate::department::state::{Dept, MergeLine};
use crate::platform::browser::{now_iso, reveal_when_drawn};
use crate::shared::file_picker::FilePicker;

const MERGE_LOG: &str = "merge-log";

#[component]
pub fn ReviewMerge() -> impl IntoView {
    let dept: Dept = expect_context();
    let log = dept.merge_log();
    let merge = Callback::new(move |(file, text): (String, Result<String, String>)| {
        let outcome = text.and_then(|t| {
            dept.share_review(|a| a.merge_review(&t, &now_iso()))
                .map(|m| (m.summary(), m.verdict()))
                .map_err(|e| e.to_string())
        });
        let row = match outcome {
            Ok((text, (verdict, merged))) => MergeLine {
                file,
                text,
                verdict,
                merged,
            },
            Err(text) => MergeLine {
                file,
                text,
                verdict: "не принят",
                merged: false,
            },
        };
        log.update(|l| l.insert(0, row));
        // Under the button, but a long log or a short window may hide it.
        reveal_when_drawn(MERGE_LOG.to_owned());
    });
    let rows = move || {
        log.get()
            .into_iter()
            .map(|MergeLine { file, text, verdict, merged }| {
                let class = if merged { "merged" } else { "refused" };
                view! { <li class=class><strong>{format!("«{file}» — {verdict}. ")}</strong>{text}</li> }
            })
            .collect_view()
    };
    view! {
        <div class="actions">
            <FilePicker id="merge-reviews" label="Загрузить файлы проверки" on_file=merge multiple=true/>
        </div>
        <div role="status">
            <ul class="merge-log" id=MERGE_LOG data-testid="merge-log">{rows}</ul>
        </div>
    }
}
