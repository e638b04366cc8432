//! `/designs/:id/practice`: a timed design round on one exercise. Choose a length, then work
//! through the six stages against each stage's planned time (asking the interviewer's clarifying
//! answers one at a time, notes per stage), then review stage by stage: your notes beside the
//! model answer, the rubric to tick, a grade per stage and one overall, which go into progress.
//! The round itself is `crate::design_practice` (pure); this page is its view.

use crate::bank::design_content::DesignContent;
use crate::bank::designs::{self, Design};
use crate::components::answer::with_exercise;
use crate::components::interview_parts::ticking_now;
use crate::components::keyboard::use_keys;
use crate::design_practice::{self as dp, Event, Length, Phase, Round, Stage};
use crate::interview::clock_text;
use crate::keys::{Action, DesignKey, Place};
use crate::pages::design::clarify_items;
use crate::pages::not_found::NotFound;
use crate::platform::{clock, dom};
use crate::progress::Grade;
use crate::state::design_content::use_design_content;
use crate::state::design_round::{use_design_round, DesignRoundState};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// The practice page, or not-found for an unknown id.
#[component]
pub fn DesignPracticePage() -> impl IntoView {
    let params = use_params_map();
    let found = Memo::new(move |_| params.read().get("id").and_then(|id| designs::design(&id)));
    move || match found.get() {
        Some(d) => view! { <Practice d=d /> }.into_any(),
        None => view! { <NotFound what="design exercise" /> }.into_any(),
    }
}

/// Which screen the round is on, for this exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Setup,
    Timed,
    Review,
    Report,
}

#[component]
fn Practice(d: &'static Design) -> impl IntoView {
    dom::set_title(&format!("Practice: {}", d.title));
    DesignRoundState::provide();
    let content = use_design_content(d.id, d.content);
    view! {
        <article class="design-practice" data-testid="design-practice">
            <nav class="question-nav" aria-label="Design navigation">
                <a class="back" href=dom::href(&format!("/designs/{}", d.id))>
                    "← The worked exercise"
                </a>
            </nav>
            <h1>"Practice: " {d.title}</h1>
            {move || with_exercise(content.get(), |c| view! { <RoundView d=d c=c /> }.into_any())}
        </article>
    }
}

#[component]
fn RoundView(d: &'static Design, c: Arc<DesignContent>) -> impl IntoView {
    let st = use_design_round();
    let screen = Memo::new(move |_| {
        st.round.with(|r| match r {
            Some(r) if r.design_id == d.id => match r.phase {
                Phase::Running { .. } | Phase::Paused => Screen::Timed,
                Phase::Review => Screen::Review,
                Phase::Done => Screen::Report,
                Phase::Ready | Phase::Abandoned => Screen::Setup,
            },
            _ => Screen::Setup,
        })
    });
    move || {
        let c = c.clone();
        match screen.get() {
            Screen::Setup => view! { <Setup d=d c=c /> }.into_any(),
            Screen::Timed => view! { <Timed c=c /> }.into_any(),
            Screen::Review => view! { <Review c=c /> }.into_any(),
            Screen::Report => view! { <Report d=d /> }.into_any(),
        }
    }
}

/// "12 min" for a whole number of minutes, else "m:ss".
fn minutes(ms: u64) -> String {
    if ms.is_multiple_of(60_000) {
        format!("{} min", ms / 60_000)
    } else {
        clock_text(ms)
    }
}

/// What each stage is for, said on the timed screen.
fn stage_hint(stage: Stage) -> &'static str {
    match stage {
        Stage::Clarify => "Ask about scope, users and scale before designing anything. Each question you ask shows the interviewer's answer.",
        Stage::Estimate => "Work out requests per second (average and peak), storage per year, bandwidth and cache from the numbers you were given.",
        Stage::Api => "Name the endpoints or calls, and the tables or keys with the access patterns they serve.",
        Stage::Design => "Sketch the boxes and arrows: clients, services, stores, caches, queues, and how a request flows through them.",
        Stage::DeepDive => "Take one or two parts in depth: the trade-offs, the numbers, what breaks first.",
        Stage::WrapUp => "Bottlenecks and failure modes, what you would monitor, what comes next.",
    }
}

