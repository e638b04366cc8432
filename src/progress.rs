//! What the user has done, as plain data. Pure: no storage, no clock (times are passed in).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything Backprep remembers about the user's study, keyed by question id.
///
/// Ids the bank does not (or no longer) has are kept: the bank may gain them back later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// When each question's page was first opened, in milliseconds since the Unix epoch.
    pub read: BTreeMap<String, u64>,
}

impl Progress {
    /// Records that `id` was opened at `now_ms`; the first opening is the one kept.
    /// Returns whether anything changed (so callers can skip a needless write).
    pub fn mark_read(&mut self, id: &str, now_ms: u64) -> bool {
        if self.read.contains_key(id) {
            return false;
        }
        self.read.insert(id.to_string(), now_ms);
        true
    }

    /// Whether `id` has been opened.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains_key(id)
    }

    /// How many of `ids` have been opened.
    pub fn read_count<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.is_read(id)).count()
    }

    /// Combines what two copies know (e.g. two tabs): the union, keeping each earliest time.
    pub fn merge(&mut self, other: &Progress) {
        for (id, &t) in &other.read {
            self.read
                .entry(id.clone())
                .and_modify(|v| *v = (*v).min(t))
                .or_insert(t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_read_is_kept_and_repeat_is_no_change() {
        let mut p = Progress::default();
        assert!(p.mark_read("jwt", 10));
        assert!(!p.mark_read("jwt", 20));
        assert_eq!(p.read["jwt"], 10);
        assert!(p.is_read("jwt"));
        assert!(!p.is_read("cdn"));
    }

    #[test]
    fn read_count_counts_only_listed_ids() {
        let mut p = Progress::default();
        p.mark_read("a", 1);
        p.mark_read("gone-from-bank", 2);
        assert_eq!(p.read_count(["a", "b"]), 1);
    }

    #[test]
    fn merge_is_a_union_keeping_earliest() {
        let mut a = Progress::default();
        a.mark_read("x", 5);
        a.mark_read("y", 9);
        let mut b = Progress::default();
        b.mark_read("y", 3);
        b.mark_read("z", 7);
        a.merge(&b);
        assert_eq!(a.read.len(), 3);
        assert_eq!(a.read["y"], 3);
    }
}
