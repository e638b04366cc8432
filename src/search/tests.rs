//! Tests of the search engine: matching, typos, ranking, "did you mean", its limits and speed
//! (the list's filters and sort over its hits are tested in `list_view`).

use super::*;
use crate::bank;
use proptest::prelude::*;

fn bank_index() -> &'static Index {
    bank_search().index()
}

/// The questions a search for `q` (with words in it) finds, best first: what the list shows for it
/// with no filter and no notes.
fn ids_for(q: &str) -> Vec<&'static str> {
    bank_index()
        .search(q)
        .hits
        .into_iter()
        .map(|(i, _)| bank::questions()[i].id)
        .collect()
}

#[test]
fn prefix_finds_whole_words() {
    let ids = ids_for("idempot");
    assert_eq!(ids.first(), Some(&"idempotency"), "{ids:?}");
}

#[test]
fn one_typo_in_a_longer_word_is_tolerated() {
    assert_eq!(ids_for("idempotancy").first(), Some(&"idempotency"));
    assert!(ids_for("kubernetse").len() > 1, "transposition");
    // Short words that are words, or start one, match exactly or by prefix: "cap" must not
    // match "cat" etc. (see `short_typos_find_what_the_word_finds`).
    assert!(within_one_edit("cache", "cachy"));
    assert!(!within_one_edit("cache", "catchy"));
}

#[test]
fn every_term_must_match() {
    let both = ids_for("jwt signature");
    assert!(both.contains(&"jwt"));
    assert!(ids_for("jwt zzzzqqq").is_empty());
}

#[test]
fn a_note_matches_when_each_term_starts_one_of_its_words() {
    assert!(note_matches("Whiteboard: ISOLATION", "isol white"));
    assert!(!note_matches("whiteboard", "isolation"));
    assert!(!note_matches("anything", "  "), "no words, no match");
}

proptest! {
    #[test]
    fn search_never_panics_and_hits_are_unique(q in ".{0,30}") {
        let index = bank_index();
        let found = index.search(&q);
        let mut ids: Vec<usize> = found.hits.iter().map(|h| h.0).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), found.hits.len());
    }
}

#[test]
fn before_the_texts_arrive_the_wordings_are_searched() {
    let wordings_only = BankSearch {
        texts: OnceLock::new(),
        wordings: OnceLock::new(),
        full: OnceLock::new(),
        topic_ids: bank::topics().iter().map(|t| t.id).collect(),
    };
    let shown: Vec<usize> = wordings_only
        .index()
        .search("idempotency")
        .hits
        .into_iter()
        .map(|(i, _)| i)
        .collect();
    assert!(shown
        .iter()
        .any(|&i| bank::questions()[i].id == "idempotency"));
    assert!(!wordings_only.is_complete());
    assert_eq!(wordings_only.snippet_for(shown[0], &BTreeSet::new()), None);
    // Texts that do not fit the bank are refused.
    assert!(!wordings_only.provide(SearchTexts::default()));
}

#[test]
fn short_typos_find_what_the_word_finds() {
    assert_eq!(ids_for("jwtt"), ids_for("jwt"));
    assert_eq!(ids_for("jwtt")[0], "jwt");
    assert_eq!(ids_for("gprc"), ids_for("grpc"));
    assert_eq!(ids_for("kafak"), ids_for("kafka"));
    assert_eq!(ids_for("redsi"), ids_for("redis"));
    assert_eq!(ids_for("tpc"), ids_for("tcp"));
    assert!(!ids_for("gprc").is_empty() && !ids_for("redsi").is_empty());
    // Real words and the starts of words are taken as typed.
    let matched = |q: &str| bank_index().search(q).matched;
    assert!(matched("cat").iter().all(|w| w.starts_with("cat")));
    assert!(
        matched("sql").iter().all(|w| w.starts_with("sql")),
        "no \"sqs\""
    );
    assert!(matched("jwt").iter().all(|w| w.starts_with("jwt")));
    assert!(
        matched("state").iter().all(|w| w.starts_with("state")),
        "no \"stale\""
    );
}

/// The questions whose own text says "N+1", by a plain scan of the texts.
fn saying_n_plus_1() -> Vec<&'static str> {
    let texts = bank_search().texts.get().expect("compiled in on the host");
    bank::questions()
        .iter()
        .enumerate()
        .filter(|(i, q)| {
            let mut all = vec![q.question.to_string(), texts.summaries[*i].clone()];
            all.extend(q.also_asked_as.iter().map(|s| s.to_string()));
            all.extend(texts.key_points[*i].iter().cloned());
            all.push(texts.bodies[*i].clone());
            all.iter().any(|t| t.to_lowercase().contains("n+1"))
        })
        .map(|(_, q)| q.id)
        .collect()
}

