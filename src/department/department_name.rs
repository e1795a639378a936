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
    let set_department = move |ev| {
        let name = event_target_value(&ev);
        dept.edit_own(|own| own.department = name);
    };
    view! {
        <div class="field">
            <label for="department-name">"Наименование органа управления образованием (указывается в справке, письмах и файлах карт)"</label>
            <input type="text" id="department-name" prop:value=move || department.get() on:change=set_department autocomplete="organization"/>
        </div>
    }
}
