//! Speaking figures of a spoken answer, from its timed transcript: pace, filler words, the longest
//! pause and the time taken against the limit. Pure: the times come with the segments.

use crate::search::text::words;

/// One stretch of transcribed speech: from `start_ms` to `end_ms` after the recording began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'t> {
    /// When it starts, in milliseconds from the start of the recording.
    pub start_ms: u64,
    /// When it ends (not before it starts; a segment that does is read as empty of time).
    pub end_ms: u64,
    /// What was said.
    pub text: &'t str,
}

/// The figures of one spoken answer.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeechStats {
    /// Words said (as the search splits words: `don't` is two).
    pub words: usize,
    /// Time spent speaking: the segments' lengths added up, in milliseconds.
    pub speaking_ms: u64,
    /// Words per minute of speaking time; 0 with no speaking time.
    pub words_per_minute: f64,
    /// Filler words and phrases said (see [`fillers`]).
    pub fillers: usize,
    /// Fillers per minute of speaking time; 0 with no speaking time.
    pub fillers_per_minute: f64,
    /// The longest silence between two segments, in milliseconds (0 with fewer than two).
    pub longest_pause_ms: u64,
    /// Time the answer took: from the start of the recording to the end of its last segment.
    pub talk_ms: u64,
    /// The time limit, in milliseconds.
    pub limit_ms: u64,
    /// How far past the limit the answer went (0 within it).
    pub over_limit_ms: u64,
    /// The share of the limit the answer took (`talk_ms / limit_ms`; 0 with no limit).
    pub share_of_limit: f64,
}