#[test]
fn n_plus_1_finds_the_questions_that_say_it_and_no_others() {
    let mut found = ids_for("N+1");
    let first = found[0];
    found.sort();
    let mut expected = saying_n_plus_1();
    expected.sort();
    assert!(
        expected.len() >= 3 && expected.contains(&"orm"),
        "{expected:?}"
    );
    assert_eq!(found, expected);
    // Ranked by where it is said: the top one says it in its summary or wording.
    let i = bank::questions()
        .iter()
        .position(|q| q.id == first)
        .unwrap();
    let summary = &bank_search().texts.get().unwrap().summaries[i];
    assert!(summary.contains("N+1") || bank::questions()[i].question.contains("N+1"));
    assert_eq!(ids_for("n+1 queries")[0], "query-optimization");
    // "1" and "n" alone search as before, the N+1 questions among what they find.
    for q in ["1", "n"] {
        let plain = ids_for(q);
        assert!(plain.len() > 50, "{q}: {}", plain.len());
        assert!(expected.iter().all(|id| plain.contains(id)), "{q}");
    }
    assert_eq!(ids_for("C#")[0], "backend-languages");
}

#[test]
fn a_huge_word_or_many_terms_are_cut_and_answered_at_once() {
    // The index is built first (once per test binary): only the searches are timed.
    bank_index();
    let start = std::time::Instant::now();
    for q in [
        "x".repeat(5_000),
        format!("idempotency{}", "y".repeat(5_000)),
        "é".repeat(5_000),
        "kubernetes ".repeat(1_000),
    ] {
        let found = bank_index().search(&q);
        assert!(found.matched.iter().all(|w| w.chars().count() <= 60));
        assert_eq!(bank_index().suggest(&q), None);
        if q.starts_with('k') {
            assert!(!found.hits.is_empty(), "one term, repeated");
        } else {
            assert!(found.hits.is_empty(), "{}", &q[..20]);
        }
    }
    // Generous for a debug build on a loaded machine; a search that scanned every word against a
    // 5,000-character term would take seconds.
    assert!(start.elapsed().as_millis() < 1_000, "{:?}", start.elapsed());
    // Twelve terms count; the thirteenth ("zzzzqqq", found nowhere) is ignored.
    let twelve = format!("jwt {}", "token ".repeat(11));
    assert_eq!(ids_for(&format!("{twelve} zzzzqqq")), ids_for(&twelve));
    assert!(ids_for(&format!("zzzzqqq {twelve}")).is_empty());
}

#[test]
fn did_you_mean_corrects_the_terms_that_match_nothing_as_typed() {
    let search = bank_search();
    // Found through typos already; the suggestion spells it out.
    assert_eq!(
        search.suggest("idempotncy keys").as_deref(),
        Some("idempotency keys")
    );
    assert_eq!(
        search.suggest("kuberntes deploymnt").as_deref(),
        Some("kubernetes deployment")
    );
    // Two typos in a word: nothing found, the suggestion finds it.
    assert!(ids_for("idmpotncy keys").is_empty());
    assert_eq!(
        search.suggest("IDMPOTNCY keys").as_deref(),
        Some("idempotency keys")
    );
    assert_eq!(
        search.suggest("kubrntes deploymnt").as_deref(),
        Some("kubernetes deployment")
    );
    assert_eq!(search.suggest("jwtt").as_deref(), Some("jwt"));
    assert_eq!(
        search.suggest("N+1 qeuries").as_deref(),
        Some("n+1 queries")
    );
    // Nothing to correct, nothing close, or a correction that finds nothing.
    assert_eq!(search.suggest("jwt"), None);
    assert_eq!(search.suggest("idempot keys"), None);
    assert_eq!(search.suggest(""), None);
    assert_eq!(search.suggest("zzzzqqq"), None);
    assert_eq!(search.suggest("jwt zzzzqqq"), None);
    assert_eq!(search.suggest("c++"), None);
}

/// 1,000 searches with typos of every kind over the real bank, in a debug build: the typo
/// scans stay cheap (measured about 0.08 s; the bound leaves room for a busy machine).
#[test]
fn a_thousand_typo_searches_take_well_under_a_second() {
    const MIXED: &[&str] = &[
        "jwtt",
        "gprc",
        "kafak",
        "redsi",
        "idempotancy",
        "kuberntes deploymnt",
        "cache evcition",
        "N+1 qeuries",
        "htp",
        "zzzqqq",
    ];
    let index = bank_index();
    let start = std::time::Instant::now();
    let mut hits = 0;
    for i in 0..1_000 {
        hits += index.search(MIXED[i % MIXED.len()]).hits.len();
    }
    let took = start.elapsed();
    assert!(hits > 0);
    assert!(took.as_millis() < 1_000, "{took:?}");
}
