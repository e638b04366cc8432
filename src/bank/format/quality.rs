//! Rules about the bank's quality as a study tool, on top of the file format: enough checks per
//! question, the `pitfalls` every answer carries, and checks that cannot be gamed. Per-file rules
//! name the file; bank-wide rules name the worst offenders.
//!
//! "Cannot be gamed" is measured, not guessed: each [`Strategy`] is a habit of a test-taker who
//! reads only the options (and, for two of them, the prompt's words) and never the question's
//! substance, such as "pick the second-longest option". [`strategy_score`] is the expected score of
//! such a habit on one check; over a group of checks it must stay near chance (25% with four
//! options). The right option's length rank ([`rank_quarters`]) must also be spread evenly, so that
//! no rank is a tell, and one file must not key all its checks at one position.

use super::{err, BankError, Check, Question, BEHAVIORAL_TOPIC, LEVELS};
use std::collections::BTreeSet;

/// Fewest `pitfalls` entries and most.
pub const PITFALLS: (usize, usize) = (2, 4);
/// Highest share of checks whose right option sits at one position (0-based), in percent.
pub const MAX_POSITION_SHARE: f64 = 35.0;
/// Highest share of the bank's checks that any one [`Strategy`] may win, in percent (chance is 25%
/// with four options).
pub const MAX_STRATEGY_SHARE: f64 = 30.0;
/// Highest share of one level's checks (or of the behavioral checks) that any one [`Strategy`] may
/// win, in percent: a smaller group varies more by chance, so its limit is looser.
pub const MAX_GROUP_STRATEGY_SHARE: f64 = 35.0;
/// Lowest and highest share of the bank's checks whose right option has one length rank (the
/// longest, the second-longest, ...; see [`rank_quarters`]), in percent.
pub const RANK_BAND: (f64, f64) = (18.0, 32.0);
/// Fewest checks a group needs before its shares are held to the limits above. In a smaller group
/// one check moves a share by several points, and three-option checks alone sit at 33%: the limits
/// would judge noise. The real bank's smallest group holds several times this.
pub const MIN_SAMPLE: usize = 30;

/// Fewest checks a question of `level` needs: advanced questions test more key points.
pub fn min_checks(level: &str) -> usize {
    if level == "advanced" {
        3
    } else {
        2
    }
}

/// A habit that picks an option without knowing the answer: from the options' lengths (in
/// characters of visible text) or from the words they share with the prompt (see [`words`]).
/// Whenever a habit faces a tie it picks uniformly among the tied options, so [`strategy_score`] is
/// an expected value: deterministic, no random numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// The longest option.
    Longest,
    /// The second-longest option.
    SecondLongest,
    /// A random one of the options that are neither the longest nor the shortest (with four
    /// options, the middle two; with three, the middle one).
    Middle,
    /// The second-shortest option.
    SecondShortest,
    /// The shortest option.
    Shortest,
    /// The option whose length is farthest from the mean length of the others.
    OddOneOut,
    /// The option sharing the most words with the prompt.
    MostShared,
    /// The option sharing the fewest words with the prompt.
    FewestShared,
}

impl Strategy {
    /// Every strategy, in the order tables show them.
    pub const ALL: [Strategy; 8] = [
        Strategy::Longest,
        Strategy::SecondLongest,
        Strategy::Middle,
        Strategy::SecondShortest,
        Strategy::Shortest,
        Strategy::OddOneOut,
        Strategy::MostShared,
        Strategy::FewestShared,
    ];

    /// Its name in tables and messages.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Longest => "longest",
            Strategy::SecondLongest => "second-longest",
            Strategy::Middle => "one of the middle two",
            Strategy::SecondShortest => "second-shortest",
            Strategy::Shortest => "shortest",
            Strategy::OddOneOut => "odd one out by length",
            Strategy::MostShared => "most prompt words",
            Strategy::FewestShared => "fewest prompt words",
        }
    }
}

/// Words too common to tell options apart, left out of [`words`].
pub const STOP_WORDS: [&str; 44] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "has",
    "have", "how", "if", "in", "into", "is", "it", "its", "no", "not", "of", "on", "or", "s", "so",
    "t", "than", "that", "the", "their", "them", "then", "this", "to", "was", "what", "which",
    "with", "you", "your",
];