/// The figures of a transcript (`segments`, in any order) against a time limit of `limit_ms`.
pub fn stats(segments: &[Segment<'_>], limit_ms: u64) -> SpeechStats {
    let mut sorted: Vec<Segment<'_>> = segments.to_vec();
    sorted.sort_by_key(|s| (s.start_ms, s.end_ms));
    let length = |s: &Segment<'_>| s.end_ms.saturating_sub(s.start_ms);
    let speaking_ms: u64 = sorted.iter().map(length).sum();
    let words: usize = sorted.iter().map(|s| words(s.text).count()).sum();
    let fillers: usize = sorted.iter().map(|s| fillers(s.text)).sum();
    // A pause runs from the latest end so far to the next start (segments may overlap).
    let mut longest_pause_ms = 0;
    let mut end_so_far: Option<u64> = None;
    for s in &sorted {
        if let Some(end) = end_so_far {
            longest_pause_ms = longest_pause_ms.max(s.start_ms.saturating_sub(end));
        }
        end_so_far = Some(end_so_far.map_or(s.end_ms, |e| e.max(s.end_ms)));
    }
    let talk_ms = end_so_far.unwrap_or(0);
    let per_minute = |n: usize| {
        if speaking_ms == 0 {
            0.0
        } else {
            n as f64 * 60_000.0 / speaking_ms as f64
        }
    };
    SpeechStats {
        words,
        speaking_ms,
        words_per_minute: per_minute(words),
        fillers,
        fillers_per_minute: per_minute(fillers),
        longest_pause_ms,
        talk_ms,
        limit_ms,
        over_limit_ms: talk_ms.saturating_sub(limit_ms),
        share_of_limit: if limit_ms == 0 {
            0.0
        } else {
            talk_ms as f64 / limit_ms as f64
        },
    }
}

/// Sounds that are fillers wherever they are said.
const HESITATIONS: [&str; 7] = ["um", "umm", "uh", "uhh", "uhm", "erm", "er"];

/// Words that are fillers wherever they are said (an overcount when meant, which is rare in an
/// answer).
const ALWAYS: [&str; 3] = ["basically", "actually", "literally"];

/// Words after which `kind of` and `sort of` are meant (`what kind of index`, `a sort of
/// queue`), not fillers.
const DETERMINERS: [&str; 12] = [
    "a", "an", "the", "what", "which", "this", "that", "any", "some", "every", "one", "same",
];

/// How many fillers `text` holds: `um`, `uh`, `erm` and kin; `basically`, `actually`,
/// `literally`; `like` when a comma follows it or it stands next to a hesitation (`like, the
/// cache`, `like um`: not `I'd like to` or `like a cache`); `you know` and `I mean` when a comma
/// or the end of the text follows, or a comma comes before (`it's, you know, slow`: not `if you
/// know the key`); `kind of` and `sort of` unless a determiner comes before (`what kind of
/// index`); `right` followed by a question mark.
pub fn fillers(text: &str) -> usize {
    let spans: Vec<(usize, usize)> = words(text).collect();
    let lower: Vec<String> = spans
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    let word = |i: usize| lower.get(i).map_or("", String::as_str);
    // What stands between word `i` and the next (or the end of the text).
    let after = |i: usize| {
        let end = spans[i].1;
        let next = spans.get(i + 1).map_or(text.len(), |s| s.0);
        text[end..next].trim()
    };
    let before = |i: usize| {
        let start = spans[i].0;
        let prev = if i == 0 { 0 } else { spans[i - 1].1 };
        text[prev..start].trim()
    };
    let comma_after = |i: usize| after(i).starts_with(',');
    let hesitation = |w: &str| HESITATIONS.contains(&w);
    let mut count = 0;
    let mut i = 0;
    while i < lower.len() {
        let w = word(i);
        let two = (w, word(i + 1));
        let one = hesitation(w)
            || ALWAYS.contains(&w)
            || (w == "like"
                && (comma_after(i)
                    || hesitation(word(i + 1))
                    || (i > 0 && hesitation(word(i - 1)))))
            || (w == "right" && after(i).starts_with('?'));
        let set_off = |i: usize| {
            comma_after(i + 1)
                || (i + 2 == lower.len() && after(i + 1).is_empty())
                || before(i).ends_with(',')
        };
        let two = (matches!(two, ("you", "know") | ("i", "mean")) && set_off(i))
            || (matches!(two, ("kind" | "sort", "of"))
                && !(i > 0 && DETERMINERS.contains(&word(i - 1))));
        let used = if two { 2 } else { usize::from(one) };
        count += usize::from(used > 0);
        i += used.max(1);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(start_ms: u64, end_ms: u64, text: &str) -> Segment<'_> {
        Segment {
            start_ms,
            end_ms,
            text,
        }
    }

    #[test]
    fn pace_pauses_and_time_against_the_limit() {
        // 12 words in 6 s of speech (0-2 s, 3-5 s, 9-11 s): 12 / 0.1 min = 120 wpm. Pauses: 1 s
        // and 4 s. The answer ends at 11 s of a 10 s limit: 1 s over, 110% of it.
        let s = stats(
            &[
                seg(9_000, 11_000, "um and then cache it"),
                seg(0, 2_000, "I would put a"),
                seg(3_000, 5_000, "queue in front"),
            ],
            10_000,
        );
        assert_eq!(s.words, 12);
        assert_eq!(s.speaking_ms, 6_000);
        assert!((s.words_per_minute - 120.0).abs() < 1e-9);
        // One filler (um) in 0.1 min: 10 a minute.
        assert_eq!(s.fillers, 1);
        assert!((s.fillers_per_minute - 10.0).abs() < 1e-9);
        assert_eq!(s.longest_pause_ms, 4_000);
        assert_eq!(s.talk_ms, 11_000);
        assert_eq!(s.over_limit_ms, 1_000);
        assert!((s.share_of_limit - 1.1).abs() < 1e-9);
    }

    #[test]
    fn within_the_limit_overlapping_segments_and_nothing_said() {
        // 90 s of a 120 s limit: 75%; the overlap (10-20 s inside 0-30 s) is no pause.
        let s = stats(
            &[
                seg(0, 30_000, "a b c"),
                seg(10_000, 20_000, "d"),
                seg(60_000, 90_000, "e"),
            ],
            120_000,
        );
        assert_eq!(s.longest_pause_ms, 30_000);
        assert_eq!(s.over_limit_ms, 0);
        assert!((s.share_of_limit - 0.75).abs() < 1e-9);
        // 5 words in 70 s of segments: 5 * 60 / 70 ≈ 4.29 wpm.
        assert!((s.words_per_minute - 300.0 / 70.0).abs() < 1e-9);
        let none = stats(&[], 0);
        assert_eq!((none.words, none.talk_ms, none.longest_pause_ms), (0, 0, 0));
        assert_eq!((none.words_per_minute, none.share_of_limit), (0.0, 0.0));
        let backwards = stats(&[seg(5_000, 1_000, "odd")], 10_000);
        assert_eq!(backwards.speaking_ms, 0);
        assert_eq!(backwards.words_per_minute, 0.0);
    }

    #[test]
    fn hesitations_and_filler_adverbs_always_count() {
        assert_eq!(
            fillers("Um, so uh basically it's erm actually literally fine"),
            6
        );
        assert_eq!(fillers("umbrella and uhura"), 0);
    }

    #[test]
    fn like_is_a_filler_only_with_a_comma_or_a_hesitation() {
        assert_eq!(fillers("it's like, a queue"), 1);
        assert_eq!(fillers("so like um the cache"), 2);
        assert_eq!(fillers("uh like the cache"), 2);
        assert_eq!(fillers("I'd like to add a cache"), 0);
        assert_eq!(fillers("things like Redis or Memcached"), 0);
        assert_eq!(fillers("it looks like a cache"), 0);
    }

    #[test]
    fn you_know_and_i_mean_count_when_set_off() {
        assert_eq!(fillers("it's, you know, slow"), 1);
        assert_eq!(fillers("you know, the cache"), 1);
        assert_eq!(fillers("it was slow, you know"), 1);
        assert_eq!(fillers("if you know the key"), 0);
        assert_eq!(fillers("I mean, it depends"), 1);
        assert_eq!(fillers("what I mean is the replica"), 0);
    }

    #[test]
    fn kind_of_and_sort_of_count_unless_a_determiner_comes_before() {
        assert_eq!(fillers("it kind of breaks"), 1);
        assert_eq!(fillers("it's sort of eventual"), 1);
        assert_eq!(fillers("what kind of index"), 0);
        assert_eq!(fillers("a sort of queue"), 0);
    }

    #[test]
    fn right_counts_only_as_a_question_tag() {
        assert_eq!(fillers("it's idempotent, right? so retry"), 1);
        assert_eq!(fillers("the right index"), 0);
        assert_eq!(fillers("right."), 0);
    }
}
