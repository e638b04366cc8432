//! Loading and saving [`Stored`] values over `platform::storage`, following the rules of
//! [`decode`]: an unreadable value is backed up before the app starts afresh, a newer build's data
//! is never overwritten, and a save merges what another tab wrote meanwhile. Runs on the host too
//! (over the in-memory store), so its rules are unit-tested without a browser.
//!
//! Keys are scoped by the path the app is served under ([`scoped`]): two copies of Backprep under
//! different sub-paths of one host keep apart. At the root the keys are the ones every earlier
//! build wrote; a copy under a sub-path takes a copy of the root's data the first time it finds
//! none of its own (earlier builds kept every copy's data at the root).

use super::{backup_key, decode, Decoded, Envelope, Mode, Notice, Stored, NAMESPACE};
use crate::platform::storage::{self as raw, StorageError};
use std::fmt;

/// `key` (written as at the root, `backprep:…`) for the copy of the app served under `base` (a
/// path without trailing slash, `""` at the root): `backprep:/backprep/progress` under `/backprep`.
pub fn scope(key: &str, base: &str) -> String {
    match key.strip_prefix(NAMESPACE) {
        Some(rest) if !base.is_empty() => format!("{NAMESPACE}{base}/{rest}"),
        _ => key.to_string(),
    }
}

/// `key` for this copy of the app (see [`scope`]).
pub fn scoped(key: &str) -> String {
    scope(key, &crate::platform::dom::base_path())
}

/// Where `T` is stored by this copy of the app.
pub fn key_of<T: Stored>() -> String {
    scoped(T::KEY)
}

/// How many backups of one kind are kept: the newest.
pub const BACKUPS_KEPT: usize = 3;

/// A backup of a stored value that could not be used as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Its key.
    pub key: String,
    /// What it held ("progress", "quiz"…: the key's name).
    pub what: String,
    /// When it was made (ms).
    pub at: u64,
    /// Its size in bytes (UTF-8).
    pub bytes: usize,
}

/// This copy's backups, newest first.
pub fn backups() -> Vec<Backup> {
    let prefix = scoped(super::BACKUP_PREFIX);
    let mut found: Vec<Backup> = raw::keys()
        .into_iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(&prefix)?;
            let (what, at) = rest.rsplit_once(':')?;
            let at = at.parse().ok()?;
            let bytes = raw::get(&key).ok().flatten().map_or(0, |v| v.len());
            Some(Backup {
                what: what.to_string(),
                key,
                at,
                bytes,
            })
        })
        .collect();
    crate::order::sort_by(&mut found, &|a, b| b.at.cmp(&a.at).then(a.key.cmp(&b.key)));
    found
}

/// The text of backup `key`, if it is one of this copy's.
pub fn backup_text(key: &str) -> Option<String> {
    backups()
        .iter()
        .any(|b| b.key == key)
        .then(|| raw::get(key).ok().flatten())
        .flatten()
}

/// Deletes backup `key`, if it is one of this copy's.
pub fn delete_backup(key: &str) {
    if backups().iter().any(|b| b.key == key) {
        raw::remove(key);
    }
}

/// Keeps `text` as a backup of `T` made at `now_ms`, dropping the oldest of its kind beyond
/// [`BACKUPS_KEPT`] first so that backups never pile up. Returns the key, or `None` when it could
/// not be written.
fn back_up<T: Stored>(text: &str, now_ms: u64) -> Option<String> {
    // A backup made at the same millisecond as another is not written over it: the next free one.
    let at = (now_ms..now_ms.saturating_add(1_000))
        .find(|&t| !matches!(raw::get(&scoped(&backup_key(T::KEY, t))), Ok(Some(_))))
        .unwrap_or(now_ms);
    let key = scoped(&backup_key(T::KEY, at));
    let kind: Vec<Backup> = backups()
        .into_iter()
        .filter(|b| scoped(&backup_key(T::KEY, b.at)) == b.key)
        .collect();
    for old in kind.iter().skip(BACKUPS_KEPT.saturating_sub(1)) {
        raw::remove(&old.key);
    }
    raw::set(&key, text).ok().map(|()| key)
}

