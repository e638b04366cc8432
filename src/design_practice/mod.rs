//! A timed system-design practice round on one exercise, as data: its six stages, the lengths
//! offered, one [`Event`] enum and one [`Round::apply`]. Pure: the clock is passed in; reading the
//! exercise, saving the round, running the countdown and recording the result into progress are
//! the caller's job.
//!
//! ```text
//! Ready ──Start──▶ Running ◀──Pause/Resume──▶ Paused
//!                    │  NextStage / PrevStage move between the six stages (the clock follows);
//!                    │  NextStage on the wrap-up, or EndRound, stops the clock
//!                    ▼
//!                  Review ──Finish──▶ Done (recorded)
//!   (Tick, Grade, Overall)
//! Abandon, from anything not over ──▶ Abandoned (not recorded)
//! ```
//!
//! The clock never moves the stage on by itself. The mock interview ends an answer on the UI's
//! `TimeUp` event because its time is a hard limit; here a stage's plan is a guide, and the time
//! past it is overtime the report shows, so the countdown reaching 0 only announces it (see
//! [`announcement`]) and the user moves on with `NextStage`. Events that make no sense where they
//! arrive are ignored, so no sequence of events can panic.

use crate::progress::{DesignRecord, DesignStage, Grade, MAX_DRAFT_CHARS};
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// One stage of a design round, in the order an interviewer expects them (the ids are the
    /// rubric keys of `docs/design-exercises.md`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Stage {
        /// Ask what is in scope, who the users are, how big it is.
        Clarify => "clarify", "Clarify";
        /// Back-of-the-envelope numbers.
        Estimate => "estimate", "Estimate";
        /// The API and the data model.
        Api => "api", "API and data model";
        /// The high-level design.
        Design => "design", "High-level design";
        /// One or two parts in depth.
        DeepDive => "deep_dive", "Deep dive";
        /// Bottlenecks, failure modes, what comes next.
        WrapUp => "wrap_up", "Wrap-up";
    }
}

/// How many stages a round has.
pub const STAGES: usize = Stage::ALL.len();

impl Stage {
    /// Its place in [`Stage::ALL`] (0–5).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stage after this one, if any.
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    /// The stage before this one, if any.
    pub fn prev(self) -> Option<Stage> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Stage::ALL.get(i).copied())
    }
}

crate::labelled_enum! {
    /// The round's planned length.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Length {
        /// 35 minutes: 4, 4, 8, 8, 9 and 2.
        #[serde(rename = "35")]
        Short => "35", "35 minutes";
        /// 45 minutes, the usual interview slot: 5, 5, 10, 10, 12 and 3.
        #[default]
        #[serde(rename = "45")]
        Standard => "45", "45 minutes";
        /// 60 minutes: 7, 7, 13, 13, 16 and 4.
        #[serde(rename = "60")]
        Long => "60", "60 minutes";
    }
}

impl Length {
    /// Minutes planned per stage, in [`Stage::ALL`] order. The 45-minute plan is the issue's;
    /// the others scale it by 35/45 and 60/45, rounded so that each still sums to its length
    /// exactly (the rounding is taken from the wrap-up of the short round, and given to the two
    /// design stages of the long one, where extra time helps most).
    fn minutes(self) -> [u64; STAGES] {
        match self {
            Length::Short => [4, 4, 8, 8, 9, 2],
            Length::Standard => [5, 5, 10, 10, 12, 3],
            Length::Long => [7, 7, 13, 13, 16, 4],
        }
    }

    /// The whole round, in minutes.
    pub fn total_minutes(self) -> u32 {
        match self {
            Length::Short => 35,
            Length::Standard => 45,
            Length::Long => 60,
        }
    }

    /// The time planned for `stage`, in ms.
    pub fn planned(self, stage: Stage) -> u64 {
        self.minutes()[stage.index()] * 60_000
    }
}

/// Most rubric points a stage can hold in a round (the exercises have 4–8; a bound keeps a stored
/// or hand-edited round small).
pub const MAX_RUBRIC_POINTS: usize = 32;

/// Where the round stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// Set up; the clock has not started.
    #[default]
    Ready,
    /// The current stage's clock runs, since `since` (ms).
    Running {
        /// When the clock last started (the stage began or the round resumed).
        since: u64,
    },
    /// The clock is stopped; notes can still be typed.
    Paused,
    /// The timed part is over: tick the rubric, grade each stage and the round.
    Review,
    /// Finished and graded: what [`Round::record`] records.
    Done,
    /// Given up: nothing is recorded.
    Abandoned,
}

