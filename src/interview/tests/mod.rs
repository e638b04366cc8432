//! Tests of the mock interview, one file per part: setting it up and dealing (`setup`), the
//! phases, timing, follow-ups, what goes into progress, the report and record, and property tests
//! over event sequences (`session`), and what a screen reader hears of the timer (`announce`).

use super::*;
use crate::bank::{self, Level, Question};
use crate::progress::{Attempt, Grade, InterviewRecord, Outcome, Progress, MAX_DRAFT_CHARS};
use proptest::prelude::*;

mod announce;
mod session;
mod setup;

fn all() -> Vec<&'static Question> {
    bank::questions().iter().collect()
}

fn these(ids: &[&str]) -> Vec<&'static Question> {
    ids.iter()
        .map(|id| bank::question(id).expect("in the bank"))
        .collect()
}

/// An interview of `ids`, in the order given: dealt from them, then put in that order.
fn interview_of(ids: &[&str], setup: InterviewSetup) -> Interview {
    let setup = InterviewSetup {
        count: ids.len(),
        source: Source::These,
        ..setup
    };
    let mut i = Interview::deal(&setup, &these(ids), 7, 0).expect("questions given");
    i.questions
        .sort_by_key(|a| ids.iter().position(|id| *id == a.id));
    i
}

fn apply_all(mut i: Interview, events: &[(Event, u64)]) -> Interview {
    for (e, t) in events {
        i = i.apply(e.clone(), *t);
    }
    i
}
