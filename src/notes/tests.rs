//! Tests of the note renderer: each construct, hostile notes, and property tests that the
//! output is always well-formed and safe.

use super::properties::well_formed;
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
    let html = render("**Why**: `SELECT … FOR UPDATE`\n\n- one\n- two\n\n```sql\nSELECT 1;\n```");
    assert!(html.contains("<strong>Why</strong>"));
    assert!(html.contains("<code>SELECT … FOR UPDATE</code>"));
    assert!(html.contains("<li>two</li>"));
    assert!(html.contains("SELECT 1;"));
}

#[test]
fn raw_html_is_shown_as_text() {
    let html =
        render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there <b>bold</b>");
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
    assert!(safe_url("questions/jwt") && safe_url("https://x") && !safe_url("file:///etc/passwd"));
}

// ---- The subset, one construct per test ------------------------------------------------

#[test]
fn paragraphs_and_line_breaks() {
    assert_eq!(
        render("one\ntwo\n\n\nthree"),
        "<p>one\ntwo</p>\n<p>three</p>"
    );
    // Two trailing spaces or a backslash break the line; other trailing spaces vanish.
    assert_eq!(render("a  \nb\\\nc \nd   "), "<p>a<br>\nb<br>\nc\nd</p>");
    assert_eq!(render("  \n\n\t\n"), "");
}

#[test]
fn headings_start_at_h3() {
    assert_eq!(
        render("# One\n## Two ##\n### Three\n#### Four\n###### Six"),
        "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h6>Four</h6>\n<h6>Six</h6>"
    );
    assert_eq!(
        render("#tag and\n####### seven"),
        "<p>#tag and\n####### seven</p>"
    );
    // An empty heading is dropped; a heading ends a paragraph and holds inline Markdown.
    assert_eq!(
        render("#\ntext\n# **b** #x"),
        "<p>text</p>\n<h3><strong>b</strong> #x</h3>"
    );
}

#[test]
fn bullet_lists_nest_by_indentation() {
    assert_eq!(
        render("- a\n* b\n+ c"),
        "<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>\n<ul>\n<li>c</li>\n</ul>"
    );
    assert_eq!(
        render("- a\n- b\n  - c\n    more\n  - d\n- e\nlazy"),
        "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c\nmore</li>\n<li>d</li>\n</ul></li>\n\
         <li>e\nlazy</li>\n</ul>"
    );
    // A list ends a paragraph; text after a blank line ends the list.
    assert_eq!(
        render("Steps:\n- one\n\nafter"),
        "<p>Steps:</p>\n<ul>\n<li>one</li>\n</ul>\n<p>after</p>"
    );
}

#[test]
fn ordered_lists_keep_their_start() {
    assert_eq!(
        render("1. one\n2. two\n   - sub"),
        "<ol>\n<li>one</li>\n<li>two\n<ul>\n<li>sub</li>\n</ul></li>\n</ol>"
    );
    assert_eq!(
        render("3) x\n4) y"),
        "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>"
    );
    // Only "1." may interrupt a paragraph, so a year at a line's start stays text.
    assert_eq!(render("in\n2024. we"), "<p>in\n2024. we</p>");
}

#[test]
fn loose_lists_wrap_their_paragraphs() {
    assert_eq!(
        render("- a\n\n  more\n- b"),
        "<ul>\n<li><p>a</p>\n<p>more</p></li>\n<li><p>b</p></li>\n</ul>"
    );
}

#[test]
fn task_items_show_boxes() {
    assert_eq!(
        render("- [ ] todo\n- [x] done\n- [X]\n- [ ]x\n1. [x] **ok**"),
        "<ul>\n<li>☐ todo</li>\n<li>☑ done</li>\n<li>☑</li>\n<li>[ ]x</li>\n</ul>\n\
         <ol>\n<li>☑ <strong>ok</strong></li>\n</ol>"
    );
    assert_eq!(
        render("- [ ] a\n\n- [x] b"),
        "<ul>\n<li><p>☐ a</p></li>\n<li><p>☑ b</p></li>\n</ul>"
    );
}

#[test]
fn block_quotes_nest_and_run_on() {
    assert_eq!(
        render("> q\nlazy\n> > nested\n>\n> - item\n\nafter"),
        "<blockquote>\n<p>q\nlazy</p>\n<blockquote>\n<p>nested</p>\n</blockquote>\n\
         <ul>\n<li>item</li>\n</ul>\n</blockquote>\n<p>after</p>"
    );
}

