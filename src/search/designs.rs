//! The list's search over the design exercises: a search for "rate limiter" or "url shortner"
//! also offers the worked designs it names. Sixteen short texts (title, summary, topic names):
//! matched directly, with no index.

use super::text::{query_terms, tokens};
use super::typo::within_one_edit;
use crate::bank::designs::Design;

/// Whether the typed `term` matches `word`: a prefix of it (from 2 characters, so "rat" finds
/// "rate"), or the word itself with one typo (from 4 characters, as the question search forgives).
fn term_matches(term: &str, word: &str) -> bool {
    (term.chars().count() >= 2 && word.starts_with(term))
        || (term.chars().count() >= 4 && within_one_edit(term, word))
}

/// The designs among `designs` that every term of `query` matches (in the title, the summary or
/// a topic's name), in their order. An empty query matches none: the list shows designs only for
/// a search.
pub fn matching<'a>(designs: &'a [Design], query: &str) -> Vec<&'a Design> {
    let terms = query_terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    designs
        .iter()
        .filter(|d| {
            let mut words: Vec<String> = tokens(d.title).chain(tokens(d.summary)).collect();
            for t in d.topic_list() {
                words.extend(tokens(t.name));
            }
            terms
                .iter()
                .all(|term| words.iter().any(|w| term_matches(term, w)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::designs::designs;

    fn ids(query: &str) -> Vec<&'static str> {
        matching(designs(), query).iter().map(|d| d.id).collect()
    }

    #[test]
    fn a_search_finds_the_designs_it_names() {
        assert!(ids("url shortener").contains(&"url-shortener"));
        assert!(ids("rate limiter").contains(&"rate-limiter-service"));
        assert!(ids("Leaderboard").contains(&"leaderboard-top-k"));
        assert!(ids("chat presence").contains(&"chat-with-presence"));
    }

    #[test]
    fn typos_and_prefixes_are_forgiven_as_in_the_question_search() {
        assert!(ids("url shortner").contains(&"url-shortener"));
        assert!(ids("crawl").contains(&"web-crawler"));
    }

    #[test]
    fn every_term_must_match_and_an_empty_query_shows_none() {
        assert!(ids("url shortener zebra").is_empty());
        assert!(ids("").is_empty());
        assert!(ids("   ").is_empty());
        assert!(ids("x").is_empty(), "one letter prefixes nothing");
    }
}
