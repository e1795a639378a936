//! Profkarta: a school's expert card of career-guidance work, filled in the
//! browser with instant scoring, and the department's tools to collect it.
//!
//! [`domain`] is the pure core; [`app`] is the Leptos shell over it and is
//! compiled only for the browser.

pub mod charts;
pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
