//! Merging copies of progress (tabs, the stored copy, import files) and the deletion marks that
//! keep a reset or a replace from being undone by an older copy.

use super::*;

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

    /// The mark that covers the quiz and interview history (and every question's reads and
    /// answers).
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
pub(super) fn latest_wins<T: Clone + Ord>(
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

impl Progress {
    /// Forgets every read mark, answer, finished quiz, mock interview and design round, here and in
    /// every copy
    /// this one is later
    /// merged with (by the mark `reset_at`, see [`Progress::merge`]), at `now` (ms). Bookmarks and
    /// notes, the user's own writing, stay.
    pub fn reset_all(&mut self, now: u64) {
        let newest = self
            .read
            .values()
            .copied()
            .chain(self.attempts.values().flatten().map(|a| a.at))
            .chain(self.quizzes.iter().map(|q| q.finished))
            .chain(self.interviews.iter().map(|i| i.finished))
            .chain(self.designs.iter().map(|d| d.at))
            .max();
        let mark = next_mark(now, newest, Marks::of(self).latest());
        self.read.clear();
        self.attempts.clear();
        self.quizzes.clear();
        self.interviews.clear();
        self.designs.clear();
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
            .chain(self.interviews.iter().map(|i| i.finished))
            .chain(self.designs.iter().map(|d| d.at))
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
    /// Without marks it is a union: of read marks (earliest time kept), of answers, of quizzes, of
    /// mock interviews and of design rounds (sorted by time, then by value; repeats dropped), and
    /// for bookmarks and notes the later change wins (a tie: the greater value).
    ///
    /// Marks (`replaced_at`, `reset_at`, `cleared`) record deletions. Each entry is covered by the
    /// latest mark that applies to it: `cleared` of its question and `reset_at` for read marks and
    /// answers, `reset_at` for quizzes, interviews and design rounds, and `replaced_at` for
    /// everything. When the two copies' marks covering an entry differ, the copy with the later one
    /// is taken as it is and the other copy adds only its entries dated after that mark (a quiz, an
    /// interview or a design round is dated by its finish): what was deleted does not come back,
    /// and what a stale tab did after the deletion survives. The result keeps the later of each
    /// mark.
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
        if ours.history() != mark {
            self.interviews.retain(|i| after(mark, i.finished));
        }
        union(&mut self.interviews, &other.interviews, &|i| {
            survives(side, mark, i.finished)
        });
        // Design rounds are history like interviews, dated by their finish.
        if ours.history() != mark {
            self.designs.retain(|d| after(mark, d.at));
        }
        union(&mut self.designs, &other.designs, &|d| {
            survives(side, mark, d.at)
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
        self.interviews.retain(|i| keep(i.started.max(i.finished)));
        self.designs.retain(|d| keep(d.at));
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