/// What the user did in one stage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageWork {
    /// Time spent in the stage so far, in ms, not counting a clock running now (see
    /// [`Round::used_ms`]).
    pub used_ms: u64,
    /// The notes box (at most [`MAX_DRAFT_CHARS`] characters).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// One per rubric point of the stage: ticked as covered.
    pub ticks: Vec<bool>,
    /// The grade given in review (`None`: not given; the ticks suggest one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
}

/// Everything that can happen during a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Start the clock on the first stage.
    Start,
    /// Stop the clock for a while.
    Pause,
    /// Start it again.
    Resume,
    /// The notes of a stage (any stage, while running or paused); longer text is cut to
    /// [`MAX_DRAFT_CHARS`] characters.
    Note(Stage, String),
    /// Show the interviewer's next clarifying answer (while running, in the clarify stage).
    RevealClarify,
    /// Move on to the next stage; on the wrap-up, end the timed part.
    NextStage,
    /// Go back to the previous stage (its clock goes on from what it had used).
    PrevStage,
    /// End the timed part now, whatever stage it is in.
    EndRound,
    /// In review: tick (`true`) or untick rubric point `n` of a stage.
    Tick(Stage, usize, bool),
    /// In review: grade a stage (grading again replaces it).
    Grade(Stage, Grade),
    /// In review: grade the whole round (otherwise the stages suggest one).
    Overall(Grade),
    /// Close the review: the round is done and can be recorded.
    Finish,
    /// Give the round up, unrecorded.
    Abandon,
}

/// A design practice round in progress (or just over). Serializable, so it survives a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    /// The design exercise's id.
    pub design_id: String,
    /// The planned length.
    pub length: Length,
    /// When the round was set up (also its identity), in ms.
    pub created: u64,
    /// When the clock first started (`None`: not yet).
    pub started_at: Option<u64>,
    /// When it was finished or abandoned.
    pub finished_at: Option<u64>,
    /// The current stage.
    pub stage: Stage,
    /// Where the round stands.
    pub phase: Phase,
    /// What was done in each stage, in [`Stage::ALL`] order.
    pub stages: [StageWork; STAGES],
    /// How many clarifying answers the exercise has.
    pub clarify_count: usize,
    /// How many of them the user asked to see (in order).
    pub clarify_revealed: usize,
    /// The grade given to the whole round (`None`: the stages suggest one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<Grade>,
}

/// `text` cut to [`MAX_DRAFT_CHARS`] characters.
fn capped(text: String) -> String {
    if text.len() <= MAX_DRAFT_CHARS {
        return text;
    }
    text.chars().take(MAX_DRAFT_CHARS).collect()
}

impl Round {
    /// A round of exercise `design_id` set up at `now`: `rubric[i]` is how many rubric points stage
    /// `Stage::ALL[i]` has (at most [`MAX_RUBRIC_POINTS`] kept), `clarify_count` how many
    /// clarifying questions with answers it has.
    pub fn new(
        design_id: &str,
        length: Length,
        rubric: [usize; STAGES],
        clarify_count: usize,
        now: u64,
    ) -> Round {
        Round {
            design_id: design_id.to_string(),
            length,
            created: now,
            started_at: None,
            finished_at: None,
            stage: Stage::Clarify,
            phase: Phase::Ready,
            stages: rubric.map(|n| StageWork {
                ticks: vec![false; n.min(MAX_RUBRIC_POINTS)],
                ..StageWork::default()
            }),
            clarify_count,
            clarify_revealed: 0,
            overall: None,
        }
    }

    /// Whether the round is over (done or abandoned): it takes no more events.
    pub fn is_over(&self) -> bool {
        matches!(self.phase, Phase::Done | Phase::Abandoned)
    }

    /// The time spent in `stage` by `now`, in ms, counting the clock running now.
    pub fn used_ms(&self, stage: Stage, now: u64) -> u64 {
        let stored = self.stages[stage.index()].used_ms;
        match self.phase {
            Phase::Running { since } if stage == self.stage => {
                stored.saturating_add(now.saturating_sub(since))
            }
            _ => stored,
        }
    }

    /// The time left of the current stage's plan at `now`, in ms, while the clock runs or is
    /// paused (`None` otherwise); 0 once past it (see [`Round::overtime_ms`]).
    pub fn remaining_ms(&self, now: u64) -> Option<u64> {
        matches!(self.phase, Phase::Running { .. } | Phase::Paused).then(|| {
            self.length
                .planned(self.stage)
                .saturating_sub(self.used_ms(self.stage, now))
        })
    }

    /// How far past its plan the current stage is at `now`, in ms (0 within it).
    pub fn overtime_ms(&self, now: u64) -> u64 {
        self.used_ms(self.stage, now)
            .saturating_sub(self.length.planned(self.stage))
    }

    /// The clarifying answers shown so far: the first `clarify_revealed`, never more than there are.
    pub fn revealed(&self) -> usize {
        self.clarify_revealed.min(self.clarify_count)
    }

