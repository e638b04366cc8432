//! Export of all the user's progress (answers, quizzes, mock interviews, design rounds, reads,
//! bookmarks, notes) to a JSON file, and
//! import of such a file back, with a preview and a choice of merging or replacing.
//!
//! Pure: no storage, no clock, no DOM. The file is read in full and validated in full by [`parse`]
//! before anything is offered to the user; [`apply`] then computes the one value to store. The UI
//! writes that value with a single localStorage set, so an invalid, truncated or hostile file can
//! never leave a half-imported state: on `Err` there is simply nothing to write.
//!
//! ```
//! use backprep::progress::Progress;
//! use backprep::transfer::{apply, export, parse, ImportMode};
//!
//! let mut mine = Progress::default();
//! mine.mark_read("jwt", 1_700_000_000_000);
//! let file = export(&mine, 1_700_000_100_000);
//! let now = 1_700_000_200_000;
//! let incoming = parse(&file, |id| id == "jwt", now).expect("our own export is valid");
//! assert_eq!(incoming.preview.read, 1);
//! let replaced = apply(&Progress::default(), &incoming.progress, ImportMode::Replace, now);
//! assert_eq!(replaced.read, mine.read);
//! assert_eq!(replaced.replaced_at, Some(now), "marked, so no older copy undoes it");
//! ```

use crate::numbers::{counted, megabytes};
use crate::progress::{latest_accepted, Grade, Progress};
use crate::storage::{Stored, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// Largest file accepted, checked before reading it (File.size) and again on the text. No export
/// of data the app could store is larger: Chromium's localStorage holds at most 10 MiB of UTF-16
/// (5 Mi code units) per origin, Firefox and Safari less, and a UTF-16 unit never takes more than
/// 3 bytes of UTF-8. So the size bounds how much work a file can cause, as long as every function
/// over a history stays O(n log n) in its answers whatever they hold (re-grades, one millisecond,
/// one question): `adversarial` builds those shapes, a host test holds 50,000 answers of
/// each within a budget, and `make bench` times them at this size. Only files the app did not make
/// are refused for their size.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// Marker in every export so that another app's JSON is recognised as such.
pub const APP: &str = "backprep";
/// What an export holds; the only kind there is so far. A file may omit it.
pub const KIND: &str = "progress";

// There is deliberately no limit on how many answers, quizzes or ids a file holds: use and
// merges grow them without bound, and every export must import back. MAX_FILE_BYTES bounds them.

/// Longest question id accepted: the bank's own limit (`bank::format::MAX_ID_CHARS`, equal by a
/// test), so every id the app stores is accepted.
pub const MAX_ID_CHARS: usize = 100;
/// Longest note, in characters (Unicode scalar values, so an HTML `maxlength` of this many UTF-16
/// units always fits).
pub const MAX_NOTE_CHARS: usize = crate::notes::MAX_NOTE_CHARS;
/// Longest flashcard draft answer, in characters (the answer box's `maxlength`): the progress
/// rule, named here with the other limits an import applies.
pub use crate::progress::MAX_DRAFT_CHARS;
/// Longest quiz mode id, in characters (the real ones are a few letters).
pub const MAX_MODE_CHARS: usize = 32;
/// Largest index or count accepted (key point, check, option, follow-up; a quiz's right and
/// answered; an interview's seconds per answer and key points): what fits in 32 bits, so the host
/// and the browser (32-bit `usize`) accept exactly the same files.
pub const MAX_INDEX: u64 = u32::MAX as u64;

/// Most stages a design practice round may hold (the app writes six; a few more leave room for a
/// later build's, while keeping one record small).
pub const MAX_DESIGN_STAGES: usize = 12;
/// Longest stage id of a design practice round (the real ones are `deep_dive` and shorter).
pub const MAX_STAGE_ID_CHARS: usize = 32;

/// Most characters of the file's own text repeated in a message, so a hostile file cannot flood it.
const ECHO_CHARS: usize = 40;
/// Most characters of a serde_json message kept (they can quote the file's text).
const MAX_DETAIL_CHARS: usize = 160;

/// The file's shape. Field order is the order in the file, `app` first so that a person opening it
/// sees what it is.
#[derive(Serialize)]
struct ExportFile<'a> {
    app: &'static str,
    kind: &'static str,
    version: u64,
    exported_at: u64,
    data: &'a Progress,
}

/// The export file's text: compact JSON
/// `{"app":"backprep","kind":"progress","version":<storage::SCHEMA_VERSION>,"exported_at":<ms>,"data":<Progress>}`.
/// Compact, not pretty-printed: `data` is then exactly the stored text, so no export can outgrow
/// [`MAX_FILE_BYTES`] (indentation would multiply the size of deep, short values).
pub fn export(progress: &Progress, now_ms: u64) -> String {
    let file = ExportFile {
        app: APP,
        kind: KIND,
        version: SCHEMA_VERSION,
        exported_at: now_ms,
        data: progress,
    };
    serde_json::to_string(&file).expect(
        "progress holds only strings, numbers, string-keyed maps and lists, which always serialize",
    )
}

