//! Words of a text, and how matched words are shown: highlighted runs and a snippet around the
//! first match. Pure.

use std::collections::BTreeSet;

/// Lowercase alphanumeric words of `text`, with their byte ranges in `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// The lowercase words of `text`.
pub fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(move |(s, e)| text[s..e].to_lowercase())
}

/// Splits `text` into runs, marking the words in `matched` (compared lowercase). Rendered as text
/// nodes and `<mark>` elements, so the query never becomes HTML.
pub fn highlight<'t>(text: &'t str, matched: &BTreeSet<String>) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut last = 0;
    if matched.is_empty() {
        return vec![(text, false)];
    }
    for (s, e) in words(text) {
        if matched.contains(&text[s..e].to_lowercase()) {
            if s > last {
                out.push((&text[last..s], false));
            }
            out.push((&text[s..e], true));
            last = e;
        }
    }
    if last < text.len() {
        out.push((&text[last..], false));
    }
    out
}

/// About `max_chars` of `text` around its first matched word, with ellipses where cut; `None` when
/// no word matches.
pub fn snippet(text: &str, matched: &BTreeSet<String>, max_chars: usize) -> Option<String> {
    let (s, _) = words(text).find(|&(s, e)| matched.contains(&text[s..e].to_lowercase()))?;
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
    }
}
