//! The list's search and filters. Pure: no DOM, no storage.
//!
//! - [`query`]: the view state in the URL ([`ListQuery`]).
//! - [`index`]: the inverted index and its ranking.
//! - [`text`]: words, highlighting and snippets.
//! - [`typo`]: edits between a typed term and a word.
//! - Here: what the list shows for a view ([`run`]), the chip counts ([`facet_counts`]) and the
//!   bank's own search ([`BankSearch`]), which searches the wordings compiled into the app at once
//!   and the answers' text once the search file (`bank::SEARCH_FILE`) has arrived.

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
mod tests {
    use super::*;
    use crate::bank;
    use proptest::prelude::*;

    fn bank_index() -> &'static Index {
        bank_search().index()
    }

    fn ids_for(q: &str) -> Vec<&'static str> {
        let index = bank_index();
        let query = ListQuery {
            q: q.into(),
            ..Default::default()
        };
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        run(bank::questions(), index, &query, &topics, &|_| {
            UserMarks::default()
        })
        .0
        .into_iter()
        .map(|i| bank::questions()[i].id)
        .collect()
    }

    #[test]
    fn prefix_finds_whole_words() {
        let ids = ids_for("idempot");
        assert_eq!(ids.first(), Some(&"idempotency"), "{ids:?}");
    }

    #[test]
    fn one_typo_in_a_longer_word_is_tolerated() {
        assert_eq!(ids_for("idempotancy").first(), Some(&"idempotency"));
        assert!(ids_for("kubernetse").len() > 1, "transposition");
        // Short words that are words, or start one, match exactly or by prefix: "cap" must not
        // match "cat" etc. (see `short_typos_find_what_the_word_finds`).
        assert!(within_one_edit("cache", "cachy"));
        assert!(!within_one_edit("cache", "catchy"));
    }

    #[test]
    fn every_term_must_match() {
        let both = ids_for("jwt signature");
        assert!(both.contains(&"jwt"));
        assert!(ids_for("jwt zzzzqqq").is_empty());
    }

    #[test]
    fn empty_query_matches_everything_in_bank_order() {
        assert_eq!(ids_for("  ").len(), bank::questions().len());
        assert_eq!(ids_for("")[0], bank::questions()[0].id);
    }

    #[test]
    fn filters_combine_with_search() {
        let index = bank_index();
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let query = ListQuery {
            levels: vec![Level::Beginner],
            topics: vec!["databases".into()],
            ..Default::default()
        };
        let (shown, _) = run(bank::questions(), index, &query, &topics, &|_| {
            UserMarks::default()
        });
        assert!(!shown.is_empty());
        for i in shown {
            let q = &bank::questions()[i];
            assert_eq!(q.level, Level::Beginner);
            assert!(q.topics.contains(&"databases"));
        }
    }

    #[test]
    fn a_selection_is_what_the_list_showed_without_searching_again() {
        let index = bank_index();
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let none = |_: &str| UserMarks::default();
        let views = [
            ListQuery::default(),
            ListQuery {
                topics: vec!["databases".into()],
                sort: Sort::Level,
                ..Default::default()
            },
            ListQuery {
                q: "cache".into(),
                ..Default::default()
            },
            ListQuery {
                q: "tcp handshake".into(),
                levels: vec![Level::Beginner, Level::Intermediate],
                sort: Sort::Topic,
                ..Default::default()
            },
        ];
        for view in views {
            let (shown, _) = run(bank::questions(), index, &view, &topics, &none);
            let ids: Vec<&str> = shown.iter().map(|&i| bank::questions()[i].id).collect();
            // What the list's link carries, read back as the quiz or interview reads it.
            let carried = ListQuery::from_query_string(&view.selection_query_string(&ids), |t| {
                bank::topic(t).is_some()
            });
            assert_eq!(
                selection(bank::questions(), &carried, &topics, &none),
                shown,
                "{view:?}"
            );
        }
        // A search with nothing found, or typed by hand, selects nothing; unknown ids and
        // repeats are dropped, and the filters still hold.
        let by_hand = ListQuery {
            q: "cache".into(),
            ..Default::default()
        };
        assert!(by_hand.searches_without_found());
        assert!(selection(bank::questions(), &by_hand, &topics, &none).is_empty());
        let odd = ListQuery {
            q: "x".into(),
            levels: vec![bank::question("jwt").unwrap().level],
            found: vec!["jwt".into(), "no-such-question".into(), "jwt".into()],
            ..Default::default()
        };
        let picked = selection(bank::questions(), &odd, &topics, &none);
        assert_eq!(
            picked
                .iter()
                .map(|&i| bank::questions()[i].id)
                .collect::<Vec<_>>(),
            ["jwt"]
        );
    }

    #[test]
    fn status_filter_uses_the_given_progress() {
        let index = bank_index();
        let query = ListQuery {
            statuses: vec![Status::Knew],
            ..Default::default()
        };
        let known = |id: &str| UserMarks {
            status: if id == "jwt" {
                Status::Knew
            } else {
                Status::New
            },
            ..Default::default()
        };
        let (shown, _) = run(bank::questions(), index, &query, &[], &known);
        assert_eq!(
            shown
                .iter()
                .map(|&i| bank::questions()[i].id)
                .collect::<Vec<_>>(),
            ["jwt"]
        );
    }

    fn ids(shown: &[usize]) -> Vec<&'static str> {
        shown.iter().map(|&i| bank::questions()[i].id).collect()
    }

    #[test]
    fn personal_filters_must_all_hold() {
        let index = bank_index();
        let mine = |id: &str| UserMarks {
            due: id == "jwt" || id == "cdn",
            bookmarked: id == "jwt" || id == "caching-basics",
            note: (id == "jwt").then_some("my note"),
            ..Default::default()
        };
        let run_with = |only: Vec<PersonalFilter>| {
            let query = ListQuery {
                only,
                ..Default::default()
            };
            let mut found = ids(&run(bank::questions(), index, &query, &[], &mine).0);
            found.sort();
            found
        };
        assert_eq!(run_with(vec![PersonalFilter::Due]), ["cdn", "jwt"]);
        assert_eq!(
            run_with(vec![PersonalFilter::Bookmarked]),
            ["caching-basics", "jwt"]
        );
        assert_eq!(run_with(vec![PersonalFilter::Notes]), ["jwt"]);
        assert_eq!(
            run_with(vec![PersonalFilter::Due, PersonalFilter::Bookmarked]),
            ["jwt"]
        );
    }

    #[test]
    fn a_search_finds_questions_through_the_users_notes_after_the_banks_matches() {
        let index = bank_index();
        let mine = |id: &str| UserMarks {
            note: (id == "caching-basics")
                .then_some("Asked at Zorblax: whiteboard isolation levels"),
            ..Default::default()
        };
        let query = ListQuery {
            q: "zorbl".into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&run(bank::questions(), index, &query, &[], &mine).0),
            ["caching-basics"]
        );
        let query = ListQuery {
            q: "isolation levels".into(),
            ..Default::default()
        };
        let shown = ids(&run(bank::questions(), index, &query, &[], &mine).0);
        assert!(shown.contains(&"caching-basics"));
        assert!(note_matches("Whiteboard: ISOLATION", "isol white"));
        assert!(!note_matches("whiteboard", "isolation"));
        assert!(!note_matches("anything", "  "), "no words, no match");
    }

    #[test]
    fn sort_by_level_is_easiest_first() {
        let index = bank_index();
        let query = ListQuery {
            sort: Sort::Level,
            ..Default::default()
        };
        let (shown, _) = run(bank::questions(), index, &query, &[], &|_| {
            UserMarks::default()
        });
        let levels: Vec<Level> = shown.iter().map(|&i| bank::questions()[i].level).collect();
        let mut sorted = levels.clone();
        sorted.sort();
        assert_eq!(levels, sorted);
    }

    #[test]
    fn facet_counts_match_what_the_chip_would_show() {
        let index = bank_index();
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let query = ListQuery {
            q: "cache".into(),
            ..Default::default()
        };
        let (levels, by_topic) = facet_counts(bank::questions(), index, &query, &topics, &|_| {
            UserMarks::default()
        });
        for (level, n) in levels {
            let (shown, _) = run(
                bank::questions(),
                index,
                &query.toggle_level(level),
                &topics,
                &|_| UserMarks::default(),
            );
            assert_eq!(shown.len(), n, "{level:?}");
        }
        for (t, n) in topics.iter().zip(by_topic) {
            let (shown, _) = run(
                bank::questions(),
                index,
                &query.toggle_topic(t),
                &topics,
                &|_| UserMarks::default(),
            );
            assert_eq!(shown.len(), n, "{t}");
        }
    }

    proptest! {
        #[test]
        fn search_never_panics_and_hits_are_unique(q in ".{0,30}") {
            let index = bank_index();
            let found = index.search(&q);
            let mut ids: Vec<usize> = found.hits.iter().map(|h| h.0).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), found.hits.len());
        }
    }

    #[test]
    fn before_the_texts_arrive_the_wordings_are_searched() {
        let wordings_only = BankSearch {
            texts: OnceLock::new(),
            wordings: OnceLock::new(),
            full: OnceLock::new(),
            topic_ids: bank::topics().iter().map(|t| t.id).collect(),
        };
        let query = ListQuery {
            q: "idempotency".into(),
            ..Default::default()
        };
        let (shown, _) = wordings_only.run(&query, &|_| UserMarks::default());
        assert!(shown
            .iter()
            .any(|&i| bank::questions()[i].id == "idempotency"));
        assert!(!wordings_only.is_complete());
        assert_eq!(wordings_only.snippet_for(shown[0], &BTreeSet::new()), None);
        // Texts that do not fit the bank are refused.
        assert!(!wordings_only.provide(SearchTexts::default()));
    }

    #[test]
    fn short_typos_find_what_the_word_finds() {
        assert_eq!(ids_for("jwtt"), ids_for("jwt"));
        assert_eq!(ids_for("jwtt")[0], "jwt");
        assert_eq!(ids_for("gprc"), ids_for("grpc"));
        assert_eq!(ids_for("kafak"), ids_for("kafka"));
        assert_eq!(ids_for("redsi"), ids_for("redis"));
        assert_eq!(ids_for("tpc"), ids_for("tcp"));
        assert!(!ids_for("gprc").is_empty() && !ids_for("redsi").is_empty());
        // Real words and the starts of words are taken as typed.
        let matched = |q: &str| bank_index().search(q).matched;
        assert!(matched("cat").iter().all(|w| w.starts_with("cat")));
        assert!(
            matched("sql").iter().all(|w| w.starts_with("sql")),
            "no \"sqs\""
        );
        assert!(matched("jwt").iter().all(|w| w.starts_with("jwt")));
        assert!(
            matched("state").iter().all(|w| w.starts_with("state")),
            "no \"stale\""
        );
    }

    /// The questions whose own text says "N+1", by a plain scan of the texts.
    fn saying_n_plus_1() -> Vec<&'static str> {
        let texts = bank_search().texts.get().expect("compiled in on the host");
        bank::questions()
            .iter()
            .enumerate()
            .filter(|(i, q)| {
                let mut all = vec![q.question.to_string(), texts.summaries[*i].clone()];
                all.extend(q.also_asked_as.iter().map(|s| s.to_string()));
                all.extend(texts.key_points[*i].iter().cloned());
                all.push(texts.bodies[*i].clone());
                all.iter().any(|t| t.to_lowercase().contains("n+1"))
            })
            .map(|(_, q)| q.id)
            .collect()
    }

    #[test]
    fn n_plus_1_finds_the_questions_that_say_it_and_no_others() {
        let mut found = ids_for("N+1");
        let first = found[0];
        found.sort();
        let mut expected = saying_n_plus_1();
        expected.sort();
        assert!(
            expected.len() >= 3 && expected.contains(&"orm"),
            "{expected:?}"
        );
        assert_eq!(found, expected);
        // Ranked by where it is said: the top one says it in its summary or wording.
        let i = bank::questions()
            .iter()
            .position(|q| q.id == first)
            .unwrap();
        let summary = &bank_search().texts.get().unwrap().summaries[i];
        assert!(summary.contains("N+1") || bank::questions()[i].question.contains("N+1"));
        assert_eq!(ids_for("n+1 queries")[0], "query-optimization");
        // "1" and "n" alone search as before, the N+1 questions among what they find.
        for q in ["1", "n"] {
            let plain = ids_for(q);
            assert!(plain.len() > 50, "{q}: {}", plain.len());
            assert!(expected.iter().all(|id| plain.contains(id)), "{q}");
        }
        assert_eq!(ids_for("C#")[0], "backend-languages");
    }

    #[test]
    fn a_huge_word_or_many_terms_are_cut_and_answered_at_once() {
        let start = std::time::Instant::now();
        for q in [
            "x".repeat(5_000),
            format!("idempotency{}", "y".repeat(5_000)),
            "é".repeat(5_000),
            "kubernetes ".repeat(1_000),
        ] {
            let found = bank_index().search(&q);
            assert!(found.matched.iter().all(|w| w.chars().count() <= 60));
            assert_eq!(bank_index().suggest(&q), None);
            if q.starts_with('k') {
                assert!(!found.hits.is_empty(), "one term, repeated");
            } else {
                assert!(found.hits.is_empty(), "{}", &q[..20]);
            }
        }
        assert!(start.elapsed().as_millis() < 200, "{:?}", start.elapsed());
        // Twelve terms count; the thirteenth ("zzzzqqq", found nowhere) is ignored.
        let twelve = format!("jwt {}", "token ".repeat(11));
        assert_eq!(ids_for(&format!("{twelve} zzzzqqq")), ids_for(&twelve));
        assert!(ids_for(&format!("zzzzqqq {twelve}")).is_empty());
    }

    #[test]
    fn did_you_mean_corrects_the_terms_that_match_nothing_as_typed() {
        let search = bank_search();
        // Found through typos already; the suggestion spells it out.
        assert_eq!(
            search.suggest("idempotncy keys").as_deref(),
            Some("idempotency keys")
        );
        assert_eq!(
            search.suggest("kuberntes deploymnt").as_deref(),
            Some("kubernetes deployment")
        );
        // Two typos in a word: nothing found, the suggestion finds it.
        assert!(ids_for("idmpotncy keys").is_empty());
        assert_eq!(
            search.suggest("IDMPOTNCY keys").as_deref(),
            Some("idempotency keys")
        );
        assert_eq!(
            search.suggest("kubrntes deploymnt").as_deref(),
            Some("kubernetes deployment")
        );
        assert_eq!(search.suggest("jwtt").as_deref(), Some("jwt"));
        assert_eq!(
            search.suggest("N+1 qeuries").as_deref(),
            Some("n+1 queries")
        );
        // Nothing to correct, nothing close, or a correction that finds nothing.
        assert_eq!(search.suggest("jwt"), None);
        assert_eq!(search.suggest("idempot keys"), None);
        assert_eq!(search.suggest(""), None);
        assert_eq!(search.suggest("zzzzqqq"), None);
        assert_eq!(search.suggest("jwt zzzzqqq"), None);
        assert_eq!(search.suggest("c++"), None);
    }

    /// 1,000 searches with typos of every kind over the real bank, in a debug build: the typo
    /// scans stay cheap (measured about 0.08 s; the bound leaves room for a busy machine).
    #[test]
    fn a_thousand_typo_searches_take_well_under_a_second() {
        const MIXED: &[&str] = &[
            "jwtt",
            "gprc",
            "kafak",
            "redsi",
            "idempotancy",
            "kuberntes deploymnt",
            "cache evcition",
            "N+1 qeuries",
            "htp",
            "zzzqqq",
        ];
        let index = bank_index();
        let start = std::time::Instant::now();
        let mut hits = 0;
        for i in 0..1_000 {
            hits += index.search(MIXED[i % MIXED.len()]).hits.len();
        }
        let took = start.elapsed();
        assert!(hits > 0);
        assert!(took.as_millis() < 1_000, "{took:?}");
    }
}
