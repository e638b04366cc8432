//! The save format, pinned: a golden encoded sample of every stored type at every schema version
//! it was ever written in (`golden/<what>-v<N>.json`), decoded by today's code to the value it
//! held. A change to the stored types that changes what is written fails
//! [`the_current_format_is_pinned_to_its_version`] until the version is bumped with a migration and
//! a new golden file; the old files stay, and must still decode.
//!
//! How to change a stored type: bump its version (`SCHEMA_VERSION` for progress), teach
//! `Stored::migrate` the step from the old one, add a test of it, and write the new golden file
//! (the test prints what today's code writes). Never edit an old golden file: it is what browsers
//! out there hold.

use super::*;
use crate::design_practice::{Event, Length, Round, Stage};
use crate::interview::InterviewSetup;
use crate::plan::PlanSettings;
use crate::prefs::Theme;
use crate::progress::{
    Attempt, Bookmark, DesignRecord, DesignStage, Grade, InterviewAnswer, InterviewRecord, Note,
    Outcome, QuizRecord,
};
use std::collections::BTreeMap;

fn golden(name: &str) -> Option<String> {
    let path = format!("{}/src/storage/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .ok()
        .map(|t| t.trim_end().to_string())
}

fn map<V>(entries: impl IntoIterator<Item = (&'static str, V)>) -> BTreeMap<String, V> {
    entries
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

/// Every field of every stored progress type, set (struct literals without `..`: a new field does
/// not compile until it is set here, and then changes the encoding).
fn progress_sample() -> Progress {
    // A new kind of outcome must be added to the sample too.
    let outcomes = |o: &Outcome| match o {
        Outcome::Flashcard { .. } | Outcome::Choice { .. } => (),
    };
    let flashcard = Outcome::Flashcard {
        grade: Grade::Partly,
        ticked: vec![0, 2],
        draft: Some("Signed, not encrypted.".into()),
    };
    let choice = Outcome::Choice {
        check: 1,
        picked: 2,
        correct: true,
    };
    outcomes(&flashcard);
    Progress {
        read: map([("jwt", 1_700_000_000_000), ("cdn", 1_700_000_100_000)]),
        attempts: map([(
            "jwt",
            vec![
                Attempt {
                    at: 1_700_000_200_000,
                    outcome: flashcard,
                    revises: None,
                },
                Attempt {
                    at: 1_700_000_300_000,
                    outcome: Outcome::Flashcard {
                        grade: Grade::Knew,
                        ticked: vec![],
                        draft: None,
                    },
                    revises: Some(1_700_000_200_000),
                },
                Attempt {
                    at: 1_700_000_400_000,
                    outcome: choice,
                    revises: None,
                },
            ],
        )]),
        quizzes: vec![QuizRecord {
            started: 1_700_000_150_000,
            finished: 1_700_000_450_000,
            mode: "mixed".into(),
            asked: vec!["jwt".into(), "cdn".into()],
            missed: vec!["cdn".into()],
            right: 1,
            answered: 2,
        }],
        interviews: vec![InterviewRecord {
            started: 1_700_001_000_000,
            finished: 1_700_001_600_000,
            seconds_per_answer: Some(120),
            design: None,
            questions: vec![
                InterviewAnswer {
                    id: "jwt".into(),
                    time_ms: 95_000,
                    covered: 3,
                    key_points: 5,
                    grade: Some(Grade::Partly),
                    follow_up: Some((1, Some(Grade::Knew))),
                },
                InterviewAnswer {
                    id: "cdn".into(),
                    time_ms: 120_000,
                    covered: 0,
                    key_points: 4,
                    grade: None,
                    follow_up: None,
                },
            ],
        }],
        designs: vec![DesignRecord {
            at: 1_700_002_000_000,
            design_id: "url-shortener".into(),
            minutes: 45,
            stages: vec![
                DesignStage {
                    stage: "clarify".into(),
                    used_ms: 330_000,
                    ticked: 3,
                    total: 4,
                    grade: Grade::Knew,
                },
                DesignStage {
                    stage: "deep_dive".into(),
                    used_ms: 700_000,
                    ticked: 1,
                    total: 6,
                    grade: Grade::DidntKnow,
                },
            ],
            grade: Grade::Partly,
        }],
        bookmarks: map([
            (
                "jwt",
                Bookmark {
                    at: 1_700_000_500_000,
                    on: true,
                },
            ),
            (
                "cdn",
                Bookmark {
                    at: 1_700_000_600_000,
                    on: false,
                },
            ),
        ]),
        notes: map([(
            "jwt",
            Note {
                at: 1_700_000_700_000,
                text: "Check `exp` *and* `aud`.".into(),
            },
        )]),
        replaced_at: Some(1_600_000_000_000),
        reset_at: Some(1_650_000_000_000),
        cleared: map([("old-question", 1_660_000_000_000)]),
    }
}

fn prefs_sample() -> Prefs {
    Prefs {
        theme: Theme::Dark,
        last_export: Some((1_700_000_800_000, 3)),
        plan: Some(PlanSettings {
            interview_day: 19_700,
            levels: vec![crate::bank::Level::Intermediate],
            topics: vec!["databases".into()],
            created_day: 19_680,
            // Off, as in every plan stored before design rounds could be planned: see
            // `a_plan_with_design_rounds_is_version_1_with_one_more_field`.
            designs: false,
        }),
    }
}

/// What each older progress file (`progress-v<N>.json`) holds, read by today's code.
fn progress_expected(version: u64) -> Progress {
    if version == 5 {
        // Version 5's file is the sample of its day: today's, before design rounds.
        return Progress {
            designs: vec![],
            ..progress_sample()
        };
    }
    let mut p = Progress {
        read: map([("jwt", 1_600_000_000_000)]),
        ..Progress::default()
    };
    if version >= 2 {
        p.attempts = map([(
            "jwt",
            vec![Attempt {
                at: 1_600_000_100_000,
                outcome: Outcome::Choice {
                    check: 0,
                    picked: 1,
                    correct: false,
                },
                revises: None,
            }],
        )]);
        p.quizzes = vec![QuizRecord {
            started: 1_600_000_050_000,
            finished: 1_600_000_150_000,
            mode: "choice".into(),
            asked: vec!["jwt".into()],
            missed: vec!["jwt".into()],
            right: 0,
            answered: 1,
        }];
    }
    if version >= 3 {
        p.bookmarks = map([(
            "jwt",
            Bookmark {
                at: 1_600_000_200_000,
                on: true,
            },
        )]);
        p.notes = map([(
            "jwt",
            Note {
                at: 1_600_000_300_000,
                text: "Look at `alg`.".into(),
            },
        )]);
    }
    if version >= 4 {
        p.reset_at = Some(1_500_000_000_000);
        p.cleared = map([("cdn", 1_550_000_000_000)]);
    }
    p
}

fn decoded<T: Stored + std::fmt::Debug>(name: &str) -> (T, Option<u64>) {
    let text = golden(name).unwrap_or_else(|| panic!("src/storage/golden/{name} is missing"));
    match decode::<T>(&text) {
        Decoded::Current {
            data,
            migrated_from,
        } => (data, migrated_from),
        other => panic!("{name} no longer decodes: {other:?}"),
    }
}

/// Today's encoding of each type's sample is its current version's golden file, byte for byte,
/// and that file decodes back to the sample.
fn pinned<T: Stored + std::fmt::Debug>(what: &str, sample: T) {
    let name = format!("{what}-v{}.json", T::VERSION);
    let written = encode(&sample);
    let Some(file) = golden(&name) else {
        panic!(
            "src/storage/golden/{name} is missing: {what} is now written as version {}. If that \
             is a new version, keep the older golden files as they are and add this one, holding \
             what this build writes:\n{written}",
            T::VERSION
        );
    };
    assert_eq!(
        written,
        file,
        "what is stored for {what} changed without a new version: bump its version (for \
         progress, SCHEMA_VERSION), add a migration from version {} and a golden file for the \
         new one; leave src/storage/golden/{name} as it is",
        T::VERSION
    );
    assert_eq!(decoded::<T>(&name), (sample, None));
}

#[test]
fn the_current_format_is_pinned_to_its_version() {
    pinned("progress", progress_sample());
    pinned("prefs", prefs_sample());
}

#[test]
fn every_older_progress_format_decodes_to_what_it_held() {
    for version in 1..SCHEMA_VERSION {
        let (data, from) = decoded::<Progress>(&format!("progress-v{version}.json"));
        assert_eq!(from, Some(version));
        assert_eq!(data, progress_expected(version), "version {version}");
    }
}

/// A plan that includes design rounds is stored as version 1 with one more field, written only
/// when on: the pinned file (a plan without them, as every plan stored before) is what today's
/// code still writes for such a plan, and an older build reading one with them ignores the field
/// and keeps the plan (serde skips unknown fields).
#[test]
fn a_plan_with_design_rounds_is_version_1_with_one_more_field() {
    let sample = prefs_sample();
    assert!(!sample.plan.as_ref().expect("a plan").designs);
    let prefs = Prefs {
        plan: sample.plan.map(|p| p.with_designs(true)),
        ..sample
    };
    let file = golden("prefs-v1.json").expect("src/storage/golden/prefs-v1.json");
    let with_designs = file.replace(
        r#""created_day":19680}"#,
        r#""created_day":19680,"designs":true}"#,
    );
    assert_ne!(
        with_designs, file,
        "the golden file's plan ends with its created_day"
    );
    assert_eq!(encode(&prefs), with_designs);
    assert_eq!(
        decode::<Prefs>(&with_designs),
        Decoded::Current {
            data: prefs,
            migrated_from: None
        }
    );
}

/// The quiz and the mock interview in progress hold whole sessions (cards, answers, phases): their
/// golden files are a real session each, read back and written again unchanged.
#[test]
fn a_quiz_and_an_interview_in_progress_read_back_as_written() {
    let quiz = read_back::<ActiveQuiz>("quiz-v1.json");
    assert!(quiz.session.is_some());
    let interview = read_back::<ActiveInterview>("interview-v1.json");
    assert!(interview.session.is_some());
    assert_ne!(interview.setup, InterviewSetup::default());
    let round = read_back::<ActiveDesignRound>("design-round-v1.json");
    assert_eq!(round.length, Length::Short);
    let session = round.session.expect("the file holds a round");
    assert_eq!(session.stage, Stage::Estimate);
    assert_eq!(session.clarify_revealed, 2);
}

/// The design round of `design-round-v1.json`: a 35-minute round in its second stage, with notes,
/// two clarifying answers shown and a pause.
fn design_round_sample() -> ActiveDesignRound {
    let round = Round::new(
        "url-shortener",
        Length::Short,
        [4, 5, 6, 4, 8, 4],
        6,
        1_700_003_000_000,
    )
    .apply(Event::Start, 1_700_003_010_000)
    .apply(Event::RevealClarify, 1_700_003_020_000)
    .apply(Event::RevealClarify, 1_700_003_030_000)
    .apply(
        Event::Note(Stage::Clarify, "Reads ≫ writes; links never expire.".into()),
        1_700_003_040_000,
    )
    .apply(Event::NextStage, 1_700_003_250_000)
    .apply(
        Event::Note(
            Stage::Estimate,
            "100M new links a month: ~40 writes/s.".into(),
        ),
        1_700_003_300_000,
    )
    .apply(Event::Pause, 1_700_003_320_000);
    ActiveDesignRound {
        length: Length::Short,
        session: Some(round),
    }
}

/// The golden file of the design round is today's encoding of its sample, byte for byte (the test
/// prints what to write when the file is missing; once written, it is never edited).
#[test]
fn the_design_round_golden_file_is_the_sample() {
    let sample = design_round_sample();
    let Some(file) = golden("design-round-v1.json") else {
        panic!(
            "src/storage/golden/design-round-v1.json is missing; it should hold:\n{}",
            encode(&sample)
        );
    };
    assert_eq!(file, encode(&sample));
}

/// The current-version value in golden file `name`, which today's code writes back unchanged.
fn read_back<T: Stored + std::fmt::Debug>(name: &str) -> T {
    let (data, from) = decoded::<T>(name);
    assert!(from.is_none(), "{name}");
    assert_eq!(
        Some(encode(&data)),
        golden(name),
        "{name}: what is stored changed without a new version (bump VERSION, add a migration)"
    );
    data
}
