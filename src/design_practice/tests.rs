use super::*;
use proptest::prelude::*;

const MIN: u64 = 60_000;

fn round() -> Round {
    Round::new(
        "url-shortener",
        Length::Standard,
        [4, 5, 6, 4, 8, 4],
        3,
        1_000,
    )
}

#[test]
fn stage_ids_are_the_rubric_keys_of_the_format_doc() {
    let ids: Vec<&str> = Stage::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(
        ids,
        [
            "clarify",
            "estimate",
            "api",
            "design",
            "deep_dive",
            "wrap_up"
        ]
    );
    for stage in Stage::ALL {
        assert_eq!(Stage::from_id(stage.id()), Some(stage));
        // Stored as its id, so the saved round and the record say the same.
        assert_eq!(
            serde_json::to_string(&stage).expect("a unit variant serializes"),
            format!("\"{}\"", stage.id())
        );
    }
    assert_eq!(Stage::Clarify.prev(), None);
    assert_eq!(Stage::WrapUp.next(), None);
    assert_eq!(Stage::Api.next(), Some(Stage::Design));
}

#[test]
fn each_length_plans_stages_that_sum_to_it_exactly() {
    let plan = |l: Length| -> Vec<u64> { Stage::ALL.iter().map(|&s| l.planned(s) / MIN).collect() };
    assert_eq!(plan(Length::Standard), [5, 5, 10, 10, 12, 3]);
    assert_eq!(plan(Length::Short), [4, 4, 8, 8, 9, 2]);
    assert_eq!(plan(Length::Long), [7, 7, 13, 13, 16, 4]);
    for length in Length::ALL {
        let sum: u64 = Stage::ALL.iter().map(|&s| length.planned(s)).sum();
        assert_eq!(sum, u64::from(length.total_minutes()) * MIN, "{length:?}");
        assert_eq!(length.id(), length.total_minutes().to_string());
        // Every stage gets some time, and a longer round never gives a stage less.
        assert!(Stage::ALL.iter().all(|&s| length.planned(s) > 0));
    }
    for stage in Stage::ALL {
        assert!(Length::Short.planned(stage) <= Length::Standard.planned(stage));
        assert!(Length::Standard.planned(stage) <= Length::Long.planned(stage));
    }
}

#[test]
fn the_clock_follows_the_stages_and_overtime_keeps_counting() {
    let r = round().apply(Event::Start, 10_000);
    assert_eq!(r.phase, Phase::Running { since: 10_000 });
    assert_eq!(r.remaining_ms(10_000 + 2 * MIN), Some(3 * MIN));
    // Past the clarify plan (5 minutes): the stage stays, the time goes on.
    let late = 10_000 + 7 * MIN;
    assert_eq!(r.remaining_ms(late), Some(0));
    assert_eq!(r.overtime_ms(late), 2 * MIN);
    assert_eq!(
        r.stage,
        Stage::Clarify,
        "the clock never moves the stage on"
    );
    let r = r.apply(Event::NextStage, late);
    assert_eq!(r.stage, Stage::Estimate);
    assert_eq!(r.used_ms(Stage::Clarify, late + MIN), 7 * MIN);
    assert_eq!(r.used_ms(Stage::Estimate, late + MIN), MIN);
    // Paused time does not count.
    let r = r
        .apply(Event::Pause, late + MIN)
        .apply(Event::Resume, late + 10 * MIN);
    assert_eq!(r.used_ms(Stage::Estimate, late + 11 * MIN), 2 * MIN);
    // Going back adds to the earlier stage's time.
    let r = r.apply(Event::PrevStage, late + 11 * MIN);
    assert_eq!(r.stage, Stage::Clarify);
    assert_eq!(r.used_ms(Stage::Clarify, late + 12 * MIN), 8 * MIN);
    let r = r.apply(Event::EndRound, late + 12 * MIN);
    assert_eq!(r.phase, Phase::Review);
    assert_eq!(
        r.used_ms(Stage::Clarify, late + 60 * MIN),
        8 * MIN,
        "stopped"
    );
}

