//! Personal notes: Markdown written by the user, rendered so that it can never inject markup.
//!
//! A small renderer written for notes, because pulldown-cmark (with its HTML-entity and Unicode
//! tables) cost the wasm about 70 KB gzip; the question bank keeps pulldown-cmark at build time.
//!
//! # What a note may use
//! Paragraphs (separated by blank lines; a line break inside one is a space, and a line ending in
//! two spaces or a backslash is a `<br>`), `#`–`######` headings, `-`/`*`/`+` and `1.`/`1)` lists
//! (nested by indenting under the item's text), `- [ ]`/`- [x]` task items (shown as ☐/☑: text
//! needs no form-control label and cannot be ticked by mistake), `>` block quotes, ``` or ~~~
//! fenced code with an optional language (no highlighting), `---` rules, inline `` `code` ``,
//! `**bold**`/`__bold__`, `*em*`/`_em_`, `~~strike~~`, `[text](url "title")`, `<https://…>` and
//! `<me@example.com>` autolinks, and backslash escapes. Emphasis follows CommonMark's delimiter
//! rules (so `snake_case_name` stays plain). An image `![alt](url)` becomes a link to `url` with
//! `alt` as its text: a note never loads anything from elsewhere (the app is private and works
//! offline). Everything else, raw HTML, tables and reference links included, is plain text.
//!
//! Headings start at `<h3>`: a note sits under its box's `<h2>` ("Your note") on a page
//! titled by an `<h1>`, so `#` → `<h3>`, `##` → `<h4>`, `###` → `<h5>` and deeper → `<h6>`
//! keep the page's outline intact.
//!
//! # Why the output is safe
//! Markup is written only by this file, from fixed strings: the tags listed above with no
//! attributes except `href`/`title` on `<a>`, `start` (a number it parsed) on `<ol>`,
//! `tabindex="0"` on `<pre>` and `class="language-…"` (ASCII letters, digits and `+-_.#` only) on
//! `<code>`. Every character taken from the note goes through `escape_into`, in text and in
//! attribute values alike, which turns `&`, `<`, `>`, `"` and `'` into entities (only unmatched
//! `*`, `_` and `~` of emphasis runs are written as themselves); so the note's text can never open
//! a tag, end an attribute value or spell an entity (`&lt;` typed shows as `&lt;`, and an `href`
//! the browser decodes is exactly the string [`safe_url`] accepted). A link whose
//! destination fails [`safe_url`] keeps its text and loses its link. Tags are balanced by
//! construction: blocks open and close in one function call, emphasis pairs come from a
//! delimiter stack that never lets two pairs cross, a link's pair is placed around text whose
//! emphasis is settled first, and a link inside a link keeps only the outer `<a>`.
//!
//! # Why it is fast
//! Every step is linear in the note, so a hostile 20,000-character note costs what an ordinary
//! one does: containers nest at most `MAX_DEPTH` deep (each level copies its lines' slices
//! once), a code span's closing backticks are found by binary search, the emphasis stack skips
//! openers it has already ruled out (CommonMark's "openers bottom"), and a link's `(url "title")`
//! is looked for over at most `MAX_LINK_TAIL` bytes.

use std::borrow::Cow;

/// The longest note the editor accepts, in characters (imports are held to the same limit).
pub const MAX_NOTE_CHARS: usize = 20_000;

/// How deep block quotes and lists nest; deeper markers are text. Four levels (a list in a list
/// in a quote in a list) are plenty for a note, and the bound keeps the work linear.
const MAX_DEPTH: usize = 4;

/// The longest `(url "title")` after a link's `]`, in bytes; longer is text. It bounds the look
/// ahead each `](` may do, so many unclosed `](` cannot cost quadratic time.
const MAX_LINK_TAIL: usize = 2048;

/// Parentheses nest at most this deep inside a link destination (CommonMark allows a limit).
const MAX_PARENS: usize = 32;

/// Whether a link destination is safe to keep.
pub fn safe_url(url: &str) -> bool {
    // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_ascii_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = squeezed.find(':');
    let path_start = squeezed.find(['/', '?', '#']);
    match (scheme_end, path_start) {
        // A scheme is present (its colon comes before any path, query or fragment).
        (Some(c), p) if p.is_none_or(|p| c < p) => ["http:", "https:", "mailto:"]
            .iter()
            .any(|s| squeezed.starts_with(s)),
        _ => true,
    }
}

/// Renders a note's Markdown to HTML that is safe to insert into the page (see the module docs
/// for the subset and the argument).
pub fn render(markdown: &str) -> String {
    let text = expand_leading_tabs(markdown);
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4 + 16);
    blocks(&lines, 0, false, &mut None, &mut out);
    out.truncate(out.trim_end().len());
    out
}

/// Writes `s` with the five characters that could make markup or end an attribute replaced by
/// entities. The only way note text reaches the output.
fn escape_into(s: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            // The HTML parser drops NUL; CommonMark shows it as the replacement character.
            0 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

mod block;
mod inlines;

use block::{blocks, expand_leading_tabs};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
