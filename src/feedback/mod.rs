//! Feedback on a draft answer: which key points it makes, judged from each key point's signals
//! (the terms an interviewer listens for), and the speaking figures of a spoken one
//! ([`speech`]). Pure: no DOM, no clock.
//!
//! A key point counts as covered when one of its signals' alternatives appears in the answer,
//! word after word, each word compared in normal form (lowercase, stemmed, numbers as digits:
//! `bank::words`, the same code that normalised the signals at build time), with one typo
//! forgiven in long words. Precision comes first: a tick the app suggests must be right. So, as
//! tuned on the hand-labelled answers (`tests/feedback_quality.rs`):
//! - a one-word alternative must be long to be typo-matched ([`SINGLE_WORD_TYPO_LETTERS`]);
//! - an alternative said in a negated clause does not count (`you don't need idempotency keys`,
//!   `health checks aren't needed`): a negation within [`NEGATION_REACH`] words before or after
//!   it, with no punctuation between;
//! - a one-word alternative the build marked common (its word is in the texts of many of the
//!   bank's questions, `bank::words::COMMON_MARK`) counts only beside another alternative of the
//!   same key point: alone, `backoff` or `snapshot` says little about which point was made.

pub mod speech;

use crate::bank::words::{normal_words, Word, COMMON_MARK};
use crate::search::typo::within_one_edit;

/// Shortest normal word, in letters, that a typo may hit (the search forgives one edit from 5).
pub const TYPO_LETTERS: usize = 5;

/// Shortest word a one-word alternative typo-matches: a lone word one edit away from another
/// word is too often that other word (`token`/`taken`), while in a phrase the other words
/// vouch for it.
pub const SINGLE_WORD_TYPO_LETTERS: usize = 8;

/// How many words before or after an alternative a negation reaches (within its clause).
pub const NEGATION_REACH: usize = 3;

/// Words that negate what stands near them (normal forms; `n't` is found apart, see
/// [`is_negation`]).
const NEGATIONS: [&str; 8] = [
    "not",
    "no",
    "never",
    "cannot",
    "without",
    "unnecessary",
    "nor",
    "neither",
];

/// What the answer shows of one key point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PointFeedback {
    /// Whether its signals show it was made.
    pub covered: bool,
    /// The byte ranges of the answer's words that matched, in order, without overlaps: for
    /// highlighting in the draft. Empty when the point is not covered.
    pub ranges: Vec<(usize, usize)>,
}

/// Judges `answer` against a question's signals (`bank::Content::signals`: per key point, its
/// alternatives in normal form, words joined by spaces, a common one marked): one
/// [`PointFeedback`] per key point.
pub fn judge(answer: &str, signals: &[Vec<String>]) -> Vec<PointFeedback> {
    let words = normal_words(answer);
    let negated = negations(answer, &words);
    signals
        .iter()
        .map(|alternatives| point(&words, &negated, alternatives))
        .collect()
}

/// Whether word `i` negates: one of [`NEGATIONS`], or the `t` of `n't` (`don't`, `isn’t`).
fn is_negation(text: &str, words: &[Word], i: usize) -> bool {
    let w = &words[i];
    if NEGATIONS.contains(&w.normal.as_str()) {
        return true;
    }
    i > 0
        && w.normal == "t"
        && words[i - 1].normal.ends_with('n')
        && matches!(&text[words[i - 1].end..w.start], "'" | "\u{2019}")
}

/// Per word, whether a negation reaches it: one within [`NEGATION_REACH`] words on either side,
/// with nothing but spaces and apostrophes between (punctuation ends a clause).
fn negations(text: &str, words: &[Word]) -> Vec<bool> {
    let joined = |a: usize, b: usize| {
        !text[words[a].end..words[b].start].contains(['.', ',', ';', ':', '?', '!', '(', ')'])
    };
    let mut out = vec![false; words.len()];
    for n in (0..words.len()).filter(|&i| is_negation(text, words, i)) {
        out[n] = true;
        let mut j = n;
        while j > 0 && n - j < NEGATION_REACH && joined(j - 1, j) {
            j -= 1;
            out[j] = true;
        }
        let mut j = n;
        while j + 1 < words.len() && j - n < NEGATION_REACH && joined(j, j + 1) {
            j += 1;
            out[j] = true;
        }
    }
    out
}

