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

/// Loads `T`, following the rules of [`decode`]: an unreadable value is backed up first, and so is
/// one from which something is set aside ([`Stored::set_aside`]: progress dated in the future, a
/// quiz that does not fit together), which is then written back without it.
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
            mut data,
            migrated_from,
        } => {
            let aside = data.set_aside(now_ms);
            if migrated_from.is_none() && aside.is_none() {
                return Loaded {
                    data,
                    mode: Mode::ReadWrite,
                    notices: vec![],
                };
            }
            // Keep the old copy before the first write in the new format, or before what was set
            // aside is dropped.
            let key = backup_key(T::KEY, now_ms);
            let kept = raw::set(&key, &stored).is_ok();
            let mut notices = vec![];
            if let Some(v) = migrated_from {
                let note = if kept {
                    "; a copy of the old data was kept"
                } else {
                    ""
                };
                notices.push(Notice {
                    text: format!(
                        "Your saved {what} was upgraded from format {v} to {}{note}.",
                        T::VERSION
                    ),
                });
            }
            let Some(aside) = aside else {
                return Loaded {
                    data,
                    mode: Mode::ReadWrite,
                    notices,
                };
            };
            // Written back at once: a save merges in what is stored, which would bring it back.
            if kept && write(&data).is_ok() {
                notices.push(Notice { text: format!("Your saved {what} {aside}; a copy of it as it was is kept under “{key}”.") });
                Loaded {
                    data,
                    mode: Mode::ReadWrite,
                    notices,
                }
            } else {
                // Could not back it up: do not overwrite it either.
                notices.push(Notice { text: format!("Your saved {what} {aside}; it could not be backed up, so it is left as it is and changes will not be saved.") });
                Loaded {
                    data,
                    mode: Mode::MemoryOnly,
                    notices,
                }
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
/// ([`Stored::merge_from`]) so that nothing either tab recorded is lost. Deletions too are saved
/// so: the marks they leave in progress keep the merge from undoing them. Returns what was
/// written.
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
    use crate::progress::{Attempt, Grade, Progress, MAX_AHEAD_MS};
    use crate::storage::{encode, ActiveQuiz, PROGRESS_KEY, QUIZ_KEY};

    #[test]
    fn save_merges_what_another_tab_wrote_and_a_marked_reset_holds() {
        reset();
        let mut ours = Progress::default();
        ours.mark_read("a", 1);
        save(&ours).unwrap();
        let mut theirs = Progress::default();
        theirs.mark_read("b", 2);
        raw::set(PROGRESS_KEY, &encode(&theirs)).unwrap();
        let written = save(&ours).unwrap();
        assert!(written.is_read("a") && written.is_read("b"));
        let mut reset_here = written.clone();
        reset_here.reset_all(3);
        save(&reset_here).unwrap();
        // The other tab saves its old copy: the reset holds.
        assert!(save(&written).unwrap().read.is_empty());
        assert!(load::<Progress>(4).data.read.is_empty());
    }

    #[test]
    fn future_dated_entries_are_set_aside_on_load_with_a_backup_and_a_notice() {
        reset();
        let now = 1_763_856_000_000;
        let mut p = Progress::default();
        p.record("jwt", Attempt::flashcard(now - 5, Grade::Partly));
        p.record("jwt", Attempt::flashcard(32_503_680_000_000, Grade::Knew));
        p.mark_read("cdn", now + 2 * MAX_AHEAD_MS);
        let original = encode(&p);
        raw::set(PROGRESS_KEY, &original).unwrap();
        let loaded = load::<Progress>(now);
        assert_eq!(loaded.mode, Mode::ReadWrite);
        assert_eq!(loaded.data.latest("jwt"), Some(Grade::Partly));
        assert!(!loaded.data.is_read("cdn"));
        let key = format!("backprep:backup:progress:{now}");
        assert_eq!(raw::get(&key).unwrap(), Some(original), "kept untouched");
        assert_eq!(loaded.notices.len(), 1);
        let text = &loaded.notices[0].text;
        assert!(
            text.contains("2 entries dated in the future") && text.contains(&key),
            "{text}"
        );
        // Written back, so that the next (merging) save does not bring them back.
        assert_eq!(save(&loaded.data).unwrap(), loaded.data);
        assert!(load::<Progress>(now).notices.is_empty());
    }

    #[test]
    fn future_dated_entries_that_cannot_be_backed_up_are_left_as_they_are() {
        reset();
        let mut p = Progress::default();
        p.mark_read("cdn", u64::MAX);
        let original = encode(&p);
        raw::set(PROGRESS_KEY, &original).unwrap();
        set_fault(Some(Fault::QuotaBytes(10)));
        let loaded = load::<Progress>(5);
        assert_eq!(loaded.mode, Mode::MemoryOnly);
        assert!(!loaded.data.is_read("cdn"));
        assert!(loaded.notices[0].text.contains("could not be backed up"));
        reset();
    }

    #[test]
    fn a_stored_quiz_that_does_not_fit_together_is_repaired_on_load() {
        reset();
        let raw_quiz = r#"{"version":1,"data":{"session":{"started":1,"mode":"flashcards","cards":[{"id":"jwt"},{"id":"cdn"}],"pos":7,"face":"front","draft":"","ticked":[],"answers":[null],"log":[],"finished":null}}}"#;
        raw::set(QUIZ_KEY, raw_quiz).unwrap();
        let loaded = load::<ActiveQuiz>(9);
        let session = loaded.data.session.expect("kept, repaired");
        assert_eq!((session.answers.len(), session.pos), (2, 2));
        assert!(
            loaded.notices[0].text.contains("repaired"),
            "{:?}",
            loaded.notices
        );
        assert_eq!(
            raw::get("backprep:backup:quiz:9").unwrap().as_deref(),
            Some(raw_quiz)
        );
        assert!(load::<ActiveQuiz>(10).notices.is_empty(), "written back");
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
