//! The interview-date plan: "my interview is on <date>" becomes today's work (new questions and
//! reviews, and, when the plan includes them, design rounds), a pace (on track, behind, ahead) and
//! a forecast to the date.
//!
//! Pure: no clock, no storage. Today (a [`Day`] in the user's calendar), the progress, its
//! [`Schedule`] and the bank's questions and design exercises come in as parameters, and answers'
//! and rounds' instants become days through the [`Calendar`] given.
//!
//! # The rules
//!
//! - **Scope.** A plan covers the questions matching any of its levels and any of its topics (no
//!   level, or no topic, means all of them): the rule of the list's filters.
//! - **Unseen.** A question in scope with no answer recorded. Opening a question does not count;
//!   answering it (a graded flashcard or a multiple-choice check) does. A question is *learned on*
//!   the local day of its first answer.
//! - **Study days.** From today to two days before the interview, inclusive. The last two days,
//!   the eve and the day itself, are for reviews only.
//! - **Today's quota.** ceil(U / S) new questions, U being what was unseen at the start of today
//!   (unseen now, plus the questions learned today) and S the study days left. Questions learned
//!   today count towards it, so finishing today's list leaves nothing new for today (the home page
//!   says done) and working ahead does not hand out tomorrow's questions early.
//! - **Missed days are spread, not piled up.** The quota is worked out afresh each day from what is
//!   left, so after a gap the rest is spread evenly over the days that remain: no day is ever asked
//!   more than ceil(U / S).
//! - **Order.** Unseen questions come easiest first (beginner, intermediate, advanced), in bank
//!   order within a level (the bank is ordered by topic). Foundations are learned before what
//!   builds on them, and if time runs out, what is left unseen is the rarer, harder material. The
//!   order is stable, so today's list does not change from one render to the next.
//! - **Reviews.** Everything the schedule has due by the end of today, in scope or not, most
//!   overdue first (ids the bank no longer has left out): forgetting anything hurts in an
//!   interview, and the schedule is one for every question. A question learned today is never due
//!   today (FSRS's shortest interval is a day).
//! - **Pace.** Against the ideal even pace from the day the plan was set: its T questions (those
//!   unseen when it was set, and any the bank gained since) spread over its D study days, the
//!   T mod D extra ones first, so k·⌊T/D⌋ + min(k, T mod D) should be learned after k days. That
//!   is exactly what following the daily quota from the first day gives. Behind by N when fewer than that are learned at the start of today;
//!   ahead by N when more are learned than should be by the end of today; on track in between.
//!   Once the study days are over, whatever is still unseen is behind; a plan set with no study day
//!   (the interview today or tomorrow) expects nothing new.
//! - **Design rounds** (only in a plan that includes them; a plan without them has none, whatever
//!   the progress). The design exercises in scope (the same level and topic rule) with no finished
//!   round are spread like unseen questions: today's design quota is ceil(U / S), U being those
//!   with no round at the start of today (an exercise is *practised on* the local day of its first
//!   finished round, so one first practised today counts towards the quota) and S the same study
//!   days; worked out afresh each day, so a gap is spread, not piled up; easiest first, in bank
//!   order within a level; none on the two review days. Plus every exercise the design schedule
//!   (`schedule::design_review`) has due by the end of today, in scope or not, most overdue first.
//!   Today is done when its questions, reviews and design rounds all are.
//! - **The pace and the forecast count questions only.** A design round takes 35 to 60 minutes
//!   and a plan holds a handful of them: added to the questions, they would make "behind by 3
//!   questions" mean nothing. The dashboard lists today's design rounds instead.

use crate::bank::designs::Design;
use crate::bank::{Level, Question};
use crate::progress::Progress;
use crate::schedule::{design_review, Schedule};
use crate::stats::{due_forecast, Calendar, Day};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The furthest ahead an interview may be: two years (731 days). A later date is far more likely
/// a typo in the year than a plan, and it keeps the forecast short.
pub const MAX_DAYS_AHEAD: i64 = 731;

/// Review-only days at the end of a plan: the eve of the interview and the day itself.
pub const REVIEW_DAYS: i64 = 2;

