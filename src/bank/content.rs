//! A question's content: everything but what listing and dealing need, rendered to HTML at build
//! time and shipped as one small JSON file per question (`data/q/<id>.<hash>.json`). The app
//! fetches it when a page or a quiz card needs it, the service worker keeps every file for offline
//! use, and a prerendered question page carries its own inline so it shows with no fetch.

use serde::{Deserialize, Serialize};

/// One question's content. Every HTML field holds pulldown-cmark output from a file with no raw
/// HTML in it (the bank's validator refuses any), so it is safe to insert as HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    /// The question id.
    pub id: String,
    /// The 20-second answer (inline HTML).
    pub summary: String,
    /// The self-grading rubric (inline HTML each).
    pub key_points: Vec<String>,
    /// The detailed answer (block HTML).
    pub answer: String,
    /// Likely next questions (plain text).
    pub follow_ups: Vec<String>,
    /// What weak answers say and why they lose marks (inline HTML each).
    pub pitfalls: Vec<String>,
    /// For behavioral questions, a weak answer set against a strong one.
    #[serde(default)]
    pub contrast: Option<Contrast>,
    /// The multiple-choice checks' text, in the order of `Question::checks`.
    pub checks: Vec<CheckText>,
    /// Per key point, the alternatives of its signals (the terms that show it was made), each in
    /// the matcher's normal form (`bank::words::normal_phrase`: words joined by single spaces),
    /// for the ticks `feedback::judge` suggests. Empty when the file has none (left out of the
    /// file then).
    #[serde(default)]
    pub signals: Vec<Vec<String>>,
}

/// A weak answer set against a strong one (inline HTML each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contrast {
    /// What a weak answer does.
    pub weak: String,
    /// What a strong answer does instead.
    pub strong: String,
}

/// A check's text (inline HTML each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckText {
    /// What is asked.
    pub prompt: String,
    /// The options, in the file's order.
    pub options: Vec<String>,
    /// Why the right option is right.
    pub explanation: String,
}

/// The content of question `id` from the files compiled into a host build (the prerenderer and
/// host tests); the browser fetches the same files instead.
#[cfg(not(target_arch = "wasm32"))]
pub fn compiled(id: &str) -> Option<Content> {
    let q = super::question(id)?;
    serde_json::from_str(super::files::text(q.content)?).ok()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{format, html_to_text};

    #[test]
    fn signals_ship_in_the_content_file_in_the_matchers_normal_form() {
        let c = super::compiled("sql-injection").expect("compiled in");
        assert_eq!(c.signals.len(), c.key_points.len());
        assert!(c.signals[1].contains(&"prepar statement".to_string()));
        // The app judges an answer with them as they arrive.
        let got = crate::feedback::judge("I use prepared statements", &c.signals);
        assert!(got[1].covered && !got[0].covered);
        let without = super::super::questions()
            .iter()
            .filter_map(|q| super::compiled(q.id))
            .find(|c| c.signals.is_empty());
        if let Some(c) = without {
            let text = super::super::files::text(super::super::question(&c.id).unwrap().content);
            assert!(
                !text.unwrap().contains("\"signals\""),
                "left out when empty"
            );
        }
    }

    #[test]
    fn derived_text_has_the_same_characters_as_the_renderer_text_for_every_answer() {
        // Search indexes text derived from the shipped HTML; it must hold exactly the visible text
        // pulldown-cmark saw (spacing aside), for every real answer.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/questions");
        let parsed = format::load_bank_dir(&dir).expect("bank is valid");
        let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for q in &parsed.questions {
            assert_eq!(
                squash(&html_to_text(&q.answer.html)),
                squash(&q.answer.text),
                "{}",
                q.id
            );
            assert_eq!(
                squash(&html_to_text(&q.summary.html)),
                squash(&q.summary.text),
                "{}",
                q.id
            );
        }
    }
}
