//! The back-of-the-envelope calculator of a design exercise's estimate: eight inputs (as in the
//! exercise's `[estimate]` table), read from what the user types, and the figures an interviewer
//! expects (requests per second, storage, bandwidth, cache), written the way engineers write them
//! (`12 k req/s`, `3.4 TB/year`, `450 Mbit/s`). Pure: no DOM, no clock. The formulas are the ones
//! `docs/design-exercises.md` states; decimal units (1 KB = 1,000 bytes), 86,400 s a day, 365 days a
//! year.

use serde::{Deserialize, Serialize};

/// Seconds in a day.
pub const SECONDS_PER_DAY: f64 = 86_400.0;
/// Days in a year.
pub const DAYS_PER_YEAR: f64 = 365.0;
/// Outputs beyond this are nonsense inputs, not a system (10^30 bytes is a million yottabytes).
const ABSURD: f64 = 1e30;

crate::labelled_enum! {
    /// One input of the calculator.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Field {
        /// People (or clients, devices) active on a day.
        DailyActiveUsers => "daily_active_users", "Daily active users";
        /// Requests (reads and writes) each makes per day.
        ActionsPerUser => "actions_per_user", "Requests per user per day";
        /// Reads per write.
        ReadWriteRatio => "read_write_ratio", "Reads per write";
        /// Bytes of one written object.
        ObjectBytes => "object_bytes", "Object size (bytes)";
        /// How long written data is kept.
        RetentionYears => "retention_years", "Retention (years)";
        /// Copies of each byte stored.
        Replication => "replication", "Replication (copies)";
        /// Peak traffic over average traffic.
        PeakFactor => "peak_factor", "Peak factor (× average)";
        /// Share of a day's read bytes kept in memory.
        CacheShare => "cache_share", "Hot share to cache (0–1 or %)";
    }
}

/// Why what was typed is not a usable input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// Nothing typed.
    Empty,
    /// Not a number ("abc", "1..2").
    NotANumber,
    /// A number too large to compute with (`1e400`), or infinite.
    TooLarge,
    /// A number outside the field's range; the range in words.
    OutOfRange(&'static str),
}

impl InputError {
    /// The message shown next to the field.
    pub fn message(&self) -> String {
        match self {
            InputError::Empty => "Type a number.".into(),
            InputError::NotANumber => {
                "Not a number: use digits, e.g. 20000000, 20,000,000 or 20M.".into()
            }
            InputError::TooLarge => "Too large to compute with.".into(),
            InputError::OutOfRange(range) => format!("Must be {range}."),
        }
    }
}

/// Reads a number as people type it: `20000000`, `20_000_000`, `20,000,000`, `20 000 000`, `1.5`,
/// `2e6`, with a suffix `k` (thousand), `M` (million), `B` or `G` (billion), or `%` (a hundredth:
/// `20%` is 0.2). Commas are thousands separators, never decimal points.
pub fn parse_number(text: &str) -> Result<f64, InputError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '_' | ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::Empty);
    }
    let (digits, scale) = match cleaned.chars().last() {
        Some('k' | 'K') => (&cleaned[..cleaned.len() - 1], 1e3),
        Some('M') => (&cleaned[..cleaned.len() - 1], 1e6),
        Some('B' | 'G') => (&cleaned[..cleaned.len() - 1], 1e9),
        Some('%') => (&cleaned[..cleaned.len() - 1], 0.01),
        _ => (cleaned.as_str(), 1.0),
    };
    // Rust's float parser also takes "inf" and "NaN": only digits, one point and an exponent here.
    let plain = !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && digits.chars().any(|c| c.is_ascii_digit());
    if !plain {
        return Err(InputError::NotANumber);
    }
    let value: f64 = digits.parse().map_err(|_| InputError::NotANumber)?;
    let value = value * scale;
    if !value.is_finite() {
        return Err(InputError::TooLarge);
    }
    Ok(value)
}

