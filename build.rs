//! Turns `assets/questions/` into what the app ships, at build time.
//!
//! Every file is parsed and validated by `src/bank/format/`; any problem fails the build with the
//! file's path, the field and what is wrong. The output, in `$OUT_DIR`:
//! - `bank_data.rs`: the part compiled into every build: the topics and the data files' names;
//! - `data/index.<hash>.txt`: the questions' index (ids, wordings, levels, topics, related ids,
//!   how many key points and which answer each check has), which the app loads before it starts
//!   (`bank::index`), so listing, filtering and dealing a quiz need no other download and the wasm
//!   does not grow with the bank; `bank_questions.rs` is the same as Rust, for the host build;
//! - `data/q/<id>.<hash>.json` (one per question: its answer, summary, key points, checks,
//!   pitfalls, follow-ups, as ready HTML, and its key points' signals in the matcher's normal
//!   form) and `data/search.<hash>.json` (the plain texts search indexes): fetched by the app
//!   when needed, written into the site by the prerenderer;
//! - `bank_files.rs`: those files' names and texts, for the host build (prerenderer, tests).
//!
//! The names carry a hash of their content, so a host may cache them forever and a new build
//! never meets an old file.

#[path = "src/bank/a11y.rs"]
mod a11y;
// `design` reaches the question format as `super::format`: declared side by side here, as they
// are under `bank` in the library.
#[path = "src/bank/design/mod.rs"]
#[allow(dead_code)]
mod design;
#[path = "src/bank/format/mod.rs"]
#[allow(dead_code)]
mod format;
#[path = "src/bank/text.rs"]
#[allow(dead_code)]
mod text;
// The matcher's normal form of words: the validator writes the signals in it.
#[path = "src/bank/words.rs"]
#[allow(dead_code)]
mod words;

use serde_json::json;
use std::fmt::Write as _;
use std::path::Path;

fn s(v: &str) -> String {
    // Debug formatting of a str is a valid Rust string literal.
    format!("{v:?}")
}

fn strs(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|i| s(i)).collect();
    format!("&[{}]", inner.join(", "))
}

fn level(l: &str) -> &'static str {
    match l {
        "beginner" => "Level::Beginner",
        "intermediate" => "Level::Intermediate",
        "advanced" => "Level::Advanced",
        _ => unreachable!("validated by format::parse_question"),
    }
}

/// FNV-1a, 64 bits, as 16 hex digits: enough to tell versions of a file apart.
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// What the app keeps of each check (`bank::CheckKey`), as Rust source: `CheckKey { options: 4, answer: 2 }, …`.
// The index file's separators (see `src/bank/index.rs`, which reads it): control characters no
// wording, id or path of the bank contains (checked here).
const INDEX_RECORD: &str = "\u{1e}";
const INDEX_FIELD: &str = "\u{1f}";
const INDEX_ITEM: &str = "\u{1d}";

/// One question's record in the index file: its fields in `bank::Question`'s order.
fn index_record(q: &format::Question, content: &str) -> String {
    let list = |items: &[String]| -> String {
        for i in items {
            field(i);
        }
        items.join(INDEX_ITEM)
    };
    let checks: Vec<String> = q
        .checks
        .iter()
        .map(|c| format!("{}:{}", c.options.len(), c.answer))
        .collect();
    let level = match q.level.as_str() {
        "beginner" => "b",
        "intermediate" => "i",
        "advanced" => "a",
        _ => unreachable!("validated by format::parse_question"),
    };
    [
        field(&q.id).to_string(),
        field(&q.question).to_string(),
        level.to_string(),
        list(&q.topics),
        list(&q.also_asked_as),
        list(&q.related),
        q.key_points.len().to_string(),
        checks.join(INDEX_ITEM),
        field(content).to_string(),
    ]
    .join(INDEX_FIELD)
}

/// `v`, which must not hold the index file's separators.
fn field(v: &str) -> &str {
    if v.contains(['\u{1d}', '\u{1e}', '\u{1f}']) {
        eprintln!(
            "error: {v:?} holds a control character (U+001D to U+001F), which the bank cannot ship"
        );
        std::process::exit(1);
    }
    v
}

fn check_keys(checks: &[format::Check]) -> String {
    let keys: Vec<String> = checks
        .iter()
        .map(|c| {
            format!(
                "CheckKey {{ options: {}, answer: {} }}",
                c.options.len(),
                c.answer
            )
        })
        .collect();
    keys.join(", ")
}

fn html(items: &[format::Rendered]) -> Vec<&str> {
    items.iter().map(|r| r.html.as_str()).collect()
}

