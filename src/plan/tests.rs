//! Tests of the interview-date plan: quotas, order, reviews, pace, forecast, problems, time zones.

use super::*;
use crate::progress::{Attempt, DesignRecord, Grade};
use crate::stats::{day_from_civil, FixedOffset};
use proptest::prelude::*;

const HOUR: u64 = 3_600_000;
const UTC: FixedOffset = FixedOffset::UTC;
const TOPICS: [&str; 3] = ["databases", "security", "networking"];

/// Monday 23 November 2026.
fn monday() -> Day {
    day_from_civil(2026, 11, 23)
}

fn question(id: usize, level: Level, topic: usize) -> Question {
    Question {
        id: Box::leak(format!("q{id:02}").into_boxed_str()),
        question: "",
        level,
        topics: std::slice::from_ref(&TOPICS[topic % TOPICS.len()]),
        also_asked_as: &[],
        related: &[],
        key_points: 1,
        checks: &[],
        content: "",
    }
}

/// `n` questions q00, q01…: levels cycle advanced, intermediate, beginner (so bank order is not
/// level order); topics databases, security, networking, shifted by one every three questions.
///
/// | q | 00 | 01 | 02 | 03 | 04 | 05 | 06 | 07 | 08 |
/// |---|---|---|---|---|---|---|---|---|---|
/// | level | adv | int | beg | adv | int | beg | adv | int | beg |
/// | topic | db | sec | net | sec | net | db | net | db | sec |
fn bank(n: usize) -> Vec<Question> {
    let levels = [Level::Advanced, Level::Intermediate, Level::Beginner];
    (0..n)
        .map(|i| question(i, levels[i % 3], i + i / 3))
        .collect()
}

/// An instant `hours` after the start of local `day`.
fn at(cal: &impl Calendar, day: Day, hours: u64) -> u64 {
    cal.start_of(day) + hours * HOUR
}

fn learn(p: &mut Progress, id: &str, at: u64) {
    p.record(id, Attempt::flashcard(at, Grade::Knew));
}

/// A plan for all questions, set on `created`, for an interview `days` days after it.
fn plan(created: Day, days: i64) -> PlanSettings {
    PlanSettings::new(created + days, vec![], vec![], created)
}

fn today_of(s: &PlanSettings, day: Day, p: &Progress, qs: &[Question]) -> Today {
    today(s, day, p, &Schedule::of(p), qs, &[], &UTC).expect("a plan")
}

fn news(f: &[ForecastDay]) -> Vec<usize> {
    f.iter().map(|d| d.new).collect()
}

#[test]
fn unseen_questions_are_spread_over_the_study_days_and_the_last_two_are_for_review() {
    let qs = bank(20);
    let s = plan(monday(), 6); // study days: Monday to Friday
    let p = Progress::default();
    let t = today_of(&s, monday(), &p, &qs);
    assert_eq!((t.quota, t.new.len(), t.unseen_left), (4, 4, 20));
    assert_eq!((t.days_left, t.study_days_left), (6, 5));
    assert_eq!((t.pace, t.notice), (Pace::OnTrack, None));
    let f = forecast(&s, monday(), &p, &Schedule::of(&p), &qs, &UTC).expect("a plan");
    assert_eq!(news(&f), [4, 4, 4, 4, 4, 0, 0]);
    assert_eq!(f[0].day, monday());
    assert_eq!(f[6].day, s.interview_day);
    let review_only: Vec<bool> = f.iter().map(|d| d.review_only).collect();
    assert_eq!(review_only, [false, false, false, false, false, true, true]);
    // Uneven: the larger shares come first.
    let f = forecast(
        &plan(monday(), 6),
        monday(),
        &p,
        &Schedule::default(),
        &bank(7),
        &UTC,
    );
    assert_eq!(news(&f.expect("a plan")), [2, 2, 1, 1, 1, 0, 0]);
}

