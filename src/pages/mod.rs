//! One routed view per file.

pub mod list;
pub mod not_found;
pub mod question;
pub mod quiz;
