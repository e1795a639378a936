//! The name of the department, written into every card file it publishes:
//! asked for on «Карты» and again in the editor, where publishing waits for it.

use leptos::prelude::*;

use crate::department::state::Dept;

#[component]
pub fn DepartmentName() -> impl IntoView {
    let dept: Dept = expect_context();
    let department = Memo::new(move |_| dept.archive().with(|a| a.own_cards().department.clone()));
    let set_department = move |ev| {
        let name = event_target_value(&ev);
        dept.edit_own(|own| own.department = name);
    };
    view! {
        <div class="field">
            <label for="department-name">"Наименование органа управления образованием (указывается в файлах карт)"</label>
            <input type="text" id="department-name" prop:value=move || department.get() on:change=set_department autocomplete="organization"/>
        </div>
    }
}
