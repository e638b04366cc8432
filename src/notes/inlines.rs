//! Inline structure of a note: code spans, emphasis, links and autolinks, escapes.

use super::*;

/// One piece of a paragraph's output, in order.
pub(super) enum Node<'a> {
    /// Note text, escaped when written.
    Text(Cow<'a, str>),
    /// A code span's content (line endings become spaces when written).
    Code(&'a str),
    /// A hard line break.
    Break,
    /// A run of `*`, `_` or `~` (an index into `Inline::runs`).
    Run(usize),
    /// A link's start; its destination passed `safe_url`.
    LinkStart {
        href: Cow<'a, str>,
        title: Option<Cow<'a, str>>,
    },
    /// The end of the link started last (links pair like brackets).
    LinkEnd,
}

/// A delimiter run: what is left of it as text, and the tags matched from it.
pub(super) struct Run {
    ch: u8,
    /// Characters not (yet) used by a match: written as text.
    count: usize,
    /// The run's length as typed (CommonMark's "rule of three" uses it).
    orig: usize,
    can_open: bool,
    can_close: bool,
    /// Opening tags, innermost first (a later match on the same opener encloses earlier ones).
    opens: Vec<&'static str>,
    /// Closing tags, innermost first.
    closes: Vec<&'static str>,
}

/// A `[` or `![` not yet closed.
pub(super) struct Bracket {
    node: usize,
    image: bool,
    /// `Inline::pending.len()` when it opened: the runs inside its text come after.
    pending: usize,
}

/// The inline parser of one paragraph or heading: one pass left to right (code spans,
/// autolinks, escapes and brackets resolved at once), then emphasis (CommonMark's algorithm).
pub(super) struct Inline<'a> {
    s: &'a str,
    nodes: Vec<Node<'a>>,
    runs: Vec<Run>,
    /// Runs whose emphasis is not yet settled, in order.
    pending: Vec<usize>,
    brackets: Vec<Bracket>,
    /// `[` brackets below this index are inside a finished link: links do not nest, so they
    /// are text. (Images' brackets stay active, as in CommonMark.)
    inactive_below: usize,
    /// Every backtick run as (length, start), sorted: a code span's end by binary search.
    ticks: Vec<(usize, usize)>,
}

pub(super) fn inline(s: &str, out: &mut String) {
    let mut p = Inline {
        s,
        nodes: Vec::new(),
        runs: Vec::new(),
        pending: Vec::new(),
        brackets: Vec::new(),
        inactive_below: 0,
        ticks: backtick_runs(s),
    };
    p.parse();
    p.emphasis(0);
    p.write(out);
}

pub(super) fn backtick_runs(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'`' {
            let n = b[i..].iter().take_while(|&&c| c == b'`').count();
            runs.push((n, i));
            i += n;
        } else {
            i += 1;
        }
    }
    runs.sort_unstable();
    runs
}