/// The words of `text` for the word-sharing strategies: maximal runs of alphanumeric characters,
/// lowercased, as a set, without [`STOP_WORDS`]. "PostgreSQL's B-tree" gives `postgresql`, `b`
/// and `tree` (`s` is a stop word).
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

fn lengths(check: &Check) -> Vec<usize> {
    check
        .options
        .iter()
        .map(|o| o.text.chars().count())
        .collect()
}

/// Where the right option lands when the options are sorted longest first, with ties broken
/// uniformly at random: entry `p` is the probability that it is at place `p` (0 = longest). An
/// option tied with `k - 1` others is at each of their `k` places with probability `1/k`.
pub fn length_places(check: &Check) -> Vec<f64> {
    let lens = lengths(check);
    let mut places = vec![0.0; lens.len()];
    let Some(&right) = lens.get(check.answer) else {
        return places;
    };
    let longer = lens.iter().filter(|&&l| l > right).count();
    let tied = lens.iter().filter(|&&l| l == right).count();
    for place in &mut places[longer..longer + tied] {
        *place = 1.0 / tied as f64;
    }
    places
}

/// The right option's length rank as shares of four ranks (1 = longest ... 4 = shortest), which
/// sum to 1. With four options rank `k` is place `k` of [`length_places`]. With `n` other than
/// four, place `p` covers the `p`-th `n`-th of the range and counts towards the four ranks in
/// proportion to how much of each quarter it covers: with three options the middle one is half
/// rank 2 and half rank 3, the longest three quarters rank 1 and one quarter rank 2.
pub fn rank_quarters(check: &Check) -> [f64; 4] {
    let places = length_places(check);
    let n = places.len();
    let mut ranks = [0.0; 4];
    for (p, weight) in places.iter().enumerate() {
        // In units of 1/(4n): place p covers [4p, 4p + 4), rank k covers [kn, kn + n).
        for (k, rank) in ranks.iter_mut().enumerate() {
            let lo = (4 * p).max(k * n);
            let hi = (4 * p + 4).min(k * n + n);
            if hi > lo {
                *rank += weight * (hi - lo) as f64 / 4.0;
            }
        }
    }
    ranks
}

/// `1/k` if the right option is among the `k` options whose `key` is best (largest when `max`,
/// else smallest), else 0.
fn pick(keys: &[i64], answer: usize, max: bool) -> f64 {
    let best = if max {
        keys.iter().max()
    } else {
        keys.iter().min()
    };
    let Some(&best) = best else { return 0.0 };
    let tied = keys.iter().filter(|&&k| k == best).count();
    if keys.get(answer) == Some(&best) {
        1.0 / tied as f64
    } else {
        0.0
    }
}

/// The expected score (0 to 1) of `strategy` on `check`.
pub fn strategy_score(strategy: Strategy, check: &Check) -> f64 {
    let places = length_places(check);
    let n = places.len();
    if n == 0 {
        return 0.0;
    }
    let shared = |max: bool| {
        let prompt = words(&check.prompt.text);
        let keys: Vec<i64> = check
            .options
            .iter()
            .map(|o| words(&o.text).intersection(&prompt).count() as i64)
            .collect();
        pick(&keys, check.answer, max)
    };
    match strategy {
        Strategy::Longest => places[0],
        Strategy::SecondLongest => places.get(1).copied().unwrap_or(0.0),
        Strategy::Middle if n < 3 => 0.0,
        Strategy::Middle => places[1..n - 1].iter().sum::<f64>() / (n - 2) as f64,
        Strategy::SecondShortest => n.checked_sub(2).map_or(0.0, |p| places[p]),
        Strategy::Shortest => places[n - 1],
        Strategy::OddOneOut => {
            // |len - mean of the others| is |n·len - total| / (n - 1): compare in integers.
            let lens = lengths(check);
            let total: usize = lens.iter().sum();
            let keys: Vec<i64> = lens
                .iter()
                .map(|&l| (n as i64 * l as i64 - total as i64).abs())
                .collect();
            pick(&keys, check.answer, true)
        }
        Strategy::MostShared => shared(true),
        Strategy::FewestShared => shared(false),
    }
}

/// The per-file quality rules: pitfalls, the minimum number of checks, answers not all at one
/// position ([`position_error`]), and the weak/strong contrast that behavioral questions (and only
/// they) carry.
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
    errors.extend(position_error(path, q));
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

