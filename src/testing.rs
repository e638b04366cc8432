//! Test data shared by the unit tests: generators of arbitrary progress values (proptest).

use crate::progress::{Attempt, Bookmark, Grade, Note, Outcome, Progress, QuizRecord};
use crate::transfer::MAX_TIME_MS;
use proptest::prelude::*;
use serde_json::Value;

pub fn id() -> impl Strategy<Value = String> {
    prop_oneof![Just("jwt".to_string()), "[a-z0-9-]{1,12}"]
}

pub fn time_ms() -> impl Strategy<Value = u64> {
    prop_oneof![
        0..=MAX_TIME_MS,
        Just(MAX_TIME_MS),
        1_600_000_000_000u64..1_900_000_000_000
    ]
}

pub fn attempt() -> impl Strategy<Value = Attempt> {
    let outcome = prop_oneof![
        (
            0usize..3,
            proptest::collection::vec(0usize..20, 0..5),
            proptest::option::of(".{0,20}")
        )
            .prop_map(|(g, ticked, draft)| Outcome::Flashcard {
                grade: Grade::ALL[g],
                ticked,
                draft
            }),
        (0usize..10, 0usize..10, any::<bool>()).prop_map(|(check, picked, correct)| {
            Outcome::Choice {
                check,
                picked,
                correct,
            }
        }),
    ];
    (time_ms(), outcome).prop_map(|(at, outcome)| Attempt { at, outcome })
}

pub fn quiz_record() -> impl Strategy<Value = QuizRecord> {
    (
        time_ms(),
        time_ms(),
        "[a-z]{0,10}",
        proptest::collection::vec(id(), 0..4),
        proptest::collection::vec(id(), 0..3),
        0usize..10,
        0usize..10,
    )
        .prop_map(
            |(started, finished, mode, asked, missed, right, answered)| QuizRecord {
                started,
                finished,
                mode,
                asked,
                missed,
                right,
                answered,
            },
        )
}

pub fn progress() -> impl Strategy<Value = Progress> {
    progress_of(4)
}

/// Progress with fewer than `n` entries in each map or list.
pub fn progress_of(n: usize) -> impl Strategy<Value = Progress> {
    (
        proptest::collection::btree_map(id(), time_ms(), 0..n),
        proptest::collection::btree_map(id(), proptest::collection::vec(attempt(), 0..n), 0..n),
        proptest::collection::vec(quiz_record(), 0..n),
        proptest::collection::btree_map(id(), (any::<bool>(), time_ms()), 0..n),
        proptest::collection::btree_map(id(), (".{0,30}", time_ms()), 0..n),
    )
        .prop_map(|(read, attempts, quizzes, bookmarks, notes)| Progress {
            read,
            attempts,
            quizzes,
            bookmarks: bookmarks
                .into_iter()
                .map(|(k, (on, at))| (k, Bookmark { on, at }))
                .collect(),
            notes: notes
                .into_iter()
                .map(|(k, (text, at))| (k, Note { text, at }))
                .collect(),
        })
}

/// JSON built from the export's own vocabulary, so that random input reaches deep into the
/// checks instead of failing at the first byte.
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just("knew".to_string()),
            Just("flashcard".to_string()),
            Just("choice".to_string()),
            id(),
            ".{0,8}"
        ]
        .prop_map(Value::String),
    ];
    let key = prop_oneof![
        Just("read"),
        Just("attempts"),
        Just("quizzes"),
        Just("bookmarks"),
        Just("notes"),
        Just("jwt"),
        Just("at"),
        Just("outcome"),
        Just("kind"),
        Just("grade"),
        Just("ticked"),
        Just("draft"),
        Just("check"),
        Just("picked"),
        Just("correct"),
        Just("on"),
        Just("text"),
        Just("started"),
        Just("finished"),
        Just("mode"),
        Just("asked"),
        Just("missed"),
        Just("right"),
        Just("answered"),
        Just("BAD KEY"),
    ];
    leaf.prop_recursive(5, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map(key.clone().prop_map(str::to_string), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
