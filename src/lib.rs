//! Profkarta in the browser: the Leptos shell over `profkarta-core`.
//!
//! The school's card and the department's workspace are two pages, each its
//! own wasm bundle (`main.rs`, `bin/otdel.rs`). This crate only renders the
//! core's view models and carries out what the core decides: storage,
//! downloads, file reading. Native builds of it are empty.

#[cfg(target_arch = "wasm32")]
pub mod app;
