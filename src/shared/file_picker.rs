//! A button that opens the file dialog and hands over the picked file's
//! name and text, or why its bytes are no text Profkarta wrote. A real
//! `<input type="file">` under a styled label, so it works with the
//! keyboard and with test drivers alike.

use leptos::prelude::*;

use profkarta_core::json::picked_text;

use crate::platform::browser::reveal_when_drawn;
use crate::platform::files::{read_bytes, take_picked};
use crate::shared::notices::Notices;
use crate::shared::notices_list::notice_id;

#[component]
pub fn FilePicker(
    /// Unique in the page.
    id: &'static str,
    label: &'static str,
    /// Called with (file name, text), or (file name, Err(reason)).
    on_file: Callback<(String, Result<String, String>)>,
    /// Several files at once, each handed over on its own, in the order
    /// picked: read one after another, so that what they add (reviewers,
    /// merged reviews) does not depend on which file the browser reads first.
    #[prop(optional)]
    multiple: bool,
) -> impl IntoView {
    let notices: Notices = expect_context();
    let on_change = move |ev: leptos::ev::Event| {
        let files = take_picked(&ev);
        leptos::task::spawn_local(async move {
            let before = notices.said();
            for file in files {
                let text = match read_bytes(&file).await {
                    Ok(bytes) => picked_text(&bytes).map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                on_file.run((file.name(), text));
            }
            // What became of the file is said in the messages at the top of
            // the page, out of sight from a button at its bottom (the key,
            // the plan): the last one is brought into view.
            if notices.said() > before && notices.count() > 0 {
                reveal_when_drawn(notice_id(notices.count() - 1));
            }
        });
    };
    view! {
        <span class="file-picker">
            <input type="file" id=id accept=".json,application/json" multiple=multiple class="visually-hidden" on:change=on_change/>
            <label for=id class="button">{label}</label>
        </span>
    }
}
