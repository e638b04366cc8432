//! Every way an import file is refused: not JSON, not ours, a newer format, too big, bad data
//! anywhere (with the path to it), hostile text; and the messages that say so.

use super::tests::{bad_data, choice, err, file, known, quiz, sample};
use super::*;
use crate::progress::MAX_AHEAD_MS;
use crate::testing::NOW;

#[test]
fn a_truncated_export_is_not_json_with_line_and_column() {
    let text = export(&sample(), NOW);
    let cut = &text[..text.len() / 2];
    match err(cut) {
        ImportError::NotJson(detail) => assert!(
            detail.contains("cut off") && detail.contains("line"),
            "{detail}"
        ),
        other => panic!("expected NotJson, got {other:?}"),
    }
}

#[test]
fn a_csv_is_not_json() {
    let csv = err("id,at\njwt,1700000000000\n");
    assert!(matches!(csv, ImportError::NotJson(_)));
    assert_eq!(
        csv.to_string(),
        "This file could not be read as a Backprep export: it is not in the format Backprep \
         exports (JSON); the first problem is at line 1, column 1. Is it another kind of file, \
         or was it edited by hand? Nothing was changed."
    );
    assert!(matches!(err("1,2,3"), ImportError::NotJson(_)));
}

#[test]
fn other_json_is_not_backprep() {
    for raw in [
        r#"{"app":"other"}"#,
        r#"{"version":3,"data":{}}"#,
        "[]",
        "42",
        "null",
        r#"{"app":["backprep"]}"#,
    ] {
        assert_eq!(err(raw), ImportError::NotBackprep, "{raw}");
    }
}

#[test]
fn versions_newer_missing_or_malformed_are_refused() {
    assert_eq!(
        err(r#"{"app":"backprep","version":99,"data":{}}"#),
        ImportError::NewerVersion(99)
    );
    for raw in [
        r#"{"app":"backprep","version":"3","data":{}}"#,
        r#"{"app":"backprep","version":3.0,"data":{}}"#,
        r#"{"app":"backprep","version":0,"data":{}}"#,
        r#"{"app":"backprep","version":-3,"data":{}}"#,
        r#"{"app":"backprep","data":{}}"#,
    ] {
        assert_eq!(err(raw), ImportError::BadVersion, "{raw}");
    }
}

#[test]
fn a_huge_note_is_too_big_and_names_the_question() {
    let raw = file(&format!(
        r#"{{"notes":{{"jwt":{{"text":"{}","at":1}}}}}}"#,
        "é".repeat(30_000)
    ));
    assert_eq!(
        err(&raw),
        ImportError::TooBig("a note of 30,000 characters (limit 20,000) on “jwt”".into())
    );
    // Exactly at the limit is fine.
    let raw = file(&format!(
        r#"{{"notes":{{"jwt":{{"text":"{}","at":1}}}}}}"#,
        "é".repeat(MAX_NOTE_CHARS)
    ));
    assert!(parse(&raw, known, NOW).is_ok());
}

#[test]
fn other_limits_are_too_big() {
    let draft = file(&format!(
        r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"flashcard","grade":"knew","ticked":[],"draft":"{}"}}}}]}}}}"#,
        "x".repeat(MAX_DRAFT_CHARS + 1)
    ));
    assert!(
        matches!(err(&draft), ImportError::TooBig(s) if s.contains("draft") && s.contains("attempts.jwt[0]"))
    );
    let mode = file(
        r#"{"quizzes":[{"started":1,"finished":2,"mode":"a-mode-name-far-longer-than-any-real-one","asked":[],"missed":[],"right":0,"answered":0}]}"#,
    );
    assert!(matches!(err(&mode), ImportError::TooBig(s) if s.contains("quizzes[0].mode")));
}

