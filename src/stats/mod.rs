//! The figures of the progress dashboard: answers per day, study streaks, the activity heatmap, the
//! reviews-due forecast, recent quiz scores and mock interviews per day, plus (from the `calendar` submodule, re-exported
//! here) the local days and dates they rest on.
//!
//! Pure: no clock is read here. "Now" and "today" are parameters, and instants become local days
//! through a [`Calendar`] the caller supplies (the browser's real time zone, or [`FixedOffset`] in
//! tests), so every figure can be pinned by a host unit test.

mod calendar;

pub use calendar::{
    civil, day_from_civil, format_day, iso_date, month_abbr, parse_iso_date, weekday, weekday_abbr,
    Calendar, Day, FixedOffset,
};

use crate::progress::Progress;
use std::collections::BTreeMap;

/// The widest heatmap built (a century of weeks): a larger request would only exhaust memory.
const MAX_WEEKS: usize = 5_218;

/// The longest due forecast built (a century of days), for the same reason.
const MAX_FORECAST_DAYS: usize = 36_525;

/// Answers (attempts) per local day, over all questions (including ids the bank no longer has).
///
/// Days without answers are absent, never present with 0.
pub fn activity(progress: &Progress, cal: &impl Calendar) -> BTreeMap<Day, u32> {
    let mut per_day = BTreeMap::new();
    for attempt in progress
        .attempts
        .values()
        .flat_map(|a| crate::progress::standing(a))
    {
        let n: &mut u32 = per_day.entry(cal.day_of(attempt.at)).or_default();
        *n = n.saturating_add(1);
    }
    per_day
}

/// Streaks of study days (days with at least one answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    /// Consecutive study days ending today, or ending yesterday when nothing was studied yet today (the streak is still alive until today ends); 0 otherwise.
    pub current: u32,
    /// The longest run of consecutive study days ever (>= current).
    pub best: u32,
    /// Whether today already counts.
    pub studied_today: bool,
}

/// The study streaks in `activity` (answers per day, as from [`activity`]) as seen on `today`.
///
/// Days with a count of 0 are not study days. Days after `today` (a skewed clock on another device,
/// imported data) never extend `current`, which only counts back from today or yesterday; they do
/// count towards `best`, because they are real study days recorded somewhere and `best` is a
/// record of all of them. `best` is therefore always at least `current`.
pub fn streaks(activity: &BTreeMap<Day, u32>, today: Day) -> Streaks {
    let studied = |day: Day| activity.get(&day).is_some_and(|&n| n > 0);
    let studied_today = studied(today);
    let yesterday = today.checked_sub(1);

    let anchor = if studied_today {
        Some(today)
    } else {
        yesterday.filter(|&d| studied(d))
    };
    let mut current = 0u32;
    if let Some(anchor) = anchor {
        let mut expected = Some(anchor);
        for (&day, _) in activity.range(..=anchor).rev().filter(|(_, &n)| n > 0) {
            if Some(day) != expected {
                break;
            }
            current = current.saturating_add(1);
            expected = day.checked_sub(1);
        }
    }

    let mut best = 0u32;
    let mut run = 0u32;
    let mut previous: Option<Day> = None;
    for (&day, _) in activity.iter().filter(|(_, &n)| n > 0) {
        let continues = previous.and_then(|p| p.checked_add(1)) == Some(day);
        run = if continues { run.saturating_add(1) } else { 1 };
        best = best.max(run);
        previous = Some(day);
    }

    Streaks {
        current,
        best,
        studied_today,
    }
}

/// The activity heatmap: `weeks` columns of 7 days (Monday first), the last column holding today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heatmap {
    /// The Monday of the first column.
    pub first: Day,
    /// Number of columns.
    pub weeks: usize,
    /// Today (cells after it are in the future).
    pub today: Day,
    /// Answers per cell, index = week * 7 + weekday; future cells are 0.
    pub counts: Vec<u32>,
    /// Largest count shown (0 when empty).
    pub max: u32,
    /// Days with at least one answer in the window.
    pub active_days: usize,
    /// Answers in the window.
    pub total: u32,
}

impl Heatmap {
    /// The day in column `week`, row `weekday`.
    pub fn day(&self, week: usize, weekday: u32) -> Day {
        let week = Day::try_from(week).unwrap_or(Day::MAX);
        self.first
            .saturating_add(week.saturating_mul(7))
            .saturating_add(Day::from(weekday))
    }

    /// Whether `day` is after today.
    pub fn is_future(&self, day: Day) -> bool {
        day > self.today
    }

