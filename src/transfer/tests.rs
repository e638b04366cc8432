//! Tests of export and import: round trips, previews, every way a file is refused, and property
//! tests over generated progress values and hostile JSON.

use super::*;
use crate::progress::{
    Attempt, DesignRecord, DesignStage, InterviewAnswer, InterviewRecord, Outcome, QuizRecord,
    MAX_AHEAD_MS,
};
use crate::testing::*;
use proptest::prelude::*;

pub(super) fn known(id: &str) -> bool {
    crate::bank::question(id).is_some()
}

fn flash(at: u64, grade: Grade, ticked: Vec<usize>, draft: Option<&str>) -> Attempt {
    Attempt {
        at,
        outcome: Outcome::Flashcard {
            grade,
            ticked,
            draft: draft.map(str::to_string),
        },
        revises: None,
    }
}

pub(super) fn choice(at: u64, correct: bool) -> Attempt {
    Attempt {
        at,
        outcome: Outcome::Choice {
            check: 1,
            picked: 2,
            correct,
        },
        revises: None,
    }
}

pub(super) fn interview(started: u64, ids: &[&str]) -> InterviewRecord {
    InterviewRecord {
        started,
        finished: started + 600_000,
        seconds_per_answer: Some(120),
        design: None,
        questions: ids
            .iter()
            .enumerate()
            .map(|(i, id)| InterviewAnswer {
                id: id.to_string(),
                time_ms: 90_000,
                covered: i,
                key_points: 4,
                grade: (i % 2 == 0).then_some(Grade::Knew),
                follow_up: Some((i, (i == 0).then_some(Grade::Partly))),
            })
            .collect(),
    }
}

/// A finished 45-minute design round of `id` at `at`, every stage in the six.
pub(super) fn design(at: u64, id: &str) -> DesignRecord {
    DesignRecord {
        at,
        design_id: id.to_string(),
        minutes: 45,
        stages: crate::design_practice::Stage::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| DesignStage {
                stage: s.id().to_string(),
                used_ms: 60_000 * (i as u64 + 1),
                ticked: i % 4,
                total: 4,
                grade: Grade::ALL[i % 3],
            })
            .collect(),
        grade: Grade::Partly,
    }
}

pub(super) fn quiz(started: u64, asked: &[&str], missed: &[&str]) -> QuizRecord {
    QuizRecord {
        started,
        finished: started + 60_000,
        mode: "mixed".into(),
        asked: asked.iter().map(|s| s.to_string()).collect(),
        missed: missed.iter().map(|s| s.to_string()).collect(),
        right: asked.len() - missed.len(),
        answered: asked.len(),
    }
}

/// Everything a real user's data holds, including tombstones and an id this bank lacks.
pub(super) fn sample() -> Progress {
    let mut p = Progress::default();
    p.mark_read("jwt", 1_700_000_000_000);
    p.mark_read("from-the-future", 1_700_000_000_500);
    p.record(
        "jwt",
        flash(
            1_700_000_001_000,
            Grade::Partly,
            vec![0, 2],
            Some("signed, not encrypted"),
        ),
    );
    p.record("jwt", choice(1_700_000_002_000, true));
    p.record("from-the-future", choice(1_700_000_003_000, false));
    p.record(
        "from-the-future",
        flash(1_700_000_004_000, Grade::Knew, vec![], None),
    );
    p.quizzes.push(quiz(
        1_700_000_000_900,
        &["jwt", "from-the-future"],
        &["from-the-future"],
    ));
    p.interviews.push(interview(
        1_700_000_000_950,
        &["jwt", "from-the-future", "cdn"],
    ));
    p.designs
        .push(design(1_700_000_000_980, "design-a-chat-app"));
    p.set_bookmark("jwt", true, 1_700_000_005_000);
    p.set_bookmark("from-the-future", true, 1_700_000_005_100);
    p.set_bookmark("from-the-future", false, 1_700_000_005_200);
    p.set_note("jwt", "**exp** is in seconds", 1_700_000_006_000);
    p.set_note("from-the-future", "gone soon", 1_700_000_006_100);
    p.set_note("from-the-future", "", 1_700_000_006_200);
    p
}

