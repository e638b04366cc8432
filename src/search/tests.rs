//! Tests of the list's views: search, filters by level, topic and the user's marks, facets, selection.

use super::*;
use crate::bank;
use proptest::prelude::*;

fn bank_index() -> &'static Index {
    bank_search().index()
}

fn ids_for(q: &str) -> Vec<&'static str> {
    let index = bank_index();
    let query = ListQuery {
        q: q.into(),
        ..Default::default()
    };
    let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
    run(bank::questions(), index, &query, &topics, &|_| {
        UserMarks::default()
    })
    .0
    .into_iter()
    .map(|i| bank::questions()[i].id)
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
fn empty_query_matches_everything_in_bank_order() {
    assert_eq!(ids_for("  ").len(), bank::questions().len());
    assert_eq!(ids_for("")[0], bank::questions()[0].id);
}

#[test]
fn filters_combine_with_search() {
    let index = bank_index();
    let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
    let query = ListQuery {
        levels: vec![Level::Beginner],
        topics: vec!["databases".into()],
        ..Default::default()
    };
    let (shown, _) = run(bank::questions(), index, &query, &topics, &|_| {
        UserMarks::default()
    });
    assert!(!shown.is_empty());
    for i in shown {
        let q = &bank::questions()[i];
        assert_eq!(q.level, Level::Beginner);
        assert!(q.topics.contains(&"databases"));
    }
}

#[test]
fn a_selection_is_what_the_list_showed_without_searching_again() {
    let index = bank_index();
    let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
    let none = |_: &str| UserMarks::default();
    let views = [
        ListQuery::default(),
        ListQuery {
            topics: vec!["databases".into()],
            sort: Sort::Level,
            ..Default::default()
        },
        ListQuery {
            q: "cache".into(),
            ..Default::default()
        },
        ListQuery {
            q: "tcp handshake".into(),
            levels: vec![Level::Beginner, Level::Intermediate],
            sort: Sort::Topic,
            ..Default::default()
        },
    ];
    for view in views {
        let (shown, _) = run(bank::questions(), index, &view, &topics, &none);
        let ids: Vec<&str> = shown.iter().map(|&i| bank::questions()[i].id).collect();
        // What the list's link carries, read back as the quiz or interview reads it.
        let carried = ListQuery::from_query_string(&view.selection_query_string(&ids), |t| {
            bank::topic(t).is_some()
        });
        assert_eq!(
            selection(bank::questions(), &carried, &topics, &none),
            shown,
            "{view:?}"
        );
    }
    // A search with nothing found, or typed by hand, selects nothing; unknown ids and
    // repeats are dropped, and the filters still hold.
    let by_hand = ListQuery {
        q: "cache".into(),
        ..Default::default()
    };
    assert!(by_hand.searches_without_found());
    assert!(selection(bank::questions(), &by_hand, &topics, &none).is_empty());
    let odd = ListQuery {
        q: "x".into(),
        levels: vec![bank::question("jwt").unwrap().level],
        found: vec!["jwt".into(), "no-such-question".into(), "jwt".into()],
        ..Default::default()
    };
    let picked = selection(bank::questions(), &odd, &topics, &none);
    assert_eq!(
        picked
            .iter()
            .map(|&i| bank::questions()[i].id)
            .collect::<Vec<_>>(),
        ["jwt"]
    );
}

#[test]
fn status_filter_uses_the_given_progress() {
    let index = bank_index();
    let query = ListQuery {
        statuses: vec![Status::Knew],
        ..Default::default()
    };
    let known = |id: &str| UserMarks {
        status: if id == "jwt" {
            Status::Knew
        } else {
            Status::New
        },
        ..Default::default()
    };
    let (shown, _) = run(bank::questions(), index, &query, &[], &known);
    assert_eq!(
        shown
            .iter()
            .map(|&i| bank::questions()[i].id)
            .collect::<Vec<_>>(),
        ["jwt"]
    );
}

fn ids(shown: &[usize]) -> Vec<&'static str> {
    shown.iter().map(|&i| bank::questions()[i].id).collect()
}

#[test]
fn personal_filters_must_all_hold() {
    let index = bank_index();
    let mine = |id: &str| UserMarks {
        due: id == "jwt" || id == "cdn",
        bookmarked: id == "jwt" || id == "caching-basics",
        note: (id == "jwt").then_some("my note"),
        ..Default::default()
    };
    let run_with = |only: Vec<PersonalFilter>| {
        let query = ListQuery {
            only,
            ..Default::default()
        };
        let mut found = ids(&run(bank::questions(), index, &query, &[], &mine).0);
        found.sort();
        found
    };
    assert_eq!(run_with(vec![PersonalFilter::Due]), ["cdn", "jwt"]);
    assert_eq!(
        run_with(vec![PersonalFilter::Bookmarked]),
        ["caching-basics", "jwt"]
    );
    assert_eq!(run_with(vec![PersonalFilter::Notes]), ["jwt"]);
    assert_eq!(
        run_with(vec![PersonalFilter::Due, PersonalFilter::Bookmarked]),
        ["jwt"]
    );
}

#[test]
fn a_search_finds_questions_through_the_users_notes_after_the_banks_matches() {
    let index = bank_index();
    let mine = |id: &str| UserMarks {
        note: (id == "caching-basics").then_some("Asked at Zorblax: whiteboard isolation levels"),
        ..Default::default()
    };
    let query = ListQuery {
        q: "zorbl".into(),
        ..Default::default()
    };
    assert_eq!(
        ids(&run(bank::questions(), index, &query, &[], &mine).0),
        ["caching-basics"]
    );
    let query = ListQuery {
        q: "isolation levels".into(),
        ..Default::default()
    };
    let shown = ids(&run(bank::questions(), index, &query, &[], &mine).0);
    assert!(shown.contains(&"caching-basics"));
    assert!(note_matches("Whiteboard: ISOLATION", "isol white"));
    assert!(!note_matches("whiteboard", "isolation"));
    assert!(!note_matches("anything", "  "), "no words, no match");
}

#[test]
fn sort_by_level_is_easiest_first() {
    let index = bank_index();
    let query = ListQuery {
        sort: Sort::Level,
        ..Default::default()
    };
    let (shown, _) = run(bank::questions(), index, &query, &[], &|_| {
        UserMarks::default()
    });
    let levels: Vec<Level> = shown.iter().map(|&i| bank::questions()[i].level).collect();
    let mut sorted = levels.clone();
    sorted.sort();
    assert_eq!(levels, sorted);
}

#[test]
fn facet_counts_match_what_the_chip_would_show() {
    let index = bank_index();
    let topics: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
    let query = ListQuery {
        q: "cache".into(),
        ..Default::default()
    };
    let (levels, by_topic) = facet_counts(bank::questions(), index, &query, &topics, &|_| {
        UserMarks::default()
    });
    for (level, n) in levels {
        let (shown, _) = run(
            bank::questions(),
            index,
            &query.toggle_level(level),
            &topics,
            &|_| UserMarks::default(),
        );
        assert_eq!(shown.len(), n, "{level:?}");
    }
    for (t, n) in topics.iter().zip(by_topic) {
        let (shown, _) = run(
            bank::questions(),
            index,
            &query.toggle_topic(t),
            &topics,
            &|_| UserMarks::default(),
        );
        assert_eq!(shown.len(), n, "{t}");
    }
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
    let query = ListQuery {
        q: "idempotency".into(),
        ..Default::default()
    };
    let (shown, _) = wordings_only.run(&query, &|_| UserMarks::default());
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
