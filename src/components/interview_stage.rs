//! The interview in progress: the question (read aloud when asked for), the countdown, notes and a
//! recording while answering, then the key points to tick, the pitfalls and the grades, then the
//! interviewer's follow-up.

use crate::bank::Question;
use crate::components::answer::{with_content, Pitfalls};
use crate::components::interview_parts::{
    AnswerBox, Countdown, GradeBar, Playback, RecordButton, RecorderControl, TimeSaid,
};
use crate::components::keyboard::use_keys;
use crate::components::rubric::KeyPointRubric;
use crate::components::session_header::SessionHeader;
use crate::interview::{Event, Phase};
use crate::keys::{Action, InterviewStage as Stage, Place};
use crate::platform::speech;
use crate::state::content::Entry;
use crate::state::interview::use_interview_state;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The current question and its phase.
#[component]
pub fn InterviewStage() -> impl IntoView {
    let state = use_app_state();
    let iv = use_interview_state();
    let position = Memo::new(move |_| {
        iv.interview.with(|i| {
            i.as_ref()
                .map(|i| (i.pos, i.questions.len(), i.phase))
                .unwrap_or((0, 0, Phase::Finished))
        })
    });
    let current = Memo::new(move |_| {
        iv.interview
            .with(|i| i.as_ref().and_then(|i| i.current().map(|(_, q)| q)))
    });
    let send = move |e: Event| iv.event(e);
    let recorder = RecorderControl::provide();
    let said = RwSignal::new(String::new());
    provide_context(TimeSaid(said));
    // What a recording started now is of: (question index, the follow-up?).
    let record_key = move || {
        let (pos, _, phase) = position.get_untracked();
        (pos, matches!(phase, Phase::FollowUpAnswering { .. }))
    };
    // A recording stops when the answer does.
    Effect::new(move |_| {
        let answering = matches!(
            position.get().2,
            Phase::Answering { .. } | Phase::FollowUpAnswering { .. }
        );
        if !answering {
            recorder.stop();
        }
    });
    // The next step after a graded answer: the follow-up (when on and the question has one), or
    // the next question.
    let go_on = move || {
        let Some(q) = current.get_untracked() else {
            return;
        };
        // Which follow-up to ask needs the question's content: wait for it (it is on its way,
        // the review shows it).
        let count = match state.content.get(q) {
            Entry::Ready(c) => c.follow_ups.len(),
            Entry::Loading => return,
            Entry::Failed(_) => 0,
        };
        let phase = position.get_untracked().2;
        let follow = iv
            .interview
            .with_untracked(|i| i.as_ref().and_then(|i| i.follow_up_index(count)));
        match (phase, follow) {
            (Phase::Review, Some(n)) => send(Event::FollowUp(n)),
            _ => send(Event::Next),
        }
    };
    // Read the question (and then the follow-up) aloud when asked for.
    Effect::new(move |_| {
        let (pos, _, phase) = position.get();
        let speak = iv
            .interview
            .with_untracked(|i| i.as_ref().is_some_and(|i| i.speak));
        if !speak {
            return;
        }
        match (phase, current.get_untracked()) {
            (Phase::Ready, Some(q)) => {
                let _ = speech::speak(q.question);
            }
            (Phase::FollowUpAnswering { .. }, Some(q)) => {
                if let Some(text) = follow_up_text(state, iv, q) {
                    let _ = speech::speak(&text);
                }
            }
            _ => {}
        }
        let _ = pos;
    });
    on_cleanup(speech::stop);
    use_keys(
        move || {
            let graded = iv.interview.with_untracked(|i| {
                i.as_ref().and_then(|i| i.current()).map(|(a, _)| {
                    (
                        a.grade.is_some(),
                        a.follow_up.as_ref().and_then(|f| f.grade).is_some(),
                    )
                })
            });
            let (main, follow) = graded.unwrap_or((false, false));
            Place::Interview(match position.get_untracked().2 {
                Phase::Ready => Stage::Ready,
                Phase::Answering { .. } | Phase::FollowUpAnswering { .. } => Stage::Answering,
                Phase::Review => Stage::Review { graded: main },
                Phase::FollowUpReview => Stage::FollowUpReview { graded: follow },
                Phase::Finished => Stage::Finished,
            })
        },
        move |action, _| match action {
            Action::Interview(event) => {
                send(event);
                true
            }
            Action::InterviewContinue => {
                go_on();
                true
            }
            Action::ToggleRecording => {
                recorder.toggle(record_key());
                true
            }
            _ => false,
        },
    );
    view! {
        <section class="interview" aria-labelledby="iv-q" data-testid="interview">
            <SessionHeader
                label="Interview progress"
                count_testid="interview-position"
                progress=Signal::derive(move || (position.get().0, position.get().1))
                count=Signal::derive(move || {
                    format!("Question {} of {}", position.get().0 + 1, position.get().1)
                })
                end_label="End interview"
                on_end=Callback::new(move |()| send(Event::Finish))
            />
            {move || {
                let (pos, _, phase) = position.get();
                let design = iv.interview.with(|i| i.as_ref().is_some_and(|i| i.design.is_some()));
                (design && pos == 0 && phase == Phase::Ready)
                    .then(|| {
                        view! {
                            <p class="hint" data-testid="design-ahead">
                                "This interview ends with a system-design exercise, after the last question."
                            </p>
                        }
                    })
            }}
            {move || current.get().map(|q| view! { <QuestionStage q=q /> })}
            // The countdown's few announcements (see `interview::announcement`).
            <span class="visually-hidden" role="status" aria-live="polite" data-testid="time-said">
                {move || said.get()}
            </span>
            <StageBar
                phase=Signal::derive(move || position.get().2)
                on_continue=Callback::new(move |()| go_on())
                record_key=Signal::derive(record_key)
            />
        </section>
    }
}

