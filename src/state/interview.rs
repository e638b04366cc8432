//! The mock interview's state: the interview in progress (or the last finished, for its report)
//! and the set-up last chosen, loaded and saved under their own key. Provided by the interview
//! page only, so the other parts of the app do not carry the interview's code. Its graded answers
//! and its record go into progress through [`AppState::change`], like the quiz's.

use super::{AppState, Change};
use crate::interview::{Event, Interview, InterviewSetup};
use crate::platform::clock;
use crate::storage::{store, ActiveInterview, Mode};
use leptos::prelude::*;

/// The interview and its set-up.
#[derive(Clone, Copy)]
pub struct InterviewState {
    /// The interview in progress (or the last finished, for its report).
    pub interview: ReadSignal<Option<Interview>>,
    set_interview: WriteSignal<Option<Interview>>,
    /// The set-up last chosen (offered again next time).
    pub setup: RwSignal<InterviewSetup>,
    mode: Mode,
    app: AppState,
}

/// The interview state from context (see [`InterviewState::provide`]).
pub fn use_interview_state() -> InterviewState {
    expect_context::<InterviewState>()
}

impl InterviewState {
    /// Loads the stored interview and provides it to the page below. A notice says what had to be
    /// repaired or could not be read, as for the other stored values.
    pub fn provide() -> InterviewState {
        let app = super::use_app_state();
        let loaded = store::load::<ActiveInterview>(clock::now_ms());
        if loaded.mode != Mode::MemoryOnly && !loaded.notices.is_empty() {
            app.notices.update(|n| n.extend(loaded.notices));
        }
        let (interview, set_interview) = signal(loaded.data.session);
        let state = InterviewState {
            interview,
            set_interview,
            setup: RwSignal::new(loaded.data.setup),
            mode: loaded.mode,
            app,
        };
        provide_context(state);
        state
    }

    /// Applies an event, records any newly graded answer in progress (and the interview in the
    /// history when it ends), and saves the interview so it survives a reload. The only path by
    /// which an interview changes.
    pub fn event(self, event: Event) {
        let Some(interview) = self.interview.get_untracked() else {
            return;
        };
        let (logged, was_finished) = (interview.log.len(), interview.is_finished());
        let next = interview.apply(event, clock::now_ms());
        let answers: Vec<_> = next.log[logged.min(next.log.len())..]
            .iter()
            .filter_map(|(i, attempt)| Some((next.questions.get(*i)?.id.clone(), attempt.clone())))
            .collect();
        let ended = !was_finished && next.is_finished();
        let finished = if ended { next.record() } else { None };
        // An interview ended before any grade leaves no trace, like an empty quiz.
        let empty = ended && finished.is_none();
        let _ = self.app.change(Change::Interview { answers, finished });
        self.save((!empty).then_some(next));
    }

    /// Starts an interview set up as `setup` (replacing any other), remembering the set-up.
    pub fn start(self, setup: InterviewSetup, interview: Interview) {
        self.setup.set(setup);
        self.save(Some(interview));
    }

    /// Drops the interview (in progress or its report).
    pub fn discard(self) {
        self.save(None);
    }

    fn save(self, interview: Option<Interview>) {
        if self.mode == Mode::ReadWrite {
            let _ = store::save(&ActiveInterview {
                setup: self.setup.get_untracked(),
                session: interview.clone(),
            });
        }
        self.set_interview.set(interview);
    }
}
