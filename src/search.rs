//! The list view's state and the search behind it. Pure: no DOM, no storage.
//!
//! - [`ListQuery`] is the view state (`?q=…&level=…&topic=…&sort=…`) and maps to and from the URL.
//! - [`Index`] is an inverted index over each question's wordings, summary, key points and answer:
//!   prefix matching, one typo in longer words, and ranking by the field a term matched in.
//! - [`highlight`] and [`snippet`] mark matched words in plain text for display as text nodes.

use crate::bank::{Level, Question};
use crate::progress::Status;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// The bank's own order (topic, then level), or relevance when searching.
    #[default]
    Bank,
    /// Easiest first.
    Level,
    /// Grouped by first topic, in taxonomy order.
    Topic,
}

impl Sort {
    /// Every sort, in menu order.
    pub const ALL: [Sort; 3] = [Sort::Bank, Sort::Level, Sort::Topic];

    /// The URL value (`""` for the default).
    pub fn id(self) -> &'static str {
        match self {
            Sort::Bank => "",
            Sort::Level => "level",
            Sort::Topic => "topic",
        }
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Bank => "Bank order",
            Sort::Level => "Level",
            Sort::Topic => "Topic",
        }
    }

    /// The sort with this URL value; unknown values mean the default.
    pub fn from_id(id: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.id() == id)
            .unwrap_or_default()
    }
}

/// A personal filter: questions due for review, starred, or with a note of one's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Only {
    /// Due for review by the end of today.
    Due,
    /// Starred.
    Bookmarked,
    /// With a personal note.
    Notes,
}

impl Only {
    /// Every personal filter, in chip order.
    pub const ALL: [Only; 3] = [Only::Due, Only::Bookmarked, Only::Notes];

    /// URL value.
    pub fn id(self) -> &'static str {
        match self {
            Only::Due => "due",
            Only::Bookmarked => "bookmarked",
            Only::Notes => "notes",
        }
    }

    /// Chip label.
    pub fn label(self) -> &'static str {
        match self {
            Only::Due => "Due",
            Only::Bookmarked => "Bookmarked",
            Only::Notes => "Has notes",
        }
    }

    /// The filter with this URL value.
    pub fn from_id(id: &str) -> Option<Only> {
        Only::ALL.into_iter().find(|o| o.id() == id)
    }
}

/// What the list knows of the user's own relation to a question (from progress and the schedule).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mine<'a> {
    /// Practice status.
    pub status: Status,
    /// Due for review by the end of today.
    pub due: bool,
    /// Starred.
    pub bookmarked: bool,
    /// The personal note, if any (searched along with the bank's text).
    pub note: Option<&'a str>,
}

impl Mine<'_> {
    fn has(&self, only: Only) -> bool {
        match only {
            Only::Due => self.due,
            Only::Bookmarked => self.bookmarked,
            Only::Notes => self.note.is_some(),
        }
    }
}

/// What the list shows and filters of question `id`: its status, whether it is due by `due_by`
/// (ms), starred, and its note.
pub fn mine<'a>(
    progress: &'a crate::progress::Progress,
    schedule: &crate::schedule::Schedule,
    due_by: u64,
    id: &str,
) -> Mine<'a> {
    Mine {
        status: progress.status(id),
        due: schedule.is_due(id, due_by),
        bookmarked: progress.is_bookmarked(id),
        note: progress.note(id),
    }
}