/// The stored text of `T` for this copy: its own key, or on the first load under a sub-path a
/// copy of what earlier builds kept at the root.
fn stored_text<T: Stored>() -> Result<Option<String>, StorageError> {
    let key = key_of::<T>();
    let own = raw::get(&key)?;
    if own.is_some() || key == T::KEY {
        return Ok(own);
    }
    match raw::get(T::KEY)? {
        Some(root) => {
            // A copy, not a move: another copy of the app on this host may read it too.
            let _ = raw::set(&key, &root);
            Ok(Some(root))
        }
        None => Ok(None),
    }
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
    let stored = match stored_text::<T>() {
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
            let key = back_up::<T>(&stored, now_ms).unwrap_or_default();
            let kept = !key.is_empty();
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
            if let Some(key) = back_up::<T>(&stored, now_ms) {
                raw::remove(&key_of::<T>());
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
            SaveError::QuotaExceeded => format!("Browser storage is full, so your latest {what} is kept only in this tab for now. Deleting old backups on the Progress page (or other sites' data) frees space; saving then resumes by itself."),
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
    if let Ok(Some(stored)) = raw::get(&key_of::<T>()) {
        match decode::<T>(&stored) {
            Decoded::Current { data: theirs, .. } => merged.merge_from(&theirs),
            Decoded::Newer { .. } => return Err(SaveError::NewerData),
            // What is stored cannot be read (damaged since this tab loaded it, or written by
            // something else): kept as a backup before it is overwritten, as on load; if it cannot
            // be kept, it is not overwritten either.
            Decoded::Corrupt { .. } => {
                if back_up::<T>(&stored, crate::platform::clock::now_ms()).is_none() {
                    return Err(SaveError::Unavailable(
                        "the saved copy could not be read and could not be backed up, so it is left as it is".into(),
                    ));
                }
            }
        }
    }
    write(&merged).map(|()| merged)
}

/// Stores `data` in this build's envelope, in one write (serialized once, exactly as [`encode`]
/// would).
fn write<T: Stored>(data: &T) -> Result<(), SaveError> {
    raw::set_json(&key_of::<T>(), &Envelope::current(data)).map_err(SaveError::from)
}

/// Reads what another tab just stored for `T`, if it is readable current data.
pub fn read_current<T: Stored>() -> Option<T> {
    match decode::<T>(&raw::get(&key_of::<T>()).ok()??) {
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

    /// Another tab, or something else, left an unreadable value after this tab loaded: the next
    /// save keeps it as a backup (listed with the others) before writing over it. It was
    /// overwritten without a copy.
    #[test]
    fn a_save_over_an_unreadable_value_backs_it_up_first() {
        reset();
        let mut p = Progress::default();
        p.mark_read("jwt", 1);
        save(&p).unwrap();
        raw::set(PROGRESS_KEY, "{\"version\":5,\"data\":{\"read\":7}}").unwrap();
        let written = save(&p).unwrap();
        assert!(written.is_read("jwt"));
        let kept = backups();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(kept[0].what, "progress");
        assert_eq!(
            backup_text(&kept[0].key).as_deref(),
            Some("{\"version\":5,\"data\":{\"read\":7}}")
        );
        // A second damaged value in the same millisecond does not write over the first backup.
        raw::set(PROGRESS_KEY, "{damaged").unwrap();
        save(&p).unwrap();
        let texts: Vec<String> = backups()
            .iter()
            .filter_map(|b| backup_text(&b.key))
            .collect();
        assert!(texts.contains(&"{damaged".to_string()), "{texts:?}");
        // When it cannot be backed up (storage refuses writes of that size), it is not
        // overwritten either.
        raw::set(PROGRESS_KEY, "{damaged again").unwrap();
        set_fault(Some(Fault::QuotaBytes(1)));
        assert!(save(&p).is_err());
        set_fault(None);
        assert_eq!(
            raw::get(PROGRESS_KEY).unwrap().as_deref(),
            Some("{damaged again")
        );
        reset();
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

    #[test]
    fn keys_are_scoped_by_the_path_the_app_is_served_under() {
        assert_eq!(scope(PROGRESS_KEY, ""), "backprep:progress");
        assert_eq!(
            scope(PROGRESS_KEY, "/backprep"),
            "backprep:/backprep/progress"
        );
        assert_eq!(
            scope("backprep:backup:progress:7", "/a/b"),
            "backprep:/a/b/backup:progress:7"
        );
    }

    #[test]
    fn a_copy_under_a_sub_path_keeps_its_own_data_and_starts_from_the_roots() {
        reset();
        let mut root = Progress::default();
        root.mark_read("jwt", 1);
        raw::set(PROGRESS_KEY, &encode(&root)).unwrap();
        crate::platform::dom::set_base_path("/backprep/");
        // First load: a copy of what earlier builds kept at the root.
        assert!(load::<Progress>(2).data.is_read("jwt"));
        let mut mine = root.clone();
        mine.mark_read("cdn", 3);
        save(&mine).unwrap();
        let root_after: Progress = match decode(&raw::get(PROGRESS_KEY).unwrap().unwrap()) {
            Decoded::Current { data, .. } => data,
            other => panic!("{other:?}"),
        };
        assert_eq!(root_after, root, "the root's data is untouched");
        assert!(load::<Progress>(4).data.is_read("cdn"));
        crate::platform::dom::set_base_path("/");
        assert!(
            !load::<Progress>(5).data.is_read("cdn"),
            "the root copy does not see it"
        );
        reset();
    }

    #[test]
    fn backups_are_listed_newest_first_and_pruned_to_the_newest_few() {
        reset();
        for t in 1..=5 {
            raw::set(PROGRESS_KEY, "{not json").unwrap();
            load::<Progress>(t);
        }
        let kept = backups();
        assert_eq!(kept.len(), BACKUPS_KEPT);
        assert_eq!(kept.iter().map(|b| b.at).collect::<Vec<_>>(), [5, 4, 3]);
        assert_eq!(kept[0].what, "progress");
        assert_eq!(backup_text(&kept[0].key).as_deref(), Some("{not json"));
        delete_backup(&kept[0].key);
        assert_eq!(backups().len(), BACKUPS_KEPT - 1);
        // Only this copy's backups can be read or deleted through here.
        raw::set("other:thing", "x").unwrap();
        assert_eq!(backup_text("other:thing"), None);
        reset();
    }
}
