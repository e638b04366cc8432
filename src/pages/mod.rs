//! One routed view per file.

pub mod dashboard;
pub mod design;
pub mod design_practice;
pub mod designs;
pub mod interview;
pub mod list;
pub mod not_found;
pub mod question;
pub mod quiz_play;
pub mod quiz_setup;