/// One key point's feedback: where its alternatives match, outside negated clauses (unless the
/// alternative says the negation itself: `not encrypted`), and whether that covers it.
fn point(words: &[Word], negated: &[bool], alternatives: &[String]) -> PointFeedback {
    let mut ranges = Vec::new();
    let mut matched = 0;
    let mut strong = false;
    for alt in alternatives {
        let (common, alt) = match alt.strip_prefix(COMMON_MARK) {
            Some(rest) => (true, rest),
            None => (false, alt.as_str()),
        };
        let wanted: Vec<&str> = alt.split(' ').filter(|w| !w.is_empty()).collect();
        if wanted.is_empty() || wanted.len() > words.len() {
            continue;
        }
        let says_negation = wanted.iter().any(|w| NEGATIONS.contains(w) || *w == "t");
        let mut found = false;
        for start in 0..=words.len() - wanted.len() {
            let here = &words[start..start + wanted.len()];
            let same = here
                .iter()
                .zip(&wanted)
                .all(|(w, s)| same_word(&w.normal, s, wanted.len() == 1));
            let here_negated = (start..start + wanted.len()).any(|i| negated[i]);
            if same && (says_negation || !here_negated) {
                found = true;
                ranges.extend(here.iter().map(|w| (w.start, w.end)));
            }
        }
        if found {
            matched += 1;
            strong |= !common;
        }
    }
    let covered = strong || matched >= 2;
    if !covered {
        ranges.clear();
    }
    ranges.sort_unstable();
    ranges.dedup();
    PointFeedback { covered, ranges }
}

