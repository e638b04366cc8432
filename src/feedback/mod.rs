//! Feedback on a draft answer: which key points it makes, judged from each key point's signals
//! (the terms an interviewer listens for), and the speaking figures of a spoken one
//! ([`speech`]). Pure: no DOM, no clock.
//!
//! A key point counts as covered when one of its signals' alternatives appears in the answer,
//! word after word, each word compared in normal form (lowercase, stemmed, numbers as digits:
//! `bank::words`, the same code that normalised the signals at build time), with one typo
//! forgiven in long words. Precision comes first: a tick the app suggests must be right, so a
//! one-word alternative must be long to be typo-matched ([`SINGLE_WORD_TYPO_LETTERS`]).

pub mod speech;

use crate::bank::words::{normal_words, Word};
use crate::search::typo::within_one_edit;

/// Shortest normal word, in letters, that a typo may hit (the search forgives one edit from 5).
pub const TYPO_LETTERS: usize = 5;

/// Shortest word a one-word alternative typo-matches: a lone word one edit away from another
/// word is too often that other word (`token`/`taken`), while in a phrase the other words
/// vouch for it.
pub const SINGLE_WORD_TYPO_LETTERS: usize = 8;

/// What the answer shows of one key point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PointFeedback {
    /// Whether one of its signals matched.
    pub covered: bool,
    /// The byte ranges of the answer's words that matched, in order, without overlaps: for
    /// highlighting in the draft.
    pub ranges: Vec<(usize, usize)>,
}

/// Judges `answer` against a question's signals (`bank::Content::signals`: per key point, its
/// alternatives in normal form, words joined by spaces): one [`PointFeedback`] per key point.
pub fn judge(answer: &str, signals: &[Vec<String>]) -> Vec<PointFeedback> {
    let words = normal_words(answer);
    signals
        .iter()
        .map(|alternatives| point(&words, alternatives))
        .collect()
}

/// One key point's feedback: every place one of its alternatives matches.
fn point(words: &[Word], alternatives: &[String]) -> PointFeedback {
    let mut ranges = Vec::new();
    for alt in alternatives {
        let wanted: Vec<&str> = alt.split(' ').filter(|w| !w.is_empty()).collect();
        if wanted.is_empty() || wanted.len() > words.len() {
            continue;
        }
        for start in 0..=words.len() - wanted.len() {
            let here = &words[start..start + wanted.len()];
            if here
                .iter()
                .zip(&wanted)
                .all(|(w, s)| same_word(&w.normal, s, wanted.len() == 1))
            {
                ranges.extend(here.iter().map(|w| (w.start, w.end)));
            }
        }
    }
    ranges.sort_unstable();
    ranges.dedup();
    PointFeedback {
        covered: !ranges.is_empty(),
        ranges,
    }
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

        /// An answer that is one signal's own wording covers its key point.
        #[test]
        fn a_signal_said_verbatim_is_found(words in proptest::collection::vec("[a-z]{1,10}", 1..5), pad in "[a-z ]{0,30}") {
            let phrase = words.join(" ");
            let s = vec![vec![normal_phrase(&phrase)]];
            let text = format!("{pad} {phrase} {pad}");
            prop_assert!(judge(&text, &s)[0].covered, "{:?} in {:?}", phrase, text);
        }
    }
}
