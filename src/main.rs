//! Entry point of the browser app: installs the panic hook and mounts the root.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(profkarta::SchoolApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Profkarta runs in the browser: build it with `trunk build --release` (see README.md)."
    );
}
