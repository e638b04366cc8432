//! The question bank: its index (ids, wordings, levels, topics: a data file the app loads before it
//! starts, see [`index`]), its lookups, and the shape of each question's content, which ships as a
//! data file of its own ([`content`]).

// Works on pulldown-cmark's output, which exists only on the host (build.rs and tests).
#[cfg(not(target_arch = "wasm32"))]
pub mod a11y;
pub mod content;
#[cfg(not(target_arch = "wasm32"))]
pub mod design;
pub mod design_content;
pub mod designs;
#[cfg(not(target_arch = "wasm32"))]
pub mod format;
pub mod index;
pub mod text;
pub mod words;

pub use content::{CheckText, Content, Contrast};
pub use designs::{design, designs};
pub use text::html_to_text;

crate::labelled_enum! {
    /// How hard a question is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Level {
        /// Asked of juniors; fundamentals.
        Beginner => "beginner", "Beginner";
        /// Asked of mid-level engineers.
        Intermediate => "intermediate", "Intermediate";
        /// Asked of seniors; design and trade-offs.
        Advanced => "advanced", "Advanced";
    }
}

/// A topic of the taxonomy.
#[derive(Debug, PartialEq, Eq)]
pub struct Topic {
    /// Stable id, used in URLs.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// One-line description.
    pub description: &'static str,
}

/// What the app needs to know of a multiple-choice check without its text: enough to deal it,
/// shuffle its options and mark an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckKey {
    /// How many options it has (3–5).
    pub options: usize,
    /// 0-based index of the right option, in the file's order.
    pub answer: usize,
}

/// One interview question, as compiled into the app. Its answer and the rest of its text are in
/// its content file (see [`content`]).
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id (the file stem); progress is keyed by it.
    pub id: &'static str,
    /// Main wording.
    pub question: &'static str,
    /// Difficulty.
    pub level: Level,
    /// Topic ids (1–3).
    pub topics: &'static [&'static str],
    /// Other wordings of the same question.
    pub also_asked_as: &'static [&'static str],
    /// Ids of related questions.
    pub related: &'static [&'static str],
    /// How many key points its rubric has.
    pub key_points: usize,
    /// Its multiple-choice checks.
    pub checks: &'static [CheckKey],
    /// Its content file, relative to the site's root (`data/q/<id>.<hash>.json`).
    pub content: &'static str,
}

mod data {
    use super::Topic;
    include!(concat!(env!("OUT_DIR"), "/bank_data.rs"));
}

/// The questions, compiled in on the host only (the app loads them: see [`index`]).
#[cfg(not(target_arch = "wasm32"))]
mod compiled {
    use super::{CheckKey, Level, Question};
    include!(concat!(env!("OUT_DIR"), "/bank_questions.rs"));
}

pub use data::{INDEX_FILE, SEARCH_FILE, TOPICS};

/// Every question, in bank order (in the browser, once the index is loaded: see [`index`]).
pub fn questions() -> &'static [Question] {
    #[cfg(not(target_arch = "wasm32"))]
    {
        compiled::QUESTIONS
    }
    #[cfg(target_arch = "wasm32")]
    {
        index::loaded()
    }
}

/// Every topic, in display order.
pub fn topics() -> &'static [Topic] {
    TOPICS
}

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    questions().iter().find(|q| q.id == id)
}

/// The topic with this id.
pub fn topic(id: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.id == id)
}

impl Question {
    /// The question's topics, resolved.
    pub fn topic_list(&self) -> impl Iterator<Item = &'static Topic> + '_ {
        self.topics.iter().filter_map(|t| topic(t))
    }

    /// Whether it is a behavioral or culture question (told as a story of one's own).
    pub fn is_behavioral(&self) -> bool {
        self.topics.contains(&"behavioral")
    }