#[test]
fn easiest_questions_come_first_in_bank_order() {
    let qs = bank(9); // q02, q05, q08 are beginner; q01, q04, q07 intermediate
    let t = today_of(&plan(monday(), 4), monday(), &Progress::default(), &qs);
    assert_eq!(t.quota, 3);
    assert_eq!(t.new, ["q02", "q05", "q08"]);
    let t = today_of(&plan(monday(), 3), monday(), &Progress::default(), &qs);
    assert_eq!(t.new, ["q02", "q05", "q08", "q01", "q04"]);
}

#[test]
fn questions_learned_today_count_towards_the_quota() {
    let qs = bank(20);
    let s = plan(monday(), 6);
    let mut p = Progress::default();
    let first = today_of(&s, monday(), &p, &qs).new;
    learn(&mut p, first[0], at(&UTC, monday(), 9));
    learn(&mut p, "q00", at(&UTC, monday(), 10)); // not on today's list: counts all the same
    let t = today_of(&s, monday(), &p, &qs);
    assert_eq!((t.quota, t.learned_today, t.new.len()), (4, 2, 2));
    assert_eq!(t.new, first[1..3]);
    for id in t.new {
        learn(&mut p, id, at(&UTC, monday(), 11));
    }
    let t = today_of(&s, monday(), &p, &qs);
    assert!(t.new.is_empty() && t.is_done(), "{t:?}");
    // Working ahead does not hand out tomorrow's questions; tomorrow's quota shrinks instead.
    learn(&mut p, "q03", at(&UTC, monday(), 12));
    learn(&mut p, "q06", at(&UTC, monday(), 12));
    let t = today_of(&s, monday(), &p, &qs);
    assert!(t.new.is_empty());
    assert_eq!(t.pace, Pace::Ahead(2));
    assert_eq!(today_of(&s, monday() + 1, &p, &qs).quota, 4); // ceil(14 / 4)
    let f = forecast(&s, monday(), &p, &Schedule::of(&p), &qs, &UTC).expect("a plan");
    assert_eq!(news(&f), [0, 4, 4, 3, 3, 0, 0]);
}

#[test]
fn missed_days_are_spread_over_the_days_left_not_piled_on_today() {
    let qs = bank(20);
    let s = plan(monday(), 11); // ten study days: two a day
    let p = Progress::default();
    assert_eq!(today_of(&s, monday(), &p, &qs).quota, 2);
    let t = today_of(&s, monday() + 3, &p, &qs); // three days of nothing
    assert_eq!(t.quota, 3, "ceil(20 / 7), not 2 × 4");
    assert_eq!(t.pace, Pace::Behind(6));
    let f = forecast(&s, monday() + 3, &p, &Schedule::default(), &qs, &UTC).expect("a plan");
    assert_eq!(news(&f), [3, 3, 3, 3, 3, 3, 2, 0, 0]);
}

#[test]
fn reviews_are_everything_due_today_in_the_bank_whatever_the_scope() {
    let qs = bank(6);
    let s = PlanSettings::new(
        monday() + 10,
        vec![],
        vec!["databases".into()],
        monday() - 5,
    );
    let mut p = Progress::default();
    let miss = |p: &mut Progress, id: &str, day: Day| {
        p.record(id, Attempt::flashcard(at(&UTC, day, 8), Grade::DidntKnow));
    };
    miss(&mut p, "q01", monday() - 1); // security, due today
    miss(&mut p, "q02", monday() - 3); // networking, overdue: first
    miss(&mut p, "gone", monday() - 3); // not in the bank
    miss(&mut p, "q00", monday()); // databases, due tomorrow
    let sched = Schedule::of(&p);
    let t = today(&s, monday(), &p, &sched, &qs, &[], &UTC).expect("a plan");
    assert_eq!(t.reviews, ["q02", "q01"]);
    assert_eq!(
        (t.unseen_left, t.learned_today),
        (1, 1),
        "q05 unseen, q00 today"
    );
    let f = forecast(&s, monday(), &p, &sched, &qs, &UTC).expect("a plan");
    assert_eq!(f[0].reviews, 2);
    assert_eq!(f[1].reviews, 1);
    assert_eq!(f.iter().map(|d| d.reviews).sum::<usize>(), 3);
}

