//! Setting an interview up: the choices offered ([`InterviewSetup`]), dealing its questions (a mix
//! across the topics, or the list's), and the design exercise it may end with ([`design_for`]).

use super::{Asked, Interview, Phase};
use crate::bank::{self, designs::Design, Level, Question};
use crate::order::Rng;
use crate::progress::Progress;
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
