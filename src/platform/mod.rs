//! The browser at the edge: storage (local storage through gloo-storage,
//! IndexedDB), files in and out, the site's own files, clock, randomness,
//! dialogs and drawing charts into pictures. Nothing here
//! knows the app's state; everything above it goes through these functions.

pub mod browser;
pub mod fetch;
pub mod files;
pub mod idb;
pub mod raster;
pub mod storage;
