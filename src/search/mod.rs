//! The search engine: the bank's text searched for what is typed. Pure: no DOM, no storage, and
//! nothing of the user's own marks (the list's filters by status, due date, star and note are
//! `list_view`'s, which takes its hits from here).
//!
//! - [`index`]: the inverted index and its ranking.
//! - [`text`]: words, highlighting and snippets.
//! - [`typo`]: edits between a typed term and a word.
//! - [`designs`]: which design exercises a search names.
//! - Here: the bank's own search ([`BankSearch`]), which searches the wordings compiled into the
//!   app at once and the answers' text once the search file (`bank::SEARCH_FILE`) has arrived,
//!   and how a personal note matches a search ([`note_matches`]).

pub mod designs;
pub mod index;
pub mod text;
pub mod typo;

pub use index::{Doc, Field, Found, Index};
pub use text::{highlight, query_terms, snippet, tokens, words, MAX_TERMS, MAX_TERM_CHARS};
pub use typo::within_one_edit;

use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

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

    /// The index when the search text `q` has words, else an empty one (filters alone need none).
    pub fn index_for(&self, q: &str) -> std::borrow::Cow<'_, Index> {
        if tokens(q).next().is_some() {
            std::borrow::Cow::Borrowed(self.index())
        } else {
            std::borrow::Cow::Owned(Index::build(&[]))
        }
    }

    /// What to show under a search result: the summary around a match, else the answer around a
    /// match, else nothing (the match was in a wording, or the texts have not arrived).
    pub fn snippet_for(&self, i: usize, matched: &BTreeSet<String>) -> Option<String> {
        let texts = self.texts.get()?;
        snippet(texts.summaries.get(i)?, matched, 160)
            .or_else(|| snippet(texts.bodies.get(i)?, matched, 160))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
