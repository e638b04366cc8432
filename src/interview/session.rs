//! An interview under way: where each question stands ([`Phase`]), what happened to it
//! ([`Asked`]), and the one state machine ([`Event`] + [`Interview::apply`]).

use crate::bank::{self, Question};
use crate::progress::{Attempt, Grade, Outcome, MAX_DRAFT_CHARS};
use serde::{Deserialize, Serialize};

/// Where the current question stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// The question is shown; the timer has not started.
    #[default]
    Ready,
    /// Answering the question, since `started_at` (ms).
    Answering {
        /// When the answer started.
        started_at: u64,
    },
    /// The answer is over: tick key points, see the pitfalls and summary, grade.
    Review,
    /// Answering the follow-up, since `started_at` (ms).
    FollowUpAnswering {
        /// When the follow-up answer started.
        started_at: u64,
    },
    /// The follow-up answer is over: grade it.
    FollowUpReview,
    /// The interview has ended.
    Finished,
}

/// The follow-up asked after a question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Which of the question's follow-ups (`Content::follow_ups`).
    pub index: usize,
    /// Time spent answering, in ms (at most the time allowed, when timed).
    pub time_ms: u64,
    /// What the learner typed, if anything.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub typed: String,
    /// The learner's grade (`None`: not graded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
}

/// One question of an interview and what happened to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Asked {
    /// Question id.
    pub id: String,
    /// Time spent on the main answer, in ms (at most the time allowed, when timed).
    pub time_ms: u64,
    /// What the learner typed, if anything (at most [`MAX_DRAFT_CHARS`] characters).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub typed: String,
    /// Key points ticked as covered (indexes below the question's `key_points`), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ticked: Vec<usize>,
    /// The grade of the main answer (`None`: not graded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// Picks the follow-up (see [`Interview::follow_up_index`]); set when dealt, so a reload asks
    /// the same one.
    pub follow_seed: u64,
    /// The follow-up, once asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
}

/// Everything that can happen during an interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Start answering (starts the timer): the question, or nothing else.
    Start,
    /// Typed answer text (main answer or follow-up, while answering). Longer text is cut to
    /// [`MAX_DRAFT_CHARS`] characters.
    Type(String),
    /// Stop answering (main answer or follow-up).
    Done,
    /// The time allowed ran out (the UI sends it when [`Interview::remaining_ms`] reaches 0):
    /// like `Done`.
    TimeUp,
    /// Tick or untick key point `n` (review of the main answer, before grading it).
    Tick(usize),
    /// Grade the main answer (review) or the follow-up (follow-up review); grading again replaces
    /// the grade.
    Grade(Grade),
    /// Ask follow-up `n` of the question's follow-ups (see [`Interview::follow_up_index`]), once
    /// the main answer is graded and if follow-ups are on: starts its timer.
    FollowUp(usize),
    /// Move on without (or without finishing) the follow-up: the question has none, or the user
    /// skips it.
    SkipFollowUp,
    /// Move on to the next question (or finish after the last).
    Next,
    /// End now.
    Finish,
}

/// A mock interview in progress (or just finished). Serializable, so it survives reloads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    /// When it started (also its identity).
    pub started: u64,
    /// Time allowed per answer, in seconds (`None`: untimed).
    pub seconds_per_answer: Option<u32>,
    /// Whether follow-ups are asked.
    pub follow_ups: bool,
    /// Whether questions are read aloud.
    pub speak: bool,
    /// The questions, in order.
    pub questions: Vec<Asked>,
    /// Current question index (`questions.len()` once finished).
    pub pos: usize,
    /// Where the current question stands.
    pub phase: Phase,
    /// Every main answer graded, in order, as (question index, attempt). Never shortened: the
    /// state layer records what it gained after each [`Interview::apply`] into progress.
    pub log: Vec<(usize, Attempt)>,
    /// When it ended.
    pub finished: Option<u64>,
    /// The design exercise it ends with, if asked (its id; kept even if the bank lacks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub design: Option<String>,
}

/// `text` cut to [`MAX_DRAFT_CHARS`] characters.
fn capped(text: String) -> String {
    if text.len() <= MAX_DRAFT_CHARS {
        return text;
    }
    text.chars().take(MAX_DRAFT_CHARS).collect()
}

