//! Validates a question-bank folder with the same code as the build, and prints its figures: counts
//! per topic and level, checks per level against their minimums, where the right answers sit, how
//! often each option-only strategy (longest, second-longest, ...) would win, per level, the right
//! option's length ranks, and the pitfalls count. The quality rules behind these
//! figures are errors like any other: a bank that breaks them does not build.
//! Then the design exercises (`assets/designs/`, or `BACKPREP_DESIGNS_DIR`): per design its words,
//! checks, rubric points per stage and clarifying questions, and their checks' strategy table as
//! a pool of their own; fewer than 16 designs is a failure.
//! usage: cargo run --example bankcheck [-- DIR [ID…]]   (default: assets/questions; with ids, the
//! figures of just those questions, and per check its rank and the strategies that win it)

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use backprep::bank::format::{self, quality};
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "assets/questions".into());
    let bank = match format::load_bank_dir(std::path::Path::new(&dir)) {
        Ok(bank) => bank,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} error(s)", errors.len());
            std::process::exit(1);
        }
    };
    let only: Vec<String> = std::env::args().skip(2).collect();
    if !only.is_empty() {
        let picked: Vec<_> = bank
            .questions
            .iter()
            .filter(|q| only.contains(&q.id))
            .cloned()
            .collect();
        let f = quality::figures(&picked);
        println!(
            "{} of the {} ids given: {} checks, right answers by position {:?}, {} pitfalls, \"tempting\" in {}",
            picked.len(),
            only.len(),
            f.checks,
            f.positions,
            f.pitfalls,
            f.tempting
        );
        print_gaming(&f);
        println!(
            "per check: length rank of the right option (1 = longest), strategies that win it"
        );
        for q in &picked {
            for (i, c) in q.checks.iter().enumerate() {
                let ranks = quality::rank_quarters(c);
                let rank: Vec<String> = ranks
                    .iter()
                    .enumerate()
                    .filter(|(_, &x)| x > 0.0)
                    .map(|(k, x)| {
                        if *x >= 1.0 {
                            format!("{}", k + 1)
                        } else {
                            format!("{}:{x:.2}", k + 1)
                        }
                    })
                    .collect();
                let wins: Vec<String> = quality::Strategy::ALL
                    .iter()
                    .map(|&s| (s, quality::strategy_score(s, c)))
                    .filter(|(_, x)| *x > 0.0)
                    .map(|(s, x)| {
                        if x >= 1.0 {
                            s.name().to_string()
                        } else {
                            format!("{} {x:.2}", s.name())
                        }
                    })
                    .collect();
                println!(
                    "  {} check[{i}] answer {}: rank {}; {}",
                    q.id,
                    c.answer,
                    rank.join(" "),
                    wins.join(", ")
                );
            }
        }
        return;
    }
    let words: usize = bank.questions.iter().map(|q| q.words).sum();
    let f = quality::figures(&bank.questions);
    println!(
        "bank OK: {} questions, {} words, {} checks",
        bank.questions.len(),
        words,
        f.checks
    );
    for t in &bank.topics {
        let of_topic: Vec<_> = bank
            .questions
            .iter()
            .filter(|q| q.topics.contains(&t.id))
            .collect();
        let by_level: Vec<String> = format::LEVELS
            .iter()
            .map(|l| format!("{} {l}", of_topic.iter().filter(|q| q.level == *l).count()))
            .collect();
        println!(
            "  {:<28} {:>3}  ({})",
            t.name,
            of_topic.len(),
            by_level.join(", ")
        );
    }
    println!("checks per level:");
    for (level, questions, checks, fewest) in &f.by_level {
        let need = quality::min_checks(level);
        println!(
            "  {level:<13} {questions:>3} questions, {checks:>3} checks, fewest on one question {fewest} (minimum {need}){}",
            if *fewest >= need { "" } else { "  BELOW MINIMUM" }
        );
    }
    println!(
        "right answers by position (0-based): {:?} (top share {:.1}%, limit {:.0}%)",
        f.positions,
        f.top_position_share(),
        quality::MAX_POSITION_SHARE
    );
    print_gaming(&f);
    println!(
        "pitfalls: {} entries on {} of {} questions",
        f.pitfalls,
        f.with_pitfalls,
        bank.questions.len()
    );
    println!(
        "explanations using \"tempting\": {} of {}",
        f.tempting, f.checks
    );
    println!("quality rules: all met");
    check_designs(&bank);
}

