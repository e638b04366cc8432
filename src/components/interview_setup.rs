//! The mock interview's set-up: how many questions, which, time per answer, follow-ups, reading
//! aloud, a design exercise to end with. Remembered for next time (with the interview, in storage).

use crate::bank::{self, Level, Question};
use crate::components::html::{self, Choice, Group};
use crate::interview::{Interview, InterviewSetup, Source, COUNTS, TIME_LIMITS};
use crate::platform::{clock, dom, speech};
use crate::state::interview::use_interview_state;
use crate::state::url::list_query_once;
use crate::state::use_app_state;
use leptos::prelude::*;

/// The form.
#[component]
pub fn InterviewSetupForm() -> impl IntoView {
    let state = use_app_state();
    let iv = use_interview_state();
    let query = list_query_once();
    let remembered = iv.setup.get_untracked();
    let setup = RwSignal::new(remembered);
    // A filtered list ("Mock interview on these") asks its own questions.
    let filtered = query.is_filtered();
    if filtered {
        setup.update(|s| s.source = Source::These);
    } else if remembered.source == Source::These {
        // No selection to take this time.
        setup.update(|s| s.source = Source::default());
    }
    let searched_elsewhere = query.searches_without_found();
    let candidates = move || {
        state
            .selection(&query)
            .into_iter()
            .map(|i| &bank::questions()[i])
            .collect::<Vec<&'static Question>>()
    };
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
        let dealt = Interview::deal(&s, &candidates(), now, now)
            .map(|i| state.progress.with_untracked(|p| i.with_design(&s, p, now)));
        match dealt {
            Some(interview) => {
                iv.start(s, interview);
            }
            None if s.source == Source::These && searched_elsewhere => {
                problem.set(Some(
                    "Searches run on the question list: search there, then choose “Mock interview on these”.",
                ))
            }
            None => problem.set(Some(
                "No question matches this choice. Choose another level or selection.",
            )),
        }
    };
    let sources: Vec<(String, Source)> = {
        let mut v = vec![(
            "A mix of every topic, any level".to_string(),
            Source::Mix { level: None },
        )];
        v.extend(Level::ALL.map(|l| {
            (
                // ASCII: the labels are, and Unicode's case tables cost this area 8 KB gzip.
                format!("A mix of every topic, {}", l.label().to_ascii_lowercase()),
                Source::Mix { level: Some(l) },
            )
        }));
        if filtered {
            v.push(("The questions of my selection".to_string(), Source::These));
        }
        v
    };
    let choices = choices_html(&setup.get_untracked(), &sources);
    view! {
        <section class="interview-setup" aria-labelledby="iv-h">
            <h1 id="iv-h">"Mock interview"</h1>
            <p class="lede">
                "Answer out loud, against the clock, then check yourself against the key points and take the interviewer's follow-up. Nothing you say leaves this device."
            </p>
            <form
                class="setup-form"
                novalidate=true
                on:submit=start
                on:change=move |ev| {
                    let (value, on) = (event_target_value(&ev), event_target_checked(&ev));
                    setup.update(|s| choose(s, &value, on, &sources));
                }
            >
                // The choices are plain HTML (see `choices_html`): typed views of four groups
                // of inputs cost about 3 KB gzip of wasm, and a change is read from the input.
                <div inner_html=choices></div>
                <Show when=move || setup.read().speak && !voice.get()>
                    <p class="hint" data-testid="no-voice">
                        "No voice on this device can read aloud here, so the questions will be shown only."
                    </p>
                </Show>
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

/// The form's choices (see `components::html::choices`), checked as `setup` says: how many
/// questions, which (`sources`, the same list `choose` is given), the time per answer, and the
/// interviewer.
pub fn choices_html(setup: &InterviewSetup, sources: &[(String, Source)]) -> String {
    let minutes = |t: Option<u32>| match t {
        Some(s) => crate::numbers::counted(s as usize / 60, "minute", "minutes"),
        None => "Untimed".to_string(),
    };
    html::choices(&[
        Group {
            legend: "How many questions",
            name: "iv-count",
            boxes: false,
            choices: COUNTS
                .iter()
                .enumerate()
                .map(|(i, &n)| Choice::new(format!("count:{i}"), setup.count == n, n.to_string()))
                .collect(),
        },
        Group {
            legend: "Which questions",
            name: "iv-source",
            boxes: false,
            choices: sources
                .iter()
                .enumerate()
                .map(|(i, (label, source))| {
                    Choice::new(
                        format!("source:{i}"),
                        setup.source == *source,
                        label.as_str(),
                    )
                })
                .collect(),
        },
        Group {
            legend: "Time per answer",
            name: "iv-time",
            boxes: false,
            choices: TIME_LIMITS
                .iter()
                .enumerate()
                .map(|(i, &t)| {
                    Choice::new(
                        format!("time:{i}"),
                        setup.seconds_per_answer == t,
                        minutes(t),
                    )
                })
                .collect(),
        },
        Group {
            legend: "Interviewer",
            name: "iv-interviewer",
            boxes: true,
            choices: vec![
                Choice::new(
                    "follow",
                    setup.follow_ups,
                    "Asks a follow-up after each answer",
                ),
                Choice::new("speak", setup.speak, "Reads each question aloud"),
                Choice::new(
                    "design",
                    setup.design,
                    "Ends with a system-design exercise (a 35–60 minute round of its own)",
                ),
            ],
        },
    ])
}

/// Takes the choice an input of the form made (its `value`, and for a box whether it is
/// `checked`) into `setup`; `sources` is the list the form shows. Anything else is ignored.
pub fn choose(
    setup: &mut InterviewSetup,
    value: &str,
    checked: bool,
    sources: &[(String, Source)],
) {
    let (what, which) = html::split(value);
    let index = which
        .and_then(|i| i.parse::<usize>().ok())
        .unwrap_or(usize::MAX);
    match (what, which) {
        ("count", Some(_)) => setup.count = COUNTS.get(index).copied().unwrap_or(setup.count),
        ("source", Some(_)) => setup.source = sources.get(index).map_or(setup.source, |s| s.1),
        ("time", Some(_)) => {
            setup.seconds_per_answer = TIME_LIMITS
                .get(index)
                .copied()
                .unwrap_or(setup.seconds_per_answer)
        }
        ("follow", None) => setup.follow_ups = checked,
        ("speak", None) => setup.speak = checked,
        ("design", None) => setup.design = checked,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<(String, Source)> {
        vec![
            ("Any level".into(), Source::Mix { level: None }),
            ("The questions of my selection".into(), Source::These),
        ]
    }

    #[test]
    fn the_choices_show_the_setup_and_each_change_is_taken_in() {
        let mut setup = InterviewSetup::default();
        let html = choices_html(&setup, &sources());
        assert_eq!(html.matches("<fieldset>").count(), 4);
        assert_eq!(
            html.matches(" checked").count(),
            4,
            "a count, a source, a time, follow-ups"
        );
        assert!(
            html.contains(r#"value="count:1" checked"#),
            "5 questions by default"
        );
        assert!(
            html.contains(r#"value="time:1" checked"#),
            "2 minutes by default"
        );
        assert!(html.contains(r#"name="iv-source" value="source:1""#));
        assert!(html.contains(r#"type="checkbox" name="iv-interviewer" value="follow" checked"#));
        assert!(
            html.contains(r#"type="checkbox" name="iv-interviewer" value="design" disabled>"#),
            "no design exercise by default"
        );
        assert!(html.contains(">Untimed</label>") && html.contains(">3 minutes</label>"));
        assert!(
            html.contains(" disabled>"),
            "the prerendered form waits for the app"
        );
        for (value, on) in [
            ("count:2", true),
            ("source:1", true),
            ("time:3", true),
            ("follow", false),
            ("speak", true),
            ("design", true),
        ] {
            choose(&mut setup, value, on, &sources());
        }
        assert_eq!(
            setup,
            InterviewSetup {
                count: 8,
                source: Source::These,
                seconds_per_answer: None,
                follow_ups: false,
                speak: true,
                design: true,
            }
        );
        let html = choices_html(&setup, &sources());
        for value in ["count:2", "source:1", "time:3", "speak", "design"] {
            assert!(
                html.contains(&format!(r#"value="{value}" checked"#)),
                "{value}"
            );
        }
        assert!(!html.contains(r#"value="follow" checked"#));
        // Nothing the form does not offer changes the setup.
        let before = setup;
        for value in ["count:9", "source:5", "time:x", "other", ""] {
            choose(&mut setup, value, true, &sources());
        }
        assert_eq!(setup, before);
    }
}