/// The calculator's inputs (the names of an exercise's `[estimate]` table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inputs {
    /// People active on a day (≥ 1).
    pub daily_active_users: f64,
    /// Requests each makes per day (> 0).
    pub actions_per_user: f64,
    /// Reads per write (≥ 0; 0 is write only).
    pub read_write_ratio: f64,
    /// Bytes of one written object (≥ 1).
    pub object_bytes: f64,
    /// Years written data is kept (> 0).
    pub retention_years: f64,
    /// Copies of each byte (a whole number ≥ 1).
    pub replication: f64,
    /// Peak over average traffic (≥ 1).
    pub peak_factor: f64,
    /// Share of a day's read bytes kept in memory (0 to 1).
    pub cache_share: f64,
}

impl Inputs {
    /// The value of `field`.
    pub fn get(&self, field: Field) -> f64 {
        match field {
            Field::DailyActiveUsers => self.daily_active_users,
            Field::ActionsPerUser => self.actions_per_user,
            Field::ReadWriteRatio => self.read_write_ratio,
            Field::ObjectBytes => self.object_bytes,
            Field::RetentionYears => self.retention_years,
            Field::Replication => self.replication,
            Field::PeakFactor => self.peak_factor,
            Field::CacheShare => self.cache_share,
        }
    }

    /// Sets `field` to `value`.
    pub fn set(&mut self, field: Field, value: f64) {
        let slot = match field {
            Field::DailyActiveUsers => &mut self.daily_active_users,
            Field::ActionsPerUser => &mut self.actions_per_user,
            Field::ReadWriteRatio => &mut self.read_write_ratio,
            Field::ObjectBytes => &mut self.object_bytes,
            Field::RetentionYears => &mut self.retention_years,
            Field::Replication => &mut self.replication,
            Field::PeakFactor => &mut self.peak_factor,
            Field::CacheShare => &mut self.cache_share,
        };
        *slot = value;
    }

    /// Whether `value` is allowed in `field`, and if not, the range in words.
    pub fn check_field(field: Field, value: f64) -> Result<(), InputError> {
        if !value.is_finite() {
            return Err(InputError::TooLarge);
        }
        let (ok, range) = match field {
            Field::DailyActiveUsers => (value >= 1.0, "at least 1"),
            Field::ActionsPerUser => (value > 0.0, "more than 0"),
            Field::ReadWriteRatio => (value >= 0.0, "0 or more (0 means write only)"),
            Field::ObjectBytes => (value >= 1.0, "at least 1 byte"),
            Field::RetentionYears => (value > 0.0, "more than 0"),
            Field::Replication => (
                value >= 1.0 && value.fract() == 0.0,
                "a whole number of copies, at least 1",
            ),
            Field::PeakFactor => (value >= 1.0, "at least 1 (peak is never below average)"),
            Field::CacheShare => (
                (0.0..=1.0).contains(&value),
                "between 0 and 1 (or 0% to 100%)",
            ),
        };
        if ok {
            Ok(())
        } else {
            Err(InputError::OutOfRange(range))
        }
    }

    /// Every field outside its range, with why.
    pub fn check(&self) -> Result<(), Vec<(Field, InputError)>> {
        let errors: Vec<_> = Field::ALL
            .iter()
            .filter_map(|&f| Self::check_field(f, self.get(f)).err().map(|e| (f, e)))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The figures, or why there are none: inputs outside their ranges, or so large that a figure
    /// would be meaningless.
    pub fn outputs(&self) -> Result<Outputs, OutputError> {
        self.check().map_err(OutputError::Invalid)?;
        let requests_per_day = self.daily_active_users * self.actions_per_user;
        let writes_per_day = requests_per_day / (1.0 + self.read_write_ratio);
        let reads_per_day = requests_per_day - writes_per_day;
        let per_second = |per_day: f64| per_day / SECONDS_PER_DAY;
        let storage_per_day = writes_per_day * self.object_bytes;
        let storage_per_year = storage_per_day * DAYS_PER_YEAR;
        let out = Outputs {
            requests_per_day,
            writes_per_day,
            reads_per_day,
            avg_rps: per_second(requests_per_day),
            avg_read_rps: per_second(reads_per_day),
            avg_write_rps: per_second(writes_per_day),
            peak_rps: per_second(requests_per_day) * self.peak_factor,
            peak_read_rps: per_second(reads_per_day) * self.peak_factor,
            peak_write_rps: per_second(writes_per_day) * self.peak_factor,
            storage_per_day,
            storage_per_year,
            storage_per_year_replicated: storage_per_year * self.replication,
            storage_over_retention: storage_per_year * self.retention_years * self.replication,
            bandwidth_in: per_second(writes_per_day) * self.object_bytes,
            bandwidth_out: per_second(reads_per_day) * self.object_bytes,
            peak_bandwidth_in: per_second(writes_per_day) * self.object_bytes * self.peak_factor,
            peak_bandwidth_out: per_second(reads_per_day) * self.object_bytes * self.peak_factor,
            cache_bytes: self.cache_share * reads_per_day * self.object_bytes,
        };
        if out.all().iter().any(|v| !v.is_finite() || *v > ABSURD) {
            return Err(OutputError::TooLarge);
        }
        Ok(out)
    }
}

/// Why the calculator shows no figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    /// Some inputs are outside their ranges.
    Invalid(Vec<(Field, InputError)>),
    /// The inputs are so large that the figures mean nothing (beyond 10^30).
    TooLarge,
}

