//! The list view's state (`?q=…&level=…&topic=…&status=…&only=…&sort=…`) and its URL form. Pure.

use super::UserMarks;
use crate::bank::designs::Design;
use crate::bank::{Level, Question};
use crate::progress::Status;

crate::labelled_enum! {
    /// How the list is ordered.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub enum Sort {
        /// The bank's own order (topic, then level), or relevance when searching.
        #[default]
        Bank => "", "Bank order";
        /// Easiest first.
        Level => "level", "Level";
        /// Grouped by first topic, in taxonomy order.
        Topic => "topic", "Topic";
    }
}

crate::labelled_enum! {
    /// A personal filter: questions due for review, starred, or with a note of one's own.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PersonalFilter {
        /// Due for review by the end of today.
        Due => "due", "Due";
        /// Starred.
        Bookmarked => "bookmarked", "Bookmarked";
        /// With a personal note.
        Notes => "notes", "Has notes";
    }
}

/// The list view's state: what is searched, filtered and how it is sorted.
///
/// Normalised: levels and topics are sorted and free of duplicates, so equal views compare equal
/// and produce the same URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ListQuery {
    /// Search text as typed.
    pub q: String,
    /// Levels to keep (any of them); empty keeps all.
    pub levels: Vec<Level>,
    /// Topic ids to keep (any of them); empty keeps all.
    pub topics: Vec<String>,
    /// Practice statuses to keep (any of them); empty keeps all.
    pub statuses: Vec<Status>,
    /// Personal filters a question must all pass (due, bookmarked, has notes).
    pub only: Vec<PersonalFilter>,
    /// Order.
    pub sort: Sort,
    /// The questions a search on the list found, in its order (`found=…`): how a quiz or mock
    /// interview reached from a search takes its questions, since only the list searches (the
    /// other parts of the app carry no search index). Not part of the list's own URL.
    pub found: Vec<String>,
}

impl ListQuery {
    /// Reads the state from URL parameters. Unknown levels and topics (`known_topic` says which
    /// exist) are dropped rather than failing the view.
    pub fn from_params(
        get: impl Fn(&str) -> Option<String>,
        known_topic: impl Fn(&str) -> bool,
    ) -> Self {
        let list = |key: &str| -> Vec<String> {
            get(key)
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        };
        let mut query = ListQuery {
            q: get("q").unwrap_or_default(),
            levels: list("level")
                .iter()
                .filter_map(|l| Level::from_id(l))
                .collect(),
            topics: list("topic")
                .into_iter()
                .filter(|t| known_topic(t))
                .collect(),
            statuses: list("status")
                .iter()
                .filter_map(|s| Status::from_id(s))
                .collect(),
            only: list("only")
                .iter()
                .filter_map(|o| PersonalFilter::from_id(o))
                .collect(),
            sort: Sort::from_id(&get("sort").unwrap_or_default()).unwrap_or_default(),
            found: list("found"),
        };
        query.normalize();
        query
    }

    /// Reads the state from a URL query string (`?q=…&level=…`, the `?` optional), as
    /// [`ListQuery::from_params`] does.
    pub fn from_query_string(s: &str, known_topic: impl Fn(&str) -> bool) -> Self {
        let pairs = parse_query_string(s);
        ListQuery::from_params(
            |k| {
                pairs
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            },
            known_topic,
        )
    }

    /// Sorts and de-duplicates the filters.
    pub fn normalize(&mut self) {
        crate::order::sort_dedup(&mut self.levels);
        crate::order::sort_dedup(&mut self.topics);
        crate::order::sort_dedup(&mut self.statuses);
        crate::order::sort_dedup(&mut self.only);
    }