    /// The other wordings worth showing: those that differ from the main wording, and from each
    /// other, by more than filler ("Can you explain…", "What is the difference…", "databases").
    /// The bank keeps every wording verbatim, since interviewers use each.
    pub fn distinct_wordings(&self) -> Vec<&'static str> {
        let mut seen = vec![gist(self.question)];
        let mut shown = Vec::new();
        for w in self.also_asked_as {
            let g = gist(w);
            if !seen.contains(&g) {
                seen.push(g);
                shown.push(*w);
            }
        }
        shown
    }
}

/// The words of a wording that carry its meaning: lowercase, without filler words, sorted.
fn gist(wording: &str) -> Vec<String> {
    const FILLER: &[&str] = &[
        "a",
        "an",
        "the",
        "can",
        "could",
        "you",
        "your",
        "explain",
        "describe",
        "what",
        "is",
        "are",
        "how",
        "would",
        "do",
        "does",
        "of",
        "in",
        "between",
        "difference",
        "databases",
        "database",
        "system",
        "systems",
        "some",
        "it",
        "and",
        "to",
        "for",
    ];
    let mut words: Vec<String> = wording
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !FILLER.contains(&w.as_str()))
        .collect();
    crate::order::sort_dedup(&mut words);
    words
}

/// The data files the app fetches, with their texts (host builds only: the prerenderer writes them
/// into the site, and host code reads content from them directly).
#[cfg(not(target_arch = "wasm32"))]
pub mod files {
    include!(concat!(env!("OUT_DIR"), "/bank_files.rs"));

    /// The text of data file `path`, if the bank has it.
    pub fn text(path: &str) -> Option<&'static str> {
        FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_resolves_its_topics_and_related_ids() {
        assert!(!questions().is_empty());
        for q in questions() {
            assert_eq!(q.topic_list().count(), q.topics.len(), "{}", q.id);
            for r in q.related {
                assert!(question(r).is_some(), "{} -> {}", q.id, r);
            }
        }
    }

    #[test]
    fn lookups_find_by_id_and_reject_unknown() {
        let first = &questions()[0];
        assert_eq!(question(first.id).map(|q| q.id), Some(first.id));
        assert!(question("no-such-question").is_none());
        assert!(topic("no-such-topic").is_none());
    }

    #[test]
    fn level_ids_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::from_id(l.id()), Some(l));
        }
        assert_eq!(Level::from_id("expert"), None);
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = questions().iter().map(|q| q.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), questions().len());
    }

    #[test]
    fn near_identical_wordings_are_shown_once() {
        let q = Question {
            id: "x",
            question: "Explain how you would develop a backend system for handling IOT device data streams",
            level: Level::Advanced,
            topics: &[],
            also_asked_as: &[
                "How would you develop a backend system for handling IOT device data streams",
                "How do you ingest telemetry from millions of sensors?",
            ],
            related: &[],
            key_points: 3,
            checks: &[],
            content: "",
        };
        assert_eq!(
            q.distinct_wordings(),
            ["How do you ingest telemetry from millions of sensors?"]
        );
        let sql = Question {
            question: "Can you explain the difference between SQL and NoSQL databases?",
            also_asked_as: &[
                "What is the difference between SQL and NoSQL?",
                "What is the difference between SQL and NoSQL databases?",
            ],
            ..q
        };
        assert!(sql.distinct_wordings().is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_content_file_parses_and_matches_its_question() {
        for q in questions() {
            let text = files::text(q.content).expect("content file compiled in");
            let c: Content = serde_json::from_str(text).expect("content parses");
            assert_eq!(c.id, q.id);
            assert_eq!(c.key_points.len(), q.key_points, "{}", q.id);
            assert_eq!(c.checks.len(), q.checks.len(), "{}", q.id);
            assert!(
                c.signals.is_empty() || c.signals.len() == q.key_points,
                "{}: one signal list per key point",
                q.id
            );
            for (k, t) in q.checks.iter().zip(&c.checks) {
                assert_eq!(k.options, t.options.len(), "{}", q.id);
            }
            assert!(!c.answer.is_empty() && !c.summary.is_empty());
        }
    }
}
