//! A flashcard: the question, an optional draft answer, then the answer with its key points as a
//! rubric to tick, and the grades.

use crate::bank::Question;
use crate::components::answer::{with_content, Pitfalls};
use crate::components::badges::LevelBadge;
use crate::components::draft_box::DraftBox;
use crate::components::personal::{BookmarkButton, NoteBox};
use crate::components::rubric::KeyPointRubric;
use crate::quiz::{Event, Face};
use crate::state::use_app_state;
use leptos::prelude::*;

/// The card showing `face` of question `q`.
#[component]
pub fn Flashcard(
    /// The question.
    q: &'static Question,
    /// What is shown.
    face: Face,
) -> impl IntoView {
    let state = use_app_state();
    let send = move |e: Event| state.quiz_event(e);
    let draft = move || {
        state
            .quiz
            .with(|s| s.as_ref().map(|s| s.draft.clone()).unwrap_or_default())
    };
    view! {
        <div class="flashcard">
            <div class="meta">
                <LevelBadge level=q.level />
            </div>
            <h1 id="card-h">{q.question}</h1>
            {match face {
                Face::Front => {
                    view! {
                        <DraftBox
                            id="draft"
                            label="Your answer (optional; kept with your attempt)"
                            rows="4"
                            text=Signal::derive(draft)
                            on_input=Callback::new(move |text| send(Event::Draft(text)))
                        />
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <Show when=move || !draft().trim().is_empty()>
                            <blockquote class="your-draft">
                                <p>{draft}</p>
                            </blockquote>
                        </Show>
                        {with_content(q, move |c| view! { <Revealed c=c /> })}
                        <div class="personal">
                            <BookmarkButton id=q.id />
                            <NoteBox id=q.id />
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The answer side: summary, the rubric to tick, the suggested grade, the full answer (the grades
/// are on the answer bar).
#[component]
fn Revealed(c: std::sync::Arc<crate::bank::Content>) -> impl IntoView {
    let state = use_app_state();
    let send = move |e: Event| state.quiz_event(e);
    let ticked = move || {
        state
            .quiz
            .with(|s| s.as_ref().map(|s| s.ticked.clone()).unwrap_or_default())
    };
    let suggested = move || {
        state
            .quiz
            .with(|s| s.as_ref().and_then(|s| s.suggested_grade()))
    };
    view! {
        <section class="summary" aria-label="Answer in 20 seconds">
            <p inner_html=c.summary.clone()></p>
        </section>
        <KeyPointRubric
            key_points=c.key_points.clone()
            ticked=Signal::derive(ticked)
            on_tick=Callback::new(move |i| send(Event::Tick(i)))
        />
        <p class="suggestion" data-testid="suggested">
            {move || suggested().map(|g| format!("Suggested from your ticks: {}", g.label()))}
        </p>
        <details class="full-answer">
            <summary>"Full answer"</summary>
            <div class="prose" inner_html=c.answer.clone()></div>
        </details>
        <details class="quiz-pitfalls">
            <summary>"Where answers go wrong"</summary>
            <Pitfalls content=c.clone() />
        </details>
    }
}
