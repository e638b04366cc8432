//! Block structure of a note: paragraphs, headings, lists, quotes, code fences, rules.

use super::inlines::inline;
use super::*;

/// Tabs in indentation become spaces to the next multiple of four, so that indentation is
/// counted in one unit and a container can strip it by slicing.
pub(super) fn expand_leading_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches([' ', '\t']);
        let mut col = 0;
        for c in line[..line.len() - body.len()].chars() {
            let width = if c == '\t' { 4 - col % 4 } else { 1 };
            out.extend(std::iter::repeat_n(' ', width));
            col += width;
        }
        out.push_str(body);
    }
    out
}

pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

pub(super) fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// A fence's character, length and language (its info string's first word), if `t` opens one.
pub(super) fn fence_open(t: &str) -> Option<(u8, usize, &str)> {
    let ch = *t.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&b| b == ch).count();
    let info = t[n..].trim();
    // "``` x `y`" is inline code, not a fence (CommonMark).
    if n < 3 || (ch == b'`' && info.contains('`')) {
        return None;
    }
    Some((ch, n, info.split_whitespace().next().unwrap_or("")))
}

pub(super) fn fence_close(t: &str, ch: u8, len: usize) -> bool {
    let n = t.bytes().take_while(|&b| b == ch).count();
    n >= len && is_blank(&t[n..])
}

/// A heading's level (1–6) and text, if `t` is one.
pub(super) fn heading(t: &str) -> Option<(usize, &str)> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[level..];
    if level == 0 || level > 6 || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim_matches([' ', '\t']);
    // An optional closing run of '#' after a space is not part of the text.
    let open = text.trim_end_matches('#');
    Some((
        level,
        if open.is_empty() {
            ""
        } else if open.ends_with([' ', '\t']) {
            open.trim_end_matches([' ', '\t'])
        } else {
            text
        },
    ))
}

pub(super) fn thematic_break(t: &str) -> bool {
    let mut marks = t.bytes().filter(|&b| b != b' ' && b != b'\t');
    match marks.next() {
        Some(c @ (b'-' | b'*' | b'_')) => {
            let mut n = 1;
            for b in marks {
                if b != c {
                    return false;
                }
                n += 1;
            }
            n >= 3
        }
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum ListKind {
    /// The bullet character: another one starts another list.
    Bullet(u8),
    /// The character after the number ('.' or ')').
    Ordered(u8),
}

pub(super) struct Marker<'a> {
    kind: ListKind,
    start: u32,
    /// Where the item's text starts: lines indented this far belong to the item.
    content: usize,
    /// The line after the marker.
    pub(super) rest: &'a str,
}

/// The list marker `line` starts with, if any (at most three spaces in).
pub(super) fn list_marker(line: &str) -> Option<Marker<'_>> {
    let ind = indent(line);
    let t = &line[ind..];
    let b = t.as_bytes();
    let (kind, start, len) = match *b.first()? {
        c @ (b'-' | b'*' | b'+') => (ListKind::Bullet(c), 1, 1),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            let delim = *b.get(digits)?;
            if digits > 9 || (delim != b'.' && delim != b')') {
                return None;
            }
            (
                ListKind::Ordered(delim),
                t[..digits].parse().ok()?,
                digits + 1,
            )
        }
        _ => return None,
    };
    let after = &t[len..];
    let rest = after.trim_start_matches([' ', '\t']);
    let gap = after.len() - rest.len();
    if ind > 3 || (gap == 0 && !rest.is_empty()) {
        return None;
    }
    // Text that starts five or more columns in keeps its extra indentation as text (CommonMark).
    let content = ind + len + if rest.is_empty() || gap > 4 { 1 } else { gap };
    Some(Marker {
        kind,
        start,
        content,
        rest,
    })
}

/// Whether `line` starts a block that ends a paragraph before it.
pub(super) fn interrupts(line: &str, depth: usize) -> bool {
    let ind = indent(line);
    let t = &line[ind..];
    if ind > 3 {
        return false;
    }
    fence_open(t).is_some()
        || heading(t).is_some()
        || thematic_break(t)
        || (depth < MAX_DEPTH
            && (t.starts_with('>')
                // Only a non-empty item interrupts, and an ordered one only from 1, so that
                // "in\n2024. we" stays a paragraph (CommonMark).
                || list_marker(line)
                    .is_some_and(|m| !m.rest.is_empty() && m.start == 1)))
}

