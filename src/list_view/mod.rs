//! What the list shows: its view state in the URL ([`query`]), what the list knows of the user's
//! own relation to each question ([`UserMarks`]: status, due date, star, note), and a view's
//! questions ([`run`]: the search's hits, then the filters and the sort), the questions a quiz or
//! mock interview takes from it without searching ([`selection`]) and the chip counts
//! ([`facet_counts`]). Pure: the search engine is `search`'s; the marks come from `progress` and
//! `schedule`.

pub mod query;

pub use query::{
    decode_component, encode_component, parse_query_string, ListQuery, PersonalFilter, Sort,
};

use crate::bank::{Level, Question};
use crate::progress::Status;
use crate::search::{note_matches, tokens, BankSearch, Index};
use std::collections::BTreeSet;

/// What the list knows of the user's own relation to a question (from progress and the schedule).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UserMarks<'a> {
    /// Practice status.
    pub status: Status,
    /// Due for review by the end of today.
    pub due: bool,
    /// Starred.
    pub bookmarked: bool,
    /// The personal note, if any (searched along with the bank's text).
    pub note: Option<&'a str>,
}

impl UserMarks<'_> {
    fn has(&self, only: PersonalFilter) -> bool {
        match only {
            PersonalFilter::Due => self.due,
            PersonalFilter::Bookmarked => self.bookmarked,
            PersonalFilter::Notes => self.note.is_some(),
        }
    }
}

/// What the list shows and filters of question `id`: its status, whether it is due by `due_by`
/// (ms), starred, and its note.
pub fn user_marks<'a>(
    progress: &'a crate::progress::Progress,
    schedule: &crate::schedule::Schedule,
    due_by: u64,
    id: &str,
) -> UserMarks<'a> {
    UserMarks {
        status: progress.status(id),
        due: schedule.is_due(id, due_by),
        bookmarked: progress.is_bookmarked(id),
        note: progress.note(id),
    }
}

/// [`run`] over the real bank, with `search`'s index (its wordings until the answers' texts are
/// in).
pub fn run_bank<'a>(
    search: &BankSearch,
    query: &ListQuery,
    marks_of: &dyn Fn(&str) -> UserMarks<'a>,
) -> (Vec<usize>, BTreeSet<String>) {
    run(
        crate::bank::questions(),
        &search.index_for(&query.q),
        query,
        &search.topic_ids,
        marks_of,
    )
}

/// [`facet_counts`] over the real bank, with `search`'s index.
pub fn facet_counts_bank<'a>(
    search: &BankSearch,
    query: &ListQuery,
    marks_of: &dyn Fn(&str) -> UserMarks<'a>,
) -> (Vec<(Level, usize)>, Vec<usize>) {
    facet_counts(
        crate::bank::questions(),
        &search.index_for(&query.q),
        query,
        &search.topic_ids,
        marks_of,
    )
}

/// The questions a view shows, in order: search (ranked) when `query.q` has words, then the level
/// and topic filters, then the sort. Returns indexes into `questions`, plus the words to highlight.
pub fn run<'a>(
    questions: &[Question],
    index: &Index,
    query: &ListQuery,
    topic_order: &[&str],
    marks_of: &dyn Fn(&str) -> UserMarks<'a>,
) -> (Vec<usize>, BTreeSet<String>) {
    let searching = tokens(&query.q).next().is_some();
    let (mut shown, matched): (Vec<usize>, BTreeSet<String>) = if searching {
        let found = index.search(&query.q);
        let mut hits: Vec<usize> = found.hits.into_iter().map(|(d, _)| d).collect();
        // Questions found only through the user's own note come after the bank's matches.
        let from_notes: Vec<usize> = (0..questions.len())
            .filter(|i| !hits.contains(i))
            .filter(|&i| {
                marks_of(questions[i].id)
                    .note
                    .is_some_and(|n| note_matches(n, &query.q))
            })
            .collect();
        hits.extend(from_notes);
        (hits, found.matched)
    } else {
        ((0..questions.len()).collect(), BTreeSet::new())
    };
    arrange(questions, &mut shown, query, topic_order, marks_of);
    (shown, matched)
}

/// Keeps the questions of `shown` that pass `query`'s filters, then sorts them as it says (stable:
/// relevance, or bank order, holds within each group).
fn arrange<'a>(
    questions: &[Question],
    shown: &mut Vec<usize>,
    query: &ListQuery,
    topic_order: &[&str],
    marks_of: &dyn Fn(&str) -> UserMarks<'a>,
) {
    shown.retain(|&i| query.keeps(&questions[i], &marks_of(questions[i].id)));
    let topic_rank = |i: usize| {
        topic_order
            .iter()
            .position(|t| *t == questions[i].topics[0])
            .unwrap_or(usize::MAX)
    };
    match query.sort {
        Sort::Bank => {}
        Sort::Level => crate::order::sort_by_key(shown, |&i| questions[i].level),
        Sort::Topic => crate::order::sort_by_key(shown, |&i| topic_rank(i)),
    }
}

/// The questions a quiz or mock interview takes from list view `query`, without searching: what
/// the view's filters keep, in its order; for a search, the questions the list found
/// (`query.found`, unknown ids and repeats dropped) that still pass the filters, in the list's
/// order. A search that carries no found questions selects nothing. The same as [`run`] gives
/// the list at the moment its link was followed, but with no index: so the practice and
/// interview areas carry none (about 18 KB gzip of wasm each).
pub fn selection<'a>(
    questions: &[Question],
    query: &ListQuery,
    topic_order: &[&str],
    marks_of: &dyn Fn(&str) -> UserMarks<'a>,
) -> Vec<usize> {
    let mut shown: Vec<usize> = if query.q.trim().is_empty() {
        (0..questions.len()).collect()
    } else {
        let mut found = Vec::new();
        for id in &query.found {
            if let Some(i) = questions.iter().position(|q| q.id == id.as_str()) {
                if !found.contains(&i) {
                    found.push(i);
                }
            }
        }
        found
    };
    arrange(questions, &mut shown, query, topic_order, marks_of);
    shown
}

/// How many questions each filter chip would show, given the search text and the *other* filter.
pub fn facet_counts<'a>(
    questions: &[Question],
    index: &Index,
    query: &ListQuery,
    topic_ids: &[&str],
    marks_of: &dyn Fn(&str) -> UserMarks<'a>,
) -> (Vec<(Level, usize)>, Vec<usize>) {
    let base = ListQuery {
        levels: vec![],
        topics: vec![],
        statuses: query.statuses.clone(),
        only: query.only.clone(),
        sort: Sort::Bank,
        q: query.q.clone(),
        found: vec![],
    };
    let (candidates, _) = run(questions, index, &base, topic_ids, marks_of);
    let by_level = Level::ALL
        .iter()
        .map(|&l| {
            let n = candidates
                .iter()
                .filter(|&&i| questions[i].level == l)
                .filter(|&&i| {
                    query.topics.is_empty()
                        || questions[i]
                            .topics
                            .iter()
                            .any(|t| query.topics.iter().any(|f| f == t))
                })
                .count();
            (l, n)
        })
        .collect();
    let by_topic = topic_ids
        .iter()
        .map(|t| {
            candidates
                .iter()
                .filter(|&&i| questions[i].topics.contains(t))
                .filter(|&&i| query.levels.is_empty() || query.levels.contains(&questions[i].level))
                .count()
        })
        .collect();
    (by_level, by_topic)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