#[test]
fn fenced_code_is_escaped_and_keeps_its_language() {
    assert_eq!(
        render("```rust\nfn x() -> &'static str { \"<b>\" }\n\n  **not bold**\n```\nafter"),
        "<pre tabindex=\"0\"><code class=\"language-rust\">fn x() -&gt; &amp;&#39;static str \
         { &quot;&lt;b&gt;&quot; }\n\n  **not bold**\n</code></pre>\n<p>after</p>"
    );
    assert_eq!(
        render("~~~~ c++ more words\nt\n~~~\n~~~~~"),
        "<pre tabindex=\"0\"><code class=\"language-c++\">t\n~~~\n</code></pre>"
    );
    // A language that is not a plain word is left out rather than escaped into a class.
    assert_eq!(
        render("```\"x\nt\n```"),
        "<pre tabindex=\"0\"><code>t\n</code></pre>"
    );
    // A fence inside a list item loses the item's indentation.
    assert_eq!(
        render("- ```\n  code\n  ```\n- x"),
        "<ul>\n<li><pre tabindex=\"0\"><code>code\n</code></pre></li>\n<li>x</li>\n</ul>"
    );
}

#[test]
fn inline_code() {
    assert_eq!(
        render("``a ` b`` and ` x ` and `` `t` `` and `<b>*no*</b>` `unclosed"),
        "<p><code>a ` b</code> and <code>x</code> and <code>`t`</code> and \
         <code>&lt;b&gt;*no*&lt;/b&gt;</code> `unclosed</p>"
    );
    assert_eq!(render("`a\nb`"), "<p><code>a b</code></p>");
}

#[test]
fn bold_and_emphasis() {
    assert_eq!(
        render("**b** __b__ *e* _e_ ***both*** **bold *in* it**"),
        "<p><strong>b</strong> <strong>b</strong> <em>e</em> <em>e</em> \
         <em><strong>both</strong></em> <strong>bold <em>in</em> it</strong></p>"
    );
    // Underscores inside words are text; asterisks inside words are not.
    assert_eq!(
        render("snake_case_name un*frigging*believable 2 * 3 * 4"),
        "<p>snake_case_name un<em>frigging</em>believable 2 * 3 * 4</p>"
    );
}

#[test]
fn strikethrough() {
    assert_eq!(
        render("~~gone~~ ~one~ ~~~three~~~ ~~*mixed*~~"),
        "<p><del>gone</del> ~one~ ~~~three~~~ <del><em>mixed</em></del></p>"
    );
}

#[test]
fn links_and_autolinks() {
    assert_eq!(
        render(
            "[t](https://x.y \"a 'title'\") [p](</a b> 'q') [e]() \
             <https://a.b/c?d=1&e=2> <me@ex.com> <not a link> [](https://x)"
        ),
        "<p><a href=\"https://x.y\" title=\"a &#39;title&#39;\">t</a> \
         <a href=\"/a b\" title=\"q\">p</a> <a href=\"\">e</a> \
         <a href=\"https://a.b/c?d=1&amp;e=2\">https://a.b/c?d=1&amp;e=2</a> \
         <a href=\"mailto:me@ex.com\">me@ex.com</a> &lt;not a link&gt; \
         <a href=\"https://x\">https://x</a></p>"
    );
    // Parentheses balance in a destination; a reference link is text.
    assert_eq!(
        render("[w](https://en.wikipedia.org/wiki/CAP_(theorem)) [r][ref] [s]"),
        "<p><a href=\"https://en.wikipedia.org/wiki/CAP_(theorem)\">w</a> [r][ref] [s]</p>"
    );
}

#[test]
fn images_become_links_to_their_source() {
    assert_eq!(
        render("![alt *x*](/img.png) ![bad](javascript:alert(1)) ![](https://i.png)"),
        "<p><a href=\"/img.png\">alt <em>x</em></a> bad \
         <a href=\"https://i.png\">https://i.png</a></p>"
    );
}

#[test]
fn backslash_escapes() {
    assert_eq!(
        render("\\*not\\* \\[x\\](y) \\<b\\> \\\\ \\a \\`c\\` 1\\. x"),
        "<p>*not* [x](y) &lt;b&gt; \\ \\a `c` 1. x</p>"
    );
    assert_eq!(render("\\# no\n\\- no"), "<p># no\n- no</p>");
}

#[test]
fn thematic_breaks() {
    assert_eq!(render("a\n---\n* * *\n___"), "<p>a</p>\n<hr>\n<hr>\n<hr>");
}

#[test]
fn everything_else_is_text() {
    assert_eq!(
        render("| a | b |\n|---|---|\n\n    indented\n\n[r]: https://x\n\nTitle\n===="),
        "<p>| a | b |\n|---|---|</p>\n<p>indented</p>\n\
         <p>[r]: https://x</p>\n<p>Title\n====</p>"
    );
}

// ---- Hostile notes ------------------------------------------------------------------------

#[test]
fn typed_entities_stay_as_typed() {
    let html = render("&lt;script&gt; &amp; &#58; &#x3C;b&#x3E; `&lt;` [x](a&quot;b)");
    assert_eq!(
        html,
        "<p>&amp;lt;script&amp;gt; &amp;amp; &amp;#58; &amp;#x3C;b&amp;#x3E; \
         <code>&amp;lt;</code> <a href=\"a&amp;quot;b\">x</a></p>"
    );
    well_formed(&html).unwrap();
    // An entity in a destination is not decoded, so "javascript&#58;" is a relative path
    // (and the browser sees "&#58;" literally, the "&" being escaped).
    assert_eq!(
        render("[x](javascript&#58;alert(1))"),
        "<p><a href=\"javascript&amp;#58;alert(1)\">x</a></p>"
    );
}

