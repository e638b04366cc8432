//! `/quiz/play`: the quiz's cards one at a time, then its summary.

use crate::components::answer_bar::AnswerBar;
use crate::components::choice_card::ChoiceCard;
use crate::components::flashcard::Flashcard;
use crate::components::keyboard::use_keys;
use crate::components::quiz_summary::QuizSummary;
use crate::components::session_header::SessionHeader;
use crate::keys::{self, Action, Place};
use crate::platform::dom;
use crate::quiz::{Event, Face, Item};
use crate::state::use_app_state;
use leptos::prelude::*;

/// The cards, or the summary once the quiz is over.
#[component]
pub fn QuizPlay() -> impl IntoView {
    let state = use_app_state();
    dom::set_title("Quiz");
    use_keys(
        move || {
            state
                .quiz
                .with_untracked(|q| q.as_ref().and_then(keys::quiz_place))
                .unwrap_or(Place::Other)
        },
        move |action, _| match action {
            Action::Quiz(event) => {
                state.quiz_event(event);
                true
            }
            _ => false,
        },
    );
    move || match state.quiz.get() {
        None => view! {
            <section class="quiz-none">
                <h1>"No quiz in progress"</h1>
                <p>
                    <a class="button" href=dom::href("/quiz")>
                        "Set up a quiz"
                    </a>
                </p>
            </section>
        }
        .into_any(),
        Some(s) if s.is_finished() => view! { <QuizSummary session=s /> }.into_any(),
        Some(_) => view! { <QuizCard /> }.into_any(),
    }
}

/// The current card, with the quiz's progress and the moves every card has.
#[component]
fn QuizCard() -> impl IntoView {
    let state = use_app_state();
    let position = Memo::new(move |_| {
        state.quiz.with(|q| {
            q.as_ref()
                .map(|s| (s.pos, s.cards.len(), s.face))
                .unwrap_or((0, 0, Face::Front))
        })
    });
    let current = Memo::new(move |_| {
        state.quiz.with(|q| {
            q.as_ref()
                .and_then(|s| s.current().map(|(c, q)| (c.check, q)))
        })
    });
    // The next card's content is fetched while this one is answered.
    Effect::new(move |_| {
        let next = state.quiz.with(|q| {
            q.as_ref().and_then(|s| {
                s.cards
                    .get(s.pos + 1)
                    .and_then(Item::of)
                    .and_then(|item| match item {
                        Item::Question(q) => Some(q),
                        Item::Design(_) => None,
                    })
            })
        });
        if let Some(q) = next {
            state.content.prefetch(q);
        }
    });
    let send = move |e: Event| state.quiz_event(e);
    view! {
        <section class="quiz-card" aria-labelledby="card-h" data-testid="quiz-card">
            <SessionHeader
                label="Quiz progress"
                count_testid="quiz-position"
                progress=Signal::derive(move || (position.get().0, position.get().1))
                count=Signal::derive(move || {
                    format!("{} / {}", position.get().0 + 1, position.get().1)
                })
                end_label="End quiz"
                on_end=Callback::new(move |()| send(Event::Finish))
            />
            {move || {
                current
                    .get()
                    .map(|(check, item)| {
                        let face = position.get().2;
                        match (check, item) {
                            (Some(c), _) => {
                                view! { <ChoiceCard item=item check=c face=face /> }.into_any()
                            }
                            (None, Item::Question(q)) => {
                                view! { <Flashcard q=q face=face /> }.into_any()
                            }
                            (None, Item::Design(_)) => ().into_any(),
                        }
                    })
            }}
            <div class="card-actions">
                <button
                    type="button"
                    on:click=move |_| send(Event::Back)
                    disabled=move || position.get().0 == 0
                >
                    "← Back"
                </button>
            </div>
            <AnswerBar />
            <p class="hint key-hint">
                {move || match (current.get(), position.get().2) {
                    (Some((None, _)), Face::Front) => "Space shows the answer.".to_string(),
                    (Some((None, _)), _) => {
                        "Letters tick key points; 1, 2, 3 grade; Enter or Space takes the suggestion."
                            .to_string()
                    }
                    (Some((Some(c), q)), Face::Front) => {
                        let n = q.checks().get(c).map_or(4, |c| c.options);
                        let last = (b'a' + n.saturating_sub(1) as u8) as char;
                        format!("Press 1–{n} or a–{last} to answer.")
                    }
                    _ => "Enter or Space for the next card.".to_string(),
                }}
            </p>
        </section>
    }
}