/// "backprep-progress-2026-11-23.json" from an ISO date string "2026-11-23" (the caller formats the
/// date). Anything but digits and '-' is dropped, so the name is always a safe file name.
pub fn file_name(iso_date: &str) -> String {
    let date: String = iso_date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    if date.is_empty() {
        "backprep-progress.json".to_string()
    } else {
        format!("backprep-progress-{date}.json")
    }
}

/// What a JSON parse error means for someone importing a file, in plain words (the parser's own
/// text, "expected ident at line 1 column 2", means nothing to most people).
fn plain_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        Category::Eof => format!(
            "it stops at line {line} before its data is complete, so it was probably cut off \
             (an unfinished download or copy)."
        ),
        _ if e.to_string().contains("recursion limit") => {
            "it is nested far more deeply than an export file ever is.".to_string()
        }
        _ => format!(
            "it is not in the format Backprep exports (JSON); the first problem is at line \
             {line}, column {column}. Is it another kind of file, or was it edited by hand?"
        ),
    }
}

/// Why a file was not imported. Display gives a clear sentence for the user, saying nothing was
/// changed where useful.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than MAX_FILE_BYTES.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Empty file.
    Empty,
    /// The browser could not read the file at all (moved, deleted or changed while it was read,
    /// or not readable): nothing is known of its content.
    Unreadable,
    /// Not JSON, or cut off: what is wrong, in plain words, as a sentence (with the line).
    NotJson(String),
    /// JSON, but not a Backprep export (no "app":"backprep").
    NotBackprep,
    /// Written by a newer Backprep (schema version above ours).
    NewerVersion(u64),
    /// Version missing, 0, or not an integer.
    BadVersion,
    /// Wrong shape or types, or a time dated in the future; the string says where (e.g.
    /// "attempts.jwt[3].at: expected an integer").
    BadData(String),
    /// Over a size limit: which one (e.g. "a note of 80,000 characters (limit 20,000) on “jwt”").
    TooBig(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNCHANGED: &str = "Nothing was changed.";
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} MB, larger than any Backprep export can be ({} MB at most). {UNCHANGED}",
                megabytes(*bytes),
                megabytes(MAX_FILE_BYTES)
            ),
            ImportError::Empty => write!(f, "This file is empty. {UNCHANGED}"),
            ImportError::Unreadable => write!(
                f,
                "The browser could not read this file: it may have been moved, deleted or changed while it was being read. Choose it again. {UNCHANGED}"
            ),
            ImportError::NotJson(detail) => write!(
                f,
                "This file could not be read as a Backprep export: {detail} {UNCHANGED}"
            ),
            ImportError::NotBackprep => write!(
                f,
                "This is not a Backprep export file (one made with “Export progress”). {UNCHANGED}"
            ),
            ImportError::NewerVersion(v) => write!(
                f,
                "This file was exported by a newer version of Backprep (format {v}; this version reads up to format {SCHEMA_VERSION}). Reload Backprep to update it, then import the file again. {UNCHANGED}"
            ),
            ImportError::BadVersion => write!(
                f,
                "This file does not say which format version it is in, so it cannot be read safely. {UNCHANGED}"
            ),
            ImportError::BadData(detail) => write!(
                f,
                "This file is damaged or was edited into a shape Backprep cannot read ({detail}). {UNCHANGED}"
            ),
            ImportError::TooBig(detail) => write!(
                f,
                "This file holds more than Backprep accepts: {detail}. {UNCHANGED}"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// What a valid file holds, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preview {
    /// Answers recorded.
    pub attempts: usize,
    /// Non-blank notes.
    pub notes: usize,
    /// Starred questions.
    pub bookmarks: usize,
    /// Finished quizzes.
    pub quizzes: usize,
    /// Finished mock interviews (their graded answers are counted in `attempts`, not again here).
    pub interviews: usize,
    /// Finished design practice rounds.
    pub designs: usize,
    /// Questions opened.
    pub read: usize,
    /// Distinct question ids the file mentions (in read/attempts/bookmarks/notes) that this bank
    /// does not have: kept, not dropped.
    pub unknown_ids: usize,
    /// When it was exported, if the file says.
    pub exported_at: Option<u64>,
    /// The schema version the file was written in (older ones are upgraded).
    pub version: u64,
}

impl Preview {
    /// e.g. "84 attempts, 12 notes, 9 bookmarks, 3 quizzes, 2 mock interviews" (singular/plural
    /// right: "1 note"), then ", 4 design rounds" when the file has any.
    /// Zero counts are shown too, so the user sees that a file has no notes before replacing theirs;
    /// design rounds only when there are some, since most files (all from before schema 6) have
    /// none and the line is long enough.
    pub fn summary(&self) -> String {
        let mut parts = vec![
            counted(self.attempts, "attempt", "attempts"),
            counted(self.notes, "note", "notes"),
            counted(self.bookmarks, "bookmark", "bookmarks"),
            counted(self.quizzes, "quiz", "quizzes"),
            counted(self.interviews, "mock interview", "mock interviews"),
        ];
        if self.designs > 0 {
            parts.push(counted(self.designs, "design round", "design rounds"));
        }
        parts.join(", ")
    }

