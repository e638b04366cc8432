//! An inverted index over each question's wordings, summary, key points and answer: prefix
//! matching, one typo where it is unambiguous, ranking by the field a term matched in, and "did
//! you mean" for terms that match nothing as typed. Pure.

use super::text::{has_joiner, indexed_words, query_terms};
use super::typo::{char_mask, may_be_within, one_edit, one_edit_str, Distance, Edit, JOINED};
use super::SearchTexts;
use crate::bank::Question;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;

/// Where a word was found; a higher rank outranks any number of lower ones for the same term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The answer text.
    Body = 1,
    /// The key points.
    KeyPoints = 2,
    /// The 20-second summary.
    Summary = 3,
    /// The question or one of its other wordings.
    Wording = 4,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Body => 1.0,
            Field::KeyPoints => 3.0,
            Field::Summary => 4.0,
            Field::Wording => 10.0,
        }
    }
}

/// The searchable text of one document.
pub struct Doc<'a> {
    /// The question and its other wordings.
    pub wordings: Vec<&'a str>,
    /// The summary.
    pub summary: Cow<'a, str>,
    /// The key points.
    pub key_points: Vec<Cow<'a, str>>,
    /// The answer.
    pub body: Cow<'a, str>,
}

impl<'a> Doc<'a> {
    /// The searchable text of question `q`: its wordings, and its texts when the search file has
    /// arrived (`texts` holds them at the question's place in the bank).
    pub fn of(q: &'a Question, texts: Option<(&'a SearchTexts, usize)>) -> Self {
        let mut wordings = vec![q.question];
        wordings.extend(q.also_asked_as.iter().copied());
        match texts {
            Some((t, i)) => Doc {
                wordings,
                summary: Cow::Borrowed(t.summaries.get(i).map_or("", String::as_str)),
                key_points: t
                    .key_points
                    .get(i)
                    .map(|k| k.iter().map(|s| Cow::Borrowed(s.as_str())).collect())
                    .unwrap_or_default(),
                body: Cow::Borrowed(t.bodies.get(i).map_or("", String::as_str)),
            },
            None => Doc {
                wordings,
                summary: Cow::Borrowed(""),
                key_points: vec![],
                body: Cow::Borrowed(""),
            },
        }
    }
}

/// An inverted index: every distinct word, sorted, with the documents (and best field) it is in.
#[derive(Clone)]
pub struct Index {
    vocab: Vec<String>,
    postings: Vec<Vec<(u32, Field)>>,
    /// The first characters of the words, each once, sorted: where a typo in a term's first
    /// character may lead.
    initials: Vec<char>,
    /// Each word's characters as a set ([`char_mask`]): rules most words out of a typo scan or "did
    /// you mean" at the cost of one comparison.
    masks: Vec<u64>,
    docs: usize,
}

/// How well a query term matches `word` with one typo: a whole word one edit away, or a longer
/// word whose start is one edit away (a typo in a word still being typed).
fn typo_quality(term: &str, n: usize, word: &str) -> Option<f32> {
    if word.is_ascii() && term.is_ascii() {
        // The common case, without allocating.
        let (t, w) = (term.as_bytes(), word.as_bytes());
        if w.len().abs_diff(t.len()) <= 1 && one_edit(t, w).is_some() {
            return Some(0.6);
        }
        if w.len() > t.len() && one_edit(t, &w[..t.len()]).is_some() {
            return Some(0.5);
        }
        return None;
    }
    let t: Vec<char> = term.chars().collect();
    let w: Vec<char> = word.chars().collect();
    if w.len().abs_diff(n) <= 1 && one_edit(&t, &w).is_some() {
        return Some(0.6);
    }
    if w.len() > n && one_edit(&t, &w[..n]).is_some() {
        return Some(0.5);
    }
    None
}

/// Shortest term a typo is forgiven in: one or two characters are one edit from dozens of words.
const MIN_TYPO_CHARS: usize = 3;

/// Longest term whose typo must keep the first character and be unambiguous (see
/// [`Index::typo_matches`]); "did you mean" allows such terms one edit, not two.
const STRICT_TYPO_CHARS: usize = 4;

/// Longest term never corrected when it matches a word as typed (see [`Index::typo_matches`]).
const GATED_TYPO_CHARS: usize = 5;