#[test]
fn a_date_in_the_past_gives_a_clear_message() {
    let qs = bank(3);
    let s = plan(monday() - 10, 5);
    let p = Progress::default();
    let err = today(&s, monday(), &p, &Schedule::default(), &qs, &[], &UTC).expect_err("passed");
    assert_eq!(err, PlanProblem::Passed);
    assert!(err.blocks_plan());
    assert!(err
        .to_string()
        .starts_with("Your interview date has passed"));
    let f = forecast(&s, monday(), &p, &Schedule::default(), &qs, &UTC);
    assert_eq!(f, Err(PlanProblem::Passed));
}

#[test]
fn today_or_tomorrow_plans_reviews_only_and_the_day_after_learns_everything_left() {
    let qs = bank(5);
    let mut p = Progress::default();
    p.record(
        "q00",
        Attempt::flashcard(at(&UTC, monday() - 1, 8), Grade::DidntKnow),
    );
    let sched = Schedule::of(&p);
    for days_left in [0, 1] {
        let s = plan(monday() - 20, 20 + days_left);
        let t = today(&s, monday(), &p, &sched, &qs, &[], &UTC).expect("reviews only");
        assert_eq!(t.notice, Some(PlanProblem::ReviewOnly { days_left }));
        assert!(t.new.is_empty() && t.study_days_left == 0);
        assert_eq!(t.reviews, ["q00"]);
        assert_eq!(t.pace, Pace::Behind(4), "everything unseen is overdue");
        let message = t.notice.expect("a notice").message();
        let when = if days_left == 0 { "today" } else { "tomorrow" };
        assert!(
            message.starts_with(&format!("Your interview is {when}")),
            "{message}"
        );
        let f = forecast(&s, monday(), &p, &sched, &qs, &UTC).expect("reviews only");
        assert_eq!(f.len() as i64, days_left + 1);
        assert!(f.iter().all(|d| d.new == 0 && d.review_only));
    }
    let t = today(&plan(monday(), 2), monday(), &p, &sched, &qs, &[], &UTC).expect("a plan");
    assert_eq!((t.new.len(), t.notice), (4, None));
}

#[test]
fn other_problems_an_empty_scope_everything_seen_a_date_too_far() {
    let qs = bank(3);
    let p = Progress::default();
    let none = PlanSettings::new(monday() + 9, vec![], vec!["frontend".into()], monday());
    let err = today(&none, monday(), &p, &Schedule::default(), &qs, &[], &UTC).expect_err("empty");
    assert_eq!(err, PlanProblem::EmptyScope);
    let far = plan(monday(), MAX_DAYS_AHEAD + 1);
    let err = today(&far, monday(), &p, &Schedule::default(), &qs, &[], &UTC).expect_err("far");
    assert_eq!(err, PlanProblem::TooFar);
    assert!(today_of(&plan(monday(), MAX_DAYS_AHEAD), monday(), &p, &qs)
        .notice
        .is_none());
    let extreme = PlanSettings::new(Day::MAX, vec![], vec![], Day::MIN);
    let err = today(&extreme, Day::MIN, &p, &Schedule::default(), &qs, &[], &UTC).expect_err("far");
    assert_eq!(err, PlanProblem::TooFar);

    let mut p = Progress::default();
    for q in &qs {
        learn(&mut p, q.id, at(&UTC, monday() - 1, 9));
    }
    let t = today_of(&plan(monday(), 9), monday(), &p, &qs);
    assert_eq!(t.notice, Some(PlanProblem::AllSeen));
    assert!(!PlanProblem::AllSeen.blocks_plan());
    assert_eq!(
        PlanProblem::AllSeen.message(),
        "You have seen every question in this scope; keep up the reviews."
    );
}

#[test]
fn scope_is_any_level_and_any_topic() {
    let qs = bank(9);
    let s = PlanSettings::new(
        monday() + 9,
        vec![Level::Beginner, Level::Intermediate, Level::Beginner],
        vec!["security".into(), "databases".into()],
        monday(),
    );
    assert_eq!(
        s.levels,
        [Level::Beginner, Level::Intermediate],
        "normalised"
    );
    let scope: Vec<&str> = qs.iter().filter(|q| s.in_scope(q)).map(|q| q.id).collect();
    // Not q00 or q03 (advanced), q02 or q04 (networking)…
    assert_eq!(scope, ["q01", "q05", "q07", "q08"]);
    let t = today_of(&s, monday(), &Progress::default(), &qs);
    assert_eq!(t.unseen_left, 4);
}

