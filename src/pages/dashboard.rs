//! `/progress`: readiness, mastery per topic, activity, streaks, reviews due and recent quizzes;
//! then the user's data: export, import, reset. Every figure comes from `progress`, `stats` and
//! `schedule`; this file only lays them out.

use crate::bank::{self, Level};
use crate::components::charts::{Bar, BarChart, ForecastChart, HeatmapChart};
use crate::components::data_panel::DataPanel;
use crate::components::plan_panel::PlanPanel;
use crate::platform::clock::{self, UserCalendar};
use crate::platform::dom;
use crate::progress::Mastery;
use crate::state::use_app_state;
use crate::stats::{self, Calendar};
use leptos::prelude::*;

/// Weeks in the activity heatmap.
const HEATMAP_WEEKS: usize = 12;
/// Days in the due forecast.
const FORECAST_DAYS: usize = 14;
/// Quizzes in the recent list.
const RECENT_QUIZZES: usize = 8;

fn known_text(m: &Mastery) -> String {
    format!(
        "{} of {} known · {}%",
        m.known,
        m.total,
        stats::percent(m.known, m.total)
    )
}

/// The dashboard.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = use_app_state();
    dom::set_title("Your progress");
    let cal = UserCalendar;
    let figures = Memo::new(move |_| {
        let p = state.progress.read();
        let today = clock::today();
        let activity = stats::activity(&p, &cal);
        let qs = bank::questions();
        let topic_ids: Vec<&str> = bank::topics().iter().map(|t| t.id).collect();
        let overall = p.mastery(qs);
        let by_level = p.mastery_by_level(qs);
        let by_topic = p.mastery_by_topic(qs, &topic_ids);
        let schedule = state.schedule.read();
        let in_bank = |id: &str| bank::question(id).is_some();
        let forecast = stats::due_forecast(schedule.due_times(in_bank), &cal, today, FORECAST_DAYS);
        Figures {
            today,
            overall,
            by_level,
            by_topic,
            streaks: stats::streaks(&activity, today),
            heatmap: stats::heatmap(&activity, today, HEATMAP_WEEKS),
            forecast,
            quizzes: stats::recent_quizzes(&p, RECENT_QUIZZES),
            answers: p.attempt_count(),
        }
    });
    // Read in place: the figures are computed once per change and not cloned per use.
    let fig = move || figures.read();

    view! {
        <section class="dashboard" aria-labelledby="dash-h" data-testid="dashboard">
            <h1 id="dash-h">"Your progress"</h1>
            <StatCards figures=figures />

            <PlanPanel />

            <section aria-labelledby="level-h">
                <h2 id="level-h">"Readiness by level"</h2>
                {move || {
                    let bars = fig()
                        .by_level
                        .iter()
                        .map(|(l, m): &(Level, Mastery)| Bar {
                            label: l.label().to_string(),
                            share: ratio(m.known, m.total),
                            text: known_text(m),
                            href: Some(dom::href(&format!("/quiz?level={}", l.id()))),
                            action: format!("Quiz on {} questions", l.label()),
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <BarChart
                            title="Readiness by level".to_string()
                            bars=bars
                            headings=("Level", "Known")
                        />
                    }
                }}
            </section>

            <section aria-labelledby="topic-h">
                <h2 id="topic-h">"Mastery by topic"</h2>
                <p class="muted">
                    "Mastery counts “knew it” as 1 and “partly” as ½, over every question in the topic."
                </p>
                {move || {
                    let bars = bank::topics()
                        .iter()
                        .zip(fig().by_topic.iter())
                        .map(|(t, m)| Bar {
                            label: t.name.to_string(),
                            href: Some(dom::href(&format!("/quiz?topic={}", t.id))),
                            action: format!("Quiz on {}", t.name),
                            share: m.score,
                            text: format!(
                                "{}% · {} of {} practised",
                                (m.score * 100.0).round() as u32,
                                m.practised,
                                m.total,
                            ),
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <BarChart
                            title="Mastery by topic".to_string()
                            bars=bars
                            headings=("Topic", "Mastery")
                        />
                    }
                }}
            </section>

            <WeakestTopics figures=figures />

            <section aria-labelledby="activity-h">
                <h2 id="activity-h">"Activity, last 12 weeks"</h2>
                {move || view! { <HeatmapChart map=fig().heatmap.clone() /> }}
            </section>

            <section aria-labelledby="forecast-h">
                <h2 id="forecast-h">"Reviews due, next 14 days"</h2>
                {move || {
                    view! { <ForecastChart counts=fig().forecast.clone() today=fig().today /> }
                }}
            </section>

            <MockInterviews />
            <DesignRounds />

            <RecentQuizzes figures=figures />

            <DataPanel />
        </section>
    }
}

/// The headline figures: readiness, due today, streak, answers.
#[component]
fn StatCards(figures: Memo<Figures>) -> impl IntoView {
    let fig = move || figures.read();
    view! {
        <div class="stat-cards">
            <div class="stat-card" data-testid="readiness-card">
                <span class="stat-value">
                    {move || {
                        format!("{}%", stats::percent(fig().overall.known, fig().overall.total))
                    }}
                </span>
                <span class="stat-label">
                    {move || {
                        format!(
                            "ready: {} of {} questions known",
                            fig().overall.known,
                            fig().overall.total,
                        )
                    }}
                </span>
            </div>
            <div class="stat-card" data-testid="due-card">
                <span class="stat-value">
                    {move || fig().forecast.first().copied().unwrap_or(0)}
                </span>
                <span class="stat-label">"due for review today"</span>
                <Show when=move || { fig().forecast.first().copied().unwrap_or(0) > 0 }>
                    <a class="button" href=dom::href("/quiz?only=due")>
                        "Review due"
                    </a>
                </Show>
            </div>
            <div class="stat-card" data-testid="streak-card">
                <span class="stat-value">
                    {move || crate::numbers::counted(fig().streaks.current as usize, "day", "days")}
                </span>
                <span class="stat-label">
                    {move || {
                        let s = fig().streaks;
                        let hint = if s.current > 0 && !s.studied_today {
                            " · answer one today to keep it"
                        } else {
                            ""
                        };
                        format!(
                            "current streak · best {}{hint}",
                            crate::numbers::counted(s.best as usize, "day", "days"),
                        )
                    }}
                </span>
            </div>
            <div class="stat-card" data-testid="stat-answers">
                <span class="stat-value">{move || fig().answers}</span>
                <span class="stat-label">"answers given"</span>
            </div>
        </div>
    }
}

/// The practised topics with the lowest mastery, each a quiz away.
#[component]
fn WeakestTopics(figures: Memo<Figures>) -> impl IntoView {
    let fig = move || figures.read();
    view! {
        {move || {
            let weakest = weakest_topics(&fig().by_topic, 2);
            (!weakest.is_empty())
                .then(|| {
                    view! {
                        <p class="next-actions" data-testid="weakest">
                            "Weakest so far: "
                            {weakest
                                .into_iter()
                                .map(|(t, score)| {
                                    view! {
                                        <a
                                            class="button secondary"
                                            href=dom::href(&format!("/quiz?topic={}", t.id))
                                        >
                                            {format!(
                                                "Practise {} ({}%)",
                                                t.name,
                                                (score * 100.0).round() as u32,
                                            )}
                                        </a>
                                        " "
                                    }
                                })
                                .collect_view()}
                        </p>
                    }
                })
        }}
    }
}

/// Mock interviews over time, or an invitation to the first.
#[component]
fn MockInterviews() -> impl IntoView {
    let state = use_app_state();
    let cal = UserCalendar;
    view! {
        <section aria-labelledby="interviews-h">
            <h2 id="interviews-h">"Mock interviews"</h2>
            {move || {
                let days = stats::interviews_over_time(&state.progress.read(), &cal);
                if days.is_empty() {
                    view! {
                        <p class="muted">
                            "No mock interview yet. "
                            <a href=dom::href("/interview")>"Rehearse one out loud"</a>
                        </p>
                    }
                        .into_any()
                } else {
                    let bars = days
                        .iter()
                        .rev()
                        .take(RECENT_QUIZZES)
                        .map(|d| Bar {
                            label: stats::format_day(d.day),
                            share: d.knew,
                            text: format!(
                                "{} · {} answers · {}% knew it",
                                crate::numbers::counted(d.interviews, "interview", "interviews"),
                                d.answers,
                                (d.knew * 100.0).round() as u32,
                            ),
                            href: None,
                            action: String::new(),
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <div data-testid="interviews-over-time">
                            <BarChart
                                title="Mock interviews, most recent day first".to_string()
                                bars=bars
                                headings=("Day", "Interviews")
                            />
                            <p>
                                <a class="button secondary" href=dom::href("/interview")>
                                    "Another mock interview"
                                </a>
                            </p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Design-round readiness: exercises practised, last graded "knew it", due for another round.
#[component]
fn DesignRounds() -> impl IntoView {
    let state = use_app_state();
    let readiness = Memo::new(move |_| {
        let ids: Vec<&'static str> = crate::bank::designs::designs()
            .iter()
            .map(|d| d.id)
            .collect();
        stats::design_readiness(&state.progress.read(), &ids, clock::now_ms())
    });
    view! {
        <section aria-labelledby="designs-h" data-testid="design-readiness">
            <h2 id="designs-h">"System design rounds"</h2>
            {move || {
                let r = readiness.get();
                if r.practised == 0 {
                    return view! {
                        <p class="muted">
                            "No design round yet. "
                            <a href=dom::href(
                                "/designs",
                            )>"Pick an exercise and practise it against the clock"</a>
                        </p>
                    }
                        .into_any();
                }
                let rows = r
                    .standings
                    .iter()
                    .filter(|s| s.rounds > 0)
                    .filter_map(|s| {
                        let d = crate::bank::designs::design(s.id)?;
                        let due = s.due.is_some_and(|t| t <= clock::now_ms());
                        Some(
                            view! {
                                <li>
                                    <a href=dom::href(
                                        &format!("/designs/{}/practice", d.id),
                                    )>{d.title}</a>
                                    " · "
                                    {s.latest.map(|g| g.label()).unwrap_or_default()}
                                    " · "
                                    {crate::numbers::counted(s.rounds, "round", "rounds")}
                                    {due.then(|| view! { <strong>" · due again"</strong> })}
                                </li>
                            },
                        )
                    })
                    .collect_view();
                view! {
                    <p data-testid="design-readiness-figures">
                        {format!(
                            "{} of {} exercises practised · {} knew it last time · {} due for another round",
                            r.practised,
                            r.total,
                            r.ready,
                            r.due,
                        )}
                    </p>
                    <ul class="design-standings">{rows}</ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// The latest finished quizzes.
#[component]
fn RecentQuizzes(figures: Memo<Figures>) -> impl IntoView {
    let fig = move || figures.read();
    let cal = UserCalendar;
    view! {
        <section aria-labelledby="recent-h">
            <h2 id="recent-h">"Recent quizzes"</h2>
            {move || {
                let quizzes = fig().quizzes.clone();
                if quizzes.is_empty() {
                    view! {
                        <p class="muted">
                            "No finished quiz yet. " <a href=dom::href("/quiz")>"Start one"</a>
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <table class="recent-quizzes" data-testid="recent-quizzes">
                            <thead>
                                <tr>
                                    <th scope="col">"Finished"</th>
                                    <th scope="col">"Mode"</th>
                                    <th scope="col">"Score"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {quizzes
                                    .into_iter()
                                    .map(|q| {
                                        view! {
                                            <tr>
                                                <td>{stats::format_day(cal.day_of(q.finished))}</td>
                                                <td>{mode_label(&q.mode)}</td>
                                                <td>
                                                    {format!("{} of {} · {}%", q.right, q.answered, q.percent)}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Everything the dashboard shows, computed once per change of progress.
#[derive(Debug, Clone, PartialEq)]
struct Figures {
    today: stats::Day,
    overall: Mastery,
    by_level: Vec<(Level, Mastery)>,
    by_topic: Vec<Mastery>,
    streaks: stats::Streaks,
    heatmap: stats::Heatmap,
    forecast: Vec<u32>,
    quizzes: Vec<stats::QuizScore>,
    answers: usize,
}

/// Up to `n` practised topics with the lowest mastery, lowest first, with their score.
fn weakest_topics(by_topic: &[Mastery], n: usize) -> Vec<(&'static bank::Topic, f64)> {
    let mut practised: Vec<(&'static bank::Topic, f64)> = bank::topics()
        .iter()
        .zip(by_topic)
        .filter(|(_, m)| m.practised > 0)
        .map(|(t, m)| (t, m.score))
        .collect();
    crate::order::sort_by(&mut practised, &|a, b| a.1.total_cmp(&b.1));
    practised.truncate(n);
    practised
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn mode_label(id: &str) -> String {
    crate::quiz::QuizMode::from_id(id)
        .map(|m| m.label().to_string())
        .unwrap_or_else(|| id.to_string())
}