    /// Rubric points of `stage` ticked, and how many it has.
    pub fn ticked(&self, stage: Stage) -> (usize, usize) {
        let ticks = &self.stages[stage.index()].ticks;
        (ticks.iter().filter(|&&t| t).count(), ticks.len())
    }

    /// The grade the ticks of `stage` suggest ([`Grade::suggested`]).
    pub fn suggested(&self, stage: Stage) -> Grade {
        let (ticked, total) = self.ticked(stage);
        Grade::suggested(ticked, total)
    }

    /// The grade of `stage`: the one given, else the suggested one.
    pub fn stage_grade(&self, stage: Stage) -> Grade {
        self.stages[stage.index()]
            .grade
            .unwrap_or_else(|| self.suggested(stage))
    }

    /// The grade the stages suggest for the round: their grades' credit (1, ½, 0), averaged with
    /// each stage weighted by its planned minutes (a deep dive counts four times a wrap-up), read
    /// with the thresholds of [`Grade::suggested`] (¾ or more "knew it", a third or more
    /// "partly"). Credits are counted in halves so that the sums stay whole numbers.
    pub fn suggested_overall(&self) -> Grade {
        let minutes = self.length.minutes();
        let (mut halves, mut total) = (0u64, 0u64);
        for stage in Stage::ALL {
            let weight = minutes[stage.index()];
            let credit = match self.stage_grade(stage) {
                Grade::DidntKnow => 0,
                Grade::Partly => 1,
                Grade::Knew => 2,
            };
            halves += credit * weight;
            total += 2 * weight;
        }
        Grade::suggested(halves as usize, total as usize)
    }

    /// The round's grade: the one given, else the suggested one.
    pub fn overall_grade(&self) -> Grade {
        self.overall.unwrap_or_else(|| self.suggested_overall())
    }

    /// Makes a round read from storage fit together: notes within the bound, rubric lists within
    /// [`MAX_RUBRIC_POINTS`], no more clarifying answers shown than there are, a finish time when
    /// over. Returns whether anything had to change (a round this build makes always fits).
    pub fn repair(&mut self) -> bool {
        let before = self.clone();
        for work in &mut self.stages {
            if work.notes.len() > MAX_DRAFT_CHARS {
                work.notes = capped(std::mem::take(&mut work.notes));
            }
            work.ticks.truncate(MAX_RUBRIC_POINTS);
        }
        self.clarify_revealed = self.revealed();
        if self.is_over() && self.finished_at.is_none() {
            self.finished_at = Some(self.started_at.unwrap_or(self.created));
        }
        if self.phase == Phase::Ready && self.started_at.is_some() {
            self.phase = Phase::Paused;
        }
        *self != before
    }

    /// Applies one event at `now` (ms). Events that make no sense where the round stands are
    /// ignored.
    pub fn apply(mut self, event: Event, now: u64) -> Round {
        if self.is_over() {
            return self;
        }
        self.repair();
        match (self.phase, event) {
            (Phase::Ready, Event::Start) => {
                self.started_at = Some(now);
                self.stage = Stage::Clarify;
                self.phase = Phase::Running { since: now };
            }
            (Phase::Running { .. }, Event::Pause) => {
                self.stop(now);
                self.phase = Phase::Paused;
            }
            (Phase::Paused, Event::Resume) => self.phase = Phase::Running { since: now },
            (Phase::Running { .. } | Phase::Paused, Event::Note(stage, text)) => {
                self.stages[stage.index()].notes = capped(text);
            }
            (Phase::Running { .. }, Event::RevealClarify) if self.stage == Stage::Clarify => {
                self.clarify_revealed = (self.clarify_revealed + 1).min(self.clarify_count);
            }
            (Phase::Running { .. } | Phase::Paused, Event::NextStage) => {
                self.stop(now);
                match self.stage.next() {
                    Some(next) => self.stage = next,
                    None => self.phase = Phase::Review,
                }
            }
            (Phase::Running { .. } | Phase::Paused, Event::PrevStage) => {
                self.stop(now);
                self.stage = self.stage.prev().unwrap_or(self.stage);
            }
            (Phase::Running { .. } | Phase::Paused, Event::EndRound) => {
                self.stop(now);
                self.phase = Phase::Review;
            }
            (Phase::Review, Event::Tick(stage, n, on)) => {
                if let Some(t) = self.stages[stage.index()].ticks.get_mut(n) {
                    *t = on;
                }
            }
            (Phase::Review, Event::Grade(stage, grade)) => {
                self.stages[stage.index()].grade = Some(grade);
            }
            (Phase::Review, Event::Overall(grade)) => self.overall = Some(grade),
            (Phase::Review, Event::Finish) => {
                self.phase = Phase::Done;
                self.finished_at = Some(now);
            }
            (_, Event::Abandon) => {
                self.stop(now);
                self.phase = Phase::Abandoned;
                self.finished_at = Some(now);
            }
            (
                Phase::Ready | Phase::Running { .. } | Phase::Paused | Phase::Review,
                Event::Start
                | Event::Pause
                | Event::Resume
                | Event::Note(..)
                | Event::RevealClarify
                | Event::NextStage
                | Event::PrevStage
                | Event::EndRound
                | Event::Tick(..)
                | Event::Grade(..)
                | Event::Overall(_)
                | Event::Finish,
            )
            | (Phase::Done | Phase::Abandoned, _) => {}
        }
        self
    }

