//! `/quiz`: set up a quiz over the list view carried in the URL, or resume the one in progress.

use crate::bank;
use crate::components::html::{self, Choice, Group};
use crate::platform::{clock, dom};
use crate::quiz::{Item, Pool, QuizMode, Session, Setup};
use crate::state::url::{use_go, use_list_query};
use crate::state::use_app_state;
use leptos::prelude::*;

/// Why nothing could be dealt from `setup`'s pool.
fn nothing_to_deal(setup: &Setup) -> &'static str {
    match setup.pool {
        Pool::New => "Every question in this selection has been practised already. Choose “All”.",
        Pool::Missed => "Nothing was missed in your last quiz (or you have not finished one yet).",
        Pool::Due => "Nothing in this selection is due for review today.",
        Pool::All => {
            "No question in this selection has a multiple-choice check. Choose flashcards or mixed."
        }
    }
}

/// The setup screen.
#[component]
pub fn QuizSetup() -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    let go = use_go();
    dom::set_title("Quiz");
    let candidates = Memo::new(move |_| {
        state
            .selection(&query.get())
            .into_iter()
            .map(|i| Item::Question(&bank::questions()[i]))
            .collect::<Vec<Item>>()
    });
    // The design exercises this selection takes in, when the quiz adds their checks.
    let designs = Memo::new(move |_| {
        bank::designs()
            .iter()
            .filter(|d| query.read().keeps_design(d))
            .map(Item::Design)
            .collect::<Vec<Item>>()
    });
    // Read when the quiz is dealt; nothing on screen follows it (the inputs hold their own state).
    let setup = StoredValue::new(Setup::default());
    let problem = RwSignal::new(None::<&'static str>);
    let in_progress = move || state.quiz.get().filter(|s| !s.is_finished());
    // Starting over a quiz in progress asks first (its answers are kept either way).
    let confirming = RwSignal::new(false);
    let empty = move || candidates.read().is_empty();

    let deal = {
        let go = go.clone();
        move || {
            let setup = setup.get_value();
            let now = clock::now_ms();
            let due_by = clock::end_of_today();
            let schedule = state.schedule.get_untracked();
            let progress = state.progress.get_untracked();
            let mut items = candidates.get_untracked();
            if setup.designs {
                items.extend(designs.get_untracked());
            }
            let dealt = Session::deal(
                &setup,
                &items,
                &progress,
                &|item| match item {
                    Item::Question(q) => schedule.is_due(q.id, due_by),
                    Item::Design(d) => crate::schedule::design_review(&progress, d.id)
                        .is_some_and(|r| r.due <= due_by),
                },
                now,
                now,
            );
            match dealt {
                Some(session) => {
                    state.start_quiz(session);
                    go("/quiz/play");
                }
                None => problem.set(Some(nothing_to_deal(&setup))),
            }
        }
    };
    let start = {
        let deal = deal.clone();
        move |_| {
            if in_progress().is_some() {
                confirming.set(true);
            } else {
                deal();
            }
        }
    };

    view! {
        <section class="quiz-setup" aria-labelledby="quiz-h">
            <h1 id="quiz-h">"Quiz"</h1>
            <Show when=move || in_progress().is_some()>
                <div class="notice resume" data-testid="resume">
                    <p>
                        {move || {
                            in_progress()
                                .map(|s| {
                                    format!(
                                        "You have a quiz in progress: card {} of {}.",
                                        s.pos + 1,
                                        s.cards.len(),
                                    )
                                })
                        }}
                    </p>
                    <button
                        type="button"
                        class="button"
                        on:click={
                            let go = go.clone();
                            move |_| go("/quiz/play")
                        }
                    >
                        "Resume"
                    </button>
                    <button type="button" on:click=move |_| state.discard_quiz()>
                        "Discard"
                    </button>
                </div>
            </Show>
            <p class="lede" data-testid="quiz-source">
                {move || {
                    let n = candidates.read().len();
                    if query.read().is_filtered() {
                        format!("{n} questions in your selection.")
                    } else {
                        format!("All {n} questions.")
                    }
                }}
                " "
                <a href=move || {
                    dom::href(&format!("/{}", query.read().to_query_string()))
                }>"Change the selection"</a>
            </p>
            <form
                class="setup-form"
                on:submit=|ev| ev.prevent_default()
                on:change=move |ev| {
                    let (value, on) = (event_target_value(&ev), event_target_checked(&ev));
                    setup.update_value(|s| choose(s, &value, on));
                }
            >
                <div inner_html=choices_html(&setup.get_value())></div>
                <p class="hint" data-testid="design-count">
                    {move || match designs.read().len() {
                        0 => {
                            "No design exercise is in this selection (a search or a status filter selects questions only)."
                                .to_string()
                        }
                        1 => {
                            "1 design exercise matches this selection: its checks join multiple-choice and mixed quizzes when added."
                                .to_string()
                        }
                        n => {
                            format!(
                                "{n} design exercises match this selection: their checks join multiple-choice and mixed quizzes when added.",
                            )
                        }
                    }}
                </p>
                <Show when=move || problem.get().is_some()>
                    <p class="problem" role="alert">
                        {move || problem.get()}
                    </p>
                </Show>
                <Show when=empty>
                    <p class="problem" data-testid="nothing-selected">
                        {move || {
                            if query.read().searches_without_found() {
                                "Searches run on the question list: change the selection there, then choose “Quiz me on these”."
                            } else {
                                "No question matches this selection. Change the selection to start a quiz."
                            }
                        }}
                    </p>
                </Show>
                <Show
                    when=move || confirming.get() && in_progress().is_some()
                    fallback=move || {
                        view! {
                            <button
                                type="submit"
                                class="button start"
                                disabled=move || !dom::live() || empty()
                                on:click=start.clone()
                            >
                                "Start quiz"
                            </button>
                        }
                    }
                >
                    <div
                        class="notice confirm"
                        role="alertdialog"
                        aria-labelledby="confirm-h"
                        data-testid="confirm-new"
                    >
                        <p id="confirm-h">
                            "A new quiz ends the one in progress. Its answers so far are kept."
                        </p>
                        <button
                            type="button"
                            class="button"
                            on:click={
                                let deal = deal.clone();
                                move |_| {
                                    confirming.set(false);
                                    deal();
                                }
                            }
                        >
                            "Start the new quiz"
                        </button>
                        <button type="button" on:click=move |_| confirming.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </Show>
            </form>
        </section>
    }
}

