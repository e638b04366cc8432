//! The rules on a question's `signals`: for each key point, the terms whose presence in an answer
//! shows the point was made (`feedback::judge` suggests ticks from them). Mirrors
//! `check_signals.py`, the script the bank's writers run, so a file it passes builds.
//!
//! Each signal is `alt | alt | …`; the alternatives are kept in the matcher's normal form
//! (`super::words::normal_phrase`), so the build and the app read them with one piece of code.

use super::super::words::{normal_phrase, normal_words, words, COMMON_MARK};
use super::{err, BankError, Question};
use std::collections::{BTreeMap, BTreeSet};

/// Whether every question must have `signals`. Off while the bank is being given them; turn it
/// on once every file has them.
pub const SIGNALS_REQUIRED: bool = false;

/// How many signals a key point has.
pub const SIGNALS_PER_POINT: (usize, usize) = (1, 6);

/// Most words in one alternative.
pub const MAX_ALTERNATIVE_WORDS: usize = 4;

/// Share of the bank's questions whose texts (answer, summary, key points) must hold a word for a
/// one-word alternative of it to count as common: such an alternative shows its key point only
/// beside another of the point's alternatives (`feedback::judge`). Tuned on the labelled answers:
/// with 124 questions, a word in 5 or more.
pub const COMMON_SHARE: f64 = 0.04;

/// Words that alone show nothing (`check_signals.py`'s list): an alternative of only these is
/// refused.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "then", "so", "of", "to", "in", "on", "at", "by",
    "for", "with", "from", "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being",
    "it", "its", "this", "that", "these", "those", "there", "here", "i", "you", "we", "they", "he",
    "she", "them", "us", "our", "your", "my", "me", "do", "does", "did", "done", "can", "could",
    "would", "should", "will", "shall", "may", "might", "must", "not", "no", "yes", "very", "just",
    "also", "more", "most", "less", "least", "some", "any", "each", "every", "all", "both",
    "either", "neither", "than", "too", "about", "over", "under", "up", "down", "out", "off",
    "again", "once", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "use",
    "used", "using", "uses", "make", "makes", "made", "get", "gets", "got", "thing", "things",
    "way", "ways", "like",
];

/// The signals of a file with `key_points` key points and main wording `question`, checked and
/// in normal form: per key point, its alternatives (each once). `raw` is the field as written,
/// `None` when absent, which is a problem only when `required`. Problems go to `errors`, with
/// the file's `path`.
pub fn rules(
    path: &str,
    question: &str,
    key_points: usize,
    raw: Option<&[Vec<String>]>,
    required: bool,
    errors: &mut Vec<BankError>,
) -> Vec<Vec<String>> {
    let Some(raw) = raw else {
        if required {
            errors.push(err(
                path,
                Some("signals"),
                "missing: every key point needs its signals (one list per key point)",
            ));
        }
        return Vec::new();
    };
    if raw.len() != key_points {
        errors.push(err(
            path,
            Some("signals"),
            format!(
                "{} lists for {key_points} key points: one list per key point, in their order",
                raw.len()
            ),
        ));
    }
    let question_words: Vec<String> = normal_words(question)
        .into_iter()
        .map(|w| w.normal)
        .collect();
    // Each alternative's normal form, and the first key point that has it.
    let mut owner: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(raw.len());
    for (i, list) in raw.iter().enumerate() {
        let field = format!("signals[{i}]");
        let (lo, hi) = SIGNALS_PER_POINT;
        if list.len() < lo || list.len() > hi {
            errors.push(err(
                path,
                Some(&field),
                format!("needs {lo}–{hi} signals, found {}", list.len()),
            ));
        }
        let mut alternatives: Vec<String> = Vec::new();
        for (j, signal) in list.iter().enumerate() {
            let field = format!("signals[{i}][{j}]");
            for alt in signal.split('|').map(str::trim) {
                let lower: Vec<String> =
                    words(alt).map(|(s, e)| alt[s..e].to_lowercase()).collect();
                if lower.is_empty() {
                    errors.push(err(
                        path,
                        Some(&field),
                        format!("empty alternative in `{signal}`"),
                    ));
                    continue;
                }
                if lower.len() > MAX_ALTERNATIVE_WORDS {
                    errors.push(err(
                        path,
                        Some(&field),
                        format!("`{alt}` has more than {MAX_ALTERNATIVE_WORDS} words"),
                    ));
                }
                if lower.iter().all(|w| STOP_WORDS.contains(&w.as_str())) {
                    errors.push(err(
                        path,
                        Some(&field),
                        format!("`{alt}` is only stop words, which every answer says"),
                    ));
                }
                let normal = normal_phrase(alt);
                if lower.len() == 1 && question_words.contains(&normal) {
                    errors.push(err(
                        path,
                        Some(&field),
                        format!(
                            "`{alt}` is a word of the question's wording, so every answer says it"
                        ),
                    ));
                }
                // An alternative in two key points' lists would tick both; one in every list
                // (the rule `check_signals.py` also states) is a case of it.
                match owner.get(&normal) {
                    Some(&k) if k != i => errors.push(err(
                        path,
                        Some(&field),
                        format!(
                            "`{alt}` is a signal of key points {} and {}: a signal must point to one",
                            k + 1,
                            i + 1
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        owner.insert(normal.clone(), i);
                    }
                }
                if !alternatives.contains(&normal) {
                    alternatives.push(normal);
                }
            }
        }
        out.push(alternatives);
    }
    out
}

/// Marks with [`COMMON_MARK`] each one-word alternative whose word is in the texts of at least
/// [`COMMON_SHARE`] of the bank's questions (and of two).
pub fn mark_common(questions: &mut [Question]) {
    let least = ((questions.len() as f64 * COMMON_SHARE).ceil() as usize).max(2);
    let mut seen_in: BTreeMap<String, usize> = BTreeMap::new();
    for q in questions.iter() {
        let texts = std::iter::once(&q.answer.text)
            .chain(std::iter::once(&q.summary.text))
            .chain(q.key_points.iter().map(|k| &k.text));
        let words: BTreeSet<String> = texts
            .flat_map(|t| normal_words(t).into_iter().map(|w| w.normal))
            .collect();
        for w in words {
            *seen_in.entry(w).or_default() += 1;
        }
    }
    for q in questions.iter_mut() {
        for alt in q.signals.iter_mut().flatten() {
            if !alt.contains(' ') && seen_in.get(alt.as_str()).is_some_and(|&n| n >= least) {
                alt.insert(0, COMMON_MARK);
            }
        }
    }
}
