//! Entry point of the department's page (`otdel/`): a separate wasm bundle,
//! so that a school's browser never downloads the department's code.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(profkarta::DepartmentApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The department's page runs in the browser: see README.md.");
}
