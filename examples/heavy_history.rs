//! Prints a heavy user's stored progress for the load benchmark (`make bench-load`): PER answers
//! (default 40) on every question of a bank folder, alternating flashcards (a grade and the key
//! points ticked) and multiple-choice checks (right about two times in three), spread over the
//! past year and ending a day ago, plus a read mark per question. Built with the crate's own types
//! (`progress::Progress`) and encoded as the app stores it (`storage::encode`: the
//! `{"version": N, "data": …}` envelope), so the app reads it as a real history.
//! The value belongs under `storage::PROGRESS_KEY` (`backprep:progress`) for a site served at
//! the root, `backprep:<base>/progress` under a sub-path (`storage::store::scope`).
//! usage: cargo run -q --example heavy_history [-- DIR [PER]]   (default: assets/questions 40)

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use backprep::bank::format;
    use backprep::progress::{Attempt, Grade, Outcome, Progress};

    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "assets/questions".into());
    let per: u64 = args
        .next()
        .map_or(40, |n| n.parse().expect("PER: a number"));
    let bank = format::load_bank_dir(std::path::Path::new(&dir)).unwrap_or_else(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        std::process::exit(1)
    });
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as u64;
    const DAY: u64 = 24 * 60 * 60 * 1000;
    let (first, last) = (now - 365 * DAY, now - DAY);
    // A small linear congruential generator: the same history for the same bank every run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let mut progress = Progress::default();
    let count = bank.questions.len() as u64;
    for (qi, q) in bank.questions.iter().enumerate() {
        // Question qi's answers are evenly spaced over the year, offset so no two share a time.
        let step = (last - first) / per;
        progress.mark_read(&q.id, first + qi as u64);
        for i in 0..per {
            let at = first + i * step + (qi as u64 * step) / count.max(1);
            let outcome = if i % 2 == 0 || q.checks.is_empty() {
                let grade =
                    [Grade::DidntKnow, Grade::Partly, Grade::Knew, Grade::Knew][next(4) as usize];
                let total = q.key_points.len();
                let ticked = match grade {
                    Grade::DidntKnow => vec![],
                    Grade::Partly => (0..total / 2).collect(),
                    Grade::Knew => (0..total).collect(),
                };
                Outcome::Flashcard {
                    grade,
                    ticked,
                    draft: None,
                }
            } else {
                let check = next(q.checks.len() as u64) as usize;
                let c = &q.checks[check];
                let correct = next(3) < 2;
                let picked = if correct {
                    c.answer
                } else {
                    (c.answer + 1) % c.options.len()
                };
                Outcome::Choice {
                    check,
                    picked,
                    correct,
                }
            };
            progress.record(
                &q.id,
                Attempt {
                    at,
                    outcome,
                    revises: None,
                },
            );
        }
    }
    println!("{}", backprep::storage::encode(&progress));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
