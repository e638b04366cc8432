//! Words of a text, and how matched words are shown: highlighted runs and a snippet around the
//! first match. Pure.
//!
//! A word is a run of letters and digits, with `+` and `#` kept when joined to it (`c++`, `c#`,
//! `n+1`): the index, the query and the highlighting all split text the same way, so "N+1" is one
//! term that finds the questions about N+1 queries rather than every text with an "n" and a "1".

use std::collections::BTreeSet;

pub use crate::bank::words::{has_joiner, parts, words};

/// Longest query term searched, in characters: longer ones are cut to this. No word of the bank is
/// near it, and a pasted blob must not cost a scan per character.
pub const MAX_TERM_CHARS: usize = 40;

/// Most terms a query searches: the first ones are kept, the rest ignored.
pub const MAX_TERMS: usize = 12;

/// What the index and notes know of `text`: each word, and after a word with joined symbols its
/// plain parts, as byte ranges in `text`.
pub fn indexed_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    words(text).flat_map(move |(s, e)| {
        std::iter::once((s, e)).chain(parts(&text[s..e]).map(move |(a, b)| (s + a, s + b)))
    })
}

/// The lowercase words of `text`.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(move |(s, e)| text[s..e].to_lowercase())
}

/// The terms a query searches, in order: its lowercase words, each cut to [`MAX_TERM_CHARS`],
/// at most [`MAX_TERMS`] of them.
pub fn query_terms(query: &str) -> Vec<String> {
    tokens(query)
        .take(MAX_TERMS)
        .map(|mut t| {
            if let Some((cut, _)) = t.char_indices().nth(MAX_TERM_CHARS) {
                t.truncate(cut);
            }
            t
        })
        .collect()
}

/// The byte ranges of `text` to mark for `matched`: each word matched whole, and within a word
/// with joined symbols that is not, its matched parts (`json` in `problem+json`).
fn marks<'a>(
    text: &'a str,
    matched: &'a BTreeSet<String>,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    words(text).flat_map(move |(s, e)| {
        let word = &text[s..e];
        let whole = matched.contains(&word.to_lowercase());
        let matched_parts = parts(word)
            .filter(move |&(a, b)| !whole && matched.contains(&word[a..b].to_lowercase()))
            .map(move |(a, b)| (s + a, s + b));
        whole.then_some((s, e)).into_iter().chain(matched_parts)
    })
}

/// Splits `text` into runs, marking the words in `matched` (compared lowercase). Rendered as text
/// nodes and `<mark>` elements, so the query never becomes HTML.
pub fn highlight<'t>(text: &'t str, matched: &BTreeSet<String>) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut last = 0;
    if matched.is_empty() {
        return vec![(text, false)];
    }
    for (s, e) in marks(text, matched) {
        if s > last {
            out.push((&text[last..s], false));
        }
        out.push((&text[s..e], true));
        last = e;
    }
    if last < text.len() {
        out.push((&text[last..], false));
    }
    out
}

