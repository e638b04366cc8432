//! Validation of an import file's progress, field by field. Each check names the path of what it
//! rejects, relative to `data` (as the user would find it in the file), and repeats at most
//! `ECHO_CHARS` of the file's own text.

use super::*;
use crate::numbers::grouped;
use serde_json::Map;

pub(super) fn bad(path: impl fmt::Display, what: impl fmt::Display) -> ImportError {
    ImportError::BadData(format!("{path}: {what}"))
}

/// Checks `data`, refusing any time after `latest` (ms).
pub(super) fn check_progress(data: &Value, latest: u64) -> Result<(), ImportError> {
    let data = object(data, "data", "an object")?;
    if let Some(read) = data.get("read") {
        let read = id_map(read, "read")?;
        for (id, t) in read {
            time(t, format!("read.{id}"), latest)?;
        }
    }
    if let Some(attempts) = data.get("attempts") {
        for (id, list) in id_map(attempts, "attempts")? {
            let path = format!("attempts.{id}");
            let list = array(list, &path, "a list of answers")?;
            for (i, a) in list.iter().enumerate() {
                check_attempt(a, &format!("{path}[{i}]"), latest)?;
            }
        }
    }
    if let Some(quizzes) = data.get("quizzes") {
        let quizzes = array(quizzes, "quizzes", "a list of quizzes")?;
        for (i, q) in quizzes.iter().enumerate() {
            check_quiz(q, &format!("quizzes[{i}]"), latest)?;
        }
    }
    // The mock interview history (schema 5).
    if let Some(interviews) = data.get("interviews") {
        let interviews = array(interviews, "interviews", "a list of mock interviews")?;
        for (i, r) in interviews.iter().enumerate() {
            check_interview(r, &format!("interviews[{i}]"), latest)?;
        }
    }
    // The design practice history (schema 6).
    if let Some(designs) = data.get("designs") {
        let designs = array(designs, "designs", "a list of design practice rounds")?;
        for (i, r) in designs.iter().enumerate() {
            check_design(r, &format!("designs[{i}]"), latest)?;
        }
    }
    if let Some(bookmarks) = data.get("bookmarks") {
        for (id, b) in id_map(bookmarks, "bookmarks")? {
            let path = format!("bookmarks.{id}");
            let b = object(b, &path, "an object with “on” and “at”")?;
            flag(field(b, "on", &path)?, format!("{path}.on"))?;
            time(field(b, "at", &path)?, format!("{path}.at"), latest)?;
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
            time(field(n, "at", &path)?, format!("{path}.at"), latest)?;
        }
    }
    // The marks of deliberate deletions (schema 4).
    for mark in ["replaced_at", "reset_at"] {
        match data.get(mark) {
            None | Some(Value::Null) => {}
            Some(t) => {
                time(t, mark, latest)?;
            }
        }
    }
    if let Some(cleared) = data.get("cleared") {
        for (id, t) in id_map(cleared, "cleared")? {
            time(t, format!("cleared.{id}"), latest)?;
        }
    }
    Ok(())
}

