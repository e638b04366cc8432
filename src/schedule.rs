//! Spaced repetition: when each question is next due, from the answers given so far.
//!
//! The schedule is not stored: it is replayed from the attempt log with FSRS (the `rs-fsrs` crate),
//! so it merges across tabs and imports exactly as the attempts do, and a change of scheduler needs
//! no data migration. Times come in as ms since the epoch; the only clock read is rs-fsrs's own, once
//! per session, when its default parameters seed the interval fuzz, which is off here (so the seed,
//! and the clock, change nothing).
//!
//! Grades map to FSRS ratings as follows (FSRS's fourth rating, Easy, is not used: a self-graded
//! essay answer has no "too easy" signal):
//!
//! | Backprep grade | FSRS rating |
//! |---|---|
//! | Didn't know (or a wrong multiple-choice answer) | Again |
//! | Partly | Hard |
//! | Knew it (or a right multiple-choice answer) | Good |
//!
//! FSRS runs in its long-term mode (no same-day learning steps of minutes): an interview answer is
//! studied once per session, so the shortest interval is one day.

use crate::progress::{Attempt, Grade, Progress};
use chrono::{DateTime, Utc};
use rs_fsrs::{Card, Parameters, Rating, State, FSRS};
use std::collections::BTreeMap;

/// The FSRS rating a grade counts as.
pub fn rating(grade: Grade) -> Rating {
    match grade {
        Grade::DidntKnow => Rating::Again,
        Grade::Partly => Rating::Hard,
        Grade::Knew => Rating::Good,
    }
}

/// A question's review state after its latest answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Review {
    /// When it is next due (ms since the epoch).
    pub due: u64,
    /// When it was last answered.
    pub last: u64,
    /// Days until the next review that FSRS chose at the last answer.
    pub interval_days: i64,
    /// FSRS memory stability, in days (the interval at which recall falls to 90%).
    pub stability: f64,
    /// FSRS difficulty, 1–10.
    pub difficulty: f64,
    /// Answers replayed.
    pub reps: u32,
    /// Times a known answer was forgotten again.
    pub lapses: u32,
}

thread_local! {
    /// The scheduler, built once: `Parameters::default()` reads the clock for a fuzz seed.
    static SCHEDULER: FSRS = FSRS::new(Parameters {
        enable_short_term: false,
        enable_fuzz: false,
        ..Parameters::default()
    });
}

/// The latest instant the scheduler works with (the year 3000). FSRS adds up to 100 years to a
/// review time, which chrono cannot represent near its own maximum, so later times are clamped
/// (imports reject them anyway).
pub const LATEST: u64 = 32_503_680_000_000;

fn instant(ms: u64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms.min(LATEST) as i64).unwrap_or_default()
}

fn millis(t: DateTime<Utc>) -> u64 {
    t.timestamp_millis().max(0) as u64
}

/// Replays `attempts` (in any order; they are taken by time) and returns the resulting review
/// state, or `None` for a question never answered.
pub fn replay(attempts: &[Attempt]) -> Option<Review> {
    replay_answers(&answers(attempts))
}

/// Days until the next review for each grade, were the question answered at `now` after its
/// `attempts` so far, leaving out the one answered at `replacing` (a re-grade replaces it): what
/// the grade buttons show, as Anki does.
pub fn intervals(attempts: &[Attempt], replacing: Option<u64>, now: u64) -> [(Grade, i64); 3] {
    let before: Vec<(u64, Grade)> = answers(attempts)
        .into_iter()
        .filter(|a| Some(a.0) != replacing)
        .collect();
    Grade::ALL.map(|g| {
        let mut with = before.clone();
        with.push((now.max(with.iter().map(|a| a.0).max().unwrap_or(0)), g));
        (g, replay_answers(&with).map_or(0, |r| r.interval_days))
    })
}

/// What a replay depends on: each answer's time and grade, as stored.
fn answers(attempts: &[Attempt]) -> Vec<(u64, Grade)> {
    crate::progress::standing(attempts)
        .map(|a| (a.at, a.outcome.grade()))
        .collect()
}

