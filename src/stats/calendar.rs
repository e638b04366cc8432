//! Local calendar days and the civil dates they name: [`Day`] numbers, the [`Calendar`] that turns
//! instants into them, and dates, weekdays and their names and formats.
//!
//! Dates are chrono's [`NaiveDate`] (proleptic Gregorian). Its range, 1 January 262144 BC to
//! 31 December 262142 AD (years −262143 to 262142 in the astronomical numbering used here, where
//! year 0 is 1 BC), is far wider than any real date, so the functions here clamp to it rather than
//! fail: a day or year beyond it is read as the nearest end of it, and nothing panics.
//!
//! The names and formats are ours, not chrono's: its formatting and locale code would only add to
//! the wasm for the few fixed English forms shown.

use chrono::{Datelike, Days, NaiveDate};

/// A local calendar day: days since 1970-01-01 in the user's calendar (may be negative).
pub type Day = i64;

/// Milliseconds in a day. Local days are always this long for [`FixedOffset`]; a DST-aware
/// calendar may have 23- or 25-hour days, which is why day arithmetic goes through [`Calendar`].
const DAY_MS: i128 = 86_400_000;

/// The first day with a date (1 January 262144 BC, year −262143): chrono's earliest.
///
/// `as` because `From` is not usable in a constant; widening an `i32` cannot lose anything.
const FIRST_DAY: Day = NaiveDate::MIN.to_epoch_days() as Day;

/// The last day with a date (31 December 262142 AD): chrono's latest.
const LAST_DAY: Day = NaiveDate::MAX.to_epoch_days() as Day;

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

/// The date of a day, days beyond chrono's range being read as the nearest end of it.
fn date(day: Day) -> NaiveDate {
    // Every day from FIRST_DAY to LAST_DAY fits an i32 and has a date, so the fallback is unreachable.
    i32::try_from(day.clamp(FIRST_DAY, LAST_DAY))
        .ok()
        .and_then(NaiveDate::from_epoch_days)
        .unwrap_or(NaiveDate::MIN)
}

/// (year, month 1–12, day of month 1–31) of a day number (proleptic Gregorian, year 0 being 1 BC).
///
/// Days before 1 January 262144 BC or after 31 December 262142 AD (chrono's range; no real date is
/// that far away) give that first or last date.
pub fn civil(day: Day) -> (i64, u32, u32) {
    let date = date(day);
    (i64::from(date.year()), date.month(), date.day())
}

/// The day number of a date (inverse of civil).
///
/// Out-of-range input does not panic: the month is clamped to 1–12, and the day of the month counts
/// on from the first of the month as JavaScript's `Date` does (0 is the last day of the previous
/// month, 30 February is 2 March in a common year). Years are clamped to chrono's range (−262143 to
/// 262142), and a count that runs past either end of it gives that end's day.
pub fn day_from_civil(year: i64, month: u32, dom: u32) -> Day {
    let (first_year, last_year) = (NaiveDate::MIN.year(), NaiveDate::MAX.year());
    let year = year.clamp(i64::from(first_year), i64::from(last_year));
    // Every month of every year in chrono's range has a first, so the fallback is unreachable.
    let first = i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month.clamp(1, 12), 1))
        .unwrap_or(NaiveDate::MIN);
    let counted = match dom.checked_sub(1) {
        Some(after_first) => first
            .checked_add_days(Days::new(u64::from(after_first)))
            .unwrap_or(NaiveDate::MAX),
        // Day 0 is the eve of the first, which is only missing before chrono's first date.
        None => first
            .checked_sub_days(Days::new(1))
            .unwrap_or(NaiveDate::MIN),
    };
    Day::from(counted.to_epoch_days())
}

/// 0 = Monday … 6 = Sunday. (1970-01-01 was a Thursday.)
///
/// Days beyond chrono's range have the weekday of the end date [`civil`] gives them, so that
/// [`format_day`] shows a weekday and date that go together.
pub fn weekday(day: Day) -> u32 {
    date(day).weekday().num_days_from_monday()
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
///
/// Days beyond chrono's range show the end date [`civil`] gives them.
pub fn format_day(day: Day) -> String {
    let (y, m, d) = civil(day);
    format!("{} {d} {} {y}", weekday_abbr(weekday(day)), month_abbr(m))
}

/// The day of an ISO date "2026-11-23" (what a date field gives); `None` for anything else,
/// including dates that do not exist ("2026-02-30").
pub fn parse_iso_date(text: &str) -> Option<Day> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let year: i64 = y.parse().ok().filter(|_| y.len() == 4)?;
    let (month, dom): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let day = day_from_civil(year, month, dom);
    (civil(day) == (year, month, dom)).then_some(day)
}

