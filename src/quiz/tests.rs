//! The quiz session's tests.

use super::*;
use proptest::prelude::*;

fn all() -> Vec<Item> {
    bank::questions().iter().map(Item::Question).collect()
}

/// Every question and every design exercise.
fn everything() -> Vec<Item> {
    let designs = bank::designs().iter().map(Item::Design);
    all().into_iter().chain(designs).collect()
}

fn deal(mode: QuizMode, count: Option<usize>) -> Session {
    let setup = Setup {
        count,
        shuffled: true,
        pool: Pool::All,
        mode,
        designs: false,
    };
    Session::deal(&setup, &all(), &Progress::default(), &|_| false, 42, 0)
        .expect("bank has questions")
}

#[test]
fn deal_respects_count_order_and_mode() {
    let s = deal(QuizMode::Flashcards, Some(5));
    assert_eq!(s.cards.len(), 5);
    assert!(s.cards.iter().all(|c| c.check.is_none()));
    let choice = deal(QuizMode::Choice, None);
    assert!(choice.cards.iter().all(|c| c.check.is_some()));
    assert_eq!(
        choice.cards.len(),
        bank::questions()
            .iter()
            .filter(|q| !q.checks.is_empty())
            .count()
    );
    let in_order = Session::deal(
        &Setup {
            shuffled: false,
            count: Some(3),
            ..Setup::default()
        },
        &all(),
        &Progress::default(),
        &|_| false,
        1,
        0,
    )
    .unwrap();
    let ids: Vec<&str> = in_order.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        bank::questions()[..3]
            .iter()
            .map(|q| q.id)
            .collect::<Vec<_>>()
    );
    let mixed = deal(QuizMode::Mixed, None);
    assert!(
        mixed.cards.iter().any(|c| c.check.is_some())
            && mixed.cards.iter().any(|c| c.check.is_none())
    );
}

#[test]
fn pools_new_and_missed() {
    let mut p = Progress::default();
    let first = bank::questions()[0].id;
    p.record(
        first,
        Attempt {
            at: 1,
            outcome: Outcome::Flashcard {
                grade: Grade::Knew,
                ticked: vec![],
                draft: None,
            },
            revises: None,
        },
    );
    let new = Session::deal(
        &Setup {
            pool: Pool::New,
            count: None,
            ..Setup::default()
        },
        &all(),
        &p,
        &|_| false,
        3,
        0,
    )
    .unwrap();
    assert!(new.cards.iter().all(|c| c.id != first));
    assert!(Session::deal(
        &Setup {
            pool: Pool::Missed,
            ..Setup::default()
        },
        &all(),
        &p,
        &|_| false,
        3,
        0
    )
    .is_none());
    p.quizzes.push(QuizRecord {
        started: 1,
        finished: 2,
        mode: "flashcards".into(),
        asked: vec![],
        missed: vec!["jwt".into()],
        right: 0,
        answered: 1,
    });
    let missed = Session::deal(
        &Setup {
            pool: Pool::Missed,
            ..Setup::default()
        },
        &all(),
        &p,
        &|_| false,
        3,
        0,
    )
    .unwrap();
    assert_eq!(
        missed
            .cards
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["jwt"]
    );
}

#[test]
fn pool_due_takes_what_the_schedule_says_is_due() {
    let due = |i: Item| i.id() == "jwt" || i.id() == "cdn";
    let s = Session::deal(
        &Setup {
            pool: Pool::Due,
            count: None,
            shuffled: false,
            ..Setup::default()
        },
        &all(),
        &Progress::default(),
        &due,
        1,
        0,
    )
    .expect("two are due");
    let mut ids: Vec<&str> = s.cards.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["cdn", "jwt"]);
    assert_eq!(Pool::from_id("due"), Some(Pool::Due));
}

