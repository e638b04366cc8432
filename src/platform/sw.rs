//! The service-worker edge: registration, and telling the app when a newer build is waiting.
//!
//! Only release builds carry `<meta name="backprep-build">` (written by `scripts/postbuild.py`), and
//! only they register the worker, so development builds are never served stale. On the host every
//! function does nothing.

pub use imp::{apply_update, build_id, register};

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// No build stamp on the host.
    pub fn build_id() -> Option<String> {
        None
    }

    /// No service worker on the host.
    pub fn register(_on_update_ready: impl Fn() + Clone + 'static) {}

    /// No service worker on the host.
    pub fn apply_update() {}
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

    /// The build stamp of the running page, if it is a release build.
    pub fn build_id() -> Option<String> {
        web_sys::window()?
            .document()?
            .query_selector("meta[name=backprep-build]")
            .ok()??
            .get_attribute("content")
    }

    fn container() -> Option<ServiceWorkerContainer> {
        let navigator = web_sys::window()?.navigator();
        // Absent in insecure contexts; `service_worker()` would throw there.
        js_sys::Reflect::has(&navigator, &"serviceWorker".into())
            .ok()?
            .then(|| navigator.service_worker())
    }

    /// Registers the worker for the app's base path and calls `on_update_ready` when a newer build has
    /// been installed and is waiting (only while an older build controls this page).
    pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
        if build_id().is_none() {
            return;
        }
        let Some(container) = container() else { return };
        let base = crate::platform::dom::base_path();
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&format!("{base}/"));
        let promise = container.register_with_options(&format!("{base}/sw.js"), &options);
        let reload_on_change = Closure::<dyn FnMut()>::new(move || {
            if RELOAD_REQUESTED.with(|r| r.get()) {
                let _ = web_sys::window().map(|w| w.location().reload());
            }
        });
        container.set_oncontrollerchange(Some(reload_on_change.as_ref().unchecked_ref()));
        reload_on_change.forget();

        leptos::task::spawn_local(async move {
            let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                return;
            };
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            let controlled = move || container.controller().is_some();
            if reg.waiting().is_some() && controlled() {
                on_update_ready();
            }
            // Watch a worker being installed: when it is done and an older build controls this page,
            // the update is ready.
            let watch = {
                let ready = on_update_ready.clone();
                let controlled = controlled.clone();
                move |reg: &ServiceWorkerRegistration| {
                    let Some(worker) = reg.installing() else {
                        return;
                    };
                    let watched = worker.clone();
                    let ready = ready.clone();
                    let controlled = controlled.clone();
                    let on_state = Closure::<dyn FnMut()>::new(move || {
                        if watched.state() == ServiceWorkerState::Installed && controlled() {
                            ready();
                        }
                    });
                    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                    on_state.forget();
                }
            };
            // One may already be installing (its `updatefound` fired before we listened).
            watch(&reg);
            let reg_for_found = reg.clone();
            let on_found = Closure::<dyn FnMut()>::new(move || watch(&reg_for_found));
            reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
            on_found.forget();
            // Look for a new deploy whenever the tab comes back into view.
            let reg_for_visible = reg.clone();
            let on_visible = Closure::<dyn FnMut()>::new(move || {
                let visible = web_sys::window()
                    .and_then(|w| w.document())
                    .map(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
                    .unwrap_or(false);
                if visible {
                    let _ = reg_for_visible.update();
                }
            });
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                let _ = doc.add_event_listener_with_callback(
                    "visibilitychange",
                    on_visible.as_ref().unchecked_ref(),
                );
            }
            on_visible.forget();
        });
    }

    thread_local! {
        static RELOAD_REQUESTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Switches to the waiting build: the worker takes over, then the page reloads on
    /// `controllerchange`. Without a waiting worker it simply reloads.
    pub fn apply_update() {
        RELOAD_REQUESTED.with(|r| r.set(true));
        let waiting = container().map(|c| {
            let c2 = c.clone();
            leptos::task::spawn_local(async move {
                let ready = wasm_bindgen_futures::JsFuture::from(
                    c2.ready()
                        .unwrap_or_else(|_| js_sys::Promise::resolve(&JsValue::NULL)),
                )
                .await;
                let waiting = ready
                    .ok()
                    .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                    .and_then(|r| r.waiting());
                match waiting {
                    Some(w) => {
                        let _ = w.post_message(&JsValue::from_str("skip-waiting"));
                    }
                    None => {
                        let _ = web_sys::window().map(|w| w.location().reload());
                    }
                }
            });
        });
        if waiting.is_none() {
            let _ = web_sys::window().map(|w| w.location().reload());
        }
    }
}