/// Whether every word of `query` starts a word of `note` (how a personal note matches a search).
pub fn note_matches(note: &str, query: &str) -> bool {
    let words: Vec<String> = tokens(note).collect();
    let mut wanted = tokens(query).peekable();
    wanted.peek().is_some() && wanted.all(|w| words.iter().any(|n| n.starts_with(w.as_str())))
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
    pub only: Vec<Only>,
    /// Order.
    pub sort: Sort,
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
                .filter_map(|o| Only::from_id(o))
                .collect(),
            sort: Sort::from_id(&get("sort").unwrap_or_default()),
        };
        query.normalize();
        query
    }

    /// Sorts and de-duplicates the filters.
    pub fn normalize(&mut self) {
        self.levels.sort();
        self.levels.dedup();
        self.topics.sort();
        self.topics.dedup();
        self.statuses.sort();
        self.statuses.dedup();
        self.only.sort();
        self.only.dedup();
    }

    /// The URL query string for this state, `?…` or `""` when nothing is set. Parameter names are
    /// exactly `q`, `level`, `topic`, `sort`; several values are comma-separated.
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

    /// Whether any search or filter is active (sorting alone does not count).
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
    pub fn toggle_only(&self, only: Only) -> Self {
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

    fn keeps(&self, q: &Question, mine: &Mine) -> bool {
        (self.levels.is_empty() || self.levels.contains(&q.level))
            && (self.topics.is_empty()
                || q.topics.iter().any(|t| self.topics.iter().any(|f| f == t)))
            && (self.statuses.is_empty() || self.statuses.contains(&mine.status))
            && self.only.iter().all(|&o| mine.has(o))
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

/// Where a word was found; a higher rank outranks any number of lower ones for the same term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The answer text.
    Body = 1,
    /// The key points.
    KeyPoints = 2,
    /// The 20-second summary.
    Summary = 3,
    /// The question or one of its other wordings.
    Wording = 4,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Body => 1.0,
            Field::KeyPoints => 3.0,
            Field::Summary => 4.0,
            Field::Wording => 10.0,
        }
    }
}

/// The searchable text of one document.
pub struct Doc<'a> {
    /// The question and its other wordings.
    pub wordings: Vec<&'a str>,
    /// The summary.
    pub summary: Cow<'a, str>,
    /// The key points.
    pub key_points: Vec<Cow<'a, str>>,
    /// The answer.
    pub body: Cow<'a, str>,
}

impl<'a> Doc<'a> {
    /// The searchable text of a bank question.
    pub fn of(q: &'a Question) -> Self {
        let mut wordings = vec![q.question];
        wordings.extend(q.also_asked_as.iter().copied());
        Doc {
            wordings,
            summary: Cow::Owned(q.summary.text()),
            key_points: q.key_points.iter().map(|k| Cow::Owned(k.text())).collect(),
            body: Cow::Owned(q.answer.text()),
        }
    }
}

/// Lowercase alphanumeric words of `text`, with their byte ranges in `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
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
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(move |(s, e)| text[s..e].to_lowercase())
}

/// An inverted index: every distinct word, sorted, with the documents (and best field) it is in.
#[derive(Clone)]
pub struct Index {
    vocab: Vec<String>,
    postings: Vec<Vec<(u32, Field)>>,
    docs: usize,
}

/// How well a query term (of `n` characters, five or more) matches `word` with one typo: a whole
/// word one edit away, or a longer word whose start is one edit away (a typo in a word still being
/// typed).
fn typo_quality(term: &str, n: usize, word: &str) -> Option<f32> {
    if word.is_ascii() && term.is_ascii() {
        // The common case, without allocating.
        let (t, w) = (term.as_bytes(), word.as_bytes());
        if w.len().abs_diff(t.len()) <= 1 && within_one_edit_of(t, w) {
            return Some(0.6);
        }
        if w.len() > t.len() && within_one_edit_of(t, &w[..t.len()]) {
            return Some(0.5);
        }
        return None;
    }
    let t: Vec<char> = term.chars().collect();
    let w: Vec<char> = word.chars().collect();
    if w.len().abs_diff(n) <= 1 && within_one_edit_of(&t, &w) {
        return Some(0.6);
    }
    if w.len() > n && within_one_edit_of(&t, &w[..n]) {
        return Some(0.5);
    }
    None
}

/// True when `a` and `b` differ by at most one insertion, deletion, substitution or swap of
/// neighbouring characters.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    within_one_edit_of(&a, &b)
}

fn within_one_edit_of<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if prefix == a.len() && prefix == b.len() {
        return true;
    }
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

/// The outcome of a search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Matching document indexes with their scores, best first (ties keep document order).
    pub hits: Vec<(usize, f32)>,
    /// Every vocabulary word that matched a query term: what to highlight.
    pub matched: BTreeSet<String>,
}

