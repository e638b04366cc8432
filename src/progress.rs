//! What the user has done, as plain data, and what follows from it (status, mastery, readiness).
//! Pure: no storage, no clock (times are passed in, in milliseconds since the Unix epoch).

use crate::bank::{Level, Question};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::labelled_enum! {
    /// How well the learner knew a question (self-graded flashcard, or a multiple-choice result).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Grade {
        /// Could not answer.
        DidntKnow => "didnt-know", "Didn't know";
        /// Covered some of the key points.
        Partly => "partly", "Partly";
        /// Covered the key points.
        Knew => "knew", "Knew it";
    }
}

impl Grade {
    /// Credit towards mastery: 1, ½ or 0.
    pub fn credit(self) -> f64 {
        match self {
            Grade::DidntKnow => 0.0,
            Grade::Partly => 0.5,
            Grade::Knew => 1.0,
        }
    }

    /// The grade suggested by how many of the key points the learner ticked: most of them is "knew
    /// it", some is "partly", fewer than a third is "didn't know".
    pub fn suggested(ticked: usize, total: usize) -> Grade {
        if total == 0 {
            return Grade::Partly;
        }
        let share = ticked as f64 / total as f64;
        if share >= 0.75 {
            Grade::Knew
        } else if share >= 1.0 / 3.0 {
            Grade::Partly
        } else {
            Grade::DidntKnow
        }
    }
}

/// How a question was practised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// A flashcard the learner graded.
    Flashcard {
        /// The grade given (suggested from the ticks, or overridden).
        grade: Grade,
        /// Indexes of the key points ticked as covered.
        ticked: Vec<usize>,
        /// What the learner typed before revealing, if anything.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        draft: Option<String>,
    },
    /// A multiple-choice check.
    Choice {
        /// Which check of the question.
        check: usize,
        /// The option picked.
        picked: usize,
        /// Whether it was the right one.
        correct: bool,
    },
}

impl Outcome {
    /// The grade this outcome counts as: a right choice is "knew it", a wrong one "didn't know".
    pub fn grade(&self) -> Grade {
        match self {
            Outcome::Flashcard { grade, .. } => *grade,
            Outcome::Choice { correct: true, .. } => Grade::Knew,
            Outcome::Choice { correct: false, .. } => Grade::DidntKnow,
        }
    }
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// When, in ms since the epoch.
    pub at: u64,
    /// What happened.
    pub outcome: Outcome,
}

#[cfg(test)]
impl Attempt {
    /// A flashcard graded `grade` at `at`, nothing ticked (for tests).
    pub fn flashcard(at: u64, grade: Grade) -> Attempt {
        Attempt {
            at,
            outcome: Outcome::Flashcard {
                grade,
                ticked: vec![],
                draft: None,
            },
        }
    }
}

/// A finished quiz, for history and "retry the missed ones".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRecord {
    /// When it started.
    pub started: u64,
    /// When it finished.
    pub finished: u64,
    /// Flashcards, multiple choice or mixed (`QuizMode::id`).
    pub mode: String,
    /// Every question asked, in order.
    pub asked: Vec<String>,
    /// The ones answered "didn't know" or "partly", or wrongly.
    pub missed: Vec<String>,
    /// Answers graded "knew it" or right.
    pub right: usize,
    /// Answers given (skipped cards excluded).
    pub answered: usize,
}

crate::labelled_enum! {
    /// A question's state in the list's status filter (in filter order, which is also the order
    /// of `status=` values in a URL).
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Status {
        /// Never practised.
        #[default]
        New => "new", "New";
        /// Last practised as "knew it".
        Knew => "knew", "Knew it";
        /// Last practised as "partly".
        Partly => "partly", "Partly";
        /// Last practised as "didn't know".
        DidntKnow => "didnt-know", "Didn't know";
    }
}

