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
///
/// Built with the `test-hooks` feature (end-to-end tests only), a number in
/// `window.__backprepTestNow` replaces the clock, so tests can jump days ahead. A normal build has
/// no such code: `make test` checks that the name is absent from the shipped wasm.
pub fn now_ms() -> u64 {
    #[cfg(feature = "test-hooks")]
    if let Some(ms) = test_clock() {
        return ms;
    }
    js_sys::Date::now().max(0.0) as u64
}

#[cfg(feature = "test-hooks")]
fn test_clock() -> Option<u64> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"__backprepTestNow".into())
        .ok()?
        .as_f64()
        .filter(|ms| ms.is_finite() && *ms >= 0.0)
        .map(|ms| ms as u64)
}

/// The user's calendar: the browser's time zone, looked up per instant (so summer time is right
/// for every date).
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserCalendar;

const DAY_MS: i64 = 86_400_000;

/// Minutes to add to UTC to get local time at instant `ms`.
fn offset_minutes(ms: i64) -> i64 {
    -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset() as i64)
}

impl crate::stats::Calendar for BrowserCalendar {
    fn day_of(&self, ms: u64) -> crate::stats::Day {
        let ms = ms.min(i64::MAX as u64 / 2) as i64;
        (ms + offset_minutes(ms) * 60_000).div_euclid(DAY_MS)
    }

    fn start_of(&self, day: crate::stats::Day) -> u64 {
        let midnight_utc = day.saturating_mul(DAY_MS);
        // Local midnight is UTC midnight minus the offset in force then; look the offset up again
        // at the first guess in case a summer-time change lies between.
        let guess = midnight_utc - offset_minutes(midnight_utc) * 60_000;
        (midnight_utc - offset_minutes(guess) * 60_000).max(0) as u64
    }
}

/// Today in the user's calendar.
pub fn today() -> crate::stats::Day {
    use crate::stats::Calendar;
    BrowserCalendar.day_of(now_ms())
}

/// The last millisecond of today: "due today" means due at or before it.
pub fn end_of_today() -> u64 {
    use crate::stats::Calendar;
    BrowserCalendar.start_of(today() + 1).saturating_sub(1)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a = document
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no link")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoke on a later tick: Chromium starts the download asynchronously.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Reads a chosen file as text, refusing files over `max_bytes` before reading them.
pub async fn read_file(file: web_sys::File, max_bytes: usize) -> Result<String, ReadError> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(ReadError::TooLarge(size as usize));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    text.as_string().ok_or(ReadError::Unreadable)
}

/// Why a file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// Over the size limit (bytes).
    TooLarge(usize),
    /// The browser could not read it.
    Unreadable,
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
