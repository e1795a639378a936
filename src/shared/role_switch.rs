//! School or department: two pages of one site, each its own wasm bundle,
//! linked to each other by relative addresses so the site works from any
//! folder.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    School,
    Department,
}

/// Links to both roles; each page places it after its own skip link.
#[component]
pub fn RoleSwitch(current: Role) -> impl IntoView {
    // The department's page lives in the sub-folder `otdel/`.
    let (school, department) = match current {
        Role::School => ("./", "otdel/"),
        Role::Department => ("../", "./"),
    };
    let aria = move |r: Role| if current == r { "page" } else { "false" };
    view! {
        <nav class="role-switch no-print" aria-label="Роль">
            <a href=school aria-current=aria(Role::School)>"Школа: заполнение карты"</a>
            <a href=department aria-current=aria(Role::Department)>"Отдел образования: сбор и анализ"</a>
        </nav>
    }
}