/// Everything Backprep remembers about the user's study, keyed by question id.
///
/// Ids the bank does not (or no longer) has are kept: the bank may gain them back later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// When each question's page was first opened.
    pub read: BTreeMap<String, u64>,
    /// Every answer given, per question, oldest first.
    pub attempts: BTreeMap<String, Vec<Attempt>>,
    /// Finished quizzes, oldest first.
    pub quizzes: Vec<QuizRecord>,
    /// Starred questions. An unstarred one keeps its entry (`on: false`) so that merging with an
    /// older copy (another tab, an import) does not star it again: the latest change wins.
    pub bookmarks: BTreeMap<String, Bookmark>,
    /// Personal notes (Markdown). A deleted note keeps its entry with empty text, for the same reason.
    pub notes: BTreeMap<String, Note>,
}

/// Whether a question is starred, and since when. Ordered by time first (fields in that order),
/// which is what merging needs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Bookmark {
    /// When it last changed, in ms since the epoch.
    pub at: u64,
    /// Starred (true) or unstarred (false).
    pub on: bool,
}

/// A personal note on a question. Ordered by time first, like [`Bookmark`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    /// When it was last edited, in ms since the epoch.
    pub at: u64,
    /// Markdown source; empty when deleted.
    pub text: String,
}

/// Picks the later of two versions of an entry; on a tie, the greater value, so that merging is the
/// same whichever copy goes first.
fn latest_wins<T: Clone + Ord>(ours: &mut BTreeMap<String, T>, theirs: &BTreeMap<String, T>) {
    for (id, t) in theirs {
        match ours.get(id) {
            Some(o) if o >= t => {}
            _ => {
                ours.insert(id.clone(), t.clone());
            }
        }
    }
}

/// Mastery of a group of questions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mastery {
    /// Questions in the group.
    pub total: usize,
    /// Questions practised at least once.
    pub practised: usize,
    /// Questions whose latest grade is "knew it".
    pub known: usize,
    /// Sum of credits of latest grades divided by `total` (0–1).
    pub score: f64,
}

impl Progress {
    /// Records that `id` was opened at `now_ms`; the first opening is the one kept.
    /// Returns whether anything changed (so callers can skip a needless write).
    pub fn mark_read(&mut self, id: &str, now_ms: u64) -> bool {
        if self.read.contains_key(id) {
            return false;
        }
        self.read.insert(id.to_string(), now_ms);
        true
    }

