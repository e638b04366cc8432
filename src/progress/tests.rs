//! Tests of progress: statuses, mastery, bookmarks and notes, merging, deletion marks.

use super::merge::latest_wins;
use super::*;
use crate::bank;

fn flash(at: u64, grade: Grade) -> Attempt {
    Attempt::flashcard(at, grade)
}

#[test]
fn first_read_is_kept_and_repeat_is_no_change() {
    let mut p = Progress::default();
    assert!(p.mark_read("jwt", 10));
    assert!(!p.mark_read("jwt", 20));
    assert_eq!(p.read["jwt"], 10);
    assert!(p.is_read("jwt"));
    assert!(!p.is_read("cdn"));
}

#[test]
fn read_count_counts_only_listed_ids() {
    let mut p = Progress::default();
    p.mark_read("a", 1);
    p.mark_read("gone-from-bank", 2);
    assert_eq!(p.read_count(["a", "b"]), 1);
}

#[test]
fn status_follows_the_latest_attempt() {
    let mut p = Progress::default();
    assert_eq!(p.status("jwt"), Status::New);
    p.record("jwt", flash(1, Grade::Knew));
    p.record("jwt", flash(2, Grade::Partly));
    assert_eq!(p.status("jwt"), Status::Partly);
    p.record(
        "jwt",
        Attempt {
            at: 3,
            outcome: Outcome::Choice {
                check: 0,
                picked: 1,
                correct: false,
            },
            revises: None,
        },
    );
    assert_eq!(p.status("jwt"), Status::DidntKnow);
}

#[test]
fn suggested_grade_from_ticks() {
    assert_eq!(Grade::suggested(0, 4), Grade::DidntKnow);
    assert_eq!(Grade::suggested(1, 4), Grade::DidntKnow);
    assert_eq!(Grade::suggested(2, 4), Grade::Partly);
    assert_eq!(Grade::suggested(3, 4), Grade::Knew);
    assert_eq!(Grade::suggested(5, 5), Grade::Knew);
    assert_eq!(Grade::suggested(1, 3), Grade::Partly);
}

#[test]
fn mastery_counts_latest_grades_with_half_credit_for_partly() {
    let qs = bank::questions();
    let mut p = Progress::default();
    p.record(qs[0].id, flash(1, Grade::Knew));
    p.record(qs[1].id, flash(1, Grade::Partly));
    p.record(qs[2].id, flash(1, Grade::DidntKnow));
    let m = p.mastery(&qs[..4]);
    assert_eq!((m.total, m.practised, m.known), (4, 3, 1));
    assert!((m.score - 1.5 / 4.0).abs() < 1e-9);
    let by_level = p.mastery_by_level(qs);
    assert_eq!(
        by_level.iter().map(|(_, m)| m.total).sum::<usize>(),
        qs.len()
    );
}

#[test]
fn merge_is_a_union_that_loses_nothing() {
    let mut a = Progress::default();
    a.mark_read("x", 5);
    a.record("x", flash(10, Grade::Knew));
    let mut b = Progress::default();
    b.mark_read("x", 3);
    b.record("x", flash(7, Grade::Partly));
    b.record("x", flash(10, Grade::Knew));
    b.quizzes.push(QuizRecord {
        started: 1,
        finished: 2,
        mode: "flashcards".into(),
        asked: vec![],
        missed: vec![],
        right: 0,
        answered: 0,
    });
    a.merge(&b);
    assert_eq!(a.read["x"], 3);
    assert_eq!(
        a.attempts["x"].len(),
        2,
        "the shared attempt is not doubled"
    );
    assert_eq!(a.attempts["x"][0].at, 7, "sorted by time");
    assert_eq!(a.quizzes.len(), 1);
    let before = a.clone();
    a.merge(&before);
    assert_eq!(a, before, "merge is idempotent");
}

