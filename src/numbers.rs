//! How numbers are written for people: thousands separators, counted nouns, megabytes. One place,
//! so every screen says "1 day", "2 days" and "1,234 notes" the same way.

/// `n` with thousands separators: "80,000".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// "1 note", "12 notes", "1,234 notes".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// A review interval in days, short, as on a grade button: "1d", "12d", "3mo", "1.4y".
pub fn days_short(days: i64) -> String {
    match days {
        ..=0 => "today".to_string(),
        1..=30 => format!("{days}d"),
        31..=364 => format!("{}mo", (days as f64 / 30.4).round() as i64),
        _ => {
            // Tenths of a year, rounded half up, in integers: 365.25 days = 1461 / 4, and a
            // float's formatting would add kilobytes to every area.
            let tenths = (days * 80 + 1461) / (2 * 1461);
            format!("{}.{}y", tenths / 10, tenths % 10)
        }
    }
}

/// Bytes as MB with at most one decimal, rounded up so that a file just over a limit never reads
/// as the limit itself.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64).saturating_mul(10).div_ceil(1024 * 1024);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_integers_read_as_the_float_would() {
        for days in 365..20_000 {
            assert_eq!(
                days_short(days),
                format!("{:.1}y", days as f64 / 365.25),
                "{days}"
            );
        }
    }

    #[test]
    fn intervals_read_short() {
        let shown: Vec<String> = [0, 1, 12, 30, 45, 200, 400].map(days_short).to_vec();
        assert_eq!(shown, ["today", "1d", "12d", "30d", "1mo", "7mo", "1.1y"]);
    }

    #[test]
    fn counts_and_groups() {
        assert_eq!(counted(1, "day", "days"), "1 day");
        assert_eq!(counted(0, "day", "days"), "0 days");
        assert_eq!(counted(1234, "note", "notes"), "1,234 notes");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000_000), "1,000,000");
    }

    #[test]
    fn megabytes_round_up() {
        assert_eq!(megabytes(16 * 1024 * 1024), "16");
        assert_eq!(megabytes(16 * 1024 * 1024 + 1), "16.1");
    }
}
