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
    /// When everything was last replaced by an import (a mark, see [`Progress::merge`]): of what
    /// is dated up to then, only this copy's entries count. In ms since the epoch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_at: Option<u64>,
    /// When every read mark, answer and quiz was last reset (a mark: of the reads, answers and
    /// quizzes dated up to then, only this copy's count). Bookmarks and notes are not covered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reset_at: Option<u64>,
    /// Per question: when its read mark and answers were last reset (a topic reset; a mark like
    /// `reset_at` for that question only). Merging drops those no later than `replaced_at` and
    /// `reset_at`, which say nothing more.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub cleared: BTreeMap<String, u64>,
}

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

/// The marks of one copy, taken apart from its entries while it is being merged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Marks {
    replaced: Option<u64>,
    reset: Option<u64>,
    cleared: BTreeMap<String, u64>,
}

impl Marks {
    fn of(p: &Progress) -> Marks {
        Marks {
            replaced: p.replaced_at,
            reset: p.reset_at,
            cleared: p.cleared.clone(),
        }
    }

    /// The later of each mark of `self` and `other`, without the question marks that the global
    /// ones cover.
    fn join(&self, other: &Marks) -> Marks {
        let mut joined = Marks {
            replaced: self.replaced.max(other.replaced),
            reset: self.reset.max(other.reset),
            cleared: self.cleared.clone(),
        };
        for (id, &t) in &other.cleared {
            let mark = joined.cleared.entry(id.clone()).or_insert(t);
            *mark = (*mark).max(t);
        }
        joined.prune();
        joined
    }

    fn prune(&mut self) {
        let global = self.history();
        self.cleared.retain(|_, t| Some(*t) > global);
    }

    /// The mark that covers question `id`'s read mark and answers.
    fn answers(&self, id: &str) -> Option<u64> {
        self.history().max(self.cleared.get(id).copied())
    }

    /// The mark that covers the quiz history (and every question's reads and answers).
    fn history(&self) -> Option<u64> {
        self.replaced.max(self.reset)
    }

    /// The mark that covers bookmarks and notes: only a replacement deletes them.
    fn writing(&self) -> Option<u64> {
        self.replaced
    }

    /// The latest of every mark.
    fn latest(&self) -> Option<u64> {
        self.history().max(self.cleared.values().copied().max())
    }
}

/// Whether an entry dated `at`, from a copy whose mark covering it is `side`, is kept when the
/// merged copies' latest mark covering it is `merged` (never earlier than `side`): always from the
/// copy that holds that mark, else only if made after it.
fn survives(side: Option<u64>, merged: Option<u64>, at: u64) -> bool {
    side == merged || after(merged, at)
}

/// Whether `at` is after `mark` (everything is after no mark).
fn after(mark: Option<u64>, at: u64) -> bool {
    mark.is_none_or(|m| at > m)
}

/// A new mark for a deletion made at `now` in a copy whose entries to delete are dated up to
/// `newest` and whose marks go up to `previous`: at least `now`, no earlier than anything it deletes
/// (so an older copy's version of it is dropped too, even if dated ahead by a clock that was off),
/// and later than every mark it supersedes (so that it wins over them).
fn next_mark(now: u64, newest: Option<u64>, previous: Option<u64>) -> u64 {
    now.max(newest.unwrap_or(0))
        .max(previous.map_or(0, |p| p.saturating_add(1)))
}

/// `ours` with `theirs` (those `keep` accepts) added: sorted, without repeats. Costs O(n log n) at
/// most, O(n) when both lists are already so, and nothing when they are the same list. (The
/// quadratic `contains` in a loop it replaces let a file of 200,000 answers to one question
/// freeze the app.)
fn union<T: Ord + Clone>(ours: &mut Vec<T>, theirs: &[T], keep: &dyn Fn(&T) -> bool) {
    let canonical = |v: &[T]| v.windows(2).all(|w| w[0] < w[1]);
    if ours.as_slice() == theirs && canonical(ours) {
        return;
    }
    let added: Vec<&T> = theirs.iter().filter(|t| keep(t)).collect();
    let sorted = canonical(ours);
    if added.is_empty() && sorted {
        return;
    }
    if sorted && added.windows(2).all(|w| w[0] < w[1]) {
        // Both sorted: one pass, as in merge sort.
        let mut merged = Vec::with_capacity(ours.len() + added.len());
        let mut mine = std::mem::take(ours).into_iter().peekable();
        let mut other = added.into_iter().peekable();
        loop {
            let next = match (mine.peek(), other.peek()) {
                (Some(a), Some(b)) => match a.cmp(b) {
                    std::cmp::Ordering::Less => mine.next(),
                    std::cmp::Ordering::Greater => other.next().cloned(),
                    std::cmp::Ordering::Equal => {
                        other.next();
                        mine.next()
                    }
                },
                (Some(_), None) => mine.next(),
                (None, Some(_)) => other.next().cloned(),
                (None, None) => break,
            };
            merged.extend(next);
        }
        *ours = merged;
    } else {
        ours.extend(added.into_iter().cloned());
        crate::order::sort_by(ours, &|a, b| a.cmp(b));
        ours.dedup();
    }
}

