//! Accessibility fixes to pulldown-cmark's HTML for the bank (at build time, through `build.rs`).
//! Personal notes write the same markup themselves (src/notes.rs), without pulldown-cmark.

/// Fixes what pulldown-cmark's HTML lacks for screen readers and keyboards: a code block that
/// scrolls sideways must be focusable, and the empty corner cell of a comparison table is a plain
/// cell, not a header without a name. (Text that looks like these tags is escaped, so only real
/// tags match.)
pub fn accessible(html: &str) -> String {
    html.trim_end()
        .replace("<pre>", "<pre tabindex=\"0\">")
        .replace("<th></th>", "<td></td>")
}

#[cfg(test)]
#[test]
fn accessible_fixes_only_real_tags() {
    assert_eq!(
        accessible("<pre><code>&lt;pre&gt;</code></pre>\n<table><thead><tr><th></th><th>A</th>"),
        "<pre tabindex=\"0\"><code>&lt;pre&gt;</code></pre>\n<table><thead><tr><td></td><th>A</th>"
    );
}
