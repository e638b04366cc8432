//! The questions' index: what the app knows of every question without its content (ids,
//! wordings, levels, topics, related ids, rubric size, check keys). It ships as a data file of its
//! own, `data/index.<hash>.txt` ([`super::INDEX_FILE`]), which the app loads before it starts
//! (`boot`), so the wasm does not grow with the bank. The host build compiles the same index in
//! (`bank_questions.rs`), and a test holds the two equal.
//!
//! The file is written by `build.rs`: one record per question, separated by U+001E; a record's
//! fields, in [`Question`]'s order, separated by U+001F; the items of a list field (topics, other
//! wordings, related ids, checks as `options:answer`) separated by U+001D. Levels are `b`, `i`
//! and `a`. A plain format read by a few lines of code, where a serde reader would add kilobytes to
//! every area.

use super::{CheckKey, Level, Question};

/// Reads an index file's `text` (borrowed for the questions' lifetime).
pub fn parse(text: &'static str) -> Result<Vec<Question>, String> {
    fn list(field: &'static str) -> &'static [&'static str] {
        if field.is_empty() {
            &[]
        } else {
            Box::leak(field.split('\u{1d}').collect::<Vec<_>>().into_boxed_slice())
        }
    }
    fn number(field: &str) -> Result<usize, String> {
        field
            .parse()
            .map_err(|_| format!("{field:?} is not a number"))
    }
    let mut questions = Vec::new();
    for (n, record) in text.split('\u{1e}').enumerate() {
        let fields: Vec<&'static str> = record.split('\u{1f}').collect();
        let [id, question, level, topics, also_asked_as, related, key_points, checks, content] =
            fields[..]
        else {
            return Err(format!(
                "record {} has {} fields, not 9",
                n + 1,
                fields.len()
            ));
        };
        let level = match level {
            "b" => Level::Beginner,
            "i" => Level::Intermediate,
            "a" => Level::Advanced,
            other => return Err(format!("question {id}: unknown level {other:?}")),
        };
        let checks = list(checks)
            .iter()
            .map(|c| {
                let (options, answer) = c
                    .split_once(':')
                    .ok_or_else(|| format!("question {id}: check {c:?} is not options:answer"))?;
                Ok(CheckKey {
                    options: number(options)?,
                    answer: number(answer)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        questions.push(Question {
            id,
            question,
            level,
            topics: list(topics),
            also_asked_as: list(also_asked_as),
            related: list(related),
            key_points: number(key_points)?,
            checks: Box::leak(checks.into_boxed_slice()),
            content,
        });
    }
    Ok(questions)
}

#[cfg(target_arch = "wasm32")]
static LOADED: std::sync::OnceLock<&'static [Question]> = std::sync::OnceLock::new();

/// Takes in the index file's `text`, once per visit (before the app starts). A second call keeps
/// the first index.
#[cfg(target_arch = "wasm32")]
pub fn install(text: String) -> Result<(), String> {
    if LOADED.get().is_none() {
        let questions = parse(Box::leak(text.into_boxed_str()))?;
        let _ = LOADED.set(Box::leak(questions.into_boxed_slice()));
    }
    Ok(())
}

/// Whether the index is in (always on the host, where it is compiled in).
pub fn is_loaded() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        LOADED.get().is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}

/// The questions of the loaded index (none before [`install`]).
#[cfg(target_arch = "wasm32")]
pub fn loaded() -> &'static [Question] {
    LOADED.get().copied().unwrap_or(&[])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_index_file_reads_back_as_the_compiled_bank() {
        let text = crate::bank::files::text(crate::bank::INDEX_FILE).expect("index file is built");
        let parsed = parse(text).expect("index file parses");
        assert_eq!(parsed, crate::bank::questions());
    }

    #[test]
    fn a_damaged_index_gives_a_message_not_a_panic() {
        assert!(parse("only-an-id").unwrap_err().contains("not 9"));
        let bad_level = "x\u{1f}Q?\u{1f}z\u{1f}\u{1f}\u{1f}\u{1f}3\u{1f}\u{1f}data/q/x.json";
        assert!(parse(bad_level).unwrap_err().contains("unknown level"));
        let bad_check = "x\u{1f}Q?\u{1f}b\u{1f}t\u{1f}\u{1f}\u{1f}3\u{1f}4-2\u{1f}data/q/x.json";
        assert!(parse(bad_check).unwrap_err().contains("options:answer"));
    }

    #[test]
    fn empty_lists_read_as_empty() {
        let q = "x\u{1f}Q?\u{1f}a\u{1f}t1\u{1d}t2\u{1f}\u{1f}\u{1f}0\u{1f}\u{1f}data/q/x.json";
        let parsed = parse(q).unwrap();
        assert_eq!(parsed[0].topics, &["t1", "t2"]);
        assert!(parsed[0].also_asked_as.is_empty() && parsed[0].checks.is_empty());
        assert_eq!(parsed[0].level, Level::Advanced);
    }
}