impl Index {
    /// Builds the index over `docs`.
    pub fn build(docs: &[Doc<'_>]) -> Index {
        // One map lookup per token, allocating only for words not seen before; documents are
        // visited in order, so each posting list comes out sorted by document.
        let mut map: std::collections::BTreeMap<String, Vec<(u32, Field)>> = Default::default();
        let mut word = String::new();
        for (i, d) in docs.iter().enumerate() {
            let i = i as u32;
            let mut add = |text: &str, field: Field| {
                for (s, e) in words(text) {
                    word.clear();
                    let raw = &text[s..e];
                    if raw.is_ascii() {
                        word.extend(raw.bytes().map(|b| b.to_ascii_lowercase() as char));
                    } else {
                        word.push_str(&raw.to_lowercase());
                    }
                    let postings = match map.get_mut(word.as_str()) {
                        Some(p) => p,
                        None => map.entry(word.clone()).or_default(),
                    };
                    match postings.last_mut() {
                        Some((doc, best)) if *doc == i => *best = (*best).max(field),
                        _ => postings.push((i, field)),
                    }
                }
            };
            for w in &d.wordings {
                add(w, Field::Wording);
            }
            add(&d.summary, Field::Summary);
            for k in &d.key_points {
                add(k, Field::KeyPoints);
            }
            add(&d.body, Field::Body);
        }
        let (vocab, postings) = map.into_iter().unzip();
        Index {
            vocab,
            postings,
            docs: docs.len(),
        }
    }

    /// Number of distinct words.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// Finds the documents containing every term of `query` (by prefix, or with one typo in terms of
    /// five or more letters), scored by the best field each term matched in.
    pub fn search(&self, query: &str) -> Found {
        let mut terms: Vec<String> = tokens(query).collect();
        terms.sort();
        terms.dedup();
        if terms.is_empty() {
            return Found::default();
        }
        let mut total = vec![0.0f32; self.docs];
        let mut matched_terms = vec![0u16; self.docs];
        let mut best = vec![0.0f32; self.docs];
        let mut matched = BTreeSet::new();
        for term in &terms {
            best.iter_mut().for_each(|b| *b = 0.0);
            // Exact and prefix matches sit in one sorted range; typos need a scan.
            let start = self.vocab.partition_point(|w| w.as_str() < term.as_str());
            let mut visit = |w: usize, q: f32, matched: &mut BTreeSet<String>| {
                matched.insert(self.vocab[w].clone());
                for &(doc, field) in &self.postings[w] {
                    let s = field.weight() * q;
                    let b = &mut best[doc as usize];
                    if s > *b {
                        *b = s;
                    }
                }
            };
            let mut w = start;
            while w < self.vocab.len() && self.vocab[w].starts_with(term.as_str()) {
                let q = if self.vocab[w] == *term { 1.0 } else { 0.8 };
                visit(w, q, &mut matched);
                w += 1;
            }
            let n = term.chars().count();
            if n >= 5 {
                let end = w;
                for (i, word) in self.vocab.iter().enumerate() {
                    // Words more than one shorter can match neither way.
                    if (start..end).contains(&i) || word.len() + 1 < term.len() {
                        continue;
                    }
                    if let Some(q) = typo_quality(term, n, word) {
                        visit(i, q, &mut matched);
                    }
                }
            }
            for d in 0..self.docs {
                if best[d] > 0.0 {
                    total[d] += best[d];
                    matched_terms[d] += 1;
                }
            }
        }
        let need = terms.len() as u16;
        let mut hits: Vec<(usize, f32)> = (0..self.docs)
            .filter(|&d| matched_terms[d] == need)
            .map(|d| (d, total[d]))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Found { hits, matched }
    }
}

/// Search over the real bank. The index and the plain texts are built on first use (the first
/// search, or [`BankSearch::warm`] after the first paint), so listing and filtering never wait for it.
pub struct BankSearch {
    texts: std::sync::OnceLock<BankTexts>,
    /// Topic ids in taxonomy order.
    pub topic_ids: Vec<&'static str>,
}

/// What [`BankSearch`] builds on first use.
pub struct BankTexts {
    /// The index, one document per question in bank order.
    pub index: Index,
    /// Plain-text summaries, in bank order.
    pub summaries: Vec<String>,
    /// Plain-text answers, in bank order.
    pub bodies: Vec<String>,
}

/// The shared [`BankSearch`].
pub fn bank_search() -> &'static BankSearch {
    static DATA: std::sync::OnceLock<BankSearch> = std::sync::OnceLock::new();
    DATA.get_or_init(|| BankSearch {
        texts: std::sync::OnceLock::new(),
        topic_ids: crate::bank::topics().iter().map(|t| t.id).collect(),
    })
}