#[test]
fn settings_store_level_ids_and_drop_unknown_ones() {
    let s = PlanSettings::new(
        20_800,
        vec![Level::Advanced],
        vec!["security".into()],
        20_780,
    );
    let json = serde_json::to_string(&s).expect("serialises");
    assert_eq!(
        json,
        r#"{"interview_day":20800,"levels":["advanced"],"topics":["security"],"created_day":20780}"#
    );
    assert_eq!(
        serde_json::from_str::<PlanSettings>(&json).expect("reads"),
        s
    );
    let future: PlanSettings = serde_json::from_str(
        r#"{"interview_day":5,"levels":["expert","beginner"],"created_day":1}"#,
    )
    .expect("reads");
    assert_eq!(
        future,
        PlanSettings::new(5, vec![Level::Beginner], vec![], 1)
    );
}

#[test]
fn an_answer_at_half_past_eleven_local_counts_for_that_local_day_in_any_time_zone() {
    let qs = bank(12);
    let s = plan(monday() - 2, 8);
    for minutes_east in [-12 * 60, 14 * 60] {
        let cal = FixedOffset { minutes_east };
        let start = cal.start_of(monday());
        let answers = [
            (start + 23 * HOUR + HOUR / 2, 1), // 23:30 today
            (start + HOUR / 2, 1),             // 00:30 today
            (start - HOUR / 2, 0),             // 23:30 yesterday
            (start + 24 * HOUR + HOUR / 2, 0), // 00:30 tomorrow
        ];
        let mut utc_differs = false;
        for (instant, expected) in answers {
            let mut p = Progress::default();
            learn(&mut p, "q02", instant);
            let learned = |cal: &FixedOffset| {
                let t = today(&s, monday(), &p, &Schedule::default(), &qs, &[], cal);
                t.expect("a plan").learned_today
            };
            assert_eq!(learned(&cal), expected, "UTC{minutes_east:+} at {instant}");
            utc_differs |= learned(&UTC) != expected;
        }
        // In UTC some of these fall on other days: the calendar given is the one used.
        assert!(utc_differs, "UTC{minutes_east:+}");
    }
}

#[test]
fn the_real_bank_can_be_planned() {
    let qs = crate::bank::questions();
    let s = PlanSettings::new(monday() + 30, vec![Level::Beginner], vec![], monday());
    let t = today_of(&s, monday(), &Progress::default(), qs);
    let beginners = qs.iter().filter(|q| q.level == Level::Beginner).count();
    assert_eq!(t.unseen_left, beginners);
    assert_eq!(t.new.len(), beginners.div_ceil(29));
}

// ---- design rounds ----

/// `n` design exercises d00, d01…, levels and topics cycling as [`bank`]'s do.
fn design_bank(n: usize) -> Vec<Design> {
    let levels = [Level::Advanced, Level::Intermediate, Level::Beginner];
    (0..n)
        .map(|i| Design {
            id: Box::leak(format!("d{i:02}").into_boxed_str()),
            title: "",
            level: levels[i % 3],
            topics: std::slice::from_ref(&TOPICS[(i + i / 3) % TOPICS.len()]),
            summary: "",
            related: &[],
            checks: &[],
            content: "",
        })
        .collect()
}

/// Records a finished round of design `id` at `at`.
fn finish(p: &mut Progress, id: &str, at: u64, grade: Grade) {
    p.designs.push(DesignRecord {
        at,
        design_id: id.to_string(),
        minutes: 35,
        stages: vec![],
        grade,
    });
}

/// A plan for everything, with design rounds.
fn design_plan(created: Day, days: i64) -> PlanSettings {
    plan(created, days).with_designs(true)
}