pub(super) fn check_attempt(a: &Value, path: &str, latest: u64) -> Result<(), ImportError> {
    let a = object(a, path, "an answer (an object with “at” and “outcome”)")?;
    time(field(a, "at", path)?, format!("{path}.at"), latest)?;
    match a.get("revises") {
        None | Some(Value::Null) => {}
        Some(t) => {
            time(t, format!("{path}.revises"), latest)?;
        }
    }
    let opath = format!("{path}.outcome");
    let o = object(field(a, "outcome", path)?, &opath, "an object")?;
    let kind = string(field(o, "kind", &opath)?, format!("{opath}.kind"))?;
    match kind {
        "flashcard" => {
            grade(field(o, "grade", &opath)?, format!("{opath}.grade"))?;
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

pub(super) fn check_quiz(q: &Value, path: &str, latest: u64) -> Result<(), ImportError> {
    let q = object(q, path, "a quiz (an object)")?;
    time(
        field(q, "started", path)?,
        format!("{path}.started"),
        latest,
    )?;
    time(
        field(q, "finished", path)?,
        format!("{path}.finished"),
        latest,
    )?;
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

pub(super) fn check_interview(r: &Value, path: &str, latest: u64) -> Result<(), ImportError> {
    let r = object(r, path, "a mock interview (an object)")?;
    time(
        field(r, "started", path)?,
        format!("{path}.started"),
        latest,
    )?;
    time(
        field(r, "finished", path)?,
        format!("{path}.finished"),
        latest,
    )?;
    match r.get("seconds_per_answer") {
        None | Some(Value::Null) => {}
        Some(s) => {
            index(s, format!("{path}.seconds_per_answer"))?;
        }
    }
    // The design exercise it ended with: kept whether or not this build has it, as in a round.
    match r.get("design") {
        None | Some(Value::Null) => {}
        Some(d) => check_id(
            string(d, format!("{path}.design"))?,
            &format!("{path}.design"),
        )?,
    }
    let qpath = format!("{path}.questions");
    let questions = array(
        field(r, "questions", path)?,
        &qpath,
        "a list of the questions asked",
    )?;
    for (i, q) in questions.iter().enumerate() {
        let apath = format!("{qpath}[{i}]");
        let q = object(q, &apath, "a question asked (an object with “id”)")?;
        let id = string(field(q, "id", &apath)?, format!("{apath}.id"))?;
        check_id(id, &format!("{apath}.id"))?;
        integer(field(q, "time_ms", &apath)?, format!("{apath}.time_ms"))?;
        index(field(q, "covered", &apath)?, format!("{apath}.covered"))?;
        index(
            field(q, "key_points", &apath)?,
            format!("{apath}.key_points"),
        )?;
        match q.get("grade") {
            None | Some(Value::Null) => {}
            Some(g) => grade(g, format!("{apath}.grade"))?,
        }
        match q.get("follow_up") {
            None | Some(Value::Null) => {}
            Some(f) => {
                let fpath = format!("{apath}.follow_up");
                let pair = array(f, &fpath, "a pair [follow-up number, grade or null]")?;
                let [n, g] = pair.as_slice() else {
                    return Err(bad(
                        &fpath,
                        format!(
                            "expected a pair [follow-up number, grade or null], found a list of {}",
                            pair.len()
                        ),
                    ));
                };
                index(n, format!("{fpath}[0]"))?;
                if !g.is_null() {
                    grade(g, format!("{fpath}[1]"))?;
                }
            }
        }
    }
    Ok(())
}

/// A finished design practice round. Its design id is checked like a question id (the exercises'
/// ids follow the same rule) and kept whether or not this build has that exercise, as question
/// ids are; a stage id need not be one this build knows either (kept, so a later stage survives),
/// but is short and plain.
pub(super) fn check_design(r: &Value, path: &str, latest: u64) -> Result<(), ImportError> {
    let r = object(r, path, "a design practice round (an object)")?;
    time(field(r, "at", path)?, format!("{path}.at"), latest)?;
    let id = string(field(r, "design_id", path)?, format!("{path}.design_id"))?;
    check_id(id, &format!("{path}.design_id"))?;
    index(field(r, "minutes", path)?, format!("{path}.minutes"))?;
    grade(field(r, "grade", path)?, format!("{path}.grade"))?;
    let spath = format!("{path}.stages");
    let stages = array(field(r, "stages", path)?, &spath, "a list of stages")?;
    if stages.len() > MAX_DESIGN_STAGES {
        return Err(ImportError::TooBig(format!(
            "a design practice round of {} stages (limit {MAX_DESIGN_STAGES}) at {path}",
            grouped(stages.len())
        )));
    }
    for (i, s) in stages.iter().enumerate() {
        let apath = format!("{spath}[{i}]");
        let s = object(s, &apath, "a stage (an object with “stage”)")?;
        let stage = string(field(s, "stage", &apath)?, format!("{apath}.stage"))?;
        let plain = !stage.is_empty()
            && stage.len() <= MAX_STAGE_ID_CHARS
            && stage
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !plain {
            return Err(bad(
                format!("{apath}.stage"),
                format!(
                    "{} is not a stage id (1–{MAX_STAGE_ID_CHARS} lowercase letters, digits and '_')",
                    quoted(stage)
                ),
            ));
        }
        integer(field(s, "used_ms", &apath)?, format!("{apath}.used_ms"))?;
        let ticked = index(field(s, "ticked", &apath)?, format!("{apath}.ticked"))?;
        let total = index(field(s, "total", &apath)?, format!("{apath}.total"))?;
        if ticked > total {
            return Err(bad(
                format!("{apath}.ticked"),
                format!("{ticked} points ticked of {total}"),
            ));
        }
        grade(field(s, "grade", &apath)?, format!("{apath}.grade"))?;
    }
    Ok(())
}

/// A grade as stored ("knew", "partly", "didnt_know").
pub(super) fn grade(v: &Value, path: impl fmt::Display) -> Result<(), ImportError> {
    // serde names the grades, so the message stays right if they are renamed.
    Grade::deserialize(v)
        .map(|_| ())
        .map_err(|e| bad(path, capped(&e.to_string(), 100)))
}

/// A map keyed by valid question ids.
pub(super) fn id_map<'v>(v: &'v Value, path: &str) -> Result<&'v Map<String, Value>, ImportError> {
    let map = object(v, path, "an object keyed by question id")?;
    for id in map.keys() {
        check_id(id, path)?;
    }
    Ok(map)
}

/// Question ids: 1–[`MAX_ID_CHARS`] lowercase ASCII letters, digits and '-'. Checked before an id
/// is put in any path or message, so those stay short and plain.
pub(super) fn check_id(id: &str, path: &str) -> Result<(), ImportError> {
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

pub(super) fn field<'v>(
    map: &'v Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<&'v Value, ImportError> {
    map.get(key)
        .ok_or_else(|| bad(format!("{path}.{key}"), "missing"))
}

pub(super) fn object<'v>(
    v: &'v Value,
    path: &str,
    what: &str,
) -> Result<&'v Map<String, Value>, ImportError> {
    v.as_object()
        .ok_or_else(|| bad(path, format!("expected {what}, found {}", found(v))))
}

pub(super) fn array<'v>(
    v: &'v Value,
    path: &str,
    what: &str,
) -> Result<&'v Vec<Value>, ImportError> {
    v.as_array()
        .ok_or_else(|| bad(path, format!("expected {what}, found {}", found(v))))
}

