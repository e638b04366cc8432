//! The save format and the only code that touches localStorage.
//!
//! Every stored value is a JSON envelope `{"version": N, "data": …}` under a key in the `backprep:`
//! namespace, described by a type implementing [`Stored`]. [`decode`] and [`encode`] are pure and
//! never panic; the browser edge ([`local`]) acts on what `decode` says: it backs up anything it
//! cannot read before starting afresh, and never overwrites data written by a newer build.

use crate::prefs::Prefs;
use crate::progress::Progress;
use crate::quiz::Session;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Every key Backprep writes starts with this.
pub const NAMESPACE: &str = "backprep:";
/// Where progress lives.
pub const PROGRESS_KEY: &str = "backprep:progress";
/// Where the quiz in progress lives.
pub const QUIZ_KEY: &str = "backprep:quiz";
/// Where preferences live.
pub const PREFS_KEY: &str = "backprep:prefs";
/// Prefix of the keys that keep unreadable values (`backprep:backup:<key>:<ms>`).
pub const BACKUP_PREFIX: &str = "backprep:backup:";
/// The progress schema this build writes. Version 1 held only `read`; version 2 added attempts and
/// quiz history; version 3 added bookmarks and notes (an older build must not rewrite a version 3
/// file, or it would drop them).
pub const SCHEMA_VERSION: u64 = 3;

/// A value kept in localStorage under its own key and schema version.
pub trait Stored: Serialize + DeserializeOwned + Default + Clone + PartialEq {
    /// The localStorage key.
    const KEY: &'static str;
    /// The schema version this build writes.
    const VERSION: u64;
    /// What it is, in the user's words ("progress").
    const WHAT: &'static str;

    /// Upgrades `data` stored as version `from` (older than [`Stored::VERSION`]) to the current
    /// shape. The default knows no older versions.
    fn migrate(from: u64, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from version {from}"))
    }

    /// Folds in what another tab saved meanwhile, so that neither tab's work is lost. The default
    /// keeps this tab's value.
    fn merge_from(&mut self, _theirs: &Self) {}
}

impl Stored for Progress {
    const KEY: &'static str = PROGRESS_KEY;
    const VERSION: u64 = SCHEMA_VERSION;
    const WHAT: &'static str = "progress";

    fn migrate(from: u64, data: Value) -> Result<Value, String> {
        match from {
            // v1 → v3: same `read` map; attempts, quizzes, bookmarks and notes start empty.
            1 => match data {
                Value::Object(mut map) => {
                    map.entry("attempts")
                        .or_insert_with(|| Value::Object(Default::default()));
                    map.entry("quizzes").or_insert_with(|| Value::Array(vec![]));
                    Ok(Value::Object(map))
                }
                Value::Null => Ok(Value::Object(Default::default())),
                _ => Err("version 1 data is not an object".into()),
            },
            // v2 → v3: bookmarks and notes start empty (absent fields default).
            2 => match data {
                Value::Object(_) | Value::Null => Ok(data),
                _ => Err("version 2 data is not an object".into()),
            },
            v => Err(format!("no migration from version {v}")),
        }
    }

    fn merge_from(&mut self, theirs: &Self) {
        self.merge(theirs);
    }
}

/// The quiz in progress (or the last one finished, for its summary).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ActiveQuiz {
    /// The session, if any.
    pub session: Option<Session>,
}

impl Stored for ActiveQuiz {
    const KEY: &'static str = QUIZ_KEY;
    const VERSION: u64 = 1;
    const WHAT: &'static str = "quiz in progress";
}

impl Stored for Prefs {
    const KEY: &'static str = PREFS_KEY;
    const VERSION: u64 = 1;
    const WHAT: &'static str = "preferences";
}

/// The stored shape: `{"version": N, "data": …}`.
#[derive(Serialize)]
pub struct Envelope<'a, T> {
    /// Schema version of `data`.
    pub version: u64,
    /// The payload.
    pub data: &'a T,
}

impl<'a, T: Stored> Envelope<'a, T> {
    /// This build's envelope around `data`.
    pub fn current(data: &'a T) -> Self {
        Envelope {
            version: T::VERSION,
            data,
        }
    }
}

