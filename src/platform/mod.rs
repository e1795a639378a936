//! The browser at the edge: storage (local storage through gloo-storage,
//! IndexedDB), files in and out, the site's own files, clock, randomness and
//! dialogs. Nothing here
//! knows the app's state; everything above it goes through these functions.

pub mod browser;
pub mod fetch;
pub mod files;
pub mod idb;
pub mod storage;
