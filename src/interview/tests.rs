//! Tests of the mock interview: setup, dealing, the phases, timing, follow-ups, what goes into
//! progress, the report and record, announcements, and property tests over event sequences.

use super::*;
use crate::progress::Progress;
use proptest::prelude::*;

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

#[test]
fn the_setup_defaults_and_is_remembered_as_data() {
    let s = InterviewSetup::default();
    assert_eq!(
        (
            s.count,
            s.source,
            s.seconds_per_answer,
            s.follow_ups,
            s.speak
        ),
        (5, Source::Mix { level: None }, Some(120), true, false)
    );
    let chosen = InterviewSetup {
        count: 8,
        source: Source::Mix {
            level: Some(Level::Advanced),
        },
        seconds_per_answer: None,
        follow_ups: false,
        speak: true,
        design: true,
    };
    let json = serde_json::to_string(&chosen).unwrap();
    assert!(
        json.contains(r#""source":{"kind":"mix","level":"advanced"}"#),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<InterviewSetup>(&json).unwrap(),
        chosen
    );
    // Missing fields default; an unknown level reads as any level.
    let old: InterviewSetup =
        serde_json::from_str(r#"{"count":3,"source":{"kind":"mix","level":"expert"}}"#).unwrap();
    assert_eq!(
        (old.count, old.source, old.seconds_per_answer),
        (3, Source::Mix { level: None }, Some(120))
    );
    let these: InterviewSetup = serde_json::from_str(r#"{"source":{"kind":"these"}}"#).unwrap();
    assert_eq!(these.source, Source::These);
    // The design exercise is off by default, and not written when off (stored setups read back
    // as they were written).
    assert!(!old.design && !s.design);
    assert!(json.contains(r#""design":true"#), "{json}");
    let off = serde_json::to_string(&InterviewSetup::default()).unwrap();
    assert!(!off.contains("design"), "{off}");
}

#[test]
fn a_remembered_setup_is_repaired_to_the_choices_offered() {
    let mut s = InterviewSetup {
        count: 0,
        seconds_per_answer: Some(100),
        ..InterviewSetup::default()
    };
    assert!(s.repair());
    assert_eq!((s.count, s.seconds_per_answer), (3, Some(120)));
    assert!(!s.repair(), "fits now");
    let mut big = InterviewSetup {
        count: 1_000,
        seconds_per_answer: Some(u32::MAX),
        ..InterviewSetup::default()
    };
    big.repair();
    assert_eq!((big.count, big.seconds_per_answer), (8, Some(180)));
}

#[test]
fn a_mix_goes_round_the_topics_once_per_question_at_the_level_asked() {
    let setup = InterviewSetup {
        count: 8,
        ..InterviewSetup::default()
    };
    for seed in 0..20 {
        let i = Interview::deal(&setup, &[], seed, 0).expect("the bank has questions");
        assert_eq!(i.questions.len(), 8);
        let mut ids: Vec<&str> = i.questions.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 8, "no question twice");
        // Eight of the twelve topics, one question each: eight topics at least are covered.
        let mut topics: Vec<&str> = i
            .questions
            .iter()
            .flat_map(|a| bank::question(&a.id).unwrap().topics.iter().copied())
            .collect();
        topics.sort_unstable();
        topics.dedup();
        assert!(topics.len() >= 8, "{topics:?}");
    }
    let advanced = InterviewSetup {
        count: 8,
        source: Source::Mix {
            level: Some(Level::Advanced),
        },
        ..InterviewSetup::default()
    };
    let i = Interview::deal(&advanced, &[], 3, 0).unwrap();
    assert!(i
        .questions
        .iter()
        .all(|a| bank::question(&a.id).unwrap().level == Level::Advanced));
    // The seed decides, and decides again the same way.
    let a = Interview::deal(&setup, &[], 1, 0).unwrap();
    assert_eq!(a, Interview::deal(&setup, &[], 1, 0).unwrap());
    assert_ne!(
        a.questions,
        Interview::deal(&setup, &[], 2, 0).unwrap().questions
    );
}

#[test]
fn a_mix_asks_every_question_of_a_level_when_asked_for_more_than_there_are() {
    let level = Level::Beginner;
    let beginner = bank::questions()
        .iter()
        .filter(|q| q.level == level)
        .count();
    let setup = InterviewSetup {
        count: beginner + 10,
        source: Source::Mix { level: Some(level) },
        ..InterviewSetup::default()
    };
    let i = Interview::deal(&setup, &[], 9, 0).unwrap();
    assert_eq!(i.questions.len(), beginner);
}

#[test]
fn these_are_the_candidates_shuffled_and_nothing_is_none() {
    let ids = ["jwt", "cdn", "cap-theorem"];
    let setup = InterviewSetup {
        count: 5,
        source: Source::These,
        ..InterviewSetup::default()
    };
    let i = Interview::deal(&setup, &these(&ids), 11, 100).unwrap();
    let mut got: Vec<&str> = i.questions.iter().map(|a| a.id.as_str()).collect();
    got.sort_unstable();
    assert_eq!(got, ["cap-theorem", "cdn", "jwt"]);
    assert_eq!((i.started, i.pos, i.phase), (100, 0, Phase::Ready));
    let orders: std::collections::BTreeSet<Vec<String>> = (0..20)
        .map(|seed| {
            Interview::deal(&setup, &these(&ids), seed, 0)
                .unwrap()
                .questions
                .into_iter()
                .map(|a| a.id)
                .collect()
        })
        .collect();
    assert!(orders.len() > 1, "shuffled");
    let two = InterviewSetup { count: 2, ..setup };
    assert_eq!(
        Interview::deal(&two, &these(&ids), 1, 0)
            .unwrap()
            .questions
            .len(),
        2
    );
    assert!(Interview::deal(&setup, &[], 1, 0).is_none());
    let none = InterviewSetup { count: 0, ..setup };
    assert!(Interview::deal(&none, &these(&ids), 1, 0).is_none());
}

/// A finished round of design `id` at `at` that used `used_ms` in all, graded `grade`.
fn round(id: &str, at: u64, used_ms: u64, grade: Grade) -> crate::progress::DesignRecord {
    crate::progress::DesignRecord {
        at,
        design_id: id.to_string(),
        minutes: 35,
        stages: vec![crate::progress::DesignStage {
            stage: "clarify".into(),
            used_ms,
            ticked: 0,
            total: 4,
            grade,
        }],
        grade,
    }
}

fn with_design(source: Source) -> InterviewSetup {
    InterviewSetup {
        source,
        design: true,
        ..InterviewSetup::default()
    }
}

#[test]
fn a_design_exercise_is_dealt_only_when_asked() {
    let p = Progress::default();
    let off = InterviewSetup::default();
    let i = Interview::deal(&off, &[], 1, 0)
        .unwrap()
        .with_design(&off, &p, 1);
    assert_eq!(i.design, None);
    assert_eq!(i.record(), None);
    let on = with_design(Source::default());
    let i = Interview::deal(&on, &[], 1, 0)
        .unwrap()
        .with_design(&on, &p, 1);
    let id = i.design.clone().expect("asked for");
    assert!(bank::design(&id).is_some(), "{id}");
    // The record keeps it.
    let done = apply_all(
        i,
        &[
            (Event::Start, 1),
            (Event::Done, 2),
            (Event::Grade(Grade::Knew), 3),
            (Event::Finish, 4),
        ],
    );
    assert_eq!(done.record().unwrap().design, Some(id));
}

#[test]
fn the_design_exercise_is_at_the_level_asked_new_first_then_the_most_overdue() {
    let none = Progress::default();
    let at = |l: Level| with_design(Source::Mix { level: Some(l) });
    // At the level of a mix at a level, every exercise of it reachable by the seed.
    let picked: std::collections::BTreeSet<&str> = (0..40)
        .map(|seed| design_for(&at(Level::Advanced), &none, seed).unwrap())
        .inspect(|d| assert_eq!(d.level, Level::Advanced, "{}", d.id))
        .map(|d| d.id)
        .collect();
    let advanced = bank::designs()
        .iter()
        .filter(|d| d.level == Level::Advanced)
        .count();
    assert_eq!(
        picked.len(),
        advanced,
        "ties broken by the seed: {picked:?}"
    );
    assert_eq!(
        design_for(&at(Level::Advanced), &none, 5),
        design_for(&at(Level::Advanced), &none, 5),
        "deterministic"
    );
    // No exercise at a level (the bank has no beginner one): any level. Likewise for a list.
    assert!(!bank::designs().iter().any(|d| d.level == Level::Beginner));
    let levels: std::collections::BTreeSet<Level> = (0..40)
        .flat_map(|seed| {
            [
                design_for(&at(Level::Beginner), &none, seed).unwrap().level,
                design_for(&with_design(Source::These), &none, seed)
                    .unwrap()
                    .level,
            ]
        })
        .collect();
    assert!(levels.len() > 1, "{levels:?}");

    // Every intermediate exercise practised but one: that one, whatever the seed.
    let intermediate: Vec<&str> = bank::designs()
        .iter()
        .filter(|d| d.level == Level::Intermediate)
        .map(|d| d.id)
        .collect();
    assert!(intermediate.len() >= 3);
    const DAY: u64 = 86_400_000;
    let mut p = Progress::default();
    for (n, id) in intermediate[1..].iter().enumerate() {
        p.designs
            .push(round(id, DAY * (n as u64 + 1), 0, Grade::Knew));
    }
    for seed in 0..20 {
        let d = design_for(&at(Level::Intermediate), &p, seed).unwrap();
        assert_eq!(d.id, intermediate[0], "never practised first");
    }
    // All practised: the one due soonest. Missed the latest, it is due before those known.
    p.designs
        .push(round(intermediate[0], DAY * 10, 0, Grade::Knew));
    let last = *intermediate.last().unwrap();
    p.designs.push(round(last, DAY * 11, 0, Grade::DidntKnow));
    let due = |id: &str| crate::schedule::design_review(&p, id).unwrap().due;
    let soonest = intermediate
        .iter()
        .copied()
        .min_by_key(|id| due(id))
        .unwrap();
    for seed in 0..20 {
        let d = design_for(&at(Level::Intermediate), &p, seed).unwrap();
        assert_eq!(d.id, soonest, "the most overdue");
    }
    assert_eq!(
        intermediate
            .iter()
            .filter(|id| due(id) == due(soonest))
            .count(),
        1,
        "a single most overdue, so the test means what it says"
    );
}

#[test]
fn the_design_round_shown_is_the_latest_started_since_the_interview() {
    let setup = with_design(Source::default());
    let mut i = Interview::deal(&setup, &[], 1, 1_000_000)
        .unwrap()
        .with_design(&setup, &Progress::default(), 1);
    i.design = Some("url-shortener".into());
    let mut p = Progress::default();
    assert_eq!(i.design_round(&p), None);
    // Started before the interview (finished 600 s after a start 100 s before it).
    p.designs
        .push(round("url-shortener", 1_500_000, 600_000, Grade::Knew));
    // Another exercise.
    p.designs
        .push(round("chat-with-presence", 3_000_000, 0, Grade::Knew));
    assert_eq!(i.design_round(&p), None);
    p.designs
        .push(round("url-shortener", 3_000_000, 1_000_000, Grade::Partly));
    p.designs
        .push(round("url-shortener", 5_000_000, 600_000, Grade::DidntKnow));
    assert_eq!(
        i.design_round(&p).map(|r| (r.at, r.grade)),
        Some((5_000_000, Grade::DidntKnow))
    );
    i.design = None;
    assert_eq!(i.design_round(&p), None, "no exercise asked");
}

#[test]
fn an_interview_and_its_record_stored_before_the_design_exercise_read_without_one() {
    let raw = r#"{"started":1,"seconds_per_answer":60,"follow_ups":true,"speak":false,"questions":[{"id":"jwt","time_ms":0,"follow_seed":5}],"pos":0,"phase":{"phase":"ready"},"log":[],"finished":null}"#;
    let i: Interview = serde_json::from_str(raw).expect("an interview");
    assert_eq!(i.design, None);
    assert_eq!(
        serde_json::to_string(&i).unwrap(),
        raw,
        "written back unchanged"
    );
    let record = r#"{"started":1,"finished":2,"questions":[]}"#;
    let r: InterviewRecord = serde_json::from_str(record).expect("a record");
    assert_eq!(r.design, None);
    assert_eq!(serde_json::to_string(&r).unwrap(), record);
    let with = InterviewRecord {
        design: Some("chat-with-presence".into()),
        ..r
    };
    let json = serde_json::to_string(&with).unwrap();
    assert!(
        json.ends_with(r#","design":"chat-with-presence"}"#),
        "{json}"
    );
    assert_eq!(
        serde_json::from_str::<InterviewRecord>(&json).unwrap(),
        with
    );
}

#[test]
fn a_question_with_a_follow_up_from_start_to_the_next() {
    let i = interview_of(&["jwt", "cdn"], InterviewSetup::default());
    assert!(!i.speak && i.follow_ups);
    // Nothing to tick or grade before answering.
    let i = apply_all(
        i,
        &[
            (Event::Tick(0), 1),
            (Event::Grade(Grade::Knew), 2),
            (Event::Type("early".into()), 3),
            (Event::Done, 4),
        ],
    );
    assert_eq!(i.phase, Phase::Ready);
    assert!(i.log.is_empty() && i.questions[0].typed.is_empty());

    let i = apply_all(
        i,
        &[
            (Event::Start, 1_000),
            (Event::Type("signed, not encrypted".into()), 5_000),
            (Event::Tick(0), 6_000),
        ],
    );
    assert_eq!(i.phase, Phase::Answering { started_at: 1_000 });
    assert_eq!(i.remaining_ms(31_000), Some(90_000));
    assert!(
        i.questions[0].ticked.is_empty(),
        "ticks wait for the review"
    );

    let i = i.apply(Event::Done, 46_000);
    assert_eq!(i.phase, Phase::Review);
    assert_eq!(i.questions[0].time_ms, 45_000);
    assert_eq!(i.remaining_ms(50_000), None, "not answering");
    let i = apply_all(
        i,
        &[
            (Event::Tick(0), 47_000),
            (Event::Tick(1), 48_000),
            (Event::Tick(1), 49_000),
            (Event::Tick(99), 50_000),
            (Event::FollowUp(0), 51_000),
        ],
    );
    assert_eq!(i.questions[0].ticked, vec![0]);
    assert_eq!(i.phase, Phase::Review, "a follow-up waits for the grade");
    let i = i.apply(Event::Grade(Grade::Partly), 52_000);
    assert_eq!(i.log.len(), 1);
    let i = i.apply(Event::Tick(1), 52_500);
    assert_eq!(i.questions[0].ticked, vec![0], "ticks close with the grade");
    assert_eq!(
        i.log[0],
        (
            0,
            Attempt {
                at: 52_000,
                outcome: Outcome::Flashcard {
                    grade: Grade::Partly,
                    ticked: vec![0],
                    draft: Some("signed, not encrypted".into()),
                },
                revises: None,
            }
        ),
        "the same answer a quiz flashcard gives"
    );
    let n = i.follow_up_index(3).expect("follow-ups on");
    assert!(n < 3);
    let i = apply_all(
        i,
        &[
            (Event::FollowUp(n), 53_000),
            (Event::Type("rotate keys".into()), 60_000),
            (Event::Tick(1), 61_000),
        ],
    );
    assert_eq!(i.phase, Phase::FollowUpAnswering { started_at: 53_000 });
    assert_eq!(i.follow_up_index(3), Some(n), "the one asked");
    assert_eq!(
        i.questions[0].ticked,
        vec![0],
        "follow-ups have no key points"
    );
    let i = apply_all(
        i,
        &[
            (Event::TimeUp, 200_000),
            (Event::Grade(Grade::Knew), 201_000),
        ],
    );
    assert_eq!(i.phase, Phase::FollowUpReview);
    let f = i.questions[0].follow_up.clone().unwrap();
    assert_eq!(
        (f.index, f.time_ms, f.typed.as_str(), f.grade),
        (n, 120_000, "rotate keys", Some(Grade::Knew)),
        "time used is capped at the limit"
    );
    assert_eq!(
        i.log.len(),
        1,
        "a follow-up's grade is not a schedule answer"
    );
    assert_eq!(i.questions[0].grade, Some(Grade::Partly));

    let i = i.apply(Event::Next, 202_000);
    assert_eq!((i.pos, i.phase), (1, Phase::Ready));
    // The second: answered, graded, no follow-up asked (the question has none, say).
    let i = apply_all(
        i,
        &[
            (Event::Start, 300_000),
            (Event::Done, 310_000),
            (Event::Grade(Grade::Knew), 311_000),
            (Event::SkipFollowUp, 312_000),
        ],
    );
    assert!(i.is_finished());
    assert_eq!(
        (i.pos, i.phase, i.finished),
        (2, Phase::Finished, Some(312_000))
    );

    let report = i.report();
    assert_eq!(report.rows.len(), 2);
    let jwt_points = bank::question("jwt").unwrap().key_points;
    assert_eq!(
        report.rows[0],
        ReportRow {
            id: "jwt".into(),
            time_ms: 45_000,
            covered: 1,
            key_points: jwt_points,
            grade: Some(Grade::Partly),
            follow_up: Some((n, Some(Grade::Knew))),
            follow_up_ms: 120_000,
        }
    );
    assert_eq!(report.rows[1].follow_up, None);
    assert_eq!(
        (
            report.graded,
            report.knew(),
            report.by_grade,
            report.follow_ups
        ),
        (2, 1, [0, 1, 1], 1)
    );
    assert_eq!((report.time_ms, report.duration_ms), (55_000, 312_000));
    let record = i.record().expect("finished with graded answers");
    assert_eq!(
        (record.started, record.finished, record.seconds_per_answer),
        (0, 312_000, Some(120))
    );
    assert_eq!(record.questions[0].follow_up, Some((n, Some(Grade::Knew))));
    assert_eq!((record.answered(), record.knew()), (2, 1));

    // Events after the end change nothing.
    let same = apply_all(
        i.clone(),
        &[(Event::Start, 400_000), (Event::Finish, 400_001)],
    );
    assert_eq!(same, i);
}

#[test]
fn time_used_is_capped_for_timed_answers_only() {
    let timed = interview_of(
        &["jwt"],
        InterviewSetup {
            seconds_per_answer: Some(60),
            ..InterviewSetup::default()
        },
    );
    let i = apply_all(timed, &[(Event::Start, 10_000)]);
    assert_eq!(i.remaining_ms(10_000), Some(60_000));
    assert_eq!(i.remaining_ms(70_000), Some(0));
    assert_eq!(i.remaining_ms(99_999_999), Some(0), "never below 0");
    assert_eq!(
        i.remaining_ms(5_000),
        Some(60_000),
        "a clock that went back"
    );
    // The tab slept through the end: TimeUp arrives late, and counts the time allowed.
    let late = i.clone().apply(Event::TimeUp, 500_000);
    assert_eq!(
        (late.phase, late.questions[0].time_ms),
        (Phase::Review, 60_000)
    );
    // Sent early (a timer a little ahead), it is a Done.
    let early = i.apply(Event::TimeUp, 69_500);
    assert_eq!(early.questions[0].time_ms, 59_500);

    let untimed = interview_of(
        &["jwt"],
        InterviewSetup {
            seconds_per_answer: None,
            ..InterviewSetup::default()
        },
    );
    let i = untimed.apply(Event::Start, 0);
    assert_eq!(i.remaining_ms(1), None);
    let i = i.apply(Event::Done, 500_000);
    assert_eq!(i.questions[0].time_ms, 500_000);
}

#[test]
fn with_follow_ups_off_none_is_asked() {
    let i = interview_of(
        &["jwt", "cdn"],
        InterviewSetup {
            follow_ups: false,
            ..InterviewSetup::default()
        },
    );
    assert_eq!(i.follow_up_index(3), None);
    let i = apply_all(
        i,
        &[
            (Event::Start, 1),
            (Event::Done, 2),
            (Event::Grade(Grade::Knew), 3),
            (Event::FollowUp(0), 4),
        ],
    );
    assert_eq!(i.phase, Phase::Review);
    let i = i.apply(Event::Next, 5);
    assert_eq!((i.pos, i.questions[0].follow_up.clone()), (1, None));
}

#[test]
fn follow_up_index_is_fixed_per_question_and_none_without_any() {
    let i = interview_of(&["jwt", "cdn"], InterviewSetup::default());
    assert_eq!(i.follow_up_index(0), None);
    for count in 1..6 {
        let n = i.follow_up_index(count).unwrap();
        assert!(n < count);
        assert_eq!(i.follow_up_index(count), Some(n), "the same every time");
    }
    let json = serde_json::to_string(&i).unwrap();
    let back: Interview = serde_json::from_str(&json).unwrap();
    assert_eq!(
        back.follow_up_index(4),
        i.follow_up_index(4),
        "and after a reload"
    );
    // A stored index past the content's list (the bank changed) falls back to the seed.
    let mut asked = i.clone();
    asked.questions[0].follow_up = Some(FollowUp {
        index: 9,
        ..FollowUp::default()
    });
    assert_eq!(asked.follow_up_index(3), i.follow_up_index(3));
}

#[test]
fn skipping_moves_on_keeping_what_happened() {
    let i = interview_of(&["jwt", "cdn", "cap-theorem"], InterviewSetup::default());
    // Skip the first unanswered, stop the second mid-answer, skip the third's follow-up midway.
    let i = apply_all(
        i,
        &[
            (Event::Next, 1),
            (Event::Start, 10),
            (Event::Type("half an answer".into()), 20),
            (Event::Next, 30),
            (Event::Start, 100),
            (Event::Done, 200),
            (Event::Grade(Grade::DidntKnow), 201),
            (Event::FollowUp(1), 202),
            (Event::SkipFollowUp, 250),
        ],
    );
    assert!(i.is_finished());
    let r = i.report();
    assert_eq!(r.rows[0].time_ms, 0);
    assert_eq!((r.rows[1].time_ms, r.rows[1].grade), (20, None));
    assert_eq!(i.questions[1].typed, "half an answer");
    assert_eq!(r.rows[2].follow_up, Some((1, None)));
    assert_eq!(r.rows[2].follow_up_ms, 48);
    assert_eq!((r.graded, r.follow_ups, r.follow_ups_graded), (1, 1, 0));
    let record = i.record().unwrap();
    assert_eq!(record.answered(), 1);
    assert_eq!(
        record.questions.len(),
        3,
        "every question asked, graded or not"
    );
}

#[test]
fn grading_again_replaces_the_answer_in_progress_and_the_schedule() {
    let i = interview_of(&["jwt"], InterviewSetup::default());
    let i = apply_all(
        i,
        &[
            (Event::Start, 1),
            (Event::Done, 2),
            (Event::Grade(Grade::Knew), 3),
            (Event::Grade(Grade::Partly), 4),
            (Event::Next, 5),
        ],
    );
    assert_eq!(i.log.len(), 2);
    assert_eq!(i.log[1].1.revises, Some(3));
    let mut p = Progress::default();
    for (q, attempt) in &i.log {
        p.record(&i.questions[*q].id, attempt.clone());
    }
    assert_eq!(p.attempt_count(), 1, "one answer counted for one question");
    assert_eq!(p.latest("jwt"), Some(Grade::Partly));
    assert_eq!(
        crate::schedule::replay(&p.attempts["jwt"]),
        crate::schedule::replay(&[Attempt::flashcard(4, Grade::Partly)]),
        "the schedule sees only the re-grade"
    );
    assert_eq!(i.record().unwrap().questions[0].grade, Some(Grade::Partly));
}

#[test]
fn finishing_early_stops_the_clock_and_an_ungraded_interview_is_not_recorded() {
    let i = interview_of(&["jwt", "cdn"], InterviewSetup::default());
    let i = apply_all(i, &[(Event::Start, 10), (Event::Finish, 70)]);
    assert!(i.is_finished());
    assert_eq!((i.pos, i.phase), (2, Phase::Finished));
    assert_eq!(i.questions[0].time_ms, 60);
    assert_eq!(i.record(), None, "nothing graded: discarded");
    assert_eq!(i.report().graded, 0);
    // Not finished: no record either.
    let going = apply_all(
        interview_of(&["jwt", "cdn"], InterviewSetup::default()),
        &[
            (Event::Start, 1),
            (Event::Done, 2),
            (Event::Grade(Grade::Knew), 3),
        ],
    );
    assert_eq!(going.record(), None);
    assert!(going.apply(Event::Finish, 4).record().is_some());
}

#[test]
fn typed_text_is_capped() {
    let i = interview_of(&["jwt"], InterviewSetup::default()).apply(Event::Start, 1);
    let i = i.apply(Event::Type("é".repeat(MAX_DRAFT_CHARS + 5)), 2);
    assert_eq!(i.questions[0].typed.chars().count(), MAX_DRAFT_CHARS);
    let i = apply_all(
        i,
        &[
            (Event::Done, 3),
            (Event::Grade(Grade::Knew), 4),
            (Event::FollowUp(0), 5),
            (Event::Type("x".repeat(MAX_DRAFT_CHARS * 2)), 6),
        ],
    );
    let f = i.questions[0].follow_up.as_ref().unwrap();
    assert_eq!(f.typed.len(), MAX_DRAFT_CHARS);
}

#[test]
fn an_interview_survives_a_reload_and_a_stored_one_that_does_not_fit_is_repaired() {
    let i = apply_all(
        interview_of(&["jwt", "cdn"], InterviewSetup::default()),
        &[(Event::Start, 1), (Event::Type("a".into()), 2)],
    );
    let json = serde_json::to_string(&i).unwrap();
    assert!(
        json.contains(r#""phase":{"phase":"answering","started_at":1}"#),
        "{json}"
    );
    let back: Interview = serde_json::from_str(&json).unwrap();
    assert_eq!(back, i);
    let mut fits = back.clone();
    assert!(!fits.repair());

    let raw = r#"{"started":1,"seconds_per_answer":60,"follow_ups":true,"speak":false,"questions":[{"id":"jwt","time_ms":0,"follow_seed":5,"ticked":[99,1,1]},{"id":"gone-from-the-bank","time_ms":0,"follow_seed":6}],"pos":0,"phase":{"phase":"follow_up_review"},"log":[],"finished":null}"#;
    let mut s: Interview = serde_json::from_str(raw).expect("an interview");
    let stored = s.clone();
    assert!(s.repair());
    assert_eq!(s.phase, Phase::Review, "no follow-up was asked");
    assert_eq!(s.questions[0].ticked, vec![1]);
    // Events on it work; the question that left the bank is moved past.
    let s = apply_all(stored, &[(Event::Grade(Grade::Knew), 2), (Event::Next, 3)]);
    assert_eq!(s.log.len(), 1);
    let s = s.apply(Event::Start, 4);
    assert!(s.is_finished());

    let far = raw.replace(r#""pos":0"#, r#""pos":18446744073709551615"#);
    let mut far: Interview = serde_json::from_str(&far).unwrap();
    assert!(far.clone().apply(Event::Start, 1).is_finished());
    assert!(far.repair());
    assert_eq!((far.pos, far.phase), (2, Phase::Finished));
}

#[test]
fn announcements_come_at_half_time_30_and_10_seconds_and_the_end() {
    let min2 = 120_000;
    // Counting down a second at a time says exactly four things.
    let said: Vec<(u64, String)> = (0..120)
        .rev()
        .filter_map(|s| {
            let after = s * 1000;
            announcement(min2, after + 1000, after).map(|a| (s, a))
        })
        .collect();
    assert_eq!(
        said,
        [
            (60, "1 minute left".to_string()),
            (30, "30 seconds left".to_string()),
            (10, "10 seconds left".to_string()),
            (0, "Time is up".to_string()),
        ]
    );
    assert_eq!(
        announcement(180_000, 90_200, 89_900).as_deref(),
        Some("1 minute 30 seconds left")
    );
    // At 60 s, half time is the 30-second moment: said once.
    let said: Vec<String> = (0..60)
        .rev()
        .filter_map(|s| announcement(60_000, (s + 1) * 1000, s * 1000))
        .collect();
    assert_eq!(said, ["30 seconds left", "10 seconds left", "Time is up"]);
    // Nothing between the moments, nothing going up, nothing at the start.
    assert_eq!(announcement(min2, 100_000, 99_000), None);
    assert_eq!(announcement(min2, 9_000, 10_000), None);
    assert_eq!(announcement(min2, min2, min2), None);
    assert_eq!(announcement(min2, 0, 0), None);
    // A tab that slept past several moments says the latest.
    assert_eq!(
        announcement(min2, 70_000, 5_000).as_deref(),
        Some("10 seconds left")
    );
    assert_eq!(announcement(min2, 70_000, 0).as_deref(), Some("Time is up"));
    // A short limit: no moment at or past it.
    assert_eq!(announcement(20_000, 20_000, 19_000), None);
    assert_eq!(
        announcement(20_000, 10_500, 10_000).as_deref(),
        Some("10 seconds left")
    );
}

#[test]
fn times_in_plain_words() {
    assert_eq!(spoken(60_000), "1 minute");
    assert_eq!(spoken(120_000), "2 minutes");
    assert_eq!(spoken(90_000), "1 minute 30 seconds");
    assert_eq!(spoken(61_000), "1 minute 1 second");
    assert_eq!(spoken(10_999), "10 seconds");
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        Just(Event::Start),
        ".{0,8}".prop_map(Event::Type),
        Just(Event::Done),
        Just(Event::TimeUp),
        (0usize..8).prop_map(Event::Tick),
        (0usize..3).prop_map(|g| Event::Grade(Grade::ALL[g])),
        (0usize..5).prop_map(Event::FollowUp),
        Just(Event::SkipFollowUp),
        Just(Event::Next),
        Just(Event::Finish),
    ]
}

fn any_setup() -> impl Strategy<Value = InterviewSetup> {
    (
        0usize..3,
        0usize..4,
        any::<bool>(),
        prop_oneof![
            Just(Source::These),
            Just(Source::Mix { level: None }),
            (0usize..3).prop_map(|l| Source::Mix {
                level: Some(Level::ALL[l])
            }),
        ],
    )
        .prop_map(|(c, t, follow_ups, source)| InterviewSetup {
            count: COUNTS[c],
            source,
            seconds_per_answer: TIME_LIMITS[t],
            follow_ups,
            speak: false,
            design: false,
        })
}

proptest! {
    #[test]
    fn no_event_sequence_panics_or_loses_an_answer(
        setup in any_setup(),
        seed in any::<u64>(),
        events in proptest::collection::vec((any_event(), 0u64..400_000), 0..60),
    ) {
        let mut i = Interview::deal(&setup, &all(), seed, 0).unwrap();
        let mut now = 0;
        for (e, step) in events {
            now += step;
            let before = i.log.clone();
            let was_finished = i.is_finished();
            i = i.apply(e, now);
            // The log only ever grows, by at most one, and keeps what it had.
            prop_assert!(i.log.len() == before.len() || i.log.len() == before.len() + 1);
            prop_assert_eq!(&i.log[..before.len()], &before[..]);
            prop_assert!(i.pos <= i.questions.len());
            prop_assert_eq!(i.is_finished(), i.phase == Phase::Finished);
            prop_assert!(!was_finished || i.log.len() == before.len());
            for (n, asked) in i.questions.iter().enumerate() {
                // Every question's grade is the last one logged for it.
                let last = i.log.iter().rev().find(|(q, _)| *q == n).map(|(_, a)| a.outcome.grade());
                prop_assert_eq!(asked.grade, last);
                if let Some(limit) = i.limit_ms() {
                    prop_assert!(asked.time_ms <= limit);
                    prop_assert!(asked.follow_up.as_ref().is_none_or(|f| f.time_ms <= limit));
                }
                prop_assert!(asked.follow_up.is_none() || (i.follow_ups && asked.grade.is_some()));
            }
            if let Some(r) = i.remaining_ms(now) {
                prop_assert!(Some(r) <= i.limit_ms());
            }
        }
        let report = i.report();
        prop_assert_eq!(report.rows.len(), i.questions.len());
        prop_assert_eq!(report.by_grade.iter().sum::<usize>(), report.graded);
        match i.record() {
            Some(r) => prop_assert!(i.is_finished() && r.answered() == report.graded && r.answered() > 0),
            None => prop_assert!(!i.is_finished() || report.graded == 0),
        }
    }

    #[test]
    fn no_event_sequence_panics_on_an_interview_that_does_not_fit(
        seed in any::<u64>(),
        pos in prop_oneof![0usize..10, Just(usize::MAX)],
        phase in 0usize..6,
        ticked in proptest::collection::vec(any::<usize>(), 0..4),
        events in proptest::collection::vec(any_event(), 0..30),
    ) {
        let mut i = Interview::deal(&InterviewSetup::default(), &[], seed, 0).unwrap();
        i.pos = pos;
        i.phase = [
            Phase::Ready,
            Phase::Answering { started_at: u64::MAX },
            Phase::Review,
            Phase::FollowUpAnswering { started_at: 5 },
            Phase::FollowUpReview,
            Phase::Finished,
        ][phase];
        i.questions[0].ticked = ticked;
        let _ = i.report();
        for (t, e) in events.into_iter().enumerate() {
            i = i.apply(e, t as u64);
            prop_assert!(i.pos <= i.questions.len());
            let _ = i.report();
            let _ = i.record();
            let _ = i.remaining_ms(t as u64);
            let _ = i.follow_up_index(3);
        }
    }

    #[test]
    fn announcements_never_panic(limit in any::<u64>(), before in any::<u64>(), after in any::<u64>()) {
        let _ = announcement(limit, before, after);
    }
}
