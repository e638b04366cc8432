//! The save format, and how values are loaded and saved with it.
//!
//! Every stored value is a JSON envelope `{"version": N, "data": …}` under a key in the `backprep:`
//! namespace, described by a type implementing [`Stored`]. [`decode`] and [`encode`] are pure and
//! never panic; [`store`] acts on what `decode` says, over `platform::storage`: it backs up anything
//! it cannot read before starting afresh, and never overwrites data written by a newer build.

use crate::design_practice::{Length, Round};
use crate::interview::{Interview, InterviewSetup};
use crate::numbers::counted;
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
/// Where the mock interview in progress, and the setup last chosen, live.
pub const INTERVIEW_KEY: &str = "backprep:interview";
/// Where the design practice round in progress, and the length last chosen, live.
pub const DESIGN_ROUND_KEY: &str = "backprep:design-round";
/// Where preferences live.
pub const PREFS_KEY: &str = "backprep:prefs";
/// Prefix of the keys that keep unreadable values (`backprep:backup:<key>:<ms>`).
pub const BACKUP_PREFIX: &str = "backprep:backup:";
/// The progress schema this build writes. Version 1 held only `read`; version 2 added attempts and
/// quiz history; version 3 added bookmarks and notes (an older build must not rewrite a version 3
/// file, or it would drop them); version 4 added the marks of deliberate deletions (`replaced_at`,
/// `reset_at`, `cleared`; an older build would merge a reset away); version 5 added the mock
/// interview history (`interviews`; an older build would drop it); version 6 added the design
/// practice history (`designs`; likewise).
pub const SCHEMA_VERSION: u64 = 6;

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

    /// Sets aside, on load at `now_ms`, what this build must not use as stored (entries dated in the
    /// future, parts that do not fit together), and says what in words that follow "Your saved
    /// {WHAT}" ("had 2 entries dated …, which were set aside"). `None`: nothing was; the default.
    fn set_aside(&mut self, now_ms: u64) -> Option<String> {
        let _ = now_ms;
        None
    }
}

impl Stored for Progress {
    const KEY: &'static str = PROGRESS_KEY;
    const VERSION: u64 = SCHEMA_VERSION;
    const WHAT: &'static str = "progress";

    fn migrate(from: u64, data: Value) -> Result<Value, String> {
        match from {
            // v1 → v6: same `read` map; attempts, quizzes, bookmarks, notes, marks, interviews
            // and design rounds start empty.
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
            // v2 → v3: bookmarks and notes start empty (absent fields default). v3 → v4: no
            // deletion marks yet, which is what absent marks mean. v4 → v5: no interviews yet,
            // which is what an absent list means. v5 → v6: no design rounds yet, likewise.
            2..=5 => match data {
                Value::Object(_) | Value::Null => Ok(data),
                _ => Err(format!("version {from} data is not an object")),
            },
            v => Err(format!("no migration from version {v}")),
        }
    }

    fn merge_from(&mut self, theirs: &Self) {
        self.merge(theirs);
    }

    fn set_aside(&mut self, now_ms: u64) -> Option<String> {
        let n = self.set_aside_future(now_ms);
        (n > 0).then(|| {
            format!(
                "had {} dated in the future (more than a day from now), which {} set aside",
                counted(n, "entry", "entries"),
                if n == 1 { "was" } else { "were" }
            )
        })
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

    fn set_aside(&mut self, _now_ms: u64) -> Option<String> {
        let session = self.session.as_mut()?;
        let (answers, cards) = (session.answers.len(), session.cards.len());
        session.repair().then(|| {
            format!("did not fit together ({answers} answers for {cards} cards, or a position past the end), so it was repaired")
        })
    }
}

/// The mock interview in progress (or the last one finished, for its report), and the setup last
/// chosen, remembered for the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ActiveInterview {
    /// The setup last chosen.
    pub setup: InterviewSetup,
    /// The interview, if any.
    pub session: Option<Interview>,
}

impl Stored for ActiveInterview {
    const KEY: &'static str = INTERVIEW_KEY;
    const VERSION: u64 = 1;
    const WHAT: &'static str = "mock interview";

    fn set_aside(&mut self, _now_ms: u64) -> Option<String> {
        let setup = self.setup.repair();
        let session = self.session.as_mut().is_some_and(Interview::repair);
        (setup || session).then(|| {
            "did not fit together (a choice this version does not offer, or a position or phase \
             that did not match its questions), so it was repaired"
                .to_string()
        })
    }
}

