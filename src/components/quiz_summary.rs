//! A finished quiz's summary: the score, a breakdown by level and topic, what to review, and
//! "retry the missed ones".

use crate::bank;
use crate::platform::{clock, dom};
use crate::quiz::{self, Pool, Session, Setup};
use crate::state::url::use_go;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The summary of finished quiz `session`.
#[component]
pub fn QuizSummary(
    /// The finished quiz.
    session: Session,
) -> impl IntoView {
    let state = use_app_state();
    let go = use_go();
    let s = session.summary();
    let pct = (s.right * 100).checked_div(s.answered).unwrap_or(0);
    let retry = {
        let missed = s.missed_items.clone();
        let mode = session.mode;
        move |_| {
            let setup = Setup {
                count: None,
                shuffled: true,
                pool: Pool::All,
                mode,
                designs: true,
            };
            let now = clock::now_ms();
            if let Some(next) = Session::deal(
                &setup,
                &missed,
                &state.progress.get_untracked(),
                &|_| false,
                now,
                now,
            ) {
                state.start_quiz(next);
            }
        }
    };
    let new_quiz = move |_| go("/quiz");
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
                    <thead>
                        <tr>
                            <th scope="col">"Level"</th>
                            <th scope="col">"Right"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {s
                            .by_level
                            .iter()
                            .map(|(l, r, n)| {
                                view! {
                                    <tr>
                                        <td>{l.label()}</td>
                                        <td>{format!("{r} / {n}")}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <table>
                    <caption>"By topic"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Topic"</th>
                            <th scope="col">"Right"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {s
                            .by_topic
                            .iter()
                            .map(|(t, r, n)| {
                                view! {
                                    <tr>
                                        <td>{bank::topic(t).map(|t| t.name).unwrap_or(t)}</td>
                                        <td>{format!("{r} / {n}")}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            {(!s.missed.is_empty())
                .then(|| {
                    view! {
                        <h2>"To review"</h2>
                        <ul class="missed" data-testid="missed">
                            {s
                                .missed_items
                                .iter()
                                .map(|item| {
                                    view! {
                                        <li>
                                            <a href=dom::href(&item.page())>{item.title()}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <div class="card-actions">
                {(!s.missed.is_empty())
                    .then(|| {
                        view! {
                            <button type="button" class="button" on:click=retry.clone()>
                                "Retry the missed ones"
                            </button>
                        }
                    })} <button type="button" on:click=new_quiz>
                    "New quiz"
                </button>
            </div>
        </section>
    }
}