/// Whether an answer's word (normal form) is a signal's word: the same, or one typo away when
/// both are long plain words with the same first letter (`alone`: the signal is this one word).
pub fn same_word(word: &str, signal: &str, alone: bool) -> bool {
    if word == signal {
        return true;
    }
    let min = if alone {
        SINGLE_WORD_TYPO_LETTERS
    } else {
        TYPO_LETTERS
    };
    let plain = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase());
    plain(word)
        && plain(signal)
        && word.len() >= min
        && signal.len() >= min
        && word.as_bytes()[0] == signal.as_bytes()[0]
        && within_one_edit(word, signal)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::bank::words::normal_phrase;
    use proptest::prelude::*;

    /// Signals as the build writes them: each alternative in normal form.
    fn signals(points: &[&[&str]]) -> Vec<Vec<String>> {
        points
            .iter()
            .map(|alts| alts.iter().map(|a| normal_phrase(a)).collect())
            .collect()
    }

    fn marked<'a>(text: &'a str, f: &PointFeedback) -> Vec<&'a str> {
        f.ranges.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn a_key_point_is_covered_when_one_alternative_appears_word_after_word() {
        let s = signals(&[
            &["circuit breaker", "bulkhead", "separate pool"],
            &["exponential backoff", "jitter"],
            &["contract test"],
        ]);
        let text = "Each call gets Circuit-Breakers, and retries use exponential backoff.";
        let got = judge(text, &s);
        assert_eq!(got.len(), 3);
        assert!(got[0].covered && got[1].covered && !got[2].covered);
        assert_eq!(marked(text, &got[0]), ["Circuit", "Breakers"]);
        assert_eq!(marked(text, &got[1]), ["exponential", "backoff"]);
        assert!(got[2].ranges.is_empty());
    }

    #[test]
    fn words_out_of_order_or_apart_do_not_match() {
        let s = signals(&[&["separate pool"]]);
        assert!(!judge("a pool, kept separate", &s)[0].covered);
        assert!(!judge("separate the connection pool", &s)[0].covered);
        assert!(judge("a separate pool per dependency", &s)[0].covered);
    }

    #[test]
    fn inflections_and_number_words_match_the_base_form() {
        let s = signals(&[&["retry 3 times"], &["idempotency key"]]);
        let got = judge("I retried three times with idempotency keys", &s);
        assert!(got[0].covered && got[1].covered);
        let text = "I retried three times";
        assert_eq!(marked(text, &got[0]), ["retried", "three", "times"]);
    }

    #[test]
    fn one_typo_is_forgiven_in_long_words_of_a_phrase_and_very_long_lone_words() {
        let s = signals(&[&["exponential backoff"], &["idempotency"], &["token"]]);
        let got = judge("exponentail backoff, idempotancy, taken", &s);
        assert!(got[0].covered, "a swap in a long word of a phrase");
        assert!(got[1].covered, "a change in a lone word of 8+ letters");
        assert!(!got[2].covered, "a lone short word must be exact");
        assert!(judge("exponential backof", &signals(&[&["exponential backoff"]]))[0].covered);
    }

    #[test]
    fn typo_rules() {
        assert!(same_word("replicat", "replicat", true));
        assert!(same_word("idempotancy", "idempotency", true));
        assert!(
            !same_word("sharding", "harding", false),
            "first letter differs"
        );
        assert!(!same_word("taken", "token", true));
        assert!(same_word("timout", "timeout", false));
        assert!(
            !same_word("p95", "p99", false),
            "numbers and codes are exact"
        );
        assert!(!same_word("cach", "catch", false), "short stems are exact");
    }

    #[test]
    fn an_alternative_matched_twice_marks_both_places_and_empty_signals_cover_nothing() {
        let s = signals(&[&["jitter", "add jitter"]]);
        let text = "Add jitter. More jitter.";
        let got = judge(text, &s);
        assert_eq!(marked(text, &got[0]), ["Add", "jitter", "jitter"]);
        assert!(judge("anything", &[]).is_empty());
        assert_eq!(
            judge("anything", &[vec![], vec![String::new()]]),
            [PointFeedback::default(), PointFeedback::default()]
        );
        assert!(!judge("", &s)[0].covered);
    }

    #[test]
    fn an_alternative_in_a_negated_clause_does_not_count() {
        let s = signals(&[&["idempotency key"], &["health check"], &["not encrypted"]]);
        let text = "So you don't need idempotency keys. Health checks aren't really needed.";
        let got = judge(text, &s);
        assert!(!got[0].covered && !got[1].covered);
        let text = "Tokens are not encrypted, so never put secrets in them";
        assert!(
            judge(text, &s)[2].covered,
            "the alternative says the negation itself"
        );
        // Punctuation ends the negation's reach, and so do more than three words.
        let text = "Not a cache, an idempotency key. No, we add health checks to every node";
        let got = judge(text, &s);
        assert!(got[0].covered && got[1].covered);
        assert!(judge("never in my experience has an idempotency key", &s)[0].covered);
        assert!(!judge("we had no idempotency key", &s)[0].covered);
        assert!(!judge("we built it without idempotency keys", &s)[0].covered);
        assert!(
            !judge("the key isn’t an idempotency key", &s)[0].covered,
            "curly apostrophe"
        );
    }

    #[test]
    fn a_common_alternative_counts_only_beside_another_of_its_point() {
        // As the build writes them: `backoff` is in many questions' texts, so marked.
        let s = vec![vec![
            format!("{COMMON_MARK}backoff"),
            "jitter".to_string(),
            "retry budget".to_string(),
        ]];
        assert!(!judge("we back off with backoff", &s)[0].covered);
        assert!(judge("backoff with jitter", &s)[0].covered);
        let text = "backoff, within a retry budget";
        let got = judge(text, &s);
        assert!(got[0].covered);
        assert_eq!(marked(text, &got[0]), ["backoff", "retry", "budget"]);
        assert!(
            judge("a retry budget", &s)[0].covered,
            "an uncommon one alone is enough"
        );
        let two_common = vec![vec![
            format!("{COMMON_MARK}backoff"),
            format!("{COMMON_MARK}jitter"),
        ]];
        assert!(judge("backoff and jitter", &two_common)[0].covered);
        assert!(judge("backoff", &two_common)[0].ranges.is_empty());
    }

    proptest! {
        /// Any text, any signals: no panic, one result per key point, ranges sorted, apart, on
        /// character boundaries inside the text.
        #[test]
        fn judge_never_panics_and_ranges_are_in_the_text(
            text in ".{0,200}",
            alts in proptest::collection::vec(proptest::collection::vec("[a-zé0-9 ]{0,12}", 0..4), 0..4),
        ) {
            let s: Vec<Vec<String>> = alts.iter().map(|a| a.iter().map(|x| normal_phrase(x)).collect()).collect();
            let got = judge(&text, &s);
            prop_assert_eq!(got.len(), s.len());
            for p in got {
                prop_assert_eq!(p.covered, !p.ranges.is_empty());
                let mut last = 0;
                for (a, b) in p.ranges {
                    prop_assert!(a >= last && a < b && b <= text.len());
                    prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                    last = b;
                }
            }
        }

        /// An answer that is one signal's own wording covers its key point (padded with no
        /// negation).
        #[test]
        fn a_signal_said_verbatim_is_found(words in proptest::collection::vec("[a-z]{1,10}", 1..5), pad in "[a-m ]{0,30}") {
            let phrase = words.join(" ");
            let s = vec![vec![normal_phrase(&phrase)]];
            let text = format!("{pad} {phrase} {pad}");
            prop_assert!(judge(&text, &s)[0].covered, "{:?} in {:?}", phrase, text);
        }
    }
}
