//! Validates a question-bank folder with the same code as the build, and prints its figures: counts
//! per topic and level, checks per level against their minimums, how often the right option is the
//! longest one, where the right answers sit, and the pitfalls count. The quality rules behind these
//! figures are errors like any other: a bank that breaks them does not build.
//! usage: cargo run --example bankcheck [-- DIR [ID…]]   (default: assets/questions; with ids, the
//! figures of just those questions)

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
            "{} of the {} ids given: {} checks, right option strictly the longest in {} ({:.1}%), strictly the shortest in {} ({:.1}%), positions {:?}, {} pitfalls, \"tempting\" in {}",
            picked.len(),
            only.len(),
            f.checks,
            f.longest,
            f.longest_share(),
            f.shortest,
            f.shortest_share(),
            f.positions,
            f.pitfalls,
            f.tempting
        );
        for (id, i, ratio) in &f.worst {
            println!("  right option longest: {id} check[{i}] ({ratio:.2}x the next longest)");
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
        "right option strictly the longest: {} of {} checks ({:.1}%, limit {:.0}%)",
        f.longest,
        f.checks,
        f.longest_share(),
        quality::MAX_LONGEST_SHARE
    );
    println!(
        "right option strictly the shortest: {} of {} checks ({:.1}%, limit {:.0}%)",
        f.shortest,
        f.checks,
        f.shortest_share(),
        quality::MAX_SHORTEST_SHARE
    );
    println!(
        "right answers by position (0-based): {:?} (top share {:.1}%, limit {:.0}%)",
        f.positions,
        f.top_position_share(),
        quality::MAX_POSITION_SHARE
    );
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
}

#[cfg(target_arch = "wasm32")]
fn main() {}