/// Fewest design exercises the app ships with.
#[cfg(not(target_arch = "wasm32"))]
const MIN_DESIGNS: usize = 16;

/// Loads the design exercises with the build's rules and prints their figures; exits 1 on any
/// error or when there are fewer than [`MIN_DESIGNS`].
#[cfg(not(target_arch = "wasm32"))]
fn check_designs(bank: &backprep::bank::format::Bank) {
    use backprep::bank::design;
    let dir = std::env::var("BACKPREP_DESIGNS_DIR")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "assets/designs".into());
    let questions: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    let topics: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    let designs = match design::load_designs_dir(std::path::Path::new(&dir), &questions, &topics) {
        Ok(designs) => designs,
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("design exercises: {} error(s)", errors.len());
            std::process::exit(1);
        }
    };
    let words: usize = designs.iter().map(|d| d.words).sum();
    let f = backprep::bank::format::quality::figures(&design::as_questions(&designs));
    println!(
        "designs OK: {} exercises, {} words, {} checks",
        designs.len(),
        words,
        f.checks
    );
    let stages: String = design::STAGES.iter().map(|s| format!("{s:>10}")).collect();
    println!(
        "  {:<30}{:>6}{:>7}{:>8}  rubric points: {stages}",
        "id", "words", "checks", "clarify"
    );
    for d in &designs {
        let points: String = d
            .rubric
            .stages
            .iter()
            .map(|p| format!("{:>10}", p.len()))
            .collect();
        println!(
            "  {:<30}{:>6}{:>7}{:>8}                 {points}",
            d.id,
            d.words,
            d.checks.len(),
            d.clarify.len()
        );
    }
    println!(
        "design checks, right answers by position (0-based): {:?} (top share {:.1}%)",
        f.positions,
        f.top_position_share()
    );
    print_gaming(&f);
    if designs.len() < MIN_DESIGNS {
        eprintln!(
            "only {} design exercises; the app ships with at least {MIN_DESIGNS}",
            designs.len()
        );
        std::process::exit(1);
    }
    println!("design rules: all met");
}

/// The strategy table (rows: strategies; columns: the bank, each level, the behavioral checks) and
/// the length-rank table, with their limits. `*` marks a share over its limit (groups under
/// `MIN_SAMPLE` checks are not judged).
#[cfg(not(target_arch = "wasm32"))]
fn print_gaming(f: &backprep::bank::format::quality::Figures) {
    use backprep::bank::format::quality::{self, Strategy};
    let head: String = f.groups.iter().map(|g| format!("{:>14}", g.name)).collect();
    let counts: String = f
        .groups
        .iter()
        .map(|g| format!("{:>14}", g.checks))
        .collect();
    println!(
        "option-only strategies, share of checks won (limit {:.0}% over all, {:.0}% per level or behavioral; chance 25%):",
        quality::MAX_STRATEGY_SHARE,
        quality::MAX_GROUP_STRATEGY_SHARE
    );
    println!("  {:<22}{head}", "strategy");
    println!("  {:<22}{counts}", "(checks)");
    for s in Strategy::ALL {
        let cells: String = f
            .groups
            .iter()
            .map(|g| {
                let limit = if g.name == "all" {
                    quality::MAX_STRATEGY_SHARE
                } else {
                    quality::MAX_GROUP_STRATEGY_SHARE
                };
                let over = g.checks >= quality::MIN_SAMPLE && g.share(s) > limit;
                format!("{:>13.1}{}", g.share(s), if over { '*' } else { '%' })
            })
            .collect();
        println!("  {:<22}{cells}", s.name());
    }
    println!(
        "length rank of the right option, share of checks (band {:.0}–{:.0}% over all):",
        quality::RANK_BAND.0,
        quality::RANK_BAND.1
    );
    let names = ["1 (longest)", "2", "3", "4 (shortest)"];
    for (rank, name) in names.iter().enumerate() {
        let cells: String = f
            .groups
            .iter()
            .map(|g| {
                let x = g.rank_share(rank);
                let over = g.name == "all"
                    && g.checks >= quality::MIN_SAMPLE
                    && (x < quality::RANK_BAND.0 || x > quality::RANK_BAND.1);
                format!("{:>13.1}{}", x, if over { '*' } else { '%' })
            })
            .collect();
        println!("  {:<22}{cells}", name);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
