//! The clock and the user's calendar.
//!
//! Built with the `test-hooks` feature (end-to-end tests only), a number in
//! `window.__backprepTestNow` replaces the browser clock, so tests can jump days ahead. A normal
//! build has no such code: `make test` checks that the name is absent from the shipped wasm.

use crate::stats::{Calendar, Day};

pub use imp::{now_ms, UserCalendar};

/// Today in the user's calendar.
pub fn today() -> Day {
    UserCalendar.day_of(now_ms())
}

/// The last millisecond of today: "due today" means due at or before it.
pub fn end_of_today() -> u64 {
    UserCalendar.start_of(today() + 1).saturating_sub(1)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::stats::{Calendar, Day};

    const DAY_MS: i64 = 86_400_000;

    /// Milliseconds since the Unix epoch, from the browser clock.
    pub fn now_ms() -> u64 {
        #[cfg(feature = "test-hooks")]
        if let Some(ms) = test_clock() {
            return ms;
        }
        js_sys::Date::now().max(0.0) as u64
    }

    #[cfg(feature = "test-hooks")]
    fn test_clock() -> Option<u64> {
        let window = web_sys::window()?;
        js_sys::Reflect::get(&window, &"__backprepTestNow".into())
            .ok()?
            .as_f64()
            .filter(|ms| ms.is_finite() && *ms >= 0.0)
            .map(|ms| ms as u64)
    }

    /// The user's calendar: the browser's time zone, looked up per instant (so summer time is
    /// right for every date).
    #[derive(Debug, Clone, Copy, Default)]
    pub struct UserCalendar;

    /// Minutes to add to UTC to get local time at instant `ms`.
    fn offset_minutes(ms: i64) -> i64 {
        -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).get_timezone_offset()
            as i64)
    }

    impl Calendar for UserCalendar {
        fn day_of(&self, ms: u64) -> Day {
            let ms = ms.min(i64::MAX as u64 / 2) as i64;
            (ms + offset_minutes(ms) * 60_000).div_euclid(DAY_MS)
        }

        fn start_of(&self, day: Day) -> u64 {
            let midnight_utc = day.saturating_mul(DAY_MS);
            // Local midnight is UTC midnight minus the offset in force then; look the offset up
            // again at the first guess in case a summer-time change lies between.
            let guess = midnight_utc - offset_minutes(midnight_utc) * 60_000;
            (midnight_utc - offset_minutes(guess) * 60_000).max(0) as u64
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use crate::stats::{Calendar, Day, FixedOffset};

    /// Milliseconds since the Unix epoch, from the system clock.
    pub fn now_ms() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0)
    }

    /// The host's calendar: UTC (the prerendered pages hold no dates of the user's).
    #[derive(Debug, Clone, Copy, Default)]
    pub struct UserCalendar;

    impl Calendar for UserCalendar {
        fn day_of(&self, ms: u64) -> Day {
            FixedOffset::UTC.day_of(ms)
        }

        fn start_of(&self, day: Day) -> u64 {
            FixedOffset::UTC.start_of(day)
        }
    }
}