/// One question's content file (the shape of `bank::content::Content`).
fn content_json(q: &format::Question) -> String {
    let checks: Vec<_> = q
        .checks
        .iter()
        .map(|c| {
            json!({
                "prompt": c.prompt.html,
                "options": html(&c.options),
                "explanation": c.explanation.html,
            })
        })
        .collect();
    let contrast = q
        .contrast
        .as_ref()
        .map(|c| json!({ "weak": c.weak.html, "strong": c.strong.html }));
    let mut content = json!({
        "id": q.id,
        "summary": q.summary.html,
        "key_points": html(&q.key_points),
        "answer": q.answer.html,
        "follow_ups": q.follow_ups,
        "pitfalls": html(&q.pitfalls),
        "contrast": contrast,
        "checks": checks,
    });
    // Already in the matcher's normal form (the validator wrote them so).
    if !q.signals.is_empty() {
        content["signals"] = json!(q.signals);
    }
    content.to_string()
}

/// One design exercise's content file (the shape of `bank::design_content::DesignContent`).
fn design_json(d: &design::Design) -> String {
    let checks: Vec<_> = d
        .checks
        .iter()
        .map(|c| {
            json!({
                "prompt": c.prompt.html,
                "options": html(&c.options),
                "explanation": c.explanation.html,
            })
        })
        .collect();
    let clarify: Vec<_> = d
        .clarify
        .iter()
        .map(|c| json!({ "question": c.question, "answer": c.answer.html }))
        .collect();
    let rubric: Vec<Vec<&str>> = d.rubric.stages.iter().map(|s| html(s)).collect();
    let x = &d.estimate;
    let sec = &d.sections;
    // The validator has checked every reference already; a drawing that still fails stops the
    // build with the file's path.
    let svg = design::diagram::to_svg(&d.diagram, &d.title).unwrap_or_else(|e| {
        eprintln!("assets/designs/{}.md: diagram: {e}", d.id);
        std::process::exit(1)
    });
    json!({
        "id": d.id,
        "prompt": d.prompt,
        "clarify": clarify,
        "requirements": sec.requirements.html,
        "estimate": sec.estimate.html,
        "api": sec.api.html,
        "design": sec.design.html,
        "deep_dives": sec.deep_dives.html,
        "bottlenecks": sec.bottlenecks.html,
        "senior": sec.senior.html,
        "diagram_svg": svg,
        "diagram_text": design::diagram::text_equivalent(&d.diagram),
        "rubric": rubric,
        "pitfalls": html(&d.pitfalls),
        "follow_ups": d.follow_ups,
        "checks": checks,
        "inputs": {
            "daily_active_users": x.daily_active_users,
            "actions_per_user": x.actions_per_user,
            "read_write_ratio": x.read_write_ratio,
            "object_bytes": x.object_bytes,
            "retention_years": x.retention_years,
            "replication": x.replication,
            "peak_factor": x.peak_factor,
            "cache_share": x.cache_share,
        },
    })
    .to_string()
}

