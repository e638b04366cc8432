//! Import benchmark: the worst an import can cost, in release WASM in Chromium. A file as large as
//! an import accepts (`transfer::MAX_FILE_BYTES`), full of answers, quizzes and notes, is parsed
//! and validated, merged into a progress of the same size, and written out as a save would be.
//! Also times the schedule the app derives from such a progress, and the worst case for merging: a
//! file of that size holding nothing but answers to one question (~200,000), merged into a progress
//! that already holds them, then a save. Prints figures; asserts nothing about time (the host test
//! `progress::tests::merging_50000_answers_to_one_question_is_fast` guards the worst case).
//! Run: `make bench` (cargo test --release --features bench --target wasm32-unknown-unknown --test import_bench)
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use backprep::progress::{Attempt, Grade, Outcome, Progress, QuizRecord};
use backprep::schedule::Schedule;
use backprep::storage::{decode, encode, Decoded};
use backprep::transfer::{self, ImportMode, MAX_FILE_BYTES};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::now_ms;

/// A progress of years of heavy use over a 500-question bank, grown until its export is just under
/// `bytes`: answers with drafts, a quiz per day, a note on each question. `salt` varies the times
/// so two such progresses really merge rather than coincide.
fn heavy_progress(bytes: usize, salt: u64) -> Progress {
    let mut p = Progress::default();
    let ids: Vec<String> = (0..500).map(|i| format!("question-number-{i}")).collect();
    for (i, id) in ids.iter().enumerate() {
        p.read.insert(id.clone(), 1_700_000_000_000 + i as u64);
        p.set_note(
            id,
            &"A note about this question, **with** Markdown. ".repeat(8),
            1_700_000_000_000 + salt,
        );
    }
    let mut day = 0u64;
    while transfer::export(&p, 0).len() < bytes {
        for _ in 0..5_000 {
            day += 1;
            let at = 1_700_000_000_000 + day * 3_600_000 + salt;
            let id = &ids[(day as usize * 7) % ids.len()];
            let outcome = if day.is_multiple_of(2) {
                Outcome::Flashcard {
                    grade: Grade::Partly,
                    ticked: vec![0, 2],
                    draft: Some("It makes a retried request safe to repeat.".into()),
                }
            } else {
                Outcome::Choice {
                    check: 0,
                    picked: 1,
                    correct: day.is_multiple_of(3),
                }
            };
            p.record(
                id,
                Attempt {
                    at,
                    outcome,
                    revises: None,
                },
            );
            if day.is_multiple_of(20) {
                let asked: Vec<String> = (0..20)
                    .map(|k| ids[(day as usize + k) % ids.len()].clone())
                    .collect();
                p.quizzes.push(QuizRecord {
                    started: at,
                    finished: at + 600_000,
                    mode: "mixed".into(),
                    missed: asked[..5].to_vec(),
                    asked,
                    right: 15,
                    answered: 20,
                });
            }
        }
    }
    p
}

/// The clock the files are imported at: after every time in them (they span decades of made-up
/// use, and imports refuse times more than a day after the clock).
const CLOCK: u64 = u64::MAX;

/// Answers to one question only, until the export is just under `bytes`: ~200,000 for a file as
/// large as an import accepts. Merging compared each of them with each other one before.
fn one_question_answered(bytes: usize) -> Progress {
    let mut p = Progress::default();
    let mut i = 0u64;
    while transfer::export(&p, 0).len() < bytes {
        for _ in 0..10_000 {
            i += 1;
            let outcome = Outcome::Choice {
                check: (i % 3) as usize,
                picked: (i % 4) as usize,
                correct: i.is_multiple_of(2),
            };
            p.record(
                "jwt",
                Attempt {
                    at: 1_600_000_000_000 + i * 1_000,
                    outcome,
                    revises: None,
                },
            );
        }
    }
    p
}

#[wasm_bindgen_test]
fn one_question_worst_case_benchmark() {
    let target = MAX_FILE_BYTES - MAX_FILE_BYTES / 20;
    let start = now_ms();
    let built = one_question_answered(target);
    let file = transfer::export(&built, 1_700_000_000_000);
    let setup = now_ms() - start;
    assert!(
        file.len() <= MAX_FILE_BYTES,
        "the benchmark file must be importable"
    );

    let start = now_ms();
    let incoming = transfer::parse(&file, |_| true, CLOCK).expect("a valid export");
    let parse_ms = now_ms() - start;
    // Merged into a progress that already holds every one of them (imported twice, say).
    let start = now_ms();
    let merged = transfer::apply(&built, &incoming.progress, ImportMode::Merge, CLOCK);
    let merge_ms = now_ms() - start;
    assert_eq!(merged, built, "nothing new");

    // Then a normal save: one more answer, and the stored copy (this one, as text) read and merged
    // in, then written as text, as `storage::store::save` does (bar the localStorage write, which
    // this size would not fit).
    let stored = encode(&merged);
    let mut ours = merged.clone();
    ours.record(
        "jwt",
        Attempt {
            at: 1_700_000_000_000,
            outcome: Outcome::Choice {
                check: 0,
                picked: 0,
                correct: true,
            },
            revises: None,
        },
    );
    let start = now_ms();
    let Decoded::Current { data: theirs, .. } = decode::<Progress>(&stored) else {
        panic!("our own encoding reads back");
    };
    let read_ms = now_ms() - start;
    let start = now_ms();
    ours.merge(&theirs);
    let save_merge_ms = now_ms() - start;
    let start = now_ms();
    let written = encode(&ours);
    let write_ms = now_ms() - start;
    assert_eq!(ours.attempt_count(), built.attempt_count() + 1);
    std::hint::black_box(&written);

    console_log!(
        "{}",
        common::header("import benchmark: one question, worst case")
    );
    console_log!(
        "  file: {:.1} MB, {} answers to one question (built in {setup:.0} ms)",
        file.len() as f64 / 1_048_576.0,
        incoming.progress.attempt_count()
    );
    console_log!("  parse + validate: {parse_ms:.0} ms");
    console_log!("  merge into a progress that holds them all: {merge_ms:.0} ms");
    console_log!(
        "  a save after it: read the stored copy {read_ms:.0} ms, merge {save_merge_ms:.0} ms, write {write_ms:.0} ms"
    );
}