/// How many cards a quiz can have (`None`: all).
const COUNTS: [Option<usize>; 4] = [Some(5), Some(10), Some(20), None];

/// The choices (see `components::html::choices`), checked as `setup` says: how many, in which
/// order, which questions, which kind of card.
pub fn choices_html(setup: &Setup) -> String {
    html::choices(&[
        Group {
            legend: "How many",
            name: "count",
            boxes: false,
            choices: COUNTS
                .iter()
                .map(|&n| {
                    let (value, label) = match n {
                        Some(n) => (format!("count:{n}"), n.to_string()),
                        None => ("count:all".to_string(), "All".to_string()),
                    };
                    Choice::new(value, setup.count == n, label)
                })
                .collect(),
        },
        Group {
            legend: "Order",
            name: "order",
            boxes: false,
            choices: vec![
                Choice::new("order:shuffled", setup.shuffled, "Shuffled"),
                Choice::new("order:in-order", !setup.shuffled, "In order"),
            ],
        },
        Group {
            legend: "Which questions",
            name: "pool",
            boxes: false,
            choices: Pool::ALL
                .iter()
                .map(|p| Choice::new(format!("pool:{}", p.id()), setup.pool == *p, p.label()))
                .collect(),
        },
        Group {
            legend: "Mode",
            name: "mode",
            boxes: false,
            choices: QuizMode::ALL
                .iter()
                .map(|m| Choice::new(format!("mode:{}", m.id()), setup.mode == *m, m.label()))
                .collect(),
        },
        Group {
            legend: "System design",
            name: "designs",
            boxes: true,
            choices: vec![Choice::new(
                "designs",
                setup.designs,
                "Add the design exercises' checks",
            )],
        },
    ])
}

/// Takes the choice an input of the form made (its `value`, and for a box whether it is
/// `checked`) into `setup`. Anything the form does not offer is ignored.
pub fn choose(setup: &mut Setup, value: &str, checked: bool) {
    match html::split(value) {
        ("count", Some("all")) => setup.count = None,
        ("count", Some(n)) => {
            if let Some(n) = n.parse().ok().filter(|n| COUNTS.contains(&Some(*n))) {
                setup.count = Some(n);
            }
        }
        ("order", Some("shuffled")) => setup.shuffled = true,
        ("order", Some("in-order")) => setup.shuffled = false,
        ("pool", Some(id)) => setup.pool = Pool::from_id(id).unwrap_or(setup.pool),
        ("mode", Some(id)) => setup.mode = QuizMode::from_id(id).unwrap_or(setup.mode),
        ("designs", None) => setup.designs = checked,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choices_show_the_setup_and_each_change_is_taken_in() {
        let mut setup = Setup::default();
        let html = choices_html(&setup);
        assert_eq!(html.matches("<fieldset>").count(), 5);
        assert_eq!(
            html.matches(" checked").count(),
            4,
            "the design box starts unticked"
        );
        assert!(html.contains(r#"type="checkbox" name="designs" value="designs" disabled>"#));
        for on in ["count:10", "order:shuffled", "pool:all", "mode:flashcards"] {
            assert!(html.contains(&format!(r#"value="{on}" checked"#)), "{on}");
        }
        assert!(html.contains(r#"value="count:all" disabled>All</label>"#));
        for value in ["count:all", "order:in-order", "pool:missed", "mode:mixed"] {
            choose(&mut setup, value, true);
        }
        choose(&mut setup, "designs", true);
        assert_eq!(
            setup,
            Setup {
                count: None,
                shuffled: false,
                pool: Pool::Missed,
                mode: QuizMode::Mixed,
                designs: true,
            }
        );
        let html = choices_html(&setup);
        for on in [
            "count:all",
            "order:in-order",
            "pool:missed",
            "mode:mixed",
            "designs",
        ] {
            assert!(html.contains(&format!(r#"value="{on}" checked"#)), "{on}");
        }
        choose(&mut setup, "designs", false);
        assert!(!setup.designs, "unticking takes it out");
        choose(&mut setup, "count:20", true);
        assert_eq!(setup.count, Some(20));
        let before = setup;
        for value in [
            "count:7",
            "count:x",
            "order:random",
            "pool:none",
            "mode:",
            "other",
            "",
        ] {
            choose(&mut setup, value, true);
        }
        assert_eq!(
            setup, before,
            "nothing the form does not offer changes the setup"
        );
    }
}