impl Interview {
    /// The current question, as asked and from the bank, unless finished.
    pub fn current(&self) -> Option<(&Asked, &'static Question)> {
        let asked = self.questions.get(self.pos)?;
        Some((asked, bank::question(&asked.id)?))
    }

    /// Whether the interview has ended.
    pub fn is_finished(&self) -> bool {
        self.finished.is_some()
    }

    /// The time allowed per answer, in ms (`None`: untimed).
    pub fn limit_ms(&self) -> Option<u64> {
        self.seconds_per_answer.map(|s| u64::from(s) * 1000)
    }

    /// The time left for the answer being given at `now`, in ms: `None` when untimed or not
    /// answering. Never below 0 (the UI sends [`Event::TimeUp`] when it reaches 0).
    pub fn remaining_ms(&self, now: u64) -> Option<u64> {
        let limit = self.limit_ms()?;
        let started_at = self.answering_since()?;
        Some(limit.saturating_sub(now.saturating_sub(started_at)))
    }

    /// The grade the current ticks suggest (review of the main answer).
    pub fn suggested_grade(&self) -> Option<Grade> {
        let (asked, q) = self.current()?;
        Some(Grade::suggested(asked.ticked.len(), q.key_points))
    }

    /// Which of the current question's `count` follow-ups to ask (`Content::follow_ups.len()`):
    /// the one already asked, else one picked by the question's `follow_seed`. `None` when
    /// follow-ups are off, the question has none, or the interview is over.
    pub fn follow_up_index(&self, count: usize) -> Option<usize> {
        let asked = self.questions.get(self.pos)?;
        if !self.follow_ups || count == 0 || self.is_finished() {
            return None;
        }
        match &asked.follow_up {
            Some(f) if f.index < count => Some(f.index),
            _ => Some((asked.follow_seed % count as u64) as usize),
        }
    }

    /// When the answer being given started, if one is.
    fn answering_since(&self) -> Option<u64> {
        match self.phase {
            Phase::Answering { started_at } | Phase::FollowUpAnswering { started_at } => {
                Some(started_at)
            }
            _ => None,
        }
    }

    /// The time used by an answer started at `started_at`, stopped at `now`: never more than the
    /// time allowed.
    fn used(&self, started_at: u64, now: u64) -> u64 {
        let used = now.saturating_sub(started_at);
        self.limit_ms().map_or(used, |limit| used.min(limit))
    }

    /// Makes an interview read from storage fit together: a position no further than the end, a
    /// phase that fits it, ticks within the question's key points. Returns whether anything had
    /// to change (an interview this build deals always fits; a stored one may have been edited).
    pub fn repair(&mut self) -> bool {
        let before = self.clone();
        self.pos = self.pos.min(self.questions.len());
        let has_follow_up = self
            .questions
            .get(self.pos)
            .is_some_and(|a| a.follow_up.is_some());
        if self.pos == self.questions.len() || self.finished.is_some() {
            self.phase = Phase::Finished;
        } else if self.phase == Phase::Finished {
            self.phase = Phase::Ready;
        } else if !has_follow_up
            && matches!(
                self.phase,
                Phase::FollowUpAnswering { .. } | Phase::FollowUpReview
            )
        {
            self.phase = Phase::Review;
        }
        for asked in &mut self.questions {
            let limit = bank::question(&asked.id).map_or(0, |q| q.key_points);
            asked.ticked.retain(|&t| t < limit);
            crate::order::sort_dedup(&mut asked.ticked);
            if asked.typed.len() > MAX_DRAFT_CHARS {
                asked.typed = capped(std::mem::take(&mut asked.typed));
            }
            if let Some(f) = &mut asked.follow_up {
                if f.typed.len() > MAX_DRAFT_CHARS {
                    f.typed = capped(std::mem::take(&mut f.typed));
                }
            }
        }
        *self != before
    }

