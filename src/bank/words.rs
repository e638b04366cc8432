//! The words of a text: where each one is (the tokenizer the search and the key-point matcher
//! share), and the normal form the matcher compares (lowercase, stemmed, number words as digits).
//!
//! Shared with `build.rs`, which writes each key point's signals in this normal form into the
//! question's content file, so the signals the build validated and the answers the app reads are
//! normalised by one piece of code. It must therefore depend on nothing but `std`.
//!
//! A word is a run of letters and digits, with `+` and `#` kept when joined to it (`c++`, `c#`,
//! `n+1`); anything else splits words, so `read-through` is `read` and `through`.

/// Whether `c` stays in a word when joined to it: after a letter or digit (`c++`, `c#`, `12+`) or
/// between two (`n+1`, `problem+json`). A leading one (`#7`, `+10`) or one standing alone
/// (`W + R`) is not part of a word. `.` is not one: it ends sentences, so `.NET` stays `net` and
/// `node.js` two words, as before.
fn is_joiner(c: char) -> bool {
    c == '+' || c == '#'
}

/// Whether `word` holds a joined symbol (`c++`, `n+1`): such words match only terms that hold one
/// too, while their plain parts are words of their own.
pub fn has_joiner(word: &str) -> bool {
    word.bytes().any(|b| b == b'+' || b == b'#')
}

/// Byte ranges of the runs of `text` that start with a letter or digit and go on while `inner`
/// holds.
fn runs(text: &str, inner: fn(char) -> bool) -> impl Iterator<Item = (usize, usize)> + '_ {
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
            if !inner(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// The words of `text` (letters and digits, with joined `+` and `#`), with their byte ranges in
/// `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    runs(text, |c| c.is_alphanumeric() || is_joiner(c))
}

/// The plain parts of a word with joined symbols (`n` and `1` of `n+1`), as byte ranges in `word`;
/// nothing for a plain word. Indexed too, so a search for "json" or "1" finds what it found before
/// symbols were kept.
pub fn parts(word: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let joined = has_joiner(word);
    runs(word, char::is_alphanumeric).filter(move |_| joined)
}

/// Marks a signal's alternative (in a question's content file) as common: a one-word alternative
/// whose word is in the texts of many of the bank's questions, which shows a key point only beside
/// another of its alternatives (`feedback::judge`). No normal word holds it.
pub const COMMON_MARK: char = '~';

/// One word of a text in normal form, with the byte range of the text it stands for (a number
/// written in words, `twenty five`, is one word over several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// The normal form: lowercase, stemmed ([`stem`]), a number as digits ([`number_value`]).
    pub normal: String,
}

/// The words of `text` in normal form, in order, with their byte ranges in `text`. The `s` of a
/// possessive or of `it's` is dropped (`the client's pool` reads `the client pool`); the `t` of
/// `n't` stays, a negation.
pub fn normal_words(text: &str) -> Vec<Word> {
    let mut lower: Vec<(usize, usize, String)> = Vec::new();
    for (s, e) in words(text) {
        let word = text[s..e].to_lowercase();
        let after_apostrophe = lower
            .last()
            .is_some_and(|&(_, end, _)| matches!(&text[end..s], "'" | "\u{2019}"));
        if word == "s" && after_apostrophe {
            continue;
        }
        lower.push((s, e, word));
    }
    let mut out = Vec::with_capacity(lower.len());
    let mut i = 0;
    while i < lower.len() {
        if let Some((value, used)) = number_at(&lower[i..]) {
            out.push(Word {
                start: lower[i].0,
                end: lower[i + used - 1].1,
                normal: value.to_string(),
            });
            i += used;
        } else {
            let (start, end, word) = &lower[i];
            out.push(Word {
                start: *start,
                end: *end,
                normal: stem(word),
            });
            i += 1;
        }
    }
    out
}

