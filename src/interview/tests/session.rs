//! An interview under way: the phases, timing, follow-ups, what goes into progress, the report and
//! the record, and property tests over event sequences.

use super::*;

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
