//! The design exercises' index, compiled into every build (wasm too): what the list and the
//! practice pages need without a download. Each exercise's text (prompt, model answer, rubric,
//! checks) ships as its own data file, named by [`Design::content`].

use super::{topic, CheckKey, Level, Topic};

/// One design exercise, as compiled into the app.
#[derive(Debug, PartialEq, Eq)]
pub struct Design {
    /// Stable id (the file stem); saved design records are keyed by it.
    pub id: &'static str,
    /// As the list shows it ("Design a URL shortener").
    pub title: &'static str,
    /// Difficulty.
    pub level: Level,
    /// Topic ids (1–3).
    pub topics: &'static [&'static str],
    /// What the exercise is about, as plain text (list, meta description).
    pub summary: &'static str,
    /// Ids of the questions it leans on.
    pub related: &'static [&'static str],
    /// Its multiple-choice checks.
    pub checks: &'static [CheckKey],
    /// Its content file, relative to the site's root (`data/d/<id>.<hash>.json`).
    pub content: &'static str,
}

impl Design {
    /// The exercise's topics, resolved.
    pub fn topic_list(&self) -> impl Iterator<Item = &'static Topic> + '_ {
        self.topics.iter().filter_map(|t| topic(t))
    }
}

mod data {
    use super::{CheckKey, Design, Level};
    include!(concat!(env!("OUT_DIR"), "/design_data.rs"));
}

/// Every design exercise, by id.
pub fn designs() -> &'static [Design] {
    data::DESIGNS
}

/// The design exercise with this id.
pub fn design(id: &str) -> Option<&'static Design> {
    data::DESIGNS.iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_design_resolves_its_topics_and_related_questions() {
        assert!(!designs().is_empty());
        for d in designs() {
            assert_eq!(d.topic_list().count(), d.topics.len(), "{}", d.id);
            for r in d.related {
                assert!(super::super::question(r).is_some(), "{} -> {r}", d.id);
            }
            assert!(
                d.content.starts_with(&format!("data/d/{}.", d.id)),
                "{}",
                d.id
            );
        }
    }

    #[test]
    fn lookup_finds_by_id_and_rejects_unknown() {
        let first = &designs()[0];
        assert_eq!(design(first.id), Some(first));
        assert_eq!(design("no-such-design"), None);
    }

    #[test]
    fn designs_are_sorted_by_id() {
        let ids: Vec<&str> = designs().iter().map(|d| d.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
    }
}