/// What the user asked for: the interview's date and the questions to cover by then. Stored with
/// progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSettings {
    /// The day of the interview, in the user's calendar.
    pub interview_day: Day,
    /// Levels to cover (any of them); empty covers all. Stored as level ids ("beginner"); an id
    /// this version does not know is dropped on reading.
    #[serde(default, with = "level_ids")]
    pub levels: Vec<Level>,
    /// Topic ids to cover (any of them); empty covers all.
    #[serde(default)]
    pub topics: Vec<String>,
    /// The day the plan was set (the start of its ideal pace).
    pub created_day: Day,
    /// Whether the plan includes design rounds. Stored only when on, so a plan without them is
    /// stored as before, and one stored before this existed reads as off.
    #[serde(default, skip_serializing_if = "is_off")]
    pub designs: bool,
}

fn is_off(on: &bool) -> bool {
    !*on
}

impl PlanSettings {
    /// A plan for `interview_day` set on `created_day`, its levels and topics sorted and free of
    /// repeats (so equal plans compare equal).
    pub fn new(
        interview_day: Day,
        mut levels: Vec<Level>,
        mut topics: Vec<String>,
        created_day: Day,
    ) -> PlanSettings {
        crate::order::sort_dedup(&mut levels);
        crate::order::sort_dedup(&mut topics);
        PlanSettings {
            interview_day,
            levels,
            topics,
            created_day,
            designs: false,
        }
    }

    /// The same plan, including design rounds or not.
    pub fn with_designs(self, designs: bool) -> PlanSettings {
        PlanSettings { designs, ..self }
    }

    /// Whether `q` is in the plan's scope.
    pub fn in_scope(&self, q: &Question) -> bool {
        self.covers(q.level, q.topics)
    }

    /// Whether design exercise `d` is in the plan's scope (the rule of [`PlanSettings::in_scope`]).
    pub fn design_in_scope(&self, d: &Design) -> bool {
        self.covers(d.level, d.topics)
    }

    fn covers(&self, level: Level, topics: &[&str]) -> bool {
        (self.levels.is_empty() || self.levels.contains(&level))
            && (self.topics.is_empty() || topics.iter().any(|t| self.topics.iter().any(|f| f == t)))
    }

    /// The last day new questions are planned: two days before the interview.
    pub fn last_study_day(&self) -> Day {
        self.interview_day.saturating_sub(REVIEW_DAYS)
    }
}

/// Level ids in storage, so the stored form does not depend on the enum's Rust names.
mod level_ids {
    use crate::bank::Level;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(levels: &[Level], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(levels.iter().map(|l| l.id()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Level>, D::Error> {
        let ids = Vec::<String>::deserialize(d)?;
        Ok(ids.iter().filter_map(|id| Level::from_id(id)).collect())
    }
}

/// Why there is no plan, or why today's has no new questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanProblem {
    /// The interview day is before today. No plan.
    Passed,
    /// The interview is more than [`MAX_DAYS_AHEAD`] days away. No plan.
    TooFar,
    /// No question matches the plan's levels and topics. No plan.
    EmptyScope,
    /// Every question in scope has been answered: reviews only.
    AllSeen,
    /// The interview is today (0) or tomorrow (1): no study day is left before the review days,
    /// so reviews only.
    ReviewOnly {
        /// Days until the interview: 0 or 1.
        days_left: i64,
    },
}

impl PlanProblem {
    /// Whether there is no plan at all (rather than a plan with no new questions today).
    pub fn blocks_plan(self) -> bool {
        matches!(
            self,
            PlanProblem::Passed | PlanProblem::TooFar | PlanProblem::EmptyScope
        )
    }

    /// What to tell the user.
    pub fn message(self) -> &'static str {
        match self {
            PlanProblem::Passed => {
                "Your interview date has passed. Set the date of your next interview to plan again."
            }
            PlanProblem::TooFar => {
                "That date is more than two years away. Pick a date within the next two years."
            }
            PlanProblem::EmptyScope => {
                "No question matches these levels and topics. Choose other levels or topics."
            }
            PlanProblem::AllSeen => {
                "You have seen every question in this scope; keep up the reviews."
            }
            PlanProblem::ReviewOnly { days_left: 0 } => {
                "Your interview is today: no new questions, just a last look at your reviews. Good luck!"
            }
            PlanProblem::ReviewOnly { .. } => {
                "Your interview is tomorrow: the last two days are for review only, so no new questions are planned. Keep up the reviews."
            }
        }
    }
}

impl fmt::Display for PlanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for PlanProblem {}

/// Where the user stands against the plan's ideal even pace (see the module's rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pace {
    /// Within today's share of the ideal pace.
    OnTrack,
    /// This many questions the plan expected learned by the start of today are still unseen.
    Behind(usize),
    /// This many more questions are learned than the plan expects by the end of today.
    Ahead(usize),
}

