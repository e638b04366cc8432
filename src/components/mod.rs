//! Reusable display pieces.

pub mod badges;
pub mod highlight;
pub mod notices;
pub mod reset;
pub mod shortcuts;
