//! The list's search and filters. Pure: no DOM, no storage.
//!
//! - [`query`]: the view state in the URL ([`ListQuery`]).
//! - [`index`]: the inverted index and its ranking.
//! - [`text`]: words, highlighting and snippets.
//! - [`typo`]: edits between a typed term and a word.
//! - [`designs`]: which design exercises a search names.
//! - Here: what the list shows for a view ([`run`]), the chip counts ([`facet_counts`]) and the
//!   bank's own search ([`BankSearch`]), which searches the wordings compiled into the app at once
//!   and the answers' text once the search file (`bank::SEARCH_FILE`) has arrived.

pub mod designs;
pub mod index;
pub mod query;
pub mod text;
pub mod typo;

pub use index::{Doc, Field, Found, Index};
pub use query::{
    decode_component, encode_component, parse_query_string, ListQuery, PersonalFilter, Sort,
};
pub use text::{highlight, query_terms, snippet, tokens, words, MAX_TERMS, MAX_TERM_CHARS};
pub use typo::within_one_edit;

use crate::bank::{Level, Question};
use crate::progress::Status;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

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

/// Whether every term of `query` starts a word of `note` (how a personal note matches a search).
/// The note's words are split as the bank's are, plain parts of `n+1` included.
pub fn note_matches(note: &str, query: &str) -> bool {
    let words: Vec<String> = text::indexed_words(note)
        .map(|(s, e)| note[s..e].to_lowercase())
        .collect();
    let wanted = query_terms(query);
    !wanted.is_empty()
        && wanted
            .iter()
            .all(|w| words.iter().any(|n| n.starts_with(w.as_str())))
}

/// The plain texts search indexes, one entry per question in bank order: the search file's shape
/// (written by `build.rs`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SearchTexts {
    /// Plain-text summaries.
    pub summaries: Vec<String>,
    /// Plain-text key points.
    pub key_points: Vec<Vec<String>>,
    /// Plain-text answers.
    pub bodies: Vec<String>,
}

/// Search over the real bank: the wordings at once, the answers' text once it is provided. The
/// indexes are built on first use, so listing and filtering never wait for them.
pub struct BankSearch {
    /// Topic ids in taxonomy order.
    pub topic_ids: Vec<&'static str>,
    texts: OnceLock<SearchTexts>,
    wordings: OnceLock<Index>,
    full: OnceLock<Index>,
}

/// The shared [`BankSearch`]. On the host the search texts are compiled in, so it is complete from
/// the start.
pub fn bank_search() -> &'static BankSearch {
    static DATA: OnceLock<BankSearch> = OnceLock::new();
    DATA.get_or_init(|| {
        let search = BankSearch {
            texts: OnceLock::new(),
            wordings: OnceLock::new(),
            full: OnceLock::new(),
            topic_ids: crate::bank::topics().iter().map(|t| t.id).collect(),
        };
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(text) = crate::bank::files::text(crate::bank::SEARCH_FILE) {
            if let Ok(texts) = serde_json::from_str(text) {
                search.provide(texts);
            }
        }
        search
    })
}

impl BankSearch {
    /// Takes the answers' texts (the search file), unless they do not fit this bank. Returns
    /// whether they were taken.
    pub fn provide(&self, texts: SearchTexts) -> bool {
        let n = crate::bank::questions().len();
        if texts.summaries.len() != n || texts.bodies.len() != n || texts.key_points.len() != n {
            return false;
        }
        self.texts.set(texts).is_ok()
    }

    /// Whether the answers' texts are searched (else only the wordings).
    pub fn is_complete(&self) -> bool {
        self.texts.get().is_some()
    }

    /// The index: over everything once the texts are in, else over the wordings.
    pub fn index(&self) -> &Index {
        let questions = crate::bank::questions();
        match self.texts.get() {
            Some(t) => self.full.get_or_init(|| {
                let docs: Vec<Doc> = questions
                    .iter()
                    .enumerate()
                    .map(|(i, q)| Doc::of(q, Some((t, i))))
                    .collect();
                Index::build(&docs)
            }),
            None => self.wordings.get_or_init(|| {
                let docs: Vec<Doc> = questions.iter().map(|q| Doc::of(q, None)).collect();
                Index::build(&docs)
            }),
        }
    }

    /// "Did you mean" for `query` over the index in use: see [`Index::suggest`].
    pub fn suggest(&self, query: &str) -> Option<String> {
        self.index().suggest(query)
    }

    /// The index when `query` searches, else an empty one (filters alone need none).
    fn index_for(&self, query: &ListQuery) -> std::borrow::Cow<'_, Index> {
        if tokens(&query.q).next().is_some() {
            std::borrow::Cow::Borrowed(self.index())
        } else {
            std::borrow::Cow::Owned(Index::build(&[]))
        }
    }

    /// [`run`] over the real bank.
    pub fn run<'a>(
        &self,
        query: &ListQuery,
        marks_of: &dyn Fn(&str) -> UserMarks<'a>,
    ) -> (Vec<usize>, BTreeSet<String>) {
        run(
            crate::bank::questions(),
            &self.index_for(query),
            query,
            &self.topic_ids,
            marks_of,
        )
    }

    /// [`facet_counts`] over the real bank.
    pub fn facet_counts<'a>(
        &self,
        query: &ListQuery,
        marks_of: &dyn Fn(&str) -> UserMarks<'a>,
    ) -> (Vec<(Level, usize)>, Vec<usize>) {
        facet_counts(
            crate::bank::questions(),
            &self.index_for(query),
            query,
            &self.topic_ids,
            marks_of,
        )
    }

    /// What to show under a search result: the summary around a match, else the answer around a
    /// match, else nothing (the match was in a wording, or the texts have not arrived).
    pub fn snippet_for(&self, i: usize, matched: &BTreeSet<String>) -> Option<String> {
        let texts = self.texts.get()?;
        snippet(texts.summaries.get(i)?, matched, 160)
            .or_else(|| snippet(texts.bodies.get(i)?, matched, 160))
    }
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
