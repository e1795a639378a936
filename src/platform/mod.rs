//! The browser at the edge: storage (local storage through gloo-storage,
//! IndexedDB), files in and out, the site's own files, clock, randomness,
//! dialogs, drawing charts into pictures, and the workers that check
//! signatures. Nothing here knows the app's state; everything above it goes
//! through these functions.

pub mod browser;
pub mod fetch;
pub mod files;
pub mod idb;
pub mod raster;
pub mod storage;
pub mod verifier;
