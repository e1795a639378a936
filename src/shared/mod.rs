//! Pieces both pages use: notices, keeping unreadable data aside and listing
//! it, downloads
//! that report failure, form fields, the file picker, a signing key and its
//! panel, the wait before an autosave, parts drawn after the first paint,
//! the role switch and the start-up.

pub mod column_heads;
pub mod debounce;
pub mod deferred;
pub mod download;
pub mod field;
pub mod file_picker;
pub mod indicator_check;
pub mod kept_aside;
pub mod key_panel;
pub mod notices;
pub mod notices_list;
pub mod quarantine;
pub mod role_switch;
pub mod signing_key;
pub mod start;
pub mod table_scroll;
pub mod template_error;