impl BankSearch {
    /// The index and texts, built now if not yet.
    pub fn texts(&self) -> &BankTexts {
        self.texts.get_or_init(|| {
            let docs: Vec<Doc> = crate::bank::questions().iter().map(Doc::of).collect();
            BankTexts {
                index: Index::build(&docs),
                summaries: docs.iter().map(|d| d.summary.to_string()).collect(),
                bodies: docs.iter().map(|d| d.body.to_string()).collect(),
            }
        })
    }

    /// Builds the index ahead of the first search.
    pub fn warm(&self) {
        self.texts();
    }

    /// The index when `query` searches, else an empty one (filters alone need none).
    fn index_for(&self, query: &ListQuery) -> std::borrow::Cow<'_, Index> {
        if tokens(&query.q).next().is_some() {
            std::borrow::Cow::Borrowed(&self.texts().index)
        } else {
            std::borrow::Cow::Owned(Index::build(&[]))
        }
    }

    /// [`run`] over the real bank.
    pub fn run<'a>(
        &self,
        query: &ListQuery,
        mine_of: &dyn Fn(&str) -> Mine<'a>,
    ) -> (Vec<usize>, BTreeSet<String>) {
        run(
            crate::bank::questions(),
            &self.index_for(query),
            query,
            &self.topic_ids,
            mine_of,
        )
    }

    /// [`facet_counts`] over the real bank.
    pub fn facet_counts<'a>(
        &self,
        query: &ListQuery,
        mine_of: &dyn Fn(&str) -> Mine<'a>,
    ) -> (Vec<(Level, usize)>, Vec<usize>) {
        facet_counts(
            crate::bank::questions(),
            &self.index_for(query),
            query,
            &self.topic_ids,
            mine_of,
        )
    }

    /// What to show under a search result: the summary around a match, else the answer around a
    /// match, else nothing (the match was in a wording).
    pub fn snippet_for(&self, i: usize, matched: &BTreeSet<String>) -> Option<String> {
        let texts = self.texts();
        snippet(&texts.summaries[i], matched, 160)
            .or_else(|| snippet(&texts.bodies[i], matched, 160))
    }
}

/// The questions a view shows, in order: search (ranked) when `query.q` has words, then the level
/// and topic filters, then the sort. Returns indexes into `questions`, plus the words to highlight.
pub fn run<'a>(
    questions: &[Question],
    index: &Index,
    query: &ListQuery,
    topic_order: &[&str],
    mine_of: &dyn Fn(&str) -> Mine<'a>,
) -> (Vec<usize>, BTreeSet<String>) {
    let searching = tokens(&query.q).next().is_some();
    let (mut shown, matched): (Vec<usize>, BTreeSet<String>) = if searching {
        let found = index.search(&query.q);
        let mut hits: Vec<usize> = found.hits.into_iter().map(|(d, _)| d).collect();
        // Questions found only through the user's own note come after the bank's matches.
        let from_notes: Vec<usize> = (0..questions.len())
            .filter(|i| !hits.contains(i))
            .filter(|&i| {
                mine_of(questions[i].id)
                    .note
                    .is_some_and(|n| note_matches(n, &query.q))
            })
            .collect();
        hits.extend(from_notes);
        (hits, found.matched)
    } else {
        ((0..questions.len()).collect(), BTreeSet::new())
    };
    shown.retain(|&i| query.keeps(&questions[i], &mine_of(questions[i].id)));
    let topic_rank = |i: usize| {
        topic_order
            .iter()
            .position(|t| *t == questions[i].topics[0])
            .unwrap_or(usize::MAX)
    };
    match query.sort {
        Sort::Bank => {}
        // Stable sorts keep relevance (or bank order) within each group.
        Sort::Level => shown.sort_by_key(|&i| questions[i].level),
        Sort::Topic => shown.sort_by_key(|&i| topic_rank(i)),
    }
    (shown, matched)
}