/// ISO date "2026-11-23" (used in export file names).
///
/// Years before 1 AD are written with a minus sign and at least four digits ("-0001-03-01"), as
/// ISO 8601's expanded form does, rather than Rust's "-001". Days beyond chrono's range show the end
/// date [`civil`] gives them.
pub fn iso_date(day: Day) -> String {
    let (y, m, d) = civil(day);
    let sign = if y < 0 { "-" } else { "" };
    format!("{sign}{:04}-{m:02}-{d:02}", y.unsigned_abs())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) mod tests {
    //! The calendar's tests, and the date helpers the figures' tests share (hence `pub`).

    use super::*;
    use proptest::prelude::*;

    pub(in crate::stats) const UTC: FixedOffset = FixedOffset::UTC;
    const HOUR_MS: u64 = 3_600_000;

    pub(in crate::stats) fn zone(minutes_east: i32) -> FixedOffset {
        FixedOffset { minutes_east }
    }

    #[test]
    fn a_date_field_reads_as_its_day_and_nothing_else_does() {
        let day = parse_iso_date("2026-12-15").unwrap();
        assert_eq!(iso_date(day), "2026-12-15");
        assert_eq!(
            parse_iso_date(" 2024-02-29 "),
            Some(day_from_civil(2024, 2, 29))
        );
        for bad in [
            "",
            "2026-02-30",
            "2026-13-01",
            "26-12-15",
            "2026/12/15",
            "2026-12",
            "x-y-z",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    /// The day number of a date (shorthand).
    pub(in crate::stats) fn ymd(y: i64, m: u32, d: u32) -> Day {
        day_from_civil(y, m, d)
    }

    /// The instant of a UTC wall-clock time, computed without `FixedOffset`.
    pub(in crate::stats) fn utc(y: i64, m: u32, d: u32, h: u64, min: u64) -> u64 {
        let day = u64::try_from(ymd(y, m, d)).expect("test dates are after the epoch");
        day * 86_400_000 + h * HOUR_MS + min * 60_000
    }

    /// The instant of a local wall-clock time in a zone `minutes_east` of UTC.
    pub(in crate::stats) fn local(
        minutes_east: i32,
        y: i64,
        m: u32,
        d: u32,
        h: u64,
        min: u64,
    ) -> u64 {
        let shift = i64::from(minutes_east) * 60_000;
        u64::try_from(utc(y, m, d, h, min) as i64 - shift).expect("after the epoch")
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
        // Beyond chrono's range the year is clamped, and a count past either end stops there.
        assert_eq!(day_from_civil(i64::MAX, 12, u32::MAX), LAST_DAY);
        assert_eq!(day_from_civil(i64::MIN, 1, 0), FIRST_DAY);
        assert_eq!(day_from_civil(0, u32::MAX, u32::MAX), LAST_DAY);
        assert_eq!(day_from_civil(2026, 1, u32::MAX), LAST_DAY);
        assert_eq!(day_from_civil(300_000, 3, 1), ymd(262_142, 3, 1));
        assert_eq!(day_from_civil(-300_000, 3, 1), ymd(-262_143, 3, 1));
    }

    #[test]
    fn days_beyond_chronos_range_read_as_its_ends() {
        assert_eq!((FIRST_DAY, LAST_DAY), (-96_465_292, 95_026_236));
        assert_eq!(civil(FIRST_DAY), (-262_143, 1, 1));
        assert_eq!(civil(LAST_DAY), (262_142, 12, 31));
        assert_eq!(ymd(-262_143, 1, 1), FIRST_DAY, "the ends round-trip");
        assert_eq!(ymd(262_142, 12, 31), LAST_DAY);
        for day in [i64::MIN, FIRST_DAY - 1] {
            assert_eq!(civil(day), civil(FIRST_DAY));
            assert_eq!(weekday(day), weekday(FIRST_DAY));
            assert_eq!(format_day(day), "Thu 1 Jan -262143");
            assert_eq!(iso_date(day), "-262143-01-01");
        }
        for day in [i64::MAX, LAST_DAY + 1] {
            assert_eq!(civil(day), civil(LAST_DAY));
            assert_eq!(weekday(day), weekday(LAST_DAY));
            assert_eq!(format_day(day), "Mon 31 Dec 262142");
            assert_eq!(iso_date(day), "262142-12-31");
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

    /// The date after (y, m, d), by the calendar's rules rather than by day numbers.
    fn next_date((y, m, d): (i64, u32, u32)) -> (i64, u32, u32) {
        if d < days_in_month(y, m) {
            (y, m, d + 1)
        } else if m < 12 {
            (y, m + 1, 1)
        } else {
            (y + 1, 1, 1)
        }
    }

    proptest! {
        #[test]
        fn nothing_in_the_calendar_panics(
            day in any::<i64>(),
            ms in any::<u64>(),
            minutes_east in any::<i32>(),
            year in any::<i64>(),
            month in any::<u32>(),
            dom in any::<u32>(),
        ) {
            let cal = zone(minutes_east);
            let _ = (cal.day_of(ms), cal.start_of(day));
            let (_, m, d) = civil(day);
            prop_assert!((1..=12).contains(&m) && (1..=31).contains(&d));
            let made = day_from_civil(year, month, dom);
            prop_assert!((FIRST_DAY..=LAST_DAY).contains(&made));
            prop_assert!(weekday(day) < 7);
            let _ = (format_day(day), iso_date(day));
        }

        #[test]
        fn dates_step_one_at_a_time_across_chronos_whole_range(day in FIRST_DAY..LAST_DAY) {
            let date = civil(day);
            prop_assert_eq!(day_from_civil(date.0, date.1, date.2), day);
            prop_assert_eq!(civil(day + 1), next_date(date));
            // The weekday is the one counted on from Thursday 1 January 1970, as it always was.
            prop_assert_eq!(i64::from(weekday(day)), (day.rem_euclid(7) + 3) % 7);
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
    }
}
