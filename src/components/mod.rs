//! Reusable display pieces.

pub mod badges;
pub mod charts;
pub mod highlight;
pub mod notices;
pub mod personal;
pub mod reset;
pub mod shortcuts;
pub mod transfer;