    /// Adds the time of a running clock to the current stage at `now`, and restarts it from `now`
    /// (so a stage change that follows starts the next stage's clock there; the caller sets any
    /// other phase).
    fn stop(&mut self, now: u64) {
        if let Phase::Running { since } = self.phase {
            let work = &mut self.stages[self.stage.index()];
            work.used_ms = work.used_ms.saturating_add(now.saturating_sub(since));
            self.phase = Phase::Running { since: now };
        }
    }

    /// The figures for the report at `now` (during the round they include the running clock).
    pub fn report(&self, now: u64) -> Report {
        let stages: Vec<StageReport> = Stage::ALL
            .into_iter()
            .map(|stage| {
                let (ticked, total) = self.ticked(stage);
                StageReport {
                    stage,
                    planned_ms: self.length.planned(stage),
                    used_ms: self.used_ms(stage, now),
                    ticked,
                    total,
                    suggested: self.suggested(stage),
                    grade: self.stages[stage.index()].grade,
                }
            })
            .collect();
        Report {
            planned_ms: stages.iter().map(|s| s.planned_ms).sum(),
            used_ms: stages
                .iter()
                .fold(0u64, |sum, s| sum.saturating_add(s.used_ms)),
            stages,
            suggested: self.suggested_overall(),
            grade: self.overall,
        }
    }

    /// The history entry of a done round; `None` until the review is closed ([`Event::Finish`]),
    /// and for an abandoned round.
    pub fn record(&self) -> Option<DesignRecord> {
        if self.phase != Phase::Done {
            return None;
        }
        let at = self.finished_at?;
        Some(DesignRecord {
            at,
            design_id: self.design_id.clone(),
            minutes: self.length.total_minutes(),
            stages: Stage::ALL
                .into_iter()
                .map(|stage| {
                    let (ticked, total) = self.ticked(stage);
                    DesignStage {
                        stage: stage.id().to_string(),
                        used_ms: self.stages[stage.index()].used_ms,
                        ticked,
                        total,
                        grade: self.stage_grade(stage),
                    }
                })
                .collect(),
            grade: self.overall_grade(),
        })
    }
}

/// One stage's line in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageReport {
    /// The stage.
    pub stage: Stage,
    /// Time planned, in ms.
    pub planned_ms: u64,
    /// Time used, in ms (more than planned: overtime).
    pub used_ms: u64,
    /// Rubric points ticked.
    pub ticked: usize,
    /// Rubric points in all.
    pub total: usize,
    /// The grade the ticks suggest.
    pub suggested: Grade,
    /// The grade given (`None`: not given).
    pub grade: Option<Grade>,
}

impl StageReport {
    /// Time past the plan, in ms (0 within it).
    pub fn overtime_ms(&self) -> u64 {
        self.used_ms.saturating_sub(self.planned_ms)
    }
}

/// A round's result, stage by stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// One row per stage, in order.
    pub stages: Vec<StageReport>,
    /// Time planned in all, in ms (the round's length).
    pub planned_ms: u64,
    /// Time used in all, in ms.
    pub used_ms: u64,
    /// The grade the stages suggest.
    pub suggested: Grade,
    /// The grade given to the round (`None`: not given).
    pub grade: Option<Grade>,
}

/// What a screen reader hears of the countdown of `stage` (planned `planned_ms`) when the time
/// left goes from `before_ms` to `after_ms`: the mock interview's rule
/// ([`crate::interview::announcement`]: at half time, 30 s, 10 s and 0; only the latest moment
/// crossed), with the stage named, since the round has six countdowns. At 0 it says that time
/// goes on as overtime, as it does here.
pub fn announcement(
    stage: Stage,
    planned_ms: u64,
    before_ms: u64,
    after_ms: u64,
) -> Option<String> {
    let said = crate::interview::announcement(planned_ms, before_ms, after_ms)?;
    Some(if after_ms == 0 {
        format!(
            "{}: planned time is up; the clock goes on as overtime",
            stage.label()
        )
    } else {
        format!("{}: {said}", stage.label())
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
