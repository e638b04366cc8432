//! Starting the app in the browser. A prerendered page already shows its content; the app is
//! rendered beside it, off screen, with the content the page carries inline, and then takes its
//! place in one step, so nothing moves. A page with nothing prerendered (a development build) is
//! simply mounted.

use crate::bank::Content;
use wasm_bindgen::JsCast;

/// Id of the inline `<script type="application/json">` with a prerendered question's content.
pub const CONTENT_SCRIPT_ID: &str = "bp-content";

/// Starts `app` (one area's app, or all of them in a development build).
pub fn start<N: leptos::prelude::IntoView + 'static>(app: fn() -> N) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(text) = document
        .get_element_by_id(CONTENT_SCRIPT_ID)
        .and_then(|s| s.text_content())
    {
        if let Ok(content) = serde_json::from_str::<Content>(&text) {
            crate::state::content::preload(content);
        }
    }
    match document.get_element_by_id("app") {
        Some(prerendered) => {
            let Ok(holder) = document.create_element("div") else {
                return;
            };
            let Ok(holder) = holder.dyn_into::<web_sys::HtmlElement>() else {
                return;
            };
            leptos::mount::mount_to(holder.clone(), app).forget();
            if let Some(app) = holder.first_element_child() {
                // Carry over what was typed into the page's search box before the app started.
                let typed = document
                    .get_element_by_id("search")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .map(|i| i.value())
                    .filter(|v| !v.is_empty());
                let _ = prerendered.replace_with_with_node_1(&app);
                if let Some(text) = typed {
                    carry_over_search(&document, &text);
                }
            }
        }
        None => leptos::mount::mount_to_body(app),
    }
    // The page is the live app from here on (tests wait for this too).
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// Puts `text` into the app's search box and lets the app search it, as if typed there.
fn carry_over_search(document: &web_sys::Document, text: &str) {
    if let Some(input) = document
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value(text);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = input.dispatch_event(&event);
        }
        let _ = input.focus();
    }
}