fn rounds_of(s: &PlanSettings, day: Day, p: &Progress, qs: &[Question], ds: &[Design]) -> Today {
    today(s, day, p, &Schedule::of(p), qs, ds, &UTC).expect("a plan")
}

#[test]
fn design_rounds_are_spread_over_the_study_days_easiest_first_like_questions() {
    let (qs, ds) = (bank(20), design_bank(7)); // d02, d05 beginner; d01, d04 intermediate
    let p = Progress::default();
    let t = rounds_of(&design_plan(monday(), 6), monday(), &p, &qs, &ds);
    assert_eq!(t.design_quota, 2, "ceil(7 / 5 study days)");
    assert_eq!(t.new_designs, ["d02", "d05"]);
    assert!(t.due_designs.is_empty());
    assert_eq!(t.design_ids().collect::<Vec<_>>(), ["d02", "d05"]);
    // The questions are planned as without design rounds.
    let without = rounds_of(&plan(monday(), 6), monday(), &p, &qs, &ds);
    assert_eq!(
        (&t.new, t.quota, t.pace),
        (&without.new, without.quota, without.pace)
    );
    let t = rounds_of(&design_plan(monday(), 3), monday(), &p, &qs, &ds);
    assert_eq!(t.new_designs, ["d02", "d05", "d01", "d04"], "ceil(7 / 2)");
    // None on the review days.
    let t = rounds_of(&design_plan(monday() - 5, 6), monday(), &p, &qs, &ds);
    assert_eq!((t.study_days_left, t.design_quota), (0, 0));
    assert!(t.new_designs.is_empty());
}

#[test]
fn a_design_first_practised_today_counts_towards_the_design_quota() {
    let (qs, ds) = (bank(3), design_bank(7));
    let s = design_plan(monday(), 6);
    let mut p = Progress::default();
    for q in &qs {
        learn(&mut p, q.id, at(&UTC, monday() - 1, 9));
    }
    let t = rounds_of(&s, monday(), &p, &qs, &ds);
    assert!(t.new.is_empty() && t.reviews.is_empty(), "{t:?}");
    assert!(!t.is_done(), "two design rounds are left");
    finish(&mut p, "d02", at(&UTC, monday(), 10), Grade::Knew);
    let t = rounds_of(&s, monday(), &p, &qs, &ds);
    assert_eq!((t.design_quota, t.designs_practised_today), (2, 1));
    assert_eq!(t.new_designs, ["d05"]);
    // Another exercise than today's counts all the same; a second round of one does not.
    finish(&mut p, "d00", at(&UTC, monday(), 11), Grade::Partly);
    finish(&mut p, "d02", at(&UTC, monday(), 12), Grade::Knew);
    let t = rounds_of(&s, monday(), &p, &qs, &ds);
    assert_eq!((t.design_quota, t.designs_practised_today), (2, 2));
    assert!(t.new_designs.is_empty() && t.is_done(), "{t:?}");
    // Working ahead does not hand out tomorrow's exercises; tomorrow's quota shrinks instead.
    finish(&mut p, "d05", at(&UTC, monday(), 13), Grade::Knew);
    assert!(rounds_of(&s, monday(), &p, &qs, &ds).is_done());
    let t = rounds_of(&s, monday() + 1, &p, &qs, &ds);
    assert_eq!((t.design_quota, t.new_designs.len()), (1, 1), "ceil(4 / 4)");
    assert_eq!(t.new_designs, ["d01"], "intermediate before advanced");
}

#[test]
fn missed_days_spread_the_design_rounds_over_the_days_left() {
    let (qs, ds) = (bank(3), design_bank(10));
    let s = design_plan(monday(), 11); // ten study days: one a day
    let p = Progress::default();
    assert_eq!(rounds_of(&s, monday(), &p, &qs, &ds).design_quota, 1);
    let t = rounds_of(&s, monday() + 4, &p, &qs, &ds); // four days of nothing
    assert_eq!(t.study_days_left, 6);
    assert_eq!(t.design_quota, 2, "ceil(10 / 6), not 1 × 5");
    assert_eq!(t.new_designs.len(), 2);
}

