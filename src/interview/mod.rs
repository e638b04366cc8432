//! A mock interview as data: how it is set up, one [`Event`] enum, and one [`Interview::apply`].
//! Pure: the clock and the shuffle seed are passed in; recording answers into progress, saving the
//! interview, running the timer and reading questions aloud are the caller's job.
//!
//! Each question goes through these phases:
//!
//! ```text
//! Ready ──Start──▶ Answering ──Done/TimeUp──▶ Review ──Grade──▶ Review, graded (Grade again)
//!                                       (Tick, then Grade)          │
//!         ┌──────────────── FollowUp(n), if follow-ups are on ──────┤
//!         ▼                                                         │ Next/SkipFollowUp
//! FollowUpAnswering ──Done/TimeUp──▶ FollowUpReview (Grade)         │
//!         │                                 │ Next/SkipFollowUp     │
//!         └── Next/SkipFollowUp ────────────┴───────────────────────┴──▶ the next question's
//!                                                                        Ready, or Finished
//! ```
//!
//! `Next` moves on from any phase (what was not graded stays ungraded), and `Finish` ends the
//! interview from any phase. Events that make no sense where they arrive are ignored.
//!
//! A graded main answer is logged as a flashcard [`Attempt`] (see [`Interview::log`]), so it feeds
//! the review schedule exactly like a quiz flashcard; a follow-up is a different question, so its
//! grade stays in the interview's record only.

use crate::bank::{self, designs::Design, Level, Question};
use crate::order::Rng;
use crate::progress::MAX_DRAFT_CHARS;
use crate::progress::{
    Attempt, DesignRecord, Grade, InterviewAnswer, InterviewRecord, Outcome, Progress,
};
use crate::schedule;
use serde::{Deserialize, Serialize};

/// The numbers of questions offered on the setup screen.
pub const COUNTS: [usize; 3] = [3, 5, 8];
/// The times per answer offered on the setup screen, in seconds (`None`: untimed).
pub const TIME_LIMITS: [Option<u32>; 4] = [Some(60), Some(120), Some(180), None];

/// Which questions an interview asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A balanced mix across the bank's topics, at one level (`None`: any level).
    Mix {
        /// The level asked (`None`: any).
        #[serde(default, with = "level_id")]
        level: Option<Level>,
    },
    /// The questions given to [`Interview::deal`] (the list as filtered).
    These,
}

impl Default for Source {
    fn default() -> Self {
        Source::Mix { level: None }
    }
}

/// The choices on the setup screen; serializable, so the UI can remember them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewSetup {
    /// How many questions (one of [`COUNTS`]).
    pub count: usize,
    /// Where the questions come from.
    pub source: Source,
    /// Time allowed per answer, in seconds (one of [`TIME_LIMITS`]; `None`: untimed).
    pub seconds_per_answer: Option<u32>,
    /// Ask a follow-up after each graded answer, where the question has any.
    pub follow_ups: bool,
    /// Read each question aloud.
    pub speak: bool,
    /// End with a system-design exercise (see [`Interview::with_design`]). Not written when off,
    /// so a setup stored before it existed is written back unchanged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub design: bool,
}

impl Default for InterviewSetup {
    fn default() -> Self {
        InterviewSetup {
            count: 5,
            source: Source::default(),
            seconds_per_answer: Some(120),
            follow_ups: true,
            speak: false,
            design: false,
        }
    }
}