/// A phrase (a signal's alternative) in normal form: its normal words joined by single spaces.
pub fn normal_phrase(phrase: &str) -> String {
    normal_words(phrase)
        .into_iter()
        .map(|w| w.normal)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value of a number word, and whether it multiplies what comes before it (`hundred`,
/// `thousand`…) rather than adding to it.
fn number_word(word: &str) -> Option<(u64, bool)> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|w| *w == word) {
        return Some((i as u64, false));
    }
    if let Some(i) = TENS.iter().position(|w| *w == word) {
        return Some((20 + 10 * i as u64, false));
    }
    match word {
        "hundred" => Some((100, true)),
        "thousand" => Some((1_000, true)),
        "million" => Some((1_000_000, true)),
        "billion" => Some((1_000_000_000, true)),
        _ => None,
    }
}

/// The value of a number word alone (`three` is 3), as the matcher reads it.
pub fn number_value(word: &str) -> Option<u64> {
    number_word(word).map(|(v, _)| v)
}

/// The number written at the start of `words` (lowercase), in words or as digits followed by a
/// multiplier (`3 thousand`), and how many words it takes; `None` when they start no number
/// (digits alone stay as they are). Only the runs people say join: `twenty five` is 25, `two
/// hundred thousand` 200000, while `one two` is two numbers and `five twenty` too.
fn number_at(words: &[(usize, usize, String)]) -> Option<(u64, usize)> {
    /// What the previous word was, to tell what may follow it.
    #[derive(Clone, Copy)]
    enum Last {
        Small,
        Tens,
        Hundred,
        Big,
    }
    let first = &words.first()?.2;
    // total: the groups a thousand, million or billion closed; current: the group being read;
    // big: the smallest of those multipliers yet (the next must be smaller still).
    let (mut total, mut current, mut big, mut last, mut used);
    match number_word(first) {
        Some((100, true)) => {
            (total, current, big, last, used) = (0, 100, u64::MAX, Last::Hundred, 1)
        }
        Some((v, true)) => (total, current, big, last, used) = (v, 0, v, Last::Big, 1),
        Some((v, false)) if v >= 20 => {
            (total, current, big, last, used) = (0, v, u64::MAX, Last::Tens, 1)
        }
        Some((v, false)) => (total, current, big, last, used) = (0, v, u64::MAX, Last::Small, 1),
        None => {
            // Digits, then a multiplier: `10 million`.
            if !first.bytes().all(|b| b.is_ascii_digit()) || first.len() > 6 {
                return None;
            }
            let digits: u64 = first.parse().ok()?;
            let (mult, true) = number_word(&words.get(1)?.2)? else {
                return None;
            };
            if mult == 100 {
                (total, current, big, last) = (0, digits * 100, u64::MAX, Last::Hundred);
            } else {
                (total, current, big, last) = (digits * mult, 0, mult, Last::Big);
            }
            used = 2;
        }
    }
    for (_, _, w) in &words[used..] {
        let Some((v, multiplies)) = number_word(w) else {
            break;
        };
        last = match (multiplies, v, last) {
            // twenty five; (two) hundred five; (two) thousand five
            (false, 1..=9, Last::Tens | Last::Hundred | Last::Big) => {
                current += v;
                Last::Small
            }
            // (two) hundred twenty; (two) thousand twelve
            (false, 10.., Last::Hundred | Last::Big) => {
                current += v;
                if v >= 20 {
                    Last::Tens
                } else {
                    Last::Small
                }
            }
            (true, 100, Last::Small | Last::Tens) if current > 0 => {
                current *= 100;
                Last::Hundred
            }
            (true, m, Last::Small | Last::Tens | Last::Hundred)
                if m >= 1_000 && m < big && current > 0 =>
            {
                total += current * m;
                current = 0;
                big = m;
                Last::Big
            }
            _ => break,
        };
        used += 1;
    }
    Some((total + current, used))
}

/// The stem of a lowercase word, as the matcher compares words: a conservative English stemmer
/// (plurals, `-ed`, `-ing`, `-ly`, `-ation`, a final `e`), so `retries`, `retried` and `retrying`
/// are all `retry`, and `cache`, `caches`, `cached` and `caching` all `cach`. Words with digits or
/// symbols (`p99`, `c++`, `base64url`) and words of two letters stay as they are. The stem is not
/// always an English word; what matters is that the forms of one word meet and different words
/// stay apart.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if w.len() <= 2 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w;
    }
    if w.len() == 3 {
        // `ids`, `vms`, `dbs`: the plural of an abbreviation.
        if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
            w.pop();
        }
        return w;
    }
    plural(&mut w);
    suffix(&mut w);
    if w.len() >= 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Drops a plural ending: `-ies` → `-y`, `-sses` → `-ss`, `-es` after `s x z ch sh`, else a final
