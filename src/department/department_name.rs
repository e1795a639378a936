//! The name of the department, written into every card file it publishes
//! and above its report and printed letters: asked for on «Карты», in the
//! editor, where publishing waits for it, on the report, and beside the
//! letters while it is missing.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn DepartmentName() -> impl IntoView {
    let dept: Dept = expect_context();
    let department = Memo::new(move |_| dept.department_name());
    // The name is kept on leaving the field (and on Enter): each stored
    // letter would recompute the whole workspace. Leaving, not only
    // «change»: after an erasure kept at once, the same name typed back
    // raises no «change» (the browser compares with the text the field had
    // when it got the focus).
    let keep = move |name: String| {
        if department.with_untracked(|d| *d != name) {
            dept.edit_own(|own| own.department = name);
        }
    };
    // Erasing it is kept at once, so that the editor's «Ошибок нет» does
    // not stand beside an empty field. Not the first letter typed: the
    // letters tab shows this field only while the name is missing, and
    // would take it away from under the typing.
    let typed = move |ev| {
        let name = event_target_value(&ev);
        if name.trim().is_empty() && !department.with_untracked(|d| d.trim().is_empty()) {
            keep(name);
        }
    };
    view! {
        <div class="field">
            <label for="department-name">"Наименование органа управления образованием"</label>
            <p class="hint" id="department-name-hint">"Указывается в справке, в письмах, напечатанных из браузера, и в файлах карт. В письмах Word его нет: их печатают на бланке отдела."</p>
            <input type="text" id="department-name" aria-describedby="department-name-hint" prop:value=move || department.get() on:input=typed on:change=move |ev| keep(event_target_value(&ev)) on:blur=move |ev| keep(event_target_value(&ev)) autocomplete="organization"/>
        </div>
    }
}
