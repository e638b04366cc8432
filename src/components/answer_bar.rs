//! The quiz's answer bar: the one or few moves the current card asks for, in one row kept in view
//! at the bottom of the screen (so that grading never needs scrolling, on a phone least of all).

use crate::numbers::days_short;
use crate::platform::clock;
use crate::progress::Grade;
use crate::quiz::{Event, Face};
use crate::schedule;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The bar for the current card: "Show answer", the grades with the interval each would
/// schedule, "Next", and Skip.
#[component]
pub fn AnswerBar() -> impl IntoView {
    let state = use_app_state();
    let send = move |e: Event| state.quiz_event(e);
    // (multiple choice, face) of the current card.
    let card = Memo::new(move |_| {
        state.quiz.with(|s| {
            s.as_ref()
                .and_then(|s| s.current().map(|(c, _)| (c.check.is_some(), s.face)))
        })
    });
    let suggested = move || {
        state
            .quiz
            .with(|s| s.as_ref().and_then(|s| s.suggested_grade()))
    };
    let earlier = Memo::new(move |_| {
        state.quiz.with(|s| {
            s.as_ref()
                .and_then(|s| s.earlier())
                .map(|a| (a.at, a.outcome.grade()))
        })
    });
    // Days until the next review per grade, as the schedule would set them.
    let intervals = Memo::new(move |_| {
        let id = state.quiz.with(|s| {
            s.as_ref()
                .and_then(|s| s.current().map(|(c, _)| c.id.clone()))
        })?;
        let replacing = earlier.get().map(|e| e.0);
        let progress = state.progress.read();
        let attempts = progress.attempts.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        Some(schedule::intervals(attempts, replacing, clock::now_ms()))
    });
    let skip = move || {
        view! {
            <button type="button" class="bar-skip" on:click=move |_| send(Event::Skip)>
                <span class="bar-label">"Skip"</span>
                <kbd class="key-hint">"S"</kbd>
            </button>
        }
    };
    let grades = move || {
        let days = intervals.get();
        let grades = Grade::ALL
            .into_iter()
            .enumerate()
            .map(|(n, g)| {
                let interval = days
                    .and_then(|d| d.iter().find(|x| x.0 == g).map(|x| x.1))
                    .map(days_short);
                view! {
                    <button
                        type="button"
                        class=format!("grade grade-{}", g.id())
                        class:suggested=move || suggested() == Some(g)
                        aria-pressed=move || { earlier.get().map(|e| (e.1 == g).to_string()) }
                        on:click=move |_| send(Event::Grade(g))
                    >
                        <span class="bar-label">
                            <kbd class="key-hint">{(n + 1).to_string()}</kbd>
                            " "
                            {g.label()}
                        </span>
                        {interval
                            .map(|i| {
                                view! {
                                    <span class="interval" title="Next review if graded so">
                                        {i}
                                    </span>
                                }
                            })}
                    </button>
                }
            })
            .collect_view();
        view! {
            <div class="grades" role="group" aria-label="Grade yourself">
                {grades}
            </div>
        }
    };
    view! {
        <div class="answer-bar" data-testid="answer-bar">
            {move || {
                earlier
                    .get()
                    .filter(|_| card.get().is_some_and(|c| !c.0))
                    .map(|(_, g)| {
                        view! {
                            <p class="earlier" data-testid="earlier-grade">
                                {format!(
                                    "You graded this “{}”; a new grade replaces it.",
                                    g.label(),
                                )}
                            </p>
                        }
                    })
            }}
            <div class="bar-row">
                {move || match card.get() {
                    Some((false, Face::Front)) => {
                        view! {
                            <button
                                type="button"
                                class="button reveal"
                                on:click=move |_| send(Event::Reveal)
                            >
                                <span class="bar-label">"Show answer"</span>
                                <kbd class="key-hint">"Space"</kbd>
                            </button>
                            {skip()}
                        }
                            .into_any()
                    }
                    Some((false, _)) => {
                        view! {
                            {grades()}
                            {skip()}
                        }
                            .into_any()
                    }
                    Some((true, Face::Answered)) => {
                        view! {
                            <button
                                type="button"
                                class="button bar-next"
                                on:click=move |_| send(Event::Next)
                            >
                                <span class="bar-label">"Next"</span>
                                <kbd class="key-hint">"Enter"</kbd>
                            </button>
                        }
                            .into_any()
                    }
                    Some((true, _)) => skip().into_any(),
                    None => ().into_any(),
                }}
            </div>
        </div>
    }
}