/// How many questions each filter chip would show, given the search text and the *other* filter.
pub fn facet_counts<'a>(
    questions: &[Question],
    index: &Index,
    query: &ListQuery,
    topic_ids: &[&str],
    mine_of: &dyn Fn(&str) -> Mine<'a>,
) -> (Vec<(Level, usize)>, Vec<usize>) {
    let base = ListQuery {
        levels: vec![],
        topics: vec![],
        statuses: query.statuses.clone(),
        only: query.only.clone(),
        sort: Sort::Bank,
        q: query.q.clone(),
    };
    let (candidates, _) = run(questions, index, &base, topic_ids, mine_of);
    let by_level = Level::ALL
        .iter()
        .map(|&l| {
            let n = candidates
                .iter()
                .filter(|&&i| questions[i].level == l)
                .filter(|&&i| {
                    query.topics.is_empty()
                        || questions[i]
                            .topics
                            .iter()
                            .any(|t| query.topics.iter().any(|f| f == t))
                })
                .count();
            (l, n)
        })
        .collect();
    let by_topic = topic_ids
        .iter()
        .map(|t| {
            candidates
                .iter()
                .filter(|&&i| questions[i].topics.contains(t))
                .filter(|&&i| query.levels.is_empty() || query.levels.contains(&questions[i].level))
                .count()
        })
        .collect();
    (by_level, by_topic)
}

/// Splits `text` into runs, marking the words in `matched` (compared lowercase). Rendered as text
/// nodes and `<mark>` elements, so the query never becomes HTML.
pub fn highlight<'t>(text: &'t str, matched: &BTreeSet<String>) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut last = 0;
    if matched.is_empty() {
        return vec![(text, false)];
    }
    for (s, e) in words(text) {
        if matched.contains(&text[s..e].to_lowercase()) {
            if s > last {
                out.push((&text[last..s], false));
            }
            out.push((&text[s..e], true));
            last = e;
        }
    }
    if last < text.len() {
        out.push((&text[last..], false));
    }
    out
}

