//! `/quiz`: set up a quiz (over the list view carried in the URL), or resume one.
//! `/quiz/play`: the cards, then the summary.

use crate::app::{use_app_state, AppState};
use crate::bank::{self, Question};
use crate::components::badges::LevelBadge;
use crate::components::personal::{BookmarkButton, NoteBox};
use crate::pages::list::use_list_query;
use crate::progress::Grade;
use crate::quiz::{self, Event, Face, Pool, QuizMode, Session, Setup};
use crate::web;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The setup screen.
#[component]
pub fn QuizSetup() -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    let navigate = use_navigate();
    web::set_title("Quiz");
    let candidates = Memo::new(move |_| {
        let (shown, _) = state.list(&query.get());
        shown
            .into_iter()
            .map(|i| &bank::questions()[i])
            .collect::<Vec<&'static Question>>()
    });
    let count = RwSignal::new(Some(10usize));
    let shuffled = RwSignal::new(true);
    let pool = RwSignal::new(Pool::All);
    let mode = RwSignal::new(QuizMode::Flashcards);
    let problem = RwSignal::new(None::<String>);
    let in_progress = move || state.quiz.get().filter(|s| !s.is_finished());

    let start = move |_| {
        let setup = Setup {
            count: count.get_untracked(),
            shuffled: shuffled.get_untracked(),
            pool: pool.get_untracked(),
            mode: mode.get_untracked(),
        };
        let now = web::now_ms();
        let due_by = web::end_of_today();
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
                state.quiz.set(Some(session));
                navigate("/quiz/play", Default::default());
            }
            None => problem.set(Some(match setup.pool {
                Pool::New => "Every question in this selection has been practised already. Choose “All”.".into(),
                Pool::Missed => "Nothing was missed in your last quiz (or you have not finished one yet).".into(),
                Pool::Due => "Nothing in this selection is due for review today.".into(),
                Pool::All => "No question in this selection has a multiple-choice check. Choose flashcards or mixed.".into(),
            })),
        }
    };
    let resume = {
        let navigate = use_navigate();
        move |_| navigate("/quiz/play", Default::default())
    };

    view! {
        <section class="quiz-setup" aria-labelledby="quiz-h">
            <h1 id="quiz-h">"Quiz"</h1>
            <Show when=move || in_progress().is_some()>
                <div class="notice resume" data-testid="resume">
                    <p>
                        {move || in_progress().map(|s| format!("You have a quiz in progress: card {} of {}.", s.pos + 1, s.cards.len()))}
                    </p>
                    <button type="button" class="button" on:click=resume.clone()>"Resume"</button>
                    <button type="button" on:click=move |_| state.quiz.set(None)>"Discard"</button>
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
                <a href=move || web::href(&format!("/{}", query.read().to_query_string()))>"Change the selection"</a>
            </p>
            <form class="setup-form" on:submit=|ev| ev.prevent_default()>
                <fieldset>
                    <legend>"How many"</legend>
                    {[Some(5), Some(10), Some(20), None]
                        .into_iter()
                        .map(|n| view! {
                            <label class="option">
                                <input type="radio" name="count" prop:checked=move || count.get() == n on:change=move |_| count.set(n) />
                                {n.map(|n| n.to_string()).unwrap_or_else(|| "All".into())}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Order"</legend>
                    <label class="option">
                        <input type="radio" name="order" prop:checked=move || shuffled.get() on:change=move |_| shuffled.set(true) />
                        "Shuffled"
                    </label>
                    <label class="option">
                        <input type="radio" name="order" prop:checked=move || !shuffled.get() on:change=move |_| shuffled.set(false) />
                        "In order"
                    </label>
                </fieldset>
                <fieldset>
                    <legend>"Which questions"</legend>
                    {Pool::ALL
                        .into_iter()
                        .map(|p| view! {
                            <label class="option">
                                <input type="radio" name="pool" prop:checked=move || pool.get() == p on:change=move |_| pool.set(p) />
                                {p.label()}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Mode"</legend>
                    {QuizMode::ALL
                        .into_iter()
                        .map(|m| view! {
                            <label class="option">
                                <input type="radio" name="mode" prop:checked=move || mode.get() == m on:change=move |_| mode.set(m) />
                                {m.label()}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <Show when=move || problem.get().is_some()>
                    <p class="problem" role="alert">{move || problem.get()}</p>
                </Show>
                <button type="submit" class="button start" on:click=start>"Start quiz"</button>
            </form>
        </section>
    }
}

/// The cards, or the summary once the quiz is over.
#[component]
pub fn QuizPlay() -> impl IntoView {
    let state = use_app_state();
    web::set_title("Quiz");
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let (typing, on_control) = web::key_target(&ev);
        let key = ev.key();
        if typing
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || (on_control && (key == " " || key == "Enter"))
        {
            return;
        }
        let event = state
            .quiz
            .with_untracked(|q| q.as_ref().and_then(|s| quiz::key_event(s, &key)));
        if let Some(event) = event {
            ev.prevent_default();
            state.quiz_event(event);
        }
    });
    on_cleanup(move || handle.remove());
    move || match state.quiz.get() {
        None => view! {
            <section class="quiz-none">
                <h1>"No quiz in progress"</h1>
                <p><a class="button" href=web::href("/quiz")>"Set up a quiz"</a></p>
            </section>
        }
        .into_any(),
        Some(s) if s.is_finished() => view! { <QuizSummary session=s /> }.into_any(),
        Some(_) => view! { <QuizCard state=state /> }.into_any(),
    }
}

#[component]
fn QuizCard(state: AppState) -> impl IntoView {
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
    let send = move |e: Event| state.quiz_event(e);
    view! {
        <section class="quiz-card" aria-labelledby="card-h" data-testid="quiz-card">
            <div class="quiz-progress">
                <progress max=move || position.get().1 value=move || position.get().0 aria-label="Quiz progress"></progress>
                <span data-testid="quiz-position">{move || format!("{} / {}", position.get().0 + 1, position.get().1)}</span>
                <button type="button" class="link-button" on:click=move |_| send(Event::Finish)>"End quiz"</button>
            </div>
            {move || current.get().map(|(check, q)| {
                let face = position.get().2;
                match check {
                    None => view! { <Flashcard q=q face=face state=state /> }.into_any(),
                    Some(c) => view! { <ChoiceCard q=q check=c face=face state=state /> }.into_any(),
                }
            })}
            <div class="card-actions">
                <button type="button" on:click=move |_| send(Event::Back) disabled=move || position.get().0 == 0>
                    "← Back"
                </button>
                <button type="button" on:click=move |_| send(Event::Skip)>"Skip " <kbd>"S"</kbd></button>
            </div>
            <p class="hint">
                {move || match (current.get().map(|c| c.0.is_some()), position.get().2) {
                    (Some(false), Face::Front) => "Space shows the answer.",
                    (Some(false), _) => "Letters tick key points; 1, 2, 3 grade; Enter takes the suggestion.",
                    (Some(true), Face::Front) => "Press 1–5 or a–e to answer.",
                    _ => "Enter or Space for the next card.",
                }}
            </p>
        </section>
    }
}

#[component]
fn Flashcard(q: &'static Question, face: Face, state: AppState) -> impl IntoView {
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
    let draft = move || {
        state
            .quiz
            .with(|s| s.as_ref().map(|s| s.draft.clone()).unwrap_or_default())
    };
    view! {
        <div class="flashcard">
            <div class="meta"><LevelBadge level=q.level /></div>
            <h1 id="card-h">{q.question}</h1>
            {match face {
                Face::Front => view! {
                    <label for="draft" class="draft-label">"Your answer (optional; kept with your attempt)"</label>
                    <textarea
                        id="draft"
                        rows="4"
                        maxlength=crate::transfer::MAX_DRAFT_CHARS.to_string()
                        prop:value=draft
                        on:input=move |ev| send(Event::Draft(event_target_value(&ev)))
                    ></textarea>
                    <button type="button" class="button reveal" on:click=move |_| send(Event::Reveal)>
                        "Show answer " <kbd>"Space"</kbd>
                    </button>
                }
                .into_any(),
                _ => view! {
                    <Show when=move || !draft().trim().is_empty()>
                        <blockquote class="your-draft"><p>{draft}</p></blockquote>
                    </Show>
                    <section class="summary" aria-label="Answer in 20 seconds">
                        <p inner_html=q.summary.html></p>
                    </section>
                    <fieldset class="rubric">
                        <legend>"Which key points did you cover?"</legend>
                        {q.key_points
                            .iter()
                            .enumerate()
                            .map(|(i, k)| {
                                let letter = (b'a' + i as u8) as char;
                                view! {
                                    <label class="tick">
                                        <input
                                            type="checkbox"
                                            prop:checked=move || ticked().contains(&i)
                                            on:change=move |_| send(Event::Tick(i))
                                        />
                                        <kbd>{letter.to_string()}</kbd>
                                        <span inner_html=k.html></span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <div class="grades" role="group" aria-label="Grade yourself">
                        {Grade::ALL
                            .into_iter()
                            .enumerate()
                            .map(|(n, g)| view! {
                                <button
                                    type="button"
                                    class=format!("grade grade-{}", g.id())
                                    class:suggested=move || suggested() == Some(g)
                                    on:click=move |_| send(Event::Grade(g))
                                >
                                    <kbd>{(n + 1).to_string()}</kbd>
                                    " "
                                    {g.label()}
                                </button>
                            })
                            .collect_view()}
                    </div>
                    <p class="suggestion" data-testid="suggested">
                        {move || suggested().map(|g| format!("Suggested from your ticks: {}", g.label()))}
                    </p>
                    <details class="full-answer">
                        <summary>"Full answer"</summary>
                        <div class="prose" inner_html=q.answer.html></div>
                    </details>
                    <div class="personal">
                        <BookmarkButton id=q.id />
                        <NoteBox id=q.id />
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}

#[component]
fn ChoiceCard(q: &'static Question, check: usize, face: Face, state: AppState) -> impl IntoView {
    let send = move |e: Event| state.quiz_event(e);
    let Some(c) = q.checks.get(check) else {
        return view! { <p>"This check no longer exists."</p> }.into_any();
    };
    let picked = move || {
        state.quiz.with(|s| {
            s.as_ref().and_then(|s| match s.answers.get(s.pos) {
                Some(Some(crate::progress::Outcome::Choice { picked, .. })) => Some(*picked),
                _ => None,
            })
        })
    };
    view! {
        <div class="choice-card">
            <div class="meta"><LevelBadge level=q.level /> <span class="from">{q.question}</span></div>
            <h1 id="card-h" inner_html=c.prompt.html></h1>
            <ol class="options">
                {c.options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let class = move || match (face, picked()) {
                            (Face::Answered, _) if i == c.answer => "option right",
                            (Face::Answered, Some(p)) if p == i => "option wrong",
                            _ => "option",
                        };
                        view! {
                            <li>
                                <button type="button" class=class disabled=face == Face::Answered on:click=move |_| send(Event::Pick(i))>
                                    <kbd>{(i + 1).to_string()}</kbd>
                                    " "
                                    <span inner_html=o.html></span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(face == Face::Answered).then(|| {
                let right = picked() == Some(c.answer);
                view! {
                    <div class=if right { "verdict right" } else { "verdict wrong" } role="status" data-testid="verdict">
                        <p class="verdict-line">{if right { "Right." } else { "Not quite." }}</p>
                        <p inner_html=c.explanation.html></p>
                        <p><a href=web::href(&format!("/questions/{}", q.id))>"Read the full answer"</a></p>
                    </div>
                    <button type="button" class="button" on:click=move |_| send(Event::Next)>"Next " <kbd>"Enter"</kbd></button>
                    <div class="personal">
                        <BookmarkButton id=q.id />
                        <NoteBox id=q.id />
                    </div>
                }
            })}
        </div>
    }
    .into_any()
}

#[component]
fn QuizSummary(session: Session) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let s = session.summary();
    let pct = (s.right * 100).checked_div(s.answered).unwrap_or(0);
    let retry = {
        let missed: Vec<&'static Question> = s
            .missed
            .iter()
            .filter_map(|id| bank::question(id))
            .collect();
        let mode = session.mode;
        move |_| {
            let setup = Setup {
                count: None,
                shuffled: true,
                pool: Pool::All,
                mode,
            };
            let now = web::now_ms();
            if let Some(next) = Session::deal(
                &setup,
                &missed,
                &state.progress.get_untracked(),
                &|_| false,
                now,
                now,
            ) {
                state.quiz.set(Some(next));
            }
        }
    };
    let new_quiz = move |_| navigate("/quiz", Default::default());
    view! {
        <section class="quiz-summary" aria-labelledby="summary-h" data-testid="quiz-summary">
            <h1 id="summary-h">"Quiz complete"</h1>
            <p class="score" data-testid="score">
                {format!("{} of {} right ({pct}%)", s.right, s.answered)}
                {(s.skipped > 0).then(|| format!(" · {} skipped", s.skipped))}
                {format!(" · {}", quiz::format_duration(s.duration_ms))}
            </p>
            <div class="breakdown">
                <table>
                    <caption>"By level"</caption>
                    <thead><tr><th scope="col">"Level"</th><th scope="col">"Right"</th></tr></thead>
                    <tbody>
                        {s.by_level.iter().map(|(l, r, n)| view! { <tr><td>{l.name()}</td><td>{format!("{r} / {n}")}</td></tr> }).collect_view()}
                    </tbody>
                </table>
                <table>
                    <caption>"By topic"</caption>
                    <thead><tr><th scope="col">"Topic"</th><th scope="col">"Right"</th></tr></thead>
                    <tbody>
                        {s.by_topic.iter().map(|(t, r, n)| view! {
                            <tr><td>{bank::topic(t).map(|t| t.name).unwrap_or(t)}</td><td>{format!("{r} / {n}")}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!s.missed.is_empty()).then(|| view! {
                <h2>"To review"</h2>
                <ul class="missed" data-testid="missed">
                    {s.missed.iter().filter_map(|id| bank::question(id)).map(|q| view! {
                        <li><a href=web::href(&format!("/questions/{}", q.id))>{q.question}</a></li>
                    }).collect_view()}
                </ul>
            })}
            <div class="card-actions">
                {(!s.missed.is_empty()).then(|| view! {
                    <button type="button" class="button" on:click=retry.clone()>"Retry the missed ones"</button>
                })}
                <button type="button" on:click=new_quiz>"New quiz"</button>
            </div>
        </section>
    }
}
