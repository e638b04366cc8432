//! Every change to the user's progress, as data: one [`Change`] enum and one [`Change::apply`].
//! Pure: the time is passed in, and saving is the caller's job (see `state`).

use crate::bank;
use crate::progress::{Attempt, DesignRecord, InterviewRecord, Progress, QuizRecord};
use crate::transfer::ImportMode;

/// What a reset covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResetScope {
    /// Every question, and the quiz and mock interview history.
    Everything,
    /// The questions of one topic (by id).
    Topic(String),
}

/// A change the user makes to their progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Opened question `id` (only the first opening is kept).
    Read(String),
    /// Starred or unstarred question `id`.
    Bookmark {
        /// The question.
        id: String,
        /// Starred (true) or not.
        on: bool,
    },
    /// Wrote, edited or (with blank text) deleted the note on question `id`.
    Note {
        /// The question.
        id: String,
        /// The note's Markdown.
        text: String,
    },
    /// Answered in a quiz: new attempts, and the quiz's record if it just ended.
    Quiz {
        /// (question id, attempt), oldest first.
        answers: Vec<(String, Attempt)>,
        /// The finished quiz, for the history.
        finished: Option<QuizRecord>,
    },
    /// Answered in a mock interview: new attempts (graded main answers), and the interview's
    /// record if it just ended.
    Interview {
        /// (question id, attempt), oldest first.
        answers: Vec<(String, Attempt)>,
        /// The finished interview, for the history.
        finished: Option<InterviewRecord>,
    },
    /// Finished a design practice round (its review closed): its record, for the history and the
    /// design review schedule.
    Design(DesignRecord),
    /// Removed answers and read marks (bookmarks and notes, the user's own writing, stay).
    Reset(ResetScope),
    /// Imported a file's progress, merging it in or replacing everything with it.
    Import {
        /// The file's progress, validated.
        progress: Box<Progress>,
        /// Merge or replace.
        how: ImportMode,
    },
}

impl Change {
    /// Applies the change to `p` at `now` (ms). Returns whether anything changed, so that a
    /// change that changes nothing is not saved.
    pub fn apply(self, p: &mut Progress, now: u64) -> bool {
        match self {
            Change::Read(id) => p.mark_read(&id, now),
            Change::Bookmark { id, on } => {
                if p.is_bookmarked(&id) == on {
                    return false;
                }
                p.set_bookmark(&id, on, now);
                true
            }
            Change::Note { id, text } => {
                let text: String = text.chars().take(crate::notes::MAX_NOTE_CHARS).collect();
                p.set_note(&id, text.trim_end(), now)
            }
            Change::Quiz { answers, finished } => {
                let changed = !answers.is_empty() || finished.is_some();
                for (id, attempt) in answers {
                    p.record(&id, attempt);
                }
                if let Some(record) = finished {
                    p.quizzes.push(record);
                }
                changed
            }
            Change::Interview { answers, finished } => {
                let changed = !answers.is_empty() || finished.is_some();
                for (id, attempt) in answers {
                    p.record(&id, attempt);
                }
                if let Some(record) = finished {
                    p.interviews.push(record);
                }
                changed
            }
            Change::Design(record) => {
                // The same round recorded twice (a second tab closing the same review) counts once.
                if p.designs.contains(&record) {
                    return false;
                }
                p.designs.push(record);
                true
            }
            Change::Reset(scope) => {
                // Always a change: even with nothing here to delete, its mark deletes what other
                // copies hold.
                *p = reset(p, &scope, now);
                true
            }
            Change::Import { progress, how } => {
                let next = crate::transfer::apply(p, &progress, how, now);
                let changed = next != *p;
                *p = next;
                changed
            }
        }
    }

    /// Whether the change decides about everything stored (a reset, an import), so that it must be
    /// made to the freshest copy: what other tabs stored is merged in first, so that its marks are
    /// later than every mark stored and an import merges into all there is.
    ///
    /// Every change, these included, is then saved by a merging save: the marks a reset or a
    /// replacing import sets keep that merge from bringing back what they deleted.
    pub fn decides_all(&self) -> bool {
        matches!(self, Change::Reset(_) | Change::Import { .. })
    }

    /// Whether the change is all or nothing: if it cannot be saved, it is not made at all (an
    /// import), rather than kept in this tab only.
    pub fn is_atomic(&self) -> bool {
        matches!(self, Change::Import { .. })
    }
}

/// What a reset of `scope` at `now` (ms) leaves of `p`, marks included (see [`Progress::merge`]).
pub fn reset(p: &Progress, scope: &ResetScope, now: u64) -> Progress {
    let mut next = p.clone();
    match scope {
        ResetScope::Everything => next.reset_all(now),
        ResetScope::Topic(topic) => next.reset_questions(
            bank::questions()
                .iter()
                .filter(|q| q.topics.contains(&topic.as_str()))
                .map(|q| q.id),
            now,
        ),
    }
    next
}