    /// Shade 0–4 for a count: 0 for none, otherwise 1–4 by quartile of `max` (a count of 1 when max is 1 is 4; any non-zero count is at least 1).
    ///
    /// Quartiles are closed above: with `max` 8, counts 1–2 are 1, 3–4 are 2, 5–6 are 3, 7–8 are 4.
    /// A count above `max` (not one from this heatmap) is 4.
    pub fn level(&self, count: u32) -> u8 {
        if count == 0 {
            return 0;
        }
        if count >= self.max {
            return 4;
        }
        // ceil(4 · count / max) in u64, so that 4 · count cannot overflow.
        let (count, max) = (u64::from(count), u64::from(self.max));
        let quartile = (4 * count).div_ceil(max).clamp(1, 4);
        u8::try_from(quartile).unwrap_or(4)
    }

    /// Month labels for column headers: (column index, "Nov") for every column whose Monday starts a new month compared to the previous column (always the first column).
    pub fn month_labels(&self) -> Vec<(usize, &'static str)> {
        let mut labels = Vec::new();
        let mut previous = None;
        for week in 0..self.weeks {
            let (y, m, _) = civil(self.day(week, 0));
            // The year is compared too, although consecutive Mondays cannot share a month but not
            // a year; it costs nothing and keeps the rule obviously right.
            if previous != Some((y, m)) {
                labels.push((week, month_abbr(m)));
            }
            previous = Some((y, m));
        }
        labels
    }
}

/// The heatmap of `activity` for the `weeks` weeks up to and including today's.
///
/// `weeks` is capped at a century (5 218) so that no request can exhaust memory; 0 gives an
/// empty heatmap whose `first` is this week's Monday. (For a `today` beyond chrono's range, "this
/// week" is counted from the [`weekday`] of the range's end, so `first` is still at most `today`.)
pub fn heatmap(activity: &BTreeMap<Day, u32>, today: Day, weeks: usize) -> Heatmap {
    let weeks = weeks.min(MAX_WEEKS);
    let monday = today.saturating_sub(Day::from(weekday(today)));
    // `weeks` is capped, so the span always fits in an i64.
    let back = Day::try_from(weeks.saturating_sub(1)).unwrap_or(0) * 7;
    let first = monday.saturating_sub(back);
    let mut map = Heatmap {
        first,
        weeks,
        today,
        counts: vec![0; weeks * 7],
        max: 0,
        active_days: 0,
        total: 0,
    };
    // Only up to today: cells after it stay 0 even when the data holds future days (clock skew).
    // `first <= monday <= today`, so the range is well-formed.
    for (&day, &n) in activity.range(first..=today) {
        let cell = usize::try_from(day - first)
            .ok()
            .and_then(|i| map.counts.get_mut(i));
        if let Some(cell) = cell {
            *cell = n;
        }
    }
    map.max = map.counts.iter().copied().max().unwrap_or(0);
    map.active_days = map.counts.iter().filter(|&&n| n > 0).count();
    map.total = map
        .counts
        .iter()
        .fold(0u32, |sum, &n| sum.saturating_add(n));
    map
}

/// Reviews due per local day for the next `days` days: index 0 is today and includes everything overdue; due dates beyond the window are not counted.
///
/// `days` is capped at a century (36 525) so that no request can exhaust memory.
pub fn due_forecast(
    due: impl IntoIterator<Item = u64>,
    cal: &impl Calendar,
    today: Day,
    days: usize,
) -> Vec<u32> {
    let mut per_day = vec![0u32; days.min(MAX_FORECAST_DAYS)];
    for at in due {
        // Overdue reviews are due now, so they pile onto today.
        let ahead = cal.day_of(at).saturating_sub(today).max(0);
        let slot = usize::try_from(ahead).ok().and_then(|i| per_day.get_mut(i));
        if let Some(n) = slot {
            *n = n.saturating_add(1);
        }
    }
    per_day
}

/// A finished quiz's score, for the "recent quizzes" table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizScore {
    /// When it finished (ms).
    pub finished: u64,
    /// The quiz mode id as stored ("flashcards", "choice", "mixed").
    pub mode: String,
    /// Questions asked.
    pub asked: usize,
    /// Answers given.
    pub answered: usize,
    /// Answers right / known.
    pub right: usize,
    /// right / answered as a whole percentage, rounded; 0 when nothing was answered.
    pub percent: u32,
}

