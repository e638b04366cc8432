//! Fetching the bank's data files (a question's content, the search texts) from the site.

/// The text of data file `path` (relative to the site's root, e.g. `data/q/jwt.<hash>.json`).
///
/// In the browser it is fetched from the base path (the service worker answers from its cache once
/// the site has been visited, so this works offline); on the host it is read from the files the
/// build compiled in.
pub async fn text(path: &str) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        let window = web_sys::window().ok_or("no window")?;
        let url = super::dom::href(&format!("/{path}"));
        let response = JsFuture::from(window.fetch_with_str(&url))
            .await
            .map_err(|_| "you seem to be offline, and this page is not saved yet".to_string())?;
        let response: web_sys::Response = response
            .dyn_into()
            .map_err(|_| "the browser gave no response".to_string())?;
        if !response.ok() {
            return Err(format!("the site answered {}", response.status()));
        }
        let text = JsFuture::from(response.text().map_err(|_| "unreadable response")?)
            .await
            .map_err(|_| "the download was interrupted".to_string())?;
        text.as_string()
            .ok_or_else(|| "unreadable response".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::bank::files::text(path)
            .map(str::to_string)
            .ok_or_else(|| format!("no data file {path}"))
    }
}
