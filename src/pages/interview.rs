//! `/interview`: a mock interview. Set it up (how many questions, which, time per answer,
//! follow-ups, reading aloud), answer each question out loud against the clock (typed notes and a
//! recording optional), tick the key points covered, grade it, answer a follow-up, and read the
//! report. The interview itself is `crate::interview` (pure); this page is its view.

use crate::components::interview_parts::Recordings;
use crate::components::interview_report::InterviewReport;
use crate::components::interview_setup::InterviewSetupForm;
use crate::components::interview_stage::InterviewStage;
use crate::platform::dom;
use crate::state::interview::InterviewState;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The set-up, the interview in progress, or its report.
#[component]
pub fn InterviewPage() -> impl IntoView {
    let iv = InterviewState::provide();
    dom::set_title("Mock interview");
    provide_context(Recordings(RwSignal::new(BTreeMap::new())));
    let stage = Memo::new(move |_| iv.interview.with(|i| i.as_ref().map(|i| i.is_finished())));
    move || match stage.get() {
        None => view! { <InterviewSetupForm /> }.into_any(),
        Some(false) => view! { <InterviewStage /> }.into_any(),
        Some(true) => view! { <InterviewReport /> }.into_any(),
    }
}
