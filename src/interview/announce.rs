//! What a screen reader hears of an answer's timer, and how the clock reads on screen.

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