/// The per-file gaming rule: a file with two or more checks must not key them all at one
/// position, or a learner who has seen one of its checks knows where the others' answers are.
pub fn position_error(path: &str, q: &Question) -> Option<BankError> {
    let first = q.checks.first()?.answer;
    (q.checks.len() >= 2 && q.checks.iter().all(|c| c.answer == first)).then(|| {
        err(
            path,
            Some("check"),
            format!(
                "all {} checks have their right option at position {first} (0-based): spread them",
                q.checks.len()
            ),
        )
    })
}

/// One group of checks (the bank, a level, or the behavioral checks) and what the strategies and
/// the length ranks make of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// `all`, a level, or `behavioral`.
    pub name: &'static str,
    /// Checks in the group.
    pub checks: usize,
    /// Expected checks won by each strategy, in [`Strategy::ALL`] order.
    pub wins: Vec<f64>,
    /// Expected checks whose right option has each length rank (1 = longest ... 4).
    pub ranks: [f64; 4],
    /// Per file of the group: id, checks, expected wins per strategy, checks per rank.
    pub files: Vec<(String, usize, Vec<f64>, [f64; 4])>,
}

impl Group {
    fn new(name: &'static str, questions: &[&Question]) -> Group {
        let mut g = Group {
            name,
            checks: 0,
            wins: vec![0.0; Strategy::ALL.len()],
            ranks: [0.0; 4],
            files: vec![],
        };
        for q in questions {
            let mut wins = vec![0.0; Strategy::ALL.len()];
            let mut ranks = [0.0; 4];
            for c in &q.checks {
                for (w, s) in wins.iter_mut().zip(Strategy::ALL) {
                    *w += strategy_score(s, c);
                }
                for (r, x) in ranks.iter_mut().zip(rank_quarters(c)) {
                    *r += x;
                }
            }
            g.checks += q.checks.len();
            for (total, w) in g.wins.iter_mut().zip(&wins) {
                *total += w;
            }
            for (total, r) in g.ranks.iter_mut().zip(ranks) {
                *total += r;
            }
            g.files.push((q.id.clone(), q.checks.len(), wins, ranks));
        }
        g
    }

    /// Share of the group's checks that `strategy` wins, in percent.
    pub fn share(&self, strategy: Strategy) -> f64 {
        let i = Strategy::ALL
            .iter()
            .position(|&s| s == strategy)
            .unwrap_or(0);
        share(self.wins[i], self.checks)
    }

    /// Share of the group's checks whose right option has length rank `rank` (0-based), in percent.
    pub fn rank_share(&self, rank: usize) -> f64 {
        share(self.ranks[rank], self.checks)
    }

