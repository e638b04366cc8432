//! Search benchmark: median time per query in release WASM in Chromium, over the real bank and a
//! synthetic bank of 10,000 questions. Prints figures; asserts nothing about time.
//! Run: `make bench` (cargo test --release --features bench --target wasm32-unknown-unknown --test search_bench)
#![cfg(all(target_arch = "wasm32", feature = "bench"))]

use backprep::bank;
use backprep::list_view::{self, ListQuery};
use backprep::search::{self, Doc, Index};
use std::borrow::Cow;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::now_ms;

const QUERIES: &[&str] = &[
    "idempotency",
    "idempot",
    "idempotancy",
    "cache eviction",
    "sql injection",
    "kubernetes deployment",
    "what is rest",
    "distributed consistency",
    "jwt",
    "zzzqqq",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Median over `QUERIES` of each query's mean time over `reps` runs (batched: the browser clock
/// is coarse).
fn time_queries(index: &Index, reps: usize) -> (f64, Vec<(String, f64, usize)>) {
    let mut per_query = Vec::new();
    for q in QUERIES {
        let hits = index.search(q).hits.len();
        let start = now_ms();
        for _ in 0..reps {
            std::hint::black_box(index.search(std::hint::black_box(q)));
        }
        per_query.push((q.to_string(), (now_ms() - start) / reps as f64, hits));
    }
    (median(per_query.iter().map(|p| p.1).collect()), per_query)
}

/// A deterministic pseudo-random word: syllables from a small generator.
fn pseudo_word(mut n: u64) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ter", "vos", "dra", "pen", "quo", "ri", "sul", "tan", "ve", "wex", "yo",
        "zin", "bru",
    ];
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYL[(n % 16) as usize]);
        n /= 16;
    }
    w
}

#[wasm_bindgen_test]
fn search_benchmark() {
    // The real bank, through the same path the list page uses once the search texts are in.
    let texts: search::SearchTexts =
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/search-texts.json")))
            .expect("the search texts parse");
    let start = now_ms();
    let real_docs: Vec<Doc> = bank::questions()
        .iter()
        .enumerate()
        .map(|(i, q)| Doc::of(q, Some((&texts, i))))
        .collect();
    let real = Index::build(&real_docs);
    let real_build = now_ms() - start;
    let (real_median, real_rows) = time_queries(&real, 200);
    let data = search::bank_search();
    assert!(data.provide(texts.clone()), "the texts fit the bank");
    let view = ListQuery {
        q: "cache".into(),
        levels: vec![bank::Level::Advanced],
        ..Default::default()
    };
    let start = now_ms();
    for _ in 0..200 {
        std::hint::black_box(list_view::run_bank(
            data,
            std::hint::black_box(&view),
            &|_| list_view::UserMarks::default(),
        ));
    }
    let view_ms = (now_ms() - start) / 200.0;

    // 10,000 synthetic questions: real texts, every 6th word swapped for one of ~40,000 made-up
    // words, so the vocabulary and the postings grow as a larger real bank's would.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let texts: Vec<(String, String, String)> = (0..10_000)
        .map(|i| {
            let d = &real_docs[i % real_docs.len()];
            let mut mutate = |s: &str| -> String {
                s.split_whitespace()
                    .enumerate()
                    .map(|(j, w)| {
                        if j % 6 == 5 {
                            pseudo_word(next() % 40_000)
                        } else {
                            w.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            (
                format!("{} {}", d.wordings[0], pseudo_word(i as u64)),
                mutate(&d.summary),
                mutate(&d.body),
            )
        })
        .collect();
    let synthetic_docs: Vec<Doc> = texts
        .iter()
        .map(|(w, s, b)| Doc {
            wordings: vec![w.as_str()],
            summary: Cow::Borrowed(s),
            key_points: vec![],
            body: Cow::Borrowed(b),
        })
        .collect();
    let start = now_ms();
    let synthetic = Index::build(&synthetic_docs);
    let synthetic_build = now_ms() - start;
    let (synthetic_median, synthetic_rows) = time_queries(&synthetic, 5);

    console_log!("{}", common::header("search benchmark"));
    console_log!(
        "real bank: {} questions, {} distinct words, index built in {:.1} ms",
        real_docs.len(),
        real.vocabulary_size(),
        real_build
    );
    for (q, ms, hits) in &real_rows {
        console_log!(
            "  {:<26} {:>8.3} ms  {:>5} hits",
            format!("{q:?}"),
            ms,
            hits
        );
    }
    console_log!("real bank: median {:.3} ms per query (goal < 1 ms); full list view (search + filter + sort) {:.3} ms", real_median, view_ms);
    console_log!(
        "synthetic bank: 10000 questions, {} distinct words, index built in {:.0} ms",
        synthetic.vocabulary_size(),
        synthetic_build
    );
    for (q, ms, hits) in &synthetic_rows {
        console_log!(
            "  {:<26} {:>8.3} ms  {:>5} hits",
            format!("{q:?}"),
            ms,
            hits
        );
    }
    console_log!(
        "synthetic bank: median {:.3} ms per query (goal < 20 ms)",
        synthetic_median
    );
}