#[test]
fn bookmarks_and_notes_merge_latest_change_wins_both_ways() {
    let mut a = Progress::default();
    a.set_bookmark("jwt", true, 10);
    a.set_note("jwt", "old", 10);
    a.set_note("cdn", "mine", 30);
    let mut b = Progress::default();
    b.set_bookmark("jwt", false, 20);
    b.set_note("jwt", "old", 10);
    b.set_note("jwt", "", 20);
    b.set_note("cdn", "theirs", 25);
    b.set_bookmark("acid", true, 5);
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba, "commutative");
    assert!(!ab.is_bookmarked("jwt"), "the later unstar wins");
    assert!(ab.is_bookmarked("acid"));
    assert!(!ab.has_note("jwt"), "the later deletion wins");
    assert_eq!(ab.note("cdn"), Some("mine"));
    assert_eq!((ab.bookmark_count(), ab.note_count()), (1, 1));
}

#[test]
fn setting_the_same_note_is_no_change_and_blank_deletes() {
    let mut p = Progress::default();
    assert!(!p.set_note("jwt", "  ", 1), "blank on nothing");
    assert!(p.set_note("jwt", "**why** it matters", 2));
    assert!(!p.set_note("jwt", "**why** it matters", 3));
    assert!(p.set_note("jwt", "", 4));
    assert!(!p.has_note("jwt"));
    assert_eq!(p.notes["jwt"].at, 4, "kept as a tombstone");
}

#[test]
fn reset_keeps_bookmarks_and_notes() {
    let mut p = Progress::default();
    p.record("jwt", flash(1, Grade::Knew));
    p.set_bookmark("jwt", true, 1);
    p.set_note("jwt", "n", 1);
    p.reset_all(5);
    assert!(p.attempts.is_empty());
    assert!(p.is_bookmarked("jwt") && p.has_note("jwt"));
    assert_eq!(p.reset_at, Some(5));
}

#[test]
fn reset_by_topic_keeps_the_rest() {
    let mut p = Progress::default();
    p.record("jwt", flash(1, Grade::Knew));
    p.record("cdn", flash(1, Grade::Knew));
    let security = bank::questions()
        .iter()
        .filter(|q| q.topics.contains(&"security"))
        .map(|q| q.id);
    p.reset_questions(security, 5);
    assert!(p.attempts.contains_key("cdn"));
    assert!(!p.attempts.contains_key("jwt"));
    assert_eq!(p.cleared.get("jwt"), Some(&5));
    assert!(!p.cleared.contains_key("cdn"));
}

/// Two tabs: A resets, B still holds the copy from before and merges it (saving a bookmark).
#[test]
fn a_reset_is_not_undone_by_merging_a_copy_from_before() {
    let mut before = Progress::default();
    before.mark_read("jwt", 10);
    before.record("jwt", flash(20, Grade::Knew));
    before.set_bookmark("cdn", true, 25);
    let mut a = before.clone();
    a.reset_all(100);
    let mut b = before.clone();
    b.set_bookmark("acid", true, 120);
    b.record("cdn", flash(130, Grade::Partly));
    for merged in [merged(&a, &b), merged(&b, &a)] {
        assert!(!merged.is_read("jwt") && merged.latest("jwt").is_none());
        assert_eq!(
            merged.latest("cdn"),
            Some(Grade::Partly),
            "done after the reset"
        );
        assert!(merged.is_bookmarked("acid") && merged.is_bookmarked("cdn"));
        assert_eq!(merged.reset_at, Some(100));
    }
}

#[test]
fn a_topic_reset_is_not_undone_and_other_questions_still_merge() {
    let mut before = Progress::default();
    before.record("jwt", flash(20, Grade::Knew));
    before.record("cdn", flash(20, Grade::Knew));
    let mut a = before.clone();
    a.reset_questions(["jwt"], 100);
    let mut b = before.clone();
    b.record("cdn", flash(30, Grade::Partly));
    b.mark_read("jwt", 40);
    let m = merged(&a, &b);
    assert!(m.latest("jwt").is_none() && !m.is_read("jwt"));
    assert_eq!(m.attempts["cdn"].len(), 2);
    assert_eq!(m, merged(&b, &a));
}

