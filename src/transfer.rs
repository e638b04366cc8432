//! Export of all the user's progress (answers, quizzes, reads, bookmarks, notes) to a JSON file, and
//! import of such a file back, with a preview and a choice of merging or replacing.
//!
//! Pure: no storage, no clock, no DOM. The file is read in full and validated in full by [`parse`]
//! before anything is offered to the user; [`apply`] then computes the one value to store. The UI
//! writes that value with a single localStorage set, so an invalid, truncated or hostile file can
//! never leave a half-imported state: on `Err` there is simply nothing to write.
//!
//! ```
//! use backprep::progress::Progress;
//! use backprep::transfer::{apply, export, parse, How};
//!
//! let mut mine = Progress::default();
//! mine.mark_read("jwt", 1_700_000_000_000);
//! let file = export(&mine, 1_700_000_100_000);
//! let incoming = parse(&file, |id| id == "jwt").expect("our own export is valid");
//! assert_eq!(incoming.preview.read, 1);
//! assert_eq!(apply(&Progress::default(), &incoming.progress, How::Replace), mine);
//! ```

use crate::progress::{Grade, Progress};
use crate::storage::{Stored, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt;

/// Largest file accepted, checked before reading it (File.size) and again on the text. No export
/// of data the app could store is larger: Chromium's localStorage holds at most 10 MiB of UTF-16
/// (5 Mi code units) per origin, Firefox and Safari less, and a UTF-16 unit never takes more than
/// 3 bytes of UTF-8. So the size alone bounds how much work a file can cause, and only files the
/// app did not make are refused for it.
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
/// Longest flashcard draft answer, in characters (the answer box's `maxlength`).
pub const MAX_DRAFT_CHARS: usize = 20_000;
/// Longest quiz mode id, in characters (the real ones are a few letters).
pub const MAX_MODE_CHARS: usize = 32;
/// Latest time accepted, in ms since the epoch: the start of the year 3000.
pub const MAX_TIME_MS: u64 = 32_503_680_000_000;
/// Largest index or count accepted (key point, check, option; a quiz's right and answered): what
/// fits in 32 bits, so the host and the browser (32-bit `usize`) accept exactly the same files.
pub const MAX_INDEX: u64 = u32::MAX as u64;

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
    /// Not JSON, or cut off (truncated) — keep serde_json's line/column in the message.
    NotJson(String),
    /// JSON, but not a Backprep export (no "app":"backprep").
    NotBackprep,
    /// Written by a newer Backprep (schema version above ours).
    NewerVersion(u64),
    /// Version missing, 0, or not an integer.
    BadVersion,
    /// Wrong shape or types; the string says where (e.g. "attempts.jwt[3].at: expected an integer").
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
            ImportError::NotJson(detail) => write!(
                f,
                "This file is not valid JSON, or it was cut off ({detail}). {UNCHANGED}"
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
    /// e.g. "84 attempts, 12 notes, 9 bookmarks, 3 quizzes" (singular/plural right: "1 note").
    /// Zero counts are shown too, so the user sees that a file has no notes before replacing theirs.
    pub fn summary(&self) -> String {
        [
            counted(self.attempts, "attempt", "attempts"),
            counted(self.notes, "note", "notes"),
            counted(self.bookmarks, "bookmark", "bookmarks"),
            counted(self.quizzes, "quiz", "quizzes"),
        ]
        .join(", ")
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
/// for the preview count). Never panics; on Err nothing has been changed anywhere (it is pure).
///
/// Accepted: an object with `"app": "backprep"`, a `version` from 1 to
/// [`SCHEMA_VERSION`] (older ones are upgraded as stored data is), an optional `"kind":
/// "progress"`, an optional `exported_at` and the progress under `data`. Unknown fields anywhere
/// are ignored, so that a later minor addition does not break import; every known field must have
/// the right type and stay within the limits above (`MAX_*`). Ids the bank does not have are kept.
/// The data is taken as it is (not re-sorted or deduplicated), so a valid file round-trips exactly.
pub fn parse(raw: &str, known: impl Fn(&str) -> bool) -> Result<Incoming, ImportError> {
    if raw.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: raw.len() });
    }
    // Some editors save JSON with a byte order mark, which serde_json rejects.
    let text = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // serde_json's recursion limit turns deeply nested input into an error, not a stack overflow.
    let file: Value = serde_json::from_str(text)
        .map_err(|e| ImportError::NotJson(capped(&e.to_string(), MAX_DETAIL_CHARS)))?;
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
        Some(t) => Some(time(t, "exported_at")?),
    };
    let mut data = top.remove("data").ok_or_else(|| bad("data", "missing"))?;
    if version < SCHEMA_VERSION {
        data = <Progress as Stored>::migrate(version, data)
            .map_err(|e| bad("data", capped(&e, MAX_DETAIL_CHARS)))?;
    }
    check_progress(&data)?;
    // Everything serde reads has been checked above; this is a safety net should `Progress` gain
    // a field the checks do not know yet.
    let progress: Progress = serde_json::from_value(data)
        .map_err(|e| bad("data", capped(&e.to_string(), MAX_DETAIL_CHARS)))?;
    let preview = Preview::of(&progress, known, exported_at, version);
    Ok(Incoming { progress, preview })
}

/// How to apply an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Keep what is here and add the file's (Progress::merge: nothing lost on either side).
    Merge,
    /// Make the stored data exactly the file's.
    Replace,
}

/// The progress after applying `incoming` to `current`. Pure.
///
/// The caller stores the result as a whole, in one write, so the import is all or nothing. A
/// replacement is written with `storage::local::replace`: `save` would merge in what is stored and
/// so undo it.
pub fn apply(current: &Progress, incoming: &Progress, how: How) -> Progress {
    match how {
        How::Merge => {
            let mut merged = current.clone();
            merged.merge(incoming);
            merged
        }
        How::Replace => incoming.clone(),
    }
}