#[test]
fn a_flashcard_round_trip() {
    let s = deal(QuizMode::Flashcards, Some(2));
    let s = s.apply(Event::Grade(Grade::Knew), 5);
    assert!(s.log.is_empty(), "cannot grade before revealing");
    let s = s
        .apply(Event::Draft("my answer".into()), 6)
        .apply(Event::Reveal, 7);
    assert_eq!(s.face, Face::Revealed);
    let s = s
        .apply(Event::Tick(0), 8)
        .apply(Event::Tick(1), 9)
        .apply(Event::Tick(1), 10)
        .apply(Event::Tick(99), 11);
    assert_eq!(s.ticked, vec![0]);
    let s = s.apply(Event::Grade(Grade::Partly), 12);
    assert_eq!(s.pos, 1);
    assert_eq!(s.face, Face::Front);
    assert_eq!(s.log.len(), 1);
    match &s.log[0].1.outcome {
        Outcome::Flashcard {
            grade,
            ticked,
            draft,
        } => {
            assert_eq!(
                (*grade, ticked.as_slice(), draft.as_deref()),
                (Grade::Partly, &[0usize][..], Some("my answer"))
            );
        }
        other => panic!("{other:?}"),
    }
    // Back shows the graded card as it was; re-grading keeps both attempts in the log.
    let s = s.apply(Event::Back, 13);
    assert_eq!(
        (s.pos, s.face, s.ticked.clone()),
        (0, Face::Revealed, vec![0])
    );
    let s = s
        .apply(Event::Grade(Grade::Knew), 14)
        .apply(Event::Skip, 15);
    assert!(s.is_finished());
    assert_eq!(s.log.len(), 2);
    assert_eq!(
        s.log[1].1.revises,
        Some(12),
        "the re-grade names the answer it replaces"
    );
    let mut p = Progress::default();
    for (card, attempt) in &s.log {
        p.record(&s.cards[*card].id, attempt.clone());
    }
    let id = &s.cards[0].id;
    assert_eq!(p.attempt_count(), 1, "one answer counted for one card");
    assert_eq!(p.latest(id), Some(Grade::Knew));
    assert_eq!(
        crate::schedule::replay(&p.attempts[id]),
        crate::schedule::replay(&[Attempt::flashcard(14, Grade::Knew)]),
        "the schedule sees only the re-grade"
    );
    let sum = s.summary();
    assert_eq!(
        (sum.total, sum.answered, sum.skipped, sum.right),
        (2, 1, 1, 1)
    );
    assert_eq!(
        sum.duration_ms, 15,
        "from the deal at 0 to the last event at 15"
    );
}

#[test]
fn a_multiple_choice_round_trip() {
    let s = deal(QuizMode::Choice, Some(1));
    let (card, q) = s.current().map(|(c, q)| (c.clone(), q)).unwrap();
    let check = &q.checks()[card.check.unwrap()];
    let wrong = (check.answer + 1) % check.options;
    // Picks name the place an option is shown at.
    let place = |option: usize| {
        card.shown_order(check.options)
            .iter()
            .position(|&o| o == option)
            .unwrap()
    };
    let s = s.apply(Event::Pick(99), 1);
    assert_eq!(s.face, Face::Front, "out-of-range pick ignored");
    let s = s.apply(Event::Pick(place(wrong)), 2);
    assert_eq!(s.face, Face::Answered);
    assert!(
        matches!(s.log[0].1.outcome, Outcome::Choice { picked, correct: false, .. } if picked == wrong)
    );
    assert_eq!(
        s.clone()
            .apply(Event::Pick(place(check.answer)), 3)
            .log
            .len(),
        1,
        "no second pick on an answered card"
    );
    let s = s.apply(Event::Next, 4);
    assert!(s.is_finished());
    let sum = s.summary();
    assert_eq!((sum.right, sum.missed.clone()), (0, vec![card.id.clone()]));
    assert_eq!(s.record().map(|r| r.missed), Some(vec![card.id]));
}

#[test]
fn options_are_shuffled_per_quiz_and_kept_through_a_reload() {
    let s = deal(QuizMode::Choice, Some(40));
    let mut moved = 0;
    for card in &s.cards {
        let q = bank::question(&card.id).unwrap();
        let n = q.checks[card.check.unwrap()].options;
        let mut shown = card.shown_order(n);
        moved += usize::from(shown != (0..n).collect::<Vec<_>>());
        shown.sort_unstable();
        assert_eq!(shown, (0..n).collect::<Vec<_>>(), "every option shown once");
    }
    assert!(moved >= 20, "most of 40 checks come reordered, got {moved}");
    let json = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s, "a reload shows the same order");
    // Another quiz, another order.
    let setup = Setup {
        count: Some(40),
        shuffled: false,
        pool: Pool::All,
        mode: QuizMode::Choice,
        designs: false,
    };
    let a = Session::deal(&setup, &all(), &Progress::default(), &|_| false, 1, 0).unwrap();
    let b = Session::deal(&setup, &all(), &Progress::default(), &|_| false, 2, 0).unwrap();
    assert_ne!(
        a.cards.iter().map(|c| &c.order).collect::<Vec<_>>(),
        b.cards.iter().map(|c| &c.order).collect::<Vec<_>>()
    );
    // A stored order that is not a reordering of the options is read as written.
    let odd = Card {
        id: "jwt".into(),
        design: false,
        check: Some(0),
        order: vec![0, 0, 9],
    };
    assert_eq!(odd.shown_order(4), vec![0, 1, 2, 3]);
}

#[test]
fn finish_early_and_events_after_the_end_are_ignored() {
    let s = deal(QuizMode::Flashcards, Some(3)).apply(Event::Finish, 9);
    assert!(s.is_finished());
    assert_eq!(
        s.record(),
        None,
        "a quiz ended before any answer is not recorded"
    );
    let same = s.clone().apply(Event::Reveal, 10).apply(Event::Back, 11);
    assert_eq!(same, s);
    assert_eq!(s.summary().skipped, 3);
}

