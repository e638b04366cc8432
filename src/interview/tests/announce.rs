//! What a screen reader hears of the timer, and the clock on screen.

use super::*;

#[test]
fn announcements_come_at_half_time_30_and_10_seconds_and_the_end() {
    let min2 = 120_000;
    // Counting down a second at a time says exactly four things.
    let said: Vec<(u64, String)> = (0..120)
        .rev()
        .filter_map(|s| {
            let after = s * 1000;
            announcement(min2, after + 1000, after).map(|a| (s, a))
        })
        .collect();
    assert_eq!(
        said,
        [
            (60, "1 minute left".to_string()),
            (30, "30 seconds left".to_string()),
            (10, "10 seconds left".to_string()),
            (0, "Time is up".to_string()),
        ]
    );
    assert_eq!(
        announcement(180_000, 90_200, 89_900).as_deref(),
        Some("1 minute 30 seconds left")
    );
    // At 60 s, half time is the 30-second moment: said once.
    let said: Vec<String> = (0..60)
        .rev()
        .filter_map(|s| announcement(60_000, (s + 1) * 1000, s * 1000))
        .collect();
    assert_eq!(said, ["30 seconds left", "10 seconds left", "Time is up"]);
    // Nothing between the moments, nothing going up, nothing at the start.
    assert_eq!(announcement(min2, 100_000, 99_000), None);
    assert_eq!(announcement(min2, 9_000, 10_000), None);
    assert_eq!(announcement(min2, min2, min2), None);
    assert_eq!(announcement(min2, 0, 0), None);
    // A tab that slept past several moments says the latest.
    assert_eq!(
        announcement(min2, 70_000, 5_000).as_deref(),
        Some("10 seconds left")
    );
    assert_eq!(announcement(min2, 70_000, 0).as_deref(), Some("Time is up"));
    // A short limit: no moment at or past it.
    assert_eq!(announcement(20_000, 20_000, 19_000), None);
    assert_eq!(
        announcement(20_000, 10_500, 10_000).as_deref(),
        Some("10 seconds left")
    );
}

#[test]
fn times_in_plain_words() {
    assert_eq!(spoken(60_000), "1 minute");
    assert_eq!(spoken(120_000), "2 minutes");
    assert_eq!(spoken(90_000), "1 minute 30 seconds");
    assert_eq!(spoken(61_000), "1 minute 1 second");
    assert_eq!(spoken(10_999), "10 seconds");
}
