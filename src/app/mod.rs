//! The Leptos shell: components that render the core's view models and turn
//! user events into draft updates. No scoring or validation happens here.

mod browser;
mod debounce;
mod department;
mod field;
mod file_picker;
mod idb;
mod notices_list;
mod role_switch;
mod root;
mod school;
mod signing_key;
mod state;
mod storage;
mod template_error;
mod workspace;

pub use root::{DepartmentApp, SchoolApp};
