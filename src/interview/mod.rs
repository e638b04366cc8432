//! A mock interview as data: how it is set up, one [`Event`] enum, and one [`Interview::apply`].
//! Pure: the clock and the shuffle seed are passed in; recording answers into progress, saving the
//! interview, running the timer and reading questions aloud are the caller's job.
//!
//! Each question goes through these phases:
//!
//! ```text
//! Ready ──Start──▶ Answering ──Done/TimeUp──▶ Review ──Grade──▶ Review, graded (Grade again)
//!                                       (Tick, then Grade)          │
//!         ┌──────────────── FollowUp(n), if follow-ups are on ──────┤
//!         ▼                                                         │ Next/SkipFollowUp
//! FollowUpAnswering ──Done/TimeUp──▶ FollowUpReview (Grade)         │
//!         │                                 │ Next/SkipFollowUp     │
//!         └── Next/SkipFollowUp ────────────┴───────────────────────┴──▶ the next question's
//!                                                                        Ready, or Finished
//! ```
//!
//! `Next` moves on from any phase (what was not graded stays ungraded), and `Finish` ends the
//! interview from any phase. Events that make no sense where they arrive are ignored.
//!
//! A graded main answer is logged as a flashcard [`Attempt`](crate::progress::Attempt) (see [`Interview::log`]), so it feeds
//! the review schedule exactly like a quiz flashcard; a follow-up is a different question, so its
//! grade stays in the interview's record only.
//!
//! - [`setup`]: the choices offered and dealing the questions.
//! - [`session`]: the phases and the state machine.
//! - [`report`]: the report and the history entry.
//! - [`announce`]: what a screen reader hears of the timer.

pub mod announce;
pub mod report;
pub mod session;
pub mod setup;

pub use announce::{announcement, clock_text, spoken};
pub use report::{Report, ReportRow};
pub use session::{Asked, Event, FollowUp, Interview, Phase};
pub use setup::{design_for, InterviewSetup, Source, COUNTS, TIME_LIMITS};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