/// The search texts file (the shape of `search::SearchTexts`), in bank order.
fn search_json(bank: &format::Bank) -> String {
    let text_of = |h: &str| text::html_to_text(h);
    json!({
        "summaries": bank.questions.iter().map(|q| text_of(&q.summary.html)).collect::<Vec<_>>(),
        "key_points": bank.questions.iter().map(|q| q.key_points.iter().map(|k| text_of(&k.html)).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "bodies": bank.questions.iter().map(|q| text_of(&q.answer.html)).collect::<Vec<_>>(),
    })
    .to_string()
}

fn main() {
    // BACKPREP_BANK_DIR swaps in another bank (a synthetic one for benchmarks, say).
    println!("cargo:rerun-if-env-changed=BACKPREP_BANK_DIR");
    let dir_name = std::env::var("BACKPREP_BANK_DIR")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "assets/questions".into());
    let dir = Path::new(&dir_name);
    println!("cargo:rerun-if-changed={dir_name}");
    println!("cargo:rerun-if-changed=src/bank/format");
    println!("cargo:rerun-if-changed=src/bank/a11y.rs");
    println!("cargo:rerun-if-changed=src/bank/text.rs");
    println!("cargo:rerun-if-changed=src/bank/words.rs");
    let bank = match format::load_bank_dir(dir) {
        Ok(bank) => bank,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
                eprintln!("{e}");
            }
            eprintln!(
                "question bank: {} error(s); fix the files above",
                errors.len()
            );
            std::process::exit(1);
        }
    };
    // Re-run when any single file changes (folder mtime alone misses in-place edits).
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }

    // BACKPREP_DESIGNS_DIR swaps in another designs folder (a broken copy, to see the messages).
    println!("cargo:rerun-if-env-changed=BACKPREP_DESIGNS_DIR");
    let designs_name = std::env::var("BACKPREP_DESIGNS_DIR")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "assets/designs".into());
    let designs_dir = Path::new(&designs_name);
    println!("cargo:rerun-if-changed={designs_name}");
    println!("cargo:rerun-if-changed=src/bank/design");
    if let Ok(entries) = std::fs::read_dir(designs_dir) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let question_ids: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
    let topic_ids: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    let designs = match design::load_designs_dir(designs_dir, &question_ids, &topic_ids) {
        Ok(designs) => designs,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning={e}");
                eprintln!("{e}");
            }
            eprintln!(
                "design exercises: {} error(s); fix the files above",
                errors.len()
            );
            std::process::exit(1);
        }
    };

    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir);
    let data_dir = out.join("data");
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(data_dir.join("q")).expect("create data folder");
    std::fs::create_dir_all(data_dir.join("d")).expect("create data folder");
    let mut files: Vec<(String, String)> = Vec::new();
    let mut write_file = |stem: &str, text: String| -> String {
        let ext = if stem == "index" { "txt" } else { "json" };
        let name = format!("data/{stem}.{}.{ext}", &hash(text.as_bytes())[..12]);
        std::fs::write(out.join(&name), &text).expect("write a data file");
        files.push((name.clone(), text));
        name
    };

    let mut meta =
        String::from("// @generated by build.rs from assets/questions/. Do not edit.\n\n");
    meta.push_str("/// Topics in display order.\npub static TOPICS: &[Topic] = &[\n");
    for t in &bank.topics {
        writeln!(
            meta,
            "    Topic {{ id: {}, name: {}, description: {} }},",
            s(&t.id),
            s(&t.name),
            s(&t.description)
        )
        .unwrap();
    }
    meta.push_str("];\n");
    let mut questions = String::from(
        "// @generated by build.rs from assets/questions/. Do not edit.\n\n/// Every question, in bank order.\npub static QUESTIONS: &[Question] = &[\n",
    );
    let mut index = Vec::new();
    for q in &bank.questions {
        let content = write_file(&format!("q/{}", q.id), content_json(q));
        let checks = check_keys(&q.checks);
        index.push(index_record(q, &content));
        writeln!(
            questions,
            "    Question {{ id: {}, question: {}, level: {}, topics: {}, also_asked_as: {}, related: {}, key_points: {}, checks: &[{}], content: {} }},",
            s(&q.id),
            s(&q.question),
            level(&q.level),
            strs(&q.topics),
            strs(&q.also_asked_as),
            strs(&q.related),
            q.key_points.len(),
            checks,
            s(&content),
        )
        .unwrap();
    }
    questions.push_str("];\n");
    std::fs::write(out.join("bank_questions.rs"), questions).expect("write bank_questions.rs");
    // Each file the app fetches first, also under a fixed name for the tests and benchmarks that
    // run without a site to fetch from, and named in `bank_data.rs`.
    let mut ship = |stem: &str, fixed: &str, text: String, what: &str, name: &str| {
        std::fs::write(out.join(fixed), &text).expect("write a fixed-name copy");
        let path = write_file(stem, text);
        writeln!(
            meta,
            "\n/// {what}, relative to the site's root.\npub static {name}: &str = {};",
            s(&path)
        )
        .unwrap();
    };
    ship(
        "index",
        "index.txt",
        index.join(INDEX_RECORD),
        "The questions' index file (see `bank::index`)",
        "INDEX_FILE",
    );
    ship(
        "search",
        "search-texts.json",
        search_json(&bank),
        "The search texts file",
        "SEARCH_FILE",
    );
    std::fs::write(out.join("bank_data.rs"), meta).expect("write bank_data.rs");

    let mut index =
        String::from("// @generated by build.rs from assets/designs/. Do not edit.\n\n");
    index.push_str("/// Every design exercise, by id.\npub static DESIGNS: &[Design] = &[\n");
    for d in &designs {
        let content = write_file(&format!("d/{}", d.id), design_json(d));
        let checks = check_keys(&d.checks);
        writeln!(
            index,
            "    Design {{ id: {}, title: {}, level: {}, topics: {}, summary: {}, related: {}, checks: &[{}], content: {} }},",
            s(&d.id),
            s(&d.title),
            level(&d.level),
            strs(&d.topics),
            s(&d.summary.text),
            strs(&d.related),
            checks,
            s(&content),
        )
        .unwrap();
    }
    index.push_str("];\n");
    std::fs::write(out.join("design_data.rs"), index).expect("write design_data.rs");

    let mut host = String::from(
        "// @generated by build.rs. Do not edit.\n\n/// Every data file: (path in the site, text).\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for (name, _) in &files {
        writeln!(
            host,
            "    ({}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{}\"))),",
            s(name),
            name
        )
        .unwrap();
    }
    host.push_str("];\n");
    std::fs::write(out.join("bank_files.rs"), host).expect("write bank_files.rs");
}
