//! Test data shared by the unit tests: generators of arbitrary progress values (proptest).

use crate::progress::{
    Attempt, Bookmark, DesignRecord, DesignStage, Grade, InterviewAnswer, InterviewRecord, Note,
    Outcome, Progress, QuizRecord,
};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// The clock of the tests: generated times are never later (imports refuse times more than a day
/// after the clock).
pub const NOW: u64 = 1_763_856_000_000;

pub fn id() -> impl Strategy<Value = String> + Clone {
    prop_oneof![Just("jwt".to_string()), "[a-z0-9-]{1,12}"]
}

pub fn time_ms() -> impl Strategy<Value = u64> + Clone {
    prop_oneof![0..=NOW, Just(NOW), 1_600_000_000_000u64..NOW]
}

/// A few times close together, so that merged copies share entries and marks fall between them.
pub fn near_time() -> impl Strategy<Value = u64> + Clone {
    0u64..24
}

/// A few ids, so that copies mention the same questions.
pub fn near_id() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        Just("jwt".to_string()),
        Just("cdn".to_string()),
        Just("acid".to_string())
    ]
}

pub fn outcome() -> impl Strategy<Value = Outcome> + Clone {
    prop_oneof![
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
    ]
}

fn quiz_record_at<S: Strategy<Value = String> + Clone>(
    time: impl Strategy<Value = u64> + Clone,
    id: S,
) -> impl Strategy<Value = QuizRecord> {
    (
        time.clone(),
        time,
        "[a-z]{0,10}",
        proptest::collection::vec(id.clone(), 0..4),
        proptest::collection::vec(id, 0..3),
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

fn grade() -> impl Strategy<Value = Grade> + Clone {
    (0usize..3).prop_map(|g| Grade::ALL[g])
}

fn interview_answer<S: Strategy<Value = String> + Clone>(
    id: S,
) -> impl Strategy<Value = InterviewAnswer> + Clone {
    (
        id,
        0u64..400_000,
        0usize..6,
        0usize..6,
        proptest::option::of(grade()),
        proptest::option::of((0usize..4, proptest::option::of(grade()))),
    )
        .prop_map(
            |(id, time_ms, covered, key_points, grade, follow_up)| InterviewAnswer {
                id,
                time_ms,
                covered,
                key_points,
                grade,
                follow_up,
            },
        )
}

pub fn interview_record_at<S: Strategy<Value = String> + Clone>(
    time: impl Strategy<Value = u64> + Clone,
    id: S,
) -> impl Strategy<Value = InterviewRecord> {
    (
        time.clone(),
        time,
        proptest::option::of(prop_oneof![Just(60u32), Just(120), Just(180), any::<u32>()]),
        proptest::collection::vec(interview_answer(id.clone()), 0..4),
        proptest::option::of(id),
    )
        .prop_map(
            |(started, finished, seconds_per_answer, questions, design)| InterviewRecord {
                started,
                finished,
                seconds_per_answer,
                questions,
                design,
            },
        )
}

fn design_stage() -> impl Strategy<Value = DesignStage> + Clone {
    (
        prop_oneof![Just("clarify"), Just("deep_dive"), Just("wrap_up")],
        0u64..900_000,
        0usize..5,
        0usize..3,
        grade(),
    )
        .prop_map(|(stage, used_ms, total, more, grade)| DesignStage {
            stage: stage.to_string(),
            used_ms,
            ticked: total.saturating_sub(more),
            total,
            grade,
        })
}

/// A finished design round at a time `time` gives, of a design id `id` gives.
pub fn design_record_at<S: Strategy<Value = String> + Clone>(
    time: impl Strategy<Value = u64> + Clone,
    id: S,
) -> impl Strategy<Value = DesignRecord> {
    (
        time,
        id,
        prop_oneof![Just(35u32), Just(45), Just(60)],
        proptest::collection::vec(design_stage(), 0..4),
        grade(),
    )
        .prop_map(|(at, design_id, minutes, stages, grade)| DesignRecord {
            at,
            design_id,
            minutes,
            stages,
            grade,
        })
}

pub fn progress() -> impl Strategy<Value = Progress> {
    progress_of(4)
}

/// Progress with fewer than `n` entries in each map or list, and at times some deletion marks.
pub fn progress_of(n: usize) -> impl Strategy<Value = Progress> {
    progress_with(n, time_ms(), id())
}

/// Progress over a few ids and a few close times, with marks among them: what merge tests need
/// for copies that overlap, tie and straddle each other's marks.
pub fn near_progress() -> impl Strategy<Value = Progress> {
    progress_with(4, near_time(), near_id())
}

fn progress_with<T, S>(n: usize, time: T, id: S) -> impl Strategy<Value = Progress>
where
    T: Strategy<Value = u64> + Clone + 'static,
    S: Strategy<Value = String> + Clone + 'static,
{
    let attempt = (time.clone(), outcome()).prop_map(|(at, outcome)| Attempt {
        at,
        outcome,
        revises: None,
    });
    let mark = proptest::option::weighted(0.3, time.clone());
    (
        (
            proptest::collection::btree_map(id.clone(), time.clone(), 0..n),
            proptest::collection::btree_map(
                id.clone(),
                proptest::collection::vec(attempt, 0..n),
                0..n,
            ),
            proptest::collection::vec(quiz_record_at(time.clone(), id.clone()), 0..n),
            proptest::collection::vec(interview_record_at(time.clone(), id.clone()), 0..n),
            proptest::collection::btree_map(id.clone(), (any::<bool>(), time.clone()), 0..n),
            proptest::collection::btree_map(id.clone(), (".{0,30}", time.clone()), 0..n),
        ),
        (
            proptest::collection::vec(design_record_at(time.clone(), id.clone()), 0..n),
            mark.clone(),
            mark,
            proptest::collection::btree_map(id, time, 0..n / 2 + 1),
        ),
    )
        .prop_map(
            |(
                (read, attempts, quizzes, interviews, bookmarks, notes),
                (designs, replaced_at, reset_at, cleared),
            )| {
                Progress {
                    read,
                    attempts,
                    quizzes,
                    interviews,
                    designs,
                    bookmarks: bookmarks
                        .into_iter()
                        .map(|(k, (on, at))| (k, Bookmark { on, at }))
                        .collect(),
                    notes: notes
                        .into_iter()
                        .map(|(k, (text, at))| (k, Note { text, at }))
                        .collect(),
                    replaced_at,
                    reset_at,
                    cleared,
                }
            },
        )
}

/// Two copies of normal use, as two tabs hold them: answers recorded in time order (never two to
/// one question at the same millisecond), one quiz and one interview per start time, no marks; each
/// copy holds some of the same answers, quizzes and interviews (what both saw) and some of its own.
pub fn normal_pair() -> impl Strategy<Value = (Progress, Progress)> {
    let per_question =
        proptest::collection::btree_map(0u64..40, (outcome(), any::<bool>(), any::<bool>()), 1..8);
    let quizzes = proptest::collection::btree_map(
        0u64..40,
        (
            quiz_record_at(0u64..40, near_id()),
            any::<bool>(),
            any::<bool>(),
        ),
        0..5,
    );
    let interviews = proptest::collection::btree_map(
        0u64..40,
        (
            interview_record_at(0u64..40, near_id()),
            any::<bool>(),
            any::<bool>(),
        ),
        0..4,
    );
    (
        proptest::collection::btree_map(near_id(), per_question, 0..3),
        (quizzes, interviews),
        proptest::collection::btree_map(near_id(), (0u64..40, 0u64..40), 0..3),
        proptest::collection::btree_map(near_id(), (any::<bool>(), 0u64..40, 0u64..40), 0..3),
        proptest::collection::btree_map(near_id(), (".{0,8}", 0u64..40, 0u64..40), 0..3),
    )
        .prop_map(|(answers, (quizzes, interviews), read, bookmarks, notes)| {
            let mut a = Progress::default();
            let mut b = Progress::default();
            for (id, pool) in answers {
                for (at, (outcome, in_a, in_b)) in pool {
                    let attempt = Attempt {
                        at,
                        outcome,
                        revises: None,
                    };
                    // Each answer is in at least one copy.
                    if in_a || !in_b {
                        a.record(&id, attempt.clone());
                    }
                    if in_b {
                        b.record(&id, attempt);
                    }
                }
            }
            for (started, (mut q, in_a, in_b)) in quizzes {
                q.started = started;
                if in_a || !in_b {
                    a.quizzes.push(q.clone());
                }
                if in_b {
                    b.quizzes.push(q);
                }
            }
            for (started, (mut i, in_a, in_b)) in interviews {
                i.started = started;
                if in_a || !in_b {
                    a.interviews.push(i.clone());
                }
                if in_b {
                    b.interviews.push(i);
                }
            }
            for (id, (ta, tb)) in read {
                a.mark_read(&id, ta);
                b.mark_read(&id, tb);
            }
            for (id, (on, ta, tb)) in bookmarks {
                a.set_bookmark(&id, on, ta);
                b.set_bookmark(&id, !on, tb);
            }
            for (id, (text, ta, tb)) in notes {
                a.set_note(&id, &text, ta);
                b.set_note(&id, "theirs", tb);
            }
            (a, b)
        })
}

/// All the marks of `p`, as one list.
pub fn marks(p: &Progress) -> Vec<u64> {
    p.replaced_at
        .into_iter()
        .chain(p.reset_at)
        .chain(p.cleared.values().copied())
        .collect()
}

/// `p` without its read marks (the one part of merge that is not associative).
pub fn without_reads(p: &Progress) -> Progress {
    Progress {
        read: BTreeMap::new(),
        ..p.clone()
    }
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
        Just("interviews"),
        Just("seconds_per_answer"),
        Just("questions"),
        Just("id"),
        Just("time_ms"),
        Just("covered"),
        Just("key_points"),
        Just("follow_up"),
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
