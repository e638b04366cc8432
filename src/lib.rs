//! Backprep: an offline study app for backend developer job interviews.
//!
//! Logic lives in plain modules (`bank`, `progress`, `storage`'s codec) with unit tests; `app`, `pages`
//! and `components` are thin Leptos views over them. See `README.md` for the layout.

pub mod bank;
pub mod keys;
pub mod notes;
pub mod prefs;
pub mod progress;
pub mod quiz;
pub mod schedule;
pub mod search;
pub mod stats;
pub mod storage;
pub mod transfer;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod sw;
#[cfg(target_arch = "wasm32")]
pub mod web;