    fn of(
        progress: &Progress,
        known: impl Fn(&str) -> bool,
        exported_at: Option<u64>,
        version: u64,
    ) -> Preview {
        let mentioned: BTreeSet<&str> = progress
            .read
            .keys()
            .chain(progress.attempts.keys())
            .chain(progress.bookmarks.keys())
            .chain(progress.notes.keys())
            .map(String::as_str)
            .collect();
        Preview {
            attempts: progress.attempt_count(),
            notes: progress.note_count(),
            bookmarks: progress.bookmark_count(),
            quizzes: progress.quizzes.len(),
            interviews: progress.interviews.len(),
            designs: progress.designs.len(),
            read: progress.read.len(),
            unknown_ids: mentioned.into_iter().filter(|id| !known(id)).count(),
            exported_at,
            version,
        }
    }
}

/// A validated file, ready to apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The data, upgraded to the current schema.
    pub progress: Progress,
    /// Its counts.
    pub preview: Preview,
}

/// Parses and fully validates an export. `known` says whether an id is in this build's bank (only
/// for the preview count); `now_ms` is the clock, for refusing times more than a day after it
/// (`progress::MAX_AHEAD_MS`): a future-dated answer would be its question's latest for ever.
/// Never panics; on Err nothing has been changed anywhere (it is pure).
///
/// Accepted: an object with `"app": "backprep"`, a `version` from 1 to
/// [`SCHEMA_VERSION`] (older ones are upgraded as stored data is; they hold no deletion marks), an optional `"kind":
/// "progress"`, an optional `exported_at` and the progress under `data`. Unknown fields anywhere
/// are ignored, so that a later minor addition does not break import; every known field must have
/// the right type and stay within the limits above (`MAX_*`). Ids the bank does not have are kept.
/// The data is taken as it is (not re-sorted or deduplicated), so a valid file round-trips exactly.
pub fn parse(
    raw: &str,
    known: impl Fn(&str) -> bool,
    now_ms: u64,
) -> Result<Incoming, ImportError> {
    let latest = latest_accepted(now_ms);
    if raw.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: raw.len() });
    }
    // Some editors save JSON with a byte order mark, which serde_json rejects.
    let text = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // serde_json's recursion limit turns deeply nested input into an error, not a stack overflow.
    let file: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(plain_json_error(&e)))?;
    let Value::Object(mut top) = file else {
        return Err(ImportError::NotBackprep);
    };
    if top.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::NotBackprep);
    }
    let version = match top.get("version").and_then(Value::as_u64) {
        None | Some(0) => return Err(ImportError::BadVersion),
        Some(v) if v > SCHEMA_VERSION => return Err(ImportError::NewerVersion(v)),
        Some(v) => v,
    };
    match top.get("kind") {
        None | Some(Value::Null) => {}
        Some(Value::String(k)) if k == KIND => {}
        Some(other) => {
            return Err(bad(
                "kind",
                format!("expected “{KIND}”, found {}", found(other)),
            ))
        }
    }
    let exported_at = match top.get("exported_at") {
        None | Some(Value::Null) => None,
        Some(t) => Some(time(t, "exported_at", latest)?),
    };
    let mut data = top.remove("data").ok_or_else(|| bad("data", "missing"))?;
    if version < SCHEMA_VERSION {
        data = <Progress as Stored>::migrate(version, data)
            .map_err(|e| bad("data", capped(&e, MAX_DETAIL_CHARS)))?;
    }
    check_progress(&data, latest)?;
    // Everything serde reads has been checked above; this is a safety net should `Progress` gain
    // a field the checks do not know yet.
    let progress: Progress = serde_json::from_value(data)
        .map_err(|e| bad("data", capped(&e.to_string(), MAX_DETAIL_CHARS)))?;
    let preview = Preview::of(&progress, known, exported_at, version);
    Ok(Incoming { progress, preview })
}

/// How to apply an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep what is here and add the file's (a union: nothing lost on either side; the file's
    /// entries count even where a reset here came later, since the user asked for them).
    Merge,
    /// Make the stored data exactly the file's (with a mark, so no older copy undoes it).
    Replace,
}

/// The progress after applying `incoming` to `current` at `now` (ms). Pure.
///
/// The caller stores the result as a whole, in one write, so the import is all or nothing. That
/// write may merge in what is stored (another tab's copy): a replacement carries the mark
/// `replaced_at`, so the merge does not undo it.
pub fn apply(current: &Progress, incoming: &Progress, how: ImportMode, now: u64) -> Progress {
    match how {
        ImportMode::Merge => {
            // The file's marks record deletions elsewhere, and this copy's marks must not drop
            // what the user asks to add: merged as if the file had this copy's marks, a plain
            // union that keeps this copy's marks.
            let file = Progress {
                replaced_at: current.replaced_at,
                reset_at: current.reset_at,
                cleared: current.cleared.clone(),
                ..incoming.clone()
            };
            let mut merged = current.clone();
            merged.merge(&file);
            merged
        }
        ImportMode::Replace => current.replaced_by(incoming, now),
    }
}

mod validate;

use validate::{bad, capped, check_progress, found, time};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod refusals;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