impl OutputError {
    /// One line for the user.
    pub fn message(&self) -> String {
        match self {
            OutputError::Invalid(errors) => {
                let names: Vec<&str> = errors.iter().map(|(f, _)| f.label()).collect();
                format!("Fix {} to see the figures.", names.join(", "))
            }
            OutputError::TooLarge => {
                "These inputs are too large to mean anything: no system is that big.".into()
            }
        }
    }
}

/// The figures (per second unless named otherwise; bytes; bandwidth in bytes per second).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outputs {
    /// Requests a day, reads and writes together.
    pub requests_per_day: f64,
    /// Writes a day.
    pub writes_per_day: f64,
    /// Reads a day.
    pub reads_per_day: f64,
    /// Average requests per second.
    pub avg_rps: f64,
    /// Average reads per second.
    pub avg_read_rps: f64,
    /// Average writes per second.
    pub avg_write_rps: f64,
    /// Peak requests per second.
    pub peak_rps: f64,
    /// Peak reads per second.
    pub peak_read_rps: f64,
    /// Peak writes per second.
    pub peak_write_rps: f64,
    /// Bytes written a day (one copy).
    pub storage_per_day: f64,
    /// Bytes written a year (one copy).
    pub storage_per_year: f64,
    /// Bytes written a year, every copy.
    pub storage_per_year_replicated: f64,
    /// Bytes kept over the retention, every copy.
    pub storage_over_retention: f64,
    /// Average bytes per second coming in (writes).
    pub bandwidth_in: f64,
    /// Average bytes per second going out (reads).
    pub bandwidth_out: f64,
    /// Peak bytes per second in.
    pub peak_bandwidth_in: f64,
    /// Peak bytes per second out.
    pub peak_bandwidth_out: f64,
    /// Bytes of memory for the hot share of a day's reads.
    pub cache_bytes: f64,
}

impl Outputs {
    fn all(&self) -> [f64; 18] {
        [
            self.requests_per_day,
            self.writes_per_day,
            self.reads_per_day,
            self.avg_rps,
            self.avg_read_rps,
            self.avg_write_rps,
            self.peak_rps,
            self.peak_read_rps,
            self.peak_write_rps,
            self.storage_per_day,
            self.storage_per_year,
            self.storage_per_year_replicated,
            self.storage_over_retention,
            self.bandwidth_in,
            self.bandwidth_out,
            self.peak_bandwidth_in,
            self.peak_bandwidth_out,
            self.cache_bytes,
        ]
    }