#[test]
fn a_replacement_holds_for_bookmarks_and_notes_too() {
    let mut before = Progress::default();
    before.set_bookmark("jwt", true, 50);
    before.set_note("jwt", "old", 50);
    before.record("jwt", flash(50, Grade::Knew));
    let mut file = Progress::default();
    file.set_note("cdn", "from the file", 5);
    let a = before.replaced_by(&file, 100);
    assert_eq!(a.replaced_at, Some(100));
    let mut b = before.clone();
    b.set_note("acid", "after", 150);
    let m = merged(&b, &a);
    assert!(!m.is_bookmarked("jwt") && !m.has_note("jwt") && m.attempts.is_empty());
    assert_eq!(
        m.note("cdn"),
        Some("from the file"),
        "older than the mark, but its own"
    );
    assert_eq!(m.note("acid"), Some("after"));
}

#[test]
fn a_new_mark_is_later_than_what_it_deletes_and_than_older_marks() {
    let mut p = Progress::default();
    // Dated ahead by a clock that was off: a reset "now" must still cover it.
    p.record("jwt", flash(500, Grade::Knew));
    p.reset_all(100);
    assert_eq!(p.reset_at, Some(500));
    p.reset_all(100);
    assert_eq!(
        p.reset_at,
        Some(501),
        "a later reset wins over the earlier one"
    );
    p.reset_questions(["jwt"], 100);
    assert_eq!(p.cleared["jwt"], 502);
    p.reset_all(100);
    assert!(p.cleared.is_empty(), "covered by the reset");
    let r = p.replaced_by(&Progress::default(), 100);
    assert_eq!((r.replaced_at, r.reset_at), (Some(504), None));
}

#[test]
fn future_dated_entries_are_set_aside_and_future_marks_brought_back() {
    let now = 1_000_000_000;
    let mut p = Progress::default();
    p.record("jwt", flash(now, Grade::Knew));
    p.record("jwt", flash(now + MAX_AHEAD_MS, Grade::Partly));
    p.record("jwt", flash(now + MAX_AHEAD_MS + 1, Grade::Knew));
    p.record("cdn", flash(u64::MAX, Grade::Knew));
    p.mark_read("cdn", u64::MAX);
    p.set_note("cdn", "n", u64::MAX);
    p.reset_at = Some(u64::MAX);
    assert_eq!(p.set_aside_future(now), 5);
    assert_eq!(
        p.latest("jwt"),
        Some(Grade::Partly),
        "a day ahead is accepted"
    );
    assert!(!p.attempts.contains_key("cdn") && !p.is_read("cdn") && !p.has_note("cdn"));
    assert_eq!(p.reset_at, Some(now));
    assert_eq!(p.set_aside_future(now), 0);
}

fn interview(started: u64, finished: u64, grades: &[Option<Grade>]) -> InterviewRecord {
    InterviewRecord {
        started,
        finished,
        seconds_per_answer: Some(120),
        design: None,
        questions: grades
            .iter()
            .map(|&grade| InterviewAnswer {
                id: "jwt".into(),
                time_ms: 60_000,
                covered: 2,
                key_points: 4,
                grade,
                follow_up: Some((1, None)),
            })
            .collect(),
    }
}

#[test]
fn interview_records_count_graded_answers() {
    let r = interview(1, 2, &[Some(Grade::Knew), None, Some(Grade::Partly)]);
    assert_eq!((r.answered(), r.knew()), (2, 1));
}

#[test]
fn interviews_merge_as_a_union_and_a_reset_clears_them_for_good() {
    let mut a = Progress::default();
    a.interviews.push(interview(10, 20, &[Some(Grade::Knew)]));
    let mut b = Progress::default();
    b.interviews.push(interview(5, 8, &[Some(Grade::Partly)]));
    b.interviews.push(interview(10, 20, &[Some(Grade::Knew)]));
    let m = merged(&a, &b);
    assert_eq!(m, merged(&b, &a));
    assert_eq!(
        m.interviews.iter().map(|i| i.started).collect::<Vec<_>>(),
        [5, 10],
        "sorted by start, the shared one once"
    );

    // A topic reset keeps them (like quizzes); a full reset deletes them, in every copy merged.
    let mut r = m.clone();
    r.reset_questions(["jwt"], 30);
    assert_eq!(r.interviews.len(), 2);
    r.reset_all(40);
    assert!(r.interviews.is_empty());
    let mut later = b.clone();
    later.interviews.push(interview(50, 60, &[None]));
    let m = merged(&later, &r);
    assert_eq!(
        m.interviews.iter().map(|i| i.started).collect::<Vec<_>>(),
        [50],
        "only what was done after the reset"
    );
    // A replacement drops them too, unless the file has its own.
    let replaced = m.replaced_by(&Progress::default(), 70);
    assert!(merged(&m, &replaced).interviews.is_empty());
}