/// Most words a short term (3–4 characters) may stand for: more, equally likely, and the typo is
/// ambiguous.
const MAX_SHORT_CANDIDATES: usize = 2;

/// The outcome of a search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Matching document indexes with their scores, best first (ties keep document order).
    pub hits: Vec<(usize, f32)>,
    /// Every vocabulary word that matched a query term: what to highlight.
    pub matched: BTreeSet<String>,
}

impl Index {
    /// Builds the index over `docs`.
    pub fn build(docs: &[Doc<'_>]) -> Index {
        // One map lookup per token, allocating only for words not seen before; documents are
        // visited in order, so each posting list comes out sorted by document.
        let mut map: std::collections::BTreeMap<String, Vec<(u32, Field)>> = Default::default();
        let mut word = String::new();
        for (i, d) in docs.iter().enumerate() {
            let i = i as u32;
            let mut add = |text: &str, field: Field| {
                for (s, e) in indexed_words(text) {
                    word.clear();
                    let raw = &text[s..e];
                    if raw.is_ascii() {
                        word.extend(raw.bytes().map(|b| b.to_ascii_lowercase() as char));
                    } else {
                        word.push_str(&raw.to_lowercase());
                    }
                    let postings = match map.get_mut(word.as_str()) {
                        Some(p) => p,
                        None => map.entry(word.clone()).or_default(),
                    };
                    match postings.last_mut() {
                        Some((doc, best)) if *doc == i => *best = (*best).max(field),
                        _ => postings.push((i, field)),
                    }
                }
            };
            for w in &d.wordings {
                add(w, Field::Wording);
            }
            add(&d.summary, Field::Summary);
            for k in &d.key_points {
                add(k, Field::KeyPoints);
            }
            add(&d.body, Field::Body);
        }
        let (vocab, postings): (Vec<String>, _) = map.into_iter().unzip();
        let mut initials: Vec<char> = vocab.iter().filter_map(|w| w.chars().next()).collect();
        initials.dedup();
        let masks = vocab.iter().map(|w| char_mask(w)).collect();
        Index {
            vocab,
            postings,
            initials,
            masks,
            docs: docs.len(),
        }
    }

    /// Number of distinct words.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// The words starting with `prefix`: one sorted range.
    fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.vocab.partition_point(|w| w.as_str() < prefix);
        let len = self.vocab[start..].partition_point(|w| w.starts_with(prefix));
        start..start + len
    }