/// An export of `data` (JSON text) in the current format.
pub(super) fn file(data: &str) -> String {
    format!(
        r#"{{"app":"backprep","kind":"progress","version":{SCHEMA_VERSION},"exported_at":5,"data":{data}}}"#
    )
}

pub(super) fn err(raw: &str) -> ImportError {
    parse(raw, known, NOW).expect_err("the file should be refused")
}

pub(super) fn bad_data(raw: &str) -> String {
    match err(raw) {
        ImportError::BadData(s) => s,
        other => panic!("expected BadData, got {other:?}"),
    }
}

#[test]
fn export_then_parse_gives_back_the_same_progress_keeping_unknown_ids() {
    let p = sample();
    assert!(
        known("jwt") && !known("from-the-future"),
        "the sample needs one known and one unknown id"
    );
    let text = export(&p, NOW);
    assert!(
        text.starts_with(r#"{"app":"backprep","kind":"progress","version":6,"#),
        "app first: {text}"
    );
    let incoming = parse(&text, known, NOW).expect("our own export is valid");
    assert_eq!(incoming.progress, p);
    assert_eq!(
        incoming.preview,
        Preview {
            attempts: 4,
            notes: 1,
            bookmarks: 1,
            quizzes: 1,
            interviews: 1,
            designs: 1,
            read: 2,
            unknown_ids: 1,
            exported_at: Some(NOW),
            version: SCHEMA_VERSION,
        }
    );
    assert_eq!(
        incoming.preview.summary(),
        "4 attempts, 1 note, 1 bookmark, 1 quiz, 1 mock interview, 1 design round"
    );
}

#[test]
fn an_empty_progress_round_trips() {
    let incoming = parse(&export(&Progress::default(), 0), known, NOW).expect("valid");
    assert_eq!(incoming.progress, Progress::default());
    assert_eq!(
        incoming.preview.summary(),
        "0 attempts, 0 notes, 0 bookmarks, 0 quizzes, 0 mock interviews"
    );
}

#[test]
fn summary_counts_with_singular_plural_and_thousands() {
    let p = |attempts, notes, bookmarks, quizzes, interviews| Preview {
        attempts,
        notes,
        bookmarks,
        quizzes,
        interviews,
        ..Preview::default()
    };
    assert_eq!(
        p(84, 12, 9, 3, 2).summary(),
        "84 attempts, 12 notes, 9 bookmarks, 3 quizzes, 2 mock interviews"
    );
    assert_eq!(
        p(1, 1, 1, 1, 1).summary(),
        "1 attempt, 1 note, 1 bookmark, 1 quiz, 1 mock interview"
    );
    assert_eq!(
        p(1_234, 0, 2, 1_000_000, 0).summary(),
        "1,234 attempts, 0 notes, 2 bookmarks, 1,000,000 quizzes, 0 mock interviews"
    );
    // Design rounds are named only when there are some.
    let with = |designs| Preview {
        designs,
        ..p(1, 0, 0, 0, 0)
    };
    assert_eq!(
        with(3).summary(),
        "1 attempt, 0 notes, 0 bookmarks, 0 quizzes, 0 mock interviews, 3 design rounds"
    );
    assert_eq!(
        with(1).summary(),
        "1 attempt, 0 notes, 0 bookmarks, 0 quizzes, 0 mock interviews, 1 design round"
    );
}

#[test]
fn unknown_ids_are_counted_once_across_maps() {
    let raw = file(
        r#"{"read":{"x-1":1,"jwt":1},"attempts":{"x-1":[]},"bookmarks":{"x-2":{"on":false,"at":1}},"notes":{"x-1":{"text":"","at":1}},"quizzes":[{"started":1,"finished":2,"mode":"choice","asked":["x-3"],"missed":[],"right":1,"answered":1}]}"#,
    );
    let preview = parse(&raw, known, NOW).expect("valid").preview;
    // x-3 appears only in a quiz, which is history, not per-question progress.
    assert_eq!(preview.unknown_ids, 2);
    assert_eq!((preview.read, preview.bookmarks, preview.notes), (2, 0, 0));
}

#[test]
fn file_name_from_the_date() {
    assert_eq!(file_name("2026-11-23"), "backprep-progress-2026-11-23.json");
    assert_eq!(file_name("../2026/11"), "backprep-progress-202611.json");
    assert_eq!(file_name(""), "backprep-progress.json");
}

#[test]
fn kind_and_exported_at_may_be_left_out_and_unknown_fields_are_ignored() {
    let raw = r#"{"app":"backprep","version":3,"comment":"hand-made","data":{
        "read":{"jwt":5},
        "streaks":{"best":3},
        "attempts":{"jwt":[{"at":9,"mood":"good","outcome":{"kind":"choice","check":0,"picked":1,"correct":true,"confidence":0.5}}]},
        "quizzes":[{"started":1,"finished":2,"mode":"flashcards","asked":["jwt"],"missed":[],"right":1,"answered":1,"pool":"all"}],
        "bookmarks":{"jwt":{"on":true,"at":3,"colour":"red"}},
        "notes":{"jwt":{"text":"hi","at":4,"pinned":true}}}}"#;
    let incoming = parse(raw, known, NOW).expect("unknown fields are ignored");
    assert_eq!(incoming.preview.exported_at, None);
    assert_eq!(
        incoming.preview.summary(),
        "1 attempt, 1 note, 1 bookmark, 1 quiz, 0 mock interviews"
    );
    assert_eq!(incoming.progress.read["jwt"], 5);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let raw = format!("\u{FEFF}{}", export(&sample(), NOW));
    assert_eq!(parse(&raw, known, NOW).expect("valid").progress, sample());
}