/// Today's plan, for the home page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    /// Questions to learn today, in plan order (today's quota less those learned today).
    pub new: Vec<&'static str>,
    /// Questions due for review by the end of today, most overdue first.
    pub reviews: Vec<&'static str>,
    /// Design exercises to practise today, in plan order (today's design quota less those first
    /// practised today). Empty in a plan without design rounds.
    pub new_designs: Vec<&'static str>,
    /// Design exercises due for another round by the end of today, most overdue first. Empty in a
    /// plan without design rounds.
    pub due_designs: Vec<&'static str>,
    /// Questions in scope learned today (they count towards the quota).
    pub learned_today: usize,
    /// Today's quota of new questions, those learned today included.
    pub quota: usize,
    /// Design exercises in scope first practised today (they count towards the design quota).
    pub designs_practised_today: usize,
    /// Today's quota of design exercises, those first practised today included.
    pub design_quota: usize,
    /// Days until the interview: 0 on the day.
    pub days_left: i64,
    /// Study days left, today included (0 on the two review days).
    pub study_days_left: i64,
    /// Questions in scope still unseen.
    pub unseen_left: usize,
    /// Against the ideal pace.
    pub pace: Pace,
    /// Why there are no new questions today, when that is so ([`PlanProblem::AllSeen`] or
    /// [`PlanProblem::ReviewOnly`]).
    pub notice: Option<PlanProblem>,
}

impl Today {
    /// Whether nothing is left to do today: no question and no design round.
    pub fn is_done(&self) -> bool {
        self.new.is_empty() && self.reviews.is_empty() && self.design_rounds() == 0
    }

    /// Today's design rounds: the new exercises, then those due again.
    pub fn design_ids(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.new_designs.iter().chain(&self.due_designs).copied()
    }

    /// How many design rounds are left today.
    pub fn design_rounds(&self) -> usize {
        self.new_designs.len() + self.due_designs.len()
    }
}

/// One day of the forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForecastDay {
    /// The day.
    pub day: Day,
    /// New questions planned that day (today: those still to learn).
    pub new: usize,
    /// Reviews the schedule has due that day (today: everything due by its end, overdue included).
    /// Reviews of questions not yet learned are not foreseen.
    pub reviews: usize,
    /// One of the two review-only days before the interview.
    pub review_only: bool,
}

/// What the plan rests on today.
struct Standing {
    /// Unseen questions in scope, in plan order.
    unseen: Vec<&'static str>,
    /// Questions in scope learned today.
    learned_today: usize,
    /// Questions in scope learned on or after the day the plan was set (today's included).
    learned_since_set: usize,
    /// Days until the interview (0 to [`MAX_DAYS_AHEAD`]).
    days_left: i64,
}