// ---- Validation. Each check names the path of what it rejects, relative to `data` (as the user
// would find it in the file), and repeats at most ECHO_CHARS of the file's own text.

fn bad(path: impl fmt::Display, what: impl fmt::Display) -> ImportError {
    ImportError::BadData(format!("{path}: {what}"))
}

fn check_progress(data: &Value) -> Result<(), ImportError> {
    let data = object(data, "data", "an object")?;
    if let Some(read) = data.get("read") {
        let read = id_map(read, "read")?;
        for (id, t) in read {
            time(t, format!("read.{id}"))?;
        }
    }
    if let Some(attempts) = data.get("attempts") {
        for (id, list) in id_map(attempts, "attempts")? {
            let path = format!("attempts.{id}");
            let list = array(list, &path, "a list of answers")?;
            for (i, a) in list.iter().enumerate() {
                check_attempt(a, &format!("{path}[{i}]"))?;
            }
        }
    }
    if let Some(quizzes) = data.get("quizzes") {
        let quizzes = array(quizzes, "quizzes", "a list of quizzes")?;
        for (i, q) in quizzes.iter().enumerate() {
            check_quiz(q, &format!("quizzes[{i}]"))?;
        }
    }
    if let Some(bookmarks) = data.get("bookmarks") {
        for (id, b) in id_map(bookmarks, "bookmarks")? {
            let path = format!("bookmarks.{id}");
            let b = object(b, &path, "an object with “on” and “at”")?;
            flag(field(b, "on", &path)?, format!("{path}.on"))?;
            time(field(b, "at", &path)?, format!("{path}.at"))?;
        }
    }
    if let Some(notes) = data.get("notes") {
        for (id, n) in id_map(notes, "notes")? {
            let path = format!("notes.{id}");
            let n = object(n, &path, "an object with “text” and “at”")?;
            let text = string(field(n, "text", &path)?, format!("{path}.text"))?;
            if let Some(chars) = over(text, MAX_NOTE_CHARS) {
                return Err(ImportError::TooBig(format!(
                    "a note of {} characters (limit {}) on {}",
                    grouped(chars),
                    grouped(MAX_NOTE_CHARS),
                    quoted(id)
                )));
            }
            time(field(n, "at", &path)?, format!("{path}.at"))?;
        }
    }
    Ok(())
}

fn check_attempt(a: &Value, path: &str) -> Result<(), ImportError> {
    let a = object(a, path, "an answer (an object with “at” and “outcome”)")?;
    time(field(a, "at", path)?, format!("{path}.at"))?;
    let opath = format!("{path}.outcome");
    let o = object(field(a, "outcome", path)?, &opath, "an object")?;
    let kind = string(field(o, "kind", &opath)?, format!("{opath}.kind"))?;
    match kind {
        "flashcard" => {
            let grade = field(o, "grade", &opath)?;
            // serde names the grades, so the message stays right if they are renamed.
            Grade::deserialize(grade)
                .map_err(|e| bad(format!("{opath}.grade"), capped(&e.to_string(), 100)))?;
            let tpath = format!("{opath}.ticked");
            let ticked = array(
                field(o, "ticked", &opath)?,
                &tpath,
                "a list of key point numbers",
            )?;
            for (i, t) in ticked.iter().enumerate() {
                index(t, format!("{tpath}[{i}]"))?;
            }
            match o.get("draft") {
                None | Some(Value::Null) => {}
                Some(d) => {
                    let d = string(d, format!("{opath}.draft"))?;
                    if let Some(chars) = over(d, MAX_DRAFT_CHARS) {
                        return Err(ImportError::TooBig(format!(
                            "a draft answer of {} characters (limit {}) at {path}",
                            grouped(chars),
                            grouped(MAX_DRAFT_CHARS)
                        )));
                    }
                }
            }
        }
        "choice" => {
            index(field(o, "check", &opath)?, format!("{opath}.check"))?;
            index(field(o, "picked", &opath)?, format!("{opath}.picked"))?;
            flag(field(o, "correct", &opath)?, format!("{opath}.correct"))?;
        }
        other => {
            return Err(bad(
                format!("{opath}.kind"),
                format!("expected “flashcard” or “choice”, found {}", quoted(other)),
            ))
        }
    }
    Ok(())
}

fn check_quiz(q: &Value, path: &str) -> Result<(), ImportError> {
    let q = object(q, path, "a quiz (an object)")?;
    time(field(q, "started", path)?, format!("{path}.started"))?;
    time(field(q, "finished", path)?, format!("{path}.finished"))?;
    let mode = string(field(q, "mode", path)?, format!("{path}.mode"))?;
    if let Some(chars) = over(mode, MAX_MODE_CHARS) {
        return Err(ImportError::TooBig(format!(
            "a quiz mode of {} characters (limit {MAX_MODE_CHARS}) at {path}.mode",
            grouped(chars)
        )));
    }
    for list in ["asked", "missed"] {
        let lpath = format!("{path}.{list}");
        let ids = array(field(q, list, path)?, &lpath, "a list of question ids")?;
        for (i, id) in ids.iter().enumerate() {
            let ipath = format!("{lpath}[{i}]");
            let id = string(id, &ipath)?;
            check_id(id, &ipath)?;
        }
    }
    index(field(q, "right", path)?, format!("{path}.right"))?;
    index(field(q, "answered", path)?, format!("{path}.answered"))?;
    Ok(())
}

/// A map keyed by valid question ids.
fn id_map<'v>(v: &'v Value, path: &str) -> Result<&'v Map<String, Value>, ImportError> {
    let map = object(v, path, "an object keyed by question id")?;
    for id in map.keys() {
        check_id(id, path)?;
    }
    Ok(map)
}

/// Question ids: 1–[`MAX_ID_CHARS`] lowercase ASCII letters, digits and '-'. Checked before an id
/// is put in any path or message, so those stay short and plain.
fn check_id(id: &str, path: &str) -> Result<(), ImportError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(bad(
            path,
            format!(
                "{} is not a question id (1–{MAX_ID_CHARS} lowercase letters, digits and '-')",
                quoted(id)
            ),
        ))
    }
}