impl InterviewSetup {
    /// Makes a remembered setup one the setup screen offers: the nearest count and time limit.
    /// Returns whether anything had to change.
    pub fn repair(&mut self) -> bool {
        let before = *self;
        let nearest = |n: usize| COUNTS.into_iter().min_by_key(|c| c.abs_diff(n));
        self.count = nearest(self.count).unwrap_or(5);
        if let Some(s) = self.seconds_per_answer {
            self.seconds_per_answer = TIME_LIMITS
                .into_iter()
                .flatten()
                .min_by_key(|t| t.abs_diff(s));
        }
        *self != before
    }
}

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
    /// Deals an interview following `setup` at `now`, shuffled by `seed`.
    ///
    /// A mix takes the bank's questions at the level asked, round-robin across its topics (in
    /// [`bank::topics`] order, starting at a topic the seed picks so that short interviews do
    /// not always open on the same topics), each topic's questions shuffled, a question on
    /// several topics taken once. `These` takes `candidates`, shuffled; a mix ignores them.
    /// Either way the first `setup.count` are asked. `None` when nothing qualifies.
    pub fn deal(
        setup: &InterviewSetup,
        candidates: &[&'static Question],
        seed: u64,
        now: u64,
    ) -> Option<Interview> {
        let mut rng = Rng::new(seed);
        let picked: Vec<&'static Question> = match setup.source {
            Source::These => {
                let mut pool = candidates.to_vec();
                rng.shuffle(&mut pool);
                pool.truncate(setup.count);
                pool
            }
            Source::Mix { level } => mix(level, setup.count, &mut rng),
        };
        if picked.is_empty() {
            return None;
        }
        let questions = picked
            .iter()
            .map(|q| Asked {
                id: q.id.to_string(),
                follow_seed: rng.next_u64(),
                ..Asked::default()
            })
            .collect();
        Some(Interview {
            started: now,
            seconds_per_answer: setup.seconds_per_answer,
            follow_ups: setup.follow_ups,
            speak: setup.speak,
            questions,
            pos: 0,
            phase: Phase::Ready,
            log: vec![],
            finished: None,
            design: None,
        })
    }

    /// The interview ending with the design exercise [`design_for`] picks, when `setup` asks for
    /// one (unchanged otherwise).
    pub fn with_design(mut self, setup: &InterviewSetup, progress: &Progress, seed: u64) -> Self {
        if setup.design {
            self.design = design_for(setup, progress, seed).map(|d| d.id.to_string());
        }
        self
    }

    /// The round of the interview's design exercise done for it: the latest one recorded that
    /// started (its finish less the time it used) at or after the interview started.
    pub fn design_round<'a>(&self, progress: &'a Progress) -> Option<&'a DesignRecord> {
        let id = self.design.as_deref()?;
        progress
            .designs
            .iter()
            .filter(|r| r.design_id == id)
            .filter(|r| {
                let used = r
                    .stages
                    .iter()
                    .fold(0u64, |t, s| t.saturating_add(s.used_ms));
                r.at.saturating_sub(used) >= self.started
            })
            .max_by_key(|r| r.at)
    }

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

    /// The figures for the report screen.
    pub fn report(&self) -> Report {
        let mut report = Report {
            duration_ms: self
                .finished
                .unwrap_or(self.started)
                .saturating_sub(self.started),
            ..Report::default()
        };
        for asked in &self.questions {
            let row = ReportRow::of(asked);
            report.time_ms = report.time_ms.saturating_add(row.time_ms);
            report.covered += row.covered;
            report.key_points += row.key_points;
            if let Some(g) = row.grade {
                report.graded += 1;
                report.by_grade[Grade::ALL.iter().position(|&x| x == g).unwrap_or(0)] += 1;
            }
            if let Some((_, grade)) = row.follow_up {
                report.follow_ups += 1;
                report.follow_ups_graded += usize::from(grade.is_some());
                report.follow_ups_knew += usize::from(grade == Some(Grade::Knew));
            }
            report.rows.push(row);
        }
        report
    }

    /// The history entry for a finished interview; `None` when not finished or nothing was graded
    /// (an empty interview is discarded, not recorded as "0 of 0").
    pub fn record(&self) -> Option<InterviewRecord> {
        let finished = self.finished?;
        if self.questions.iter().all(|a| a.grade.is_none()) {
            return None;
        }
        Some(InterviewRecord {
            started: self.started,
            finished,
            seconds_per_answer: self.seconds_per_answer,
            design: self.design.clone(),
            questions: self
                .report()
                .rows
                .into_iter()
                .map(|row| InterviewAnswer {
                    id: row.id,
                    time_ms: row.time_ms,
                    covered: row.covered,
                    key_points: row.key_points,
                    grade: row.grade,
                    follow_up: row.follow_up,
                })
                .collect(),
        })
    }
}

/// The design exercise an interview set up as `setup` ends with: one at the setup's level when it
/// is a mix at a level (any level otherwise, or when none is at that level), preferring one never
/// practised, then the one due for review soonest (the most overdue), ties broken by `seed`.
/// `None` only when the bank has no design exercise.
pub fn design_for(
    setup: &InterviewSetup,
    progress: &Progress,
    seed: u64,
) -> Option<&'static Design> {
    let all = bank::designs();
    let mut pool: Vec<&'static Design> = match setup.source {
        Source::Mix { level: Some(l) } => all.iter().filter(|d| d.level == l).collect(),
        _ => vec![],
    };
    if pool.is_empty() {
        pool = all.iter().collect();
    }
    Rng::new(seed).shuffle(&mut pool);
    // Never practised (no review) first, then by due time; the shuffle orders the ties.
    pool.into_iter()
        .min_by_key(|d| schedule::design_review(progress, d.id).map(|r| r.due))
}

