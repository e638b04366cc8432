//! Plain text of the bank's HTML, shared with `build.rs` (which writes the search texts with it).

/// Plain text of pulldown-cmark's HTML output: tags dropped (block ends become spaces) and the
/// entities it writes (`&lt; &gt; &amp; &quot; &#39;`) decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map(|e| e + 1).unwrap_or(rest.len());
            out.push(' ');
            rest = &rest[end..];
        } else {
            let entities = [
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&amp;", '&'),
                ("&quot;", '"'),
                ("&#39;", '\''),
            ];
            match entities.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((e, c)) => {
                    out.push(*c);
                    rest = &rest[e.len()..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_to_text_strips_tags_and_decodes_entities() {
        assert_eq!(
            html_to_text("<p>Use <code>Vec&lt;T&gt;</code> &amp; <em>don&#39;t</em></p>\n<ul><li>a</li><li>b</li></ul>"),
            "Use Vec<T> & don't a b"
        );
        assert_eq!(html_to_text("AT&T <b"), "AT&T");
    }
}