fn field<'v>(map: &'v Map<String, Value>, key: &str, path: &str) -> Result<&'v Value, ImportError> {
    map.get(key)
        .ok_or_else(|| bad(format!("{path}.{key}"), "missing"))
}

fn object<'v>(v: &'v Value, path: &str, what: &str) -> Result<&'v Map<String, Value>, ImportError> {
    v.as_object()
        .ok_or_else(|| bad(path, format!("expected {what}, found {}", found(v))))
}

fn array<'v>(v: &'v Value, path: &str, what: &str) -> Result<&'v Vec<Value>, ImportError> {
    v.as_array()
        .ok_or_else(|| bad(path, format!("expected {what}, found {}", found(v))))
}

fn string(v: &Value, path: impl fmt::Display) -> Result<&str, ImportError> {
    v.as_str()
        .ok_or_else(|| bad(path, format!("expected text, found {}", found(v))))
}

fn flag(v: &Value, path: impl fmt::Display) -> Result<bool, ImportError> {
    v.as_bool()
        .ok_or_else(|| bad(path, format!("expected true or false, found {}", found(v))))
}

/// A non-negative integer, as serde reads a `u64` (so `1.0` is rejected like `1.5`).
fn integer(v: &Value, path: impl fmt::Display) -> Result<u64, ImportError> {
    match v {
        Value::Number(n) => match n.as_u64() {
            Some(u) => Ok(u),
            None if n.is_i64() => Err(bad(path, format!("expected an integer ≥ 0, found {n}"))),
            None => Err(bad(
                path,
                format!(
                    "expected an integer, found {}",
                    capped(&n.to_string(), ECHO_CHARS)
                ),
            )),
        },
        other => Err(bad(
            path,
            format!("expected an integer, found {}", found(other)),
        )),
    }
}

/// A time in ms since the epoch, before the year 3000.
fn time(v: &Value, path: impl fmt::Display) -> Result<u64, ImportError> {
    let t = integer(v, &path)?;
    if t > MAX_TIME_MS {
        return Err(bad(
            path,
            format!("{t} is not a time before the year 3000 (in ms since 1970)"),
        ));
    }
    Ok(t)
}

/// An index or count that fits in 32 bits (see [`MAX_INDEX`]).
fn index(v: &Value, path: impl fmt::Display) -> Result<u64, ImportError> {
    let i = integer(v, &path)?;
    if i > MAX_INDEX {
        return Err(bad(path, format!("{i} is larger than {MAX_INDEX}")));
    }
    Ok(i)
}

/// The number of characters of `s`, if over `limit`. The byte length bounds the count, so the
/// common case costs nothing.
fn over(s: &str, limit: usize) -> Option<usize> {
    if s.len() <= limit {
        return None;
    }
    let chars = s.chars().count();
    (chars > limit).then_some(chars)
}

// ---- Wording.

