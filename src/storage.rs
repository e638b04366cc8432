//! The save format and the only code that touches localStorage.
//!
//! Stored values are JSON envelopes `{"version": N, "data": …}` under keys in the `backprep:`
//! namespace. [`decode`] and [`encode`] are pure and never panic; the browser edge ([`local`]) acts
//! on what `decode` says: it backs up anything it cannot read before starting afresh, and never
//! overwrites data written by a newer build.

use crate::progress::Progress;
use serde::Serialize;
use serde_json::Value;

/// Every key Backprep writes starts with this.
pub const NAMESPACE: &str = "backprep:";
/// Where progress lives.
pub const PROGRESS_KEY: &str = "backprep:progress";
/// Prefix of the keys that keep unreadable values (`backprep:backup:<key>:<ms>`).
pub const BACKUP_PREFIX: &str = "backprep:backup:";
/// The schema this build writes.
pub const SCHEMA_VERSION: u64 = 1;

/// The stored shape: `{"version": N, "data": …}`.
#[derive(Serialize)]
pub struct Envelope<'a> {
    /// Schema version of `data`.
    pub version: u64,
    /// The payload.
    pub data: &'a Progress,
}

impl<'a> Envelope<'a> {
    /// This build's envelope around `progress`.
    pub fn current(progress: &'a Progress) -> Self {
        Envelope {
            version: SCHEMA_VERSION,
            data: progress,
        }
    }
}

/// What a stored string turned out to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// Data of this build's schema (or migrated to it).
    Current {
        /// The data.
        progress: Progress,
        /// The version it was stored as, if older than [`SCHEMA_VERSION`].
        migrated_from: Option<u64>,
    },
    /// Written by a newer build: readable as far as this build understands it, but not to be
    /// overwritten. `progress` is a best-effort read for display.
    Newer {
        /// The stored version.
        version: u64,
        /// What this build could read of it.
        progress: Progress,
    },
    /// Not a readable envelope; `reason` says why.
    Corrupt {
        /// A short description for the user.
        reason: String,
    },
}

/// Reads a stored string. Never panics, whatever the input.
pub fn decode(raw: &str) -> Decoded {
    let value: Value = match serde_json::from_str(raw) {
        Ok(v) => v,
        Err(e) => {
            return Decoded::Corrupt {
                reason: format!("not valid JSON ({e})"),
            }
        }
    };
    let Some(obj) = value.as_object() else {
        return Decoded::Corrupt {
            reason: "not a JSON object".into(),
        };
    };
    let Some(version) = obj.get("version").and_then(Value::as_u64) else {
        return Decoded::Corrupt {
            reason: "no schema version".into(),
        };
    };
    let data = obj.get("data").cloned().unwrap_or(Value::Null);
    if version == 0 {
        return Decoded::Corrupt {
            reason: "schema version 0 does not exist".into(),
        };
    }
    if version > SCHEMA_VERSION {
        // Best effort: unknown fields are ignored, so a newer file usually still shows.
        let progress = serde_json::from_value(data).unwrap_or_default();
        return Decoded::Newer { version, progress };
    }
    match serde_json::from_value::<Progress>(data) {
        Ok(progress) => Decoded::Current {
            progress,
            migrated_from: (version < SCHEMA_VERSION).then_some(version),
        },
        Err(e) => Decoded::Corrupt {
            reason: format!("unexpected data ({e})"),
        },
    }
}

/// Writes progress as this build's envelope.
pub fn encode(progress: &Progress) -> String {
    serde_json::to_string(&Envelope::current(progress))
        .expect("Progress holds only strings and integers, which always serialize")
}

/// The key under which an unreadable value of `key` found at `now_ms` is kept.
pub fn backup_key(key: &str, now_ms: u64) -> String {
    let short = key.strip_prefix(NAMESPACE).unwrap_or(key);
    format!("{BACKUP_PREFIX}{short}:{now_ms}")
}

/// How the app may use storage this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reads and writes localStorage.
    ReadWrite,
    /// Data came from a newer build: kept in memory, never written back.
    ReadOnly,
    /// localStorage is unavailable or full: the app works in memory only.
    MemoryOnly,
}

/// A message for the user about their stored data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What happened and what it means for them.
    pub text: String,
}

#[cfg(target_arch = "wasm32")]
pub mod local {
    //! The browser edge: localStorage through gloo-storage, guarded for unavailability.

    use super::*;
    use gloo_storage::errors::StorageError;
    use gloo_storage::{LocalStorage, Storage};