    /// What the calculator's table shows, in order: a label and the figure in words.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "Requests a day",
                format!("{} a day", fmt_count(self.requests_per_day)),
            ),
            (
                "Requests per second (average / peak)",
                format!("{} / {}", fmt_rate(self.avg_rps), fmt_rate(self.peak_rps)),
            ),
            (
                "Reads per second (average / peak)",
                format!(
                    "{} / {}",
                    fmt_rate(self.avg_read_rps),
                    fmt_rate(self.peak_read_rps)
                ),
            ),
            (
                "Writes per second (average / peak)",
                format!(
                    "{} / {}",
                    fmt_rate(self.avg_write_rps),
                    fmt_rate(self.peak_write_rps)
                ),
            ),
            (
                "New data a day (one copy)",
                format!("{}/day", fmt_bytes(self.storage_per_day)),
            ),
            (
                "New data a year (one copy / all copies)",
                format!(
                    "{}/year / {}/year",
                    fmt_bytes(self.storage_per_year),
                    fmt_bytes(self.storage_per_year_replicated)
                ),
            ),
            (
                "Stored over the retention (all copies)",
                fmt_bytes(self.storage_over_retention),
            ),
            (
                "Bandwidth in (average / peak)",
                format!(
                    "{} / {}",
                    fmt_bits_per_sec(self.bandwidth_in),
                    fmt_bits_per_sec(self.peak_bandwidth_in)
                ),
            ),
            (
                "Bandwidth out (average / peak)",
                format!(
                    "{} / {}",
                    fmt_bits_per_sec(self.bandwidth_out),
                    fmt_bits_per_sec(self.peak_bandwidth_out)
                ),
            ),
            ("Cache memory", fmt_bytes(self.cache_bytes)),
        ]
    }
}

/// `value` with two significant figures under 10 and whole numbers from 10 ("3.5", "12", "450"),
/// the way an estimate is said: 11.574 → "12", 1.157 → "1.2", 0 → "0".
fn significant(value: f64) -> String {
    if value == 0.0 {
        "0".into()
    } else if value < 10.0 {
        let s = format!("{value:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    } else {
        format!("{}", value.round())
    }
}

/// `value` scaled by the first of `units` (factor, suffix) it reaches, with [`significant`]
/// rounding: 11,574 with thousands → "12 k".
fn scaled(value: f64, units: &[(f64, &str)]) -> String {
    let (factor, suffix) = units
        .iter()
        .rev()
        .find(|(f, _)| value >= *f * 0.9995)
        .copied()
        .unwrap_or(units[0]);
    let shown = significant(value / factor);
    // 999.6 rounds to "1000": say it with the next unit instead.
    if shown == "1000" {
        if let Some(next) = units.iter().find(|(f, _)| *f > factor) {
            return format!("{} {}", significant(value / next.0), next.1)
                .trim_end()
                .to_string();
        }
    }
    format!("{shown} {suffix}").trim_end().to_string()
}

const COUNT_UNITS: [(f64, &str); 5] = [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];

/// A count: "1 B", "350 M", "12 k", "7".
pub fn fmt_count(value: f64) -> String {
    scaled(value, &COUNT_UNITS)
}

/// Requests per second: "12 k req/s", "3.5 req/s", "0 req/s".
pub fn fmt_rate(rps: f64) -> String {
    format!("{} req/s", fmt_count(rps)).replace("  ", " ")
}

/// Bytes in decimal units: "0 B", "999 B", "1 KB", "1.5 MB", "3.4 TB", up to EB (then more EB).
pub fn fmt_bytes(bytes: f64) -> String {
    scaled(
        bytes,
        &[
            (1.0, "B"),
            (1e3, "KB"),
            (1e6, "MB"),
            (1e9, "GB"),
            (1e12, "TB"),
            (1e15, "PB"),
            (1e18, "EB"),
        ],
    )
}

/// Bytes per second as bits per second: "450 Mbit/s", "2.3 Gbit/s".
pub fn fmt_bits_per_sec(bytes_per_sec: f64) -> String {
    scaled(
        bytes_per_sec * 8.0,
        &[
            (1.0, "bit/s"),
            (1e3, "kbit/s"),
            (1e6, "Mbit/s"),
            (1e9, "Gbit/s"),
            (1e12, "Tbit/s"),
            (1e15, "Pbit/s"),
        ],
    )
}

/// An input written back readably for its box: 200000000 → "200,000,000", 0.2 → "0.2".
pub fn fmt_input(value: f64) -> String {
    if value.fract() == 0.0 && (0.0..1e15).contains(&value) {
        // Grouped by hand: `numbers::grouped` takes a usize, 32 bits in the wasm.
        let digits = (value as u64).to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(d);
        }
        out
    } else {
        format!("{value}")
    }
}