/// The design practice round in progress (or the last one over, for its report), and the length
/// last chosen, remembered for the next one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ActiveDesignRound {
    /// The length last chosen.
    pub length: Length,
    /// The round, if any.
    pub session: Option<Round>,
}

impl Stored for ActiveDesignRound {
    const KEY: &'static str = DESIGN_ROUND_KEY;
    const VERSION: u64 = 1;
    const WHAT: &'static str = "design practice round";

    fn set_aside(&mut self, _now_ms: u64) -> Option<String> {
        self.session.as_mut().is_some_and(Round::repair).then(|| {
            "did not fit together (notes over the limit, or more answers shown than the \
                 exercise has), so it was repaired"
                .to_string()
        })
    }
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

pub mod store;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod golden;

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
            decode::<Progress>(r#"{"version":6,"data":{}}"#),
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
            last_export: Some((5, 12)),
            plan: Some(crate::plan::PlanSettings::new(
                20_500,
                vec![crate::bank::Level::Advanced],
                vec!["databases".into()],
                20_480,
            )),
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
    fn version_3_is_migrated_with_no_marks_and_marks_round_trip() {
        let v3 =
            r#"{"version":3,"data":{"read":{"jwt":5},"bookmarks":{"cdn":{"at":6,"on":true}}}}"#;
        match decode::<Progress>(v3) {
            Decoded::Current {
                data,
                migrated_from,
            } => {
                assert_eq!(migrated_from, Some(3));
                assert!(data.is_read("jwt") && data.is_bookmarked("cdn"));
                assert_eq!((data.replaced_at, data.reset_at), (None, None));
                assert!(data.cleared.is_empty());
            }
            other => panic!("expected a migration, got {other:?}"),
        }
        assert!(matches!(
            decode::<Progress>(r#"{"version":3,"data":"x"}"#),
            Decoded::Corrupt { .. }
        ));
        let mut p = sample();
        p.reset_all(10);
        p.reset_questions(["cdn"], 20);
        let text = encode(&p);
        assert!(
            text.contains(r#""reset_at":1700000000000"#)
                && text.contains(r#""cleared":{"cdn":1700000000001}"#),
            "{text}"
        );
        assert_eq!(
            decode::<Progress>(&text),
            Decoded::Current {
                data: p,
                migrated_from: None
            }
        );
        // No marks: none written, as in version 3.
        assert!(!encode(&sample()).contains("reset_at"));
    }

    #[test]
    fn version_4_is_migrated_with_no_interviews_and_version_5_reads_back() {
        let v4 = r#"{"version":4,"data":{"read":{"jwt":5},"quizzes":[{"started":1,"finished":2,"mode":"mixed","asked":["jwt"],"missed":[],"right":1,"answered":1}],"reset_at":3}}"#;
        let data = match decode::<Progress>(v4) {
            Decoded::Current {
                data,
                migrated_from,
            } => {
                assert_eq!(migrated_from, Some(4));
                assert!(data.is_read("jwt"));
                assert_eq!((data.quizzes.len(), data.reset_at), (1, Some(3)));
                assert!(data.interviews.is_empty());
                data
            }
            other => panic!("expected a migration, got {other:?}"),
        };
        assert!(matches!(
            decode::<Progress>(r#"{"version":4,"data":[]}"#),
            Decoded::Corrupt { .. }
        ));
        // Written back as the current version (no interviews: no field, as in version 4), then
        // with one.
        let text = encode(&data);
        assert!(
            text.starts_with(&format!(r#"{{"version":{SCHEMA_VERSION},"#))
                && !text.contains("interviews"),
            "{text}"
        );
        let mut p = data;
        p.interviews.push(crate::progress::InterviewRecord {
            started: 10,
            finished: 20,
            seconds_per_answer: Some(120),
            design: None,
            questions: vec![crate::progress::InterviewAnswer {
                id: "jwt".into(),
                time_ms: 45_000,
                covered: 2,
                key_points: 4,
                grade: Some(Grade::Partly),
                follow_up: Some((0, Some(Grade::Knew))),
            }],
        });
        let text = encode(&p);
        assert!(text.contains(r#""interviews":[{"started":10"#), "{text}");
        assert_eq!(
            decode::<Progress>(&text),
            Decoded::Current {
                data: p,
                migrated_from: None
            }
        );
    }

    #[test]
    fn version_5_is_migrated_with_no_design_rounds_and_version_6_reads_back() {
        let v5 = r#"{"version":5,"data":{"read":{"jwt":5},"interviews":[{"started":1,"finished":2,"questions":[]}]}}"#;
        let data = match decode::<Progress>(v5) {
            Decoded::Current {
                data,
                migrated_from,
            } => {
                assert_eq!(migrated_from, Some(5));
                assert_eq!(data.interviews.len(), 1);
                assert!(data.designs.is_empty());
                data
            }
            other => panic!("expected a migration, got {other:?}"),
        };
        assert!(matches!(
            decode::<Progress>(r#"{"version":5,"data":7}"#),
            Decoded::Corrupt { .. }
        ));
        // No design rounds: no field, as in version 5; then one, read back as written.
        let text = encode(&data);
        assert!(
            text.starts_with(r#"{"version":6,"#) && !text.contains("designs"),
            "{text}"
        );
        let mut p = data;
        p.designs.push(crate::progress::DesignRecord {
            at: 30,
            design_id: "url-shortener".into(),
            minutes: 45,
            stages: vec![crate::progress::DesignStage {
                stage: "clarify".into(),
                used_ms: 310_000,
                ticked: 3,
                total: 4,
                grade: Grade::Knew,
            }],
            grade: Grade::Partly,
        });
        let text = encode(&p);
        assert!(
            text.contains(r#""designs":[{"at":30,"design_id":"url-shortener""#),
            "{text}"
        );
        assert_eq!(
            decode::<Progress>(&text),
            Decoded::Current {
                data: p,
                migrated_from: None
            }
        );
    }

    #[test]
    fn a_design_round_in_progress_round_trips_and_is_repaired_on_load() {
        use crate::design_practice::{Event, Stage};
        let round = Round::new("url-shortener", Length::Long, [4, 4, 5, 6, 5, 4], 5, 10)
            .apply(Event::Start, 20)
            .apply(Event::Note(Stage::Clarify, "reads ≫ writes".into()), 30);
        let active = ActiveDesignRound {
            length: Length::Long,
            session: Some(round),
        };
        let text = encode(&active);
        assert!(text.starts_with(r#"{"version":1,"#), "{text}");
        let mut back = match decode::<ActiveDesignRound>(&text) {
            Decoded::Current { data, .. } => data,
            other => panic!("expected current data, got {other:?}"),
        };
        assert_eq!(back, active);
        assert_eq!(back.set_aside(0), None, "nothing to repair");
        let edited = text.replace(r#""clarify_revealed":0"#, r#""clarify_revealed":9"#);
        let mut edited = match decode::<ActiveDesignRound>(&edited) {
            Decoded::Current { data, .. } => data,
            other => panic!("expected current data, got {other:?}"),
        };
        assert!(edited.set_aside(0).is_some());
        assert_eq!(edited.session.map(|r| r.clarify_revealed), Some(5));
        assert_eq!(
            decode::<ActiveDesignRound>(r#"{"version":1,"data":{}}"#),
            Decoded::Current {
                data: ActiveDesignRound::default(),
                migrated_from: None
            }
        );
    }

    #[test]
    fn an_interview_in_progress_round_trips_and_is_repaired_on_load() {
        let setup = InterviewSetup::default();
        let session = Interview::deal(&setup, &[], 3, 1).expect("the bank has questions");
        let active = ActiveInterview {
            setup,
            session: Some(session.apply(crate::interview::Event::Start, 2)),
        };
        let text = encode(&active);
        assert!(text.starts_with(r#"{"version":1,"#), "{text}");
        let mut back = match decode::<ActiveInterview>(&text) {
            Decoded::Current { data, .. } => data,
            other => panic!("expected current data, got {other:?}"),
        };
        assert_eq!(back, active);
        assert_eq!(back.set_aside(0), None, "nothing to repair");
        let edited = text.replace(r#""count":5"#, r#""count":7"#);
        let mut edited = match decode::<ActiveInterview>(&edited) {
            Decoded::Current { data, .. } => data,
            other => panic!("expected current data, got {other:?}"),
        };
        assert!(edited.set_aside(0).is_some());
        assert_eq!(edited.setup.count, 8);
        assert_eq!(
            decode::<ActiveInterview>(r#"{"version":1,"data":{}}"#),
            Decoded::Current {
                data: ActiveInterview::default(),
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
            let _ = decode::<Progress>(&raw);
        }

        #[test]
        fn decode_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode::<Progress>(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn round_trip_generated_progress_with_marks(p in crate::testing::progress()) {
            prop_assert_eq!(decode::<Progress>(&encode(&p)), Decoded::Current { data: p, migrated_from: None });
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
                p.record("q", Attempt { at, outcome, revises: None });
            }
            prop_assert_eq!(decode::<Progress>(&encode(&p)), Decoded::Current { data: p, migrated_from: None });
        }
    }
}