#[wasm_bindgen_test]
fn import_benchmark() {
    let target = MAX_FILE_BYTES - MAX_FILE_BYTES / 20;
    let start = now_ms();
    let theirs = heavy_progress(target, 0);
    let file = transfer::export(&theirs, 1_700_000_000_000);
    let ours = heavy_progress(target / 2, 1);
    let setup = now_ms() - start;
    assert!(
        file.len() <= MAX_FILE_BYTES,
        "the benchmark file must be importable"
    );

    let start = now_ms();
    let incoming = transfer::parse(&file, |_| true, CLOCK).expect("a valid export");
    let parse_ms = now_ms() - start;
    let start = now_ms();
    let merged = transfer::apply(&ours, &incoming.progress, ImportMode::Merge, CLOCK);
    let merge_ms = now_ms() - start;
    let start = now_ms();
    let saved = serde_json::to_string(&merged).expect("serialises");
    let save_ms = now_ms() - start;

    // The app's schedule memo: the first value replays every answer through FSRS.
    let start = now_ms();
    let schedule = Schedule::of(&incoming.progress);
    let schedule_ms = now_ms() - start;
    // What the app does after opening a question (a read mark): no answer changed.
    let mut read_one_more = incoming.progress.clone();
    read_one_more.read.insert("one-more".into(), 1);
    let start = now_ms();
    let again = schedule.updated(&read_one_more);
    let unchanged_ms = now_ms() - start;
    // ... and after one more answer.
    let mut answered = read_one_more;
    let id = answered.attempts.keys().next().cloned().expect("answers");
    answered.record(
        &id,
        Attempt {
            at: 1_800_000_000_000,
            outcome: Outcome::Choice {
                check: 0,
                picked: 0,
                correct: true,
            },
            revises: None,
        },
    );
    let start = now_ms();
    let after_answer = again.updated(&answered);
    let one_answer_ms = now_ms() - start;
    std::hint::black_box((&schedule, &after_answer));

    let answers: usize = incoming.progress.attempts.values().map(Vec::len).sum();
    console_log!("{}", common::header("import benchmark"));
    console_log!(
        "  file: {:.1} MB, {answers} answers, {} quizzes, {} notes (built in {setup:.0} ms)",
        file.len() as f64 / 1_048_576.0,
        incoming.progress.quizzes.len(),
        incoming.progress.notes.len()
    );
    console_log!("  parse + validate: {parse_ms:.0} ms");
    console_log!("  merge into a progress half its size: {merge_ms:.0} ms");
    console_log!(
        "  schedule, replaying every answer (the app's first render): {schedule_ms:.0} ms"
    );
    console_log!("  schedule updated after a read mark: {unchanged_ms:.0} ms; after one more answer: {one_answer_ms:.0} ms");
    console_log!(
        "  serialise the merged result ({:.1} MB): {save_ms:.0} ms",
        saved.len() as f64 / 1_048_576.0
    );
}

/// The adversarial histories of `backprep::adversarial` (all re-grades, all at one millisecond,
/// all on one question, re-grades over the whole bank), each as large as an import accepts: parse
/// and validate, one page start over it (schedule, list filters, dashboard), and a save's merge.
/// `standing` was quadratic in re-grades: 20,000 on one question added 1.3 s to every start.
#[wasm_bindgen_test]
fn adversarial_histories_benchmark() {
    use backprep::adversarial::{every_view, history, Shape};
    use backprep::stats::FixedOffset;
    let target = MAX_FILE_BYTES - MAX_FILE_BYTES / 20;
    let questions = backprep::bank::questions();
    let ids: Vec<&str> = questions.iter().map(|q| q.id).collect();
    let topic_ids: Vec<&str> = backprep::bank::topics().iter().map(|t| t.id).collect();
    console_log!(
        "{}",
        common::header("import benchmark: adversarial histories, largest file accepted")
    );
    for shape in Shape::ALL {
        // Sized from a sample: the bytes an answer takes in the export.
        let sample = transfer::export(&history(shape, 10_000, &ids), 0).len();
        let n = (target as f64 / sample as f64 * 10_000.0 * 0.98) as usize;
        let built = history(shape, n, &ids);
        let file = transfer::export(&built, 1_700_000_000_000);
        assert!(file.len() <= MAX_FILE_BYTES, "the file must be importable");
        let start = now_ms();
        let incoming = transfer::parse(&file, |_| true, CLOCK).expect("a valid export");
        let parse_ms = now_ms() - start;
        let now = backprep::adversarial::START + 400 * 86_400_000;
        let start = now_ms();
        let figure = every_view(
            &incoming.progress,
            questions,
            &topic_ids,
            now,
            &FixedOffset::UTC,
        );
        let start_ms = now_ms() - start;
        let start = now_ms();
        let mut merged = incoming.progress.clone();
        merged.merge(&built);
        let merge_ms = now_ms() - start;
        std::hint::black_box((figure, &merged));
        console_log!(
            "  {:<44} {:>4.1} MB, {:>7} answers: parse + validate {parse_ms:>5.0} ms, a page start {start_ms:>5.0} ms, merge {merge_ms:>5.0} ms",
            shape.label(),
            file.len() as f64 / 1_048_576.0,
            n
        );
    }
}
