//! Personal notes: Markdown written by the user, rendered so that it can never inject markup.
//!
//! pulldown-cmark parses the note; before rendering, every raw HTML event becomes plain text (so
//! `<script>` shows as the characters typed), links keep only safe destinations (http, https,
//! mailto, in-page and same-site paths; `javascript:` and `data:` links lose their link and keep
//! their text), and images become links (a note never loads anything from elsewhere: the app is
//! private and works offline). pulldown-cmark escapes all text and attributes it writes.

use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The longest note the editor accepts, in characters (imports are held to the same limit).
pub const MAX_NOTE_CHARS: usize = 20_000;

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

/// Renders a note's Markdown to HTML that is safe to insert into the page.
pub fn render(markdown: &str) -> String {
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut dropped_link = false;
    let events = Parser::new_ext(markdown, options)
        // An image is shown as a link to it, then checked like any link.
        .map(|event| match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url,
                title,
                id: CowStr::Borrowed(""),
            }),
            Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
            other => other,
        })
        .filter_map(move |event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
            // Links cannot nest, so one flag pairs a dropped start with its end.
            Event::Start(Tag::Link { ref dest_url, .. }) if !safe_url(dest_url) => {
                dropped_link = true;
                None
            }
            Event::End(TagEnd::Link) if dropped_link => {
                dropped_link = false;
                None
            }
            other => Some(other),
        });
    let mut out = String::new();
    html::push_html(&mut out, events);
    crate::bank::a11y::accessible(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that `html` holds only the tags Markdown produces, no event-handler attributes, and
    /// only safe link targets. (Text such as "javascript:" may appear: it is text.)
    fn no_markup_from(html: &str) {
        const ALLOWED: [&str; 22] = [
            "p",
            "strong",
            "em",
            "code",
            "pre",
            "ul",
            "ol",
            "li",
            "a",
            "h1",
            "h2",
            "h3",
            "h4",
            "blockquote",
            "hr",
            "br",
            "del",
            "table",
            "thead",
            "tbody",
            "tr",
            "input",
        ];
        for (i, _) in html.match_indices('<') {
            let rest = html[i + 1..].trim_start_matches('/');
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let tag_end = rest.find('>').expect("a tag closes");
            assert!(
                ALLOWED.contains(&name.as_str()) || name == "th" || name == "td",
                "tag <{name}> in {html}"
            );
            let tag = &rest[..tag_end];
            assert!(
                !tag.to_ascii_lowercase().contains(" on"),
                "handler in {tag}"
            );
            if let Some(h) = tag.find("href=\"") {
                let url = &tag[h + 6..];
                let url = &url[..url.find('"').expect("quoted")];
                assert!(safe_url(url), "unsafe href {url}");
            }
        }
    }

    #[test]
    fn markdown_renders() {
        let html =
            render("**Why**: `SELECT … FOR UPDATE`\n\n- one\n- two\n\n```sql\nSELECT 1;\n```");
        assert!(html.contains("<strong>Why</strong>"));
        assert!(html.contains("<code>SELECT … FOR UPDATE</code>"));
        assert!(html.contains("<li>two</li>"));
        assert!(html.contains("SELECT 1;"));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render(
            "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there <b>bold</b>",
        );
        no_markup_from(&html);
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn dangerous_links_keep_their_text_only() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            " javascript:x",
            "data:text/html,<script>x</script>",
            "vbscript:x",
        ] {
            let html = render(&format!("[click]({url}) and <{url}>"));
            no_markup_from(&html);
            assert!(html.contains("click"), "{html}");
            assert!(!html.contains("href"), "{url}: {html}");
        }
        let html = render("[x](javascript&#58;alert(1))");
        no_markup_from(&html);
    }

    #[test]
    fn safe_links_stay_and_images_become_links() {
        let html = render("[docs](https://www.postgresql.org/docs/) [jwt](/questions/jwt) [top](#top) <mailto:me@example.com>");
        assert!(
            html.contains(r#"href="https://www.postgresql.org/docs/""#),
            "{html}"
        );
        assert!(html.contains(r#"href="/questions/jwt""#));
        assert!(html.contains(r##"href="#top""##));
        let img = render("![diagram](https://example.com/x.png) ![bad](javascript:alert(1))");
        assert!(
            img.contains(r#"<a href="https://example.com/x.png">diagram</a>"#),
            "{img}"
        );
        no_markup_from(&img);
    }

    #[test]
    fn attributes_are_escaped() {
        let html = render(r#"[x](https://e.com/"onmouseover="alert(1) "t")"#);
        assert!(!html.contains(r#"" onmouseover"#), "{html}");
        assert!(
            safe_url("questions/jwt") && safe_url("https://x") && !safe_url("file:///etc/passwd")
        );
    }
}