#[test]
fn next_stage_on_the_wrap_up_ends_the_timed_part() {
    let mut r = round().apply(Event::Start, 0);
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        assert_eq!(r.stage, stage);
        r = r.apply(Event::NextStage, (i as u64 + 1) * MIN);
    }
    assert_eq!(r.phase, Phase::Review);
    assert!(Stage::ALL.iter().all(|&s| r.used_ms(s, 99 * MIN) == MIN));
}

#[test]
fn clarifying_answers_are_shown_one_at_a_time_and_only_while_clarifying() {
    let r = round().apply(Event::RevealClarify, 1);
    assert_eq!(r.revealed(), 0, "not before the start");
    let mut r = r.apply(Event::Start, 2);
    for n in 1..=5 {
        r = r.apply(Event::RevealClarify, 2 + n);
        assert_eq!(r.revealed(), n.min(3) as usize);
    }
    let r = Round {
        clarify_revealed: 0,
        ..r
    }
    .apply(Event::NextStage, 10)
    .apply(Event::RevealClarify, 11);
    assert_eq!(r.revealed(), 0, "not in another stage");
}

#[test]
fn notes_are_kept_per_stage_and_bounded() {
    let r = round()
        .apply(Event::Note(Stage::Clarify, "early".into()), 1)
        .apply(Event::Start, 2)
        .apply(Event::Note(Stage::Api, "POST /links".into()), 3)
        .apply(
            Event::Note(Stage::Clarify, "x".repeat(MAX_DRAFT_CHARS + 9)),
            4,
        );
    assert_eq!(r.stages[Stage::Api.index()].notes, "POST /links");
    assert_eq!(
        r.stages[Stage::Clarify.index()].notes.chars().count(),
        MAX_DRAFT_CHARS
    );
    assert!(r.stages[Stage::Estimate.index()].notes.is_empty());
}

fn reviewed() -> Round {
    round()
        .apply(Event::Start, 0)
        .apply(Event::EndRound, 20 * MIN)
}

#[test]
fn ticks_suggest_each_stage_grade_and_a_given_grade_wins() {
    let mut r = reviewed();
    assert_eq!(r.suggested(Stage::Clarify), Grade::DidntKnow);
    for n in 0..3 {
        r = r.apply(Event::Tick(Stage::Clarify, n, true), 1);
    }
    // A point past the rubric is ignored.
    r = r.apply(Event::Tick(Stage::Clarify, 99, true), 1);
    assert_eq!(r.ticked(Stage::Clarify), (3, 4));
    assert_eq!(r.suggested(Stage::Clarify), Grade::Knew);
    r = r.apply(Event::Tick(Stage::Clarify, 0, false), 2);
    assert_eq!(r.stage_grade(Stage::Clarify), Grade::Partly);
    r = r.apply(Event::Grade(Stage::Clarify, Grade::Knew), 3);
    assert_eq!(r.stage_grade(Stage::Clarify), Grade::Knew);
    assert_eq!(r.suggested(Stage::Clarify), Grade::Partly);
}

#[test]
fn ticks_and_grades_wait_for_the_review() {
    let r = round()
        .apply(Event::Start, 0)
        .apply(Event::Tick(Stage::Clarify, 0, true), 1)
        .apply(Event::Grade(Stage::Clarify, Grade::Knew), 2)
        .apply(Event::Finish, 3);
    assert_eq!(r.ticked(Stage::Clarify), (0, 4));
    assert_eq!(r.stages[0].grade, None);
    assert!(matches!(r.phase, Phase::Running { .. }));
    assert_eq!(r.record(), None);
}

