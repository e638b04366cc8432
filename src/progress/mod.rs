//! What the user has done, as plain data, and what follows from it (status, mastery, readiness).
//! Pure: no storage, no clock (times are passed in, in milliseconds since the Unix epoch).
//!
//! Several copies of progress exist at once (one per open tab, the stored one, export files), and
//! [`Progress::merge`] combines them. Deliberate deletions (a reset, an import that replaces
//! everything) leave *marks* so that merging an older copy does not bring back what was deleted;
//! see [`Progress::merge`] for the rules and what they guarantee.

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

/// How a question was practised. Ordered (by kind, then fields) only so that answers given at the
/// same millisecond still merge in one order whichever copy goes first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

/// One answer to one question. Ordered by time first (fields in that order), which is the order
/// answers are kept in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Attempt {
    /// When, in ms since the epoch.
    pub at: u64,
    /// What happened.
    pub outcome: Outcome,
    /// The earlier answer (by its `at`) that this one replaces: the same card graded again in the
    /// same quiz. The replaced answer stays stored (so that merging a copy that still holds it
    /// cannot bring it back) but counts nowhere: see [`standing`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revises: Option<u64>,
}

/// The answers of one question that count: all but those replaced by a later re-grade (see
/// [`Attempt::revises`]), in stored order. O(n log n) in the answers, whatever they revise: the
/// replaced times are sorted once and looked up by binary search. (A `contains` over every
/// `revises` made it quadratic: 20,000 re-grades of one question, which an import can carry, added
/// 1.3 s to every page start.)
pub fn standing(list: &[Attempt]) -> impl Iterator<Item = &Attempt> + '_ {
    let mut replaced: Vec<u64> = list.iter().filter_map(|a| a.revises).collect();
    replaced.sort_unstable();
    replaced.dedup();
    list.iter()
        .filter(move |a| replaced.binary_search(&a.at).is_err() || a.revises == Some(a.at))
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
            revises: None,
        }
    }
}

/// A finished quiz, for history and "retry the missed ones". Ordered by start, then finish (fields
/// in that order), which is the order the history is kept in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

/// A finished mock interview (see `crate::interview`), for its history and the dashboard. Ordered
/// by start, then finish (fields in that order), which is the order the history is kept in, like
/// [`QuizRecord`]. Its graded answers are also recorded as flashcard answers in
/// [`Progress::attempts`]; counts of answers given come from there, not from here.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct InterviewRecord {
    /// When it started.
    pub started: u64,
    /// When it finished.
    pub finished: u64,
    /// The time allowed per answer, in seconds (`None`: untimed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds_per_answer: Option<u32>,
    /// Every question asked, in order.
    pub questions: Vec<InterviewAnswer>,
    /// The design exercise it ended with, if one was asked (its id, kept even if the bank lacks
    /// it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<String>,
}

/// What happened to one question of a mock interview.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct InterviewAnswer {
    /// Question id.
    pub id: String,
    /// Time spent on the main answer, in ms (at most the time allowed, when timed).
    pub time_ms: u64,
    /// Key points ticked as covered.
    pub covered: usize,
    /// Key points the question had then.
    pub key_points: usize,
    /// The grade given to the main answer (`None`: moved on without grading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// The follow-up asked, if any: its index in the question's follow-ups and its grade (`None`:
    /// skipped or not graded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<(usize, Option<Grade>)>,
}

impl InterviewRecord {
    /// Main answers graded.
    pub fn answered(&self) -> usize {
        self.questions.iter().filter(|q| q.grade.is_some()).count()
    }

    /// Main answers graded "knew it".
    pub fn knew(&self) -> usize {
        self.questions
            .iter()
            .filter(|q| q.grade == Some(Grade::Knew))
            .count()
    }
}