#[test]
fn version_1_and_2_files_are_upgraded() {
    let v1 = r#"{"app":"backprep","version":1,"data":{"read":{"jwt":5,"old-id":6}}}"#;
    let incoming = parse(v1, known, NOW).expect("v1 upgrades");
    assert_eq!(incoming.preview.version, 1);
    assert_eq!(incoming.preview.read, 2);
    assert!(incoming.progress.attempts.is_empty() && incoming.progress.quizzes.is_empty());

    let v2 = r#"{"app":"backprep","version":2,"data":{"read":{"jwt":5},"attempts":{"jwt":[{"at":9,"outcome":{"kind":"flashcard","grade":"knew","ticked":[0,1]}}]},"quizzes":[]}}"#;
    let incoming = parse(v2, known, NOW).expect("v2 upgrades");
    assert_eq!(incoming.preview.version, 2);
    assert_eq!(incoming.progress.latest("jwt"), Some(Grade::Knew));
    assert!(incoming.progress.bookmarks.is_empty() && incoming.progress.notes.is_empty());

    // The upgraded data is validated like current data.
    let bad_v1 = r#"{"app":"backprep","version":1,"data":{"read":{"jwt":-5}}}"#;
    assert!(bad_data(bad_v1).starts_with("read.jwt:"));
    assert!(matches!(
        err(r#"{"app":"backprep","version":2,"data":[1]}"#),
        ImportError::BadData(_)
    ));
}

#[test]
fn version_3_files_are_upgraded_and_version_4_marks_are_read() {
    let v3 = r#"{"app":"backprep","version":3,"data":{"read":{"jwt":5},"notes":{"jwt":{"text":"n","at":6}}}}"#;
    let incoming = parse(v3, known, NOW).expect("v3 upgrades");
    assert_eq!(incoming.preview.version, 3);
    assert_eq!(incoming.progress.note("jwt"), Some("n"));
    assert_eq!(incoming.progress.reset_at, None);

    let mut p = sample();
    p.reset_questions(["jwt"], NOW - 10);
    p.record("cdn", choice(NOW - 5, true));
    p.reset_all(NOW - 1);
    p.reset_questions(["cdn"], NOW);
    let p = p.replaced_by(&p, NOW);
    let text = export(&p, NOW);
    assert!(text.contains(r#""replaced_at":"#), "{text}");
    assert_eq!(parse(&text, known, NOW).expect("valid").progress, p);
    let marks = file(r#"{"replaced_at":null,"reset_at":3,"cleared":{"jwt":4,"from-elsewhere":5}}"#);
    let incoming = parse(&marks, known, NOW).expect("valid marks").progress;
    assert_eq!((incoming.replaced_at, incoming.reset_at), (None, Some(3)));
    assert_eq!(incoming.cleared.len(), 2);
}

/// Version 5 added the interview history: a version 4 export (none of it) still imports, as it
/// was, and one with interviews round-trips.
#[test]
fn version_4_files_import_with_no_interviews_and_interviews_round_trip() {
    let v4 = r#"{"app":"backprep","kind":"progress","version":4,"exported_at":5,"data":{"read":{"jwt":5},"attempts":{"jwt":[{"at":9,"outcome":{"kind":"flashcard","grade":"knew","ticked":[0]}}]},"quizzes":[{"started":1,"finished":2,"mode":"mixed","asked":["jwt"],"missed":[],"right":1,"answered":1}],"reset_at":3}}"#;
    let incoming = parse(v4, known, NOW).expect("v4 imports");
    assert_eq!(incoming.preview.version, 4);
    assert_eq!(
        incoming.preview.summary(),
        "1 attempt, 0 notes, 0 bookmarks, 1 quiz, 0 mock interviews"
    );
    assert!(incoming.progress.interviews.is_empty());
    assert_eq!(incoming.progress.reset_at, Some(3));

    let p = sample();
    let text = export(&p, NOW);
    assert!(
        text.contains(r#""interviews":[{"started":1700000000950,"finished":1700000600950,"seconds_per_answer":120,"questions":[{"id":"jwt","time_ms":90000,"covered":0,"key_points":4,"grade":"knew","follow_up":[0,"partly"]}"#),
        "{text}"
    );
    let back = parse(&text, known, NOW).expect("valid").progress;
    assert_eq!(back.interviews, p.interviews);
    // Optional fields may be left out or null.
    let bare = file(
        r#"{"interviews":[{"started":1,"finished":2,"seconds_per_answer":null,"questions":[{"id":"jwt","time_ms":0,"covered":0,"key_points":0,"grade":null,"follow_up":[3,null]},{"id":"cdn","time_ms":1,"covered":1,"key_points":3}]}]}"#,
    );
    let r = &parse(&bare, known, NOW).expect("valid").progress.interviews[0];
    assert_eq!(r.seconds_per_answer, None);
    assert_eq!(r.questions[0].follow_up, Some((3, None)));
    assert_eq!(
        (r.questions[1].grade, r.questions[1].follow_up),
        (None, None)
    );
}

#[test]
fn marks_are_validated_like_times() {
    assert_eq!(
        bad_data(&file(r#"{"reset_at":"yesterday"}"#)),
        "reset_at: expected an integer, found the text “yesterday”"
    );
    assert!(bad_data(&file(r#"{"cleared":{"JWT":1}}"#)).starts_with("cleared: “JWT” is not"));
    assert!(bad_data(&file(r#"{"cleared":[]}"#)).starts_with("cleared: expected an object"));
    assert!(bad_data(&file(r#"{"replaced_at":-1}"#))
        .starts_with("replaced_at: expected an integer ≥ 0"));
}

/// A future-dated answer was the question's latest for ever (and never came due): every time in a
/// file is refused if later than a day from now, naming the field.
#[test]
fn anything_dated_more_than_a_day_ahead_is_refused_naming_the_field() {
    let future = NOW + MAX_AHEAD_MS + 1;
    let cases = [
        (format!(r#"{{"read":{{"jwt":{future}}}}}"#), "read.jwt"),
        (
            format!(
                r#"{{"attempts":{{"jwt":[{{"at":{future},"outcome":{{"kind":"choice","check":0,"picked":0,"correct":true}}}}]}}}}"#
            ),
            "attempts.jwt[0].at",
        ),
        (
            format!(
                r#"{{"quizzes":[{{"started":1,"finished":{future},"mode":"mixed","asked":[],"missed":[],"right":0,"answered":0}}]}}"#
            ),
            "quizzes[0].finished",
        ),
        (
            format!(
                r#"{{"quizzes":[{{"started":{future},"finished":1,"mode":"mixed","asked":[],"missed":[],"right":0,"answered":0}}]}}"#
            ),
            "quizzes[0].started",
        ),
        (
            format!(r#"{{"bookmarks":{{"jwt":{{"on":true,"at":{future}}}}}}}"#),
            "bookmarks.jwt.at",
        ),
        (
            format!(r#"{{"notes":{{"jwt":{{"text":"n","at":{future}}}}}}}"#),
            "notes.jwt.at",
        ),
        (
            format!(r#"{{"interviews":[{{"started":1,"finished":{future},"questions":[]}}]}}"#),
            "interviews[0].finished",
        ),
        (
            format!(r#"{{"interviews":[{{"started":{future},"finished":1,"questions":[]}}]}}"#),
            "interviews[0].started",
        ),
        (format!(r#"{{"replaced_at":{future}}}"#), "replaced_at"),
        (format!(r#"{{"reset_at":{future}}}"#), "reset_at"),
        (
            format!(r#"{{"cleared":{{"jwt":{future}}}}}"#),
            "cleared.jwt",
        ),
    ];
    for (data, path) in cases {
        let detail = bad_data(&file(&data));
        assert!(
            detail.starts_with(&format!("{path}: {future} is dated in the future")),
            "{detail}"
        );
    }
    let exported =
        format!(r#"{{"app":"backprep","version":4,"exported_at":{future},"data":{{}}}}"#);
    assert!(bad_data(&exported).starts_with("exported_at:"));
    // The limit follows the clock given: the same file is fine two days later.
    assert!(parse(
        &file(&format!(r#"{{"read":{{"jwt":{future}}}}}"#)),
        known,
        NOW + 2 * MAX_AHEAD_MS
    )
    .is_ok());
    // And so is an old file's year-3000 time refused now (it was accepted before).
    let v2 = r#"{"app":"backprep","version":2,"data":{"attempts":{"jwt":[{"at":32503680000000,"outcome":{"kind":"choice","check":0,"picked":0,"correct":true}}]}}}"#;
    assert!(bad_data(v2).contains("dated in the future"));
}

/// What a replace leaves must hold in every tab: merging any copy from before it (its marks are
/// all earlier) adds nothing of what was here, and a later merge import brings the file's data in
/// even where a reset came later.
#[test]
fn a_replace_holds_against_older_copies_and_a_merge_import_adds_despite_a_reset() {
    let current = sample();
    let file = parse(&export(&sample(), NOW), known, NOW)
        .expect("valid")
        .progress;
    let mut other_file = Progress::default();
    other_file.mark_read("cdn", 1);
    let replaced = apply(&current, &other_file, ImportMode::Replace, NOW);
    let mut stale = current.clone();
    stale.merge(&replaced);
    assert_eq!(
        stale, replaced,
        "nothing of the copy from before comes back"
    );

    let mut reset = current.clone();
    reset.reset_all(NOW);
    let merged = apply(&reset, &file, ImportMode::Merge, NOW + 1);
    assert_eq!(
        merged.attempt_count(),
        file.attempt_count(),
        "asked for, so added"
    );
    assert_eq!(merged.reset_at, reset.reset_at, "this copy's marks kept");
}

#[test]
fn replace_gives_exactly_the_file_and_merge_keeps_both() {
    let mut current = Progress::default();
    current.mark_read("cdn", 10);
    current.record("cdn", choice(20, true));
    current.record(
        "jwt",
        flash(
            1_700_000_001_000,
            Grade::Partly,
            vec![0, 2],
            Some("signed, not encrypted"),
        ),
    );
    current.set_note("cdn", "mine", 30);
    current.quizzes.push(quiz(5, &["cdn"], &[]));
    let incoming = parse(&export(&sample(), NOW), known, NOW)
        .expect("valid")
        .progress;

    let replaced = apply(&current, &incoming, ImportMode::Replace, NOW);
    assert_eq!(
        replaced,
        Progress {
            replaced_at: Some(NOW),
            ..incoming.clone()
        }
    );

    let merged = apply(&current, &incoming, ImportMode::Merge, NOW);
    let mut expected = current.clone();
    expected.merge(&incoming);
    assert_eq!(merged, expected);
    assert_eq!(merged.read.len(), 3);
    assert_eq!(
        merged.attempts["jwt"].len(),
        2,
        "the shared attempt is not doubled"
    );
    assert_eq!(merged.attempts["cdn"].len(), 1);
    assert_eq!(merged.quizzes.len(), 2);
    assert_eq!(merged.note("cdn"), Some("mine"));
    assert_eq!(merged.note("jwt"), Some("**exp** is in seconds"));
    assert!(
        !merged.has_note("from-the-future"),
        "the file's deletion is kept as a tombstone"
    );
    assert!(merged.is_bookmarked("jwt") && !merged.is_bookmarked("from-the-future"));
}

#[test]
fn merging_an_import_into_itself_changes_nothing() {
    let p = parse(&export(&sample(), NOW), known, NOW)
        .expect("valid")
        .progress;
    assert_eq!(apply(&p, &p, ImportMode::Merge, NOW), p);
}

// ---- Property tests (generators in crate::testing).

/// What an accepted file must satisfy: its progress re-exports and re-parses to itself, with
/// the same counts (so it never stands for a half-read or invalid state).
fn assert_stable(incoming: &Incoming) -> Result<(), TestCaseError> {
    let again = parse(&export(&incoming.progress, NOW), known, NOW)
        .map_err(|e| TestCaseError::fail(format!("an accepted file did not re-import: {e}")))?;
    prop_assert_eq!(&again.progress, &incoming.progress);
    prop_assert_eq!(
        (
            again.preview.attempts,
            again.preview.notes,
            again.preview.bookmarks,
            again.preview.quizzes,
            again.preview.interviews,
            again.preview.read,
            again.preview.unknown_ids
        ),
        (
            incoming.preview.attempts,
            incoming.preview.notes,
            incoming.preview.bookmarks,
            incoming.preview.quizzes,
            incoming.preview.interviews,
            incoming.preview.read,
            incoming.preview.unknown_ids
        )
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parse_never_panics_on_any_string(raw in ".*") {
        let _ = parse(&raw, known, NOW);
    }

    #[test]
    fn parse_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse(&String::from_utf8_lossy(&bytes), known, NOW);
    }

    #[test]
    fn any_json_in_an_export_is_refused_or_stable(data in json(), version in 1u64..=SCHEMA_VERSION) {
        let raw = format!(r#"{{"app":"backprep","version":{version},"data":{data}}}"#);
        if let Ok(incoming) = parse(&raw, known, NOW) {
            assert_stable(&incoming)?;
        }
    }

    #[test]
    fn an_export_is_never_larger_than_3_bytes_per_stored_utf16_unit(p in progress(), now in time_ms()) {
        // What MAX_FILE_BYTES rests on: localStorage holds at most 5 Mi UTF-16 units, and the
        // export is the stored text in a slightly different envelope, so no export of stored
        // data passes 3 × 5 Mi bytes plus the envelope.
        let stored = crate::storage::encode(&p);
        let exported = export(&p, now);
        prop_assert!(exported.len() <= stored.len() + 100, "{} vs {}", exported.len(), stored.len());
        prop_assert!(exported.len() <= 3 * stored.encode_utf16().count() + 100);
    }

    #[test]
    fn exported_progress_round_trips(p in progress(), now in time_ms()) {
        let incoming = parse(&export(&p, now), known, NOW).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&incoming.progress, &p);
        prop_assert_eq!(incoming.preview.exported_at, Some(now));
    }

    #[test]
    fn merge_with_any_import_loses_nothing(current in progress(), theirs in progress()) {
        let incoming = parse(&export(&theirs, NOW), known, NOW).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let merged = apply(&current, &incoming.progress, ImportMode::Merge, NOW);
        for side in [&current, &incoming.progress] {
            for (id, t) in &side.read {
                prop_assert!(merged.read.get(id).is_some_and(|m| m <= t), "read {} lost", id);
            }
            for (id, list) in &side.attempts {
                for a in list {
                    prop_assert!(merged.attempts.get(id).is_some_and(|m| m.contains(a)), "attempt on {} lost", id);
                }
            }
            for q in &side.quizzes {
                prop_assert!(merged.quizzes.iter().any(|m| m.started == q.started), "quiz lost");
            }
            for i in &side.interviews {
                prop_assert!(merged.interviews.contains(i), "interview lost");
            }
            for (id, b) in &side.bookmarks {
                prop_assert!(merged.bookmarks.get(id).is_some_and(|m| m >= b), "bookmark change on {} lost", id);
            }
            for (id, n) in &side.notes {
                prop_assert!(merged.notes.get(id).is_some_and(|m| m >= n), "note change on {} lost", id);
            }
        }
        // Everything of `current` is kept as it was, quizzes and interviews included.
        for q in &current.quizzes {
            prop_assert!(merged.quizzes.contains(q));
        }
        for i in &current.interviews {
            prop_assert!(merged.interviews.contains(i));
        }
        // Replace: exactly the file's entries, marked later than anything here.
        let replaced = apply(&current, &incoming.progress, ImportMode::Replace, NOW);
        prop_assert_eq!(
            Progress { replaced_at: theirs.replaced_at, reset_at: theirs.reset_at, cleared: theirs.cleared.clone(), ..replaced.clone() },
            theirs
        );
        let mark = replaced.replaced_at.unwrap_or_default();
        prop_assert!(mark >= NOW && crate::testing::marks(&current).iter().all(|&m| m < mark));
    }
}

proptest! {
    // Each case parses every cut and every mutation of a whole export: few cases suffice.
    #![proptest_config(ProptestConfig::with_cases(8))]

    /// The UI's import is `parse` then one store of `apply`'s result: on `Err` the stored
    /// value stays exactly as it was, and on `Ok` it becomes a whole, valid progress. Any cut or
    /// any one changed byte of a valid export leads to one of those two, never something between.
    #[test]
    fn a_damaged_export_is_refused_or_a_whole_valid_import(
        p in progress_of(3),
        current in progress_of(3),
        replacement in any::<u8>(),
    ) {
        let text = export(&p, NOW);
        let stored_before = export(&current, NOW);
        let try_import = |raw: &str| -> Result<(), TestCaseError> {
            let mut stored = stored_before.clone();
            if let Ok(incoming) = parse(raw, known, NOW) {
                assert_stable(&incoming)?;
                stored = export(&apply(&current, &incoming.progress, ImportMode::Merge, NOW), NOW);
                prop_assert!(parse(&stored, known, NOW).is_ok(), "a merged import is storable");
            }
            prop_assert!(stored == stored_before || parse(&stored, known, NOW).is_ok());
            Ok(())
        };
        for (end, _) in text.char_indices() {
            try_import(&text[..end])?;
        }
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            for b in [replacement, b'"'] {
                let mut mutated = bytes.to_vec();
                mutated[i] = b;
                try_import(&String::from_utf8_lossy(&mutated))?;
            }
        }
    }
}
