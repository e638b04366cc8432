//! Window events the app listens to: key presses, clicks, another tab's storage writes, the tab
//! coming back into view. Each listener is removed when the reactive owner that added it is cleaned up
//! (the page it belongs to is left).

/// A key press, with what the app needs to know about where it happened.
pub struct KeyPress {
    /// `KeyboardEvent.key`.
    pub key: String,
    /// Ctrl, Alt or Meta held (shortcuts then belong to the browser).
    pub modified: bool,
    /// Focus is in a text field (input, textarea, select).
    pub typing: bool,
    /// Focus is on a link, button or summary, whose own Enter and Space must win.
    pub on_control: bool,
    #[cfg(target_arch = "wasm32")]
    event: web_sys::KeyboardEvent,
}

impl KeyPress {
    /// The press as `keys` sees it.
    pub fn press(&self) -> crate::keys::Press<'_> {
        crate::keys::Press {
            key: &self.key,
            modified: self.modified,
            typing: self.typing,
            on_control: self.on_control,
        }
    }

    /// Keeps the browser from also acting on the key (scrolling on Space, say).
    pub fn prevent_default(&self) {
        #[cfg(target_arch = "wasm32")]
        self.event.prevent_default();
    }

    /// Keeps every other listener from seeing this press (an open dialog owns the keyboard).
    pub fn stop_others(&self) {
        #[cfg(target_arch = "wasm32")]
        self.event.stop_immediate_propagation();
    }
}

pub use imp::{on_click_first, on_keydown, on_other_app_link, on_storage, on_visible};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::KeyPress;
    use leptos::prelude::{on_cleanup, window_event_listener};
    use wasm_bindgen::JsCast;

    /// Calls `handler` on every key press in the window.
    pub fn on_keydown(handler: impl Fn(&KeyPress) + 'static) {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let tag = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.tag_name().to_ascii_lowercase())
                .unwrap_or_default();
            let press = KeyPress {
                key: ev.key(),
                modified: ev.ctrl_key() || ev.meta_key() || ev.alt_key(),
                typing: matches!(tag.as_str(), "input" | "textarea" | "select"),
                on_control: matches!(tag.as_str(), "a" | "button" | "summary"),
                event: ev,
            };
            handler(&press);
        });
        on_cleanup(move || handle.remove());
    }

    /// Calls `handler` with the key another tab of this origin just wrote (the `storage` event
    /// fires only in the other tabs).
    pub fn on_storage(handler: impl Fn(Option<String>) + 'static) {
        let handle = window_event_listener(leptos::ev::storage, move |e| handler(e.key()));
        on_cleanup(move || handle.remove());
    }

    /// Lets the browser itself follow every link whose address (within the site, without the base
    /// path) `elsewhere` says another build of the app serves: the router would otherwise take the
    /// click and find no page for it. Listens before the router does, for the page's lifetime.
    pub fn on_other_app_link(elsewhere: impl Fn(&str) -> bool + 'static) {
        use wasm_bindgen::closure::Closure;
        let base = crate::platform::dom::base_path();
        let listener =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                if ev.default_prevented() || ev.button() != 0 {
                    return;
                }
                let link = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest("a[href]").ok().flatten())
                    .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
                let Some(link) = link else { return };
                let here = web_sys::window().and_then(|w| w.location().origin().ok());
                if here.as_deref() != Some(link.origin().as_str()) {
                    return;
                }
                let path = link.pathname();
                let Some(path) = path.strip_prefix(base.as_str()) else {
                    return;
                };
                let path = if path.is_empty() { "/" } else { path };
                if elsewhere(path) {
                    // The router never sees it; the browser loads the page.
                    ev.stop_immediate_propagation();
                }
            });
        on_click_capture(listener);
    }

    /// Calls `handler` on every click in the window, before anything else sees it (the router
    /// included, so the page is still the one clicked on), for as long as the app runs.
    pub fn on_click_first(handler: impl Fn() + 'static) {
        on_click_capture(wasm_bindgen::closure::Closure::<dyn Fn()>::new(handler));
    }

    /// Adds `listener` to the window's clicks in the capture phase, for as long as the app runs.
    fn on_click_capture<T: ?Sized + wasm_bindgen::closure::WasmClosure>(
        listener: wasm_bindgen::closure::Closure<T>,
    ) {
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        listener.forget();
    }

    /// Calls `handler` whenever the tab comes back into view.
    pub fn on_visible(handler: impl Fn() + 'static) {
        let handle = window_event_listener(leptos::ev::visibilitychange, move |_| {
            let visible = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
            if visible {
                handler();
            }
        });
        on_cleanup(move || handle.remove());
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::KeyPress;

    /// Nothing to click on the host.
    pub fn on_other_app_link(_elsewhere: impl Fn(&str) -> bool + 'static) {}

    /// Nothing to listen to on the host.
    pub fn on_keydown(_handler: impl Fn(&KeyPress) + 'static) {}

    /// Nothing to listen to on the host.
    pub fn on_storage(_handler: impl Fn(Option<String>) + 'static) {}

    /// Nothing to click on the host.
    pub fn on_click_first(_handler: impl Fn() + 'static) {}

    /// Nothing to listen to on the host.
    pub fn on_visible(_handler: impl Fn() + 'static) {}
}
