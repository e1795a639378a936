//! Profkarta in the browser: the Leptos shell over `profkarta-core`.
//!
//! The school's card and the department's workspace are two pages, each its
//! own wasm bundle (`main.rs`, `bin/otdel.rs`). The shell only renders the
//! core's view models and carries out what the core decides: storage,
//! downloads, file reading. Its modules depend one way only:
//! `platform` ← `shared` ← each page's `state` ← its import and persistence
//! ← its views ← its root component. Native builds of this crate are empty.

#[cfg(target_arch = "wasm32")]
mod department;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
mod school;
#[cfg(target_arch = "wasm32")]
mod shared;

#[cfg(target_arch = "wasm32")]
pub use department::DepartmentApp;
#[cfg(target_arch = "wasm32")]
pub use school::SchoolApp;

/// The department page's signature worker (`bin/proverka.rs`).
#[cfg(target_arch = "wasm32")]
pub fn serve_verifier() {
    platform::verifier::serve();
}

/// Starts a page: mounts it, then registers its service worker once the
/// browser is idle, so that the offline copy never delays the first visit.
#[cfg(target_arch = "wasm32")]
pub fn start<V: leptos::prelude::IntoView + 'static>(page: impl FnOnce() -> V + 'static) {
    console_error_panic_hook::set_once();
    platform::browser::date_by_local_calendar();
    leptos::mount::mount_to_body(page);
    platform::browser::register_service_worker_when_idle();
}
