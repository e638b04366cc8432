//! Loading and saving [`Stored`] values over `platform::storage`, following the rules of
//! [`decode`]: an unreadable value is backed up before the app starts afresh, a newer build's data
//! is never overwritten, and a save merges what another tab wrote meanwhile. Runs on the host too
//! (over the in-memory store), so its rules are unit-tested without a browser.

use super::{backup_key, decode, Decoded, Envelope, Mode, Notice, Stored};
use crate::platform::storage::{self as raw, StorageError};
use std::fmt;

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
    if !raw::available() {
        return memory_only(format!("Your browser is not letting Backprep use local storage, so your {what} will not be saved after you close this tab."));
    }
    let stored = match raw::get(T::KEY) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return Loaded {
                data: T::default(),
                mode: Mode::ReadWrite,
                notices: vec![],
            }
        }
        Err(_) => return memory_only(format!("Local storage could not be read, so your {what} will not be saved after you close this tab.")),
    };
    match decode::<T>(&stored) {
        Decoded::Current {
            data,
            migrated_from: None,
        } => Loaded {
            data,
            mode: Mode::ReadWrite,
            notices: vec![],
        },
        Decoded::Current {
            data,
            migrated_from: Some(v),
        } => {
            // Keep the old copy before the first write in the new format.
            let kept = raw::set(&backup_key(T::KEY, now_ms), &stored).is_ok();
            let note = if kept {
                "; a copy of the old data was kept"
            } else {
                ""
            };
            Loaded {
                data,
                mode: Mode::ReadWrite,
                notices: vec![Notice {
                    text: format!(
                        "Your saved {what} was upgraded from format {v} to {}{note}.",
                        T::VERSION
                    ),
                }],
            }
        }
        Decoded::Newer { version, data } => Loaded {
            data,
            mode: Mode::ReadOnly,
            notices: vec![Notice { text: format!("Your {what} was saved by a newer version of Backprep (format {version}). It is shown read-only and left untouched; reload to get the newer version.") }],
        },
        Decoded::Corrupt { reason } => {
            let key = backup_key(T::KEY, now_ms);
            if raw::set(&key, &stored).is_ok() {
                raw::remove(T::KEY);
                Loaded {
                    data: T::default(),
                    mode: Mode::ReadWrite,
                    notices: vec![Notice { text: format!("Your saved {what} could not be read ({reason}). It was kept under “{key}” and Backprep started afresh.") }],
                }
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

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::QuotaExceeded => SaveError::QuotaExceeded,
            other => SaveError::Unavailable(other.to_string()),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::QuotaExceeded => f.write_str("browser storage is full"),
            SaveError::NewerData => {
                f.write_str("a newer version of Backprep saved data in another tab")
            }
            SaveError::Unavailable(why) => f.write_str(why),
        }
    }
}

impl SaveError {
    /// What the app tells the user when saving `what` ("progress") stopped for this reason: the
    /// one wording of every save failure.
    pub fn notice(&self, what: &str) -> Notice {
        let text = match self {
            SaveError::QuotaExceeded => format!("Browser storage is full, so your {what} from now on is kept only until you close this tab."),
            SaveError::NewerData => format!("A newer version of Backprep saved your {what} in another tab; this tab stops saving so it does not overwrite it. Reload to switch."),
            SaveError::Unavailable(why) => format!("Your {what} could not be saved ({why}); it is kept only until you close this tab."),
        };
        Notice { text }
    }
}

/// Writes `data`, first merging what another tab may have written meanwhile
/// ([`Stored::merge_from`]) so that nothing either tab recorded is lost. Returns what was written.
pub fn save<T: Stored>(data: &T) -> Result<T, SaveError> {
    if !raw::available() {
        return Err(SaveError::Unavailable("storage unavailable".into()));
    }
    let mut merged = data.clone();
    if let Ok(Some(stored)) = raw::get(T::KEY) {
        match decode::<T>(&stored) {
            Decoded::Current { data: theirs, .. } => merged.merge_from(&theirs),
            Decoded::Newer { .. } => return Err(SaveError::NewerData),
            Decoded::Corrupt { .. } => {}
        }
    }
    write(&merged).map(|()| merged)
}

/// Writes `data` as it is, without merging in what is stored: for deliberate deletions (reset,
/// replace on import), which a merge would undo. Refuses to overwrite a newer build's data.
pub fn replace<T: Stored>(data: &T) -> Result<(), SaveError> {
    if !raw::available() {
        return Err(SaveError::Unavailable("storage unavailable".into()));
    }
    if let Ok(Some(stored)) = raw::get(T::KEY) {
        if let Decoded::Newer { .. } = decode::<T>(&stored) {
            return Err(SaveError::NewerData);
        }
    }
    write(data)
}

/// Stores `data` in this build's envelope, in one write (serialized once, exactly as [`encode`]
/// would).
fn write<T: Stored>(data: &T) -> Result<(), SaveError> {
    raw::set_json(T::KEY, &Envelope::current(data)).map_err(SaveError::from)
}

/// Reads what another tab just stored under `T::KEY`, if it is readable current data.
pub fn read_current<T: Stored>() -> Option<T> {
    match decode::<T>(&raw::get(T::KEY).ok()??) {
        Decoded::Current { data, .. } => Some(data),
        _ => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::platform::storage::{reset, set_fault, Fault};
    use crate::progress::Progress;
    use crate::storage::{encode, PROGRESS_KEY};

    #[test]
    fn save_merges_what_another_tab_wrote_and_replace_does_not() {
        reset();
        let mut ours = Progress::default();
        ours.mark_read("a", 1);
        save(&ours).unwrap();
        let mut theirs = Progress::default();
        theirs.mark_read("b", 2);
        raw::set(PROGRESS_KEY, &encode(&theirs)).unwrap();
        let written = save(&ours).unwrap();
        assert!(written.is_read("a") && written.is_read("b"));
        replace(&Progress::default()).unwrap();
        assert_eq!(load::<Progress>(3).data, Progress::default());
    }

    #[test]
    fn corrupt_data_is_backed_up_and_newer_data_is_never_overwritten() {
        reset();
        raw::set(PROGRESS_KEY, "{not json").unwrap();
        let loaded = load::<Progress>(77);
        assert_eq!(loaded.mode, Mode::ReadWrite);
        assert_eq!(
            raw::get("backprep:backup:progress:77").unwrap().as_deref(),
            Some("{not json")
        );
        let newer = r#"{"version":99,"data":{}}"#;
        raw::set(PROGRESS_KEY, newer).unwrap();
        assert_eq!(load::<Progress>(78).mode, Mode::ReadOnly);
        assert_eq!(save(&Progress::default()), Err(SaveError::NewerData));
        assert_eq!(replace(&Progress::default()), Err(SaveError::NewerData));
        assert_eq!(raw::get(PROGRESS_KEY).unwrap().as_deref(), Some(newer));
    }

    #[test]
    fn a_full_quota_and_blocked_storage_are_told_apart() {
        reset();
        set_fault(Some(Fault::QuotaBytes(10)));
        let mut p = Progress::default();
        p.mark_read("jwt", 1);
        assert_eq!(save(&p), Err(SaveError::QuotaExceeded));
        set_fault(Some(Fault::Unavailable));
        assert_eq!(load::<Progress>(1).mode, Mode::MemoryOnly);
        assert!(matches!(save(&p), Err(SaveError::Unavailable(_))));
        assert!(SaveError::QuotaExceeded
            .notice("progress")
            .text
            .contains("storage is full"));
        reset();
    }
}
