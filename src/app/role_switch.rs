//! School or department: the same app serves both, chosen by the address
//! hash so that each role can be bookmarked and the back button works.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    School,
    Department,
}

const DEPARTMENT_HASH: &str = "#otdel";

fn read_hash() -> Role {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    if hash == DEPARTMENT_HASH {
        Role::Department
    } else {
        Role::School
    }
}

/// The role in the address, kept in step with it.
pub fn current_role() -> ReadSignal<Role> {
    let (role, set_role) = signal(read_hash());
    let handle = window_event_listener_untyped("hashchange", move |_| set_role.set(read_hash()));
    on_cleanup(move || handle.remove());
    role
}

/// Links to both roles; each page places it after its own skip link.
#[component]
pub fn RoleSwitch(current: Role) -> impl IntoView {
    let current = move |r: Role| if current == r { "page" } else { "false" };
    view! {
        <nav class="role-switch no-print" aria-label="Роль">
            <a href="#" aria-current=move || current(Role::School)>"Школа: заполнение карты"</a>
            <a href=DEPARTMENT_HASH aria-current=move || current(Role::Department)>"Отдел образования: сбор и анализ"</a>
        </nav>
    }
}
