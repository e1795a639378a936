//! The Leptos shell: components that render the core's view models and turn
//! user events into draft updates. No scoring or validation happens here.

mod field;
mod root;
mod school;
mod state;
mod template_error;

pub use root::App;