#[test]
fn design_rounds_due_are_listed_most_overdue_first_whatever_the_scope() {
    let (qs, ds) = (bank(6), design_bank(6));
    let s = PlanSettings::new(
        monday() + 10,
        vec![],
        vec!["databases".into()],
        monday() - 5,
    )
    .with_designs(true);
    let mut p = Progress::default();
    let miss = |p: &mut Progress, id: &str, day: Day| {
        finish(p, id, at(&UTC, day, 8), Grade::DidntKnow);
    };
    miss(&mut p, "d01", monday() - 1); // security, due today
    miss(&mut p, "d02", monday() - 3); // networking, overdue: first
    miss(&mut p, "gone", monday() - 3); // not in the bank
    miss(&mut p, "d00", monday()); // databases, due tomorrow
    let t = rounds_of(&s, monday(), &p, &qs, &ds);
    assert_eq!(t.due_designs, ["d02", "d01"]);
    // In scope (databases): d00, first practised today, fills today's quota of ceil(2 / 9).
    assert_eq!((t.designs_practised_today, t.design_quota), (1, 1));
    assert!(t.new_designs.is_empty());
    assert_eq!(t.design_rounds(), 2);
    let t = rounds_of(&s, monday() + 1, &p, &qs, &ds);
    assert_eq!(t.new_designs, ["d05"]);
    assert_eq!(
        t.design_ids().collect::<Vec<_>>(),
        ["d05", "d02", "d01", "d00"]
    );
    // On the eve of the interview: no new exercise, the due ones still.
    let t = rounds_of(&s, monday() + 9, &p, &qs, &ds);
    assert!(t.new_designs.is_empty());
    assert_eq!(t.due_designs, ["d02", "d01", "d00"]);
}

#[test]
fn design_scope_is_the_questions_rule() {
    let ds = design_bank(9);
    let s = PlanSettings::new(
        monday() + 9,
        vec![Level::Beginner, Level::Intermediate],
        vec!["security".into(), "databases".into()],
        monday(),
    )
    .with_designs(true);
    let scope: Vec<&str> = ds
        .iter()
        .filter(|d| s.design_in_scope(d))
        .map(|d| d.id)
        .collect();
    assert_eq!(
        scope,
        ["d01", "d05", "d07", "d08"],
        "as scope_is_any_level_and_any_topic"
    );
    let t = rounds_of(&s, monday(), &Progress::default(), &bank(9), &ds);
    assert_eq!(t.design_quota, 1, "ceil(4 / 8)");
    assert_eq!(t.new_designs, ["d05"], "beginner first");
    // No exercise in scope: the plan stands on its questions, with no design round.
    let none = PlanSettings::new(monday() + 9, vec![Level::Beginner], vec![], monday());
    let t = rounds_of(
        &none.with_designs(true),
        monday(),
        &Progress::default(),
        &bank(9),
        &[],
    );
    assert_eq!((t.design_quota, t.design_rounds(), t.new.len()), (0, 0, 1));
}

#[test]
fn a_plan_without_design_rounds_has_none_whatever_the_progress() {
    let (qs, ds) = (bank(6), design_bank(6));
    let mut p = Progress::default();
    finish(&mut p, "d01", at(&UTC, monday() - 3, 8), Grade::DidntKnow); // due
    finish(&mut p, "d02", at(&UTC, monday(), 8), Grade::Knew); // first practised today
    learn(&mut p, "q00", at(&UTC, monday() - 1, 8));
    let off = plan(monday(), 6);
    assert!(!off.designs);
    let t = rounds_of(&off, monday(), &p, &qs, &ds);
    assert!(t.new_designs.is_empty() && t.due_designs.is_empty());
    assert_eq!((t.design_quota, t.designs_practised_today), (0, 0));
    let on = rounds_of(&off.clone().with_designs(true), monday(), &p, &qs, &ds);
    assert_eq!(on.due_designs, ["d01"]);
    assert_eq!(
        Today {
            new_designs: vec![],
            due_designs: vec![],
            design_quota: 0,
            designs_practised_today: 0,
            ..on
        },
        t,
        "everything else is the same"
    );
    // Done once the questions are: the design rounds do not count.
    for id in t.new {
        learn(&mut p, id, at(&UTC, monday(), 9));
    }
    assert!(rounds_of(&off, monday(), &p, &qs, &ds).is_done());
}