pub(super) fn is_punct(c: char) -> bool {
    // CommonMark counts Unicode punctuation and symbols; outside ASCII, "neither letter, digit
    // nor space" is close enough for deciding where emphasis may start and end.
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

impl<'a> Inline<'a> {
    fn text(&mut self, from: usize, to: usize) {
        if from < to {
            self.nodes
                .push(Node::Text(Cow::Borrowed(&self.s[from..to])));
        }
    }

    fn parse(&mut self) {
        let s = self.s;
        let b = s.as_bytes();
        // Note text from `lit` to `i` is pending as a Text node.
        let mut lit = 0;
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\\' => match b.get(i + 1) {
                    Some(c) if c.is_ascii_punctuation() => {
                        // The escaped character starts the next text and is skipped over.
                        self.text(lit, i);
                        lit = i + 1;
                        i += 2;
                    }
                    Some(b'\n') => {
                        self.text(lit, i);
                        self.nodes.push(Node::Break);
                        i += 2;
                        lit = i;
                    }
                    _ => i += 1,
                },
                b'\n' => {
                    // Two trailing spaces make a hard break; trailing spaces never show.
                    let mut end = i;
                    while end > lit && b[end - 1] == b' ' {
                        end -= 1;
                    }
                    self.text(lit, end);
                    if i - end >= 2 {
                        self.nodes.push(Node::Break);
                        lit = i + 1;
                    } else {
                        lit = i;
                    }
                    i += 1;
                }
                b'`' => {
                    let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                    match self.code_end(i + n, n) {
                        Some(end) => {
                            self.text(lit, i);
                            self.nodes.push(Node::Code(code_content(&s[i + n..end])));
                            i = end + n;
                            lit = i;
                        }
                        // No closing run: the backticks are text.
                        None => i += n,
                    }
                }
                c @ (b'*' | b'_' | b'~') => {
                    let n = b[i..].iter().take_while(|&&x| x == c).count();
                    let before = s[..i].chars().next_back().unwrap_or(' ');
                    let after = s[i + n..].chars().next().unwrap_or(' ');
                    let left = !after.is_whitespace()
                        && (!is_punct(after) || before.is_whitespace() || is_punct(before));
                    let right = !before.is_whitespace()
                        && (!is_punct(before) || after.is_whitespace() || is_punct(after));
                    let (can_open, can_close) = match c {
                        // Inside a word, '_' is text (snake_case).
                        b'_' => (
                            left && (!right || is_punct(before)),
                            right && (!left || is_punct(after)),
                        ),
                        // Strikethrough is exactly "~~".
                        b'~' if n != 2 => (false, false),
                        _ => (left, right),
                    };
                    if can_open || can_close {
                        self.text(lit, i);
                        self.nodes.push(Node::Run(self.runs.len()));
                        self.pending.push(self.runs.len());
                        self.runs.push(Run {
                            ch: c,
                            count: n,
                            orig: n,
                            can_open,
                            can_close,
                            opens: Vec::new(),
                            closes: Vec::new(),
                        });
                        lit = i + n;
                    }
                    i += n;
                }
                b'[' | b'!' => {
                    let image = b[i] == b'!';
                    if image && b.get(i + 1) != Some(&b'[') {
                        i += 1;
                        continue;
                    }
                    let len = if image { 2 } else { 1 };
                    self.text(lit, i);
                    self.brackets.push(Bracket {
                        node: self.nodes.len(),
                        image,
                        pending: self.pending.len(),
                    });
                    self.nodes.push(Node::Text(Cow::Borrowed(&s[i..i + len])));
                    i += len;
                    lit = i;
                }
                b']' => {
                    self.text(lit, i);
                    // Unless a link closes here, "]" is text.
                    lit = i;
                    i += 1;
                    if let Some(end) = self.close_bracket(i) {
                        i = end;
                        lit = end;
                    }
                }
                b'<' => match autolink(s, i) {
                    Some((end, text, href)) => {
                        self.text(lit, i);
                        if safe_url(&href) {
                            self.nodes.push(Node::LinkStart { href, title: None });
                            self.nodes.push(Node::Text(Cow::Borrowed(text)));
                            self.nodes.push(Node::LinkEnd);
                        } else {
                            self.nodes.push(Node::Text(Cow::Borrowed(text)));
                        }
                        i = end;
                        lit = end;
                    }
                    None => i += 1,
                },
                _ => i += 1,
            }
        }
        self.text(lit, b.len());
    }

    /// Where the code span whose opening run of `n` backticks ends at `from` ends: the start
    /// of the next run of exactly `n`.
    fn code_end(&self, from: usize, n: usize) -> Option<usize> {
        let k = self.ticks.partition_point(|&r| r < (n, from));
        self.ticks.get(k).filter(|r| r.0 == n).map(|r| r.1)
    }

    /// Handles a `]` just before `after`: if it closes a link or image, makes it one and
    /// returns where its `(…)` ends.
    fn close_bracket(&mut self, after: usize) -> Option<usize> {
        let index = self.brackets.len().checked_sub(1)?;
        let open = self.brackets.pop()?;
        let inactive = !open.image && index < self.inactive_below;
        self.inactive_below = self.inactive_below.min(self.brackets.len());
        if inactive {
            return None;
        }
        let (end, href, title) = link_tail(self.s, after)?;
        // The emphasis inside the link text is settled now, so no pair can cross the link.
        self.emphasis(open.pending);
        self.pending.truncate(open.pending);
        if !open.image {
            self.inactive_below = self.brackets.len();
        }
        let empty = self.nodes.len() == open.node + 1;
        if safe_url(&href) {
            if empty {
                // "[](url)" shows its url rather than an invisible link.
                self.nodes.push(Node::Text(href.clone()));
            }
            self.nodes[open.node] = Node::LinkStart { href, title };
            self.nodes.push(Node::LinkEnd);
        } else {
            // An unsafe link keeps its text only.
            self.nodes[open.node] = Node::Text(Cow::Borrowed(""));
        }
        Some(end)
    }

    /// Matches the pending runs from `pending[from]` on into emphasis (CommonMark's "process
    /// emphasis", with a stack of openers and, per kind of closer, the stack height below
    /// which no opener fits, so that no opener is looked at twice in vain).
    fn emphasis(&mut self, from: usize) {
        let mut openers: Vec<usize> = Vec::new();
        let mut floor = [0usize; 18];
        let pending = self.pending.get(from..).unwrap_or(&[]).to_vec();
        for d in pending {
            let (ch, can_open, can_close, orig) = {
                let r = &self.runs[d];
                (r.ch, r.can_open, r.can_close, r.orig)
            };
            let kind = match ch {
                b'*' => 0,
                b'_' => 6,
                _ => 12,
            } + usize::from(can_open) * 3
                + orig % 3;
            while can_close && self.runs[d].count > 0 {
                let found = (floor[kind]..openers.len()).rev().find(|&j| {
                    let o = &self.runs[openers[j]];
                    // CommonMark's "rule of three": when either run could both open and close,
                    // lengths summing to a multiple of 3 do not pair (unless both are), so that
                    // `*foo**bar*` is one <em> around "foo**bar".
                    let odd = (o.can_close || can_open)
                        && (o.orig + orig).is_multiple_of(3)
                        && !(o.orig.is_multiple_of(3) && orig.is_multiple_of(3));
                    o.ch == ch && !odd
                });
                let Some(j) = found else {
                    floor[kind] = openers.len();
                    break;
                };
                let o = openers[j];
                let used = if ch == b'~' || (self.runs[o].count >= 2 && self.runs[d].count >= 2) {
                    2
                } else {
                    1
                };
                let (open_tag, close_tag) = match (ch, used) {
                    (b'~', _) => ("<del>", "</del>"),
                    (_, 2) => ("<strong>", "</strong>"),
                    _ => ("<em>", "</em>"),
                };
                self.runs[o].count -= used;
                self.runs[o].opens.push(open_tag);
                self.runs[d].count -= used;
                self.runs[d].closes.push(close_tag);
                // Openers between the pair can no longer match: a pair may not cross this one.
                openers.truncate(j + 1);
                if self.runs[o].count == 0 {
                    openers.pop();
                }
                for f in &mut floor {
                    *f = (*f).min(openers.len());
                }
            }
            if can_open && self.runs[d].count > 0 {
                openers.push(d);
            }
        }
    }

    fn write(&self, out: &mut String) {
        // Links inside links (an autolink or image in a link's text) keep only the outer <a>.
        let mut in_link = 0usize;
        for node in &self.nodes {
            match node {
                Node::Text(t) => escape_into(t, out),
                Node::Code(c) => {
                    out.push_str("<code>");
                    for (n, line) in c.split('\n').enumerate() {
                        if n > 0 {
                            out.push(' ');
                        }
                        escape_into(line, out);
                    }
                    out.push_str("</code>");
                }
                Node::Break => out.push_str("<br>\n"),
                Node::Run(r) => {
                    let run = &self.runs[*r];
                    run.closes.iter().for_each(|t| out.push_str(t));
                    out.extend(std::iter::repeat_n(char::from(run.ch), run.count));
                    run.opens.iter().rev().for_each(|t| out.push_str(t));
                }
                Node::LinkStart { href, title } => {
                    if in_link == 0 {
                        out.push_str("<a href=\"");
                        escape_into(href, out);
                        if let Some(title) = title {
                            out.push_str("\" title=\"");
                            escape_into(title, out);
                        }
                        out.push_str("\">");
                    }
                    in_link += 1;
                }
                Node::LinkEnd => {
                    if in_link == 1 {
                        out.push_str("</a>");
                    }
                    in_link = in_link.saturating_sub(1);
                }
            }
        }
    }
}

