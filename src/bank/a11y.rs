//! Accessibility fixes to pulldown-cmark's HTML for the bank (at build time, through `build.rs`).
//! Personal notes write the same markup themselves (src/notes/), without pulldown-cmark.

/// Fixes what pulldown-cmark's HTML lacks for screen readers and keyboards: a code block that
/// scrolls sideways must be focusable; a comparison table (its top-left header empty) gets a plain
/// corner cell instead of a header without a name, and its first column becomes row headers, so
/// every cell has a header for each direction; column headers say they are. (Text that looks like
/// these tags is escaped, so only real tags match.) A table scrolls sideways when it is wider than
/// the column (the CSS makes it a scrolling block), so it is focusable like a code block.
pub fn accessible(html: &str) -> String {
    let html = html
        .trim_end()
        .replace("<pre>", "<pre tabindex=\"0\">")
        .replace("<th>", "<th scope=\"col\">");
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<table>") {
        let end = rest[start..]
            .find("</table>")
            .map_or(rest.len(), |e| start + e + "</table>".len());
        out.push_str(&rest[..start]);
        out.push_str(&comparison_table(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("<table>", "<table tabindex=\"0\">")
}

/// A table whose header row starts with an empty cell is a comparison: row labels in the first
/// column. Other tables are left as they are.
fn comparison_table(table: &str) -> String {
    const CORNER: &str = "<thead><tr><th scope=\"col\"></th>";
    if !table.starts_with(&format!("<table>{CORNER}")) {
        return table.to_string();
    }
    let table = table.replacen(CORNER, "<thead><tr><td></td>", 1);
    let body = table.find("<tbody>").unwrap_or(table.len());
    let mut out = String::with_capacity(table.len() + 64);
    out.push_str(&table[..body]);
    let mut rest = &table[body..];
    while let Some(i) = rest.find("<tr><td>") {
        out.push_str(&rest[..i]);
        let after = &rest[i + "<tr><td>".len()..];
        match after.find("</td>") {
            Some(close) => {
                out.push_str("<tr><th scope=\"row\">");
                out.push_str(&after[..close]);
                out.push_str("</th>");
                rest = &after[close + "</td>".len()..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessible_fixes_only_real_tags() {
        assert_eq!(
            accessible("<pre><code>&lt;pre&gt;</code></pre>\n<table><thead><tr><th></th><th>A</th></tr></thead><tbody>\n<tr><td>x</td><td>1</td></tr>\n</tbody></table>"),
            "<pre tabindex=\"0\"><code>&lt;pre&gt;</code></pre>\n<table tabindex=\"0\"><thead><tr><td></td><th scope=\"col\">A</th></tr></thead><tbody>\n<tr><th scope=\"row\">x</th><td>1</td></tr>\n</tbody></table>"
        );
    }

    #[test]
    fn a_table_with_a_named_first_column_keeps_its_cells() {
        let t = "<table><thead><tr><th>Name</th><th>A</th></tr></thead><tbody>\n<tr><td>x</td><td>1</td></tr>\n</tbody></table>";
        assert_eq!(
            accessible(t),
            "<table tabindex=\"0\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">A</th></tr></thead><tbody>\n<tr><td>x</td><td>1</td></tr>\n</tbody></table>"
        );
    }
}