#[test]
fn the_real_design_exercises_can_be_planned() {
    let (qs, ds) = (crate::bank::questions(), crate::bank::designs());
    let s = PlanSettings::new(monday() + 10, vec![], vec![], monday()).with_designs(true);
    let t = rounds_of(&s, monday(), &Progress::default(), qs, ds);
    assert_eq!(t.design_quota, ds.len().div_ceil(9));
    let first = t.new_designs[0];
    let easiest = ds.iter().map(|d| d.level).min().expect("exercises");
    assert_eq!(crate::bank::design(first).map(|d| d.level), Some(easiest));
}

// ---- properties ----

/// A bank, progress answered around `monday()`, a plan and a calendar.
#[derive(Debug, Clone)]
struct Case {
    qs: Vec<(usize, usize)>,
    /// Per question: the day (relative to Monday) and hour of its first answer, if any.
    answered: Vec<Option<(i64, u64)>>,
    levels: Vec<usize>,
    topics: Vec<usize>,
    created: i64,
    interview: i64,
    minutes_east: i32,
}

impl Case {
    fn bank(&self) -> Vec<Question> {
        let qs = self.qs.iter().enumerate();
        qs.map(|(i, &(l, t))| question(i, Level::ALL[l], t))
            .collect()
    }

    fn cal(&self) -> FixedOffset {
        FixedOffset {
            minutes_east: self.minutes_east,
        }
    }

    fn settings(&self) -> PlanSettings {
        let levels = self.levels.iter().map(|&l| Level::ALL[l]).collect();
        let topics = self.topics.iter().map(|&t| TOPICS[t].to_string()).collect();
        let (created, interview) = (monday() + self.created, monday() + self.interview);
        PlanSettings::new(interview, levels, topics, created)
    }

    fn progress(&self, qs: &[Question]) -> Progress {
        let mut p = Progress::default();
        for (q, a) in qs.iter().zip(&self.answered) {
            if let Some((day, hour)) = *a {
                learn(&mut p, q.id, at(&self.cal(), monday() + day, hour));
            }
        }
        p
    }
}

