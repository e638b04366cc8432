//! Starting the app in the browser. A prerendered page already shows its content (its controls
//! disabled until the app runs); the app is rendered beside it, off screen, with the content the
//! page carries inline, maybe over several short tasks (`state::startup`), and then takes its place
//! in one step, so nothing moves. A page with nothing prerendered (a development build) is simply
//! mounted.

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
            // Taken over in one step once the app has rendered (maybe over several tasks).
            crate::state::startup::when_free(move || take_over(&prerendered, &holder));
        }
        None => {
            leptos::mount::mount_to_body(app);
            mark_live(&document);
        }
    }
}

/// Puts the app rendered in `holder` in the place of the `prerendered` one.
fn take_over(prerendered: &web_sys::Element, holder: &web_sys::HtmlElement) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(app) = holder.first_element_child() else {
        return;
    };
    let _ = prerendered.replace_with_with_node_1(&app);
    mark_live(&document);
}

/// The page is the live app from here on (tests wait for this too).
fn mark_live(document: &web_sys::Document) {
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}
