//! Setting an interview up, dealing its questions, and the design exercise it may end with.

use super::*;

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