    /// The URL query string for this state, `?…` or `""` when nothing is set. Parameter names are
    /// exactly `q`, `level`, `topic`, `status`, `only` and `sort`, in that order; several values are
    /// comma-separated.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_component(&self.q)));
        }
        if !self.levels.is_empty() {
            let ids: Vec<&str> = self.levels.iter().map(|l| l.id()).collect();
            parts.push(format!("level={}", ids.join(",")));
        }
        if !self.topics.is_empty() {
            let ids: Vec<String> = self.topics.iter().map(|t| encode_component(t)).collect();
            parts.push(format!("topic={}", ids.join(",")));
        }
        if !self.statuses.is_empty() {
            let ids: Vec<&str> = self.statuses.iter().map(|s| s.id()).collect();
            parts.push(format!("status={}", ids.join(",")));
        }
        if !self.only.is_empty() {
            let ids: Vec<&str> = self.only.iter().map(|o| o.id()).collect();
            parts.push(format!("only={}", ids.join(",")));
        }
        if self.sort != Sort::Bank {
            parts.push(format!("sort={}", self.sort.id()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The URL query string of a quiz or mock interview over this view, which shows `found` (the
    /// ids the list shows, in order): the view's own string, plus `found=…` when it searches.
    pub fn selection_query_string(&self, found: &[&str]) -> String {
        let own = self.to_query_string();
        if self.q.trim().is_empty() || found.is_empty() {
            return own;
        }
        let ids: Vec<String> = found.iter().map(|id| encode_component(id)).collect();
        format!("{own}&found={}", ids.join(","))
    }

    /// Whether this view searches for text but carries no found questions (an address typed by
    /// hand, or a search that found nothing): outside the list it selects nothing.
    pub fn searches_without_found(&self) -> bool {
        !self.q.trim().is_empty() && self.found.is_empty()
    }

    /// How many filters and sort choices are on (the search text aside): the count on the
    /// "Filters" fold.
    pub fn filter_count(&self) -> usize {
        self.levels.len()
            + self.topics.len()
            + self.statuses.len()
            + self.only.len()
            + usize::from(self.sort != Sort::default())
    }

    /// Whether the view is narrowed at all (a search or any filter).
    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.levels.is_empty()
            || !self.topics.is_empty()
            || !self.statuses.is_empty()
            || !self.only.is_empty()
    }

    /// A copy with `status` switched on or off.
    pub fn toggle_status(&self, status: Status) -> Self {
        self.toggled(|q| toggle(&mut q.statuses, status))
    }

    /// A copy with the personal filter `only` switched on or off.
    pub fn toggle_only(&self, only: PersonalFilter) -> Self {
        self.toggled(|q| toggle(&mut q.only, only))
    }

    /// A copy with `level` switched on or off.
    pub fn toggle_level(&self, level: Level) -> Self {
        self.toggled(|q| toggle(&mut q.levels, level))
    }

    /// A copy with topic `id` switched on or off.
    pub fn toggle_topic(&self, id: &str) -> Self {
        self.toggled(|q| toggle(&mut q.topics, id.to_string()))
    }

    fn toggled(&self, change: impl FnOnce(&mut ListQuery)) -> Self {
        let mut next = self.clone();
        change(&mut next);
        next.normalize();
        next
    }

    /// A copy without search text and filters (the sort is kept).
    pub fn cleared(&self) -> Self {
        ListQuery {
            sort: self.sort,
            ..ListQuery::default()
        }
    }

    /// Whether question `q`, with the user's `mine`, passes the filters (not the search).
    pub fn keeps(&self, q: &Question, mine: &UserMarks) -> bool {
        (self.levels.is_empty() || self.levels.contains(&q.level))
            && (self.topics.is_empty()
                || q.topics.iter().any(|t| self.topics.iter().any(|f| f == t)))
            && (self.statuses.is_empty() || self.statuses.contains(&mine.status))
            && self.only.iter().all(|&o| mine.has(o))
    }

    /// Whether design exercise `d` belongs to this selection when a quiz adds the exercises'
    /// checks: by the level and topic filters, as a question would. A search, a status or a
    /// personal filter selects questions by what the user did with them, which says nothing of an
    /// exercise, so none joins then.
    pub fn keeps_design(&self, d: &Design) -> bool {
        self.q.trim().is_empty()
            && self.found.is_empty()
            && self.statuses.is_empty()
            && self.only.is_empty()
            && (self.levels.is_empty() || self.levels.contains(&d.level))
            && (self.topics.is_empty()
                || d.topics.iter().any(|t| self.topics.iter().any(|f| f == t)))
    }
}

/// Removes `value` from `values` if present, else adds it.
fn toggle<T: PartialEq>(values: &mut Vec<T>, value: T) {
    match values.iter().position(|v| *v == value) {
        Some(i) => {
            values.remove(i);
        }
        None => values.push(value),
    }
}

/// Percent-encodes a URL query component (RFC 3986 unreserved characters pass through).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a URL query component (`%XX` and `+` for space). Invalid escapes are kept as text.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits `?a=1&b=2` into decoded pairs.
pub fn parse_query_string(s: &str) -> Vec<(String, String)> {
    s.trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode_component(k), decode_component(v)),
            None => (decode_component(p), String::new()),
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::bank;
    use proptest::prelude::*;

    #[test]
    fn design_exercises_join_a_selection_by_level_and_topic_only() {
        let d = bank::design("url-shortener").expect("in the bank");
        let all = ListQuery::default();
        assert!(all.keeps_design(d));
        let level = |l| ListQuery {
            levels: vec![l],
            ..ListQuery::default()
        };
        assert!(level(d.level).keeps_design(d));
        let other = Level::ALL.iter().copied().find(|&l| l != d.level).unwrap();
        assert!(!level(other).keeps_design(d));
        let topic = |t: &str| ListQuery {
            topics: vec![t.into()],
            ..ListQuery::default()
        };
        assert!(topic(d.topics[0]).keeps_design(d));
        assert!(!topic("behavioral").keeps_design(d));
        for narrowed in [
            ListQuery {
                q: "url".into(),
                ..ListQuery::default()
            },
            ListQuery {
                statuses: vec![Status::New],
                ..ListQuery::default()
            },
            ListQuery {
                only: vec![PersonalFilter::Bookmarked],
                ..ListQuery::default()
            },
            ListQuery {
                found: vec!["jwt".into()],
                ..ListQuery::default()
            },
        ] {
            assert!(!narrowed.keeps_design(d), "{narrowed:?}");
        }
    }

    #[test]
    fn url_uses_exact_names_and_commas() {
        let q = ListQuery {
            q: "cap theorem & more".into(),
            levels: vec![Level::Beginner, Level::Advanced],
            topics: vec!["databases".into(), "security".into()],
            statuses: vec![Status::New, Status::Partly],
            only: vec![PersonalFilter::Due, PersonalFilter::Notes],
            sort: Sort::Level,
            found: vec!["cap-theorem".into()],
        };
        assert_eq!(
            q.to_query_string(),
            "?q=cap%20theorem%20%26%20more&level=beginner,advanced&topic=databases,security&status=new,partly&only=due,notes&sort=level"
        );
        assert_eq!(ListQuery::default().to_query_string(), "");
        assert_eq!(
            q.selection_query_string(&["cap-theorem", "acid"]),
            format!("{}&found=cap-theorem,acid", q.to_query_string()),
            "a quiz over a search carries what it found"
        );
    }

    #[test]
    fn toggles_add_then_remove_and_keep_filters_sorted() {
        let q = ListQuery::default()
            .toggle_level(Level::Advanced)
            .toggle_level(Level::Beginner);
        assert_eq!(q.levels, vec![Level::Beginner, Level::Advanced]);
        assert_eq!(
            q.toggle_level(Level::Advanced).levels,
            vec![Level::Beginner]
        );
        let t = q.toggle_topic("security").toggle_topic("databases");
        assert_eq!(
            t.topics,
            vec!["databases".to_string(), "security".to_string()]
        );
        assert!(t
            .toggle_topic("security")
            .toggle_topic("databases")
            .topics
            .is_empty());
        assert_eq!(q.toggle_status(Status::New).toggle_status(Status::New), q);
    }

    #[test]
    fn unknown_url_values_are_dropped() {
        let q = ListQuery::from_query_string(
            "?level=expert,beginner&topic=cooking,databases&sort=weird",
            |t| bank::topic(t).is_some(),
        );
        assert_eq!(q.levels, vec![Level::Beginner]);
        assert_eq!(q.topics, vec!["databases".to_string()]);
        assert_eq!(q.sort, Sort::Bank);
    }

    #[test]
    fn decode_handles_plus_and_bad_escapes() {
        assert_eq!(decode_component("a+b%20c%zz%"), "a b c%zz%");
        assert_eq!(decode_component("%E2%9C%93"), "✓");
    }

    fn any_query() -> impl Strategy<Value = ListQuery> {
        let level = prop_oneof![
            Just(Level::Beginner),
            Just(Level::Intermediate),
            Just(Level::Advanced)
        ];
        let topic = proptest::sample::select(
            bank::topics()
                .iter()
                .map(|t| t.id.to_string())
                .collect::<Vec<_>>(),
        );
        let sort = prop_oneof![Just(Sort::Bank), Just(Sort::Level), Just(Sort::Topic)];
        let status = proptest::sample::select(Status::ALL.to_vec());
        let only = proptest::sample::select(PersonalFilter::ALL.to_vec());
        (
            ".{0,40}",
            proptest::collection::vec(level, 0..4),
            proptest::collection::vec(topic, 0..4),
            proptest::collection::vec(status, 0..3),
            proptest::collection::vec(only, 0..3),
            sort,
        )
            .prop_map(|(q, levels, topics, statuses, only, sort)| {
                let mut query = ListQuery {
                    q,
                    levels,
                    topics,
                    statuses,
                    only,
                    sort,
                    found: vec![],
                };
                query.normalize();
                query
            })
    }

    proptest! {
        #[test]
        fn url_round_trips(query in any_query()) {
            let back = ListQuery::from_query_string(&query.to_query_string(), |t| bank::topic(t).is_some());
            prop_assert_eq!(back, query);
        }

        #[test]
        fn a_selection_url_round_trips_with_what_was_found(
            query in any_query(),
            found in proptest::collection::vec("[a-z0-9-]{1,12}", 1..5),
        ) {
            let ids: Vec<&str> = found.iter().map(String::as_str).collect();
            let back = ListQuery::from_query_string(
                &query.selection_query_string(&ids),
                |t| bank::topic(t).is_some(),
            );
            let searches = !query.q.trim().is_empty();
            prop_assert_eq!(&back.found, &if searches { found.clone() } else { vec![] });
            prop_assert_eq!(ListQuery { found: vec![], ..back }, query);
        }
    }
}