#[test]
fn durations() {
    assert_eq!(format_duration(35_400), "35 s");
    assert_eq!(format_duration(245_000), "4 min 05 s");
}

/// A stored session is data anyone can edit: one with fewer answers than cards (or a position
/// past the end) panicked when a card was answered.
#[test]
fn a_stored_session_with_fewer_answers_than_cards_does_not_panic() {
    let raw = r#"{"started":1,"mode":"flashcards","cards":[{"id":"jwt"},{"id":"cdn"}],"pos":1,"face":"revealed","draft":"","ticked":[],"answers":[null],"log":[],"finished":null}"#;
    let s: Session = serde_json::from_str(raw).expect("a session");
    assert_eq!(s.summary().skipped, 2, "a missing answer counts as skipped");
    let s = s.apply(Event::Grade(Grade::Knew), 5);
    assert_eq!(s.log.len(), 1);
    assert_eq!(s.answers.len(), 2);
    assert!(s.is_finished());
    assert_eq!(s.summary().answered, 1);

    let mut far: Session =
        serde_json::from_str(&raw.replace(r#""pos":1"#, r#""pos":18446744073709551615"#))
            .expect("a session");
    assert!(far.clone().apply(Event::Skip, 6).is_finished());
    assert!(far.repair());
    assert_eq!(far.pos, 2);
    assert!(!far.repair(), "fits now");
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        ".{0,8}".prop_map(Event::Draft),
        Just(Event::Reveal),
        (0usize..8).prop_map(Event::Tick),
        (0usize..3).prop_map(|g| Event::Grade(Grade::ALL[g])),
        (0usize..6).prop_map(Event::Pick),
        Just(Event::Next),
        Just(Event::Skip),
        Just(Event::Back),
        Just(Event::Finish),
    ]
}

#[test]
fn design_exercises_join_choice_and_mixed_quizzes_as_checks_only() {
    let setup = |mode| Setup {
        count: None,
        shuffled: false,
        pool: Pool::All,
        mode,
        designs: true,
    };
    let deal = |mode| {
        Session::deal(
            &setup(mode),
            &everything(),
            &Progress::default(),
            &|_| false,
            7,
            0,
        )
        .unwrap()
    };
    let designs = bank::designs().len();
    assert!(designs >= 16);
    for mode in [QuizMode::Choice, QuizMode::Mixed] {
        let s = deal(mode);
        let dealt: Vec<&Card> = s.cards.iter().filter(|c| c.design).collect();
        assert_eq!(dealt.len(), designs, "{mode:?}: every exercise has checks");
        for card in dealt {
            let d = bank::design(&card.id).expect("a design id");
            let check = card.check.expect("a design card is always a check");
            let mut shown = card.shown_order(d.checks[check].options);
            shown.sort_unstable();
            assert_eq!(shown, (0..d.checks[check].options).collect::<Vec<_>>());
        }
    }
    let flash = deal(QuizMode::Flashcards);
    assert!(
        flash.cards.iter().all(|c| !c.design),
        "no design flashcards"
    );
    assert_eq!(flash.cards.len(), bank::questions().len());
}

#[test]
fn a_design_check_is_scored_and_summed_by_the_exercises_topics_and_level() {
    let d = &bank::designs()[0];
    let setup = Setup {
        count: None,
        shuffled: false,
        pool: Pool::All,
        mode: QuizMode::Choice,
        designs: true,
    };
    let s = Session::deal(
        &setup,
        &[Item::Design(d)],
        &Progress::default(),
        &|_| false,
        3,
        0,
    )
    .unwrap();
    let (card, item) = s.current().map(|(c, i)| (c.clone(), i)).unwrap();
    assert_eq!(item, Item::Design(d));
    assert_eq!(item.page(), format!("/designs/{}", d.id));
    let key = d.checks[card.check.unwrap()];
    let shown_right = card
        .shown_order(key.options)
        .iter()
        .position(|&o| o == key.answer)
        .unwrap();
    let s = s.apply(Event::Pick(shown_right), 1);
    assert!(matches!(
        s.answers[0],
        Some(Outcome::Choice { correct: true, .. })
    ));
    // Ticks and grades are flashcard events: nothing happens on a check.
    assert_eq!(s.clone().apply(Event::Tick(0), 2), s);
    let s = s.apply(Event::Next, 3);
    let sum = s.summary();
    assert_eq!((sum.right, sum.answered), (1, 1));
    assert_eq!(sum.by_level, vec![(d.level, 1, 1)]);
    assert_eq!(sum.by_topic.len(), d.topics.len());
    let record = s.record().unwrap();
    assert_eq!(record.asked, vec![d.id.to_string()]);
}

#[test]
fn the_design_pools_new_missed_and_due_read_the_exercises_own_history() {
    let d = &bank::designs()[0];
    let setup = |pool| Setup {
        count: None,
        shuffled: false,
        pool,
        mode: QuizMode::Choice,
        designs: true,
    };
    let items = [Item::Design(d)];
    let mut p = Progress::default();
    let ids =
        |s: Option<Session>| s.map(|s| s.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    assert_eq!(
        ids(Session::deal(
            &setup(Pool::New),
            &items,
            &p,
            &|_| false,
            1,
            0
        )),
        Some(vec![d.id.to_string()])
    );
    p.designs.push(crate::progress::DesignRecord {
        at: 1,
        design_id: d.id.to_string(),
        minutes: 45,
        stages: vec![],
        grade: Grade::Partly,
    });
    assert_eq!(
        ids(Session::deal(
            &setup(Pool::New),
            &items,
            &p,
            &|_| false,
            1,
            0
        )),
        None,
        "practised"
    );
    assert_eq!(
        ids(Session::deal(
            &setup(Pool::Missed),
            &items,
            &p,
            &|_| false,
            1,
            0
        )),
        None
    );
    p.quizzes.push(QuizRecord {
        started: 1,
        finished: 2,
        mode: "choice".into(),
        asked: vec![d.id.into()],
        missed: vec![d.id.into()],
        right: 0,
        answered: 1,
    });
    assert_eq!(
        ids(Session::deal(
            &setup(Pool::Missed),
            &items,
            &p,
            &|_| false,
            1,
            0
        )),
        Some(vec![d.id.to_string()])
    );
    let due = |i: Item| i == Item::Design(d);
    assert_eq!(
        ids(Session::deal(&setup(Pool::Due), &items, &p, &due, 1, 0)),
        Some(vec![d.id.to_string()])
    );
}

#[test]
fn a_stored_design_card_without_a_check_is_skipped_not_shown_as_a_flashcard() {
    let d = &bank::designs()[0];
    let mut s = deal(QuizMode::Flashcards, Some(2));
    s.cards[0] = Card {
        id: d.id.into(),
        design: true,
        check: None,
        order: vec![],
    };
    assert_eq!(s.current(), None);
    let s = s.apply(Event::Reveal, 1);
    assert_eq!((s.pos, s.face), (1, Face::Front), "moved past it");
}

proptest! {
    #[test]
    fn no_event_sequence_panics_or_loses_an_attempt(
        mode in prop_oneof![Just(QuizMode::Flashcards), Just(QuizMode::Choice), Just(QuizMode::Mixed)],
        seed in any::<u64>(),
        events in proptest::collection::vec(any_event(), 0..60),
    ) {
        let setup = Setup { count: Some(5), shuffled: true, pool: Pool::All, mode, designs: true };
        let mut s = Session::deal(&setup, &everything(), &Progress::default(), &|_| false, seed, 0).unwrap();
        for (t, e) in events.into_iter().enumerate() {
            let before = s.log.clone();
            s = s.apply(e, t as u64 + 1);
            // The log only ever grows, by at most one, and keeps what it had.
            prop_assert!(s.log.len() == before.len() || s.log.len() == before.len() + 1);
            prop_assert_eq!(&s.log[..before.len()], &before[..]);
            prop_assert!(s.pos <= s.cards.len());
            prop_assert_eq!(s.answers.len(), s.cards.len());
            // Every card's latest answer is the last one logged for it.
            for (i, a) in s.answers.iter().enumerate() {
                let last = s.log.iter().rev().find(|(c, _)| *c == i).map(|(_, at)| &at.outcome);
                prop_assert_eq!(a.as_ref(), last);
            }
        }
        let sum = s.summary();
        prop_assert_eq!(sum.answered + sum.skipped, sum.total);
    }

    #[test]
    fn no_event_sequence_panics_on_a_session_that_does_not_fit(
        seed in any::<u64>(),
        answers in 0usize..8,
        pos in prop_oneof![0usize..8, Just(usize::MAX)],
        events in proptest::collection::vec(any_event(), 0..30),
    ) {
        let setup = Setup { count: Some(5), shuffled: true, pool: Pool::All, mode: QuizMode::Mixed, designs: true };
        let mut s = Session::deal(&setup, &everything(), &Progress::default(), &|_| false, seed, 0).unwrap();
        s.answers.resize(answers, None);
        s.pos = pos;
        let _ = s.summary();
        for (t, e) in events.into_iter().enumerate() {
            s = s.apply(e, t as u64 + 1);
            prop_assert!(s.pos <= s.cards.len());
            let _ = s.summary();
            let _ = s.record();
        }
    }
}