pub(super) fn string(v: &Value, path: impl fmt::Display) -> Result<&str, ImportError> {
    v.as_str()
        .ok_or_else(|| bad(path, format!("expected text, found {}", found(v))))
}

pub(super) fn flag(v: &Value, path: impl fmt::Display) -> Result<bool, ImportError> {
    v.as_bool()
        .ok_or_else(|| bad(path, format!("expected true or false, found {}", found(v))))
}

/// A non-negative integer, as serde reads a `u64` (so `1.0` is rejected like `1.5`).
pub(super) fn integer(v: &Value, path: impl fmt::Display) -> Result<u64, ImportError> {
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

/// A time in ms since the epoch, no later than `latest` (a day from now: see
/// `progress::MAX_AHEAD_MS`).
pub(super) fn time(v: &Value, path: impl fmt::Display, latest: u64) -> Result<u64, ImportError> {
    let t = integer(v, &path)?;
    if t > latest {
        return Err(bad(
            path,
            format!("{t} is dated in the future (more than a day from now, in ms since 1970)"),
        ));
    }
    Ok(t)
}

/// An index or count that fits in 32 bits (see [`MAX_INDEX`]).
pub(super) fn index(v: &Value, path: impl fmt::Display) -> Result<u64, ImportError> {
    let i = integer(v, &path)?;
    if i > MAX_INDEX {
        return Err(bad(path, format!("{i} is larger than {MAX_INDEX}")));
    }
    Ok(i)
}

/// The number of characters of `s`, if over `limit`. The byte length bounds the count, so the
/// common case costs nothing.
pub(super) fn over(s: &str, limit: usize) -> Option<usize> {
    if s.len() <= limit {
        return None;
    }
    let chars = s.chars().count();
    (chars > limit).then_some(chars)
}

// ---- Wording.

/// What a value is, for "expected …, found …".
pub(super) fn found(v: &Value) -> String {
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
pub(super) fn quoted(s: &str) -> String {
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
pub(super) fn capped(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}