impl Standing {
    fn new(
        settings: &PlanSettings,
        today: Day,
        progress: &Progress,
        questions: &[Question],
        cal: &impl Calendar,
    ) -> Result<Standing, PlanProblem> {
        if settings.interview_day < today {
            return Err(PlanProblem::Passed);
        }
        let days_left = settings
            .interview_day
            .checked_sub(today)
            .filter(|&d| d <= MAX_DAYS_AHEAD)
            .ok_or(PlanProblem::TooFar)?;
        let mut unseen: Vec<(Level, &'static str)> = Vec::new();
        let (mut learned_today, mut learned_since_set, mut in_scope) = (0, 0, 0);
        for q in questions.iter().filter(|q| settings.in_scope(q)) {
            in_scope += 1;
            let first = progress
                .attempts
                .get(q.id)
                .and_then(|list| crate::progress::standing(list).map(|a| a.at).min());
            match first.map(|at| cal.day_of(at)) {
                None => unseen.push((q.level, q.id)),
                Some(day) => {
                    learned_today += usize::from(day == today);
                    learned_since_set += usize::from(day >= settings.created_day);
                }
            }
        }
        if in_scope == 0 {
            return Err(PlanProblem::EmptyScope);
        }
        // Stable: bank order within a level.
        crate::order::sort_by_key(&mut unseen, |&(level, _)| level);
        Ok(Standing {
            unseen: unseen.into_iter().map(|(_, id)| id).collect(),
            learned_today,
            learned_since_set,
            days_left,
        })
    }

    /// Study days left, today included.
    fn study_days_left(&self) -> i64 {
        (self.days_left - REVIEW_DAYS + 1).max(0)
    }

    /// Today's quota, those learned today included.
    fn quota(&self) -> usize {
        share(
            self.unseen.len() + self.learned_today,
            self.study_days_left(),
        )
    }

    /// How many new questions are still to learn today.
    fn new_today(&self) -> usize {
        self.quota()
            .saturating_sub(self.learned_today)
            .min(self.unseen.len())
    }

    fn pace(&self, settings: &PlanSettings, today: Day) -> Pace {
        let done = self.learned_since_set;
        let total = self.unseen.len() + done;
        let study_days =
            i128::from(settings.last_study_day()) - i128::from(settings.created_day) + 1;
        // k·⌊T/D⌋ + min(k, T mod D) after k study days. A plan set on a review day never had a
        // study day, so it never expected a new question.
        let expected = |k: i128| -> usize {
            if study_days <= 0 {
                return 0;
            }
            // `k <= study_days`, so `k · ⌊T/D⌋ <= T`: nothing can overflow.
            let k = k.clamp(0, study_days) as u128;
            let (t, d) = (total as u128, study_days as u128);
            usize::try_from(k * (t / d) + k.min(t % d)).unwrap_or(total)
        };
        let elapsed = i128::from(today) - i128::from(settings.created_day);
        let (by_start, by_end) = (expected(elapsed), expected(elapsed + 1));
        if done < by_start {
            Pace::Behind(by_start - done)
        } else if done > by_end {
            Pace::Ahead(done - by_end)
        } else {
            Pace::OnTrack
        }
    }
}

/// Today's design rounds (see the module's rules).
#[derive(Default)]
struct DesignRounds {
    new: Vec<&'static str>,
    due: Vec<&'static str>,
    practised_today: usize,
    quota: usize,
}

impl DesignRounds {
    /// `end_of_today` is the last instant of `today`, `study_days` those left, today included.
    fn new(
        today: Day,
        end_of_today: u64,
        study_days: i64,
        progress: &Progress,
        designs: &[Design],
        in_scope: impl Fn(&Design) -> bool,
        cal: &impl Calendar,
    ) -> DesignRounds {
        let mut unpractised: Vec<(Level, &'static str)> = Vec::new();
        let mut practised_today = 0;
        for d in designs.iter().filter(|d| in_scope(d)) {
            let first = progress.design_rounds(d.id).map(|r| r.at).min();
            match first.map(|at| cal.day_of(at)) {
                None => unpractised.push((d.level, d.id)),
                Some(day) => practised_today += usize::from(day == today),
            }
        }
        // Stable: bank order within a level.
        crate::order::sort_by_key(&mut unpractised, |&(level, _)| level);
        let quota = share(unpractised.len() + practised_today, study_days);
        let left = quota.saturating_sub(practised_today).min(unpractised.len());
        let mut due: Vec<(u64, &'static str)> = designs
            .iter()
            .filter_map(|d| Some((design_review(progress, d.id)?.due, d.id)))
            .filter(|&(at, _)| at <= end_of_today)
            .collect();
        crate::order::sort_by_key(&mut due, |&entry| entry);
        DesignRounds {
            new: unpractised[..left].iter().map(|&(_, id)| id).collect(),
            due: due.into_iter().map(|(_, id)| id).collect(),
            practised_today,
            quota,
        }
    }
}

/// ceil(`remaining` / `days`): one day's share when `remaining` is spread over `days`; 0 when no
/// day is left.
fn share(remaining: usize, days: i64) -> usize {
    match usize::try_from(days) {
        Ok(days) if days > 0 => remaining.div_ceil(days),
        _ => 0,
    }
}

/// The bank's ids, for keeping the schedule's to those the bank has (in their `'static` form).
fn bank_ids(questions: &[Question]) -> BTreeSet<&'static str> {
    questions.iter().map(|q| q.id).collect()
}

/// Today's plan: the new questions to learn and the reviews due, with the pace, and the design
/// rounds when the plan includes them.
///
/// `today` is the day in the user's calendar `cal`; `schedule` is `progress`'s; `questions` and
/// `designs` the bank's. Errors when there is no plan at all ([`PlanProblem::blocks_plan`]); a
/// plan with no new questions today says why in [`Today::notice`].
pub fn today(
    settings: &PlanSettings,
    today: Day,
    progress: &Progress,
    schedule: &Schedule,
    questions: &[Question],
    designs: &[Design],
    cal: &impl Calendar,
) -> Result<Today, PlanProblem> {
    let standing = Standing::new(settings, today, progress, questions, cal)?;
    let ids = bank_ids(questions);
    let end_of_today = cal.start_of(today.saturating_add(1)).saturating_sub(1);
    let reviews = schedule
        .due_ids(end_of_today, |id| ids.contains(id))
        .into_iter()
        .filter_map(|id| ids.get(id).copied())
        .collect();
    let notice = if standing.unseen.is_empty() {
        Some(PlanProblem::AllSeen)
    } else if standing.study_days_left() == 0 {
        Some(PlanProblem::ReviewOnly {
            days_left: standing.days_left,
        })
    } else {
        None
    };
    let rounds = if settings.designs {
        DesignRounds::new(
            today,
            end_of_today,
            standing.study_days_left(),
            progress,
            designs,
            |d| settings.design_in_scope(d),
            cal,
        )
    } else {
        DesignRounds::default()
    };
    Ok(Today {
        new: standing.unseen[..standing.new_today()].to_vec(),
        reviews,
        new_designs: rounds.new,
        due_designs: rounds.due,
        learned_today: standing.learned_today,
        quota: standing.quota(),
        designs_practised_today: rounds.practised_today,
        design_quota: rounds.quota,
        days_left: standing.days_left,
        study_days_left: standing.study_days_left(),
        unseen_left: standing.unseen.len(),
        pace: standing.pace(settings, today),
        notice,
    })
}

/// The forecast from today to the interview day, inclusive: per day, the new questions planned
/// (today's still to learn, then the daily rule applied to what is left, as if each day's list is
/// done) and the reviews the schedule has due. Over the forecast, the new questions add up to the
/// unseen ones whenever a study day is left. Same parameters and errors as [`today`].
pub fn forecast(
    settings: &PlanSettings,
    today: Day,
    progress: &Progress,
    schedule: &Schedule,
    questions: &[Question],
    cal: &impl Calendar,
) -> Result<Vec<ForecastDay>, PlanProblem> {
    let standing = Standing::new(settings, today, progress, questions, cal)?;
    let ids = bank_ids(questions);
    let len = usize::try_from(standing.days_left).unwrap_or(0) + 1;
    let due = due_forecast(schedule.due_times(|id| ids.contains(id)), cal, today, len);
    let study_days = standing.study_days_left();
    let first = standing.new_today();
    let mut left = standing.unseen.len() - first;
    Ok(due
        .into_iter()
        .zip(0i64..)
        .map(|(reviews, i)| {
            let new = if i == 0 {
                first
            } else {
                let n = share(left, study_days - i);
                left -= n;
                n
            };
            ForecastDay {
                day: today + i,
                new,
                reviews: reviews as usize,
                review_only: i >= study_days,
            }
        })
        .collect())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