#[test]
fn the_overall_grade_weighs_stages_by_their_planned_time() {
    let grade_all = |grades: [Grade; STAGES]| {
        let mut r = reviewed();
        for (stage, g) in Stage::ALL.into_iter().zip(grades) {
            r = r.apply(Event::Grade(stage, g), 1);
        }
        r
    };
    use Grade::*;
    assert_eq!(grade_all([Knew; STAGES]).suggested_overall(), Knew);
    assert_eq!(
        grade_all([DidntKnow; STAGES]).suggested_overall(),
        DidntKnow
    );
    // Knew the design stages (10 + 10 + 12 of 45 minutes: 71%), missed the rest: partly.
    let r = grade_all([DidntKnow, DidntKnow, Knew, Knew, Knew, DidntKnow]);
    assert_eq!(r.suggested_overall(), Partly);
    // Knew all but the clarify and wrap-up (8 of 45 minutes missed: 82%): knew it.
    let r = grade_all([DidntKnow, Knew, Knew, Knew, Knew, DidntKnow]);
    assert_eq!(r.suggested_overall(), Knew);
    // Only the short stages known (13 of 45 minutes: 29%): didn't know.
    let r = grade_all([Knew, Knew, DidntKnow, DidntKnow, DidntKnow, Knew]);
    assert_eq!(r.suggested_overall(), DidntKnow);
    let r = r.apply(Event::Overall(Partly), 2);
    assert_eq!(r.overall_grade(), Partly);
}

#[test]
fn a_finished_round_is_recorded_with_its_times_ticks_and_grades() {
    let r = round()
        .apply(Event::Start, 1_000)
        .apply(Event::NextStage, 1_000 + 6 * MIN)
        .apply(Event::EndRound, 1_000 + 9 * MIN)
        .apply(Event::Tick(Stage::Estimate, 1, true), 1)
        .apply(Event::Grade(Stage::Api, Grade::Knew), 1);
    assert_eq!(r.record(), None, "not before the review is closed");
    let report = r.report(0);
    assert_eq!(report.stages[0].planned_ms, 5 * MIN);
    assert_eq!(report.stages[0].used_ms, 6 * MIN);
    assert_eq!(report.stages[0].overtime_ms(), MIN);
    assert_eq!(report.stages[1].used_ms, 3 * MIN);
    assert_eq!((report.stages[1].ticked, report.stages[1].total), (1, 5));
    assert_eq!(report.planned_ms, 45 * MIN);
    assert_eq!(report.used_ms, 9 * MIN);
    let r = r.apply(Event::Finish, 50 * MIN);
    let record = r.record().expect("a done round is recorded");
    assert_eq!(record.at, 50 * MIN);
    assert_eq!(record.design_id, "url-shortener");
    assert_eq!(record.minutes, 45);
    assert_eq!(record.stages.len(), STAGES);
    assert_eq!(record.stages[4].stage, "deep_dive");
    assert_eq!(record.stages[0].used_ms, 6 * MIN);
    assert_eq!(record.stages[2].grade, Grade::Knew);
    assert_eq!(record.stages[1].grade, Grade::DidntKnow, "1 of 5 ticked");
    assert_eq!(record.grade, r.overall_grade());
    // Done: nothing changes it any more.
    assert_eq!(r.clone().apply(Event::Overall(Grade::Knew), 51 * MIN), r);
}

#[test]
fn an_abandoned_round_stops_and_is_not_recorded() {
    let r = round()
        .apply(Event::Start, 0)
        .apply(Event::Abandon, 3 * MIN);
    assert_eq!(r.phase, Phase::Abandoned);
    assert_eq!(r.used_ms(Stage::Clarify, 9 * MIN), 3 * MIN);
    assert_eq!(r.record(), None);
    assert_eq!(r.clone().apply(Event::Start, 10 * MIN), r);
}

#[test]
fn a_stored_round_that_does_not_fit_is_repaired() {
    let mut r = round();
    assert!(!r.repair(), "a new round fits");
    r.clarify_revealed = 40;
    r.stages[2].notes = "é".repeat(MAX_DRAFT_CHARS + 1);
    r.stages[3].ticks = vec![true; MAX_RUBRIC_POINTS + 5];
    assert!(r.repair());
    assert_eq!(r.clarify_revealed, 3);
    assert_eq!(r.stages[2].notes.chars().count(), MAX_DRAFT_CHARS);
    assert_eq!(r.stages[3].ticks.len(), MAX_RUBRIC_POINTS);
}

