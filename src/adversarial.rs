//! Histories built to cost as much as a valid import can make them, and the work the app does over
//! a history at each start, so that the host test (`tests.rs`) and the import benchmark
//! (`tests/import_bench.rs`, `make bench`) run the same cases. Every function over a user's
//! history must stay O(n log n) in the answers for each of these shapes.

use crate::bank::Question;
use crate::list_view::{self, ListQuery};
use crate::progress::{Attempt, Grade, Outcome, Progress, QuizRecord};
use crate::schedule::Schedule;
use crate::stats::{self, Calendar};

/// A shape of history an import may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Every answer on one question re-grades the one before it (`revises` its time).
    AllRevising,
    /// Every answer on one question at the same millisecond, each a different outcome.
    OneMillisecond,
    /// Every answer at one millisecond, each revising that millisecond (all re-grades of one).
    RevisingOneMillisecond,
    /// Plain answers, all on one question.
    OneQuestion,
    /// Re-grades spread over every question of the bank: each question's answers revise the one
    /// before, as a heavy user's re-grading would.
    RevisingEverywhere,
}

impl Shape {
    /// Every shape, in the order benchmarks print them.
    pub const ALL: [Shape; 5] = [
        Shape::AllRevising,
        Shape::OneMillisecond,
        Shape::RevisingOneMillisecond,
        Shape::OneQuestion,
        Shape::RevisingEverywhere,
    ];

    /// What it is, for a benchmark's output.
    pub fn label(self) -> &'static str {
        match self {
            Shape::AllRevising => "all revising, one question",
            Shape::OneMillisecond => "all at one millisecond, one question",
            Shape::RevisingOneMillisecond => "all revising one millisecond, one question",
            Shape::OneQuestion => "all on one question",
            Shape::RevisingEverywhere => "all revising, over the whole bank",
        }
    }
}

/// The first time of the built histories (November 2023).
pub const START: u64 = 1_700_000_000_000;

/// Answer number `i` of a built history: a flashcard or a multiple-choice answer, so that no two
/// answers at one millisecond are equal (equal answers merge into one).
fn outcome(i: u64) -> Outcome {
    if i.is_multiple_of(2) {
        Outcome::Flashcard {
            grade: [Grade::DidntKnow, Grade::Partly, Grade::Knew][(i / 2 % 3) as usize],
            ticked: vec![0],
            draft: None,
        }
    } else {
        Outcome::Choice {
            check: (i / 2) as usize,
            picked: (i % 4) as usize,
            correct: i.is_multiple_of(3),
        }
    }
}

/// `n` answers of `shape` to question `id` (or, for [`Shape::RevisingEverywhere`], to every id of
/// `ids` in turn), with a finished quiz per hundred answers so the history has quizzes too.
pub fn history(shape: Shape, n: usize, ids: &[&str]) -> Progress {
    let mut p = Progress::default();
    let one = ids.first().copied().unwrap_or("jwt");
    for i in 0..n as u64 {
        let (id, at, revises) = match shape {
            Shape::AllRevising => (one, START + i, i.checked_sub(1).map(|j| START + j)),
            Shape::OneMillisecond => (one, START, None),
            Shape::RevisingOneMillisecond => (one, START, Some(START)),
            Shape::OneQuestion => (one, START + i * 1_000, None),
            Shape::RevisingEverywhere => {
                let k = ids.len().max(1) as u64;
                let id = ids.get((i % k) as usize).copied().unwrap_or(one);
                let round = i / k;
                let at = START + round * 60_000 + i % k;
                (
                    id,
                    at,
                    round.checked_sub(1).map(|r| START + r * 60_000 + i % k),
                )
            }
        };
        p.record(
            id,
            Attempt {
                at,
                outcome: outcome(i),
                revises,
            },
        );
        if i % 100 == 99 {
            p.quizzes.push(QuizRecord {
                started: at.saturating_sub(60_000),
                finished: at,
                mode: "mixed".into(),
                asked: vec![id.to_string()],
                missed: vec![],
                right: 1,
                answered: 1,
            });
        }
    }
    p
}

/// What one start of the app computes over `progress`: the schedule (every answer replayed), the
/// list's statuses and filters (every status filter, and due-only), and the dashboard's figures
/// (activity, streaks, heatmap, due forecast, mastery overall, by level and by topic, recent
/// quizzes, the answer count). Returns a figure that depends on all of it, so none is optimised
/// away.
pub fn every_view(
    progress: &Progress,
    questions: &[Question],
    topic_ids: &[&str],
    now: u64,
    cal: &impl Calendar,
) -> usize {
    let schedule = Schedule::of(progress);
    let today = cal.day_of(now);
    let due_by = cal.start_of(today.saturating_add(1)).saturating_sub(1);
    let marks = |id: &str| list_view::user_marks(progress, &schedule, due_by, id);
    let mut shown = 0;
    for query in [
        "",
        "status=knew",
        "status=partly,didnt-know",
        "only=due",
        "sort=topic",
    ] {
        let query = ListQuery::from_query_string(query, |t| topic_ids.contains(&t));
        shown += list_view::selection(questions, &query, topic_ids, &marks).len();
    }
    let activity = stats::activity(progress, cal);
    let streaks = stats::streaks(&activity, today);
    let heatmap = stats::heatmap(&activity, today, 12);
    let forecast = stats::due_forecast(schedule.due_times(|_| true), cal, today, 14);
    let overall = progress.mastery(questions);
    let by_level = progress.mastery_by_level(questions);
    let by_topic = progress.mastery_by_topic(questions, topic_ids);
    let quizzes = stats::recent_quizzes(progress, 8);
    shown
        + streaks.best as usize
        + heatmap.total as usize
        + forecast.iter().map(|&d| d as usize).sum::<usize>()
        + overall.practised
        + by_level.len()
        + by_topic.iter().map(|m| m.known).sum::<usize>()
        + quizzes.len()
        + progress.attempt_count()
}
