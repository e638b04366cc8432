//! Reusable display pieces.

pub mod badges;
pub mod notices;