#[test]
fn the_countdown_is_announced_as_in_the_mock_interview_with_the_stage_named() {
    let plan = 5 * MIN;
    assert_eq!(
        announcement(Stage::Clarify, plan, 151_000, 149_000).as_deref(),
        Some("Clarify: 2 minutes 30 seconds left")
    );
    assert_eq!(
        announcement(Stage::Api, plan, 31_000, 29_000).as_deref(),
        Some("API and data model: 30 seconds left")
    );
    assert_eq!(announcement(Stage::Api, plan, 29_000, 28_000), None);
    assert_eq!(
        announcement(Stage::WrapUp, plan, 1_000, 0).as_deref(),
        Some("Wrap-up: planned time is up; the clock goes on as overtime")
    );
    // Overtime: the time left stays at 0, so nothing more is said.
    assert_eq!(announcement(Stage::WrapUp, plan, 0, 0), None);
}

#[test]
fn a_round_in_progress_round_trips_through_serde() {
    let r = round()
        .apply(Event::Start, 5)
        .apply(Event::Note(Stage::Clarify, "who reads?".into()), 6)
        .apply(Event::RevealClarify, 7);
    let text = serde_json::to_string(&r).expect("a round serializes");
    assert!(text.contains(r#""length":"45""#), "{text}");
    assert!(text.contains(r#""phase":"running","since":5"#), "{text}");
    let back: Round = serde_json::from_str(&text).expect("and reads back");
    assert_eq!(back, r);
}

fn stage() -> impl Strategy<Value = Stage> {
    (0usize..STAGES).prop_map(|i| Stage::ALL[i])
}

fn grade() -> impl Strategy<Value = Grade> {
    (0usize..3).prop_map(|i| Grade::ALL[i])
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        Just(Event::Start),
        Just(Event::Pause),
        Just(Event::Resume),
        (
            stage(),
            prop_oneof![".{0,20}", Just("y".repeat(MAX_DRAFT_CHARS + 3))]
        )
            .prop_map(|(s, t)| Event::Note(s, t)),
        Just(Event::RevealClarify),
        Just(Event::NextStage),
        Just(Event::NextStage),
        Just(Event::PrevStage),
        Just(Event::EndRound),
        (stage(), 0usize..12, any::<bool>()).prop_map(|(s, n, on)| Event::Tick(s, n, on)),
        (stage(), grade()).prop_map(|(s, g)| Event::Grade(s, g)),
        grade().prop_map(Event::Overall),
        Just(Event::Finish),
        Just(Event::Abandon),
    ]
}

fn length() -> impl Strategy<Value = Length> {
    (0usize..3).prop_map(|i| Length::ALL[i])
}

proptest! {
    #[test]
    fn any_events_keep_the_round_sound(
        length in length(),
        rubric in proptest::array::uniform6(0usize..40),
        clarify in 0usize..9,
        start in 0u64..1_000_000,
        steps in proptest::collection::vec((event(), 0u64..10 * MIN), 0..40),
    ) {
        let mut r = Round::new("cdn", length, rubric, clarify, start);
        let mut now = start;
        for (event, gap) in steps {
            now += gap;
            r = r.apply(event, now);
            let used = Stage::ALL.iter().fold(0u64, |sum, &s| sum + r.used_ms(s, now));
            let elapsed = r.started_at.map_or(0, |t| now - t);
            prop_assert!(used <= elapsed, "used {} of {} elapsed", used, elapsed);
            for work in &r.stages {
                prop_assert!(work.notes.chars().count() <= MAX_DRAFT_CHARS);
                prop_assert!(work.ticks.len() <= MAX_RUBRIC_POINTS);
            }
            prop_assert!(r.clarify_revealed <= clarify);
            prop_assert_eq!(r.record().is_some(), r.phase == Phase::Done);
        }
        // Whatever happened, the record (if any) and the round read back as written.
        if let Some(record) = r.record() {
            let text = serde_json::to_string(&record).expect("a record serializes");
            prop_assert_eq!(serde_json::from_str::<DesignRecord>(&text).ok(), Some(record));
        }
        let text = serde_json::to_string(&r).expect("a round serializes");
        prop_assert_eq!(serde_json::from_str::<Round>(&text).ok(), Some(r));
    }

    #[test]
    fn events_at_any_times_never_panic(
        steps in proptest::collection::vec((event(), any::<u64>()), 0..30),
    ) {
        let mut r = round();
        for (event, now) in steps {
            r = r.apply(event, now);
            let _ = r.report(now);
            let _ = r.remaining_ms(now);
        }
    }
}