/// About `max_chars` of `text` around its first matched word, with ellipses where cut; `None` when
/// no word matches.
pub fn snippet(text: &str, matched: &BTreeSet<String>, max_chars: usize) -> Option<String> {
    let (s, _) = marks(text, matched).next()?;
    let before = max_chars / 3;
    let mut start = text[..s]
        .char_indices()
        .rev()
        .nth(before)
        .map(|(i, _)| i)
        .unwrap_or(0);
    // Start at a word boundary, but only one before the match: a space found after it would put
    // the start past the match, and past the end chosen below.
    if start > 0 {
        start = text[start..s]
            .find(' ')
            .map(|i| start + i + 1)
            .unwrap_or(start);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| start + i)
        .unwrap_or(text.len());
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&i| i > s).unwrap_or(end);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    Some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn highlight_marks_matched_words_only_and_keeps_text_intact() {
        let matched: BTreeSet<String> = ["idempotency".to_string()].into();
        let runs = highlight("Why is Idempotency <b>important</b>?", &matched);
        assert_eq!(
            runs,
            vec![
                ("Why is ", false),
                ("Idempotency", true),
                (" <b>important</b>?", false)
            ]
        );
        let joined: String = runs.iter().map(|r| r.0).collect();
        assert_eq!(joined, "Why is Idempotency <b>important</b>?");
    }

    #[test]
    fn snippet_centres_on_the_first_match() {
        let matched: BTreeSet<String> = ["needle".to_string()].into();
        let text = format!("{} needle {}", "hay ".repeat(50), "straw ".repeat(50));
        let s = snippet(&text, &matched, 60).expect("match");
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("needle"),
            "{s}"
        );
        assert!(snippet("nothing here", &matched, 60).is_none());
    }

    /// A long run without spaces before the match and a space after it moved the start past the
    /// match and past the end: a slice with start after end (a panic).
    #[test]
    fn snippet_with_no_space_before_the_match_does_not_slice_past_its_end() {
        let matched: BTreeSet<String> = ["needle".to_string()].into();
        let text = format!("{}-needle {}", "x".repeat(30), "y".repeat(100));
        let s = snippet(&text, &matched, 60).expect("match");
        assert!(s.starts_with('…') && s.contains("-needle"), "{s}");
    }

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn plus_and_hash_joined_to_a_word_stay_in_it() {
        assert_eq!(
            split("N+1 queries, C++ and C#. #7 +10 W + R: problem+json, PG 12+ i++;"),
            [
                "N+1",
                "queries",
                "C++",
                "and",
                "C#",
                "7",
                "10",
                "W",
                "R",
                "problem+json",
                "PG",
                "12+",
                "i++"
            ]
        );
        assert_eq!(split("### Heading +++ # ++"), ["Heading"]);
        assert_eq!(split(".NET and node.js"), ["NET", "and", "node", "js"]);
        let text = "an N+1 trap";
        let indexed: Vec<&str> = indexed_words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(indexed, ["an", "N+1", "N", "1", "trap"]);
        assert_eq!(tokens("C# or C++").collect::<Vec<_>>(), ["c#", "or", "c++"]);
    }

    #[test]
    fn query_terms_are_cut_to_length_and_number() {
        let long = "x".repeat(5_000);
        assert_eq!(query_terms(&long), ["x".repeat(MAX_TERM_CHARS)]);
        let wide = "é".repeat(100);
        assert_eq!(query_terms(&wide)[0].chars().count(), MAX_TERM_CHARS);
        let many: Vec<String> = (0..20).map(|i| format!("w{i}")).collect();
        let terms = query_terms(&many.join(" "));
        assert_eq!(terms, many[..MAX_TERMS]);
        assert_eq!(query_terms(" JWT, N+1 "), ["jwt", "n+1"]);
    }

    #[test]
    fn words_with_symbols_highlight_whole_or_by_their_matched_parts() {
        let matched: BTreeSet<String> = ["n+1".to_string()].into();
        assert_eq!(
            highlight("Avoid N+1 queries (not N or 1).", &matched),
            vec![
                ("Avoid ", false),
                ("N+1", true),
                (" queries (not N or 1).", false)
            ]
        );
        let matched: BTreeSet<String> = ["json".to_string()].into();
        assert_eq!(
            highlight("application/problem+json", &matched),
            vec![("application/problem+", false), ("json", true)]
        );
        let matched: BTreeSet<String> = ["c++".to_string()].into();
        let text = format!(
            "{} Written in C++, mostly. {}",
            "a ".repeat(80),
            "b ".repeat(80)
        );
        let s = snippet(&text, &matched, 60).expect("match");
        assert!(s.contains("C++"), "{s}");
    }

    proptest! {
        #[test]
        fn snippet_never_panics_and_shows_the_match(
            text in "[a-c \\-é]{0,120}",
            word in "[a-c]{1,3}",
            max_chars in 0usize..80,
        ) {
            let matched: BTreeSet<String> = [word.clone()].into();
            if let Some(s) = snippet(&text, &matched, max_chars) {
                let inner = s.trim_start_matches('…').trim_end_matches('…');
                prop_assert!(text.contains(inner));
                if max_chars >= 3 * word.chars().count() + 3 {
                    prop_assert!(inner.to_lowercase().contains(&word), "{:?} in {:?}", inner, text);
                }
            }
        }

        #[test]
        fn snippet_never_panics_on_any_text(text in ".{0,200}", words in proptest::collection::btree_set(".{1,4}", 0..4), max_chars in 0usize..200) {
            let _ = snippet(&text, &words, max_chars);
            let matched: BTreeSet<String> = tokens(&text).take(2).collect();
            let _ = snippet(&text, &matched, max_chars);
        }

        #[test]
        fn highlight_preserves_text(text in ".{0,80}", word in "[a-z]{1,6}") {
            let matched: BTreeSet<String> = [word].into();
            let joined: String = highlight(&text, &matched).iter().map(|r| r.0).collect();
            prop_assert_eq!(joined, text);
        }

        /// With `+` and `#` about, marked runs stay in order, apart and within the text.
        #[test]
        fn highlight_preserves_text_with_symbols(text in "[ab1+# ]{0,60}", words in proptest::collection::btree_set("[ab1][ab1+#]{0,3}", 0..4)) {
            let runs = highlight(&text, &words);
            let joined: String = runs.iter().map(|r| r.0).collect();
            prop_assert_eq!(joined, text.clone());
            for (run, marked) in runs {
                if marked {
                    prop_assert!(words.contains(&run.to_lowercase()), "{:?} in {:?}", run, text);
                }
            }
        }
    }
}
