//! The pieces of the interview screen: the countdown (announced to screen readers at a few
//! moments, not every second), the answer box, the grade bar, and the microphone recording with
//! its playback.

use crate::components::draft_box::DraftBox;
use crate::interview::{self, Event, Phase};
use crate::platform::{clock, recorder};
use crate::progress::Grade;
use crate::state::interview::use_interview_state;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Recordings of this tab (question index, follow-up?) → `blob:` URL. In memory only: gone when
/// the tab closes (and on a reload), never stored or sent.
#[derive(Clone, Copy)]
pub struct Recordings(pub RwSignal<std::collections::BTreeMap<(usize, bool), String>>);

/// What the countdown last said to screen readers. It lives with the interview screen, not the
/// countdown, so that "Time is up" is still there when the answer it ended gives way to its review.
#[derive(Clone, Copy)]
pub struct TimeSaid(pub RwSignal<String>);

/// How often the clock on screen moves.
const TICK_MS: u64 = 250;

/// The clock's time, moved on every `every_ms` while the component that asks lives (only in the
/// browser: the host renders no running clock). Countdowns redraw from it.
pub fn ticking_now(every_ms: u64) -> RwSignal<u64> {
    let now = RwSignal::new(clock::now_ms());
    let handle = crate::platform::dom::live()
        .then(|| {
            set_interval_with_handle(
                move || now.set(clock::now_ms()),
                std::time::Duration::from_millis(every_ms),
            )
            .ok()
        })
        .flatten();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
    now
}

