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

/// Sets or removes `data-theme` on `<html>`.
pub fn set_theme_attribute(value: Option<&str>) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match value {
            Some(v) => root.set_attribute("data-theme", v),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Where a key event happened: in a text field (`typing`), or on a link or button whose own
/// Enter behaviour must win (`on_control`).
pub fn key_target(ev: &web_sys::KeyboardEvent) -> (bool, bool) {
    use wasm_bindgen::JsCast;
    let tag = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.tag_name().to_ascii_lowercase())
        .unwrap_or_default();
    let typing = matches!(tag.as_str(), "input" | "textarea" | "select");
    let on_control = matches!(tag.as_str(), "a" | "button" | "summary");
    (typing, on_control)
}

/// Scrolls the element with this id into view if it is not (nearest edge).
pub fn scroll_into_view(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The current page's full URL.
pub fn current_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The path to hand to the router's `navigate` for an internal `path` (starting with `/`).
///
/// Under a base path the router joins `/backprep` and `/?q=…` into `/backprep?q=…`, which lies
/// outside the service worker's scope (`/backprep/`) and which static hosts do not map to the app.
/// leptos_router leaves a URL with a scheme as it is, so the list's root is given as a full URL.
pub fn nav_path(path: &str) -> String {
    let base = base_path();
    if !base.is_empty() && (path == "/" || path.starts_with("/?")) {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!("{origin}{base}{path}")
    } else {
        path.to_string()
    }
}
