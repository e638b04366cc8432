//! The report at the end of a mock interview: the design exercise it ends with, if one was asked
//! (a link to its round, then the round's grade); per question the time used, the key points
//! covered, the grade, the follow-up's grade and the recordings; then what to do next.

use crate::bank;
use crate::components::interview_parts::Playback;
use crate::interview;
use crate::platform::dom;
use crate::progress::Grade;
use crate::state::interview::use_interview_state;
use crate::state::url::use_go;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The report of the interview just finished.
#[component]
pub fn InterviewReport() -> impl IntoView {
    let state = use_app_state();
    let iv = use_interview_state();
    let go = use_go();
    let report = Memo::new(move |_| iv.interview.with(|i| i.as_ref().map(|i| i.report())));
    // "Review these": a flashcard quiz over the answers not graded "knew it" (or all of them).
    let review = move |_| {
        let Some(r) = report.get_untracked() else {
            return;
        };
        let weak: Vec<&str> = r
            .rows
            .iter()
            .filter(|row| row.grade != Some(Grade::Knew))
            .map(|row| row.id.as_str())
            .collect();
        let ids = if weak.is_empty() {
            r.rows.iter().map(|row| row.id.as_str()).collect()
        } else {
            weak
        };
        if state.start_quiz_over(&ids) {
            go("/quiz/play");
        }
    };
    // The design exercise, and the grade of its round once one is recorded (in this tab or
    // another: progress follows the other tabs).
    let design = Memo::new(move |_| {
        iv.interview.with(|i| {
            let i = i.as_ref()?;
            let d = bank::design(i.design.as_deref()?)?;
            let grade = state.progress.with(|p| i.design_round(p).map(|r| r.grade));
            Some((d, grade))
        })
    });
    let design_part = move || {
        let (d, grade) = design.get()?;
        let href = dom::href(&format!("/designs/{}/practice", d.id));
        Some(view! {
            <section
                class="interview-design"
                aria-labelledby="design-h"
                data-testid="interview-design"
            >
                <h2 id="design-h">{format!("Last round: system design — {}", d.title)}</h2>
                <p>{d.summary}</p>
                {grade
                    .map(|g| {
                        view! {
                            <p class="score" data-testid="design-grade">
                                {format!("Design round: {}", g.label())}
                            </p>
                        }
                    })}
                <p>
                    <a class="button" href=href data-testid="design-round-link">
                        {if grade.is_some() {
                            "Another design round"
                        } else {
                            "Start the design round"
                        }}
                    </a>
                </p>
            </section>
        })
    };
    move || {
        let r = report.get()?;
        let total = r.rows.len();
        Some(view! {
            <section
                class="interview-report"
                aria-labelledby="report-h"
                data-testid="interview-report"
            >
                <h1 id="report-h">"Interview report"</h1>
                {design_part}
                <p class="score" data-testid="interview-score">
                    {format!(
                        "{} of {} answers “knew it” · {} of {} key points covered · {} in all",
                        r.knew(),
                        total,
                        r.covered,
                        r.key_points,
                        interview::spoken(r.duration_ms),
                    )}
                </p>
                {(r.follow_ups > 0)
                    .then(|| {
                        view! {
                            <p>
                                {format!(
                                    "Follow-ups: {} of {} “knew it”.",
                                    r.follow_ups_knew,
                                    r.follow_ups,
                                )}
                            </p>
                        }
                    })}
                <ol class="report-rows">
                    {r
                        .rows
                        .iter()
                        .enumerate()
                        .map(|(i, row)| {
                            let q = bank::question(&row.id);
                            let grade = |g: Option<Grade>| g.map_or("not graded", |g| g.label());
                            view! {
                                <li class="report-row" data-testid="report-row">
                                    <a href=dom::href(
                                        &format!("/questions/{}", row.id),
                                    )>{q.map_or(row.id.clone(), |q| q.question.to_string())}</a>
                                    <p class="muted">
                                        {format!(
                                            "{} · key points {} of {} · {}",
                                            interview::spoken(row.time_ms),
                                            row.covered,
                                            row.key_points,
                                            grade(row.grade),
                                        )}
                                    </p>
                                    <Playback key=(i, false) />
                                    {row
                                        .follow_up
                                        .map(|(_, g)| {
                                            view! {
                                                <p class="muted">
                                                    {format!(
                                                        "Follow-up: {} · {}",
                                                        interview::spoken(row.follow_up_ms),
                                                        grade(g),
                                                    )}
                                                </p>
                                                <Playback key=(i, true) />
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <p class="hint">
                    "Recordings are kept only until you close this tab. The grades went into your review schedule, like quiz grades."
                </p>
                <p class="data-actions">
                    <button type="button" class="button" on:click=review.clone()>
                        "Review these"
                    </button>
                    <button type="button" on:click=move |_| iv.discard()>
                        "New interview"
                    </button>
                </p>
            </section>
        })
    }
}