    /// Whether `id` has been opened.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains_key(id)
    }

    /// How many of `ids` have been opened.
    pub fn read_count<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.is_read(id)).count()
    }

    /// Records an answer.
    pub fn record(&mut self, id: &str, attempt: Attempt) {
        self.attempts
            .entry(id.to_string())
            .or_default()
            .push(attempt);
    }

    /// The latest grade of `id`, if practised.
    pub fn latest(&self, id: &str) -> Option<Grade> {
        self.attempts
            .get(id)
            .and_then(|a| a.last())
            .map(|a| a.outcome.grade())
    }

    /// The list-filter status of `id`.
    pub fn status(&self, id: &str) -> Status {
        match self.latest(id) {
            None => Status::New,
            Some(Grade::DidntKnow) => Status::DidntKnow,
            Some(Grade::Partly) => Status::Partly,
            Some(Grade::Knew) => Status::Knew,
        }
    }

    /// Mastery over `questions`.
    pub fn mastery<'a>(&self, questions: impl IntoIterator<Item = &'a Question>) -> Mastery {
        let mut m = Mastery {
            total: 0,
            practised: 0,
            known: 0,
            score: 0.0,
        };
        let mut credit = 0.0;
        for q in questions {
            m.total += 1;
            if let Some(g) = self.latest(q.id) {
                m.practised += 1;
                credit += g.credit();
                if g == Grade::Knew {
                    m.known += 1;
                }
            }
        }
        m.score = if m.total == 0 {
            0.0
        } else {
            credit / m.total as f64
        };
        m
    }

    /// Mastery per topic id (in the order given) over `questions`.
    pub fn mastery_by_topic(&self, questions: &[Question], topic_ids: &[&str]) -> Vec<Mastery> {
        topic_ids
            .iter()
            .map(|t| self.mastery(questions.iter().filter(|q| q.topics.contains(t))))
            .collect()
    }

    /// Mastery per level over `questions`.
    pub fn mastery_by_level(&self, questions: &[Question]) -> Vec<(Level, Mastery)> {
        Level::ALL
            .iter()
            .map(|&l| (l, self.mastery(questions.iter().filter(|q| q.level == l))))
            .collect()
    }

    /// Whether `id` is starred.
    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.bookmarks.get(id).is_some_and(|b| b.on)
    }

    /// Stars or unstars `id` at `now_ms`.
    pub fn set_bookmark(&mut self, id: &str, on: bool, now_ms: u64) {
        self.bookmarks
            .insert(id.to_string(), Bookmark { on, at: now_ms });
    }

    /// The note on `id`, if it has a non-blank one.
    pub fn note(&self, id: &str) -> Option<&str> {
        self.notes
            .get(id)
            .map(|n| n.text.as_str())
            .filter(|t| !t.trim().is_empty())
    }

    /// Whether `id` has a non-blank note.
    pub fn has_note(&self, id: &str) -> bool {
        self.note(id).is_some()
    }

    /// Sets the note on `id` (blank text deletes it). Returns whether anything changed.
    pub fn set_note(&mut self, id: &str, text: &str, now_ms: u64) -> bool {
        let current = self.notes.get(id).map(|n| n.text.as_str()).unwrap_or("");
        if current == text || (current.trim().is_empty() && text.trim().is_empty()) {
            return false;
        }
        self.notes.insert(
            id.to_string(),
            Note {
                text: text.to_string(),
                at: now_ms,
            },
        );
        true
    }

    /// How many questions are starred.
    pub fn bookmark_count(&self) -> usize {
        self.bookmarks.values().filter(|b| b.on).count()
    }

    /// How many questions have a note.
    pub fn note_count(&self) -> usize {
        self.notes
            .values()
            .filter(|n| !n.text.trim().is_empty())
            .count()
    }

    /// How many answers are recorded in all.
    pub fn attempt_count(&self) -> usize {
        self.attempts.values().map(Vec::len).sum()
    }

    /// Ids missed in the most recent finished quiz.
    pub fn missed_last_time(&self) -> Vec<String> {
        self.quizzes
            .last()
            .map(|q| q.missed.clone())
            .unwrap_or_default()
    }

    /// Forgets the attempts and read marks of every question for which `drop` is true (reset by
    /// topic); quiz history, bookmarks and notes (the user's own writing) are kept.
    pub fn reset(&mut self, mut drop: impl FnMut(&str) -> bool) {
        self.attempts.retain(|id, _| !drop(id));
        self.read.retain(|id, _| !drop(id));
    }

    /// Combines what two copies know (e.g. two tabs) so that nothing either recorded is lost: the
    /// union of reads (earliest time kept), of attempts (by time and content) and of quizzes (by
    /// start time); for bookmarks and notes the later change wins. Merging is idempotent and
    /// commutative.
    pub fn merge(&mut self, other: &Progress) {
        for (id, &t) in &other.read {
            self.read
                .entry(id.clone())
                .and_modify(|v| *v = (*v).min(t))
                .or_insert(t);
        }
        for (id, theirs) in &other.attempts {
            let ours = self.attempts.entry(id.clone()).or_default();
            for a in theirs {
                if !ours.contains(a) {
                    ours.push(a.clone());
                }
            }
            crate::order::sort_by_key(ours, |a| a.at);
        }
        for q in &other.quizzes {
            if !self.quizzes.iter().any(|o| o.started == q.started) {
                self.quizzes.push(q.clone());
            }
        }
        crate::order::sort_by_key(&mut self.quizzes, |q| q.started);
        latest_wins(&mut self.bookmarks, &other.bookmarks);
        latest_wins(&mut self.notes, &other.notes);
    }
}

#[cfg(test)]
mod tests {
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
        p.reset(|_| true);
        assert!(p.attempts.is_empty());
        assert!(p.is_bookmarked("jwt") && p.has_note("jwt"));
    }

    #[test]
    fn reset_by_topic_keeps_the_rest() {
        let mut p = Progress::default();
        p.record("jwt", flash(1, Grade::Knew));
        p.record("cdn", flash(1, Grade::Knew));
        p.reset(|id| bank::question(id).is_some_and(|q| q.topics.contains(&"security")));
        assert!(p.attempts.contains_key("cdn"));
        assert!(!p.attempts.contains_key("jwt"));
    }
}