/// The mix: round-robin across the topics, from a topic the generator picks.
fn mix(level: Option<Level>, count: usize, rng: &mut Rng) -> Vec<&'static Question> {
    let topics = bank::topics();
    let mut per_topic: Vec<Vec<&'static Question>> = topics
        .iter()
        .map(|t| {
            let mut list: Vec<&'static Question> = bank::questions()
                .iter()
                .filter(|q| q.topics.contains(&t.id) && level.is_none_or(|l| q.level == l))
                .collect();
            rng.shuffle(&mut list);
            // Taken from the end, so reversed to take them in shuffled order.
            list.reverse();
            list
        })
        .collect();
    // Below the length (0 when there are no topics), as rotating needs.
    let first = rng.below(per_topic.len());
    per_topic.rotate_left(first);
    let mut picked: Vec<&'static Question> = Vec::new();
    while picked.len() < count {
        let mut took = false;
        for list in &mut per_topic {
            if picked.len() == count {
                break;
            }
            // A question on several topics is taken once, under the first topic that reaches it.
            while let Some(q) = list.pop() {
                if !picked.iter().any(|p| p.id == q.id) {
                    picked.push(q);
                    took = true;
                    break;
                }
            }
        }
        if !took {
            break;
        }
    }
    picked
}

/// One question's line in the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRow {
    /// Question id.
    pub id: String,
    /// Time spent on the main answer, in ms.
    pub time_ms: u64,
    /// Key points ticked as covered.
    pub covered: usize,
    /// Key points the question has (0 if it left the bank).
    pub key_points: usize,
    /// The main answer's grade (`None`: not graded).
    pub grade: Option<Grade>,
    /// The follow-up asked (its index) and its grade, if one was asked.
    pub follow_up: Option<(usize, Option<Grade>)>,
    /// Time spent on the follow-up, in ms (0 if none was asked).
    pub follow_up_ms: u64,
}

impl ReportRow {
    fn of(asked: &Asked) -> ReportRow {
        ReportRow {
            id: asked.id.clone(),
            time_ms: asked.time_ms,
            covered: asked.ticked.len(),
            key_points: bank::question(&asked.id).map_or(0, |q| q.key_points),
            grade: asked.grade,
            follow_up: asked.follow_up.as_ref().map(|f| (f.index, f.grade)),
            follow_up_ms: asked.follow_up.as_ref().map_or(0, |f| f.time_ms),
        }
    }
}

/// An interview's result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// One row per question asked, in order.
    pub rows: Vec<ReportRow>,
    /// Main answers graded.
    pub graded: usize,
    /// Main answers per grade, in [`Grade::ALL`] order (didn't know, partly, knew).
    pub by_grade: [usize; 3],
    /// Key points covered, over all questions.
    pub covered: usize,
    /// Key points, over all questions.
    pub key_points: usize,
    /// Follow-ups asked.
    pub follow_ups: usize,
    /// Follow-ups graded.
    pub follow_ups_graded: usize,
    /// Follow-ups graded "knew it".
    pub follow_ups_knew: usize,
    /// Time spent on main answers, in ms.
    pub time_ms: u64,
    /// From start to finish, in ms.
    pub duration_ms: u64,
}

impl Report {
    /// Main answers graded "knew it".
    pub fn knew(&self) -> usize {
        self.by_grade[2]
    }
}

/// What to announce to a screen reader when the time left on an answer allowed `limit_ms` goes
/// from `before_ms` to `after_ms` (both in ms, counting down): at half time, at 30 seconds, at 10
/// seconds, and when time is up; otherwise `None`, so the timer is not read out every second.
/// When a step crosses several moments (a tab that slept), only the latest is said. A moment at or
/// beyond the limit is never crossed (half of 60 s is 30 s, said once).
pub fn announcement(limit_ms: u64, before_ms: u64, after_ms: u64) -> Option<String> {
    if after_ms >= before_ms {
        return None;
    }
    if after_ms == 0 {
        return Some("Time is up".to_string());
    }
    // Smallest first, so that the latest moment crossed is the one found.
    let mut moments = [10_000, 30_000, limit_ms / 2];
    moments.sort_unstable();
    moments
        .into_iter()
        .find(|&t| t < limit_ms && after_ms <= t && t < before_ms)
        .map(|t| format!("{} left", spoken(t)))
}

/// "1:05" for 65 seconds, as a clock on screen shows it (rounded up, so 0:00 is shown only when
/// the time is up).
pub fn clock_text(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    format!("{}:{:02}", s / 60, s % 60)
}

/// A time in plain words: "1 minute 30 seconds", "2 minutes", "10 seconds" (whole seconds).
pub fn spoken(ms: u64) -> String {
    let s = ms / 1000;
    let (min, sec) = (s / 60, s % 60);
    let minutes = crate::numbers::counted(min as usize, "minute", "minutes");
    let seconds = crate::numbers::counted(sec as usize, "second", "seconds");
    match (min, sec) {
        (0, _) => seconds,
        (_, 0) => minutes,
        _ => format!("{minutes} {seconds}"),
    }
}

/// `Option<Level>` stored as the level's id (`null`: any level).
mod level_id {
    use crate::bank::Level;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(level: &Option<Level>, s: S) -> Result<S::Ok, S::Error> {
        level.map(Level::id).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Level>, D::Error> {
        // An id this build does not know (a later level) reads as any level, not as an error.
        let id = Option::<String>::deserialize(d)?;
        Ok(id.as_deref().and_then(Level::from_id))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