/// A finished design practice round (see `crate::design_practice`), for its history, the
/// dashboard and [`Progress::design_latest`]. Ordered by finish time first (fields in that order),
/// which is the order the history is kept in, like [`InterviewRecord`]. Kept apart from
/// [`Progress::attempts`]: a design exercise is not a question, and its id must not be taken for
/// one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DesignRecord {
    /// When the round finished (its review was closed), in ms since the epoch.
    pub at: u64,
    /// The design exercise's id (`assets/designs/<id>.md`).
    pub design_id: String,
    /// The round's planned length, in minutes (35, 45 or 60).
    pub minutes: u32,
    /// Every stage, in the round's order.
    pub stages: Vec<DesignStage>,
    /// The grade of the whole round.
    pub grade: Grade,
}

/// What happened in one stage of a design practice round.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DesignStage {
    /// The stage's id (`clarify`, `estimate`, `api`, `design`, `deep_dive`, `wrap_up`).
    pub stage: String,
    /// Time spent in the stage, in ms (overtime included).
    pub used_ms: u64,
    /// Rubric points ticked as covered.
    pub ticked: usize,
    /// Rubric points the stage had then.
    pub total: usize,
    /// The stage's grade (given, or suggested by the ticks).
    pub grade: Grade,
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
    /// Finished mock interviews, oldest first (schema 5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interviews: Vec<InterviewRecord>,
    /// Finished design practice rounds, oldest first (schema 6).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub designs: Vec<DesignRecord>,
    /// Starred questions. An unstarred one keeps its entry (`on: false`) so that merging with an
    /// older copy (another tab, an import) does not star it again: the latest change wins.
    pub bookmarks: BTreeMap<String, Bookmark>,
    /// Personal notes (Markdown). A deleted note keeps its entry with empty text, for the same reason.
    pub notes: BTreeMap<String, Note>,
    /// When everything was last replaced by an import (a mark, see [`Progress::merge`]): of what
    /// is dated up to then, only this copy's entries count. In ms since the epoch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_at: Option<u64>,
    /// When every read mark, answer, quiz, mock interview and design round was last reset (a mark:
    /// of the reads, answers, quizzes, interviews and design rounds dated up to then, only this
    /// copy's count). Bookmarks and notes are not covered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset_at: Option<u64>,
    /// Per question: when its read mark and answers were last reset (a topic reset; a mark like
    /// `reset_at` for that question only). Merging drops those no later than `replaced_at` and
    /// `reset_at`, which say nothing more.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub cleared: BTreeMap<String, u64>,
}

/// Longest draft answer kept (a flashcard's, a mock interview's), in characters: the answer
/// boxes' `maxlength`, and a limit an import applies (`transfer`).
pub const MAX_DRAFT_CHARS: usize = 20_000;

/// How far ahead of this device's clock a stored or imported time may be: a day, for a clock that
/// is a little off. Anything later is refused on import and set aside on load, or it would be a
/// question's latest answer for ever.
pub const MAX_AHEAD_MS: u64 = 24 * 60 * 60 * 1000;

/// The latest time accepted when the clock says `now_ms` (see [`MAX_AHEAD_MS`]).
pub fn latest_accepted(now_ms: u64) -> u64 {
    now_ms.saturating_add(MAX_AHEAD_MS)
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
            .and_then(|a| standing(a).last())
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
        self.attempts.values().map(|a| standing(a).count()).sum()
    }

    /// The overall grade of the latest finished round of design exercise `id`, if any (by finish
    /// time; on a tie, the later in the kept order).
    pub fn design_latest(&self, id: &str) -> Option<Grade> {
        self.design_rounds(id).max_by_key(|r| r.at).map(|r| r.grade)
    }

    /// The finished rounds of design exercise `id`, oldest first.
    pub fn design_rounds<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a DesignRecord> + 'a {
        self.designs.iter().filter(move |r| r.design_id == id)
    }

    /// Ids missed in the most recent finished quiz.
    pub fn missed_last_time(&self) -> Vec<String> {
        self.quizzes
            .last()
            .map(|q| q.missed.clone())
            .unwrap_or_default()
    }
}

mod merge;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
