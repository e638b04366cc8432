//! How far a typed term is from a word: the one edit between them, or the number of edits up to a
//! bound. Pure.

/// The one edit that turns a typed term into a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// None: they are equal.
    Same,
    /// One character changed.
    Changed,
    /// Two neighbouring characters swapped.
    Swapped,
    /// The term misses a character of the word.
    Missing,
    /// The term has a character too many.
    Extra,
}

/// The one edit between `term` and `word`, `None` when they are further apart.
pub fn one_edit<T: PartialEq>(term: &[T], word: &[T]) -> Option<Edit> {
    if term.len().abs_diff(word.len()) > 1 {
        return None;
    }
    // An index loop rather than iterator adapters: this runs for hundreds of words per term, and
    // stays quick in debug builds too.
    let shorter = term.len().min(word.len());
    let mut prefix = 0;
    while prefix < shorter && term[prefix] == word[prefix] {
        prefix += 1;
    }
    let (rt, rw) = (&term[prefix..], &word[prefix..]);
    match term.len().cmp(&word.len()) {
        std::cmp::Ordering::Equal if rt.is_empty() => Some(Edit::Same),
        std::cmp::Ordering::Equal if rt[1..] == rw[1..] => Some(Edit::Changed),
        std::cmp::Ordering::Equal => {
            (rt.len() >= 2 && rt[0] == rw[1] && rt[1] == rw[0] && rt[2..] == rw[2..])
                .then_some(Edit::Swapped)
        }
        std::cmp::Ordering::Less => (rt == &rw[1..]).then_some(Edit::Missing),
        std::cmp::Ordering::Greater => (&rt[1..] == rw).then_some(Edit::Extra),
    }
}

/// [`one_edit`] between two strings, by bytes when both are ASCII (the common case, without
/// allocating), else by characters.
pub fn one_edit_str(term: &str, word: &str) -> Option<Edit> {
    if term.is_ascii() && word.is_ascii() {
        return one_edit(term.as_bytes(), word.as_bytes());
    }
    let t: Vec<char> = term.chars().collect();
    let w: Vec<char> = word.chars().collect();
    one_edit(&t, &w)
}

/// True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of
/// neighbouring characters.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    one_edit_str(a, b).is_some()
}

/// The bit of [`char_mask`] for `+` and `#`: set for words with joined symbols.
pub const JOINED: u64 = 1 << 63;

/// The characters of `word` as a set of bits (`a`–`z`, `0`–`9`, `+` and `#` as [`JOINED`], the
/// rest shared among the other bits), for [`may_be_within`].
pub fn char_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            '+' | '#' => 63,
            _ => 36 + c as u32 % 27,
        };
        mask | 1 << bit
    })
}

/// False when words with character sets `a` and `b` (see [`char_mask`]) are surely more than `max`
/// edits apart: each edit adds at most one character the other lacks and removes at most one, so
/// more than `max` on either side is too many. A cheap test before counting edits.
pub fn may_be_within(a: u64, b: u64, max: usize) -> bool {
    (a & !b).count_ones() as usize <= max && (b & !a).count_ones() as usize <= max
}

/// The number of edits (insertions, deletions, substitutions, swaps of neighbours; each character
/// edited once) between `a` and `b`, when it is at most `max`; `None` beyond.
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    Distance::default().within(a, b, max)
}

/// [`distance_within`] with its table's rows kept between calls, so scanning a vocabulary does not
/// allocate per word.
#[derive(Debug, Default)]
pub struct Distance {
    /// Three rows of the optimal-string-alignment table: two back (for swaps), previous, current.
    rows: [Vec<usize>; 3],
}

impl Distance {
    /// See [`distance_within`]. Stops as soon as every alignment is past `max`.
    pub fn within<T: PartialEq>(&mut self, a: &[T], b: &[T], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let [before, prev, cur] = &mut self.rows;
        for row in [&mut *before, &mut *prev, &mut *cur] {
            row.clear();
            row.resize(b.len() + 1, 0);
        }
        prev.iter_mut().enumerate().for_each(|(j, d)| *d = j);
        for i in 1..=a.len() {
            cur[0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(before[j - 2] + 1);
                }
                cur[j] = d;
                row_min = row_min.min(d);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(before, prev);
            std::mem::swap(prev, cur);
        }
        Some(prev[b.len()]).filter(|&d| d <= max)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit_means_one_insertion_deletion_substitution_or_swap() {
        assert!(within_one_edit("cache", "cachy"));
        assert!(within_one_edit("cache", "cahce"));
        assert!(within_one_edit("cache", "caches"));
        assert!(!within_one_edit("cache", "catchy"));
        assert_eq!(one_edit_str("jwt", "jwt"), Some(Edit::Same));
        assert_eq!(one_edit_str("jwtt", "jwt"), Some(Edit::Extra));
        assert_eq!(one_edit_str("htp", "http"), Some(Edit::Missing));
        assert_eq!(one_edit_str("gprc", "grpc"), Some(Edit::Swapped));
        assert_eq!(one_edit_str("cat", "cap"), Some(Edit::Changed));
        assert_eq!(one_edit_str("cat", "cdn"), None);
        assert_eq!(
            one_edit_str("ćat", "ćta"),
            Some(Edit::Swapped),
            "by characters"
        );
    }

    #[test]
    fn distance_counts_edits_up_to_the_bound() {
        assert_eq!(
            distance_within(&chars("idmpotncy"), &chars("idempotency"), 2),
            Some(2)
        );
        assert_eq!(
            distance_within(&chars("kubrntes"), &chars("kubernetes"), 2),
            Some(2)
        );
        assert_eq!(distance_within(&chars("ab"), &chars("ba"), 1), Some(1));
        assert_eq!(distance_within(&chars("abc"), &chars("abc"), 0), Some(0));
        assert_eq!(distance_within(&chars("kafka"), &chars("redis"), 2), None);
        assert_eq!(distance_within(&chars(""), &chars("ab"), 2), Some(2));
    }

    #[test]
    fn character_sets_rule_out_only_words_too_far() {
        let m = char_mask;
        assert!(may_be_within(m("idmpotncy"), m("idempotency"), 2));
        assert!(
            may_be_within(m("gprc"), m("grpc"), 0),
            "a swap changes no character"
        );
        assert!(!may_be_within(m("kafka"), m("redis"), 2));
        assert!(!may_be_within(m("abc"), m("abxy"), 1));
    }

    proptest! {
        /// The bounded distance agrees with the one-edit test where both apply.
        #[test]
        fn distance_one_is_one_edit(a in "[ab]{0,6}", b in "[ab]{0,6}") {
            let one = distance_within(&chars(&a), &chars(&b), 1).is_some();
            prop_assert_eq!(one, within_one_edit(&a, &b), "{:?} {:?}", a, b);
        }

        /// The character-set test never rules out a word that is close enough.
        #[test]
        fn character_sets_never_rule_out_a_close_word(a in "[a-dé1+]{0,7}", b in "[a-dé1+]{0,7}", max in 0usize..3) {
            if let Some(d) = distance_within(&chars(&a), &chars(&b), max) {
                prop_assert!(may_be_within(char_mask(&a), char_mask(&b), d), "{:?} {:?}", a, b);
            }
        }
    }
}