#[test]
fn a_reset_marks_after_the_latest_interview() {
    let mut p = Progress::default();
    // Finished ahead of the clock: the reset must still cover it.
    p.interviews.push(interview(1, 900, &[Some(Grade::Knew)]));
    p.reset_all(100);
    assert_eq!(p.reset_at, Some(900));
}

#[test]
fn future_dated_interviews_are_set_aside() {
    let now = 1_000_000_000;
    let mut p = Progress::default();
    p.interviews.push(interview(now, now + MAX_AHEAD_MS, &[]));
    p.interviews
        .push(interview(now + MAX_AHEAD_MS + 1, now, &[Some(Grade::Knew)]));
    assert_eq!(p.set_aside_future(now), 1);
    assert_eq!(p.interviews.len(), 1);
}

fn design(at: u64, id: &str, grade: Grade) -> DesignRecord {
    DesignRecord {
        at,
        design_id: id.to_string(),
        minutes: 45,
        stages: vec![DesignStage {
            stage: "clarify".into(),
            used_ms: 300_000,
            ticked: 2,
            total: 4,
            grade,
        }],
        grade,
    }
}

#[test]
fn design_rounds_merge_as_a_union_and_a_reset_clears_them_for_good() {
    let mut a = Progress::default();
    a.designs.push(design(20, "url-shortener", Grade::Knew));
    let mut b = Progress::default();
    b.designs.push(design(8, "url-shortener", Grade::Partly));
    b.designs.push(design(20, "url-shortener", Grade::Knew));
    b.designs.push(design(9, "chat", Grade::DidntKnow));
    let m = merged(&a, &b);
    assert_eq!(
        m.designs.iter().map(|d| d.at).collect::<Vec<_>>(),
        [8, 9, 20],
        "sorted by finish, the shared one once"
    );
    assert_eq!(m, merged(&b, &a));
    assert_eq!(m.design_latest("url-shortener"), Some(Grade::Knew));
    assert_eq!(m.design_latest("chat"), Some(Grade::DidntKnow));
    assert_eq!(m.design_latest("url"), None, "no id is taken for another");
    assert_eq!(
        m.latest("url-shortener"),
        None,
        "a design is not a question"
    );
    assert_eq!(m.design_rounds("url-shortener").count(), 2);
    let mut r = m.clone();
    r.reset_all(5);
    assert!(r.designs.is_empty());
    assert!(
        r.reset_at.is_some_and(|t| t >= 20),
        "the mark covers the latest round"
    );
    assert!(
        merged(&r, &m).designs.is_empty(),
        "an older copy does not bring them back"
    );
    let mut later = Progress::default();
    later.designs.push(design(40, "chat", Grade::Knew));
    assert_eq!(
        merged(&r, &later).designs.len(),
        1,
        "a round after the reset is kept"
    );
    // A topic reset covers questions only.
    let mut t = m.clone();
    t.reset_questions(["url-shortener"], 50);
    assert_eq!(t.designs.len(), 3);
    let replaced = Progress::default().replaced_by(&Progress::default(), 60);
    assert!(merged(&m, &replaced).designs.is_empty());
}

#[test]
fn future_dated_design_rounds_are_set_aside() {
    let now = 1_000;
    let mut p = Progress::default();
    p.designs
        .push(design(now + MAX_AHEAD_MS + 1, "chat", Grade::Knew));
    p.designs.push(design(now, "chat", Grade::Partly));
    assert_eq!(p.set_aside_future(now), 1);
    assert_eq!(p.design_latest("chat"), Some(Grade::Partly));
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut m = a.clone();
    m.merge(b);
    m
}