/// The `n` most recent finished quizzes (by `finished`), newest first.
///
/// Quizzes finishing at the same instant keep their stored order reversed (the later-stored
/// first), so the table is stable from one render to the next.
pub fn recent_quizzes(progress: &Progress, n: usize) -> Vec<QuizScore> {
    // Stored by start time, which after a merge need not be the order they finished in.
    let mut quizzes: Vec<_> = progress.quizzes.iter().rev().collect();
    crate::order::sort_by_key(&mut quizzes, |q| std::cmp::Reverse(q.finished));
    quizzes
        .into_iter()
        .take(n)
        .map(|q| QuizScore {
            finished: q.finished,
            mode: q.mode.clone(),
            asked: q.asked.len(),
            answered: q.answered,
            right: q.right,
            percent: percent(q.right, q.answered),
        })
        .collect()
}

/// One local day's mock interviews, for the dashboard's chart of them.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewDay {
    /// The local day they finished on.
    pub day: Day,
    /// Interviews finished that day.
    pub interviews: usize,
    /// Main answers graded in them. These are also answers in [`activity`] (each graded interview
    /// answer is recorded as a flashcard answer too): a part of that figure, never to be added to it.
    pub answers: usize,
    /// The share of those answers graded "knew it", 0–1 (0 when none was graded).
    pub knew: f64,
}

/// Mock interviews per local day (by when they finished), oldest first; days without any are
/// absent.
pub fn interviews_over_time(progress: &Progress, cal: &impl Calendar) -> Vec<InterviewDay> {
    let mut per_day: BTreeMap<Day, (usize, usize, usize)> = BTreeMap::new();
    for record in &progress.interviews {
        let (interviews, answers, knew) = per_day.entry(cal.day_of(record.finished)).or_default();
        *interviews += 1;
        *answers += record.answered();
        *knew += record.knew();
    }
    per_day
        .into_iter()
        .map(|(day, (interviews, answers, knew))| InterviewDay {
            day,
            interviews,
            answers,
            knew: if answers == 0 {
                0.0
            } else {
                knew as f64 / answers as f64
            },
        })
        .collect()
}

/// One design exercise's standing, for the dashboard's design-round readiness.
#[derive(Debug, Clone, PartialEq)]
pub struct DesignStanding {
    /// The exercise's id.
    pub id: &'static str,
    /// Rounds finished on it.
    pub rounds: usize,
    /// The overall grade of the latest round (`None`: never practised).
    pub latest: Option<crate::progress::Grade>,
    /// When it is next due for another round (`None`: never practised).
    pub due: Option<u64>,
}

/// Design-round readiness over the exercises `ids` at `now` (ms): how many were practised, how
/// many were last graded "knew it", how many are due for another round, and each one's standing.
#[derive(Debug, Clone, PartialEq)]
pub struct DesignReadiness {
    /// Exercises in the bank.
    pub total: usize,
    /// Exercises with at least one finished round.
    pub practised: usize,
    /// Exercises whose latest round was graded "knew it".
    pub ready: usize,
    /// Practised exercises due for another round by `now`.
    pub due: usize,
    /// Every exercise of `ids`, in that order.
    pub standings: Vec<DesignStanding>,
}

/// The design-round readiness of `progress` over `ids` at `now` (see [`DesignReadiness`]). Rounds
/// of an exercise no longer in `ids` are not counted.
pub fn design_readiness(progress: &Progress, ids: &[&'static str], now: u64) -> DesignReadiness {
    let standings: Vec<DesignStanding> = ids
        .iter()
        .map(|&id| DesignStanding {
            id,
            rounds: progress.design_rounds(id).count(),
            latest: progress.design_latest(id),
            due: crate::schedule::design_review(progress, id).map(|r| r.due),
        })
        .collect();
    DesignReadiness {
        total: ids.len(),
        practised: standings.iter().filter(|s| s.rounds > 0).count(),
        ready: standings
            .iter()
            .filter(|s| s.latest == Some(crate::progress::Grade::Knew))
            .count(),
        due: standings
            .iter()
            .filter(|s| s.due.is_some_and(|d| d <= now))
            .count(),
        standings,
    }
}

/// A whole percentage 0–100 of `part` over `whole`, rounded half up; 0 when whole is 0; capped at 100.
pub fn percent(part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    // (200·part + whole) / (2·whole) is 100·part/whole rounded half up, in integers; u128 so that
    // no usize can overflow it.
    let (part, whole) = (part as u128, whole as u128);
    let rounded = (200 * part + whole) / (2 * whole);
    u32::try_from(rounded.min(100)).unwrap_or(100)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
