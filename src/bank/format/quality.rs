//! Rules about the bank's quality as a study tool, on top of the file format: enough checks per
//! question, checks that cannot be gamed by picking the longest option, and the `pitfalls` every
//! answer carries. Per-file rules name the file; bank-wide rules name the worst offenders.

use super::{err, BankError, Question, BEHAVIORAL_TOPIC, LEVELS};

/// Fewest `pitfalls` entries and most.
pub const PITFALLS: (usize, usize) = (2, 4);
/// Highest share of checks whose right option is the strictly longest one, in percent. Above it,
/// "always pick the longest" scores well above chance.
pub const MAX_LONGEST_SHARE: f64 = 30.0;
/// Highest share of checks whose right option is the strictly shortest, in percent, so that the
/// opposite habit does not pay either.
pub const MAX_SHORTEST_SHARE: f64 = 35.0;
/// Highest share of checks whose right option sits at one position (0-based), in percent.
pub const MAX_POSITION_SHARE: f64 = 35.0;

/// Fewest checks a question of `level` needs: advanced questions test more key points.
pub fn min_checks(level: &str) -> usize {
    if level == "advanced" {
        3
    } else {
        2
    }
}

/// Whether the right option of `check` is longer (in characters of visible text) than every other.
pub fn right_is_longest(check: &super::Check) -> bool {
    let len = |i: usize| check.options[i].text.chars().count();
    let right = len(check.answer);
    (0..check.options.len()).all(|i| i == check.answer || len(i) < right)
}

/// Whether the right option of `check` is shorter than every other.
pub fn right_is_shortest(check: &super::Check) -> bool {
    let len = |i: usize| check.options[i].text.chars().count();
    let right = len(check.answer);
    (0..check.options.len()).all(|i| i == check.answer || len(i) > right)
}

/// The per-file quality rules: pitfalls, the minimum number of checks, and the weak/strong contrast
/// that behavioral questions (and only they) carry.
pub fn question_errors(path: &str, q: &Question) -> Vec<BankError> {
    let mut errors = Vec::new();
    let n = q.pitfalls.len();
    if n < PITFALLS.0 || n > PITFALLS.1 {
        errors.push(err(
            path,
            Some("pitfalls"),
            format!(
                "needs {}–{} entries (what a weak answer says and why it loses marks), found {n}",
                PITFALLS.0, PITFALLS.1
            ),
        ));
    }
    let need = min_checks(&q.level);
    if q.checks.len() < need {
        errors.push(err(
            path,
            Some("check"),
            format!(
                "{} [[check]] found; a question of level {} needs at least {need}, each testing a different key point",
                q.checks.len(),
                q.level
            ),
        ));
    }
    let behavioral = q.topics.iter().any(|t| t == BEHAVIORAL_TOPIC);
    match (behavioral, q.contrast.is_some()) {
        (true, false) => errors.push(err(
            path,
            Some("weak_answer"),
            "behavioral questions need `weak_answer` and `strong_answer` (a short contrast)",
        )),
        (false, true) => errors.push(err(
            path,
            Some("weak_answer"),
            "only behavioral questions carry `weak_answer` and `strong_answer`",
        )),
        _ => {}
    }
    errors
}

/// The bank's figures as a study tool, printed by `make bankcheck`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Checks in the bank.
    pub checks: usize,
    /// Checks whose right option is strictly the longest.
    pub longest: usize,
    /// Checks whose right option is strictly the shortest.
    pub shortest: usize,
    /// How many right answers sit at each position (0-based).
    pub positions: Vec<usize>,
    /// Per level (in [`LEVELS`] order): questions, checks, fewest checks on one question.
    pub by_level: Vec<(&'static str, usize, usize, usize)>,
    /// `pitfalls` entries in the bank.
    pub pitfalls: usize,
    /// Questions with at least one pitfall.
    pub with_pitfalls: usize,
    /// Check explanations that use the word "tempting".
    pub tempting: usize,
    /// The checks where the right option is longest by the widest margin: (file id, check index,
    /// right length / next longest).
    pub worst: Vec<(String, usize, f64)>,
}