// Host only: the proptests and the TOML reading use host dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The url-shortener exercise's numbers.
    fn shortener() -> Inputs {
        Inputs {
            daily_active_users: 200e6,
            actions_per_user: 5.0,
            read_write_ratio: 100.0,
            object_bytes: 500.0,
            retention_years: 5.0,
            replication: 3.0,
            peak_factor: 3.0,
            cache_share: 0.2,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= b.abs() * 1e-9
    }

    #[test]
    fn the_url_shortener_worked_by_hand() {
        let o = shortener().outputs().unwrap();
        // 200 M × 5 = 1 B requests a day; writes = 1 B / 101 = 9,900,990; reads = the rest.
        assert!(close(o.requests_per_day, 1e9));
        assert!(close(o.writes_per_day, 1e9 / 101.0));
        assert!(close(o.reads_per_day + o.writes_per_day, 1e9));
        // 1 B / 86,400 = 11,574 req/s; × 3 = 34,722 at peak.
        assert!(close(o.avg_rps, 11_574.074_074_074_074));
        assert_eq!(fmt_rate(o.avg_rps), "12 k req/s");
        assert_eq!(fmt_rate(o.peak_rps), "35 k req/s");
        // Writes: 9,900,990 / 86,400 = 114.6 req/s.
        assert_eq!(fmt_rate(o.avg_write_rps), "115 req/s");
        // 9,900,990 × 500 B = 4.95 GB a day; × 365 = 1.807 TB a year; × 3 copies = 5.42 TB;
        // × 5 years = 27.1 TB.
        assert_eq!(fmt_bytes(o.storage_per_day), "5 GB");
        assert_eq!(fmt_bytes(o.storage_per_year), "1.8 TB");
        assert_eq!(fmt_bytes(o.storage_per_year_replicated), "5.4 TB");
        assert_eq!(fmt_bytes(o.storage_over_retention), "27 TB");
        // Out: 11,459 reads/s × 500 B = 5.73 MB/s = 45.8 Mbit/s.
        assert_eq!(fmt_bits_per_sec(o.bandwidth_out), "46 Mbit/s");
        // Cache: 0.2 × 990,099,010 reads × 500 B = 99 GB.
        assert_eq!(fmt_bytes(o.cache_bytes), "99 GB");
        let rows = o.rows();
        assert_eq!(rows[1].1, "12 k req/s / 35 k req/s");
        assert_eq!(rows[5].1, "1.8 TB/year / 5.4 TB/year");
    }

    #[test]
    fn units_change_at_their_thresholds() {
        assert_eq!(fmt_bytes(0.0), "0 B");
        assert_eq!(fmt_bytes(999.0), "999 B");
        assert_eq!(fmt_bytes(999.7), "1 KB");
        assert_eq!(fmt_bytes(1_000.0), "1 KB");
        assert_eq!(fmt_bytes(1_500_000.0), "1.5 MB");
        assert_eq!(fmt_bytes(3.4e12), "3.4 TB");
        assert_eq!(fmt_bytes(2e21), "2000 EB");
        assert_eq!(fmt_rate(0.0), "0 req/s");
        assert_eq!(fmt_rate(3.46), "3.5 req/s");
        assert_eq!(fmt_rate(1_157.0), "1.2 k req/s");
        assert_eq!(fmt_rate(2.5e6), "2.5 M req/s");
        assert_eq!(fmt_bits_per_sec(56_250_000.0), "450 Mbit/s");
        assert_eq!(fmt_count(1e9), "1 B");
        assert_eq!(fmt_input(200e6), "200,000,000");
        assert_eq!(fmt_input(0.2), "0.2");
        assert_eq!(fmt_input(5e12), "5,000,000,000,000");
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        for text in [
            "20000000",
            "20_000_000",
            "20,000,000",
            "20 000 000",
            "20M",
            "2e7",
            " 20m ",
        ] {
            let got = parse_number(text);
            if text.trim() == "20m" {
                assert_eq!(got, Err(InputError::NotANumber), "m is not a unit here");
            } else {
                assert_eq!(got, Ok(20e6), "{text}");
            }
        }
        assert_eq!(parse_number("1.5k"), Ok(1500.0));
        assert_eq!(parse_number("3B"), Ok(3e9));
        assert_eq!(parse_number("20%"), Ok(0.2));
        assert_eq!(parse_number("0"), Ok(0.0));
    }

    #[test]
    fn nonsense_gets_a_message_not_a_nan() {
        assert_eq!(parse_number(""), Err(InputError::Empty));
        assert_eq!(parse_number("   "), Err(InputError::Empty));
        for text in ["abc", "NaN", "inf", "infinity", "1..2", "k", "%", "-"] {
            assert!(
                matches!(parse_number(text), Err(InputError::NotANumber)),
                "{text}"
            );
        }
        assert_eq!(parse_number("1e400"), Err(InputError::TooLarge));
        for e in [
            InputError::Empty,
            InputError::NotANumber,
            InputError::TooLarge,
            InputError::OutOfRange("at least 1"),
        ] {
            assert!(!e.message().is_empty());
        }
    }

    #[test]
    fn every_range_is_held_and_named() {
        let mut bad = shortener();
        bad.daily_active_users = 0.0;
        bad.replication = 2.5;
        bad.cache_share = 1.2;
        bad.peak_factor = 0.5;
        let Err(OutputError::Invalid(errors)) = bad.outputs() else {
            panic!("invalid inputs gave figures");
        };
        let fields: Vec<Field> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec![
                Field::DailyActiveUsers,
                Field::Replication,
                Field::PeakFactor,
                Field::CacheShare
            ]
        );
        assert!(OutputError::Invalid(errors)
            .message()
            .contains("Daily active users"));
        assert!(Inputs::check_field(Field::ActionsPerUser, 0.0).is_err());
        assert!(Inputs::check_field(Field::RetentionYears, 0.0).is_err());
        assert!(Inputs::check_field(Field::ObjectBytes, 0.5).is_err());
        assert!(Inputs::check_field(Field::CacheShare, 0.0).is_ok());
    }

    #[test]
    fn write_only_has_no_reads_and_zero_cache_share_no_cache() {
        let mut w = shortener();
        w.read_write_ratio = 0.0;
        w.cache_share = 0.0;
        let o = w.outputs().unwrap();
        assert_eq!(o.reads_per_day, 0.0);
        assert_eq!(o.bandwidth_out, 0.0);
        assert_eq!(fmt_bytes(o.cache_bytes), "0 B");
        assert!(close(o.writes_per_day, 1e9));
    }

    #[test]
    fn huge_inputs_say_so_instead_of_overflowing() {
        let mut h = shortener();
        h.daily_active_users = 1e15;
        h.actions_per_user = 1e6;
        h.object_bytes = 1e12;
        assert_eq!(h.outputs(), Err(OutputError::TooLarge));
        h.daily_active_users = f64::MAX;
        assert!(h.outputs().is_err());
        assert!(!OutputError::TooLarge.message().is_empty());
    }

    #[test]
    fn the_toml_names_deserialize() {
        let i: Inputs = toml::from_str(
            "daily_active_users = 200000000.0\nactions_per_user = 5.0\nread_write_ratio = 100.0\nobject_bytes = 500.0\nretention_years = 5.0\nreplication = 3.0\npeak_factor = 3.0\ncache_share = 0.2\n",
        )
        .unwrap();
        assert_eq!(i, shortener());
        for f in Field::ALL {
            let mut j = i.clone();
            j.set(f, 7.0);
            assert_eq!(j.get(f), 7.0, "{}", f.id());
        }
    }

    proptest::proptest! {
        #[test]
        fn valid_inputs_give_finite_figures_that_add_up(
            dau in 1.0f64..1e10,
            actions in 0.001f64..1e4,
            ratio in 0.0f64..1e4,
            bytes in 1.0f64..1e9,
            years in 0.01f64..100.0,
            copies in 1u32..10,
            peak in 1.0f64..50.0,
            share in 0.0f64..=1.0,
        ) {
            let i = Inputs {
                daily_active_users: dau,
                actions_per_user: actions,
                read_write_ratio: ratio,
                object_bytes: bytes,
                retention_years: years,
                replication: f64::from(copies),
                peak_factor: peak,
                cache_share: share,
            };
            let o = i.outputs().unwrap();
            for v in o.all() {
                proptest::prop_assert!(v.is_finite() && v >= 0.0);
            }
            proptest::prop_assert!(close(o.reads_per_day + o.writes_per_day, o.requests_per_day));
            proptest::prop_assert!(o.peak_rps >= o.avg_rps);
            for (_, text) in o.rows() {
                proptest::prop_assert!(!text.contains("NaN") && !text.contains("inf"));
            }
        }
    }
}
