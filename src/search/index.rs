//! An inverted index over each question's wordings, summary, key points and answer: prefix
//! matching, one typo in longer words, and ranking by the field a term matched in. Pure.

use super::text::{tokens, words};
use super::SearchTexts;
use crate::bank::Question;
use std::borrow::Cow;
use std::collections::BTreeSet;

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
    docs: usize,
}

/// How well a query term (of `n` characters, five or more) matches `word` with one typo: a whole
/// word one edit away, or a longer word whose start is one edit away (a typo in a word still being
/// typed).
fn typo_quality(term: &str, n: usize, word: &str) -> Option<f32> {
    if word.is_ascii() && term.is_ascii() {
        // The common case, without allocating.
        let (t, w) = (term.as_bytes(), word.as_bytes());
        if w.len().abs_diff(t.len()) <= 1 && within_one_edit_of(t, w) {
            return Some(0.6);
        }
        if w.len() > t.len() && within_one_edit_of(t, &w[..t.len()]) {
            return Some(0.5);
        }
        return None;
    }
    let t: Vec<char> = term.chars().collect();
    let w: Vec<char> = word.chars().collect();
    if w.len().abs_diff(n) <= 1 && within_one_edit_of(&t, &w) {
        return Some(0.6);
    }
    if w.len() > n && within_one_edit_of(&t, &w[..n]) {
        return Some(0.5);
    }
    None
}

/// True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of
/// neighbouring characters.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    within_one_edit_of(&a, &b)
}

fn within_one_edit_of<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

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
                for (s, e) in words(text) {
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
        let (vocab, postings) = map.into_iter().unzip();
        Index {
            vocab,
            postings,
            docs: docs.len(),
        }
    }

    /// Number of distinct words.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// Finds the documents containing every term of `query` (by prefix, or with one typo in terms of
    /// five or more letters), scored by the best field each term matched in.
    pub fn search(&self, query: &str) -> Found {
        let mut terms: Vec<String> = tokens(query).collect();
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
            // Exact and prefix matches sit in one sorted range; typos need a scan.
            let start = self.vocab.partition_point(|w| w.as_str() < term.as_str());
            let mut visit = |w: usize, q: f32, matched: &mut BTreeSet<String>| {
                matched.insert(self.vocab[w].clone());
                for &(doc, field) in &self.postings[w] {
                    let s = field.weight() * q;
                    let b = &mut best[doc as usize];
                    if s > *b {
                        *b = s;
                    }
                }
            };
            let mut w = start;
            while w < self.vocab.len() && self.vocab[w].starts_with(term.as_str()) {
                let q = if self.vocab[w] == *term { 1.0 } else { 0.8 };
                visit(w, q, &mut matched);
                w += 1;
            }
            let n = term.chars().count();
            if n >= 5 {
                let end = w;
                for (i, word) in self.vocab.iter().enumerate() {
                    // Words more than one shorter can match neither way.
                    if (start..end).contains(&i) || word.len() + 1 < term.len() {
                        continue;
                    }
                    if let Some(q) = typo_quality(term, n, word) {
                        visit(i, q, &mut matched);
                    }
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

    #[test]
    fn one_edit_means_one_insertion_deletion_substitution_or_swap() {
        assert!(within_one_edit("cache", "cachy"));
        assert!(within_one_edit("cache", "cahce"));
        assert!(within_one_edit("cache", "caches"));
        assert!(!within_one_edit("cache", "catchy"));
    }
}