impl Figures {
    /// Share of checks whose right option is strictly the longest, in percent.
    pub fn longest_share(&self) -> f64 {
        share(self.longest, self.checks)
    }

    /// Share of checks whose right option is strictly the shortest, in percent.
    pub fn shortest_share(&self) -> f64 {
        share(self.shortest, self.checks)
    }

    /// The highest share of right answers at one position, in percent.
    pub fn top_position_share(&self) -> f64 {
        share(
            self.positions.iter().copied().max().unwrap_or(0),
            self.checks,
        )
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Works out the [`Figures`] of a bank.
pub fn figures(questions: &[Question]) -> Figures {
    let mut f = Figures {
        checks: 0,
        longest: 0,
        shortest: 0,
        positions: vec![],
        by_level: vec![],
        pitfalls: 0,
        with_pitfalls: 0,
        tempting: 0,
        worst: vec![],
    };
    for q in questions {
        f.pitfalls += q.pitfalls.len();
        f.with_pitfalls += usize::from(!q.pitfalls.is_empty());
        for (i, c) in q.checks.iter().enumerate() {
            f.checks += 1;
            if f.positions.len() <= c.answer {
                f.positions.resize(c.answer + 1, 0);
            }
            f.positions[c.answer] += 1;
            if c.explanation.text.to_lowercase().contains("tempting") {
                f.tempting += 1;
            }
            f.shortest += usize::from(right_is_shortest(c));
            if right_is_longest(c) {
                f.longest += 1;
                let right = c.options[c.answer].text.chars().count() as f64;
                let next = (0..c.options.len())
                    .filter(|&j| j != c.answer)
                    .map(|j| c.options[j].text.chars().count())
                    .max()
                    .unwrap_or(1)
                    .max(1) as f64;
                f.worst.push((q.id.clone(), i, right / next));
            }
        }
    }
    f.worst
        .sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    f.worst.truncate(10);
    for level in LEVELS {
        let of: Vec<&Question> = questions.iter().filter(|q| q.level == level).collect();
        let checks = of.iter().map(|q| q.checks.len()).sum();
        let fewest = of.iter().map(|q| q.checks.len()).min().unwrap_or(0);
        f.by_level.push((level, of.len(), checks, fewest));
    }
    f
}

/// The bank-wide rules: right answers not given away by length, nor by position. `path` names the
/// bank folder in messages.
pub fn bank_errors(path: &str, questions: &[Question]) -> Vec<BankError> {
    let f = figures(questions);
    let mut errors = Vec::new();
    if f.longest_share() > MAX_LONGEST_SHARE {
        let worst: Vec<String> = f
            .worst
            .iter()
            .map(|(id, i, ratio)| format!("{id} check[{i}] ({ratio:.1}x the next longest)"))
            .collect();
        errors.push(err(
            path,
            Some("check"),
            format!(
                "the right option is the longest in {} of {} checks ({:.0}%, at most {MAX_LONGEST_SHARE:.0}% allowed): picking the longest would score well above chance. Worst first: {}",
                f.longest,
                f.checks,
                f.longest_share(),
                worst.join(", ")
            ),
        ));
    }
    if f.shortest_share() > MAX_SHORTEST_SHARE {
        errors.push(err(
            path,
            Some("check"),
            format!(
                "the right option is the shortest in {} of {} checks ({:.0}%, at most {MAX_SHORTEST_SHARE:.0}%)",
                f.shortest,
                f.checks,
                f.shortest_share()
            ),
        ));
    }
    if f.top_position_share() > MAX_POSITION_SHARE {
        errors.push(err(
            path,
            Some("check"),
            format!(
                "right answers by position {:?}: one position holds {:.0}% (at most {MAX_POSITION_SHARE:.0}%)",
                f.positions,
                f.top_position_share()
            ),
        ));
    }
    errors
}