/// The bar at the bottom: start, done and record, or the grades and the way on.
#[component]
fn StageBar(
    phase: Signal<Phase>,
    on_continue: Callback<()>,
    record_key: Signal<(usize, bool)>,
) -> impl IntoView {
    let iv = use_interview_state();
    let send = move |e: Event| iv.event(e);
    view! {
        <div class="answer-bar" data-testid="interview-bar">
            <div class="bar-row">
                {move || match phase.get() {
                    Phase::Ready => {
                        view! {
                            <button
                                type="button"
                                class="button reveal"
                                on:click=move |_| send(Event::Start)
                            >
                                <span class="bar-label">"Start answering"</span>
                                <kbd class="key-hint">"Space"</kbd>
                            </button>
                        }
                            .into_any()
                    }
                    Phase::Answering { .. } | Phase::FollowUpAnswering { .. } => {
                        view! {
                            <button
                                type="button"
                                class="button reveal"
                                on:click=move |_| send(Event::Done)
                            >
                                <span class="bar-label">"Done"</span>
                                <kbd class="key-hint">"D"</kbd>
                            </button>
                            <RecordButton key=record_key />
                        }
                            .into_any()
                    }
                    Phase::Review | Phase::FollowUpReview => {
                        view! { <GradeBar on_continue=on_continue /> }.into_any()
                    }
                    Phase::Finished => ().into_any(),
                }}
            </div>
        </div>
    }
}

/// The follow-up being asked of `q`, once its content is here.
fn follow_up_text(
    state: crate::state::AppState,
    iv: crate::state::interview::InterviewState,
    q: &'static Question,
) -> Option<String> {
    let Entry::Ready(c) = state.content.get(q) else {
        return None;
    };
    let index = iv.interview.with_untracked(|i| {
        i.as_ref()
            .and_then(|i| i.current())
            .and_then(|(a, _)| a.follow_up.as_ref().map(|f| f.index))
    })?;
    c.follow_ups.get(index).cloned()
}

/// What is shown of question `q` in the current phase.
#[component]
fn QuestionStage(q: &'static Question) -> impl IntoView {
    let state = use_app_state();
    let iv = use_interview_state();
    let phase = Memo::new(move |_| {
        iv.interview
            .with(|i| i.as_ref().map(|i| i.phase).unwrap_or(Phase::Finished))
    });
    let pos = move || iv.interview.with(|i| i.as_ref().map_or(0, |i| i.pos));
    let speak = move || iv.interview.with(|i| i.as_ref().is_some_and(|i| i.speak));
    let ticked = move || {
        iv.interview.with(|i| {
            i.as_ref()
                .and_then(|i| i.current())
                .map(|(a, _)| a.ticked.clone())
                .unwrap_or_default()
        })
    };
    let follow_up = move || follow_up_text(state, iv, q);
    view! {
        <div class="flashcard interview-card">
            <h1
                id="iv-q"
                class:asked=move || {
                    matches!(phase.get(), Phase::FollowUpAnswering { .. } | Phase::FollowUpReview)
                }
            >
                {q.question}
            </h1>
            {move || match phase.get() {
                Phase::Ready => {
                    view! {
                        <p class="muted">
                            "Take a breath, then answer out loud as you would in the interview. The clock starts when you do."
                        </p>
                        <Show when=speak>
                            <button
                                type="button"
                                on:click=move |_| {
                                    let _ = speech::speak(q.question);
                                }
                            >
                                "Read it again"
                            </button>
                        </Show>
                    }
                        .into_any()
                }
                Phase::Answering { .. } => {
                    view! {
                        <Countdown />
                        <AnswerBox follow_up=false />
                    }
                        .into_any()
                }
                Phase::Review => {
                    view! {
                        <Playback key=(pos(), false) />
                        {with_content(
                            q,
                            move |c| {
                                view! {
                                    <section class="summary" aria-label="The answer in 20 seconds">
                                        <p inner_html=c.summary.clone()></p>
                                    </section>
                                    <KeyPointRubric
                                        key_points=c.key_points.clone()
                                        ticked=Signal::derive(ticked)
                                        on_tick=Callback::new(move |i| iv.event(Event::Tick(i)))
                                        key_hint_class=true
                                    />
                                    <Pitfalls content=c.clone() />
                                }
                            },
                        )}
                    }
                        .into_any()
                }
                Phase::FollowUpAnswering { .. } | Phase::FollowUpReview => {
                    let answering = matches!(phase.get(), Phase::FollowUpAnswering { .. });
                    view! {
                        <div class="follow-up" data-testid="follow-up">
                            <p class="muted">"The interviewer asks:"</p>
                            <p class="follow-up-question">{follow_up}</p>
                        </div>
                        {if answering {
                            view! {
                                <Countdown />
                                <AnswerBox follow_up=true />
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| iv.event(Event::SkipFollowUp)
                                >
                                    "Skip the follow-up"
                                </button>
                            }
                                .into_any()
                        } else {
                            view! {
                                <Playback key=(pos(), true) />
                                <p class="muted">"How did your answer to the follow-up go?"</p>
                            }
                                .into_any()
                        }}
                    }
                        .into_any()
                }
                Phase::Finished => ().into_any(),
            }}
        </div>
    }
}