/// Whether `line`, the last of a container so far, leaves a paragraph open (looking through
/// nested quote and list markers), so that a "lazy" line without the container's marker
/// continues it.
pub(super) fn ends_in_paragraph(mut line: &str) -> bool {
    loop {
        if let Some(rest) = line[indent(line)..].strip_prefix('>') {
            line = rest;
        } else if thematic_break(line) {
            return false;
        } else if let Some(marker) = list_marker(line) {
            line = marker.rest;
        } else {
            break;
        }
    }
    let t = &line[indent(line)..];
    !is_blank(t) && fence_open(t).is_none() && heading(t).is_none() && !thematic_break(t)
}

/// Whether `line` may continue a paragraph inside a container it is not marked as part of: it
/// starts no block, not even an empty list item (which may not interrupt a paragraph, but
/// does end the container).
pub(super) fn lazy(line: &str, depth: usize) -> bool {
    !is_blank(line) && list_marker(line).is_none() && !interrupts(line, depth)
}

pub(super) fn task_box(done: bool) -> &'static str {
    if done {
        "☑ "
    } else {
        "☐ "
    }
}

/// Renders `lines` as blocks. `depth` counts the containers around them; `tight` renders
/// paragraphs without `<p>` (a tight list's items); `task` is an item's box, not yet written,
/// which goes at the start of its first block.
pub(super) fn blocks(
    lines: &[&str],
    depth: usize,
    tight: bool,
    task: &mut Option<bool>,
    out: &mut String,
) {
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_blank(line) {
            i += 1;
            continue;
        }
        let ind = indent(line);
        let t = &line[ind..];
        if ind <= 3 {
            if let Some((ch, len, lang)) = fence_open(t) {
                take_box(task, out);
                i = code_block(lines, i + 1, ind, ch, len, lang, out);
                continue;
            }
            if let Some((level, text)) = heading(t) {
                i += 1;
                if text.is_empty() {
                    // An empty heading would only confuse a screen reader's outline.
                    continue;
                }
                take_box(task, out);
                // See the module docs: notes sit under an <h2>.
                let tag = match level {
                    1 => "h3",
                    2 => "h4",
                    3 => "h5",
                    _ => "h6",
                };
                out.push('<');
                out.push_str(tag);
                out.push('>');
                inline(text, out);
                out.push_str("</");
                out.push_str(tag);
                out.push_str(">\n");
                continue;
            }
            if thematic_break(t) {
                take_box(task, out);
                out.push_str("<hr>\n");
                i += 1;
                continue;
            }
            if depth < MAX_DEPTH {
                if t.starts_with('>') {
                    take_box(task, out);
                    i = quote(lines, i, depth, out);
                    continue;
                }
                if let Some(marker) = list_marker(line) {
                    take_box(task, out);
                    i = list(lines, i, marker, depth, out);
                    continue;
                }
            }
        }
        let start = i;
        i += 1;
        while i < lines.len() && !is_blank(lines[i]) && !interrupts(lines[i], depth) {
            i += 1;
        }
        paragraph(&lines[start..i], tight, task, out);
    }
    // An item with no text still shows its box.
    if let Some(done) = task.take() {
        out.push_str(task_box(done).trim_end());
    }
}

pub(super) fn take_box(task: &mut Option<bool>, out: &mut String) {
    if let Some(done) = task.take() {
        out.push_str(task_box(done));
    }
}

pub(super) fn paragraph(lines: &[&str], tight: bool, task: &mut Option<bool>, out: &mut String) {
    let mut text = String::new();
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text.push_str(line.trim_start_matches([' ', '\t']));
    }
    if !tight {
        out.push_str("<p>");
    }
    take_box(task, out);
    inline(text.trim_end(), out);
    out.push_str(if tight { "\n" } else { "</p>\n" });
}

/// Writes a fenced code block whose content starts at `lines[from]`; returns the line after its
/// closing fence (or the end: an unclosed fence runs to the end of its container).
pub(super) fn code_block(
    lines: &[&str],
    from: usize,
    fence_indent: usize,
    ch: u8,
    len: usize,
    lang: &str,
    out: &mut String,
) -> usize {
    // Focusable, because a code block that scrolls sideways must be reachable by keyboard.
    out.push_str("<pre tabindex=\"0\"><code");
    let plain_lang = |c: char| c.is_ascii_alphanumeric() || "+-_.#".contains(c);
    if !lang.is_empty() && lang.len() <= 40 && lang.chars().all(plain_lang) {
        out.push_str(" class=\"language-");
        escape_into(lang, out);
        out.push('"');
    }
    out.push('>');
    let mut i = from;
    while let Some(line) = lines.get(i) {
        i += 1;
        let ind = indent(line);
        if ind <= 3 && fence_close(&line[ind..], ch, len) {
            break;
        }
        // Content loses as much indentation as the opening fence had.
        escape_into(&line[ind.min(fence_indent)..], out);
        out.push('\n');
    }
    out.push_str("</code></pre>\n");
    i
}