/// What a stored string turned out to hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<T> {
    /// Data of this build's schema (or migrated to it).
    Current {
        /// The data.
        data: T,
        /// The version it was stored as, if older than the current one.
        migrated_from: Option<u64>,
    },
    /// Written by a newer build: not to be overwritten. `data` is a best-effort read for display.
    Newer {
        /// The stored version.
        version: u64,
        /// What this build could read of it.
        data: T,
    },
    /// Not a readable envelope; `reason` says why.
    Corrupt {
        /// A short description for the user.
        reason: String,
    },
}

/// Reads a stored string. Never panics, whatever the input.
pub fn decode<T: Stored>(raw: &str) -> Decoded<T> {
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
    let mut data = obj.get("data").cloned().unwrap_or(Value::Null);
    if version == 0 {
        return Decoded::Corrupt {
            reason: "schema version 0 does not exist".into(),
        };
    }
    if version > T::VERSION {
        // Best effort: unknown fields are ignored, so a newer file usually still shows.
        let data = serde_json::from_value(data).unwrap_or_default();
        return Decoded::Newer { version, data };
    }
    if version < T::VERSION {
        data = match T::migrate(version, data) {
            Ok(d) => d,
            Err(e) => {
                return Decoded::Corrupt {
                    reason: format!("cannot upgrade from version {version} ({e})"),
                }
            }
        };
    }
    match serde_json::from_value::<T>(data) {
        Ok(data) => Decoded::Current {
            data,
            migrated_from: (version < T::VERSION).then_some(version),
        },
        Err(e) => Decoded::Corrupt {
            reason: format!("unexpected data ({e})"),
        },
    }
}