#[component]
fn Setup(d: &'static Design, c: Arc<DesignContent>) -> impl IntoView {
    let st = use_design_round();
    // A round of another exercise still going: starting here ends it.
    let other = move || {
        st.round.with(|r| {
            r.as_ref()
                .filter(|r| r.design_id != d.id && !r.is_over())
                .and_then(|r| designs::design(&r.design_id))
        })
    };
    let rubric: [usize; dp::STAGES] = std::array::from_fn(|i| c.rubric.get(i).map_or(0, Vec::len));
    let clarify = c.clarify.len();
    let start = move |_| {
        let round = Round::new(
            d.id,
            st.length.get_untracked(),
            rubric,
            clarify,
            clock::now_ms(),
        );
        st.start(round);
    };
    view! {
        <section class="practice-setup" aria-labelledby="setup-h" data-testid="practice-setup">
            <h2 id="setup-h">"A timed design round"</h2>
            <p class="lede">
                "Work through the six stages an interviewer expects, against the clock. Each stage has a planned time; going past it is shown as overtime, and you move on when you are ready. Afterwards, compare your notes with the model answer and grade each stage."
            </p>
            {move || {
                other()
                    .map(|o| {
                        view! {
                            <p class="notice" data-testid="other-round">
                                "Your round of "
                                <a href=dom::href(
                                    &format!("/designs/{}/practice", o.id),
                                )>{o.title}</a>
                                " is still going; starting this one ends it, unrecorded."
                            </p>
                        }
                    })
            }}
            <fieldset class="length-choice">
                <legend>"Length"</legend>
                {Length::ALL
                    .into_iter()
                    .map(|len| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="round-length"
                                    value=len.id()
                                    prop:checked=move || st.length.get() == len
                                    on:change=move |_| st.length.set(len)
                                />
                                {len.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <table class="stage-plan" data-testid="stage-plan">
                <caption>"The plan"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Planned"</th>
                    </tr>
                </thead>
                <tbody>
                    {Stage::ALL
                        .into_iter()
                        .map(|s| {
                            view! {
                                <tr>
                                    <th scope="row">{s.label()}</th>
                                    <td>{move || minutes(st.length.get().planned(s))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <button type="button" class="button start" data-testid="start-round" on:click=start>
                "Start the round"
            </button>
        </section>
    }
}

/// How often the clock on screen moves.
const TICK_MS: u64 = 250;

#[component]
fn Timed(c: Arc<DesignContent>) -> impl IntoView {
    let st = use_design_round();
    let send = move |e: Event| st.event(e);
    let now = ticking_now(TICK_MS);
    let facts = Memo::new(move |_| {
        let t = now.get();
        st.round.with(|r| {
            r.as_ref().map(|r| {
                (
                    r.stage,
                    r.remaining_ms(t).unwrap_or(0),
                    r.overtime_ms(t),
                    matches!(r.phase, Phase::Paused),
                )
            })
        })
    });
    let stage = Memo::new(move |_| facts.get().map_or(Stage::Clarify, |f| f.0));
    let length = move || {
        st.round
            .with(|r| r.as_ref().map_or(Length::Standard, |r| r.length))
    };
    let planned = move || length().planned(stage.get());
    let paused = move || facts.get().is_some_and(|f| f.3);
    // Said to screen readers at half time, 30 s, 10 s and the end of each stage's plan.
    let said = RwSignal::new(String::new());
    Effect::new(move |before: Option<(Stage, u64)>| {
        let Some((stage, left, _, _)) = facts.get() else {
            return before.unwrap_or((Stage::Clarify, 0));
        };
        if let Some((was, before)) = before {
            if was == stage {
                let planned = length().planned(stage);
                if let Some(text) = dp::announcement(stage, planned, before, left) {
                    said.set(text);
                }
            }
        }
        (stage, left)
    });
    let notes = move || {
        st.round.with(|r| {
            r.as_ref()
                .map(|r| r.stages[r.stage.index()].notes.clone())
                .unwrap_or_default()
        })
    };
    let revealed = move || st.round.with(|r| r.as_ref().map_or(0, Round::revealed));
    let clarify = c.clarify.clone();
    let total_clarify = clarify.len();
    let notes_ref: NodeRef<leptos::html::Textarea> = NodeRef::new();
    use_keys(
        || Place::DesignRound,
        move |action, _| {
            let Action::Design(key) = action else {
                return false;
            };
            let event = match key {
                DesignKey::Pause if paused() => Event::Resume,
                DesignKey::Pause => Event::Pause,
                DesignKey::NextStage => Event::NextStage,
                DesignKey::PreviousStage => Event::PrevStage,
                DesignKey::Ask => Event::RevealClarify,
                DesignKey::Notes | DesignKey::LeaveNotes => {
                    if let Some(notes) = notes_ref.get_untracked() {
                        let _ = if key == DesignKey::Notes {
                            notes.focus()
                        } else {
                            notes.blur()
                        };
                    }
                    return true;
                }
            };
            send(event);
            true
        },
    );
    view! {
        <section class="practice-round" aria-labelledby="stage-h" data-testid="practice-round">
            <ol class="stage-steps" aria-label="Stages">
                {Stage::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li
                                class:current=move || stage.get() == s
                                class:past=move || { stage.get() > s }
                                aria-current=move || (stage.get() == s).then_some("step")
                            >
                                {s.label()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <blockquote class="practice-prompt">
                <p>{c.prompt.clone()}</p>
            </blockquote>
            <h2 id="stage-h" data-testid="stage-name">
                {move || stage.get().label()}
            </h2>
            <p class="hint">{move || stage_hint(stage.get())}</p>
            <div class="countdown" data-testid="stage-clock">
                {move || {
                    let (left, over) = facts.get().map_or((0, 0), |f| (f.1, f.2));
                    if over > 0 {
                        view! {
                            <span class="clock over" aria-hidden="true">
                                {format!("+{} over", clock_text(over))}
                            </span>
                        }
                            .into_any()
                    } else {
                        view! {
                            <span class="clock" aria-hidden="true">
                                {clock_text(left)}
                            </span>
                        }
                            .into_any()
                    }
                }}
                <progress
                    max=move || planned() as f64
                    value=move || facts.get().map_or(0, |f| f.1) as f64
                    aria-label=move || {
                        format!("Time left in this stage, out of {}", minutes(planned()))
                    }
                ></progress>
                {move || paused().then(|| view! { <span class="muted">"paused"</span> })}
            </div>
            <span class="visually-hidden" role="status" aria-live="polite" data-testid="time-said">
                {move || said.get()}
            </span>
            {move || {
                (stage.get() == Stage::Clarify)
                    .then(|| {
                        view! {
                            <div class="practice-clarify">
                                <ol class="clarify-list" data-testid="clarify-shown">
                                    {clarify_items(clarify.iter().take(revealed()))}
                                </ol>
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="ask"
                                    disabled=move || { paused() || revealed() >= total_clarify }
                                    on:click=move |_| send(Event::RevealClarify)
                                >
                                    {move || {
                                        if revealed() >= total_clarify {
                                            "No more questions".to_string()
                                        } else {
                                            format!(
                                                "Ask the interviewer ({} of {total_clarify})",
                                                revealed() + 1,
                                            )
                                        }
                                    }}
                                </button>
                            </div>
                        }
                    })
            }}
            <label for="stage-notes" class="draft-label">
                {move || format!("Your notes: {}", stage.get().label())}
            </label>
            <textarea
                id="stage-notes"
                node_ref=notes_ref
                data-testid="stage-notes"
                rows="8"
                prop:value=notes
                on:input=move |ev| send(Event::Note(stage.get_untracked(), event_target_value(&ev)))
            ></textarea>
            <p class="hint key-hint">
                "Keys outside the notes: Space pauses, n next stage, ← back, a asks, e writes notes (Esc leaves them)."
            </p>
            <div class="answer-bar" data-testid="round-bar">
                <div class="bar-row">
                    <button
                        type="button"
                        class="button"
                        disabled=move || stage.get() == Stage::Clarify
                        on:click=move |_| send(Event::PrevStage)
                    >
                        "← Previous stage"
                    </button>
                    <button
                        type="button"
                        class="button"
                        data-testid="pause"
                        on:click=move |_| send(if paused() { Event::Resume } else { Event::Pause })
                    >
                        {move || if paused() { "Resume" } else { "Pause" }}
                    </button>
                    <button
                        type="button"
                        class="button bar-next"
                        data-testid="next-stage"
                        on:click=move |_| send(Event::NextStage)
                    >
                        {move || match stage.get().next() {
                            Some(next) => format!("Next: {} →", next.label()),
                            None => "End and review".to_string(),
                        }}
                    </button>
                </div>
                <div class="bar-row">
                    <button
                        type="button"
                        class="link-button"
                        data-testid="end-round"
                        on:click=move |_| send(Event::EndRound)
                    >
                        "End the round now and review"
                    </button>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| send(Event::Abandon)
                    >
                        "Give up (not recorded)"
                    </button>
                </div>
            </div>
        </section>
    }
}

/// The model answer's part for `stage`.
fn model_answer(c: &DesignContent, stage: Stage) -> AnyView {
    let prose = |html: String| view! { <div class="prose" inner_html=html></div> };
    match stage {
        Stage::Clarify => view! {
            <ol class="clarify-list">{clarify_items(&c.clarify)}</ol>
            {prose(c.requirements.clone())}
        }
        .into_any(),
        Stage::Estimate => prose(c.estimate.clone()).into_any(),
        Stage::Api => prose(c.api.clone()).into_any(),
        Stage::Design => view! {
            <div
                class="diagram-box"
                tabindex="0"
                role="group"
                aria-label="Diagram"
                inner_html=c.diagram_svg.clone()
            ></div>
            {prose(c.design.clone())}
        }
        .into_any(),
        Stage::DeepDive => prose(c.deep_dives.clone()).into_any(),
        Stage::WrapUp => view! {
            {prose(c.bottlenecks.clone())}
            {prose(c.senior.clone())}
        }
        .into_any(),
    }
}

/// The three grade buttons: `chosen` pressed, `suggested` marked.
fn grade_buttons(
    label: String,
    chosen: Signal<Option<Grade>>,
    suggested: Signal<Grade>,
    on_grade: impl Fn(Grade) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="grades" role="group" aria-label=label>
            {Grade::ALL
                .into_iter()
                .map(|g| {
                    view! {
                        <button
                            type="button"
                            class=format!("grade grade-{}", g.id())
                            class:suggested=move || suggested.get() == g
                            aria-pressed=move || (chosen.get() == Some(g)).to_string()
                            on:click=move |_| on_grade(g)
                        >
                            <span class="bar-label">{g.label()}</span>
                            {move || {
                                (suggested.get() == g && chosen.get().is_none())
                                    .then(|| view! { <span class="muted">" (suggested)"</span> })
                            }}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn Review(c: Arc<DesignContent>) -> impl IntoView {
    let st = use_design_round();
    let send = move |e: Event| st.event(e);
    let stages = Stage::ALL
        .into_iter()
        .map(|stage| {
            let i = stage.index();
            let work = move || st.round.with(|r| r.as_ref().map(|r| r.stages[i].clone()));
            let times = move || {
                st.round.with(|r| {
                    r.as_ref()
                        .map(|r| (r.stages[i].used_ms, r.length.planned(stage)))
                        .unwrap_or_default()
                })
            };
            let notes = move || work().map(|w| w.notes).unwrap_or_default();
            let points = c.rubric.get(i).cloned().unwrap_or_default();
            let chosen = Signal::derive(move || work().and_then(|w| w.grade));
            let suggested = Signal::derive(move || {
                st.round
                    .with(|r| r.as_ref().map_or(Grade::DidntKnow, |r| r.suggested(stage)))
            });
            let h = format!("review-{}-h", stage.id());
            let labelled_by = h.clone();
            view! {
                <section
                    class="review-stage"
                    aria-labelledby=labelled_by
                    data-testid=format!("review-{}", stage.id())
                >
                    <h2 id=h>{stage.label()}</h2>
                    <p class="muted stage-time">
                        {move || {
                            let (used, planned) = times();
                            let over = used.saturating_sub(planned);
                            if over > 0 {
                                format!(
                                    "{} used of {} planned ({} over)",
                                    clock_text(used),
                                    minutes(planned),
                                    clock_text(over),
                                )
                            } else {
                                format!("{} used of {} planned", clock_text(used), minutes(planned))
                            }
                        }}
                    </p>
                    <div class="side-by-side">
                        <div class="yours">
                            <h3>"Your notes"</h3>
                            {move || {
                                let n = notes();
                                if n.trim().is_empty() {
                                    view! { <p class="muted">"No notes for this stage."</p> }
                                        .into_any()
                                } else {
                                    view! { <p class="user-notes">{n}</p> }.into_any()
                                }
                            }}
                        </div>
                        <details class="model" open>
                            <summary>"The model answer"</summary>
                            {model_answer(&c, stage)}
                        </details>
                    </div>
                    <fieldset class="rubric-ticks">
                        <legend>"What the interviewer listens for: tick what you covered"</legend>
                        {points
                            .into_iter()
                            .enumerate()
                            .map(|(n, p)| {
                                let ticked = move || {
                                    work().is_some_and(|w| w.ticks.get(n) == Some(&true))
                                };
                                view! {
                                    <label class="tick">
                                        <input
                                            type="checkbox"
                                            prop:checked=ticked
                                            on:change=move |ev| {
                                                send(Event::Tick(stage, n, event_target_checked(&ev)))
                                            }
                                        />
                                        <span inner_html=p></span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    {grade_buttons(
                        format!("Grade the stage: {}", stage.label()),
                        chosen,
                        suggested,
                        move |g| send(Event::Grade(stage, g)),
                    )}
                </section>
            }
        })
        .collect_view();
    let overall = Signal::derive(move || st.round.with(|r| r.as_ref().and_then(|r| r.overall)));
    let suggested_overall = Signal::derive(move || {
        st.round.with(|r| {
            r.as_ref()
                .map_or(Grade::DidntKnow, Round::suggested_overall)
        })
    });
    view! {
        <div class="practice-review" data-testid="practice-review">
            <p class="lede">
                "Stage by stage: read your notes beside the model answer, tick the points you covered, and grade the stage. The ticks suggest a grade; yours wins."
            </p>
            {stages}
            <section class="review-overall" aria-labelledby="overall-h">
                <h2 id="overall-h">"The whole round"</h2>
                {grade_buttons(
                    "Grade the whole round".to_string(),
                    overall,
                    suggested_overall,
                    move |g| send(Event::Overall(g)),
                )}
                <button
                    type="button"
                    class="button bar-next"
                    data-testid="finish-review"
                    on:click=move |_| send(Event::Finish)
                >
                    "Save the round to my progress"
                </button>
            </section>
        </div>
    }
}

#[component]
fn Report(d: &'static Design) -> impl IntoView {
    let st = use_design_round();
    let report = Memo::new(move |_| {
        st.round.with(|r| {
            r.as_ref()
                .map(|r| (r.report(r.finished_at.unwrap_or(0)), r.overall_grade()))
        })
    });
    let rows = move || {
        report.get().map(|(rep, _)| {
            rep.stages
                .into_iter()
                .map(|s| {
                    let over = s.overtime_ms();
                    let is_over = over > 0;
                    let grade = s.grade.unwrap_or(s.suggested);
                    view! {
                        <tr>
                            <th scope="row">{s.stage.label()}</th>
                            <td>{minutes(s.planned_ms)}</td>
                            <td class:over=is_over>
                                {clock_text(s.used_ms)}
                                {(over > 0).then(|| format!(" (+{})", clock_text(over)))}
                            </td>
                            <td>{format!("{} of {}", s.ticked, s.total)}</td>
                            <td>{grade.label()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let again = move |_| st.discard();
    view! {
        <section class="practice-report" aria-labelledby="report-h" data-testid="practice-report">
            <h2 id="report-h">"Your round"</h2>
            <p class="score" data-testid="round-grade">
                {move || {
                    report
                        .get()
                        .map(|(rep, grade)| {
                            format!(
                                "{} overall; {} used of {} planned.",
                                grade.label(),
                                clock_text(rep.used_ms),
                                minutes(rep.planned_ms),
                            )
                        })
                }}
            </p>
            <table class="stage-plan" data-testid="report-table">
                <caption>"Time and grade per stage"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Planned"</th>
                        <th scope="col">"Used"</th>
                        <th scope="col">"Points"</th>
                        <th scope="col">"Grade"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="muted">
                "The round is saved in your progress, and the exercise comes back for review when it is due."
            </p>
            <div class="data-actions">
                <button type="button" class="button" data-testid="practice-again" on:click=again>
                    "Practice again"
                </button>
                <a class="button" href=dom::href("/progress")>
                    "See your progress"
                </a>
                <a class="button" href=dom::href(&format!("/designs/{}", d.id))>
                    "Read the worked exercise"
                </a>
            </div>
        </section>
    }
}