    /// The files whose checks score highest on `key` (a strategy's wins, or the checks at one
    /// rank), as a share of their checks and then in total, worst first: `id (score of checks)`.
    fn worst(&self, key: impl Fn(&(String, usize, Vec<f64>, [f64; 4])) -> f64) -> String {
        let mut files: Vec<(&str, f64, usize)> = self
            .files
            .iter()
            .map(|f| (f.0.as_str(), key(f), f.1))
            .filter(|f| f.1 > 0.0)
            .collect();
        files.sort_by(|a, b| {
            (b.1 / b.2.max(1) as f64)
                .total_cmp(&(a.1 / a.2.max(1) as f64))
                .then(b.1.total_cmp(&a.1))
                .then(a.0.cmp(b.0))
        });
        files
            .iter()
            .take(6)
            .map(|(id, won, n)| format!("{id} ({} of {n})", trim(*won)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `2`, `1.5`, `0.33`: a count of expected checks without needless decimals.
fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The bank's figures as a study tool, printed by `make bankcheck`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Checks in the bank.
    pub checks: usize,
    /// How many right answers sit at each position (0-based).
    pub positions: Vec<usize>,
    /// Per level (in [`LEVELS`] order): questions, checks, fewest checks on one question.
    pub by_level: Vec<(&'static str, usize, usize, usize)>,
    /// The whole bank, then each level in [`LEVELS`] order, then the behavioral checks.
    pub groups: Vec<Group>,
    /// `pitfalls` entries in the bank.
    pub pitfalls: usize,
    /// Questions with at least one pitfall.
    pub with_pitfalls: usize,
    /// Check explanations that use the word "tempting".
    pub tempting: usize,
}

impl Figures {
    /// The highest share of right answers at one position, in percent.
    pub fn top_position_share(&self) -> f64 {
        share(
            self.positions.iter().copied().max().unwrap_or(0) as f64,
            self.checks,
        )
    }
}

fn share(part: f64, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part / whole as f64
    }
}

/// Works out the [`Figures`] of a bank.
pub fn figures(questions: &[Question]) -> Figures {
    let mut f = Figures {
        checks: 0,
        positions: vec![],
        by_level: vec![],
        groups: vec![],
        pitfalls: 0,
        with_pitfalls: 0,
        tempting: 0,
    };
    for q in questions {
        f.pitfalls += q.pitfalls.len();
        f.with_pitfalls += usize::from(!q.pitfalls.is_empty());
        for c in &q.checks {
            f.checks += 1;
            if f.positions.len() <= c.answer {
                f.positions.resize(c.answer + 1, 0);
            }
            f.positions[c.answer] += 1;
            if c.explanation.text.to_lowercase().contains("tempting") {
                f.tempting += 1;
            }
        }
    }
    let all: Vec<&Question> = questions.iter().collect();
    f.groups.push(Group::new("all", &all));
    for level in LEVELS {
        let of: Vec<&Question> = questions.iter().filter(|q| q.level == level).collect();
        let checks = of.iter().map(|q| q.checks.len()).sum();
        let fewest = of.iter().map(|q| q.checks.len()).min().unwrap_or(0);
        f.by_level.push((level, of.len(), checks, fewest));
        f.groups.push(Group::new(level, &of));
    }
    let behavioral: Vec<&Question> = questions
        .iter()
        .filter(|q| q.topics.iter().any(|t| t == BEHAVIORAL_TOPIC))
        .collect();
    f.groups.push(Group::new(BEHAVIORAL_TOPIC, &behavioral));
    f
}

/// The gaming rules on a bank's [`Figures`]: no [`Strategy`] above [`MAX_STRATEGY_SHARE`] over the
/// bank or above [`MAX_GROUP_STRATEGY_SHARE`] in a level or among the behavioral checks, and every
/// length rank within [`RANK_BAND`] over the bank. Groups under [`MIN_SAMPLE`] checks are not
/// judged. Each message names the strategy or rank, the group, and the files that feed it most.
pub fn gaming_errors(path: &str, f: &Figures) -> Vec<BankError> {
    let mut errors = Vec::new();
    for g in f.groups.iter().filter(|g| g.checks >= MIN_SAMPLE) {
        let (limit, of) = if g.name == "all" {
            (MAX_STRATEGY_SHARE, "the bank's".to_string())
        } else {
            (MAX_GROUP_STRATEGY_SHARE, format!("the {}", g.name))
        };
        for (i, s) in Strategy::ALL.into_iter().enumerate() {
            let got = g.share(s);
            if got > limit {
                errors.push(err(
                    path,
                    Some("check"),
                    format!(
                        "picking \"{}\" wins {got:.1}% of {of} {} checks (at most {limit:.0}%): it beats chance without reading the question. Files that feed it most: {}",
                        s.name(),
                        g.checks,
                        g.worst(|file| file.2[i])
                    ),
                ));
            }
        }
    }
    let all = &f.groups[0];
    if all.checks >= MIN_SAMPLE {
        let fullest = (0..4)
            .max_by(|&a, &b| all.ranks[a].total_cmp(&all.ranks[b]))
            .unwrap_or(0);
        for rank in 0..4 {
            let got = all.rank_share(rank);
            if got < RANK_BAND.0 || got > RANK_BAND.1 {
                let (what, from) = if got > RANK_BAND.1 {
                    ("too many", rank)
                } else {
                    ("too few", fullest)
                };
                errors.push(err(
                    path,
                    Some("check"),
                    format!(
                        "the right option has length rank {} (1 = longest) in {got:.1}% of the bank's {} checks, {what} (each rank {:.0}–{:.0}%). Files with the most at rank {}: {}",
                        rank + 1,
                        all.checks,
                        RANK_BAND.0,
                        RANK_BAND.1,
                        from + 1,
                        all.worst(|file| file.3[from])
                    ),
                ));
            }
        }
    }
    errors
}

/// The bank-wide rules: right answers not given away by position, by length or by the prompt's
/// words ([`gaming_errors`]). `path` names the bank folder in messages.
pub fn bank_errors(path: &str, questions: &[Question]) -> Vec<BankError> {
    let f = figures(questions);
    let mut errors = gaming_errors(path, &f);
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
