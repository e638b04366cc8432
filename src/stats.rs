//! The figures of the progress dashboard: answers per day, study streaks, the activity heatmap, the
//! reviews-due forecast and recent quiz scores, plus the calendar arithmetic they rest on.
//!
//! Pure: no clock is read here. "Now" and "today" are parameters, and instants become local days
//! through a [`Calendar`] the caller supplies (the browser's real time zone, or [`FixedOffset`] in
//! tests), so every figure can be pinned by a host unit test.

use crate::progress::Progress;
use std::collections::BTreeMap;

/// A local calendar day: days since 1970-01-01 in the user's calendar (may be negative).
pub type Day = i64;

/// Milliseconds in a day. Local days are always this long for [`FixedOffset`]; a DST-aware
/// calendar may have 23- or 25-hour days, which is why day arithmetic goes through [`Calendar`].
const DAY_MS: i128 = 86_400_000;

/// The furthest day (either side of the epoch) the date functions compute faithfully. It covers
/// every `u64` instant at any offset with room to spare, and keeps Hinnant's arithmetic far from
/// `i64` overflow, so no input can make it panic.
const DAY_LIMIT: i64 = 1 << 40;

/// The furthest year (either side of 0) [`day_from_civil`] takes; beyond `DAY_LIMIT` anyway.
const YEAR_LIMIT: i64 = 1 << 32;

/// The widest heatmap built (a century of weeks): a larger request would only exhaust memory.
const MAX_WEEKS: usize = 5_218;

/// The longest due forecast built (a century of days), for the same reason.
const MAX_FORECAST_DAYS: usize = 36_525;

/// Turns instants into the user's local calendar days. The browser implements it with the real
/// time zone (DST-aware, offset looked up per instant); tests use FixedOffset.
pub trait Calendar {
    /// The local day containing instant `ms` (ms since the epoch).
    fn day_of(&self, ms: u64) -> Day;
    /// The instant (ms since epoch) at which local day `day` begins (clamp to 0 if before the epoch).
    fn start_of(&self, day: Day) -> u64;
}

/// A calendar at a fixed offset from UTC (minutes east, e.g. +330 for India, -300 for New York winter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedOffset {
    /// Minutes to add to UTC to get local time (negative west of Greenwich).
    pub minutes_east: i32,
}

impl FixedOffset {
    /// UTC itself.
    pub const UTC: FixedOffset = FixedOffset { minutes_east: 0 };

    /// The offset in milliseconds; `i128` so that no offset and instant can overflow together.
    fn offset_ms(self) -> i128 {
        i128::from(self.minutes_east) * 60_000
    }
}

impl Calendar for FixedOffset {
    fn day_of(&self, ms: u64) -> Day {
        // Floor division: an instant before local midnight belongs to the previous day, even
        // before the epoch (where truncating division would round towards day 0).
        let local = i128::from(ms) + self.offset_ms();
        // Any u64 instant at any i32 offset is within ±2^38 days, so the conversion cannot fail.
        Day::try_from(local.div_euclid(DAY_MS)).unwrap_or(Day::MAX)
    }

    fn start_of(&self, day: Day) -> u64 {
        let utc = i128::from(day) * DAY_MS - self.offset_ms();
        // Clamped rather than wrapped: a day before the epoch "starts" at the earliest instant
        // representable, and one past the end of u64 time at the last.
        u64::try_from(utc.max(0)).unwrap_or(u64::MAX)
    }
}

/// (year, month 1–12, day of month 1–31) of a day number (proleptic Gregorian; e.g. Howard Hinnant's civil_from_days).
///
/// Days beyond about ±3 billion years are clamped to that limit (no real date is that far away).
pub fn civil(day: Day) -> (i64, u32, u32) {
    // Howard Hinnant's `civil_from_days`: count in 400-year eras starting on 0000-03-01, so that
    // the leap day falls at the end of each (March-based) year.
    let z = day.clamp(-DAY_LIMIT, DAY_LIMIT) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097; // day of era, 0..=146_096
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of March-based year, 0..=365
    let mp = (5 * doy + 2) / 153; // March-based month, 0..=11
    let dom = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are small by construction (1..=12, 1..=31); the fallbacks are unreachable.
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(dom).unwrap_or(1),
    )
}

