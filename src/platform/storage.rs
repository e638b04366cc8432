//! localStorage as a string store. The browser implementation guards every access (storage can be
//! missing, blocked or full); the host one keeps values in memory, with switches to make it fail
//! like a browser does, for host tests.

use std::fmt;

/// Why storage refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage, or the browser blocks it.
    Unavailable,
    /// The origin's quota is full.
    QuotaExceeded,
    /// Any other refusal, with the browser's words.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => f.write_str("storage unavailable"),
            StorageError::QuotaExceeded => f.write_str("browser storage is full"),
            StorageError::Other(why) => f.write_str(why),
        }
    }
}

pub use imp::{available, get, keys, persist, persisted, remove, set, set_json};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::StorageError;
    use gloo_storage::errors::StorageError as GlooError;
    use gloo_storage::{LocalStorage, Storage};

    fn storage() -> Option<web_sys::Storage> {
        // `LocalStorage::raw()` panics where storage is missing, and Chromium throws on access when
        // it is blocked, so ask web-sys first.
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }

    /// Whether localStorage can be used at all.
    pub fn available() -> bool {
        storage().is_some()
    }

    /// The value under `key`, if any.
    pub fn get(key: &str) -> Result<Option<String>, StorageError> {
        storage()
            .ok_or(StorageError::Unavailable)?
            .get_item(key)
            .map_err(|_| StorageError::Unavailable)
    }

    /// Stores the text `value` under `key` as it is (a backup of what could not be read, say).
    pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
        let storage = storage().ok_or(StorageError::Unavailable)?;
        storage.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" {
                StorageError::QuotaExceeded
            } else {
                StorageError::Other(name)
            }
        })
    }

    /// Stores `value` as JSON under `key`, in one write: it lands entirely or not at all.
    pub fn set_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
        if !available() {
            return Err(StorageError::Unavailable);
        }
        // gloo-storage serializes and names the browser's error, so a full quota is told apart.
        match LocalStorage::set(key, value) {
            Ok(()) => Ok(()),
            Err(GlooError::JsError(js)) if js.name == "QuotaExceededError" => {
                Err(StorageError::QuotaExceeded)
            }
            Err(other) => Err(StorageError::Other(other.to_string())),
        }
    }

    /// Removes `key`.
    pub fn remove(key: &str) {
        if available() {
            LocalStorage::delete(key);
        }
    }

    fn manager() -> Option<web_sys::StorageManager> {
        let navigator = web_sys::window()?.navigator();
        // Absent in insecure contexts and old browsers.
        js_sys::Reflect::has(&navigator, &"storage".into())
            .ok()?
            .then(|| navigator.storage())
    }

    async fn answer(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Option<bool> {
        wasm_bindgen_futures::JsFuture::from(promise.ok()?)
            .await
            .ok()?
            .as_bool()
    }

    /// Whether the browser has agreed to keep this site's data under storage pressure (`None`:
    /// it cannot say).
    pub async fn persisted() -> Option<bool> {
        answer(manager()?.persisted()).await
    }

    /// Asks the browser to keep this site's data under storage pressure; its answer (`None`: no
    /// answer possible here).
    pub async fn persist() -> Option<bool> {
        answer(manager()?.persist()).await
    }

    /// Every key stored for this origin.
    pub fn keys() -> Vec<String> {
        let Some(s) = storage() else { return vec![] };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::StorageError;
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    thread_local! {
        static VALUES: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
        static FAULT: Cell<Option<Fault>> = const { Cell::new(None) };
    }

    /// How the host store misbehaves, for tests of what the app does when the browser refuses.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Fault {
        /// Every access fails, as when storage is blocked.
        Unavailable,
        /// Writes larger than this many bytes fail with a full quota.
        QuotaBytes(usize),
    }

    /// Whether the store can be used.
    pub fn available() -> bool {
        FAULT.get() != Some(Fault::Unavailable)
    }

    /// The value under `key`, if any.
    pub fn get(key: &str) -> Result<Option<String>, StorageError> {
        if !available() {
            return Err(StorageError::Unavailable);
        }
        Ok(VALUES.with_borrow(|v| v.get(key).cloned()))
    }

    /// Stores `value` under `key`.
    pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
        match FAULT.get() {
            Some(Fault::Unavailable) => return Err(StorageError::Unavailable),
            Some(Fault::QuotaBytes(n)) if value.len() > n => {
                return Err(StorageError::QuotaExceeded)
            }
            _ => {}
        }
        VALUES.with_borrow_mut(|v| v.insert(key.to_string(), value.to_string()));
        Ok(())
    }

    /// Stores `value` as JSON under `key`.
    pub fn set_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
        let text = serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))?;
        set(key, &text)
    }

    /// Removes `key`.
    pub fn remove(key: &str) {
        VALUES.with_borrow_mut(|v| v.remove(key));
    }

    /// Every key stored.
    pub fn keys() -> Vec<String> {
        VALUES.with_borrow(|v| v.keys().cloned().collect())
    }

    /// No browser to ask on the host.
    pub async fn persisted() -> Option<bool> {
        None
    }

    /// No browser to ask on the host.
    pub async fn persist() -> Option<bool> {
        None
    }

    /// Empties the store and clears any fault (host tests).
    pub fn reset() {
        VALUES.with_borrow_mut(BTreeMap::clear);
        FAULT.set(None);
    }

    /// Makes the store misbehave (host tests).
    pub fn set_fault(fault: Option<Fault>) {
        FAULT.set(fault);
    }
}

/// Host-only switches for tests.
#[cfg(not(target_arch = "wasm32"))]
pub use imp::{reset, set_fault, Fault};
