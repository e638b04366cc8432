//! The interview-date plan on the dashboard: set it ("My interview is on …", optionally for some
//! levels and topics), see where you stand (on track, behind, ahead) and the days to come, change
//! or remove it. The rules are `crate::plan`'s.

use crate::bank::designs::Design;
use crate::bank::{self, Level};
use crate::numbers::counted;
use crate::plan::{self, Pace, PlanSettings, Today};
use crate::platform::{clock, dom};
use crate::state::use_app_state;
use crate::stats;
use leptos::prelude::*;

/// The plan's panel.
#[component]
pub fn PlanPanel() -> impl IntoView {
    let state = use_app_state();
    let editing = RwSignal::new(false);
    let has_plan = move || state.prefs.read().plan.is_some();
    view! {
        <section class="plan-panel" aria-labelledby="plan-h" data-testid="plan">
            <h2 id="plan-h">"Interview plan"</h2>
            {move || {
                if editing.get() || !has_plan() {
                    view! { <PlanForm editing=editing /> }.into_any()
                } else {
                    view! { <PlanStatus editing=editing /> }.into_any()
                }
            }}
        </section>
    }
}

/// Where the learner stands, and the days to come.
#[component]
fn PlanStatus(editing: RwSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    let today = Memo::new(move |_| state.plan_today());
    let forecast = Memo::new(move |_| state.plan_forecast());
    let interview = move || state.prefs.read().plan.as_ref().map(|p| p.interview_day);
    view! {
        <p data-testid="plan-status">
            {move || {
                let day = interview()?;
                let when = stats::format_day(day);
                Some(
                    match today.get()? {
                        Err(problem) => problem.message().to_string(),
                        Ok(t) => {
                            format!("Interview on {when}, {}: {}.", in_days(t.days_left), pace(&t))
                        }
                    },
                )
            }}
        </p>
        {move || {
            today
                .get()
                .and_then(Result::ok)
                .map(|t| {
                    view! {
                        <p data-testid="plan-today-line">
                            {today_line(&t)} {t.notice.map(|n| format!(" {}", n.message()))}
                        </p>
                        {design_rounds(&t)}
                    }
                })
        }}
        {move || {
            forecast
                .get()
                .and_then(Result::ok)
                .map(|days| {
                    view! {
                        <details class="chart-table plan-forecast">
                            <summary>"The days to your interview"</summary>
                            <table data-testid="plan-forecast">
                                <thead>
                                    <tr>
                                        <th scope="col">"Day"</th>
                                        <th scope="col">"New"</th>
                                        <th scope="col">"Reviews due"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {days
                                        .into_iter()
                                        .map(|d| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{stats::format_day(d.day)}</th>
                                                    <td>
                                                        {if d.review_only {
                                                            "review only".to_string()
                                                        } else {
                                                            d.new.to_string()
                                                        }}
                                                    </td>
                                                    <td>{d.reviews}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }
                })
        }}
        <p class="data-actions">
            <button type="button" on:click=move |_| editing.set(true)>
                "Change the plan"
            </button>
            <button type="button" on:click=move |_| state.set_plan(None)>
                "Remove the plan"
            </button>
        </p>
    }
}

/// "6 new questions, 4 reviews" (and "1 design round" when there are any) for today, or that
/// today is done.
pub fn today_line(t: &Today) -> String {
    if t.is_done() {
        return "Today's plan is done.".to_string();
    }
    let designs = match t.design_rounds() {
        0 => String::new(),
        n => format!(", {}", counted(n, "design round", "design rounds")),
    };
    format!(
        "Today: {}, {}{designs}.",
        counted(t.new.len(), "new question", "new questions"),
        counted(t.reviews.len(), "review", "reviews")
    )
}

/// Today's design rounds, each a link to its practice page: the new exercises, then those due
/// again. Nothing when there are none.
fn design_rounds(t: &Today) -> Option<AnyView> {
    let again = t.due_designs.iter().map(|id| (*id, true));
    let rounds: Vec<(&'static Design, bool)> = t
        .new_designs
        .iter()
        .map(|id| (*id, false))
        .chain(again)
        .filter_map(|(id, again)| bank::design(id).map(|d| (d, again)))
        .collect();
    if rounds.is_empty() {
        return None;
    }
    Some(
        view! {
            <p id="plan-designs-h">"Today's design rounds:"</p>
            <ul class="plan-designs" aria-labelledby="plan-designs-h" data-testid="plan-designs">
                {rounds
                    .into_iter()
                    .map(|(d, again)| {
                        view! {
                            <li>
                                <a href=dom::href(
                                    &format!("/designs/{}/practice", d.id),
                                )>{d.title}</a>
                                {again.then_some(" (due for another round)")}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    )
}

fn in_days(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    }
}

fn pace(t: &Today) -> String {
    match t.pace {
        Pace::OnTrack => "on track".to_string(),
        Pace::Behind(n) => format!("behind by {}", counted(n, "question", "questions")),
        Pace::Ahead(n) => format!("ahead by {}", counted(n, "question", "questions")),
    }
}

/// Setting or changing the plan.
#[component]
fn PlanForm(editing: RwSignal<bool>) -> impl IntoView {
    let state = use_app_state();
    let current = state.prefs.get_untracked().plan;
    let date = RwSignal::new(
        current
            .as_ref()
            .map(|p| stats::iso_date(p.interview_day))
            .unwrap_or_default(),
    );
    let levels = RwSignal::new(
        current
            .as_ref()
            .map(|p| p.levels.clone())
            .unwrap_or_default(),
    );
    let topics = RwSignal::new(
        current
            .as_ref()
            .map(|p| p.topics.clone())
            .unwrap_or_default(),
    );
    let designs = RwSignal::new(current.as_ref().is_some_and(|p| p.designs));
    let problem = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = stats::parse_iso_date(&date.get_untracked()) else {
            problem.set(Some("Enter the date of your interview.".into()));
            return;
        };
        let today = clock::today();
        // A changed plan keeps its start (its pace is measured from the day it was first set).
        let created = state
            .prefs
            .get_untracked()
            .plan
            .map_or(today, |p| p.created_day.min(today));
        let settings =
            PlanSettings::new(day, levels.get_untracked(), topics.get_untracked(), created)
                .with_designs(designs.get_untracked());
        let checked = state.progress.with_untracked(|p| {
            state.schedule.with_untracked(|s| {
                plan::today(
                    &settings,
                    today,
                    p,
                    s,
                    bank::questions(),
                    bank::designs(),
                    &clock::UserCalendar,
                )
            })
        });
        match checked {
            Err(why) if why.blocks_plan() => problem.set(Some(why.message().to_string())),
            _ => {
                problem.set(None);
                state.set_plan(Some(settings));
                editing.set(false);
            }
        }
    };
    view! {
        // Our own checks say what is wrong in words (the browser would only refuse the date).
        <form class="plan-form" novalidate=true on:submit=save>
            <p>
                "Tell Backprep when your interview is: it spreads the questions you have not seen over the days left (finishing two days before), with the reviews due, and the home page shows today's share."
            </p>
            <label for="plan-date">"My interview is on"</label>
            " "
            <input
                id="plan-date"
                type="date"
                required
                min=stats::iso_date(clock::today())
                prop:value=move || date.get()
                on:input=move |ev| date.set(event_target_value(&ev))
            />
            <fieldset class="plan-scope">
                <legend>"Levels (none ticked: all)"</legend>
                {Level::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <label class="option">
                                <input
                                    type="checkbox"
                                    prop:checked=move || levels.read().contains(&l)
                                    on:change=move |_| {
                                        levels
                                            .update(|ls| {
                                                if let Some(i) = ls.iter().position(|x| *x == l) {
                                                    ls.remove(i);
                                                } else {
                                                    ls.push(l);
                                                }
                                            })
                                    }
                                />
                                {l.label()}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <details class="plan-scope">
                <summary>
                    {move || match topics.read().len() {
                        0 => "Topics: all".to_string(),
                        n => format!("Topics: {n} chosen"),
                    }}
                </summary>
                {bank::topics()
                    .iter()
                    .map(|t| {
                        let id = t.id.to_string();
                        let has = id.clone();
                        view! {
                            <label class="option">
                                <input
                                    type="checkbox"
                                    prop:checked=move || topics.read().contains(&has)
                                    on:change=move |_| {
                                        let id = id.clone();
                                        topics
                                            .update(|ts| {
                                                if let Some(i) = ts.iter().position(|x| *x == id) {
                                                    ts.remove(i);
                                                } else {
                                                    ts.push(id);
                                                }
                                            })
                                    }
                                />
                                {t.name}
                            </label>
                        }
                    })
                    .collect_view()}
            </details>
            <p class="plan-scope">
                <label class="option">
                    <input
                        type="checkbox"
                        prop:checked=move || designs.get()
                        on:change=move |ev| designs.set(event_target_checked(&ev))
                    />
                    "Include system-design rounds"
                </label>
                <span class="hint">
                    "The design exercises in these levels and topics are spread over the days the same way, with those due for another round."
                </span>
            </p>
            <Show when=move || problem.get().is_some()>
                <p class="problem" role="alert" data-testid="plan-problem">
                    {move || problem.get()}
                </p>
            </Show>
            <p class="data-actions">
                <button type="submit" class="button" disabled=!dom::live()>
                    "Set the plan"
                </button>
                <Show when=move || state.prefs.read().plan.is_some()>
                    <button type="button" on:click=move |_| editing.set(false)>
                        "Cancel"
                    </button>
                </Show>
            </p>
        </form>
    }
}
