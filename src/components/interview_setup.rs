//! The mock interview's set-up: how many questions, which, time per answer, follow-ups, reading
//! aloud. Remembered for next time (with the interview, in storage).

use crate::bank::{self, Level, Question};
use crate::interview::{Interview, Source, COUNTS, TIME_LIMITS};
use crate::platform::{clock, dom, speech};
use crate::state::interview::use_interview_state;
use crate::state::url::use_list_query;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The form.
#[component]
pub fn InterviewSetupForm() -> impl IntoView {
    let state = use_app_state();
    let iv = use_interview_state();
    let query = use_list_query();
    let remembered = iv.setup.get_untracked();
    let setup = RwSignal::new(remembered);
    // A filtered list ("Mock interview on these") asks its own questions.
    let filtered = query.get_untracked().is_filtered();
    if filtered {
        setup.update(|s| s.source = Source::These);
    }
    let candidates = Memo::new(move |_| {
        state
            .selection(&query.get())
            .into_iter()
            .map(|i| &bank::questions()[i])
            .collect::<Vec<&'static Question>>()
    });
    // Voices load a moment after the page: look again shortly.
    let voice = RwSignal::new(speech::available());
    if dom::live() {
        set_timeout(
            move || voice.set(speech::available()),
            std::time::Duration::from_millis(600),
        );
    }
    let problem = RwSignal::new(None::<&'static str>);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = setup.get_untracked();
        let now = clock::now_ms();
        match Interview::deal(&s, &candidates.get_untracked(), now, now) {
            Some(interview) => {
                iv.start(s, interview);
            }
            None if s.source == Source::These && query.read_untracked().searches_without_found() => {
                problem.set(Some(
                    "Searches run on the question list: search there, then choose “Mock interview on these”.",
                ))
            }
            None => problem.set(Some(
                "No question matches this choice. Choose another level or selection.",
            )),
        }
    };
    let radio = move |name: &'static str, label: String, on: Signal<bool>, pick: Callback<()>| {
        view! {
            <label class="option">
                <input
                    type="radio"
                    name=name
                    disabled=!dom::live()
                    prop:checked=move || on.get()
                    on:change=move |_| pick.run(())
                />
                {label}
            </label>
        }
    };
    let sources: Vec<(String, Source)> = {
        let mut v = vec![(
            "A mix of every topic, any level".to_string(),
            Source::Mix { level: None },
        )];
        v.extend(Level::ALL.map(|l| {
            (
                format!("A mix of every topic, {}", l.label().to_lowercase()),
                Source::Mix { level: Some(l) },
            )
        }));
        if filtered {
            v.push(("The questions of my selection".to_string(), Source::These));
        }
        v
    };
    view! {
        <section class="interview-setup" aria-labelledby="iv-h">
            <h1 id="iv-h">"Mock interview"</h1>
            <p class="lede">
                "Answer out loud, against the clock, then check yourself against the key points and take the interviewer's follow-up. Nothing you say leaves this device."
            </p>
            <form class="setup-form" novalidate=true on:submit=start>
                <fieldset>
                    <legend>"How many questions"</legend>
                    {COUNTS
                        .into_iter()
                        .map(|n| radio(
                            "iv-count",
                            n.to_string(),
                            Signal::derive(move || setup.read().count == n),
                            Callback::new(move |()| setup.update(|s| s.count = n)),
                        ))
                        .collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Which questions"</legend>
                    {sources
                        .into_iter()
                        .map(|(label, source)| radio(
                            "iv-source",
                            label,
                            Signal::derive(move || setup.read().source == source),
                            Callback::new(move |()| setup.update(|s| s.source = source)),
                        ))
                        .collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Time per answer"</legend>
                    {TIME_LIMITS
                        .into_iter()
                        .map(|t| {
                            let label = match t {
                                Some(s) => {
                                    crate::numbers::counted(s as usize / 60, "minute", "minutes")
                                }
                                None => "Untimed".to_string(),
                            };
                            radio(
                                "iv-time",
                                label,
                                Signal::derive(move || setup.read().seconds_per_answer == t),
                                Callback::new(move |()| setup.update(|s| s.seconds_per_answer = t)),
                            )
                        })
                        .collect_view()}
                </fieldset>
                <fieldset>
                    <legend>"Interviewer"</legend>
                    <label class="option">
                        <input
                            type="checkbox"
                            disabled=!dom::live()
                            prop:checked=move || setup.read().follow_ups
                            on:change=move |_| setup.update(|s| s.follow_ups = !s.follow_ups)
                        />
                        "Asks a follow-up after each answer"
                    </label>
                    <label class="option">
                        <input
                            type="checkbox"
                            disabled=!dom::live()
                            prop:checked=move || setup.read().speak
                            on:change=move |_| setup.update(|s| s.speak = !s.speak)
                        />
                        "Reads each question aloud"
                    </label>
                    <Show when=move || setup.read().speak && !voice.get()>
                        <p class="hint" data-testid="no-voice">
                            "No voice on this device can read aloud here, so the questions will be shown only."
                        </p>
                    </Show>
                </fieldset>
                <Show when=move || problem.get().is_some()>
                    <p class="problem" role="alert">
                        {move || problem.get()}
                    </p>
                </Show>
                <button type="submit" class="button start" disabled=!dom::live()>
                    "Start the interview"
                </button>
            </form>
        </section>
    }
}