    /// Whether localStorage can be used at all. `LocalStorage::raw()` panics where it is missing,
    /// and Chromium throws on access when storage is blocked, so ask web-sys first.
    pub fn available() -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some()
    }

    fn get_raw(key: &str) -> Result<Option<String>, String> {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| "storage unavailable".to_string())?;
        storage
            .get_item(key)
            .map_err(|_| "storage unavailable".to_string())
    }

    /// Loads progress, following the rules of [`decode`]. Returns the data, the mode to run in and
    /// any notices to show.
    pub fn load_progress(now_ms: u64) -> (Progress, Mode, Vec<Notice>) {
        if !available() {
            return (
                Progress::default(),
                Mode::MemoryOnly,
                vec![Notice { text: "Your browser is not letting Backprep use local storage, so progress will not be saved after you close this tab.".into() }],
            );
        }
        let raw = match get_raw(PROGRESS_KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) => return (Progress::default(), Mode::ReadWrite, vec![]),
            Err(_) => {
                return (
                    Progress::default(),
                    Mode::MemoryOnly,
                    vec![Notice { text: "Local storage could not be read, so progress will not be saved after you close this tab.".into() }],
                )
            }
        };
        match decode(&raw) {
            Decoded::Current { progress, migrated_from: None } => (progress, Mode::ReadWrite, vec![]),
            Decoded::Current { progress, migrated_from: Some(v) } => {
                // Keep the old copy before the first write in the new format.
                let _ = LocalStorage::set(backup_key(PROGRESS_KEY, now_ms), raw.clone());
                (progress, Mode::ReadWrite, vec![Notice { text: format!("Your saved progress was upgraded from format {v} to {SCHEMA_VERSION}; a copy of the old data was kept.") }])
            }
            Decoded::Newer { version, progress } => (
                progress,
                Mode::ReadOnly,
                vec![Notice { text: format!("Your progress was saved by a newer version of Backprep (format {version}). It is shown read-only and left untouched; reload to get the newer version.") }],
            ),
            Decoded::Corrupt { reason } => {
                let key = backup_key(PROGRESS_KEY, now_ms);
                let kept = web_sys::window()
                    .and_then(|w| w.local_storage().ok().flatten())
                    .map(|s| s.set_item(&key, &raw).is_ok())
                    .unwrap_or(false);
                if kept {
                    LocalStorage::delete(PROGRESS_KEY);
                    (Progress::default(), Mode::ReadWrite, vec![Notice { text: format!("Saved progress could not be read ({reason}). It was kept under “{key}” and Backprep started afresh.") }])
                } else {
                    // Could not back it up: do not overwrite it either.
                    (Progress::default(), Mode::MemoryOnly, vec![Notice { text: format!("Saved progress could not be read ({reason}) and could not be backed up, so it is left as it is and new progress will not be saved.") }])
                }
            }
        }
    }

    /// Why a save did not happen.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum SaveError {
        /// The browser's quota is full.
        QuotaExceeded,
        /// Storage refused for another reason.
        Unavailable(String),
    }

    /// Writes progress, first merging what another tab may have written meanwhile so that nothing
    /// either tab recorded is lost. Returns what was written.
    pub fn save_progress(progress: &Progress) -> Result<Progress, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable("storage unavailable".into()));
        }
        let mut merged = progress.clone();
        if let Ok(Some(raw)) = get_raw(PROGRESS_KEY) {
            match decode(&raw) {
                Decoded::Current {
                    progress: theirs, ..
                } => merged.merge(&theirs),
                // A newer build wrote meanwhile: leave its data alone.
                Decoded::Newer { .. } => {
                    return Err(SaveError::Unavailable("newer data present".into()))
                }
                Decoded::Corrupt { .. } => {}
            }
        }
        // gloo-storage serializes the envelope with serde_json, exactly as `encode` does.
        match LocalStorage::set(PROGRESS_KEY, Envelope::current(&merged)) {
            Ok(()) => Ok(merged),
            Err(StorageError::JsError(js)) if js.name == "QuotaExceededError" => {
                Err(SaveError::QuotaExceeded)
            }
            Err(other) => Err(SaveError::Unavailable(other.to_string())),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.mark_read("jwt", 1_700_000_000_000);
        p.mark_read("unknown-future-id", 5);
        p
    }

    #[test]
    fn encode_then_decode_is_identity() {
        let p = sample();
        assert_eq!(
            decode(&encode(&p)),
            Decoded::Current {
                progress: p,
                migrated_from: None
            }
        );
    }

    #[test]
    fn garbage_is_corrupt_not_a_panic() {
        for raw in [
            "",
            "{",
            "null",
            "[]",
            "42",
            "{\"data\":{}}",
            "{\"version\":\"1\"}",
            "{\"version\":0,\"data\":{}}",
        ] {
            assert!(matches!(decode(raw), Decoded::Corrupt { .. }), "{raw}");
        }
    }

    #[test]
    fn wrong_types_are_corrupt() {
        assert!(matches!(
            decode(r#"{"version":1,"data":{"read":{"jwt":"yesterday"}}}"#),
            Decoded::Corrupt { .. }
        ));
    }

    #[test]
    fn newer_version_is_recognised_and_read_best_effort() {
        let raw = r#"{"version":99,"data":{"read":{"jwt":3},"future_field":[1,2]}}"#;
        match decode(raw) {
            Decoded::Newer { version, progress } => {
                assert_eq!(version, 99);
                assert!(progress.is_read("jwt"));
            }
            other => panic!("expected Newer, got {other:?}"),
        }
    }

    #[test]
    fn missing_fields_default() {
        assert_eq!(
            decode(r#"{"version":1,"data":{}}"#),
            Decoded::Current {
                progress: Progress::default(),
                migrated_from: None
            }
        );
    }

    #[test]
    fn backup_key_is_namespaced() {
        assert_eq!(backup_key(PROGRESS_KEY, 7), "backprep:backup:progress:7");
    }

    proptest! {
        #[test]
        fn decode_never_panics_on_any_string(raw in ".*") {
            let _ = decode(&raw);
        }

        #[test]
        fn decode_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn round_trip_any_progress(read in proptest::collection::btree_map("[a-z0-9-]{1,20}", any::<u64>(), 0..20)) {
            let p = Progress { read };
            prop_assert_eq!(decode(&encode(&p)), Decoded::Current { progress: p, migrated_from: None });
        }
    }
}