/// A code span's content: one space is stripped from each end when both have one (so that
/// `` `` `x` `` `` can show backticks), unless it is all spaces.
pub(super) fn code_content(c: &str) -> &str {
    let space = |b: u8| b == b' ' || b == b'\n';
    let b = c.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l))
            if b.len() >= 2 && space(f) && space(l) && !b.iter().all(|&x| space(x)) =>
        {
            &c[1..c.len() - 1]
        }
        _ => c,
    }
}

pub(super) fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// `(url "title")` at `at`: where it ends, the destination and the title (escapes removed).
/// Looks at most `MAX_LINK_TAIL` bytes ahead.
pub(super) fn link_tail(s: &str, at: usize) -> Option<(usize, Cow<'_, str>, Option<Cow<'_, str>>)> {
    let b = &s.as_bytes()[..s.len().min(at + MAX_LINK_TAIL)];
    if b.get(at) != Some(&b'(') {
        return None;
    }
    let skip_space = |mut i: usize| {
        while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n')) {
            i += 1;
        }
        i
    };
    let mut i = skip_space(at + 1);
    let dest = if b.get(i) == Some(&b'<') {
        // <destination with spaces>
        let start = i + 1;
        i = start;
        loop {
            match *b.get(i)? {
                b'>' => break,
                b'<' | b'\n' => return None,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        i += 1;
        s.get(start..i - 1)?
    } else {
        let start = i;
        let mut depth = 0usize;
        while let Some(&c) = b.get(i) {
            match c {
                b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 1,
                b'(' => {
                    depth += 1;
                    if depth > MAX_PARENS {
                        return None;
                    }
                }
                b')' if depth == 0 => break,
                b')' => depth -= 1,
                c if c <= b' ' || c == 0x7f => break,
                _ => {}
            }
            i += 1;
        }
        if depth != 0 {
            return None;
        }
        s.get(start..i)?
    };
    let before_title = i;
    i = skip_space(i);
    let mut title = None;
    if i > before_title {
        if let Some(&q) = b.get(i).filter(|q| matches!(q, b'"' | b'\'' | b'(')) {
            let close = if q == b'(' { b')' } else { q };
            let start = i + 1;
            i = start;
            loop {
                match *b.get(i)? {
                    c if c == close => break,
                    b'(' if q == b'(' => return None,
                    b'\\' => i += 2,
                    _ => i += 1,
                }
            }
            title = Some(unescape(s.get(start..i)?));
            i = skip_space(i + 1);
        }
    }
    (b.get(i) == Some(&b')')).then(|| (i + 1, unescape(dest), title))
}

/// `<scheme:…>` or `<me@example.com>` at `at`: where it ends, its text and its destination.
pub(super) fn autolink(s: &str, at: usize) -> Option<(usize, &str, Cow<'_, str>)> {
    let b = &s.as_bytes()[..s.len().min(at + MAX_LINK_TAIL)];
    let start = at + 1;
    let len = b
        .get(start..)?
        .iter()
        .position(|&c| c == b'>' || c == b'<' || c <= b' ' || c == 0x7f)?;
    if b.get(start + len) != Some(&b'>') || len == 0 {
        return None;
    }
    let text = s.get(start..start + len)?;
    let uri = text.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    let href = if uri {
        Cow::Borrowed(text)
    } else {
        let (local, domain) = text.split_once('@')?;
        let local_ok = |c: char| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c);
        let domain_ok = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
        if local.is_empty()
            || domain.is_empty()
            || !local.chars().all(local_ok)
            || !domain.chars().all(domain_ok)
        {
            return None;
        }
        Cow::Owned(format!("mailto:{text}"))
    };
    Some((start + len + 1, text, href))
}