/// How many answers and read marks a reset of `scope` would delete.
pub fn reset_count(p: &Progress, scope: &ResetScope) -> usize {
    let count = |p: &Progress| p.attempts.values().map(Vec::len).sum::<usize>() + p.read.len();
    // The time only dates the marks, which are not counted.
    count(p) - count(&reset(p, scope, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Grade;

    #[test]
    fn a_change_that_changes_nothing_says_so() {
        let mut p = Progress::default();
        assert!(Change::Read("jwt".into()).apply(&mut p, 1));
        assert!(!Change::Read("jwt".into()).apply(&mut p, 2));
        assert!(!Change::Bookmark {
            id: "jwt".into(),
            on: false
        }
        .apply(&mut p, 3));
        assert!(Change::Bookmark {
            id: "jwt".into(),
            on: true
        }
        .apply(&mut p, 3));
        assert!(!Change::Note {
            id: "jwt".into(),
            text: "  ".into()
        }
        .apply(&mut p, 4));
        assert!(Change::Note {
            id: "jwt".into(),
            text: "mine  ".into()
        }
        .apply(&mut p, 4));
        assert_eq!(p.note("jwt"), Some("mine"));
        assert!(!Change::Quiz {
            answers: vec![],
            finished: None
        }
        .apply(&mut p, 5));
        assert!(!Change::Interview {
            answers: vec![],
            finished: None
        }
        .apply(&mut p, 5));
    }

    #[test]
    fn a_design_round_is_recorded_once_and_a_reset_clears_it() {
        use crate::progress::DesignStage;
        let record = DesignRecord {
            at: 10,
            design_id: "url-shortener".into(),
            minutes: 45,
            stages: vec![DesignStage {
                stage: "clarify".into(),
                used_ms: 300_000,
                ticked: 3,
                total: 4,
                grade: Grade::Knew,
            }],
            grade: Grade::Partly,
        };
        let mut p = Progress::default();
        assert!(Change::Design(record.clone()).apply(&mut p, 11));
        assert!(!Change::Design(record.clone()).apply(&mut p, 12));
        assert_eq!(p.design_rounds("url-shortener").count(), 1);
        assert_eq!(p.design_latest("url-shortener"), Some(Grade::Partly));
        assert!(Change::Reset(ResetScope::Everything).apply(&mut p, 13));
        assert_eq!(p.design_rounds("url-shortener").count(), 0);
    }

    #[test]
    fn an_interview_records_its_answers_once_and_a_reset_clears_its_history() {
        let mut p = Progress::default();
        let record = InterviewRecord {
            started: 1,
            finished: 3,
            seconds_per_answer: None,
            design: None,
            questions: vec![crate::progress::InterviewAnswer {
                id: "jwt".into(),
                time_ms: 1,
                covered: 0,
                key_points: 3,
                grade: Some(Grade::Partly),
                follow_up: None,
            }],
        };
        assert!(Change::Interview {
            answers: vec![("jwt".into(), Attempt::flashcard(2, Grade::Partly))],
            finished: Some(record),
        }
        .apply(&mut p, 3));
        assert_eq!(p.attempt_count(), 1, "the answer counts once, in attempts");
        assert_eq!(p.interviews.len(), 1);
        assert!(Change::Reset(ResetScope::Everything).apply(&mut p, 4));
        assert!(p.interviews.is_empty() && p.attempts.is_empty());
    }

    #[test]
    fn resets_keep_bookmarks_and_notes_and_count_what_they_delete() {
        let mut p = Progress::default();
        p.mark_read("jwt", 1);
        p.record("jwt", Attempt::flashcard(2, Grade::Knew));
        p.set_bookmark("jwt", true, 3);
        p.set_note("jwt", "n", 3);
        let jwt_topic = bank::question("jwt").unwrap().topics[0].to_string();
        assert_eq!(reset_count(&p, &ResetScope::Topic(jwt_topic)), 2);
        assert_eq!(reset_count(&p, &ResetScope::Topic("behavioral".into())), 0);
        let change = Change::Reset(ResetScope::Everything);
        assert!(change.decides_all());
        assert!(change.apply(&mut p, 4));
        assert!(p.attempts.is_empty() && p.read.is_empty());
        assert!(p.is_bookmarked("jwt") && p.has_note("jwt"));
        assert_eq!(
            p.reset_at,
            Some(4),
            "marked, so that merging an older copy does not undo it"
        );
        assert!(
            Change::Reset(ResetScope::Everything).apply(&mut p, 5),
            "a reset with nothing here to delete still marks what other copies hold"
        );
    }

    #[test]
    fn a_topic_reset_marks_every_question_of_the_topic() {
        let mut p = Progress::default();
        let jwt_topic = bank::question("jwt").unwrap().topics[0].to_string();
        assert!(Change::Reset(ResetScope::Topic(jwt_topic.clone())).apply(&mut p, 7));
        let of_topic = bank::questions()
            .iter()
            .filter(|q| q.topics.contains(&jwt_topic.as_str()))
            .count();
        assert_eq!(p.cleared.len(), of_topic, "held here or not");
        assert_eq!(p.cleared.get("jwt"), Some(&7));
    }

    #[test]
    fn an_import_is_atomic_and_a_replace_is_marked() {
        let mut file = Progress::default();
        file.mark_read("cdn", 1);
        let merge = Change::Import {
            progress: Box::new(file.clone()),
            how: ImportMode::Merge,
        };
        let replace = Change::Import {
            progress: Box::new(file.clone()),
            how: ImportMode::Replace,
        };
        assert!(merge.is_atomic() && replace.is_atomic());
        assert!(merge.decides_all() && replace.decides_all());
        assert!(!Change::Read("jwt".into()).decides_all());
        let mut p = Progress::default();
        p.mark_read("jwt", 1);
        assert!(replace.apply(&mut p, 2));
        assert_eq!(p.read, file.read);
        assert_eq!(p.replaced_at, Some(2));
        let mut again = p.clone();
        assert!(
            !merge.apply(&mut again, 3),
            "merging what is here changes nothing"
        );
    }
}