/// Picks the later of two versions of an entry (of theirs, only those `keep` accepts); on a tie, the
/// greater value, so that merging is the same whichever copy goes first.
fn latest_wins<T: Clone + Ord>(
    ours: &mut BTreeMap<String, T>,
    theirs: &BTreeMap<String, T>,
    keep: impl Fn(&T) -> bool,
) {
    for (id, t) in theirs {
        if !keep(t) {
            continue;
        }
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

    /// Forgets every read mark, answer and finished quiz, here and in every copy this one is later
    /// merged with (by the mark `reset_at`, see [`Progress::merge`]), at `now` (ms). Bookmarks and
    /// notes, the user's own writing, stay.
    pub fn reset_all(&mut self, now: u64) {
        let newest = self
            .read
            .values()
            .copied()
            .chain(self.attempts.values().flatten().map(|a| a.at))
            .chain(self.quizzes.iter().map(|q| q.finished))
            .max();
        let mark = next_mark(now, newest, Marks::of(self).latest());
        self.read.clear();
        self.attempts.clear();
        self.quizzes.clear();
        self.reset_at = Some(mark);
        self.cleared.clear();
    }

    /// Forgets the read marks and answers of `ids` (a topic reset), here and in every copy this one
    /// is later merged with (by the marks `cleared`), at `now` (ms). Quiz history, bookmarks and
    /// notes are kept. Marks every id given, held here or not, since another copy may hold it.
    pub fn reset_questions<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, now: u64) {
        let ids: Vec<&str> = ids.into_iter().collect();
        if ids.is_empty() {
            return;
        }
        let marks = Marks::of(self);
        let newest = ids
            .iter()
            .flat_map(|id| {
                let read = self.read.get(*id).copied();
                let answers = self.attempts.get(*id).into_iter().flatten().map(|a| a.at);
                read.into_iter().chain(answers)
            })
            .max();
        let previous = ids.iter().map(|id| marks.answers(id)).max().flatten();
        let mark = next_mark(now, newest, previous);
        for id in ids {
            self.read.remove(id);
            self.attempts.remove(id);
            self.cleared.insert(id.to_string(), mark);
        }
    }

    /// `file` in place of everything this copy holds, at `now` (ms): the file's entries, with the
    /// mark `replaced_at` so that merging a copy from before (another tab's, the stored one) does
    /// not bring back what was here.
    pub fn replaced_by(&self, file: &Progress, now: u64) -> Progress {
        let newest = self
            .read
            .values()
            .copied()
            .chain(self.attempts.values().flatten().map(|a| a.at))
            .chain(self.quizzes.iter().map(|q| q.finished))
            .chain(self.bookmarks.values().map(|b| b.at))
            .chain(self.notes.values().map(|n| n.at))
            .max();
        let previous = Marks::of(self).latest().max(Marks::of(file).latest());
        let mut next = file.clone();
        next.replaced_at = Some(next_mark(now, newest, previous));
        // Both are now covered by the replacement.
        next.reset_at = None;
        next.cleared.clear();
        next
    }

    /// Combines what two copies know (e.g. two tabs) so that nothing either recorded is lost, except
    /// what a deliberate deletion covers.
    ///
    /// Without marks it is a union: of read marks (earliest time kept), of answers and of quizzes
    /// (sorted by time, then by value; repeats dropped), and for bookmarks and notes the later
    /// change wins (a tie: the greater value).
    ///
    /// Marks (`replaced_at`, `reset_at`, `cleared`) record deletions. Each entry is covered by the
    /// latest mark that applies to it: `cleared` of its question and `reset_at` for read marks and
    /// answers, `reset_at` for quizzes, and `replaced_at` for everything. When the two copies' marks
    /// covering an entry differ, the copy with the later one is taken as it is and the other copy
    /// adds only its entries dated after that mark (a quiz is dated by its finish): what was
    /// deleted does not come back, and what a stale tab did after the deletion survives. The
    /// result keeps the later of each mark.
    ///
    /// What that guarantees (property-tested in this module):
    /// - idempotent: merging a copy again, or a merge result into itself, changes nothing (a
    ///   result's lists are sorted; a copy whose lists are not, as a replacing import takes a file,
    ///   is sorted by its first merge);
    /// - commutative: `a` merged with `b` equals `b` merged with `a` (ties are broken by value);
    /// - associative, except for read marks: a read mark keeps only the first opening, so when one
    ///   copy's first opening predates a mark and another's is after it, grouping decides whether
    ///   the later opening is kept;
    /// - a mark is never undone: merging any copy whose marks are all earlier adds none of its
    ///   entries dated at or before the mark;
    /// - no entry dated after every mark of both copies is lost.
    ///
    /// O(n log n) in the number of entries, O(n) when both copies' lists are sorted as merge keeps
    /// them.
    pub fn merge(&mut self, other: &Progress) {
        let ours = Marks::of(self);
        let theirs = Marks::of(other);
        let merged = ours.join(&theirs);

        self.read
            .retain(|id, t| survives(ours.answers(id), merged.answers(id), *t));
        for (id, &t) in &other.read {
            if survives(theirs.answers(id), merged.answers(id), t) {
                self.read
                    .entry(id.clone())
                    .and_modify(|v| *v = (*v).min(t))
                    .or_insert(t);
            }
        }

        for id in other.attempts.keys() {
            if !self.attempts.contains_key(id) {
                self.attempts.insert(id.clone(), Vec::new());
            }
        }
        for (id, list) in self.attempts.iter_mut() {
            let mark = merged.answers(id);
            if ours.answers(id) != mark {
                list.retain(|a| after(mark, a.at));
            }
            let side = theirs.answers(id);
            let theirs = other.attempts.get(id).map(Vec::as_slice).unwrap_or(&[]);
            union(list, theirs, &|a| survives(side, mark, a.at));
        }
        self.attempts.retain(|_, list| !list.is_empty());

        let mark = merged.history();
        if ours.history() != mark {
            self.quizzes.retain(|q| after(mark, q.finished));
        }
        let side = theirs.history();
        union(&mut self.quizzes, &other.quizzes, &|q| {
            survives(side, mark, q.finished)
        });

        let (mine, side, mark) = (ours.writing(), theirs.writing(), merged.writing());
        self.bookmarks.retain(|_, b| survives(mine, mark, b.at));
        latest_wins(&mut self.bookmarks, &other.bookmarks, |b| {
            survives(side, mark, b.at)
        });
        self.notes.retain(|_, n| survives(mine, mark, n.at));
        latest_wins(&mut self.notes, &other.notes, |n| {
            survives(side, mark, n.at)
        });

        self.replaced_at = merged.replaced;
        self.reset_at = merged.reset;
        self.cleared = merged.cleared;
    }

    /// Sets aside what is dated more than [`MAX_AHEAD_MS`] after `now` (ms): such entries are
    /// dropped, and such marks brought back to `now` (the deletion they record still holds, and
    /// what is done from now on is not taken for older). Returns how many were dated so.
    pub fn set_aside_future(&mut self, now: u64) -> usize {
        let latest = latest_accepted(now);
        let mut count = 0;
        let mut keep = |t: u64| {
            let ok = t <= latest;
            count += usize::from(!ok);
            ok
        };
        self.read.retain(|_, t| keep(*t));
        for list in self.attempts.values_mut() {
            list.retain(|a| keep(a.at));
        }
        self.attempts.retain(|_, list| !list.is_empty());
        self.quizzes.retain(|q| keep(q.started.max(q.finished)));
        self.bookmarks.retain(|_, b| keep(b.at));
        self.notes.retain(|_, n| keep(n.at));
        for mark in [&mut self.replaced_at, &mut self.reset_at]
            .into_iter()
            .flatten()
            .chain(self.cleared.values_mut())
        {
            if !keep(*mark) {
                *mark = now;
            }
        }
        count
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
            latest_wins(&mut ours.bookmarks, &other.bookmarks, |_| true);
            latest_wins(&mut ours.notes, &other.notes, |_| true);
        }

        use crate::testing::{marks, near_progress, normal_pair, without_reads};
        use proptest::prelude::*;

        /// Every entry of `side` dated after `mark` is in `m` (or, for a read, an earlier one).
        fn kept_after(
            m: &Progress,
            side: &Progress,
            mark: Option<u64>,
        ) -> Result<(), TestCaseError> {
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
}