#[test]
fn raw_html_in_every_position_is_text() {
    for note in [
        "<script>alert(1)</script>",
        "# <img src=x onerror=alert(1)>",
        "- <b onclick=x>b</b>",
        "> <iframe src=//e.com>",
        "**<svg/onload=alert(1)>**",
        "[<a href=javascript:x>](https://e.com)",
        "<a href=\"javascript:x\">y</a>",
        "<!-- c --> <?php ?> <![CDATA[x]]>",
        "<https://e.com/\"onmouseover=\"x>",
        // The end-to-end test's note (tests/e2e/data.spec.js).
        "**Asked at Zorblax.** <img src=x onerror=\"window.__pwned=1\"> \
         <script>window.__pwned=2</script>\n\n[click](javascript:window.__pwned=3) and `kid`",
    ] {
        let html = render(note);
        well_formed(&html).unwrap_or_else(|e| panic!("{note}: {e}\n{html}"));
        no_markup_from(&html);
        // (" onerror" may appear: as text, which no_markup_from tells from a tag.)
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
    }
}

#[test]
fn attribute_values_cannot_break_out() {
    let html = render(
        "[a](https://e.com/\"><script>x</script>) [b](<https://e.com/\" onclick=\"x> \
         \"t\\\" onclick=\\\"x\") ![c](/p 'it''s')",
    );
    well_formed(&html).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("\" onclick"),
        "{html}"
    );
    assert!(html.contains("title=\"t&quot; onclick=&quot;x\""), "{html}");
}

#[test]
fn unsafe_links_keep_their_text_in_every_form() {
    for note in [
        "[a *b*](javascript:alert(1))",
        "[a](JAVASCRIPT:x \"t\")",
        "[a](<javascript:x>)",
        "[a](\\javascript:x)",
        "[a](java\\script:x)",
        "[a](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "<vbscript:x>",
        "<file:///etc/passwd>",
        "![a](javascript:x)",
    ] {
        let html = render(note);
        well_formed(&html).unwrap_or_else(|e| panic!("{note}: {e}\n{html}"));
        assert!(!html.contains("href"), "{note}: {html}");
        assert!(
            html.contains('a') || html.contains("script"),
            "{note}: {html}"
        );
    }
}

#[test]
fn unbalanced_and_crossing_emphasis_stays_balanced() {
    for (note, want) in [
        ("**unbalanced *em **x", "<p>**unbalanced *em **x</p>"),
        ("*a **b* c**", "<p><em>a <em><em>b</em> c</em></em></p>"),
        ("**a *b** c*", "<p><em><em>a <em>b</em></em> c</em></p>"),
        ("*[foo*](u)", "<p>*<a href=\"u\">foo*</a></p>"),
        ("~~a **b~~ c**", "<p><del>a **b</del> c**</p>"),
        ("_a *b_ c*", "<p><em>a *b</em> c*</p>"),
        ("***", "<hr>"),
        ("a *** b ** c * d", "<p>a *** b ** c * d</p>"),
    ] {
        let html = render(note);
        well_formed(&html).unwrap_or_else(|e| panic!("{note}: {e}\n{html}"));
        assert_eq!(html, want, "{note}");
    }
}

#[test]
fn unclosed_fences_and_brackets_end_with_their_container() {
    assert_eq!(
        render("```\nunclosed\n<b>"),
        "<pre tabindex=\"0\"><code>unclosed\n&lt;b&gt;\n</code></pre>"
    );
    assert_eq!(
        render("> ```\n> in quote\n\nout"),
        "<blockquote>\n<pre tabindex=\"0\"><code>in quote\n</code></pre>\n</blockquote>\n\
         <p>out</p>"
    );
    assert_eq!(
        render("[a [b [c](x) ](y [z]( ![i](j"),
        "<p>[a [b <a href=\"x\">c</a> ](y [z]( ![i](j</p>"
    );
}

#[test]
fn links_never_nest() {
    assert_eq!(
        render("[a [b](c) d](e)"),
        "<p>[a <a href=\"c\">b</a> d](e)</p>"
    );
    assert_eq!(
        render("[<https://x>](https://y)"),
        "<p><a href=\"https://y\">https://x</a></p>"
    );
    assert_eq!(
        render("[![i](https://img)](https://link)"),
        "<p><a href=\"https://link\">i</a></p>"
    );
}

#[test]
fn deep_nesting_is_cut_to_text() {
    let html = render(&"> ".repeat(50));
    well_formed(&html).unwrap();
    assert_eq!(html.matches("<blockquote>").count(), MAX_DEPTH);
    let steps: String = (0..30)
        .map(|k| format!("{}- {k}\n", "  ".repeat(k)))
        .collect();
    let html = render(&steps);
    well_formed(&html).unwrap();
    assert_eq!(html.matches("<ul>").count(), MAX_DEPTH);
    let html = render(&"1. - > ".repeat(40));
    well_formed(&html).unwrap();
}
