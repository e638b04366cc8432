//! Validates a question-bank folder with the same code as the build, and prints its figures.
//! usage: cargo run --example bankcheck [-- DIR]   (default: assets/questions)

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use backprep::bank::format;
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "assets/questions".into());
    match format::load_bank_dir(std::path::Path::new(&dir)) {
        Ok(bank) => {
            let words: usize = bank.questions.iter().map(|q| q.words).sum();
            let checks: usize = bank.questions.iter().map(|q| q.checks.len()).sum();
            println!(
                "bank OK: {} questions, {} words, {} checks",
                bank.questions.len(),
                words,
                checks
            );
            for t in &bank.topics {
                let of_topic: Vec<_> = bank
                    .questions
                    .iter()
                    .filter(|q| q.topics.contains(&t.id))
                    .collect();
                let by_level: Vec<String> = format::LEVELS
                    .iter()
                    .map(|l| {
                        format!(
                            "{} {}",
                            of_topic.iter().filter(|q| q.level == *l).count(),
                            l
                        )
                    })
                    .collect();
                println!(
                    "  {:<28} {:>3}  ({})",
                    t.name,
                    of_topic.len(),
                    by_level.join(", ")
                );
            }
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!("{} error(s)", errors.len());
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