/// Writes the block quote starting at `lines[start]`; returns the line after it.
pub(super) fn quote(lines: &[&str], start: usize, depth: usize, out: &mut String) -> usize {
    let mut inner: Vec<&str> = Vec::new();
    let mut i = start;
    while let Some(line) = lines.get(i) {
        let ind = indent(line);
        if let Some(rest) = line[ind..].strip_prefix('>').filter(|_| ind <= 3) {
            inner.push(rest.strip_prefix([' ', '\t']).unwrap_or(rest));
        } else if inner.last().is_some_and(|l| ends_in_paragraph(l)) && lazy(line, depth) {
            // A paragraph inside the quote goes on over lines without '>'.
            inner.push(line);
        } else {
            break;
        }
        i += 1;
    }
    out.push_str("<blockquote>\n");
    blocks(&inner, depth + 1, false, &mut None, out);
    out.push_str("</blockquote>\n");
    i
}

/// `- [ ] rest` / `- [x] rest`: whether the box is ticked, and the rest.
pub(super) fn task_marker(rest: &str) -> (Option<bool>, &str) {
    let done = match rest.get(..3) {
        Some("[ ]") => false,
        Some("[x]" | "[X]") => true,
        _ => return (None, rest),
    };
    let after = &rest[3..];
    let text = after.trim_start_matches([' ', '\t']);
    if after.is_empty() || text.len() < after.len() {
        (Some(done), text)
    } else {
        (None, rest)
    }
}

/// Writes the list whose first item is `first` (on `lines[start]`); returns the line after it.
pub(super) fn list(
    lines: &[&str],
    start: usize,
    first: Marker<'_>,
    depth: usize,
    out: &mut String,
) -> usize {
    let kind = first.kind;
    let number = first.start;
    let mut items: Vec<(Vec<&str>, Option<bool>)> = Vec::new();
    // Loose (paragraphs in <p>) when a blank line separates items or blocks inside one.
    let mut loose = false;
    let mut marker = first;
    let mut i = start;
    loop {
        let (task, text) = task_marker(marker.rest);
        let mut item = vec![text];
        let content = marker.content;
        i += 1;
        while let Some(line) = lines.get(i) {
            if is_blank(line) {
                // Blank lines stay in the item only when indented text follows them.
                let next = lines[i..].iter().position(|l| !is_blank(l)).map(|k| i + k);
                match next {
                    Some(k) if indent(lines[k]) >= content => {
                        item.extend(std::iter::repeat_n("", k - i));
                        loose = true;
                        i = k;
                    }
                    _ => break,
                }
            } else if indent(line) >= content {
                item.push(&line[content..]);
                i += 1;
            } else if item.last().is_some_and(|l| ends_in_paragraph(l)) && lazy(line, depth) {
                // The item's paragraph goes on over a line that is not indented.
                item.push(line);
                i += 1;
            } else {
                break;
            }
        }
        items.push((item, task));
        let next = lines[i.min(lines.len())..]
            .iter()
            .position(|l| !is_blank(l))
            .map_or(lines.len(), |k| i + k);
        match lines.get(next).and_then(|l| list_marker(l)) {
            Some(m) if m.kind == kind => {
                loose |= next > i;
                marker = m;
                i = next;
            }
            _ => break,
        }
    }
    let close = match kind {
        ListKind::Bullet(_) => {
            out.push_str("<ul>\n");
            "</ul>\n"
        }
        ListKind::Ordered(_) => {
            out.push_str("<ol");
            if number != 1 {
                out.push_str(&format!(" start=\"{number}\""));
            }
            out.push_str(">\n");
            "</ol>\n"
        }
    };
    for (item, mut task) in items {
        out.push_str("<li>");
        blocks(&item, depth + 1, !loose, &mut task, out);
        // "<li>text</li>", not "<li>text\n</li>" (only newlines are removed).
        out.truncate(out.trim_end_matches('\n').len());
        out.push_str("</li>\n");
    }
    out.push_str(close);
    i
}