/// About `max_chars` of `text` around its first matched word, with ellipses where cut; `None` when
/// no word matches.
pub fn snippet(text: &str, matched: &BTreeSet<String>, max_chars: usize) -> Option<String> {
    let (s, _) = words(text).find(|&(s, e)| matched.contains(&text[s..e].to_lowercase()))?;
    let before = max_chars / 3;
    let mut start = text[..s]
        .char_indices()
        .rev()
        .nth(before)
        .map(|(i, _)| i)
        .unwrap_or(0);
    // Start at a word boundary.
    if start > 0 {
        start = text[start..]
            .find(' ')
            .map(|i| start + i + 1)
            .unwrap_or(start);
    }
    let mut end = text[start..]
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| start + i)
        .unwrap_or(text.len());
    if end < text.len() {
        end = text[..end].rfind(' ').filter(|&i| i > s).unwrap_or(end);
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    Some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::bank;
    use proptest::prelude::*;

    fn bank_index() -> &'static Index {
        &bank_search().texts().index
    }

    fn ids_for(q: &str) -> Vec<&'static str> {
        let index = bank_index();
        let query = ListQuery {
            q: q.into(),
            ..Default::default()
        };
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        run(bank::questions(), index, &query, &topics, &|_| {
            Mine::default()
        })
        .0
        .into_iter()
        .map(|i| bank::questions()[i].id)
        .collect()
    }

    fn doc<'a>(wording: &'a str, summary: &'a str, body: &'a str) -> Doc<'a> {
        Doc {
            wordings: vec![wording],
            summary: summary.into(),
            key_points: vec![],
            body: body.into(),
        }
    }

    #[test]
    fn prefix_finds_whole_words() {
        let ids = ids_for("idempot");
        assert_eq!(ids.first(), Some(&"idempotency"), "{ids:?}");
    }

    #[test]
    fn one_typo_in_a_longer_word_is_tolerated() {
        assert_eq!(ids_for("idempotancy").first(), Some(&"idempotency"));
        assert!(ids_for("kubernetse").len() > 1, "transposition");
        // Short words must match exactly or by prefix: "cap" must not match "cat" etc.
        assert!(within_one_edit("cache", "cachy"));
        assert!(!within_one_edit("cache", "catchy"));
    }

    #[test]
    fn every_term_must_match() {
        let both = ids_for("jwt signature");
        assert!(both.contains(&"jwt"));
        assert!(ids_for("jwt zzzzqqq").is_empty());
    }

    #[test]
    fn wording_outranks_summary_outranks_body() {
        let docs = vec![
            doc("alpha", "beta", "gamma zebra"),
            doc("alpha", "zebra", "gamma"),
            doc("zebra", "beta", "gamma"),
        ];
        let index = Index::build(&docs);
        let order: Vec<usize> = index.search("zebra").hits.iter().map(|h| h.0).collect();
        assert_eq!(order, vec![2, 1, 0]);
    }

    #[test]
    fn alternate_wordings_rank_like_the_question() {
        let docs = vec![
            doc("first", "something", "rest rest rest"),
            Doc {
                wordings: vec!["second", "What is REST?"],
                summary: "x".into(),
                key_points: vec![],
                body: "y".into(),
            },
        ];
        let index = Index::build(&docs);
        assert_eq!(index.search("rest").hits[0].0, 1);
    }

    #[test]
    fn empty_query_matches_everything_in_bank_order() {
        assert_eq!(ids_for("  ").len(), bank::questions().len());
        assert_eq!(ids_for("")[0], bank::questions()[0].id);
    }

    #[test]
    fn filters_combine_with_search() {
        let index = bank_index();
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let query = ListQuery {
            levels: vec![Level::Beginner],
            topics: vec!["databases".into()],
            ..Default::default()
        };
        let (shown, _) = run(bank::questions(), index, &query, &topics, &|_| {
            Mine::default()
        });
        assert!(!shown.is_empty());
        for i in shown {
            let q = &bank::questions()[i];
            assert_eq!(q.level, Level::Beginner);
            assert!(q.topics.contains(&"databases"));
        }
    }

    #[test]
    fn status_filter_uses_the_given_progress() {
        let index = bank_index();
        let query = ListQuery {
            statuses: vec![Status::Knew],
            ..Default::default()
        };
        let known = |id: &str| Mine {
            status: if id == "jwt" {
                Status::Knew
            } else {
                Status::New
            },
            ..Default::default()
        };
        let (shown, _) = run(bank::questions(), index, &query, &[], &known);
        assert_eq!(
            shown
                .iter()
                .map(|&i| bank::questions()[i].id)
                .collect::<Vec<_>>(),
            ["jwt"]
        );
    }

    fn ids(shown: &[usize]) -> Vec<&'static str> {
        shown.iter().map(|&i| bank::questions()[i].id).collect()
    }

    #[test]
    fn personal_filters_must_all_hold() {
        let index = bank_index();
        let mine = |id: &str| Mine {
            due: id == "jwt" || id == "cdn",
            bookmarked: id == "jwt" || id == "caching-basics",
            note: (id == "jwt").then_some("my note"),
            ..Default::default()
        };
        let run_with = |only: Vec<Only>| {
            let query = ListQuery {
                only,
                ..Default::default()
            };
            let mut found = ids(&run(bank::questions(), index, &query, &[], &mine).0);
            found.sort();
            found
        };
        assert_eq!(run_with(vec![Only::Due]), ["cdn", "jwt"]);
        assert_eq!(run_with(vec![Only::Bookmarked]), ["caching-basics", "jwt"]);
        assert_eq!(run_with(vec![Only::Notes]), ["jwt"]);
        assert_eq!(run_with(vec![Only::Due, Only::Bookmarked]), ["jwt"]);
    }

    #[test]
    fn a_search_finds_questions_through_the_users_notes_after_the_banks_matches() {
        let index = bank_index();
        let mine = |id: &str| Mine {
            note: (id == "caching-basics")
                .then_some("Asked at Zorblax: whiteboard isolation levels"),
            ..Default::default()
        };
        let query = ListQuery {
            q: "zorbl".into(),
            ..Default::default()
        };
        assert_eq!(
            ids(&run(bank::questions(), index, &query, &[], &mine).0),
            ["caching-basics"]
        );
        let query = ListQuery {
            q: "isolation levels".into(),
            ..Default::default()
        };
        let shown = ids(&run(bank::questions(), index, &query, &[], &mine).0);
        assert!(shown.contains(&"caching-basics"));
        assert!(note_matches("Whiteboard: ISOLATION", "isol white"));
        assert!(!note_matches("whiteboard", "isolation"));
        assert!(!note_matches("anything", "  "), "no words, no match");
    }

    #[test]
    fn sort_by_level_is_easiest_first() {
        let index = bank_index();
        let query = ListQuery {
            sort: Sort::Level,
            ..Default::default()
        };
        let (shown, _) = run(bank::questions(), index, &query, &[], &|_| Mine::default());
        let levels: Vec<Level> = shown.iter().map(|&i| bank::questions()[i].level).collect();
        let mut sorted = levels.clone();
        sorted.sort();
        assert_eq!(levels, sorted);
    }

    #[test]
    fn facet_counts_match_what_the_chip_would_show() {
        let index = bank_index();
        let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let query = ListQuery {
            q: "cache".into(),
            ..Default::default()
        };
        let (levels, by_topic) = facet_counts(bank::questions(), index, &query, &topics, &|_| {
            Mine::default()
        });
        for (level, n) in levels {
            let (shown, _) = run(
                bank::questions(),
                index,
                &query.toggle_level(level),
                &topics,
                &|_| Mine::default(),
            );
            assert_eq!(shown.len(), n, "{level:?}");
        }
        for (t, n) in topics.iter().zip(by_topic) {
            let (shown, _) = run(
                bank::questions(),
                index,
                &query.toggle_topic(t),
                &topics,
                &|_| Mine::default(),
            );
            assert_eq!(shown.len(), n, "{t}");
        }
    }

    #[test]
    fn highlight_marks_matched_words_only_and_keeps_text_intact() {
        let matched: BTreeSet<String> = ["idempotency".to_string()].into();
        let runs = highlight("Why is Idempotency <b>important</b>?", &matched);
        assert_eq!(
            runs,
            vec![
                ("Why is ", false),
                ("Idempotency", true),
                (" <b>important</b>?", false)
            ]
        );
        let joined: String = runs.iter().map(|r| r.0).collect();
        assert_eq!(joined, "Why is Idempotency <b>important</b>?");
    }

    #[test]
    fn snippet_centres_on_the_first_match() {
        let matched: BTreeSet<String> = ["needle".to_string()].into();
        let text = format!("{} needle {}", "hay ".repeat(50), "straw ".repeat(50));
        let s = snippet(&text, &matched, 60).expect("match");
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("needle"),
            "{s}"
        );
        assert!(snippet("nothing here", &matched, 60).is_none());
    }

    #[test]
    fn url_uses_exact_names_and_commas() {
        let q = ListQuery {
            q: "cap theorem & more".into(),
            levels: vec![Level::Beginner, Level::Advanced],
            topics: vec!["databases".into(), "security".into()],
            statuses: vec![Status::New, Status::Partly],
            only: vec![Only::Due, Only::Notes],
            sort: Sort::Level,
        };
        assert_eq!(
            q.to_query_string(),
            "?q=cap%20theorem%20%26%20more&level=beginner,advanced&topic=databases,security&status=new,partly&only=due,notes&sort=level"
        );
        assert_eq!(ListQuery::default().to_query_string(), "");
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
        let pairs = parse_query_string("?level=expert,beginner&topic=cooking,databases&sort=weird");
        let get = |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.clone());
        let q = ListQuery::from_params(get, |t| bank::topic(t).is_some());
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
        let only = proptest::sample::select(Only::ALL.to_vec());
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
                };
                query.normalize();
                query
            })
    }

    proptest! {
        #[test]
        fn url_round_trips(query in any_query()) {
            let pairs = parse_query_string(&query.to_query_string());
            let get = |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.clone());
            prop_assert_eq!(ListQuery::from_params(get, |t| bank::topic(t).is_some()), query);
        }

        #[test]
        fn search_never_panics_and_hits_are_unique(q in ".{0,30}") {
            let index = bank_index();
            let found = index.search(&q);
            let mut ids: Vec<usize> = found.hits.iter().map(|h| h.0).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), found.hits.len());
        }

        #[test]
        fn highlight_preserves_text(text in ".{0,80}", word in "[a-z]{1,6}") {
            let matched: BTreeSet<String> = [word].into();
            let joined: String = highlight(&text, &matched).iter().map(|r| r.0).collect();
            prop_assert_eq!(joined, text);
        }
    }
}
