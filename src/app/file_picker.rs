//! A button that opens the file dialog and hands over the picked file's
//! name and text. A real `<input type="file">` under a styled label, so it
//! works with the keyboard and with test drivers alike.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::browser::{picked_files, read_text};

#[component]
pub fn FilePicker(
    /// Unique in the page.
    id: &'static str,
    label: &'static str,
    /// Called with (file name, text), or (file name, Err(reason)).
    on_file: Callback<(String, Result<String, String>)>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = picked_files(&input);
        // Picking the same file again must fire `change` again.
        input.set_value("");
        for file in files {
            leptos::task::spawn_local(async move {
                let text = read_text(&file).await;
                on_file.run((file.name(), text));
            });
        }
    };
    view! {
        <span class="file-picker">
            <input type="file" id=id accept=".json,application/json" class="visually-hidden" on:change=on_change/>
            <label for=id class="button">{label}</label>
        </span>
    }
}
