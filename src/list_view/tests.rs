//! Tests of the list's views: search results through the filters by level, topic and the user's
//! marks, the sort, the chip counts, and the selection a quiz or mock interview takes.

use super::*;
use crate::bank;
use crate::search::bank_search;

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
