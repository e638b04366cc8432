//! Starting the app in the browser. A prerendered page already shows its content (its controls
//! disabled until the app runs); the app is rendered beside it, off screen, with the content the
//! page carries inline, maybe over several short tasks (`state::startup`), and then takes its place
//! in one step, so nothing moves. A page with nothing prerendered (a development build) is simply
//! mounted.

use crate::bank::Content;
use wasm_bindgen::JsCast;

/// Id of the inline `<script type="application/json">` with a prerendered question's content.
pub const CONTENT_SCRIPT_ID: &str = "bp-content";

/// Takes in the question content a prerendered question page carries inline, so the app shows
/// it at once. Only the study area (and a development build) calls this: the other areas
/// never show a question's content from their own page, and without this call their wasm
/// carries no reader for it from a page (about 3 KB gzip).
pub fn preload_content() {
    let text = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CONTENT_SCRIPT_ID))
        .and_then(|s| s.text_content());
    if let Some(content) = text.and_then(|t| serde_json::from_str::<Content>(&t).ok()) {
        crate::state::content::preload(content);
    }
}

/// Id of the inline `<script type="application/json">` with a prerendered design exercise's
/// content.
pub const DESIGN_CONTENT_SCRIPT_ID: &str = "bp-design-content";

/// Takes in the design exercise content a prerendered exercise page carries inline. Only the
/// design area (and a development build) calls this.
pub fn preload_design_content() {
    let text = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(DESIGN_CONTENT_SCRIPT_ID))
        .and_then(|s| s.text_content());
    if let Some(content) = text
        .and_then(|t| serde_json::from_str::<crate::bank::design_content::DesignContent>(&t).ok())
    {
        crate::state::design_content::preload(content);
    }
}

/// Starts `app` (one area's app, or all of them in a development build).
pub fn start<N: leptos::prelude::IntoView + 'static>(app: fn() -> N) {
    start_with::<N, false>(app)
}

/// Starts the study area's `app`, which also takes in what was typed into the prerendered
/// page's search box (the other areas have none, and carry no code for it).
pub fn start_study<N: leptos::prelude::IntoView + 'static>(app: fn() -> N) {
    start_with::<N, true>(app)
}

/// Loads the questions' index (`bank::index`; the page asks for it early with a preload link,
/// and the service worker keeps it), then starts the app. Without it there is no app to start:
/// the page says so and stays as it is, readable.
fn start_with<N: leptos::prelude::IntoView + 'static, const SEARCH: bool>(app: fn() -> N) {
    if crate::bank::index::is_loaded() {
        mount::<N, SEARCH>(app);
        return;
    }
    // Not leptos' spawner: its executor is set up by the mount, which comes after.
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = crate::platform::fetch::text(crate::bank::INDEX_FILE)
            .await
            .and_then(crate::bank::index::install);
        match loaded {
            Ok(()) => mount::<N, SEARCH>(app),
            Err(reason) => index_failed(&reason),
        }
    });
}

/// Id of the message shown when the questions' index cannot be loaded.
pub const INDEX_FAILED_ID: &str = "bp-index-failed";

fn index_failed(reason: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(message) = document.create_element("p") else {
        return;
    };
    message.set_id(INDEX_FAILED_ID);
    message.set_class_name("notice");
    let _ = message.set_attribute("role", "alert");
    message.set_text_content(Some(&format!(
        "Backprep could not load its list of questions: {reason}. What this page shows stays readable; reload it to try again."
    )));
    let place = document
        .query_selector("main")
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into));
    if let Some(place) = place {
        let _ = place.prepend_with_node_1(&message);
    }
}

fn mount<N: leptos::prelude::IntoView + 'static, const SEARCH: bool>(app: fn() -> N) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // End-to-end tests of the recovery screen: a panic on demand, in the test build only.
    #[cfg(feature = "test-hooks")]
    if web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .as_deref()
        == Some("#test-panic")
    {
        leptos::prelude::set_timeout(
            || panic!("a panic asked for by a test"),
            std::time::Duration::from_millis(300),
        );
    }
    match document.get_element_by_id("app") {
        Some(prerendered) => {
            let Ok(holder) = document.create_element("div") else {
                return;
            };
            let Ok(holder) = holder.dyn_into::<web_sys::HtmlElement>() else {
                return;
            };
            crate::state::startup::set_rows_in_view(rows_in_view(&prerendered));
            leptos::mount::mount_to(holder.clone(), app).forget();
            // Taken over in one step once the app has rendered, maybe over several tasks. The
            // router renders its page just after mounting (a microtask), so look on the next task.
            leptos::prelude::set_timeout(
                move || {
                    crate::state::startup::when_free(move || {
                        // In a task of its own: the browser lays the new page out then.
                        leptos::prelude::set_timeout(
                            move || take_over::<SEARCH>(&prerendered, &holder),
                            std::time::Duration::ZERO,
                        )
                    })
                },
                std::time::Duration::ZERO,
            );
        }
        None => {
            leptos::mount::mount_to_body(app);
            mark_live(&document);
        }
    }
}

/// How many of the prerendered list's rows start above the bottom of the window.
fn rows_in_view(prerendered: &web_sys::Element) -> usize {
    let bottom = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let Ok(rows) = prerendered.query_selector_all(".question-item") else {
        return 0;
    };
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .take_while(|row| row.get_bounding_client_rect().top() < bottom)
        .count()
}

/// Puts the app rendered in `holder` in the place of the `prerendered` one.
fn take_over<const SEARCH: bool>(prerendered: &web_sys::Element, holder: &web_sys::HtmlElement) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(app) = holder.first_element_child() else {
        return;
    };
    let typed = if SEARCH {
        typed_search(&document, prerendered)
    } else {
        None
    };
    let _ = prerendered.replace_with_with_node_1(&app);
    if let Some(typed) = typed {
        apply_search(&document, typed);
    }
    mark_live(&document);
}

/// What was typed into the prerendered page's search box before the app started, and whether
/// the box had the focus.
struct TypedSearch {
    text: String,
    focused: bool,
}

fn typed_search(document: &web_sys::Document, page: &web_sys::Element) -> Option<TypedSearch> {
    let input = page
        .query_selector("#search")
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let focused = document.active_element().is_some_and(|e| e == **input);
    let text = input.value();
    (focused || !text.is_empty()).then_some(TypedSearch { text, focused })
}

/// Gives the app's search box what was typed before it started: the app searches for it as if
/// it had been typed there, and the focus stays in the box.
fn apply_search(document: &web_sys::Document, typed: TypedSearch) {
    let Some(input) = document
        .get_element_by_id("search")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if input.value() != typed.text {
        input.set_value(&typed.text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&event);
        }
    }
    if typed.focused {
        let _ = input.focus();
        let end = typed.text.encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

/// The page is the live app from here on (tests wait for this too).
fn mark_live(document: &web_sys::Document) {
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}