#[test]
fn ids_accepted_are_the_ids_a_bank_may_have() {
    assert_eq!(MAX_ID_CHARS, crate::bank::format::MAX_ID_CHARS);
    let longest = "a".repeat(MAX_ID_CHARS);
    assert!(parse(
        &file(&format!(r#"{{"read":{{"{longest}":1}}}}"#)),
        known,
        NOW
    )
    .is_ok());
}

/// Counts only grow with use and with merges, so none is capped: an export of two merged
/// imports, each with many answers to one question, many quizzes and many ids, imports back.
#[test]
fn counts_have_no_limit_so_a_merged_export_imports_back() {
    let mut a = Progress::default();
    let mut b = Progress::default();
    for i in 0..3_000u64 {
        a.record("jwt", choice(2 * i, true));
        b.record("jwt", choice(2 * i + 1, false));
        a.quizzes.push(quiz(2 * i, &["jwt"], &[]));
        b.quizzes.push(quiz(2 * i + 1, &["jwt", "cdn"], &["cdn"]));
    }
    for i in 0..12_000 {
        a.read.insert(format!("q{i}"), 1);
    }
    let asked: Vec<String> = (0..1_500).map(|i| format!("q{i}")).collect();
    let asked: Vec<&str> = asked.iter().map(String::as_str).collect();
    b.quizzes.push(quiz(9_000, &asked, &asked));
    let parse_export = |p: &Progress| parse(&export(p, 1), known, NOW).expect("its own export");
    let theirs = parse_export(&b);
    let merged = apply(&a, &theirs.progress, ImportMode::Merge, NOW);
    assert_eq!(merged.attempts["jwt"].len(), 6_000);
    assert_eq!(merged.quizzes.len(), 6_001);
    assert_eq!(parse_export(&merged).progress, merged);
}

#[test]
fn a_script_tag_as_an_id_is_bad_data() {
    let detail = bad_data(&file(
        r#"{"bookmarks":{"<script>alert(1)</script>":{"on":true,"at":1}}}"#,
    ));
    assert_eq!(
        detail,
        "bookmarks: “<script>alert(1)</script>” is not a question id (1–100 lowercase letters, digits and '-')"
    );
    let detail = bad_data(&file(
        r#"{"quizzes":[{"started":1,"finished":2,"mode":"mixed","asked":["jwt","JWT"],"missed":[],"right":0,"answered":0}]}"#,
    ));
    assert!(
        detail.starts_with("quizzes[0].asked[1]: “JWT” is not"),
        "{detail}"
    );
    assert!(bad_data(&file(r#"{"read":{"":1}}"#)).starts_with("read: “” is not"));
    let long_id = "a".repeat(MAX_ID_CHARS + 1);
    assert!(matches!(
        err(&file(&format!(r#"{{"read":{{"{long_id}":1}}}}"#))),
        ImportError::BadData(_)
    ));
}

#[test]
fn negative_and_fractional_times_are_bad_data_with_a_path() {
    let at = |t: &str| {
        file(&format!(
            r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"choice","check":0,"picked":0,"correct":true}}}},{{"at":{t},"outcome":{{"kind":"choice","check":0,"picked":0,"correct":true}}}}]}}}}"#
        ))
    };
    assert_eq!(
        bad_data(&at("-1")),
        "attempts.jwt[1].at: expected an integer ≥ 0, found -1"
    );
    assert_eq!(
        bad_data(&at("1.5")),
        "attempts.jwt[1].at: expected an integer, found 1.5"
    );
    assert_eq!(
        bad_data(&at("\"1\"")),
        "attempts.jwt[1].at: expected an integer, found the text “1”"
    );
    assert_eq!(
        bad_data(&at(&(NOW + MAX_AHEAD_MS + 1).to_string())),
        "attempts.jwt[1].at: 1763942400001 is dated in the future (more than a day from now, in ms since 1970)"
    );
    assert!(parse(&at(&(NOW + MAX_AHEAD_MS).to_string()), known, NOW).is_ok());
    assert!(
        matches!(err(&at("1e999")), ImportError::NotJson(_)),
        "out of range for serde_json"
    );
    let exported = r#"{"app":"backprep","version":3,"exported_at":-5,"data":{}}"#;
    assert!(bad_data(exported).starts_with("exported_at:"));
}