/// `s` (not after `s` or `u`, nor after `i` in longer words: `class`, `status`, `redis`; `apis`
/// does lose it).
fn plural(w: &mut String) {
    let ends = |e: &str| w.ends_with(e);
    let cut = if w.len() >= 5 && ends("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
        return;
    } else if ends("sses")
        || (w.len() >= 5
            && ["ches", "shes", "xes", "zes", "ses"]
                .iter()
                .any(|e| ends(e)))
    {
        2
    } else {
        let keeps_s = ends("ss") || ends("us") || (w.len() >= 5 && ends("is"));
        usize::from(ends("s") && !keeps_s)
    };
    w.truncate(w.len() - cut);
}

/// Drops one ending of a verb, adverb or noun form (`-ied`, `-ed`, `-ing`, `-ly`, `-ation`) when
/// at least three letters are left, then a doubled last consonant it uncovers (`stopped` →
/// `stop`, but `called` → `call`).
fn suffix(w: &mut String) {
    let room = |w: &str, n: usize| w.len() >= n + 3;
    if w.len() >= 5 && w.ends_with("ied") {
        w.truncate(w.len() - 3);
        w.push('y');
        return;
    }
    if w.ends_with("ation") && room(w, 5) {
        // `replication` and `replicate` meet at `replicat`; `serialization` and `serialize`
        // at `serializ`.
        w.truncate(w.len() - 3);
        if w.ends_with("izat") || w.ends_with("isat") {
            w.truncate(w.len() - 2);
        }
        return;
    }
    // Words whose ending only looks like one.
    const WHOLE: [&str; 2] = ["embed", "imbed"];
    if WHOLE.contains(&w.as_str()) {
        return;
    }
    // (ending, unless the word ends so): `speed` and `apply` keep theirs.
    const ENDINGS: [(&str, &str); 3] = [("ing", "-"), ("ed", "eed"), ("ly", "ply")];
    let Some(cut) = ENDINGS
        .iter()
        .find(|(e, unless)| w.ends_with(e) && !w.ends_with(unless) && room(w, e.len()))
        .map(|(e, _)| e.len())
    else {
        return;
    };
    w.truncate(w.len() - cut);
    let b = w.as_bytes();
    let n = b.len();
    if n >= 4 && b[n - 1] == b[n - 2] && !b"aeioulsz".contains(&b[n - 1]) {
        w.pop();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn normals(text: &str) -> Vec<String> {
        normal_words(text).into_iter().map(|w| w.normal).collect()
    }

    #[test]
    fn the_forms_of_a_word_meet_at_one_stem() {
        for (forms, want) in [
            (&["retry", "retries", "retried", "retrying"][..], "retry"),
            (&["cache", "caches", "cached", "caching"], "cach"),
            (
                &["queue", "queues", "queued", "queuing", "queueing"],
                "queu",
            ),
            (&["shard", "shards", "sharded", "sharding"], "shard"),
            (&["stop", "stops", "stopped", "stopping"], "stop"),
            (&["call", "calls", "called", "calling"], "call"),
            (&["batch", "batches", "batched"], "batch"),
            (&["database", "databases"], "databas"),
            (&["index", "indexes", "indexed"], "index"),
            (&["process", "processes"], "process"),
            (&["rotate", "rotated", "rotation", "rotations"], "rotat"),
            (&["serialize", "serialized", "serialization"], "serializ"),
            (&["eventual", "eventually"], "eventual"),
            (&["key", "keys"], "key"),
            (&["proxy", "proxies"], "proxy"),
            (&["api", "apis"], "api"),
            (&["id", "ids"], "id"),
            (&["string", "strings"], "str"),
            (&["embed", "embedded"], "embed"),
            (&["commit", "commits", "committed"], "commit"),
        ] {
            for f in forms {
                assert_eq!(stem(f), want, "{f}");
            }
        }
    }

    #[test]
    fn words_that_only_look_inflected_stay_apart() {
        for (word, want) in [
            ("status", "status"),
            ("redis", "redis"),
            ("class", "class"),
            ("apply", "apply"),
            ("reply", "reply"),
            ("only", "only"),
            ("speed", "speed"),
            ("thing", "thing"),
            ("using", "using"),
            ("add", "add"),
            ("added", "add"),
            ("station", "station"),
            ("p99", "p99"),
            ("c++", "c++"),
            ("base64url", "base64url"),
            ("5xx", "5xx"),
            ("ms", "ms"),
            ("naïve", "naïve"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
        assert_ne!(stem("cache"), stem("catch"));
        assert_ne!(stem("shard"), stem("share"));
    }

    #[test]
    fn number_words_read_as_digits() {
        assert_eq!(normals("three retries"), ["3", "retry"]);
        assert_eq!(normals("Zero downtime"), ["0", "downtim"]);
        assert_eq!(normals("twenty five ms"), ["25", "ms"]);
        assert_eq!(normals("twenty-five"), ["25"]);
        assert_eq!(normals("two hundred and fifty"), ["200", "and", "50"]);
        assert_eq!(normals("two hundred fifty"), ["250"]);
        assert_eq!(normals("ten million users"), ["10000000", "user"]);
        assert_eq!(normals("10 million users"), ["10000000", "user"]);
        assert_eq!(normals("a hundred"), ["a", "100"]);
        assert_eq!(normals("one thousand two hundred"), ["1200"]);
        assert_eq!(normals("two million three thousand"), ["2003000"]);
        assert_eq!(
            normals("three billion thousand"),
            ["3000000000", "1000"],
            "a larger multiplier after a smaller one starts a new number"
        );
        assert_eq!(normals("one two three"), ["1", "2", "3"]);
        assert_eq!(normals("five twenty"), ["5", "20"]);
        assert_eq!(normals("twelve five"), ["12", "5"]);
        assert_eq!(normals("99 problems"), ["99", "problem"]);
        assert_eq!(normals("p99 is ninety nine"), ["p99", "is", "99"]);
    }

    #[test]
    fn a_number_in_words_keeps_the_range_of_all_its_words() {
        let text = "about twenty five ms";
        let w = normal_words(text);
        assert_eq!(&text[w[1].start..w[1].end], "twenty five");
        assert_eq!(&text[w[2].start..w[2].end], "ms");
    }

    #[test]
    fn a_possessive_s_is_dropped_and_n_t_kept() {
        assert_eq!(normals("the client's pool"), ["the", "client", "pool"]);
        assert_eq!(normals("it’s Redis' job"), ["it", "redis", "job"]);
        assert_eq!(normals("don't"), ["don", "t"]);
        assert_eq!(normals("plan s and b"), ["plan", "s", "and", "b"]);
    }

    #[test]
    fn phrases_are_normalised_word_by_word() {
        assert_eq!(
            normal_phrase("  Exponential Backoff "),
            "exponential backoff"
        );
        assert_eq!(normal_phrase("read-through caches"), "read through cach");
        assert_eq!(normal_phrase("Retrying three times"), "retry 3 tim");
        assert_eq!(normal_phrase("C++ / C#"), "c++ c#");
        assert_eq!(normal_phrase(" - "), "");
    }

    proptest! {
        /// Any text: ranges in order, on character boundaries, inside the text; no panic on
        /// huge numbers.
        #[test]
        fn normal_words_never_panic_and_stay_in_the_text(text in "[a-z0-9 é+#-]{0,60}|(one|two|twenty|hundred|thousand|million|billion|999999| |-){0,30}") {
            let mut last = 0;
            for w in normal_words(&text) {
                prop_assert!(w.start >= last && w.start < w.end && w.end <= text.len());
                prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
                prop_assert!(!w.normal.is_empty());
                last = w.end;
            }
        }

        /// A stem is never longer than its word, never empty, and stemming twice changes
        /// nothing more for words the stemmer leaves whole.
        #[test]
        fn stems_are_short_and_not_empty(word in "[a-z]{1,14}") {
            let s = stem(&word);
            prop_assert!(!s.is_empty() && s.len() <= word.len(), "{} -> {}", word, s);
        }
    }
}