/// The time left on the answer being given (or, untimed, the time taken), with a bar; sends
/// `TimeUp` when it runs out.
#[component]
pub fn Countdown() -> impl IntoView {
    let iv = use_interview_state();
    let now = ticking_now(TICK_MS);
    let limit = move || iv.interview.with(|i| i.as_ref().and_then(|i| i.limit_ms()));
    let remaining = Memo::new(move |_| {
        let t = now.get();
        iv.interview
            .with(|i| i.as_ref().and_then(|i| i.remaining_ms(t)))
    });
    let elapsed = move || {
        let t = now.get();
        iv.interview.with(|i| match i.as_ref().map(|i| i.phase) {
            Some(Phase::Answering { started_at } | Phase::FollowUpAnswering { started_at }) => {
                t.saturating_sub(started_at)
            }
            _ => 0,
        })
    };
    // Said to screen readers at half time, 30 s, 10 s and the end (see `interview::announcement`).
    let said = use_context::<TimeSaid>().map_or_else(|| RwSignal::new(String::new()), |t| t.0);
    Effect::new(move |before: Option<Option<u64>>| {
        let after = remaining.get();
        if let (Some(Some(before)), Some(after), Some(limit)) = (before, after, limit()) {
            if let Some(text) = interview::announcement(limit, before, after) {
                said.set(text);
            }
        }
        if after == Some(0) {
            iv.event(Event::TimeUp);
        }
        after
    });
    view! {
        <div class="countdown" data-testid="countdown">
            {move || match (remaining.get(), limit()) {
                (Some(left), Some(limit)) => {
                    view! {
                        <span class="clock" aria-hidden="true">
                            {interview::clock_text(left)}
                        </span>
                        <progress
                            max=limit as f64
                            value=left as f64
                            aria-label=format!("Time left, out of {}", interview::spoken(limit))
                        ></progress>
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <span class="clock" aria-hidden="true">
                            {move || interview::clock_text(elapsed())}
                        </span>
                        <span class="muted">"untimed"</span>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// Notes or the answer, typed while answering (optional).
#[component]
pub fn AnswerBox(
    /// The follow-up's answer (else the main one).
    follow_up: bool,
) -> impl IntoView {
    let iv = use_interview_state();
    let text = move || {
        iv.interview.with(|i| {
            i.as_ref()
                .and_then(|i| i.current())
                .map(|(a, _)| {
                    if follow_up {
                        a.follow_up
                            .as_ref()
                            .map(|f| f.typed.clone())
                            .unwrap_or_default()
                    } else {
                        a.typed.clone()
                    }
                })
                .unwrap_or_default()
        })
    };
    view! {
        <DraftBox
            id="iv-typed"
            label="Notes, or your answer typed (optional)"
            rows="3"
            text=Signal::derive(text)
            on_input=Callback::new(move |text| iv.event(Event::Type(text)))
        />
        <p class="hint">
            "A recording, if you make one, stays on this device and is gone when you close the tab."
        </p>
    }
}

/// The grades for the answer under review, then the way on.
#[component]
pub fn GradeBar(
    /// Go on: to the follow-up, the next question or the report.
    on_continue: Callback<()>,
) -> impl IntoView {
    let iv = use_interview_state();
    let facts = Memo::new(move |_| {
        iv.interview.with(|i| {
            let i = i.as_ref()?;
            let (asked, _) = i.current()?;
            let follow = i.phase == Phase::FollowUpReview;
            let grade = if follow {
                asked.follow_up.as_ref().and_then(|f| f.grade)
            } else {
                asked.grade
            };
            let suggested = (!follow).then(|| i.suggested_grade()).flatten();
            let last = i.pos + 1 == i.questions.len();
            Some((grade, suggested, follow, last, i.follow_ups))
        })
    });
    let send = move |e: Event| iv.event(e);
    view! {
        <div class="grades" role="group" aria-label="Grade your answer">
            {Grade::ALL
                .into_iter()
                .enumerate()
                .map(|(n, g)| {
                    view! {
                        <button
                            type="button"
                            class=format!("grade grade-{}", g.id())
                            class:suggested=move || facts.get().and_then(|f| f.1) == Some(g)
                            aria-pressed=move || {
                                (facts.get().and_then(|f| f.0) == Some(g)).to_string()
                            }
                            on:click=move |_| send(Event::Grade(g))
                        >
                            <span class="bar-label">
                                <kbd class="key-hint">{(n + 1).to_string()}</kbd>
                                " "
                                {g.label()}
                            </span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <button
            type="button"
            class="button bar-next"
            data-testid="interview-continue"
            disabled=move || facts.get().and_then(|f| f.0).is_none()
            on:click=move |_| on_continue.run(())
        >
            <span class="bar-label">
                {move || match facts.get() {
                    Some((_, _, false, _, true)) => "Follow-up",
                    Some((_, _, _, true, _)) => "See the report",
                    _ => "Next question",
                }}
            </span>
            <kbd class="key-hint">"Enter"</kbd>
        </button>
    }
}

/// Where the microphone stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mic {
    Idle,
    Starting,
    Recording,
    Stopping,
    Failed(String),
}

thread_local! {
    /// The recording being made (browser objects, so kept out of the reactive graph) and what it
    /// is of.
    static LIVE: std::cell::RefCell<Option<(recorder::Recording, (usize, bool))>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts and stops recordings (from the button or the `r` key), keeping them in [`Recordings`].
#[derive(Clone, Copy)]
pub struct RecorderControl {
    mic: RwSignal<Mic>,
    recordings: Option<Recordings>,
}

impl RecorderControl {
    /// A control for the page, shared with the record button below it.
    pub fn provide() -> RecorderControl {
        let control = RecorderControl {
            mic: RwSignal::new(Mic::Idle),
            recordings: use_context::<Recordings>(),
        };
        provide_context(control);
        on_cleanup(move || control.stop());
        control
    }

    /// Starts recording an answer (`key`: question index, follow-up?), or stops the recording.
    pub fn toggle(self, key: (usize, bool)) {
        match self.mic.get_untracked() {
            Mic::Idle | Mic::Failed(_) => self.start(key),
            Mic::Recording => self.stop(),
            Mic::Starting | Mic::Stopping => {}
        }
    }

    fn start(self, key: (usize, bool)) {
        self.mic.set(Mic::Starting);
        spawn_local(async move {
            match recorder::start().await {
                Ok(live) => {
                    LIVE.with_borrow_mut(|l| *l = Some((live, key)));
                    self.mic.set(Mic::Recording);
                }
                Err(why) => self.mic.set(Mic::Failed(why)),
            }
        });
    }

    /// Stops the recording, if one is being made, and keeps it for playback.
    pub fn stop(self) {
        let Some((live, key)) = LIVE.with_borrow_mut(Option::take) else {
            return;
        };
        self.mic.set(Mic::Stopping);
        let recordings = self.recordings;
        spawn_local(async move {
            match live.stop().await {
                Ok(url) => {
                    if let Some(Recordings(list)) = recordings {
                        list.update(|l| {
                            if let Some(old) = l.insert(key, url) {
                                recorder::release(&old);
                            }
                        });
                    }
                    self.mic.set(Mic::Idle);
                }
                Err(why) => self.mic.set(Mic::Failed(why)),
            }
        });
    }
}

/// Record or stop, with what the microphone is doing.
#[component]
pub fn RecordButton(
    /// What a recording started now is of.
    key: Signal<(usize, bool)>,
) -> impl IntoView {
    let control = expect_context::<RecorderControl>();
    let mic = control.mic;
    view! {
        <button
            type="button"
            class="bar-skip record"
            data-testid="record"
            aria-pressed=move || (mic.get() == Mic::Recording).to_string()
            disabled=move || matches!(mic.get(), Mic::Starting | Mic::Stopping)
            on:click=move |_| control.toggle(key.get_untracked())
        >
            <span class="bar-label">
                {move || match mic.get() {
                    Mic::Recording => "■ Stop recording",
                    Mic::Starting => "Starting…",
                    Mic::Stopping => "Saving…",
                    _ => "● Record",
                }}
            </span>
            <kbd class="key-hint">"R"</kbd>
        </button>
        {move || match mic.get() {
            Mic::Failed(why) => {
                Some(
                    view! {
                        <p class="problem" role="alert" data-testid="record-problem">
                            {why}
                        </p>
                    },
                )
            }
            _ => None,
        }}
    }
}

/// Plays back the recording of `key` (question index, follow-up?), if one was made in this tab.
#[component]
pub fn Playback(
    /// Which answer: (question index, the follow-up?).
    key: (usize, bool),
) -> impl IntoView {
    let recordings = use_context::<Recordings>();
    move || {
        let url = recordings.and_then(|Recordings(r)| r.read().get(&key).cloned())?;
        Some(view! {
            <p class="playback">
                <span class="muted">"Your recording: "</span>
                <audio controls=true src=url data-testid="playback"></audio>
            </p>
        })
    }
}