fn replay_answers(answers: &[(u64, Grade)]) -> Option<Review> {
    let mut sorted: Vec<&(u64, Grade)> = answers.iter().collect();
    crate::order::sort_by_key(&mut sorted, |a| a.0);
    // `Card::new()` reads the system clock; the default card (state New) ignores its dates.
    let mut card = Card::default();
    let mut last = None;
    SCHEDULER.with(|fsrs| {
        for &&(at, grade) in &sorted {
            card = fsrs.next(card.clone(), instant(at), rating(grade)).card;
            last = Some(at);
        }
    });
    let last = last?;
    debug_assert!(card.state != State::New);
    Some(Review {
        due: millis(card.due),
        last,
        interval_days: card.scheduled_days,
        stability: card.stability,
        difficulty: card.difficulty,
        reps: card.reps.max(0) as u32,
        lapses: card.lapses.max(0) as u32,
    })
}

/// Every answered question's review state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Schedule {
    by_id: BTreeMap<String, Entry>,
}

/// One question's review state and the answers it was replayed from.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    review: Review,
    answers: Vec<(u64, Grade)>,
}

impl Schedule {
    /// Replays every question's answers in `progress`.
    pub fn of(progress: &Progress) -> Schedule {
        Schedule::default().updated(progress)
    }

    /// The schedule of `progress`, replaying only the questions whose answers differ from the ones
    /// this schedule was made from. Equal to [`Schedule::of`]; the app keeps its schedule this way
    /// so that a read mark, a bookmark, a note or one more answer does not replay every answer.
    pub fn updated(&self, progress: &Progress) -> Schedule {
        let by_id = progress
            .attempts
            .iter()
            .filter_map(|(id, list)| {
                let answers = answers(list);
                let review = match self.by_id.get(id) {
                    Some(old) if old.answers == answers => old.review,
                    _ => replay_answers(&answers)?,
                };
                Some((id.clone(), Entry { review, answers }))
            })
            .collect();
        Schedule { by_id }
    }

    /// The review state of `id`, if answered.
    pub fn get(&self, id: &str) -> Option<&Review> {
        self.by_id.get(id).map(|e| &e.review)
    }

    /// Whether `id` is due at or before `cutoff` (ms). Never-answered questions are new, not due.
    pub fn is_due(&self, id: &str, cutoff: u64) -> bool {
        self.get(id).is_some_and(|r| r.due <= cutoff)
    }

    /// Ids due at or before `cutoff`, most overdue first, keeping only those `keep` accepts (e.g.
    /// ids this bank has).
    pub fn due_ids(&self, cutoff: u64, keep: impl Fn(&str) -> bool) -> Vec<&str> {
        let mut due: Vec<(&str, u64)> = self
            .by_id
            .iter()
            .filter(|(id, e)| e.review.due <= cutoff && keep(id))
            .map(|(id, e)| (id.as_str(), e.review.due))
            .collect();
        crate::order::sort_by_key(&mut due, |&(id, at)| (at, id));
        due.into_iter().map(|(id, _)| id).collect()
    }

    /// The due times of the questions `keep` accepts.
    pub fn due_times(&self, keep: impl Fn(&str) -> bool) -> Vec<u64> {
        self.by_id
            .iter()
            .filter(|(id, _)| keep(id))
            .map(|(_, e)| e.review.due)
            .collect()
    }
}

