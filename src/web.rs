//! Small browser edges: the base path the app is served under, the page title and the clock.

/// The path prefix the app is served under, without a trailing slash ("" at the root, "/backprep"
/// under a sub-path). Trunk writes the public URL into `<base data-trunk-public-url>`.
pub fn base_path() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_default();
    normalize_base(&href)
}

/// Turns a `<base href>` value into a router base: an absolute path without trailing slash.
pub fn normalize_base(href: &str) -> String {
    // An absolute URL (http://host/sub/) keeps only its path.
    let path = match href.find("://") {
        Some(i) => href[i + 3..]
            .find('/')
            .map(|j| &href[i + 3 + j..])
            .unwrap_or("/"),
        None => href,
    };
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() || trimmed == "." {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_string()
    } else {
        format!("/{trimmed}")
    }
}

/// An internal link: the base path followed by `path` (which starts with `/`).
///
/// Every internal href goes through here, because the router does not add the base to absolute
/// links.
pub fn href(path: &str) -> String {
    format!("{}{}", base_path(), path)
}

/// Sets `document.title` to "`page` · Backprep" (or just "Backprep").
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if page.is_empty() {
            doc.set_title("Backprep");
        } else {
            doc.set_title(&format!("{page} · Backprep"));
        }
    }
}

/// Milliseconds since the Unix epoch, from the browser clock.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}
