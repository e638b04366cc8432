//! `/quiz`: set up a quiz over the list view carried in the URL, or resume the one in progress.

use crate::bank::{self, Question};
use crate::platform::{clock, dom};
use crate::quiz::{Pool, QuizMode, Session, Setup};
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
            .map(|i| &bank::questions()[i])
            .collect::<Vec<&'static Question>>()
    });
    let count = RwSignal::new(Some(10usize));
    let shuffled = RwSignal::new(true);
    let pool = RwSignal::new(Pool::All);
    let mode = RwSignal::new(QuizMode::Flashcards);
    let problem = RwSignal::new(None::<&'static str>);
    let in_progress = move || state.quiz.get().filter(|s| !s.is_finished());
    // Starting over a quiz in progress asks first (its answers are kept either way).
    let confirming = RwSignal::new(false);
    let empty = move || candidates.read().is_empty();

    let deal = {
        let go = go.clone();
        move || {
            let setup = Setup {
                count: count.get_untracked(),
                shuffled: shuffled.get_untracked(),
                pool: pool.get_untracked(),
                mode: mode.get_untracked(),
            };
            let now = clock::now_ms();
            let due_by = clock::end_of_today();
            let schedule = state.schedule.get_untracked();
            let dealt = Session::deal(
                &setup,
                &candidates.get_untracked(),
                &state.progress.get_untracked(),
                &|id| schedule.is_due(id, due_by),
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
            <form class="setup-form" on:submit=|ev| ev.prevent_default()>
                <SetupChoices count=count shuffled=shuffled pool=pool mode=mode />
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

/// The choices: how many, in which order, which questions, which kind of card.
#[component]
fn SetupChoices(
    count: RwSignal<Option<usize>>,
    shuffled: RwSignal<bool>,
    pool: RwSignal<Pool>,
    mode: RwSignal<QuizMode>,
) -> impl IntoView {
    let option = |name: &'static str, label: String, checked: Signal<bool>, pick: Callback<()>| {
        view! {
            <label class="option">
                <input
                    type="radio"
                    disabled=!dom::live()
                    name=name
                    prop:checked=move || checked.get()
                    on:change=move |_| pick.run(())
                />
                {label}
            </label>
        }
    };
    view! {
        <fieldset>
            <legend>"How many"</legend>
            {[Some(5), Some(10), Some(20), None]
                .into_iter()
                .map(|n| {
                    let label = n.map(|n| n.to_string()).unwrap_or_else(|| "All".into());
                    option(
                        "count",
                        label,
                        Signal::derive(move || count.get() == n),
                        Callback::new(move |()| count.set(n)),
                    )
                })
                .collect_view()}
        </fieldset>
        <fieldset>
            <legend>"Order"</legend>
            {option(
                "order",
                "Shuffled".into(),
                Signal::derive(move || shuffled.get()),
                Callback::new(move |()| shuffled.set(true)),
            )}
            {option(
                "order",
                "In order".into(),
                Signal::derive(move || !shuffled.get()),
                Callback::new(move |()| shuffled.set(false)),
            )}
        </fieldset>
        <fieldset>
            <legend>"Which questions"</legend>
            {Pool::ALL
                .into_iter()
                .map(|p| option(
                    "pool",
                    p.label().into(),
                    Signal::derive(move || pool.get() == p),
                    Callback::new(move |()| pool.set(p)),
                ))
                .collect_view()}
        </fieldset>
        <fieldset>
            <legend>"Mode"</legend>
            {QuizMode::ALL
                .into_iter()
                .map(|m| option(
                    "mode",
                    m.label().into(),
                    Signal::derive(move || mode.get() == m),
                    Callback::new(move |()| mode.set(m)),
                ))
                .collect_view()}
        </fieldset>
    }
}