/// Property tests and timings: on the host only (proptest and the clock).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;

    /// The worst an import can ask of merge: ~200,000 answers to one question (a 16 MiB file) merged
    /// into a progress that holds them, then a save that merges again. Was quadratic (contains in a
    /// loop: 50,000 took 9 s in a debug build); here each step is well under a second, in debug.
    #[test]
    fn merging_50000_answers_to_one_question_is_fast() {
        let many = |offset: u64| {
            let mut p = Progress::default();
            for i in 0..50_000u64 {
                let outcome = Outcome::Choice {
                    check: 0,
                    picked: 1,
                    correct: i % 2 == 0,
                };
                p.record(
                    "jwt",
                    Attempt {
                        at: 2 * i + offset,
                        outcome,
                        revises: None,
                    },
                );
            }
            p
        };
        let (p, others) = (many(0), many(1));
        let start = std::time::Instant::now();
        let mut merged = p.clone();
        merged.merge(&p);
        assert_eq!(merged, p, "holding them already");
        merged.merge(&others);
        assert_eq!(
            merged.attempts["jwt"].len(),
            100_000,
            "interleaved, sorted once"
        );
        // A save after it: one more answer, merged with the stored copy.
        let stored = merged.clone();
        merged.record("jwt", flash(1_000_000, Grade::Knew));
        merged.merge(&stored);
        assert_eq!(merged.attempts["jwt"].len(), 100_001);
        let elapsed = start.elapsed();
        assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    }

    /// Every shape of history a valid import can carry (all re-grades, all at one millisecond, all
    /// on one question, re-grades over the whole bank), 50,000 answers each: what a page start does
    /// with it (decode the stored text and set aside the future, replay the schedule, filter the
    /// list five ways, compute the dashboard) and a save's merge stay within a generous budget in a
    /// debug build. `standing` looked every answer up in a list of all re-grades: quadratic, so
    /// this took minutes.
    #[test]
    fn an_adversarial_history_of_50000_answers_stays_fast() {
        use crate::adversarial::{every_view, history, Shape};
        use crate::storage::{decode, encode, Decoded};
        let questions = bank::questions();
        let ids: Vec<&str> = questions.iter().map(|q| q.id).collect();
        let topic_ids: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let now = crate::adversarial::START + 365 * 86_400_000;
        for shape in Shape::ALL {
            let built = history(shape, 50_000, &ids);
            let text = encode(&built);
            let start = std::time::Instant::now();
            let Decoded::Current { mut data, .. } = decode::<Progress>(&text) else {
                panic!("{shape:?}: our own encoding reads back");
            };
            assert_eq!(data.set_aside_future(now), 0);
            let figure = every_view(
                &data,
                questions,
                &topic_ids,
                now,
                &crate::stats::FixedOffset::UTC,
            );
            // A save: the stored copy merged in (which sorts and de-duplicates what an import
            // left unsorted), then once more, which changes nothing.
            let stored = data.clone();
            data.merge(&stored);
            let once = data.clone();
            data.merge(&once);
            let elapsed = start.elapsed();
            assert!(data == once, "{shape:?}: merging again changed something");
            assert!(figure > 0, "{shape:?}");
            println!("{}: {elapsed:?}", shape.label());
            assert!(
                elapsed < std::time::Duration::from_secs(15),
                "{shape:?}: {elapsed:?} for one start over 50,000 answers"
            );
        }
    }

    /// What counts of an adversarial history is what the re-grade rule says, whatever its shape:
    /// a chain of re-grades leaves only the last answer; answers at one millisecond all count;
    /// re-grades of one millisecond by answers at that millisecond all count (each revises itself).
    #[test]
    fn adversarial_histories_count_as_the_regrade_rule_says() {
        use crate::adversarial::{history, Shape};
        let count = |shape| history(shape, 1_000, &["jwt", "cdn"]).attempt_count();
        assert_eq!(count(Shape::AllRevising), 1);
        assert_eq!(count(Shape::OneMillisecond), 1_000);
        assert_eq!(count(Shape::RevisingOneMillisecond), 1_000);
        assert_eq!(count(Shape::OneQuestion), 1_000);
        assert_eq!(
            count(Shape::RevisingEverywhere),
            2,
            "the last of each question"
        );
    }

    /// The merge before marks (O(n²)), as it was: the oracle for normal data.
    fn old_merge(ours: &mut Progress, other: &Progress) {
        for (id, &t) in &other.read {
            ours.read
                .entry(id.clone())
                .and_modify(|v| *v = (*v).min(t))
                .or_insert(t);
        }
        for (id, theirs) in &other.attempts {
            let list = ours.attempts.entry(id.clone()).or_default();
            for a in theirs {
                if !list.contains(a) {
                    list.push(a.clone());
                }
            }
            crate::order::sort_by_key(list, |a| a.at);
        }
        for q in &other.quizzes {
            if !ours.quizzes.iter().any(|o| o.started == q.started) {
                ours.quizzes.push(q.clone());
            }
        }
        crate::order::sort_by_key(&mut ours.quizzes, |q| q.started);
        for i in &other.interviews {
            if !ours.interviews.iter().any(|o| o.started == i.started) {
                ours.interviews.push(i.clone());
            }
        }
        crate::order::sort_by_key(&mut ours.interviews, |i| i.started);
        latest_wins(&mut ours.bookmarks, &other.bookmarks, |_| true);
        latest_wins(&mut ours.notes, &other.notes, |_| true);
    }

    use crate::testing::{marks, near_progress, normal_pair, without_reads};
    use proptest::prelude::*;

    /// Every entry of `side` dated after `mark` is in `m` (or, for a read, an earlier one).
    fn kept_after(m: &Progress, side: &Progress, mark: Option<u64>) -> Result<(), TestCaseError> {
        let after = |t: u64| mark.is_none_or(|k| t > k);
        for (id, &t) in side.read.iter().filter(|(_, t)| after(**t)) {
            prop_assert!(m.read.get(id).is_some_and(|&r| r <= t), "read {} lost", id);
        }
        for (id, list) in &side.attempts {
            for a in list.iter().filter(|a| after(a.at)) {
                prop_assert!(
                    m.attempts.get(id).is_some_and(|l| l.contains(a)),
                    "answer to {} lost",
                    id
                );
            }
        }
        for q in side.quizzes.iter().filter(|q| after(q.finished)) {
            prop_assert!(m.quizzes.contains(q), "quiz lost");
        }
        for i in side.interviews.iter().filter(|i| after(i.finished)) {
            prop_assert!(m.interviews.contains(i), "interview lost");
        }
        for d in side.designs.iter().filter(|d| after(d.at)) {
            prop_assert!(m.designs.contains(d), "design round lost");
        }
        for (id, b) in side.bookmarks.iter().filter(|(_, b)| after(b.at)) {
            prop_assert!(
                m.bookmarks.get(id).is_some_and(|o| o >= b),
                "bookmark {} lost",
                id
            );
        }
        for (id, n) in side.notes.iter().filter(|(_, n)| after(n.at)) {
            prop_assert!(m.notes.get(id).is_some_and(|o| o >= n), "note {} lost", id);
        }
        Ok(())
    }

    /// Of what `scope` covers, `m` holds only `holder`'s entries and entries dated after `mark`.
    fn nothing_back(
        m: &Progress,
        holder: &Progress,
        mark: u64,
        ids: Option<&[String]>,
        writing: bool,
    ) -> Result<(), TestCaseError> {
        let covered = |id: &str| ids.is_none_or(|ids| ids.iter().any(|i| i == id));
        for (id, &t) in m.read.iter().filter(|(id, _)| covered(id)) {
            prop_assert!(
                t > mark || holder.read.get(id) == Some(&t),
                "read {} came back",
                id
            );
        }
        for (id, list) in m.attempts.iter().filter(|(id, _)| covered(id)) {
            for a in list {
                let own = holder.attempts.get(id).is_some_and(|l| l.contains(a));
                prop_assert!(a.at > mark || own, "answer to {} came back", id);
            }
        }
        if ids.is_none() {
            for q in &m.quizzes {
                prop_assert!(
                    q.finished > mark || holder.quizzes.contains(q),
                    "quiz came back"
                );
            }
            for i in &m.interviews {
                prop_assert!(
                    i.finished > mark || holder.interviews.contains(i),
                    "interview came back"
                );
            }
            for d in &m.designs {
                prop_assert!(
                    d.at > mark || holder.designs.contains(d),
                    "design round came back"
                );
            }
        }
        if writing {
            for (id, b) in &m.bookmarks {
                prop_assert!(
                    b.at > mark || holder.bookmarks.get(id) == Some(b),
                    "bookmark came back"
                );
            }
            for (id, n) in &m.notes {
                prop_assert!(
                    n.at > mark || holder.notes.get(id) == Some(n),
                    "note came back"
                );
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn merge_gives_what_the_old_merge_gave_for_normal_data((a, b) in normal_pair()) {
            let mut old = a.clone();
            old_merge(&mut old, &b);
            prop_assert_eq!(merged(&a, &b), old);
        }

        #[test]
        fn merge_is_commutative(a in near_progress(), b in near_progress()) {
            prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        }

        #[test]
        fn merge_is_idempotent(a in near_progress(), b in near_progress()) {
            let m = merged(&a, &b);
            prop_assert_eq!(&merged(&m, &m), &m);
            // Merging either copy again changes nothing either.
            prop_assert_eq!(&merged(&m, &a), &m);
            prop_assert_eq!(&merged(&m, &b), &m);
            prop_assert_eq!(&merged(&b, &m), &m);
        }

        #[test]
        fn merge_is_associative_but_for_read_marks(
            a in near_progress(), b in near_progress(), c in near_progress()
        ) {
            let left = merged(&merged(&a, &b), &c);
            let right = merged(&a, &merged(&b, &c));
            prop_assert_eq!(without_reads(&left), without_reads(&right));
            // And read marks too when no mark falls between them.
            if [&a, &b, &c].iter().all(|p| marks(p).is_empty()) {
                prop_assert_eq!(left, right);
            }
        }

        #[test]
        fn merge_loses_nothing_dated_after_every_mark(a in near_progress(), b in near_progress()) {
            let latest = marks(&a).into_iter().chain(marks(&b)).max();
            let m = merged(&a, &b);
            kept_after(&m, &a, latest)?;
            kept_after(&m, &b, latest)?;
        }

        #[test]
        fn a_reset_is_never_undone_by_older_copies(
            at_reset in near_progress(), older in proptest::collection::vec(near_progress(), 1..4), now in 0u64..30,
        ) {
            let mut r = at_reset.clone();
            r.reset_all(now);
            let mark = r.reset_at.unwrap_or_default();
            // Older: every mark before the reset's (they have not heard of it).
            let older: Vec<Progress> = older.into_iter().filter(|o| marks(o).iter().all(|&m| m < mark)).collect();
            let mut m = r.clone();
            for o in &older {
                m = merged(o, &m);
                nothing_back(&m, &r, mark, None, false)?;
                prop_assert_eq!(m.reset_at, Some(mark));
            }
        }

        #[test]
        fn a_topic_reset_is_never_undone_by_older_copies(
            at_reset in near_progress(), older in near_progress(), now in 0u64..30,
        ) {
            let ids = vec!["jwt".to_string(), "cdn".to_string()];
            let mut r = at_reset.clone();
            r.reset_questions(ids.iter().map(String::as_str), now);
            let mark = r.cleared["jwt"];
            prop_assume!(marks(&older).iter().all(|&m| m < mark));
            nothing_back(&merged(&r, &older), &r, mark, Some(&ids), false)?;
            nothing_back(&merged(&older, &r), &r, mark, Some(&ids), false)?;
        }

        #[test]
        fn a_replacement_is_never_undone_by_older_copies(
            current in near_progress(), file in near_progress(), older in near_progress(), now in 0u64..30,
        ) {
            let r = current.replaced_by(&file, now);
            let mark = r.replaced_at.unwrap_or_default();
            prop_assume!(marks(&older).iter().all(|&m| m < mark));
            for m in [merged(&r, &older), merged(&older, &r)] {
                nothing_back(&m, &r, mark, None, true)?;
                prop_assert_eq!(m.replaced_at, Some(mark));
            }
        }
    }
}