    /// The words `term` matches as typed, each with its quality: itself (1.0) and the words it
    /// starts (0.8). A plain term matches plain words only: the parts of `c++` or `n+1` are words
    /// of their own, so no document is lost, and "c" does not mark "C++" whole.
    fn as_typed(&self, term: &str) -> impl Iterator<Item = (usize, f32)> + '_ {
        let plain = !has_joiner(term);
        let exact = term.to_string();
        self.prefix_range(term)
            .filter(move |&w| !(plain && has_joiner(&self.vocab[w])))
            .map(move |w| (w, if self.vocab[w] == exact { 1.0 } else { 0.8 }))
    }

    /// How many documents word `w` finds when searched as typed (itself and the words it starts):
    /// how likely a correction to it is meant.
    fn reach(&self, w: usize) -> usize {
        let mut docs: Vec<u32> = self
            .as_typed(&self.vocab[w])
            .flat_map(|(v, _)| self.postings[v].iter().map(|p| p.0))
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs.len()
    }

    /// The words `term` (plain, `n` characters) may stand for through one typo, with their quality.
    /// `typed` is whether it matched any word as typed. The rule:
    ///
    /// - 1–2 characters: never (each is one edit from dozens of words).
    /// - 3–5 characters: never when the term matched as typed, being a word or the start of one
    ///   ("jwt", "sql", "cat" for "catalog"): its one-edit neighbours ("jws", "sqs", "cap") are
    ///   other words, not typos.
    /// - 3–4 characters: whole words of 3 or more characters, one edit away, with the same first
    ///   character; for 3 characters only a swap or a missing character ("jtw" → "jwt", "htp" →
    ///   "http"), since a changed one reaches too many ("foo" → "for"). Of these only the word(s)
    ///   that find the most documents (see [`Index::reach`]), none when more than
    ///   [`MAX_SHORT_CANDIDATES`] tie, each matched as if typed: "jwtt" → "jwt" (and "jwts",
    ///   which it starts; "jwts" alone finds fewer), "gprc" → "grpc".
    /// - 5 characters or more: any word one edit away, or a longer word whose start is one edit
    ///   away (a typo in a word still being typed): "kafak" → "kafka", "redsi" → "redis". From 6
    ///   characters this holds even for a term that is a word, as it always has: long words one
    ///   edit apart are mostly forms of one word ("caches", "cached").
    ///
    /// Words with joined symbols are never reached by a typo: a plain term stands for a plain word.
    fn typo_matches(&self, term: &str, n: usize, typed: bool) -> Vec<(usize, f32)> {
        if n < MIN_TYPO_CHARS || (typed && n <= GATED_TYPO_CHARS) {
            return vec![];
        }
        let first = term.chars().next().map_or(0, char::len_utf8);
        if n <= STRICT_TYPO_CHARS {
            // The first character is kept: the words to try are one sorted range.
            let mut found: Vec<(usize, usize)> = self
                .prefix_range(&term[..first])
                .filter(|&w| {
                    let word = &self.vocab[w];
                    let len = word.chars().count();
                    len >= MIN_TYPO_CHARS && len.abs_diff(n) <= 1 && !has_joiner(word)
                })
                .filter(|&w| match one_edit_str(term, &self.vocab[w]) {
                    Some(Edit::Changed) => n > MIN_TYPO_CHARS,
                    Some(Edit::Same) | None => false,
                    Some(_) => true,
                })
                .map(|w| (w, self.reach(w)))
                .collect();
            let most = found.iter().map(|f| f.1).max().unwrap_or(0);
            found.retain(|f| f.1 == most);
            if found.len() > MAX_SHORT_CANDIDATES {
                return vec![];
            }
            // Matched as if typed so: "jwtt" stands for "jwt", which also starts "jwts".
            return found
                .into_iter()
                .flat_map(|(w, _)| self.as_typed(&self.vocab[w]).map(|(v, q)| (v, q * 0.6)))
                .collect();
        }
        let exact = self.prefix_range(term);
        let mask = char_mask(term);
        let mut found = vec![];
        for w in self.typo_candidates(term).into_iter().flatten() {
            let word = &self.vocab[w];
            // Cheap cuts first: too short either way (byte lengths bound character lengths from
            // above), more than one of the term's characters missing (one edit drops at most one;
            // extra characters are fine, a longer word may start with the term), symbols, or
            // matched as typed.
            if word.len() + 1 < n
                || (mask & !self.masks[w]).count_ones() > 1
                || self.masks[w] & JOINED != 0
                || exact.contains(&w)
            {
                continue;
            }
            if let Some(q) = typo_quality(term, n, word) {
                found.push((w, q));
            }
        }
        found
    }

    /// Where the words that may be one edit from `term` (n ≥ 2 characters), or start one edit
    /// from it, lie: disjoint ranges of the sorted vocabulary, read by binary search instead of a
    /// scan of it all (a superset, checked by the caller). Words sharing the term's first
    /// character are one range. If the first characters differ, the edit is at the start: a swap
    /// of the first two or a missing first character (the word starts with the term's second
    /// character), a changed first character (the word starts with `c` + the term's rest) or an
    /// extra one in the word (`c` + the term but its last character), for each first character
    /// `c` of the vocabulary.
    fn typo_candidates(&self, term: &str) -> Vec<Range<usize>> {
        let mut chars = term.chars();
        let (Some(c0), Some(c1)) = (chars.next(), chars.next()) else {
            return vec![];
        };
        let rest = &term[c0.len_utf8()..];
        let but_last = &term[..term.len() - term.chars().next_back().map_or(0, char::len_utf8)];
        let mut found = vec![self.prefix_range(&term[..c0.len_utf8()])];
        if c1 != c0 {
            found.push(self.prefix_range(&rest[..c1.len_utf8()]));
        }
        let mut prefix = String::new();
        for &c in self.initials.iter().filter(|&&c| c != c0 && c != c1) {
            let [a, b] = [rest, but_last].map(|tail| {
                prefix.clear();
                prefix.push(c);
                prefix.push_str(tail);
                self.prefix_range(&prefix)
            });
            // Ranges of prefixes are nested or apart.
            if a.start < b.end && b.start < a.end {
                found.push(a.start.min(b.start)..a.end.max(b.end));
            } else {
                found.extend([a, b]);
            }
        }
        found.retain(|r| !r.is_empty());
        found
    }

    /// Finds the documents containing every term of `query` (as typed: whole or by prefix; else
    /// through one typo, see [`Index::typo_matches`]), scored by the best field each term matched
    /// in. Terms are cut to
    /// [`MAX_TERM_CHARS`](super::text::MAX_TERM_CHARS) characters, and only the first
    /// [`MAX_TERMS`](super::text::MAX_TERMS) count.
    pub fn search(&self, query: &str) -> Found {
        let mut terms = query_terms(query);
        crate::order::sort_dedup(&mut terms);
        if terms.is_empty() {
            return Found::default();
        }
        let mut total = vec![0.0f32; self.docs];
        let mut matched_terms = vec![0u16; self.docs];
        let mut best = vec![0.0f32; self.docs];
        let mut matched = BTreeSet::new();
        for term in &terms {
            best.iter_mut().for_each(|b| *b = 0.0);
            let mut visit = |w: usize, q: f32| {
                matched.insert(self.vocab[w].clone());
                for &(doc, field) in &self.postings[w] {
                    let s = field.weight() * q;
                    let b = &mut best[doc as usize];
                    if s > *b {
                        *b = s;
                    }
                }
            };
            let mut typed = false;
            for (w, q) in self.as_typed(term) {
                visit(w, q);
                typed = true;
            }
            // A typo in a term with symbols ("n+2" for "n+1") is another term, not a typo.
            if !has_joiner(term) {
                for (w, q) in self.typo_matches(term, term.chars().count(), typed) {
                    visit(w, q);
                }
            }
            for d in 0..self.docs {
                if best[d] > 0.0 {
                    total[d] += best[d];
                    matched_terms[d] += 1;
                }
            }
        }
        let need = terms.len() as u16;
        let mut hits: Vec<(usize, f32)> = (0..self.docs)
            .filter(|&d| matched_terms[d] == need)
            .map(|d| (d, total[d]))
            .collect();
        crate::order::sort_by(&mut hits, &|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Found { hits, matched }
    }

    /// "Did you mean": `query` with each term that matches no word as typed (nothing at all, or
    /// only through a typo) replaced by the closest word, when that corrected query finds
    /// something. The closest word is the one the fewest edits away (at most one for terms of 3–4
    /// characters, where two reach almost anything, and two for longer ones), ties going to the
    /// word in more documents, then to the first in order. Terms of 1–2 characters and terms with
    /// symbols are kept as typed. `None` when every term matches as typed, no word is close
    /// enough, or the corrected query finds nothing.
    pub fn suggest(&self, query: &str) -> Option<String> {
        let terms = query_terms(query);
        let mut changed = false;
        let corrected: Vec<&str> = terms
            .iter()
            .map(|t| match self.closest(t) {
                Some(w) if w != t => {
                    changed = true;
                    w
                }
                _ => t.as_str(),
            })
            .collect();
        let corrected = corrected.join(" ");
        (changed && !self.search(&corrected).hits.is_empty()).then_some(corrected)
    }

    /// The word `term` most likely stands for, when it matches none as typed (see
    /// [`Index::suggest`]).
    fn closest(&self, term: &str) -> Option<&str> {
        let n = term.chars().count();
        if n < MIN_TYPO_CHARS || has_joiner(term) || self.as_typed(term).next().is_some() {
            return None;
        }
        let max = if n <= STRICT_TYPO_CHARS { 1 } else { 2 };
        let t: Vec<char> = term.chars().collect();
        let ascii = term.is_ascii();
        let mask = char_mask(term);
        let mut distance = Distance::default();
        let mut w_chars = Vec::new();
        // The words fewest edits away, in vocabulary order.
        let mut nearest: (usize, Vec<usize>) = (max + 1, vec![]);
        for (i, word) in self.vocab.iter().enumerate() {
            // Byte lengths bound character lengths from above (and are them for ASCII words): a
            // cheap first cut.
            let bound = nearest.0.min(max);
            if word.len() + max < n
                || (word.is_ascii() && word.len() > n + max)
                || !may_be_within(mask, self.masks[i], bound)
                || self.masks[i] & JOINED != 0
            {
                continue;
            }
            let d = if ascii && word.is_ascii() {
                distance.within(term.as_bytes(), word.as_bytes(), bound)
            } else {
                w_chars.clear();
                w_chars.extend(word.chars());
                distance.within(&t, &w_chars, bound)
            };
            match d {
                Some(d) if d < nearest.0 => nearest = (d, vec![i]),
                Some(d) if d == nearest.0 => nearest.1.push(i),
                _ => {}
            }
        }
        // Ties go to the word that finds more documents, then to the first (max_by_key keeps the
        // last of equals, so the candidates are visited in reverse).
        let best = nearest.1.into_iter().rev().max_by_key(|&i| self.reach(i))?;
        Some(self.vocab[best].as_str())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn doc<'a>(wording: &'a str, summary: &'a str, body: &'a str) -> Doc<'a> {
        Doc {
            wordings: vec![wording],
            summary: summary.into(),
            key_points: vec![],
            body: body.into(),
        }
    }

    #[test]
    fn wording_outranks_summary_outranks_body() {
        let docs = vec![
            doc("alpha", "beta", "gamma zebra"),
            doc("alpha", "zebra", "gamma"),
            doc("zebra", "beta", "gamma"),
        ];
        let index = Index::build(&docs);
        let order: Vec<usize> = index.search("zebra").hits.iter().map(|h| h.0).collect();
        assert_eq!(order, vec![2, 1, 0]);
    }

    #[test]
    fn alternate_wordings_rank_like_the_question() {
        let docs = vec![
            doc("first", "something", "rest rest rest"),
            Doc {
                wordings: vec!["second", "What is REST?"],
                summary: "x".into(),
                key_points: vec![],
                body: "y".into(),
            },
        ];
        let index = Index::build(&docs);
        assert_eq!(index.search("rest").hits[0].0, 1);
    }

    /// One document per text, each text its wording.
    fn index_of(texts: &[&'static str]) -> Index {
        let docs: Vec<Doc> = texts.iter().map(|t| doc(t, "", "")).collect();
        Index::build(&docs)
    }

    /// The words a search for `q` matched.
    fn matched(index: &Index, q: &str) -> Vec<String> {
        index.search(q).matched.into_iter().collect()
    }

    const SHORT_WORDS: &[&str] = &[
        "jwt tokens",
        "jwts in cookies",
        "grpc streams",
        "cap theorem",
        "cdn edges",
        "sql joins",
        "sqs queues",
        "catalog tables",
        "redis keys",
        "kafka topics",
        "http caching",
        "go services",
    ];

    #[test]
    fn a_typo_in_a_short_term_is_forgiven_where_unambiguous() {
        let index = index_of(SHORT_WORDS);
        // 4 characters: an extra, a swapped, a missing or a changed letter.
        assert_eq!(
            matched(&index, "jwtt"),
            ["jwt", "jwts"],
            "as if \"jwt\" was typed"
        );
        assert_eq!(matched(&index, "gprc"), ["grpc"]);
        assert_eq!(matched(&index, "kfka"), ["kafka"]);
        assert_eq!(matched(&index, "grpx"), ["grpc"]);
        // 3 characters: a swap or a missing letter.
        assert_eq!(matched(&index, "jtw"), ["jwt", "jwts"]);
        assert_eq!(matched(&index, "htp"), ["http"]);
        // 5 characters: as longer terms.
        assert_eq!(matched(&index, "redsi"), ["redis"]);
        assert_eq!(matched(&index, "kafak"), ["kafka"]);
        // The document of the corrected word ranks like it, a little lower.
        let found = index.search("gprc");
        assert_eq!(found.hits, vec![(2, 6.0)]);
    }

    #[test]
    fn a_short_term_that_is_a_word_or_starts_one_is_never_corrected() {
        let index = index_of(SHORT_WORDS);
        assert_eq!(
            matched(&index, "jwt"),
            ["jwt", "jwts"],
            "not \"jws\" or others"
        );
        assert_eq!(matched(&index, "sql"), ["sql"], "not \"sqs\"");
        assert_eq!(matched(&index, "sqs"), ["sqs"], "not \"sql\"");
        assert_eq!(
            matched(&index, "cat"),
            ["catalog"],
            "not \"cap\" or \"cdn\""
        );
        assert_eq!(matched(&index, "cap"), ["cap"], "not \"catalog\"");
    }

    #[test]
    fn short_typos_stop_where_they_would_guess() {
        let index = index_of(SHORT_WORDS);
        // 1–2 characters: never ("og" is a swap of "go").
        assert!(index.search("og").hits.is_empty());
        assert!(index.search("x").hits.is_empty());
        // 3 characters: a changed letter reaches too many words.
        let without_catalog = index_of(&["cap theorem", "cdn edges"]);
        assert!(without_catalog.search("cat").hits.is_empty());
        assert!(index.search("sqx").hits.is_empty());
        // 3–4 characters: the first letter must be right.
        assert!(index.search("rgpc").hits.is_empty());
        assert!(index.search("wjt").hits.is_empty());
        // Three words equally likely: ambiguous.
        let three = index_of(&["bead", "bear", "beat"]);
        assert!(three.search("beax").hits.is_empty());
        let two = index_of(&["bead", "bear"]);
        assert_eq!(matched(&two, "beax"), ["bead", "bear"]);
        // Of several, the word that finds the most documents.
        let skewed = index_of(&["bead", "bear", "bear", "beat"]);
        assert_eq!(matched(&skewed, "beax"), ["bear"]);
        // A typo never reaches a word with symbols, nor starts from a term with them.
        let symbols = index_of(&["c++ templates", "n+1 queries", "n+2 spares"]);
        assert!(symbols.search("c+++").hits.is_empty());
        assert_eq!(matched(&symbols, "n+1"), ["n+1"]);
        assert!(symbols.search("n+3").hits.is_empty());
    }

    #[test]
    fn words_with_symbols_are_terms_of_their_own() {
        let index = index_of(&[
            "n+1 queries",
            "one n and 1 apart",
            "c++ or c#",
            "a c compiler",
        ]);
        let ids = |q: &str| -> Vec<usize> { index.search(q).hits.iter().map(|h| h.0).collect() };
        assert_eq!(ids("N+1"), [0]);
        assert_eq!(ids("c++"), [2]);
        assert_eq!(ids("C#"), [2]);
        // The parts are still words: "n" and "1" find both documents, as before.
        assert_eq!(ids("1"), [0, 1]);
        assert_eq!(ids("n 1"), [0, 1]);
        assert_eq!(ids("c"), [2, 3]);
        // A plain term marks the plain part, not the word with symbols.
        assert_eq!(matched(&index, "c"), ["c", "compiler"]);
        assert_eq!(
            matched(&index, "n+"),
            ["n+1"],
            "a symbol term still matches by prefix"
        );
    }

    /// Reading typo candidates from sorted ranges finds what a scan of the whole vocabulary finds.
    #[test]
    fn typo_candidates_miss_nothing_a_full_scan_finds() {
        let index = crate::search::bank_search().index();
        let mut checked = 0;
        for word in index.vocab.iter().step_by(61) {
            let w: Vec<char> = word.chars().collect();
            if w.len() < 5 || has_joiner(word) {
                continue;
            }
            let s = |v: &[char]| v.iter().collect::<String>();
            let typos = [
                s(&w[1..]),
                format!("x{}", s(&w[1..])),
                format!("q{word}"),
                s(&[&w[1..2], &w[..1], &w[2..]].concat()),
                s(&[&w[..2], &w[3..]].concat()),
            ];
            for term in typos {
                let n = term.chars().count();
                if n <= STRICT_TYPO_CHARS {
                    continue;
                }
                let exact = index.prefix_range(&term);
                let scan: Vec<usize> = (0..index.vocab.len())
                    .filter(|i| !exact.contains(i) && !has_joiner(&index.vocab[*i]))
                    .filter(|&i| typo_quality(&term, n, &index.vocab[i]).is_some())
                    .collect();
                let mut fast: Vec<usize> = index
                    .typo_matches(&term, n, false)
                    .into_iter()
                    .map(|m| m.0)
                    .collect();
                fast.sort_unstable();
                assert_eq!(fast, scan, "{term:?}");
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    }
}