fn case() -> impl Strategy<Value = Case> {
    let answer = proptest::option::weighted(0.4, (-15i64..=1, 0u64..24));
    (1usize..30).prop_flat_map(move |n| {
        (
            proptest::collection::vec((0usize..3, 0usize..3), n),
            proptest::collection::vec(answer.clone(), n),
            proptest::collection::vec(0usize..3, 0..3),
            proptest::collection::vec(0usize..3, 0..3),
            -20i64..=2,
            -3i64..=40,
            -12 * 60..=14 * 60,
        )
            .prop_map(
                |(qs, answered, levels, topics, created, interview, minutes_east)| Case {
                    qs,
                    answered,
                    levels,
                    topics,
                    created,
                    interview,
                    minutes_east,
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_plan_keeps_its_promises(c in case()) {
        let (qs, s, cal) = (c.bank(), c.settings(), c.cal());
        let p = c.progress(&qs);
        let sched = Schedule::of(&p);
        let t = today(&s, monday(), &p, &sched, &qs, &[], &cal);
        let f = forecast(&s, monday(), &p, &sched, &qs, &cal);
        if s.interview_day < monday() {
            prop_assert_eq!(t, Err(PlanProblem::Passed));
            prop_assert_eq!(f, Err(PlanProblem::Passed));
            return Ok(());
        }
        let Ok(t) = t else {
            prop_assert!(!qs.iter().any(|q| s.in_scope(q)));
            prop_assert_eq!(t, Err(PlanProblem::EmptyScope));
            return Ok(());
        };
        let f = f.expect("a forecast when there is a plan");
        let unseen: Vec<&str> = qs
            .iter()
            .filter(|q| s.in_scope(q) && !p.attempts.contains_key(q.id))
            .map(|q| q.id)
            .collect();
        prop_assert_eq!(t.unseen_left, unseen.len());
        // Never more than is unseen, never twice the same, never beyond the day's share.
        prop_assert!(t.new.len() <= t.unseen_left);
        prop_assert!(t.new.iter().all(|id| unseen.contains(id)));
        let mut distinct = t.new.clone();
        distinct.sort_unstable();
        distinct.dedup();
        prop_assert_eq!(distinct.len(), t.new.len());
        let cap = share(t.unseen_left + t.learned_today, t.study_days_left);
        prop_assert!(t.quota <= cap && t.new.len() <= share(t.unseen_left, t.study_days_left));
        prop_assert_eq!(t.new.len(), t.quota.saturating_sub(t.learned_today).min(t.unseen_left));
        // The forecast runs from today to the interview, and plans every unseen question, each
        // before the review days, no day more than the first day's share.
        prop_assert_eq!(f.len() as i64, t.days_left + 1);
        prop_assert!(f.iter().zip(monday()..).all(|(d, day)| d.day == day));
        prop_assert_eq!(f[0].new, t.new.len());
        prop_assert_eq!(f[0].reviews, t.reviews.len());
        let planned: usize = f.iter().map(|d| d.new).sum();
        prop_assert_eq!(planned, if t.study_days_left > 0 { t.unseen_left } else { 0 });
        for d in &f {
            prop_assert_eq!(d.review_only, d.day >= s.interview_day - 1);
            prop_assert!(!d.review_only || d.new == 0);
            prop_assert!(d.new <= cap);
        }
        let notice_ok = match t.notice {
            None => t.unseen_left > 0 && t.study_days_left > 0,
            Some(PlanProblem::AllSeen) => t.unseen_left == 0,
            Some(PlanProblem::ReviewOnly { days_left }) => days_left == t.days_left && days_left < 2,
            Some(_) => false,
        };
        prop_assert!(notice_ok, "{:?}", t);
        // Reviews: due by the end of today, in the bank.
        let end = cal.start_of(monday() + 1) - 1;
        prop_assert!(t.reviews.iter().all(|id| sched.is_due(id, end)));
    }

    #[test]
    fn missed_days_never_pile_up_and_following_the_plan_finishes_it_on_pace(
        c in case(),
        skipped in proptest::collection::vec(proptest::bool::weighted(0.15), 45),
        hours in proptest::collection::vec(0u64..24, 45),
    ) {
        let (qs, cal) = (c.bank(), c.cal());
        let mut s = c.settings();
        s.created_day = monday();
        s.interview_day = monday() + c.interview.max(0);
        let mut p = Progress::default();
        let sched = Schedule::default();
        if today(&s, monday(), &p, &sched, &qs, &[], &cal).is_err() {
            return Ok(());
        }
        let plan = forecast(&s, monday(), &p, &sched, &qs, &cal).expect("a forecast");
        let mut on_plan = true;
        for (i, day) in (monday()..=s.interview_day).enumerate() {
            let t = today(&s, day, &p, &sched, &qs, &[], &cal).expect("a plan");
            // The quota is the share of what is left over the days left, whatever was missed.
            prop_assert!(t.new.len() <= share(t.unseen_left, t.study_days_left));
            if on_plan {
                // Following the plan from the day it was set: the forecast is what each day gives,
                // and the pace stays on track.
                prop_assert_eq!(t.new.len(), plan[i].new);
                prop_assert_eq!(t.pace, Pace::OnTrack);
            }
            if skipped[i] {
                on_plan = false;
                continue;
            }
            for id in &t.new {
                learn(&mut p, id, at(&cal, day, hours[i]));
            }
            let after = today(&s, day, &p, &sched, &qs, &[], &cal).expect("a plan");
            prop_assert!(after.new.is_empty());
            if on_plan {
                prop_assert_eq!(after.pace, Pace::OnTrack);
            }
            if day == s.last_study_day() {
                prop_assert_eq!(after.unseen_left, 0, "studying on the last study day finishes");
            }
        }
    }
}