/// What a value is, for "expected …, found …".
fn found(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => capped(&n.to_string(), ECHO_CHARS),
        Value::String(s) => format!("the text {}", quoted(s)),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The file's text in quotes, cut to [`ECHO_CHARS`], with control and direction-changing
/// characters replaced so that it cannot garble or disguise the message around it.
fn quoted(s: &str) -> String {
    let mut out = String::from("“");
    for (i, c) in s.chars().enumerate() {
        if i == ECHO_CHARS {
            out.push('…');
            break;
        }
        let hidden = c.is_control()
            || matches!(
                c,
                '\u{061C}'
                    | '\u{200B}'..='\u{200F}'
                    | '\u{2028}'..='\u{202E}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{FEFF}'
            );
        out.push(if hidden { '\u{FFFD}' } else { c });
    }
    out.push('”');
    out
}

/// `s` cut to `max` characters, marked with "…" when cut.
fn capped(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

/// "1 note", "12 notes", "1,234 notes".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// `n` with thousands separators: "80,000".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Bytes as MB with at most one decimal, rounded up so that a file just over the limit never
/// reads as the limit itself.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64).saturating_mul(10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::progress::{Attempt, Bookmark, Note, Outcome, QuizRecord};
    use proptest::prelude::*;

    const NOW: u64 = 1_763_856_000_000;

    fn known(id: &str) -> bool {
        crate::bank::question(id).is_some()
    }

    fn flash(at: u64, grade: Grade, ticked: Vec<usize>, draft: Option<&str>) -> Attempt {
        Attempt {
            at,
            outcome: Outcome::Flashcard {
                grade,
                ticked,
                draft: draft.map(str::to_string),
            },
        }
    }

    fn choice(at: u64, correct: bool) -> Attempt {
        Attempt {
            at,
            outcome: Outcome::Choice {
                check: 1,
                picked: 2,
                correct,
            },
        }
    }

    fn quiz(started: u64, asked: &[&str], missed: &[&str]) -> QuizRecord {
        QuizRecord {
            started,
            finished: started + 60_000,
            mode: "mixed".into(),
            asked: asked.iter().map(|s| s.to_string()).collect(),
            missed: missed.iter().map(|s| s.to_string()).collect(),
            right: asked.len() - missed.len(),
            answered: asked.len(),
        }
    }

    /// Everything a real user's data holds, including tombstones and an id this bank lacks.
    fn sample() -> Progress {
        let mut p = Progress::default();
        p.mark_read("jwt", 1_700_000_000_000);
        p.mark_read("from-the-future", 1_700_000_000_500);
        p.record(
            "jwt",
            flash(
                1_700_000_001_000,
                Grade::Partly,
                vec![0, 2],
                Some("signed, not encrypted"),
            ),
        );
        p.record("jwt", choice(1_700_000_002_000, true));
        p.record("from-the-future", choice(1_700_000_003_000, false));
        p.record(
            "from-the-future",
            flash(1_700_000_004_000, Grade::Knew, vec![], None),
        );
        p.quizzes.push(quiz(
            1_700_000_000_900,
            &["jwt", "from-the-future"],
            &["from-the-future"],
        ));
        p.set_bookmark("jwt", true, 1_700_000_005_000);
        p.set_bookmark("from-the-future", true, 1_700_000_005_100);
        p.set_bookmark("from-the-future", false, 1_700_000_005_200);
        p.set_note("jwt", "**exp** is in seconds", 1_700_000_006_000);
        p.set_note("from-the-future", "gone soon", 1_700_000_006_100);
        p.set_note("from-the-future", "", 1_700_000_006_200);
        p
    }

    /// An export of `data` (JSON text) in the current format.
    fn file(data: &str) -> String {
        format!(
            r#"{{"app":"backprep","kind":"progress","version":3,"exported_at":5,"data":{data}}}"#
        )
    }

    fn err(raw: &str) -> ImportError {
        parse(raw, known).expect_err("the file should be refused")
    }

    fn bad_data(raw: &str) -> String {
        match err(raw) {
            ImportError::BadData(s) => s,
            other => panic!("expected BadData, got {other:?}"),
        }
    }

    #[test]
    fn export_then_parse_gives_back_the_same_progress_keeping_unknown_ids() {
        let p = sample();
        assert!(
            known("jwt") && !known("from-the-future"),
            "the sample needs one known and one unknown id"
        );
        let text = export(&p, NOW);
        assert!(
            text.starts_with(r#"{"app":"backprep","kind":"progress","version":3,"#),
            "app first: {text}"
        );
        let incoming = parse(&text, known).expect("our own export is valid");
        assert_eq!(incoming.progress, p);
        assert_eq!(
            incoming.preview,
            Preview {
                attempts: 4,
                notes: 1,
                bookmarks: 1,
                quizzes: 1,
                read: 2,
                unknown_ids: 1,
                exported_at: Some(NOW),
                version: SCHEMA_VERSION,
            }
        );
        assert_eq!(
            incoming.preview.summary(),
            "4 attempts, 1 note, 1 bookmark, 1 quiz"
        );
    }

    #[test]
    fn an_empty_progress_round_trips() {
        let incoming = parse(&export(&Progress::default(), 0), known).expect("valid");
        assert_eq!(incoming.progress, Progress::default());
        assert_eq!(
            incoming.preview.summary(),
            "0 attempts, 0 notes, 0 bookmarks, 0 quizzes"
        );
    }

    #[test]
    fn summary_counts_with_singular_plural_and_thousands() {
        let p = |attempts, notes, bookmarks, quizzes| Preview {
            attempts,
            notes,
            bookmarks,
            quizzes,
            ..Preview::default()
        };
        assert_eq!(
            p(84, 12, 9, 3).summary(),
            "84 attempts, 12 notes, 9 bookmarks, 3 quizzes"
        );
        assert_eq!(
            p(1, 1, 1, 1).summary(),
            "1 attempt, 1 note, 1 bookmark, 1 quiz"
        );
        assert_eq!(
            p(1_234, 0, 2, 1_000_000).summary(),
            "1,234 attempts, 0 notes, 2 bookmarks, 1,000,000 quizzes"
        );
    }

    #[test]
    fn unknown_ids_are_counted_once_across_maps() {
        let raw = file(
            r#"{"read":{"x-1":1,"jwt":1},"attempts":{"x-1":[]},"bookmarks":{"x-2":{"on":false,"at":1}},"notes":{"x-1":{"text":"","at":1}},"quizzes":[{"started":1,"finished":2,"mode":"choice","asked":["x-3"],"missed":[],"right":1,"answered":1}]}"#,
        );
        let preview = parse(&raw, known).expect("valid").preview;
        // x-3 appears only in a quiz, which is history, not per-question progress.
        assert_eq!(preview.unknown_ids, 2);
        assert_eq!((preview.read, preview.bookmarks, preview.notes), (2, 0, 0));
    }

    #[test]
    fn file_name_from_the_date() {
        assert_eq!(file_name("2026-11-23"), "backprep-progress-2026-11-23.json");
        assert_eq!(file_name("../2026/11"), "backprep-progress-202611.json");
        assert_eq!(file_name(""), "backprep-progress.json");
    }

    #[test]
    fn kind_and_exported_at_may_be_left_out_and_unknown_fields_are_ignored() {
        let raw = r#"{"app":"backprep","version":3,"comment":"hand-made","data":{
            "read":{"jwt":5},
            "streaks":{"best":3},
            "attempts":{"jwt":[{"at":9,"mood":"good","outcome":{"kind":"choice","check":0,"picked":1,"correct":true,"confidence":0.5}}]},
            "quizzes":[{"started":1,"finished":2,"mode":"flashcards","asked":["jwt"],"missed":[],"right":1,"answered":1,"pool":"all"}],
            "bookmarks":{"jwt":{"on":true,"at":3,"colour":"red"}},
            "notes":{"jwt":{"text":"hi","at":4,"pinned":true}}}}"#;
        let incoming = parse(raw, known).expect("unknown fields are ignored");
        assert_eq!(incoming.preview.exported_at, None);
        assert_eq!(
            incoming.preview.summary(),
            "1 attempt, 1 note, 1 bookmark, 1 quiz"
        );
        assert_eq!(incoming.progress.read["jwt"], 5);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let raw = format!("\u{FEFF}{}", export(&sample(), NOW));
        assert_eq!(parse(&raw, known).expect("valid").progress, sample());
    }

    #[test]
    fn version_1_and_2_files_are_upgraded() {
        let v1 = r#"{"app":"backprep","version":1,"data":{"read":{"jwt":5,"old-id":6}}}"#;
        let incoming = parse(v1, known).expect("v1 upgrades");
        assert_eq!(incoming.preview.version, 1);
        assert_eq!(incoming.preview.read, 2);
        assert!(incoming.progress.attempts.is_empty() && incoming.progress.quizzes.is_empty());

        let v2 = r#"{"app":"backprep","version":2,"data":{"read":{"jwt":5},"attempts":{"jwt":[{"at":9,"outcome":{"kind":"flashcard","grade":"knew","ticked":[0,1]}}]},"quizzes":[]}}"#;
        let incoming = parse(v2, known).expect("v2 upgrades");
        assert_eq!(incoming.preview.version, 2);
        assert_eq!(incoming.progress.latest("jwt"), Some(Grade::Knew));
        assert!(incoming.progress.bookmarks.is_empty() && incoming.progress.notes.is_empty());

        // The upgraded data is validated like current data.
        let bad_v1 = r#"{"app":"backprep","version":1,"data":{"read":{"jwt":-5}}}"#;
        assert!(bad_data(bad_v1).starts_with("read.jwt:"));
        assert!(matches!(
            err(r#"{"app":"backprep","version":2,"data":[1]}"#),
            ImportError::BadData(_)
        ));
    }

    #[test]
    fn a_truncated_export_is_not_json_with_line_and_column() {
        let text = export(&sample(), NOW);
        let cut = &text[..text.len() / 2];
        match err(cut) {
            ImportError::NotJson(detail) => assert!(
                detail.contains("line") && detail.contains("column"),
                "{detail}"
            ),
            other => panic!("expected NotJson, got {other:?}"),
        }
    }

    #[test]
    fn a_csv_is_not_json() {
        assert!(matches!(
            err("id,at\njwt,1700000000000\n"),
            ImportError::NotJson(_)
        ));
        assert!(matches!(err("1,2,3"), ImportError::NotJson(_)));
    }

    #[test]
    fn other_json_is_not_backprep() {
        for raw in [
            r#"{"app":"other"}"#,
            r#"{"version":3,"data":{}}"#,
            "[]",
            "42",
            "null",
            r#"{"app":["backprep"]}"#,
        ] {
            assert_eq!(err(raw), ImportError::NotBackprep, "{raw}");
        }
    }

    #[test]
    fn versions_newer_missing_or_malformed_are_refused() {
        assert_eq!(
            err(r#"{"app":"backprep","version":99,"data":{}}"#),
            ImportError::NewerVersion(99)
        );
        for raw in [
            r#"{"app":"backprep","version":"3","data":{}}"#,
            r#"{"app":"backprep","version":3.0,"data":{}}"#,
            r#"{"app":"backprep","version":0,"data":{}}"#,
            r#"{"app":"backprep","version":-3,"data":{}}"#,
            r#"{"app":"backprep","data":{}}"#,
        ] {
            assert_eq!(err(raw), ImportError::BadVersion, "{raw}");
        }
    }

    #[test]
    fn a_huge_note_is_too_big_and_names_the_question() {
        let raw = file(&format!(
            r#"{{"notes":{{"jwt":{{"text":"{}","at":1}}}}}}"#,
            "é".repeat(30_000)
        ));
        assert_eq!(
            err(&raw),
            ImportError::TooBig("a note of 30,000 characters (limit 20,000) on “jwt”".into())
        );
        // Exactly at the limit is fine.
        let raw = file(&format!(
            r#"{{"notes":{{"jwt":{{"text":"{}","at":1}}}}}}"#,
            "é".repeat(MAX_NOTE_CHARS)
        ));
        assert!(parse(&raw, known).is_ok());
    }

    #[test]
    fn other_limits_are_too_big() {
        let draft = file(&format!(
            r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"flashcard","grade":"knew","ticked":[],"draft":"{}"}}}}]}}}}"#,
            "x".repeat(MAX_DRAFT_CHARS + 1)
        ));
        assert!(
            matches!(err(&draft), ImportError::TooBig(s) if s.contains("draft") && s.contains("attempts.jwt[0]"))
        );
        let mode = file(
            r#"{"quizzes":[{"started":1,"finished":2,"mode":"a-mode-name-far-longer-than-any-real-one","asked":[],"missed":[],"right":0,"answered":0}]}"#,
        );
        assert!(matches!(err(&mode), ImportError::TooBig(s) if s.contains("quizzes[0].mode")));
    }

    #[test]
    fn ids_accepted_are_the_ids_a_bank_may_have() {
        assert_eq!(MAX_ID_CHARS, crate::bank::format::MAX_ID_CHARS);
        let longest = "a".repeat(MAX_ID_CHARS);
        assert!(parse(&file(&format!(r#"{{"read":{{"{longest}":1}}}}"#)), known).is_ok());
    }

    /// Counts only grow with use and with merges, so none is capped: an export of two merged
    /// imports, each with many answers to one question, many quizzes and many ids, imports back.
    #[test]
    fn counts_have_no_limit_so_a_merged_export_imports_back() {
        let mut a = Progress::default();
        let mut b = Progress::default();
        for i in 0..3_000u64 {
            a.record("jwt", choice(2 * i, true));
            b.record("jwt", choice(2 * i + 1, false));
            a.quizzes.push(quiz(2 * i, &["jwt"], &[]));
            b.quizzes.push(quiz(2 * i + 1, &["jwt", "cdn"], &["cdn"]));
        }
        for i in 0..12_000 {
            a.read.insert(format!("q{i}"), 1);
        }
        let asked: Vec<String> = (0..1_500).map(|i| format!("q{i}")).collect();
        let asked: Vec<&str> = asked.iter().map(String::as_str).collect();
        b.quizzes.push(quiz(9_000, &asked, &asked));
        let parse_export = |p: &Progress| parse(&export(p, 1), known).expect("its own export");
        let theirs = parse_export(&b);
        let merged = apply(&a, &theirs.progress, How::Merge);
        assert_eq!(merged.attempts["jwt"].len(), 6_000);
        assert_eq!(merged.quizzes.len(), 6_001);
        assert_eq!(parse_export(&merged).progress, merged);
    }

    #[test]
    fn a_script_tag_as_an_id_is_bad_data() {
        let detail = bad_data(&file(
            r#"{"bookmarks":{"<script>alert(1)</script>":{"on":true,"at":1}}}"#,
        ));
        assert_eq!(
            detail,
            "bookmarks: “<script>alert(1)</script>” is not a question id (1–100 lowercase letters, digits and '-')"
        );
        let detail = bad_data(&file(
            r#"{"quizzes":[{"started":1,"finished":2,"mode":"mixed","asked":["jwt","JWT"],"missed":[],"right":0,"answered":0}]}"#,
        ));
        assert!(
            detail.starts_with("quizzes[0].asked[1]: “JWT” is not"),
            "{detail}"
        );
        assert!(bad_data(&file(r#"{"read":{"":1}}"#)).starts_with("read: “” is not"));
        let long_id = "a".repeat(MAX_ID_CHARS + 1);
        assert!(matches!(
            err(&file(&format!(r#"{{"read":{{"{long_id}":1}}}}"#))),
            ImportError::BadData(_)
        ));
    }

    #[test]
    fn negative_and_fractional_times_are_bad_data_with_a_path() {
        let at = |t: &str| {
            file(&format!(
                r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"choice","check":0,"picked":0,"correct":true}}}},{{"at":{t},"outcome":{{"kind":"choice","check":0,"picked":0,"correct":true}}}}]}}}}"#
            ))
        };
        assert_eq!(
            bad_data(&at("-1")),
            "attempts.jwt[1].at: expected an integer ≥ 0, found -1"
        );
        assert_eq!(
            bad_data(&at("1.5")),
            "attempts.jwt[1].at: expected an integer, found 1.5"
        );
        assert_eq!(
            bad_data(&at("\"1\"")),
            "attempts.jwt[1].at: expected an integer, found the text “1”"
        );
        assert!(bad_data(&at("32503680000001")).contains("year 3000"));
        assert!(parse(&at("32503680000000"), known).is_ok());
        assert!(
            matches!(err(&at("1e999")), ImportError::NotJson(_)),
            "out of range for serde_json"
        );
        let exported = r#"{"app":"backprep","version":3,"exported_at":-5,"data":{}}"#;
        assert!(bad_data(exported).starts_with("exported_at:"));
    }

    #[test]
    fn wrong_shapes_are_bad_data_with_a_path() {
        assert_eq!(
            bad_data(&file(r#"{"attempts":{"jwt":{"at":1}}}"#)),
            "attempts.jwt: expected a list of answers, found an object"
        );
        assert_eq!(
            bad_data(&file(r#"{"attempts":[]}"#)),
            "attempts: expected an object keyed by question id, found a list"
        );
        assert_eq!(
            bad_data(&file("[]")),
            "data: expected an object, found a list"
        );
        assert_eq!(
            bad_data(&file(r#"{"read":null}"#)),
            "read: expected an object keyed by question id, found null"
        );
        assert_eq!(
            bad_data(r#"{"app":"backprep","version":3}"#),
            "data: missing"
        );
        assert_eq!(
            bad_data(&file(r#"{"attempts":{"jwt":[{"at":1}]}}"#)),
            "attempts.jwt[0].outcome: missing"
        );
        assert!(bad_data(&file(r#"{"attempts":{"jwt":[{"at":1,"outcome":{"kind":"flashcard","grade":"great","ticked":[]}}]}}"#))
            .starts_with("attempts.jwt[0].outcome.grade: unknown variant `great`"));
        assert!(bad_data(&file(
            r#"{"attempts":{"jwt":[{"at":1,"outcome":{"kind":"guess"}}]}}"#
        ))
        .starts_with("attempts.jwt[0].outcome.kind: expected “flashcard” or “choice”"));
        assert!(bad_data(&file(r#"{"attempts":{"jwt":[{"at":1,"outcome":{"kind":"choice","check":0,"picked":4294967296,"correct":true}}]}}"#))
            .starts_with("attempts.jwt[0].outcome.picked: 4294967296 is larger"));
        assert!(
            bad_data(&file(r#"{"bookmarks":{"jwt":{"on":"yes","at":1}}}"#))
                .starts_with("bookmarks.jwt.on: expected true or false")
        );
        assert!(bad_data(&file(r#"{"notes":{"jwt":{"text":5,"at":1}}}"#))
            .starts_with("notes.jwt.text: expected text"));
        assert!(bad_data(&file(r#"{"quizzes":{}}"#)).starts_with("quizzes: expected a list"));
        assert!(
            bad_data(r#"{"app":"backprep","version":3,"kind":"prefs","data":{}}"#)
                .starts_with("kind: expected “progress”")
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(err(&deep), ImportError::NotJson(s) if s.contains("recursion limit")));
        let inside = file(&format!(r#"{{"extra":{deep}}}"#));
        assert!(matches!(err(&inside), ImportError::NotJson(_)));
    }

    #[test]
    fn empty_and_oversized_files() {
        assert_eq!(err(""), ImportError::Empty);
        assert_eq!(err(" \n\t"), ImportError::Empty);
        let huge = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            err(&huge),
            ImportError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            }
        );
        assert_eq!(
            err(&huge).to_string(),
            "This file is 16.1 MB, larger than any Backprep export can be (16 MB at most). Nothing was changed."
        );
    }

    #[test]
    fn hostile_text_is_echoed_short_and_defused() {
        let key = format!("\u{202E}{}", "x".repeat(100_000));
        let detail = bad_data(&file(&format!(r#"{{"read":{{"{key}":1}}}}"#)));
        assert!(detail.chars().count() < 150, "{detail}");
        assert!(
            detail.contains("“\u{FFFD}xxx") && detail.contains("…”"),
            "{detail}"
        );
        let kind = "k".repeat(100_000);
        let detail = bad_data(&file(&format!(
            r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"{kind}"}}}}]}}}}"#
        )));
        assert!(detail.chars().count() < 150, "{detail}");
        let grade = "g".repeat(100_000);
        let detail = bad_data(&file(&format!(
            r#"{{"attempts":{{"jwt":[{{"at":1,"outcome":{{"kind":"flashcard","grade":"{grade}","ticked":[]}}}}]}}}}"#
        )));
        assert!(detail.chars().count() < 150, "{detail}");
    }

    #[test]
    fn every_message_is_a_sentence_saying_nothing_changed() {
        for e in [
            ImportError::TooLarge {
                bytes: 6 * 1024 * 1024,
            },
            ImportError::Empty,
            ImportError::NotJson("EOF while parsing an object at line 3 column 0".into()),
            ImportError::NotBackprep,
            ImportError::NewerVersion(4),
            ImportError::BadVersion,
            ImportError::BadData("attempts.jwt[3].at: expected an integer".into()),
            ImportError::TooBig(
                "a draft answer of 20,001 characters (limit 20,000) at attempts.jwt[0]".into(),
            ),
        ] {
            let text = e.to_string();
            assert!(
                text.starts_with("This ") && text.ends_with("Nothing was changed."),
                "{text}"
            );
        }
        assert!(ImportError::NewerVersion(4)
            .to_string()
            .contains("format 4"));
    }

    #[test]
    fn replace_gives_exactly_the_file_and_merge_keeps_both() {
        let mut current = Progress::default();
        current.mark_read("cdn", 10);
        current.record("cdn", choice(20, true));
        current.record(
            "jwt",
            flash(
                1_700_000_001_000,
                Grade::Partly,
                vec![0, 2],
                Some("signed, not encrypted"),
            ),
        );
        current.set_note("cdn", "mine", 30);
        current.quizzes.push(quiz(5, &["cdn"], &[]));
        let incoming = parse(&export(&sample(), NOW), known)
            .expect("valid")
            .progress;

        assert_eq!(apply(&current, &incoming, How::Replace), incoming);

        let merged = apply(&current, &incoming, How::Merge);
        let mut expected = current.clone();
        expected.merge(&incoming);
        assert_eq!(merged, expected);
        assert_eq!(merged.read.len(), 3);
        assert_eq!(
            merged.attempts["jwt"].len(),
            2,
            "the shared attempt is not doubled"
        );
        assert_eq!(merged.attempts["cdn"].len(), 1);
        assert_eq!(merged.quizzes.len(), 2);
        assert_eq!(merged.note("cdn"), Some("mine"));
        assert_eq!(merged.note("jwt"), Some("**exp** is in seconds"));
        assert!(
            !merged.has_note("from-the-future"),
            "the file's deletion is kept as a tombstone"
        );
        assert!(merged.is_bookmarked("jwt") && !merged.is_bookmarked("from-the-future"));
    }

    #[test]
    fn merging_an_import_into_itself_changes_nothing() {
        let p = parse(&export(&sample(), NOW), known)
            .expect("valid")
            .progress;
        assert_eq!(apply(&p, &p, How::Merge), p);
    }

    // ---- Property tests.

    fn id() -> impl Strategy<Value = String> {
        prop_oneof![Just("jwt".to_string()), "[a-z0-9-]{1,12}"]
    }

    fn time_ms() -> impl Strategy<Value = u64> {
        prop_oneof![
            0..=MAX_TIME_MS,
            Just(MAX_TIME_MS),
            1_600_000_000_000u64..1_900_000_000_000
        ]
    }

    fn attempt() -> impl Strategy<Value = Attempt> {
        let outcome = prop_oneof![
            (
                0usize..3,
                proptest::collection::vec(0usize..20, 0..5),
                proptest::option::of(".{0,20}")
            )
                .prop_map(|(g, ticked, draft)| Outcome::Flashcard {
                    grade: Grade::ALL[g],
                    ticked,
                    draft
                }),
            (0usize..10, 0usize..10, any::<bool>()).prop_map(|(check, picked, correct)| {
                Outcome::Choice {
                    check,
                    picked,
                    correct,
                }
            }),
        ];
        (time_ms(), outcome).prop_map(|(at, outcome)| Attempt { at, outcome })
    }

    fn quiz_record() -> impl Strategy<Value = QuizRecord> {
        (
            time_ms(),
            time_ms(),
            "[a-z]{0,10}",
            proptest::collection::vec(id(), 0..4),
            proptest::collection::vec(id(), 0..3),
            0usize..10,
            0usize..10,
        )
            .prop_map(
                |(started, finished, mode, asked, missed, right, answered)| QuizRecord {
                    started,
                    finished,
                    mode,
                    asked,
                    missed,
                    right,
                    answered,
                },
            )
    }

    fn progress() -> impl Strategy<Value = Progress> {
        progress_of(4)
    }

    /// Progress with fewer than `n` entries in each map or list.
    fn progress_of(n: usize) -> impl Strategy<Value = Progress> {
        (
            proptest::collection::btree_map(id(), time_ms(), 0..n),
            proptest::collection::btree_map(id(), proptest::collection::vec(attempt(), 0..n), 0..n),
            proptest::collection::vec(quiz_record(), 0..n),
            proptest::collection::btree_map(id(), (any::<bool>(), time_ms()), 0..n),
            proptest::collection::btree_map(id(), (".{0,30}", time_ms()), 0..n),
        )
            .prop_map(|(read, attempts, quizzes, bookmarks, notes)| Progress {
                read,
                attempts,
                quizzes,
                bookmarks: bookmarks
                    .into_iter()
                    .map(|(k, (on, at))| (k, Bookmark { on, at }))
                    .collect(),
                notes: notes
                    .into_iter()
                    .map(|(k, (text, at))| (k, Note { text, at }))
                    .collect(),
            })
    }

    /// JSON built from the export's own vocabulary, so that random input reaches deep into the
    /// checks instead of failing at the first byte.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            prop_oneof![
                Just("knew".to_string()),
                Just("flashcard".to_string()),
                Just("choice".to_string()),
                id(),
                ".{0,8}"
            ]
            .prop_map(Value::String),
        ];
        let key = prop_oneof![
            Just("read"),
            Just("attempts"),
            Just("quizzes"),
            Just("bookmarks"),
            Just("notes"),
            Just("jwt"),
            Just("at"),
            Just("outcome"),
            Just("kind"),
            Just("grade"),
            Just("ticked"),
            Just("draft"),
            Just("check"),
            Just("picked"),
            Just("correct"),
            Just("on"),
            Just("text"),
            Just("started"),
            Just("finished"),
            Just("mode"),
            Just("asked"),
            Just("missed"),
            Just("right"),
            Just("answered"),
            Just("BAD KEY"),
        ];
        leaf.prop_recursive(5, 48, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::btree_map(key.clone().prop_map(str::to_string), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// What an accepted file must satisfy: its progress re-exports and re-parses to itself, with
    /// the same counts (so it never stands for a half-read or invalid state).
    fn assert_stable(incoming: &Incoming) -> Result<(), TestCaseError> {
        let again = parse(&export(&incoming.progress, NOW), known)
            .map_err(|e| TestCaseError::fail(format!("an accepted file did not re-import: {e}")))?;
        prop_assert_eq!(&again.progress, &incoming.progress);
        prop_assert_eq!(
            (
                again.preview.attempts,
                again.preview.notes,
                again.preview.bookmarks,
                again.preview.quizzes,
                again.preview.read,
                again.preview.unknown_ids
            ),
            (
                incoming.preview.attempts,
                incoming.preview.notes,
                incoming.preview.bookmarks,
                incoming.preview.quizzes,
                incoming.preview.read,
                incoming.preview.unknown_ids
            )
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn parse_never_panics_on_any_string(raw in ".*") {
            let _ = parse(&raw, known);
        }

        #[test]
        fn parse_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = parse(&String::from_utf8_lossy(&bytes), known);
        }

        #[test]
        fn any_json_in_an_export_is_refused_or_stable(data in json(), version in 1u64..=3) {
            let raw = format!(r#"{{"app":"backprep","version":{version},"data":{data}}}"#);
            if let Ok(incoming) = parse(&raw, known) {
                assert_stable(&incoming)?;
            }
        }

        #[test]
        fn an_export_is_never_larger_than_3_bytes_per_stored_utf16_unit(p in progress(), now in time_ms()) {
            // What MAX_FILE_BYTES rests on: localStorage holds at most 5 Mi UTF-16 units, and the
            // export is the stored text in a slightly different envelope, so no export of stored
            // data passes 3 × 5 Mi bytes plus the envelope.
            let stored = crate::storage::encode(&p);
            let exported = export(&p, now);
            prop_assert!(exported.len() <= stored.len() + 100, "{} vs {}", exported.len(), stored.len());
            prop_assert!(exported.len() <= 3 * stored.encode_utf16().count() + 100);
        }

        #[test]
        fn exported_progress_round_trips(p in progress(), now in time_ms()) {
            let incoming = parse(&export(&p, now), known).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&incoming.progress, &p);
            prop_assert_eq!(incoming.preview.exported_at, Some(now));
        }

        #[test]
        fn merge_with_any_import_loses_nothing(current in progress(), theirs in progress()) {
            let incoming = parse(&export(&theirs, NOW), known).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let merged = apply(&current, &incoming.progress, How::Merge);
            for side in [&current, &incoming.progress] {
                for (id, t) in &side.read {
                    prop_assert!(merged.read.get(id).is_some_and(|m| m <= t), "read {} lost", id);
                }
                for (id, list) in &side.attempts {
                    for a in list {
                        prop_assert!(merged.attempts.get(id).is_some_and(|m| m.contains(a)), "attempt on {} lost", id);
                    }
                }
                for q in &side.quizzes {
                    prop_assert!(merged.quizzes.iter().any(|m| m.started == q.started), "quiz lost");
                }
                for (id, b) in &side.bookmarks {
                    prop_assert!(merged.bookmarks.get(id).is_some_and(|m| m >= b), "bookmark change on {} lost", id);
                }
                for (id, n) in &side.notes {
                    prop_assert!(merged.notes.get(id).is_some_and(|m| m >= n), "note change on {} lost", id);
                }
            }
            // Everything of `current` is kept as it was, quizzes included.
            for q in &current.quizzes {
                prop_assert!(merged.quizzes.contains(q));
            }
            prop_assert_eq!(apply(&current, &incoming.progress, How::Replace), theirs);
        }
    }

    proptest! {
        // Each case parses every cut and every mutation of a whole export: few cases suffice.
        #![proptest_config(ProptestConfig::with_cases(8))]

        /// The UI's import is `parse` then one store of `apply`'s result: on `Err` the stored
        /// value stays exactly as it was, and on `Ok` it becomes a whole, valid progress. Any cut or
        /// any one changed byte of a valid export leads to one of those two, never something between.
        #[test]
        fn a_damaged_export_is_refused_or_a_whole_valid_import(
            p in progress_of(3),
            current in progress_of(3),
            replacement in any::<u8>(),
        ) {
            let text = export(&p, NOW);
            let stored_before = export(&current, NOW);
            let try_import = |raw: &str| -> Result<(), TestCaseError> {
                let mut stored = stored_before.clone();
                if let Ok(incoming) = parse(raw, known) {
                    assert_stable(&incoming)?;
                    stored = export(&apply(&current, &incoming.progress, How::Merge), NOW);
                    prop_assert!(parse(&stored, known).is_ok(), "a merged import is storable");
                }
                prop_assert!(stored == stored_before || parse(&stored, known).is_ok());
                Ok(())
            };
            for (end, _) in text.char_indices() {
                try_import(&text[..end])?;
            }
            let bytes = text.as_bytes();
            for i in 0..bytes.len() {
                for b in [replacement, b'"'] {
                    let mut mutated = bytes.to_vec();
                    mutated[i] = b;
                    try_import(&String::from_utf8_lossy(&mutated))?;
                }
            }
        }
    }
}