/// Writes a value as this build's envelope.
pub fn encode<T: Stored>(data: &T) -> String {
    serde_json::to_string(&Envelope::current(data))
        .expect("stored types hold only strings, numbers, maps and lists, which always serialize")
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

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window().and_then(|w| w.local_storage().ok().flatten())
    }

    /// Whether localStorage can be used at all. `LocalStorage::raw()` panics where it is missing,
    /// and Chromium throws on access when storage is blocked, so ask web-sys first.
    pub fn available() -> bool {
        storage().is_some()
    }

    fn get_raw(key: &str) -> Result<Option<String>, String> {
        let storage = storage().ok_or_else(|| "storage unavailable".to_string())?;
        storage
            .get_item(key)
            .map_err(|_| "storage unavailable".to_string())
    }

    /// What [`load`] found.
    pub struct Loaded<T> {
        /// The value to start from.
        pub data: T,
        /// Whether it may be written back.
        pub mode: Mode,
        /// What to tell the user.
        pub notices: Vec<Notice>,
    }

    /// Loads `T`, following the rules of [`decode`]: an unreadable value is backed up first.
    pub fn load<T: Stored>(now_ms: u64) -> Loaded<T> {
        let what = T::WHAT;
        let memory_only = |text: String| Loaded {
            data: T::default(),
            mode: Mode::MemoryOnly,
            notices: vec![Notice { text }],
        };
        if !available() {
            return memory_only(format!("Your browser is not letting Backprep use local storage, so your {what} will not be saved after you close this tab."));
        }
        let raw = match get_raw(T::KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Loaded { data: T::default(), mode: Mode::ReadWrite, notices: vec![] },
            Err(_) => return memory_only(format!("Local storage could not be read, so your {what} will not be saved after you close this tab.")),
        };
        match decode::<T>(&raw) {
            Decoded::Current { data, migrated_from: None } => Loaded { data, mode: Mode::ReadWrite, notices: vec![] },
            Decoded::Current { data, migrated_from: Some(v) } => {
                // Keep the old copy before the first write in the new format.
                let kept = storage().map(|s| s.set_item(&backup_key(T::KEY, now_ms), &raw).is_ok()).unwrap_or(false);
                let note = if kept { "; a copy of the old data was kept" } else { "" };
                Loaded { data, mode: Mode::ReadWrite, notices: vec![Notice { text: format!("Your saved {what} was upgraded from format {v} to {}{note}.", T::VERSION) }] }
            }
            Decoded::Newer { version, data } => Loaded {
                data,
                mode: Mode::ReadOnly,
                notices: vec![Notice { text: format!("Your {what} was saved by a newer version of Backprep (format {version}). It is shown read-only and left untouched; reload to get the newer version.") }],
            },
            Decoded::Corrupt { reason } => {
                let key = backup_key(T::KEY, now_ms);
                let kept = storage().map(|s| s.set_item(&key, &raw).is_ok()).unwrap_or(false);
                if kept {
                    LocalStorage::delete(T::KEY);
                    Loaded { data: T::default(), mode: Mode::ReadWrite, notices: vec![Notice { text: format!("Your saved {what} could not be read ({reason}). It was kept under “{key}” and Backprep started afresh.") }] }
                } else {
                    // Could not back it up: do not overwrite it either.
                    memory_only(format!("Your saved {what} could not be read ({reason}) and could not be backed up, so it is left as it is and changes will not be saved."))
                }
            }
        }
    }

    /// Why a save did not happen.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum SaveError {
        /// The browser's quota is full.
        QuotaExceeded,
        /// A newer build's data is stored; it is not overwritten.
        NewerData,
        /// Storage refused for another reason.
        Unavailable(String),
    }

    impl std::fmt::Display for SaveError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            match self {
                SaveError::QuotaExceeded => f.write_str("browser storage is full"),
                SaveError::NewerData => {
                    f.write_str("a newer version of Backprep saved data in another tab")
                }
                SaveError::Unavailable(why) => f.write_str(why),
            }
        }
    }

    /// Writes `data`, first merging what another tab may have written meanwhile
    /// ([`Stored::merge_from`]) so that nothing either tab recorded is lost. Returns what was written.
    pub fn save<T: Stored>(data: &T) -> Result<T, SaveError> {
        if !available() {
            return Err(SaveError::Unavailable("storage unavailable".into()));
        }
        let mut merged = data.clone();
        if let Ok(Some(raw)) = get_raw(T::KEY) {
            match decode::<T>(&raw) {
                Decoded::Current { data: theirs, .. } => merged.merge_from(&theirs),
                Decoded::Newer { .. } => return Err(SaveError::NewerData),
                Decoded::Corrupt { .. } => {}
            }
        }
        write(&merged).map(|()| merged)
    }

    /// Writes `data` as it is, without merging in what is stored: for deliberate deletions (reset),
    /// which a merge would undo. Refuses to overwrite a newer build's data.
    pub fn replace<T: Stored>(data: &T) -> Result<(), SaveError> {
        if !available() {
            return Err(SaveError::Unavailable("storage unavailable".into()));
        }
        if let Ok(Some(raw)) = get_raw(T::KEY) {
            if let Decoded::Newer { .. } = decode::<T>(&raw) {
                return Err(SaveError::NewerData);
            }
        }
        write(data)
    }

    /// Stores `data` in this build's envelope. gloo-storage serializes it with serde_json, exactly
    /// as [`encode`] does.
    fn write<T: Stored>(data: &T) -> Result<(), SaveError> {
        match LocalStorage::set(T::KEY, Envelope::current(data)) {
            Ok(()) => Ok(()),
            Err(StorageError::JsError(js)) if js.name == "QuotaExceededError" => {
                Err(SaveError::QuotaExceeded)
            }
            Err(other) => Err(SaveError::Unavailable(other.to_string())),
        }
    }

    /// Reads what another tab just stored under `T::KEY`, if it is readable current data.
    pub fn read_current<T: Stored>() -> Option<T> {
        match decode::<T>(&get_raw(T::KEY).ok()??) {
            Decoded::Current { data, .. } => Some(data),
            _ => None,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::progress::{Attempt, Grade, Outcome};
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
            decode::<Progress>(&encode(&p)),
            Decoded::Current {
                data: p,
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
            "{\"version\":2,\"data\":{\"attempts\":{\"jwt\":[{\"at\":1}]}}}",
        ] {
            assert!(
                matches!(decode::<Progress>(raw), Decoded::Corrupt { .. }),
                "{raw}"
            );
        }
    }

    #[test]
    fn wrong_types_are_corrupt() {
        assert!(matches!(
            decode::<Progress>(r#"{"version":1,"data":{"read":{"jwt":"yesterday"}}}"#),
            Decoded::Corrupt { .. }
        ));
    }

    #[test]
    fn newer_version_is_recognised_and_read_best_effort() {
        let raw = r#"{"version":99,"data":{"read":{"jwt":3},"future_field":[1,2]}}"#;
        match decode::<Progress>(raw) {
            Decoded::Newer { version, data } => {
                assert_eq!(version, 99);
                assert!(data.is_read("jwt"));
            }
            other => panic!("expected Newer, got {other:?}"),
        }
    }

    #[test]
    fn missing_fields_default() {
        assert_eq!(
            decode::<Progress>(r#"{"version":3,"data":{}}"#),
            Decoded::Current {
                data: Progress::default(),
                migrated_from: None
            }
        );
    }

    #[test]
    fn prefs_round_trip_and_unknown_theme_is_corrupt_not_a_panic() {
        let p = Prefs {
            theme: crate::prefs::Theme::Dark,
        };
        assert_eq!(
            decode::<Prefs>(&encode(&p)),
            Decoded::Current {
                data: p,
                migrated_from: None
            }
        );
        assert!(matches!(
            decode::<Prefs>(r#"{"version":1,"data":{"theme":"purple"}}"#),
            Decoded::Corrupt { .. }
        ));
    }

    #[test]
    fn an_older_version_without_a_migration_is_kept_as_corrupt() {
        // Progress has no version below 1 except 0, which never existed; prefs has no migrations.
        assert!(matches!(
            decode::<Prefs>(r#"{"version":0,"data":{}}"#),
            Decoded::Corrupt { .. }
        ));
    }

    #[test]
    fn version_1_is_migrated_keeping_reads() {
        let v1 = r#"{"version":1,"data":{"read":{"jwt":5}}}"#;
        match decode::<Progress>(v1) {
            Decoded::Current {
                data,
                migrated_from,
            } => {
                assert_eq!(migrated_from, Some(1));
                assert!(data.is_read("jwt"));
                assert!(data.attempts.is_empty());
            }
            other => panic!("expected a migration, got {other:?}"),
        }
        assert!(matches!(
            decode::<Progress>(r#"{"version":1,"data":[1]}"#),
            Decoded::Corrupt { .. }
        ));
    }

    #[test]
    fn version_2_is_migrated_keeping_attempts_with_no_bookmarks_or_notes() {
        let v2 = r#"{"version":2,"data":{"read":{"jwt":5},"attempts":{"jwt":[{"at":9,"outcome":{"kind":"choice","check":0,"picked":1,"correct":true}}]},"quizzes":[]}}"#;
        match decode::<Progress>(v2) {
            Decoded::Current {
                data,
                migrated_from,
            } => {
                assert_eq!(migrated_from, Some(2));
                assert_eq!(data.attempts["jwt"].len(), 1);
                assert!(data.bookmarks.is_empty() && data.notes.is_empty());
            }
            other => panic!("expected a migration, got {other:?}"),
        }
    }

    #[test]
    fn backup_key_is_namespaced() {
        assert_eq!(backup_key(PROGRESS_KEY, 7), "backprep:backup:progress:7");
    }

    proptest! {
        #[test]
        fn decode_never_panics_on_any_string(raw in ".*") {
            let _ = decode::<Progress>(&raw);
        }

        #[test]
        fn decode_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode::<Progress>(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn round_trip_any_progress(
            read in proptest::collection::btree_map("[a-z0-9-]{1,20}", any::<u64>(), 0..20),
            grades in proptest::collection::vec((any::<u64>(), 0usize..3, proptest::option::of(".{0,20}")), 0..10),
        ) {
            let mut p = Progress { read, ..Default::default() };
            for (at, g, draft) in grades {
                let outcome = if g == 2 {
                    Outcome::Choice { check: 0, picked: 1, correct: at % 2 == 0 }
                } else {
                    Outcome::Flashcard { grade: Grade::ALL[g], ticked: vec![g], draft }
                };
                p.record("q", Attempt { at, outcome });
            }
            prop_assert_eq!(decode::<Progress>(&encode(&p)), Decoded::Current { data: p, migrated_from: None });
        }
    }
}
