//! Backprep: an offline study app for backend developer job interviews.
//!
//! The module map (see `docs/architecture.md`): a pure core (`bank`, `progress`, `schedule`,
//! `plan`, `stats`, `quiz`, `interview`, `design_practice`, `search`, `feedback`, `list_view`, `transfer`, `storage`'s codec, `keys`, `notes`,
//! `prefs`, `meta`, `numbers`), the browser edges behind one door (`platform`), the app's state
//! (`state`), and thin views (`components`, `pages`, `app`). Imports run one way: pages →
//! components → state → core, with `platform` at the edges. Every module builds on the host too,
//! where `platform` keeps things in memory, so components render to HTML in `cargo test` and in
//! the prerenderer.
#![warn(missing_docs)]
// Leptos views are deeply nested types; the host build (no type erasure) needs a deeper limit.
#![recursion_limit = "256"]

pub mod labels;

#[cfg(any(test, feature = "bench"))]
pub mod adversarial;
pub mod app;
pub mod bank;
#[cfg(target_arch = "wasm32")]
pub mod boot;
pub mod capacity;
pub mod components;
pub mod design_practice;
pub mod feedback;
pub mod interview;
pub mod keys;
pub mod list_view;
pub mod meta;
pub mod notes;
pub mod numbers;
pub mod order;
pub mod pages;
pub mod plan;
pub mod platform;
pub mod prefs;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod progress;
pub mod quiz;
pub mod schedule;
pub mod search;
pub mod state;
pub mod stats;
pub mod storage;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;
pub mod transfer;
