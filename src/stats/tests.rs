//! The figures' tests.

use super::calendar::tests::{local, utc, ymd, zone, UTC};
use super::*;
use crate::progress::{Attempt, Grade, InterviewAnswer, InterviewRecord, QuizRecord};
use proptest::prelude::*;

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

fn quiz(started: u64, finished: u64, asked: usize, answered: usize, right: usize) -> QuizRecord {
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

// ---- quizzes, interviews and percentages ----

fn interview(finished: u64, grades: &[Option<Grade>]) -> InterviewRecord {
    InterviewRecord {
        started: finished.saturating_sub(600_000),
        finished,
        seconds_per_answer: None,
        design: None,
        questions: grades
            .iter()
            .map(|&grade| InterviewAnswer {
                id: "jwt".into(),
                time_ms: 1,
                covered: 0,
                key_points: 3,
                grade,
                follow_up: None,
            })
            .collect(),
    }
}

#[test]
fn interviews_over_time_count_graded_answers_per_local_day() {
    use Grade::*;
    let mut p = Progress::default();
    assert!(interviews_over_time(&p, &UTC).is_empty());
    // Stored by start: the second finished first, on the evening of the 23rd in UTC.
    p.interviews.push(interview(
        utc(2026, 11, 24, 9, 0),
        &[Some(Knew), Some(Partly), None],
    ));
    p.interviews.push(interview(
        utc(2026, 11, 23, 23, 30),
        &[Some(Knew), Some(Knew), Some(DidntKnow), Some(Knew)],
    ));
    p.interviews
        .push(interview(utc(2026, 11, 24, 20, 0), &[None]));
    let days = interviews_over_time(&p, &UTC);
    assert_eq!(
        days,
        [
            InterviewDay {
                day: ymd(2026, 11, 23),
                interviews: 1,
                answers: 4,
                knew: 0.75
            },
            InterviewDay {
                day: ymd(2026, 11, 24),
                interviews: 2,
                answers: 2,
                knew: 0.5
            },
        ]
    );
    // An hour east, the late one belongs to the 24th.
    let east = interviews_over_time(&p, &zone(60));
    assert_eq!(east.len(), 1);
    assert_eq!((east[0].interviews, east[0].answers), (3, 6));
    assert!((east[0].knew - 4.0 / 6.0).abs() < 1e-9);
    // Nothing graded (an imported record, say): no share, not a division by zero.
    let mut none = Progress::default();
    none.interviews.push(interview(5, &[None]));
    assert_eq!(interviews_over_time(&none, &UTC)[0].knew, 0.0);
}

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

#[test]
fn design_readiness_counts_practised_ready_and_due_exercises() {
    use crate::progress::DesignRecord;
    const DAY: u64 = 86_400_000;
    let t0 = 1_780_000_000_000;
    let round = |at, id: &str, grade| DesignRecord {
        at,
        design_id: id.to_string(),
        minutes: 45,
        stages: vec![],
        grade,
    };
    let ids = ["chat", "url-shortener", "web-crawler"];
    let empty = design_readiness(&Progress::default(), &ids, t0);
    assert_eq!(
        (empty.total, empty.practised, empty.ready, empty.due),
        (3, 0, 0, 0)
    );
    assert!(empty
        .standings
        .iter()
        .all(|s| s.latest.is_none() && s.due.is_none()));
    let mut p = Progress::default();
    p.designs.push(round(t0, "chat", Grade::Partly));
    p.designs.push(round(t0 + DAY, "chat", Grade::Knew));
    p.designs.push(round(t0, "url-shortener", Grade::DidntKnow));
    // An exercise no longer in the bank is not counted.
    p.designs.push(round(t0, "gone", Grade::Knew));
    let now = t0 + DAY;
    let r = design_readiness(&p, &ids, now);
    assert_eq!((r.total, r.practised, r.ready), (3, 2, 1));
    assert_eq!(r.standings[0].rounds, 2);
    assert_eq!(r.standings[0].latest, Some(Grade::Knew));
    assert_eq!(
        r.standings[2],
        DesignStanding {
            id: "web-crawler",
            rounds: 0,
            latest: None,
            due: None
        }
    );
    // Missed a day ago: due again within a day or so; knew it just now: not due yet.
    let url_due = r.standings[1].due.expect("practised");
    let chat_due = r.standings[0].due.expect("practised");
    assert!(url_due < chat_due);
    assert!(chat_due > now);
    let later = design_readiness(&p, &ids, url_due);
    assert_eq!(later.due, 1 + usize::from(chat_due <= url_due));
    let much_later = design_readiness(&p, &ids, chat_due.max(url_due));
    assert_eq!(much_later.due, 2);
}