/// The day number of a date (inverse of civil).
///
/// Out-of-range input does not panic: the month is clamped to 1–12, and the day of the month counts
/// on from the first of the month as JavaScript's `Date` does (0 is the last day of the previous
/// month, 30 February is 2 March in a common year). Years beyond ±2^32 are clamped.
pub fn day_from_civil(year: i64, month: u32, dom: u32) -> Day {
    // Hinnant's `days_from_civil`, the inverse of `civil`'s March-based eras.
    let month = i64::from(month.clamp(1, 12));
    let y = year.clamp(-YEAR_LIMIT, YEAR_LIMIT) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // 0..=399
    let mp = (month + 9) % 12; // March = 0 … February = 11
    let doy = (153 * mp + 2) / 5 + i64::from(dom) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// 0 = Monday … 6 = Sunday. (1970-01-01 was a Thursday.)
pub fn weekday(day: Day) -> u32 {
    // rem_euclid first so that neither negative days nor the `+ 3` can misbehave at the extremes.
    let wd = (day.rem_euclid(7) + 3) % 7;
    u32::try_from(wd).unwrap_or(0)
}

/// "Jan" … "Dec" (month 1–12; anything else "?").
pub fn month_abbr(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    month
        .checked_sub(1)
        .and_then(|i| NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// "Mon" … "Sun" (weekday 0–6; anything else "?").
pub fn weekday_abbr(weekday: u32) -> &'static str {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    NAMES.get(weekday as usize).copied().unwrap_or("?")
}

/// e.g. "Mon 23 Nov 2026" (the day of the month is not zero-padded: "Tue 3 Nov 2026").
pub fn format_day(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{} {d} {} {y}", weekday_abbr(weekday(day)), month_abbr(m))
}

/// ISO date "2026-11-23" (used in export file names).
///
/// Years before 1 AD are written with a minus sign and at least four digits ("-0001-03-01"), as
/// ISO 8601's expanded form does, rather than Rust's "-001".
pub fn iso_date(day: Day) -> String {
    let (y, m, d) = civil(day);
    let sign = if y < 0 { "-" } else { "" };
    format!("{sign}{:04}-{m:02}-{d:02}", y.unsigned_abs())
}

/// Answers (attempts) per local day, over all questions (including ids the bank no longer has).
///
/// Days without answers are absent, never present with 0.
pub fn activity(progress: &Progress, cal: &impl Calendar) -> BTreeMap<Day, u32> {
    let mut per_day = BTreeMap::new();
    for attempt in progress.attempts.values().flatten() {
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
/// empty heatmap whose `first` is this week's Monday.
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
mod tests {
    use super::*;
    use crate::progress::{Attempt, Grade, QuizRecord};
    use proptest::prelude::*;

    const UTC: FixedOffset = FixedOffset { minutes_east: 0 };
    const HOUR_MS: u64 = 3_600_000;

    fn zone(minutes_east: i32) -> FixedOffset {
        FixedOffset { minutes_east }
    }

    /// The day number of a date (shorthand).
    fn ymd(y: i64, m: u32, d: u32) -> Day {
        day_from_civil(y, m, d)
    }

    /// The instant of a UTC wall-clock time, computed without `FixedOffset`.
    fn utc(y: i64, m: u32, d: u32, h: u64, min: u64) -> u64 {
        let day = u64::try_from(ymd(y, m, d)).expect("test dates are after the epoch");
        day * 86_400_000 + h * HOUR_MS + min * 60_000
    }

    /// The instant of a local wall-clock time in a zone `minutes_east` of UTC.
    fn local(minutes_east: i32, y: i64, m: u32, d: u32, h: u64, min: u64) -> u64 {
        let shift = i64::from(minutes_east) * 60_000;
        u64::try_from(utc(y, m, d, h, min) as i64 - shift).expect("after the epoch")
    }

    fn flash(at: u64) -> Attempt {
        Attempt::flashcard(at, Grade::Knew)
    }

    /// Progress with one answer per (question id, instant).
    fn answered(answers: &[(&str, u64)]) -> Progress {
        let mut p = Progress::default();
        for &(id, at) in answers {
            p.record(id, flash(at));
        }
        p
    }

    /// Activity with one answer on each listed day.
    fn days(list: &[Day]) -> BTreeMap<Day, u32> {
        list.iter().map(|&d| (d, 1)).collect()
    }

    /// Every day from `from` to `to` inclusive.
    fn span(from: Day, to: Day) -> Vec<Day> {
        (from..=to).collect()
    }

    fn quiz(
        started: u64,
        finished: u64,
        asked: usize,
        answered: usize,
        right: usize,
    ) -> QuizRecord {
        QuizRecord {
            started,
            finished,
            mode: "mixed".into(),
            asked: (0..asked).map(|i| format!("q{i}")).collect(),
            missed: vec![],
            right,
            answered,
        }
    }

    fn is_leap(y: i64) -> bool {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    fn days_in_month(y: i64, m: u32) -> u32 {
        match m {
            2 if is_leap(y) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    // ---- calendar arithmetic ----

    #[test]
    fn civil_round_trips_and_steps_one_date_at_a_time_over_four_millennia_each_way() {
        // Each day's date must be the previous day's date plus one; together with the known
        // anchors below this pins every date in the range, not just the round trip.
        let mut prev = civil(-800_001);
        for day in -800_000..800_000 {
            let (y, m, d) = civil(day);
            assert_eq!(day_from_civil(y, m, d), day, "round trip of {day}");
            assert!((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d));
            let expected = if prev.2 < days_in_month(prev.0, prev.1) {
                (prev.0, prev.1, prev.2 + 1)
            } else if prev.1 < 12 {
                (prev.0, prev.1 + 1, 1)
            } else {
                (prev.0 + 1, 1, 1)
            };
            assert_eq!((y, m, d), expected, "day {day}");
            assert_eq!(weekday(day), (weekday(day - 1) + 1) % 7);
            prev = (y, m, d);
        }
    }

    #[test]
    fn known_dates_and_weekdays() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(weekday(0), 3, "1970-01-01 was a Thursday");
        assert_eq!(civil(-1), (1969, 12, 31));
        assert_eq!(weekday(-1), 2);
        assert_eq!(ymd(2000, 1, 1), 10_957);
        assert_eq!(ymd(2000, 2, 29), 11_016);
        assert_eq!(civil(11_016), (2000, 2, 29));
        assert_eq!(weekday(11_016), 1, "a Tuesday");
        assert_eq!(ymd(2026, 11, 23), 20_780);
        assert_eq!(weekday(20_780), 0, "2026-11-23 is a Monday");
        assert_eq!(ymd(1, 1, 1), -719_162);
        assert_eq!(weekday(-719_162), 0);
        assert_eq!(ymd(2028, 2, 29) + 1, ymd(2028, 3, 1));
        assert_eq!(ymd(2100, 2, 28) + 1, ymd(2100, 3, 1), "2100 is not leap");
    }

    #[test]
    fn day_from_civil_takes_out_of_range_input_without_panicking() {
        assert_eq!(ymd(2026, 3, 0), ymd(2026, 2, 28), "day 0 is the eve");
        assert_eq!(ymd(2026, 2, 30), ymd(2026, 3, 2));
        assert_eq!(ymd(2026, 0, 5), ymd(2026, 1, 5), "month clamped");
        assert_eq!(ymd(2026, 13, 5), ymd(2026, 12, 5));
        for (y, m, d) in [
            (i64::MAX, 12, u32::MAX),
            (i64::MIN, 1, 0),
            (0, u32::MAX, u32::MAX),
        ] {
            let _ = day_from_civil(y, m, d);
        }
        for day in [i64::MIN, i64::MAX, -DAY_LIMIT - 1, DAY_LIMIT + 1] {
            let (_, m, d) = civil(day);
            assert!((1..=12).contains(&m) && (1..=31).contains(&d));
            let _ = (weekday(day), format_day(day), iso_date(day));
        }
    }

    #[test]
    fn names_and_formats() {
        assert_eq!(month_abbr(1), "Jan");
        assert_eq!(month_abbr(12), "Dec");
        assert_eq!(month_abbr(0), "?");
        assert_eq!(month_abbr(13), "?");
        assert_eq!(weekday_abbr(0), "Mon");
        assert_eq!(weekday_abbr(6), "Sun");
        assert_eq!(weekday_abbr(7), "?");
        assert_eq!(format_day(ymd(2026, 11, 23)), "Mon 23 Nov 2026");
        assert_eq!(format_day(ymd(2026, 11, 3)), "Tue 3 Nov 2026");
        assert_eq!(iso_date(ymd(2026, 11, 23)), "2026-11-23");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(ymd(1, 1, 1)), "0001-01-01");
        assert_eq!(iso_date(ymd(-1, 3, 1)), "-0001-03-01");
    }

    #[test]
    fn fixed_offsets_put_the_same_instant_on_different_days() {
        let monday = ymd(2026, 11, 23);
        let late_morning = utc(2026, 11, 23, 11, 0);
        assert_eq!(UTC.day_of(late_morning), monday);
        assert_eq!(
            zone(14 * 60).day_of(late_morning),
            monday + 1,
            "01:00 Tuesday"
        );
        assert_eq!(
            zone(-12 * 60).day_of(late_morning),
            monday - 1,
            "23:00 Sunday"
        );
        assert_eq!(zone(330).day_of(late_morning), monday, "16:30 Monday");

        // The half hour matters: 18:45 UTC is 00:15 the next day in India.
        let evening = utc(2026, 11, 23, 18, 45);
        assert_eq!(UTC.day_of(evening), monday);
        assert_eq!(zone(330).day_of(evening), monday + 1);
        assert_eq!(
            zone(330).day_of(evening - 15 * 60_000 - 1),
            monday,
            "23:59:59.999"
        );
        assert_eq!(zone(330).day_of(local(330, 2026, 11, 24, 0, 0)), monday + 1);
        assert_eq!(zone(-300).day_of(local(-300, 2026, 11, 23, 23, 59)), monday);
    }

    #[test]
    fn fixed_offset_floors_before_the_epoch_and_clamps_start_of() {
        assert_eq!(zone(-300).day_of(0), -1, "19:00 on 31 Dec 1969 in New York");
        assert_eq!(zone(330).day_of(0), 0);
        assert_eq!(UTC.start_of(-1), 0, "before the epoch clamps to 0");
        assert_eq!(
            zone(330).start_of(0),
            0,
            "India's 1 Jan 1970 began before the epoch"
        );
        assert_eq!(zone(-300).start_of(0), 5 * HOUR_MS);
        assert_eq!(UTC.start_of(Day::MAX), u64::MAX);
        assert_eq!(UTC.start_of(Day::MIN), 0);
        let _ = (
            zone(i32::MIN).day_of(u64::MAX),
            zone(i32::MAX).day_of(u64::MAX),
        );
        let _ = (
            zone(i32::MIN).start_of(Day::MIN),
            zone(i32::MAX).start_of(Day::MAX),
        );
    }

    #[test]
    fn start_of_is_the_first_instant_of_its_day() {
        for minutes_east in [-12 * 60, -300, 0, 330, 345, 14 * 60] {
            let cal = zone(minutes_east);
            for day in [1, 365, ymd(2028, 2, 29), ymd(2026, 11, 23)] {
                let start = cal.start_of(day);
                assert_eq!(cal.day_of(start), day, "{minutes_east} {day}");
                assert_eq!(cal.day_of(start - 1), day - 1, "{minutes_east} {day}");
                assert_eq!(cal.start_of(day + 1) - start, 86_400_000);
            }
        }
    }

    // ---- activity and streaks ----

    #[test]
    fn activity_counts_answers_per_local_day_across_questions() {
        let p = answered(&[
            ("jwt", utc(2026, 11, 23, 9, 0)),
            ("jwt", utc(2026, 11, 23, 22, 0)),
            ("gone-from-the-bank", utc(2026, 11, 23, 12, 0)),
            ("cdn", utc(2026, 11, 24, 1, 0)),
        ]);
        let monday = ymd(2026, 11, 23);
        assert_eq!(
            activity(&p, &UTC),
            BTreeMap::from([(monday, 3), (monday + 1, 1)])
        );
        // In India 22:00 UTC is already Tuesday.
        assert_eq!(
            activity(&p, &zone(330)),
            BTreeMap::from([(monday, 2), (monday + 1, 2)])
        );
    }

    #[test]
    fn streak_runs_across_a_month_boundary() {
        let s = streaks(
            &days(&[ymd(2027, 1, 30), ymd(2027, 1, 31), ymd(2027, 2, 1)]),
            ymd(2027, 2, 1),
        );
        assert_eq!(
            s,
            Streaks {
                current: 3,
                best: 3,
                studied_today: true
            }
        );
    }

    #[test]
    fn streak_runs_through_a_leap_day() {
        let run = days(&[ymd(2028, 2, 28), ymd(2028, 2, 29), ymd(2028, 3, 1)]);
        assert_eq!(streaks(&run, ymd(2028, 3, 1)).current, 3);
        // Without the leap day the run is broken: 28 Feb and 1 Mar are two days apart in 2028.
        let gap = days(&[ymd(2028, 2, 28), ymd(2028, 3, 1)]);
        let s = streaks(&gap, ymd(2028, 3, 1));
        assert_eq!((s.current, s.best), (1, 1));
    }

    #[test]
    fn streak_runs_across_a_year_boundary() {
        let s = streaks(
            &days(&[ymd(2026, 12, 30), ymd(2026, 12, 31), ymd(2027, 1, 1)]),
            ymd(2027, 1, 1),
        );
        assert_eq!((s.current, s.best), (3, 3));
    }

    #[test]
    fn streak_is_alive_via_yesterday_until_today_ends() {
        let today = ymd(2026, 11, 23);
        let s = streaks(&days(&span(today - 4, today - 1)), today);
        assert_eq!(
            s,
            Streaks {
                current: 4,
                best: 4,
                studied_today: false
            }
        );
    }

    #[test]
    fn a_missed_day_breaks_the_streak_but_best_is_kept() {
        let today = ymd(2026, 11, 23);
        let s = streaks(&days(&span(today - 10, today - 2)), today);
        assert_eq!(
            s,
            Streaks {
                current: 0,
                best: 9,
                studied_today: false
            }
        );
    }

    #[test]
    fn best_can_exceed_current() {
        let today = ymd(2026, 11, 23);
        let mut list = span(today - 20, today - 15);
        list.extend(span(today - 1, today));
        let s = streaks(&days(&list), today);
        assert_eq!((s.current, s.best, s.studied_today), (2, 6, true));
    }

    #[test]
    fn future_days_count_in_best_but_never_in_current() {
        let today = ymd(2026, 11, 23);
        let s = streaks(&days(&span(today - 1, today + 3)), today);
        assert_eq!((s.current, s.best), (2, 5));
        let only_future = streaks(&days(&[today + 1, today + 2]), today);
        assert_eq!((only_future.current, only_future.best), (0, 2));
    }

    #[test]
    fn days_with_a_count_of_zero_are_not_study_days() {
        let today = ymd(2026, 11, 23);
        let mut a = days(&[today - 2, today]);
        a.insert(today - 1, 0);
        let s = streaks(&a, today);
        assert_eq!((s.current, s.best), (1, 1));
        let idle = streaks(&BTreeMap::from([(today, 0)]), today);
        assert!(!idle.studied_today);
    }

    #[test]
    fn streaks_at_the_ends_of_time_do_not_panic() {
        let s = streaks(&days(&[Day::MIN, Day::MIN + 1, Day::MAX]), Day::MIN + 1);
        assert_eq!((s.current, s.best), (2, 2));
        let s = streaks(&days(&[Day::MAX - 1, Day::MAX]), Day::MIN);
        assert_eq!((s.current, s.best), (0, 2));
    }

    #[test]
    fn late_evening_in_one_zone_is_after_midnight_in_another() {
        // The same two answers: one on 1 Jan, one at 23:30 UTC on 2 Jan, i.e. 00:30 on 3 Jan an
        // hour east. Seen on 3 Jan, London has a two-day streak alive via yesterday; Paris studied
        // today but skipped 2 Jan.
        let p = answered(&[
            ("jwt", utc(2027, 1, 1, 12, 0)),
            ("cdn", utc(2027, 1, 2, 23, 30)),
        ]);
        let today = ymd(2027, 1, 3);
        let london = streaks(&activity(&p, &UTC), today);
        let paris = streaks(&activity(&p, &zone(60)), today);
        assert_eq!(
            london,
            Streaks {
                current: 2,
                best: 2,
                studied_today: false
            }
        );
        assert_eq!(
            paris,
            Streaks {
                current: 1,
                best: 1,
                studied_today: true
            }
        );
        assert_eq!(
            local(60, 2027, 1, 3, 0, 30),
            utc(2027, 1, 2, 23, 30),
            "the helper agrees"
        );
    }

    // ---- heatmap ----

    #[test]
    fn heatmap_ends_with_todays_week_and_starts_on_a_monday() {
        let today = ymd(2026, 11, 25); // a Wednesday
        let mut a = days(&[ymd(2026, 11, 9), today]);
        a.insert(ymd(2026, 11, 17), 5);
        a.insert(ymd(2026, 11, 8), 9); // the Sunday before the window
        a.insert(today + 1, 7); // clock skew: tomorrow
        let h = heatmap(&a, today, 3);
        assert_eq!(h.first, ymd(2026, 11, 9));
        assert_eq!(weekday(h.first), 0);
        assert_eq!((h.weeks, h.today, h.counts.len()), (3, today, 21));
        assert_eq!(h.day(2, 2), today, "today is in the last column");
        assert_eq!(h.day(0, 0), h.first);
        assert_eq!(h.counts[0], 1);
        assert_eq!(h.counts[7 + 1], 5, "Tuesday of week 2");
        assert_eq!(h.counts[2 * 7 + 2], 1);
        assert!(h.is_future(h.day(2, 3)) && !h.is_future(today));
        assert!(
            h.counts[2 * 7 + 3..].iter().all(|&n| n == 0),
            "the future is blank"
        );
        assert_eq!((h.max, h.active_days, h.total), (5, 3, 7));
    }

    #[test]
    fn heatmap_on_a_monday_and_a_sunday() {
        let monday = ymd(2026, 11, 23);
        let h = heatmap(&days(&[monday]), monday, 1);
        assert_eq!((h.first, h.counts[0]), (monday, 1));
        assert!(h.counts[1..].iter().all(|&n| n == 0));
        let sunday = monday + 6;
        let h = heatmap(&days(&[sunday]), sunday, 2);
        assert_eq!(h.first, monday - 7);
        assert_eq!(h.counts[13], 1);
        assert!(!h.is_future(h.day(1, 6)));
    }

    #[test]
    fn heatmap_levels_are_quartiles_of_the_max() {
        let mut h = heatmap(&BTreeMap::new(), 0, 1);
        h.max = 8;
        let levels: Vec<u8> = (0..=9).map(|n| h.level(n)).collect();
        assert_eq!(levels, [0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
        h.max = 1;
        assert_eq!((h.level(0), h.level(1)), (0, 4));
        h.max = 100;
        assert_eq!(
            (h.level(1), h.level(25), h.level(26), h.level(76)),
            (1, 1, 2, 4)
        );
        h.max = u32::MAX;
        assert_eq!((h.level(1), h.level(u32::MAX - 1)), (1, 4));
        h.max = 0;
        assert_eq!((h.level(0), h.level(3)), (0, 4));
    }

    #[test]
    fn month_labels_mark_the_first_column_and_each_month_change() {
        let today = ymd(2026, 11, 25);
        assert_eq!(
            heatmap(&BTreeMap::new(), today, 3).month_labels(),
            [(0, "Nov")]
        );
        // Mondays 26 Oct, 2 Nov, 9, 16, 23 Nov.
        assert_eq!(
            heatmap(&BTreeMap::new(), today, 5).month_labels(),
            [(0, "Oct"), (1, "Nov")]
        );
        // Mondays 28 Dec 2026 and 4 Jan 2027.
        assert_eq!(
            heatmap(&BTreeMap::new(), ymd(2027, 1, 6), 2).month_labels(),
            [(0, "Dec"), (1, "Jan")]
        );
        let year = heatmap(&BTreeMap::new(), today, 53).month_labels();
        assert_eq!(
            year.len(),
            13,
            "a year of columns spans 13 months: {year:?}"
        );
    }

    #[test]
    fn heatmap_of_zero_weeks_is_empty_and_huge_requests_are_capped() {
        let today = ymd(2026, 11, 25);
        let h = heatmap(&days(&[today]), today, 0);
        assert_eq!(
            (h.first, h.weeks, h.counts.len()),
            (ymd(2026, 11, 23), 0, 0)
        );
        assert_eq!((h.max, h.active_days, h.total), (0, 0, 0));
        assert!(h.month_labels().is_empty());
        let h = heatmap(&days(&[today]), today, usize::MAX);
        assert_eq!(h.weeks, MAX_WEEKS);
        assert_eq!(h.counts.len(), MAX_WEEKS * 7);
        assert_eq!(h.total, 1);
    }

    // ---- due forecast ----

    #[test]
    fn due_forecast_piles_overdue_onto_today_and_ignores_beyond_the_window() {
        let today = ymd(2026, 11, 23);
        let due = [
            0,                         // long overdue
            utc(2026, 11, 20, 8, 0),   // overdue
            utc(2026, 11, 23, 23, 59), // later today
            utc(2026, 11, 24, 0, 0),   // tomorrow
            utc(2026, 11, 29, 23, 59), // the last day of a 7-day window
            utc(2026, 11, 30, 0, 0),   // just beyond it
            utc(2030, 1, 1, 0, 0),     // far beyond
        ];
        assert_eq!(due_forecast(due, &UTC, today, 7), [3, 1, 0, 0, 0, 0, 1]);
        assert_eq!(due_forecast(due, &UTC, today, 8), [3, 1, 0, 0, 0, 0, 1, 1]);
        assert!(due_forecast(due, &UTC, today, 0).is_empty());
    }

    #[test]
    fn due_forecast_uses_local_days() {
        let today = ymd(2026, 11, 23);
        let due = [utc(2026, 11, 23, 19, 0)]; // 00:30 on the 24th in India
        assert_eq!(due_forecast(due, &UTC, today, 2), [1, 0]);
        assert_eq!(due_forecast(due, &zone(330), today, 2), [0, 1]);
    }

    #[test]
    fn due_forecast_caps_huge_windows() {
        let f = due_forecast([u64::MAX, 0], &UTC, Day::MIN, usize::MAX);
        assert_eq!(f.len(), MAX_FORECAST_DAYS);
        assert_eq!(f[0], 0, "neither is within a century of the dawn of time");
        assert_eq!(due_forecast([u64::MAX, 0], &UTC, Day::MAX, 1), [2]);
    }

    // ---- quizzes and percentages ----

    #[test]
    fn recent_quizzes_are_newest_finished_first() {
        let mut p = Progress::default();
        // Stored by start: the second started later but finished first.
        p.quizzes.push(quiz(100, 900, 10, 8, 1));
        p.quizzes.push(quiz(200, 300, 4, 3, 2));
        p.quizzes.push(quiz(1_000, 2_000, 5, 0, 0));
        let recent = recent_quizzes(&p, 10);
        let order: Vec<u64> = recent.iter().map(|q| q.finished).collect();
        assert_eq!(order, [2_000, 900, 300]);
        assert_eq!(
            recent[1],
            QuizScore {
                finished: 900,
                mode: "mixed".into(),
                asked: 10,
                answered: 8,
                right: 1,
                percent: 13, // 12.5 rounds up
            }
        );
        assert_eq!(recent[2].percent, 67, "2 of 3");
        assert_eq!(recent[0].percent, 0, "nothing answered");
        assert_eq!(recent_quizzes(&p, 2).len(), 2);
        assert_eq!(recent_quizzes(&p, 1)[0].finished, 2_000);
        assert!(recent_quizzes(&p, 0).is_empty());
    }

    #[test]
    fn quizzes_finishing_together_list_the_later_stored_first() {
        let mut p = Progress::default();
        p.quizzes.push(quiz(1, 50, 1, 1, 0));
        p.quizzes.push(quiz(2, 50, 1, 1, 1));
        let recent = recent_quizzes(&p, 2);
        assert_eq!((recent[0].right, recent[1].right), (1, 0));
    }

    #[test]
    fn percent_rounds_half_up_and_stays_within_bounds() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 0), 0);
        assert_eq!(percent(0, 7), 0);
        assert_eq!(percent(1, 8), 13);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 200), 1, "0.5 rounds up");
        assert_eq!(percent(1, 201), 0);
        assert_eq!(percent(199, 200), 100, "99.5 rounds up");
        assert_eq!(percent(7, 7), 100);
        assert_eq!(percent(9, 7), 100, "capped");
        assert_eq!(percent(usize::MAX, usize::MAX), 100);
        assert_eq!(percent(usize::MAX, 1), 100);
        assert_eq!(percent(1, usize::MAX), 0);
    }

    #[test]
    fn everything_is_empty_for_empty_progress() {
        let p = Progress::default();
        let today = ymd(2026, 11, 23);
        let a = activity(&p, &UTC);
        assert!(a.is_empty());
        assert_eq!(streaks(&a, today), Streaks::default());
        let h = heatmap(&a, today, 26);
        assert_eq!(h.counts.len(), 26 * 7);
        assert!(h.counts.iter().all(|&n| n == 0));
        assert_eq!((h.max, h.active_days, h.total), (0, 0, 0));
        assert_eq!(h.level(0), 0);
        assert_eq!(h.month_labels()[0].0, 0);
        assert_eq!(due_forecast([], &UTC, today, 14), vec![0; 14]);
        assert!(recent_quizzes(&p, 5).is_empty());
    }

    proptest! {
        #[test]
        fn nothing_panics_on_any_input(
            day in any::<i64>(),
            ms in any::<u64>(),
            minutes_east in any::<i32>(),
            year in any::<i64>(),
            month in any::<u32>(),
            dom in any::<u32>(),
            weeks in 0usize..60,
            list in proptest::collection::vec((any::<i64>(), any::<u32>()), 0..8),
        ) {
            let cal = zone(minutes_east);
            let _ = (cal.day_of(ms), cal.start_of(day), civil(day), day_from_civil(year, month, dom));
            let _ = (weekday(day), format_day(day), iso_date(day));
            let a: BTreeMap<Day, u32> = list.into_iter().collect();
            let s = streaks(&a, day);
            prop_assert!(s.best >= s.current);
            let h = heatmap(&a, day, weeks);
            prop_assert_eq!(h.counts.len(), weeks * 7);
            for &n in &h.counts {
                prop_assert!(h.level(n) <= 4);
            }
            let _ = h.month_labels();
            let _ = due_forecast([ms], &cal, day, weeks);
        }

        #[test]
        fn day_of_and_start_of_agree(
            day in 1i64..2_000_000,
            minutes_east in -14 * 60..=14 * 60,
        ) {
            let cal = zone(minutes_east);
            let start = cal.start_of(day);
            prop_assert_eq!(cal.day_of(start), day);
            prop_assert_eq!(cal.day_of(start - 1), day - 1);
        }

        #[test]
        fn current_streak_is_the_run_back_from_today_or_yesterday(
            list in proptest::collection::vec((-40i64..40, 0u32..3), 0..40),
            today in -45i64..45,
        ) {
            let a: BTreeMap<Day, u32> = list.into_iter().collect();
            let studied = |d: Day| a.get(&d).is_some_and(|&n| n > 0);
            let mut from = if studied(today) { today } else { today - 1 };
            let mut expected = 0;
            while studied(from) {
                expected += 1;
                from -= 1;
            }
            let s = streaks(&a, today);
            prop_assert_eq!(s.current, expected);
            prop_assert_eq!(s.studied_today, studied(today));
            prop_assert!(s.best >= s.current);
            let h = heatmap(&a, today, 12);
            let shown: u32 = a.range(h.first..=today).map(|(_, &n)| n).sum();
            prop_assert_eq!(h.total, shown);
        }
    }
}