    /// Applies one event at `now` (ms). Events that make no sense in the current phase are
    /// ignored, so no sequence of events can panic or break the interview, whatever was stored.
    pub fn apply(mut self, event: Event, now: u64) -> Interview {
        if self.finished.is_some() {
            return self;
        }
        // Every index below is then within bounds.
        self.repair();
        if self.pos >= self.questions.len() {
            self.finished = Some(now);
            return self;
        }
        if event == Event::Finish {
            self.stop(now);
            self.finished = Some(now);
            self.pos = self.questions.len();
            self.phase = Phase::Finished;
            return self;
        }
        let Some(question) = bank::question(&self.questions[self.pos].id) else {
            // A question that left the bank: move on rather than get stuck.
            return self.advance(now);
        };
        let pos = self.pos;
        match (self.phase, event) {
            (Phase::Ready, Event::Start) => self.phase = Phase::Answering { started_at: now },
            (Phase::Answering { .. }, Event::Type(text)) => {
                self.questions[pos].typed = capped(text);
            }
            (Phase::FollowUpAnswering { .. }, Event::Type(text)) => {
                if let Some(f) = &mut self.questions[pos].follow_up {
                    f.typed = capped(text);
                }
            }
            (Phase::Answering { .. }, Event::Done | Event::TimeUp) => {
                self.stop(now);
                self.phase = Phase::Review;
            }
            (Phase::FollowUpAnswering { .. }, Event::Done | Event::TimeUp) => {
                self.stop(now);
                self.phase = Phase::FollowUpReview;
            }
            // Ticks are what the graded answer logs, so they close with the grade.
            (Phase::Review, Event::Tick(n))
                if n < question.key_points && self.questions[pos].grade.is_none() =>
            {
                let ticked = &mut self.questions[pos].ticked;
                match ticked.iter().position(|&t| t == n) {
                    Some(i) => {
                        ticked.remove(i);
                    }
                    None => {
                        ticked.push(n);
                        crate::order::sort_dedup(ticked);
                    }
                }
            }
            (Phase::Review, Event::Grade(grade)) => self.grade(grade, now),
            (Phase::FollowUpReview, Event::Grade(grade)) => {
                if let Some(f) = &mut self.questions[pos].follow_up {
                    f.grade = Some(grade);
                }
            }
            (Phase::Review, Event::FollowUp(index))
                if self.follow_ups && self.questions[pos].grade.is_some() =>
            {
                self.questions[pos].follow_up = Some(FollowUp {
                    index,
                    ..FollowUp::default()
                });
                self.phase = Phase::FollowUpAnswering { started_at: now };
            }
            (
                Phase::Review | Phase::FollowUpAnswering { .. } | Phase::FollowUpReview,
                Event::SkipFollowUp,
            )
            | (_, Event::Next) => {
                self.stop(now);
                return self.advance(now);
            }
            _ => {}
        }
        self
    }

    /// Stops the timer of the answer being given at `now`, if one is, keeping the time used.
    fn stop(&mut self, now: u64) {
        let Some(started_at) = self.answering_since() else {
            return;
        };
        let used = self.used(started_at, now);
        let follow_up = matches!(self.phase, Phase::FollowUpAnswering { .. });
        if let Some(asked) = self.questions.get_mut(self.pos) {
            match (&mut asked.follow_up, follow_up) {
                (Some(f), true) => f.time_ms = used,
                _ => asked.time_ms = used,
            }
        }
    }

    /// Grades the current main answer, logging it as a flashcard answer; a grade given again
    /// replaces the earlier one, in the interview and in progress (through [`Attempt::revises`]).
    fn grade(&mut self, grade: Grade, now: u64) {
        let pos = self.pos;
        let Some(asked) = self.questions.get_mut(pos) else {
            return;
        };
        let revises = asked.grade.and_then(|_| {
            self.log
                .iter()
                .rev()
                .find(|(i, _)| *i == pos)
                .map(|(_, a)| a.at)
        });
        asked.grade = Some(grade);
        let draft = (!asked.typed.trim().is_empty()).then(|| asked.typed.clone());
        let outcome = Outcome::Flashcard {
            grade,
            ticked: asked.ticked.clone(),
            draft,
        };
        self.log.push((
            pos,
            Attempt {
                at: now,
                outcome,
                revises,
            },
        ));
    }

    fn advance(mut self, now: u64) -> Interview {
        self.pos = self.pos.saturating_add(1);
        if self.pos >= self.questions.len() {
            self.pos = self.questions.len();
            self.finished = Some(now);
            self.phase = Phase::Finished;
        } else {
            self.phase = Phase::Ready;
        }
        self
    }
}