#[test]
fn wrong_shapes_are_bad_data_with_a_path() {
    assert_eq!(
        bad_data(&file(r#"{"attempts":{"jwt":{"at":1}}}"#)),
        "attempts.jwt: expected a list of answers, found an object"
    );
    assert_eq!(
        bad_data(&file(r#"{"attempts":[]}"#)),
        "attempts: expected an object keyed by question id, found a list"
    );
    assert_eq!(
        bad_data(&file("[]")),
        "data: expected an object, found a list"
    );
    assert_eq!(
        bad_data(&file(r#"{"read":null}"#)),
        "read: expected an object keyed by question id, found null"
    );
    assert_eq!(
        bad_data(r#"{"app":"backprep","version":3}"#),
        "data: missing"
    );
    assert_eq!(
        bad_data(&file(r#"{"attempts":{"jwt":[{"at":1}]}}"#)),
        "attempts.jwt[0].outcome: missing"
    );
    assert!(bad_data(&file(r#"{"attempts":{"jwt":[{"at":1,"outcome":{"kind":"flashcard","grade":"great","ticked":[]}}]}}"#))
        .starts_with("attempts.jwt[0].outcome.grade: unknown variant `great`"));
    assert!(bad_data(&file(
        r#"{"attempts":{"jwt":[{"at":1,"outcome":{"kind":"guess"}}]}}"#
    ))
    .starts_with("attempts.jwt[0].outcome.kind: expected “flashcard” or “choice”"));
    assert!(bad_data(&file(r#"{"attempts":{"jwt":[{"at":1,"outcome":{"kind":"choice","check":0,"picked":4294967296,"correct":true}}]}}"#))
        .starts_with("attempts.jwt[0].outcome.picked: 4294967296 is larger"));
    assert!(
        bad_data(&file(r#"{"bookmarks":{"jwt":{"on":"yes","at":1}}}"#))
            .starts_with("bookmarks.jwt.on: expected true or false")
    );
    assert!(bad_data(&file(r#"{"notes":{"jwt":{"text":5,"at":1}}}"#))
        .starts_with("notes.jwt.text: expected text"));
    assert!(bad_data(&file(r#"{"quizzes":{}}"#)).starts_with("quizzes: expected a list"));
    assert!(
        bad_data(r#"{"app":"backprep","version":3,"kind":"prefs","data":{}}"#)
            .starts_with("kind: expected “progress”")
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(matches!(err(&deep), ImportError::NotJson(s) if s.contains("nested far more deeply")));
    let inside = file(&format!(r#"{{"extra":{deep}}}"#));
    assert!(matches!(err(&inside), ImportError::NotJson(_)));
}

#[test]
fn empty_and_oversized_files() {
    assert_eq!(err(""), ImportError::Empty);
    assert_eq!(err(" \n\t"), ImportError::Empty);
    let huge = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        err(&huge),
        ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        }
    );
    assert_eq!(
        err(&huge).to_string(),
        "This file is 16.1 MB, larger than any Backprep export can be (16 MB at most). Nothing was changed."
    );
}

#[test]
fn hostile_text_is_echoed_short_and_defused() {
    let key = format!("\u{202E}{}", "x".repeat(100_000));
    let detail = bad_data(&file(&format!(r#"{{"read":{{"{key}":1}}}}"#)));
    assert!(detail.chars().count() < 150, "{detail}");
    assert!(
        detail.contains("“\u{FFFD}xxx") && detail.contains("…”"),
        "{detail}"
    );
    let kind = "k".repeat(100_000);
    let detail = bad_data(&file(&format!(
        r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"{kind}"}}}}]}}}}"#
    )));
    assert!(detail.chars().count() < 150, "{detail}");
    let grade = "g".repeat(100_000);
    let detail = bad_data(&file(&format!(
        r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"flashcard","grade":"{grade}","ticked":[]}}}}]}}}}"#
    )));
    assert!(detail.chars().count() < 150, "{detail}");
}

#[test]
fn every_message_is_a_sentence_saying_nothing_changed() {
    for e in [
        ImportError::TooLarge {
            bytes: 6 * 1024 * 1024,
        },
        ImportError::Empty,
        ImportError::NotJson("it stops at line 3 before its data is complete.".into()),
        ImportError::NotBackprep,
        ImportError::NewerVersion(4),
        ImportError::BadVersion,
        ImportError::BadData("attempts.jwt[3].at: expected an integer".into()),
        ImportError::TooBig(
            "a draft answer of 20,001 characters (limit 20,000) at attempts.jwt[0]".into(),
        ),
    ] {
        let text = e.to_string();
        assert!(
            text.starts_with("This ") && text.ends_with("Nothing was changed."),
            "{text}"
        );
    }
    assert!(ImportError::NewerVersion(4)
        .to_string()
        .contains("format 4"));
}

#[test]
fn a_damaged_interview_is_bad_data_naming_the_field() {
    let one = |question: &str| {
        file(&format!(
            r#"{{"interviews":[{{"started":1,"finished":2,"seconds_per_answer":120,"questions":[{{"id":"jwt","time_ms":1,"covered":0,"key_points":3}},{question}]}}]}}"#
        ))
    };
    let cases = [
        (
            r#"{"id":"JWT","time_ms":1,"covered":0,"key_points":3}"#,
            "interviews[0].questions[1].id: “JWT” is not a question id",
        ),
        (
            r#"{"time_ms":1,"covered":0,"key_points":3}"#,
            "interviews[0].questions[1].id: missing",
        ),
        (
            r#"{"id":"jwt","time_ms":-1,"covered":0,"key_points":3}"#,
            "interviews[0].questions[1].time_ms: expected an integer ≥ 0",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":"2","key_points":3}"#,
            "interviews[0].questions[1].covered: expected an integer",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":0,"key_points":4294967296}"#,
            "interviews[0].questions[1].key_points: 4294967296 is larger",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":0,"key_points":3,"grade":"great"}"#,
            "interviews[0].questions[1].grade: unknown variant `great`",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":0,"key_points":3,"follow_up":2}"#,
            "interviews[0].questions[1].follow_up: expected a pair",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":0,"key_points":3,"follow_up":[2]}"#,
            "interviews[0].questions[1].follow_up: expected a pair [follow-up number, grade or null], found a list of 1",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":0,"key_points":3,"follow_up":[-2,null]}"#,
            "interviews[0].questions[1].follow_up[0]: expected an integer ≥ 0",
        ),
        (
            r#"{"id":"jwt","time_ms":1,"covered":0,"key_points":3,"follow_up":[0,"meh"]}"#,
            "interviews[0].questions[1].follow_up[1]: unknown variant `meh`",
        ),
        ("[]", "interviews[0].questions[1]: expected a question asked"),
    ];
    for (question, start) in cases {
        let detail = bad_data(&one(question));
        assert!(detail.starts_with(start), "{detail}");
    }
    assert!(bad_data(&file(r#"{"interviews":{}}"#))
        .starts_with("interviews: expected a list of mock interviews"));
    assert!(bad_data(&file(r#"{"interviews":[5]}"#))
        .starts_with("interviews[0]: expected a mock interview"));
    assert_eq!(
        bad_data(&file(r#"{"interviews":[{"started":1,"finished":2}]}"#)),
        "interviews[0].questions: missing"
    );
    assert!(bad_data(&file(
        r#"{"interviews":[{"started":1,"finished":2,"seconds_per_answer":-60,"questions":[]}]}"#
    ))
    .starts_with("interviews[0].seconds_per_answer: expected an integer ≥ 0"));
    assert!(bad_data(&file(
        r#"{"interviews":[{"started":1,"finished":2,"questions":{}}]}"#
    ))
    .starts_with("interviews[0].questions: expected a list"));
}

#[test]
fn an_interviews_design_exercise_is_kept_if_unknown_and_refused_if_not_an_id() {
    let with = |design: &str| {
        file(&format!(
            r#"{{"interviews":[{{"started":1,"finished":2,"questions":[],"design":{design}}}]}}"#
        ))
    };
    let kept = parse(&with(r#""not-yet-written""#), known, NOW).expect("an unknown id is kept");
    assert_eq!(
        kept.progress.interviews[0].design.as_deref(),
        Some("not-yet-written")
    );
    let none = parse(&with("null"), known, NOW).expect("null is none");
    assert_eq!(none.progress.interviews[0].design, None);
    assert_eq!(
        bad_data(&with("7")),
        "interviews[0].design: expected text, found 7"
    );
    assert!(bad_data(&with(r#""URL shortener""#))
        .starts_with("interviews[0].design: “URL shortener” is not a question id"));
}

#[test]
fn a_damaged_design_round_is_refused_naming_the_field() {
    let stage = r#"{"stage":"clarify","used_ms":300000,"ticked":2,"total":4,"grade":"partly"}"#;
    let round = |fields: &str, stages: &str| {
        file(&format!(
            r#"{{"designs":[{{"at":1,"design_id":"url-shortener","minutes":45,"grade":"knew","stages":[{stage}]}},{{{fields}"stages":[{stages}]}}]}}"#
        ))
    };
    let ok = r#""at":2,"design_id":"url-shortener","minutes":45,"grade":"knew","#;
    assert!(
        parse(&round(ok, stage), known, NOW).is_ok(),
        "the base case is valid"
    );
    // An exercise this build does not have is kept, as unknown question ids are.
    let other = r#""at":2,"design_id":"not-yet-written","minutes":45,"grade":"knew","#;
    let kept = parse(&round(other, stage), known, NOW).expect("an unknown design id is kept");
    assert_eq!(kept.progress.designs[1].design_id, "not-yet-written");
    assert_eq!(kept.preview.designs, 2);
    let cases = [
        (
            r#""at":2,"design_id":"URL shortener","minutes":45,"grade":"knew","#,
            stage,
            "designs[1].design_id: “URL shortener” is not a question id",
        ),
        (
            r#""design_id":"url-shortener","minutes":45,"grade":"knew","#,
            stage,
            "designs[1].at: missing",
        ),
        (
            r#""at":2,"design_id":"url-shortener","minutes":-45,"grade":"knew","#,
            stage,
            "designs[1].minutes: expected an integer ≥ 0",
        ),
        (
            r#""at":2,"design_id":"url-shortener","minutes":45,"grade":"great","#,
            stage,
            "designs[1].grade: unknown variant `great`",
        ),
        (
            r#""at":2,"design_id":"url-shortener","minutes":45,"#,
            stage,
            "designs[1].grade: missing",
        ),
        (
            ok,
            r#"{"stage":"Deep Dive","used_ms":1,"ticked":0,"total":4,"grade":"knew"}"#,
            "designs[1].stages[0].stage: “Deep Dive” is not a stage id",
        ),
        (
            ok,
            r#"{"stage":"api","used_ms":"long","ticked":0,"total":4,"grade":"knew"}"#,
            "designs[1].stages[0].used_ms: expected an integer",
        ),
        (
            ok,
            r#"{"stage":"api","used_ms":1,"ticked":5,"total":4,"grade":"knew"}"#,
            "designs[1].stages[0].ticked: 5 points ticked of 4",
        ),
        (
            ok,
            r#"{"stage":"api","used_ms":1,"ticked":0,"total":4294967296,"grade":"knew"}"#,
            "designs[1].stages[0].total: 4294967296 is larger",
        ),
        (
            ok,
            r#"{"stage":"api","used_ms":1,"ticked":0,"total":4}"#,
            "designs[1].stages[0].grade: missing",
        ),
        (ok, "7", "designs[1].stages[0]: expected a stage"),
    ];
    for (fields, stages, start) in cases {
        let detail = bad_data(&round(fields, stages));
        assert!(detail.starts_with(start), "{detail}");
    }
    assert!(bad_data(&file(r#"{"designs":{}}"#))
        .starts_with("designs: expected a list of design practice rounds"));
    assert!(bad_data(&file(r#"{"designs":["x"]}"#))
        .starts_with("designs[0]: expected a design practice round"));
    assert!(bad_data(&file(r#"{"designs":[{"at":99999999999999999,"design_id":"a","minutes":45,"grade":"knew","stages":[]}]}"#))
        .contains("dated in the future"));
    let many = vec![stage; MAX_DESIGN_STAGES + 1].join(",");
    match err(&round(ok, &many)) {
        ImportError::TooBig(detail) => assert!(
            detail.starts_with("a design practice round of 13 stages (limit 12)"),
            "{detail}"
        ),
        other => panic!("expected TooBig, got {other:?}"),
    }
    let long = format!(
        r#"{{"stage":"{}","used_ms":1,"ticked":0,"total":4,"grade":"knew"}}"#,
        "a".repeat(MAX_STAGE_ID_CHARS + 1)
    );
    assert!(bad_data(&round(ok, &long)).contains("is not a stage id"));
}