/// When design exercise `id` is next due, replayed like a question's answers from the overall
/// grades of its finished rounds (`Progress::designs`, each at its finish time); `None` for an
/// exercise never finished. Kept apart from [`Schedule`], which is keyed by question id: a design
/// id is never taken for a question's.
pub fn design_review(progress: &Progress, id: &str) -> Option<Review> {
    let answers: Vec<(u64, Grade)> = progress
        .design_rounds(id)
        .map(|r| (r.at, r.grade))
        .collect();
    replay_answers(&answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Outcome;

    #[test]
    fn a_design_is_scheduled_from_its_rounds_overall_grades_only() {
        let round = |at, design_id: &str, grade| crate::progress::DesignRecord {
            at,
            design_id: design_id.to_string(),
            minutes: 45,
            stages: vec![],
            grade,
        };
        let mut p = Progress::default();
        assert_eq!(design_review(&p, "chat"), None);
        p.designs.push(round(T0, "chat", Grade::Knew));
        p.designs.push(round(T0 + 3 * DAY, "chat", Grade::Knew));
        p.designs.push(round(T0, "url-shortener", Grade::DidntKnow));
        let chat = design_review(&p, "chat").expect("two rounds");
        let as_cards = replay(&[flash(T0, Grade::Knew), flash(T0 + 3 * DAY, Grade::Knew)]);
        assert_eq!(Some(chat), as_cards, "replayed as flashcard answers are");
        let url = design_review(&p, "url-shortener").expect("one round");
        assert!(url.due < chat.due, "a missed design comes back sooner");
        // The question schedule does not see them.
        assert_eq!(Schedule::of(&p), Schedule::default());
    }

    const DAY: u64 = 86_400_000;
    const T0: u64 = 1_795_000_000_000; // 2026-11-18

    fn flash(at: u64, grade: Grade) -> Attempt {
        Attempt::flashcard(at, grade)
    }

    fn days(r: &Review) -> f64 {
        (r.due - r.last) as f64 / DAY as f64
    }

    #[test]
    fn the_grade_buttons_show_what_each_grade_would_schedule() {
        let before = [flash(T0, Grade::Knew)];
        let now = T0 + 5 * DAY;
        let shown = intervals(&before, None, now);
        for (g, days) in shown {
            let mut with = before.to_vec();
            with.push(flash(now, g));
            assert_eq!(days, replay(&with).unwrap().interval_days, "{g:?}");
        }
        assert!(
            shown[0].1 <= shown[1].1 && shown[1].1 <= shown[2].1,
            "{shown:?}"
        );
        assert!(
            shown[2].1 > 1,
            "a second good answer waits longer than a day: {shown:?}"
        );
        // Grading a card again replaces its answer: the preview leaves that answer out.
        let regrade = intervals(
            &[flash(T0, Grade::Knew), flash(now, Grade::DidntKnow)],
            Some(now),
            now,
        );
        assert_eq!(regrade, shown);
        assert_eq!(
            intervals(&[], None, now).map(|(_, d)| d),
            [
                flash(now, Grade::DidntKnow),
                flash(now, Grade::Partly),
                flash(now, Grade::Knew)
            ]
            .map(|a| replay(&[a]).unwrap().interval_days)
        );
    }

    #[test]
    fn grades_map_to_again_hard_good() {
        assert_eq!(rating(Grade::DidntKnow), Rating::Again);
        assert_eq!(rating(Grade::Partly), Rating::Hard);
        assert_eq!(rating(Grade::Knew), Rating::Good);
    }

    #[test]
    fn first_answers_give_whole_day_intervals_ordered_by_grade() {
        let again = replay(&[flash(T0, Grade::DidntKnow)]).expect("answered");
        let hard = replay(&[flash(T0, Grade::Partly)]).expect("answered");
        let good = replay(&[flash(T0, Grade::Knew)]).expect("answered");
        for r in [&again, &hard, &good] {
            assert_eq!(r.last, T0);
            assert!(r.due >= T0 + DAY, "at least a day: {r:?}");
            assert_eq!((r.due - T0) % DAY, 0, "whole days");
        }
        assert!(days(&again) <= days(&hard) && days(&hard) <= days(&good));
        assert_eq!(days(&again), 1.0);
        // FSRS-5 default weights: a first "Good" has stability 3.13 days → a 3-day interval.
        assert_eq!(days(&good), 3.0);
    }

    #[test]
    fn intervals_grow_with_success_and_shrink_after_a_lapse() {
        let mut log = vec![flash(T0, Grade::Knew)];
        let first = replay(&log).expect("answered");
        log.push(flash(first.due, Grade::Knew));
        let second = replay(&log).expect("answered");
        assert!(days(&second) > days(&first), "{second:?} vs {first:?}");
        log.push(flash(second.due, Grade::DidntKnow));
        let lapsed = replay(&log).expect("answered");
        assert!(days(&lapsed) < days(&second));
        assert_eq!(lapsed.lapses, 1);
        assert_eq!(lapsed.reps, 3);
    }

    #[test]
    fn replay_is_independent_of_storage_order() {
        let a = [flash(T0, Grade::Knew), flash(T0 + 5 * DAY, Grade::Partly)];
        let b = [a[1].clone(), a[0].clone()];
        assert_eq!(replay(&a), replay(&b));
        assert_eq!(replay(&[]), None);
    }

    #[test]
    fn a_wrong_choice_counts_as_again() {
        let wrong = Attempt {
            at: T0,
            outcome: Outcome::Choice {
                check: 0,
                picked: 2,
                correct: false,
            },
            revises: None,
        };
        assert_eq!(replay(&[wrong]), replay(&[flash(T0, Grade::DidntKnow)]));
    }

    #[test]
    fn due_lists_most_overdue_first_and_new_questions_are_not_due() {
        let mut p = Progress::default();
        p.record("cdn", flash(T0, Grade::DidntKnow)); // due T0 + 1 day
        p.record("jwt", flash(T0 - DAY, Grade::DidntKnow)); // due T0
        p.record("acid", flash(T0, Grade::Knew)); // due T0 + 3 days
        p.record("gone-from-bank", flash(T0, Grade::DidntKnow));
        let s = Schedule::of(&p);
        assert_eq!(
            s.due_ids(T0 + DAY, |id| id != "gone-from-bank"),
            vec!["jwt", "cdn"]
        );
        assert!(s.is_due("acid", T0 + 3 * DAY));
        assert!(!s.is_due("acid", T0 + 3 * DAY - 1));
        assert!(!s.is_due("never-answered", u64::MAX));
        assert_eq!(s.due_times(|_| true).len(), 4);
    }

    #[test]
    fn extreme_times_do_not_panic() {
        for at in [0, 1, u64::MAX, i64::MAX as u64, 32_503_680_000_000] {
            let _ = replay(&[flash(at, Grade::Knew), flash(at, Grade::DidntKnow)]);
        }
    }

    /// Property tests (proptest runs on the host only).
    #[cfg(not(target_arch = "wasm32"))]
    mod incremental {
        use super::*;
        use proptest::prelude::*;

        fn progress_of(attempts: &[(&str, Vec<(u64, Grade)>)]) -> Progress {
            let mut p = Progress::default();
            for (id, list) in attempts {
                for &(at, grade) in list {
                    p.record(id, flash(at, grade));
                }
            }
            p
        }

        fn grade() -> impl Strategy<Value = Grade> {
            prop_oneof![
                Just(Grade::DidntKnow),
                Just(Grade::Partly),
                Just(Grade::Knew)
            ]
        }

        fn answers_of() -> impl Strategy<Value = Vec<(u64, Grade)>> {
            proptest::collection::vec((T0..T0 + 90 * DAY, grade()), 0..6)
        }

        /// What can happen to one question's answers between two renders.
        #[derive(Debug, Clone)]
        enum Edit {
            Keep,
            Answer(u64, Grade),
            Remove,
            Replace(Vec<(u64, Grade)>),
        }

        fn edit() -> impl Strategy<Value = Edit> {
            prop_oneof![
                3 => Just(Edit::Keep),
                2 => (T0..T0 + 90 * DAY, grade()).prop_map(|(at, g)| Edit::Answer(at, g)),
                1 => Just(Edit::Remove),
                1 => answers_of().prop_map(Edit::Replace),
            ]
        }

        proptest! {
            #[test]
            fn an_updated_schedule_equals_a_fresh_replay(
                before in proptest::collection::vec(answers_of(), 5),
                edits in proptest::collection::vec(edit(), 5),
                extra in answers_of(),
            ) {
                let ids = ["acid", "cdn", "jwt", "rest", "tls"];
                let old: Vec<(&str, Vec<(u64, Grade)>)> = ids.iter().copied().zip(before).collect();
                let mut new = old.clone();
                for ((_, list), e) in new.iter_mut().zip(&edits) {
                    match e {
                        Edit::Keep => {}
                        Edit::Answer(at, g) => list.push((*at, *g)),
                        Edit::Remove => list.clear(),
                        Edit::Replace(l) => *list = l.clone(),
                    }
                }
                new.push(("new-one", extra));
                let (old, new) = (progress_of(&old), progress_of(&new));
                let fresh = Schedule::of(&new);
                prop_assert_eq!(Schedule::of(&old).updated(&new), fresh.clone());
                prop_assert_eq!(fresh.updated(&new), fresh);
            }
        }
    }
}
