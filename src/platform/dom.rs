//! The document: the base path the app is served under, internal links, the page title, the theme
//! attribute, scrolling and focus.

pub use imp::{
    base_path, current_url, focus_link_in, focus_main, is_safari, load, remember_scroll,
    remembered_scroll, scroll_into_view, scroll_to_y, set_theme_attribute, set_title,
};

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

/// The path to hand to the router's `navigate` for an internal `path` (starting with `/`).
///
/// Under a base path the router joins `/backprep` and `/?q=…` into `/backprep?q=…`, which lies
/// outside the service worker's scope (`/backprep/`) and which static hosts do not map to the app.
/// leptos_router leaves a URL with a scheme as it is, so the list's root is given as a full URL.
pub fn nav_path(path: &str) -> String {
    let base = base_path();
    if !base.is_empty() && (path == "/" || path.starts_with("/?")) {
        format!("{}{base}{path}", imp::origin())
    } else {
        path.to_string()
    }
}

/// Whether the page is the live app (in the browser), rather than HTML the prerenderer writes. A
/// control that needs the app (a button, a filter, the search box) is rendered disabled in the
/// prerendered page: it cannot work before the app runs, and it says so until then.
pub const fn live() -> bool {
    cfg!(target_arch = "wasm32")
}

/// "`page` · Backprep", or "Backprep" for the home page: every page's `<title>`.
pub fn title_text(page: &str) -> String {
    if page.is_empty() {
        "Backprep".to_string()
    } else {
        format!("{page} · Backprep")
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    fn document() -> Option<web_sys::Document> {
        web_sys::window().and_then(|w| w.document())
    }

    /// The path prefix the app is served under, without a trailing slash ("" at the root,
    /// "/backprep" under a sub-path). Trunk writes the public URL into `<base>`.
    pub fn base_path() -> String {
        thread_local! {
            static BASE: String = {
                let href = document()
                    .and_then(|d| d.query_selector("base").ok().flatten())
                    .and_then(|b| b.get_attribute("href"))
                    .unwrap_or_default();
                super::normalize_base(&href)
            };
        }
        BASE.with(Clone::clone)
    }

    pub(super) fn origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    /// Sets `document.title` to "`page` · Backprep" (or just "Backprep").
    pub fn set_title(page: &str) {
        if let Some(doc) = document() {
            doc.set_title(&super::title_text(page));
        }
    }

    /// Sets or removes `data-theme` on `<html>`.
    pub fn set_theme_attribute(value: Option<&str>) {
        if let Some(root) = document().and_then(|d| d.document_element()) {
            let _ = match value {
                Some(v) => root.set_attribute("data-theme", v),
                None => root.remove_attribute("data-theme"),
            };
        }
    }

    /// Scrolls the element with this id into view if it is not (nearest edge).
    pub fn scroll_into_view(id: &str) {
        if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }

    /// Whether the browser is Safari (which deletes what a site's scripts stored after seven days
    /// without a visit).
    pub fn is_safari() -> bool {
        let agent = web_sys::window()
            .and_then(|w| w.navigator().user_agent().ok())
            .unwrap_or_default();
        agent.contains("Safari/")
            && !agent.contains("Chrome/")
            && !agent.contains("Chromium/")
            && !agent.contains("Android")
    }

    /// Loads the page at internal `path` (a page another build of the app serves).
    pub fn load(path: &str) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(&super::href(path));
        }
    }

    /// The current page's full URL.
    pub fn current_url() -> String {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    }

    /// The window's scroll position saved in this history entry by [`remember_scroll`], if any
    /// (an entry reached by back or forward; a new visit's entry has none).
    pub fn remembered_scroll() -> Option<f64> {
        let w = web_sys::window()?;
        let state = w.history().ok()?.state().ok()?;
        // Saved for this address: a new entry may start with a copy of the previous one's state.
        let here = w.location().href().ok()?;
        let saved = js_sys::Reflect::get(&state, &"bpUrl".into())
            .ok()?
            .as_string()?;
        if saved.split('#').next() != here.split('#').next() {
            return None;
        }
        js_sys::Reflect::get(&state, &"bpScroll".into())
            .ok()?
            .as_f64()
    }

    /// Saves the window's scroll position in the current history entry (keeping its URL).
    pub fn remember_scroll() {
        let Some(w) = web_sys::window() else { return };
        let y = w.scroll_y().unwrap_or(0.0);
        let state = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&state, &"bpScroll".into(), &y.into());
        let here = w.location().href().unwrap_or_default();
        let _ = js_sys::Reflect::set(&state, &"bpUrl".into(), &here.into());
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&state, "", None);
        }
    }

    /// Scrolls the window to `y`.
    pub fn scroll_to_y(y: f64) {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    }

    /// Puts the focus on the page's main content (`<main id="main" tabindex="-1">`), without
    /// scrolling.
    pub fn focus_main() {
        use wasm_bindgen::JsCast;
        let main = document()
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = main.focus_with_options(&opts);
        }
    }

    /// Puts the focus on the first link inside the element with this id, without scrolling.
    pub fn focus_link_in(id: &str) {
        use wasm_bindgen::JsCast;
        let link = document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.query_selector("a").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(link) = link {
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(true);
            let _ = link.focus_with_options(&opts);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::cell::RefCell;

    thread_local! {
        static BASE: RefCell<String> = const { RefCell::new(String::new()) };
    }

    /// The base path the prerenderer renders for (see [`set_base_path`]).
    pub fn base_path() -> String {
        BASE.with_borrow(Clone::clone)
    }

    /// Sets the base path pages are rendered for (the prerenderer's `PUBLIC_URL`).
    pub fn set_base_path(base: &str) {
        BASE.with_borrow_mut(|b| *b = super::normalize_base(base));
    }

    pub(super) fn origin() -> String {
        String::new()
    }

    /// Does nothing: the prerenderer writes each page's title itself.
    pub fn set_title(_page: &str) {}

    /// Does nothing on the host.
    pub fn set_theme_attribute(_value: Option<&str>) {}

    /// Does nothing on the host.
    pub fn scroll_into_view(_id: &str) {}

    /// Not on the host.
    pub fn is_safari() -> bool {
        false
    }

    /// Does nothing on the host.
    pub fn load(_path: &str) {}

    /// Empty on the host.
    pub fn current_url() -> String {
        String::new()
    }

    /// None on the host.
    pub fn remembered_scroll() -> Option<f64> {
        None
    }

    /// Does nothing on the host.
    pub fn remember_scroll() {}

    /// Does nothing on the host.
    pub fn scroll_to_y(_y: f64) {}

    /// Does nothing on the host.
    pub fn focus_link_in(_id: &str) {}

    /// Does nothing on the host.
    pub fn focus_main() {}
}

#[cfg(not(target_arch = "wasm32"))]
pub use imp::set_base_path;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_normalise() {
        assert_eq!(normalize_base("/"), "");
        assert_eq!(normalize_base(""), "");
        assert_eq!(normalize_base("/backprep/"), "/backprep");
        assert_eq!(normalize_base("https://example.org/backprep/"), "/backprep");
        assert_eq!(normalize_base("backprep"), "/backprep");
    }

    #[test]
    fn titles() {
        assert_eq!(title_text(""), "Backprep");
        assert_eq!(title_text("Quiz"), "Quiz · Backprep");
    }
}
