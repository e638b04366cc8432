//! One design exercise as a card in a list (the design list, and the question list's search).

use crate::bank::designs::Design;
use crate::components::badges::{LevelBadge, TopicTag};
use crate::platform::{clock, dom};
use crate::state::use_app_state;
use leptos::prelude::*;

/// One exercise in the list: the whole card is one link, with its status (never practised, or the
/// latest round's grade, how many rounds, and whether another is due).
#[component]
pub fn DesignRow(
    /// The exercise shown.
    d: &'static Design,
) -> impl IntoView {
    let state = use_app_state();
    let status = move || {
        let p = state.progress.read();
        let rounds = p.design_rounds(d.id).count();
        match p.design_latest(d.id) {
            None => "Not practised yet".to_string(),
            Some(grade) => {
                let due = crate::schedule::design_review(&p, d.id)
                    .is_some_and(|r| r.due <= clock::now_ms());
                format!(
                    "{} last time · {}{}",
                    grade.label(),
                    crate::numbers::counted(rounds, "round", "rounds"),
                    if due { " · due again" } else { "" },
                )
            }
        }
    };
    view! {
        <li class="design-item">
            <a class="design-link" href=dom::href(&format!("/designs/{}", d.id))>
                <span class="design-title">{d.title}</span>
                <span class="design-meta">
                    <LevelBadge level=d.level />
                    {d.topic_list().map(|t| view! { <TopicTag topic=t /> }).collect_view()}
                    <span class="design-status" data-testid="design-status">
                        {status}
                    </span>
                </span>
                <span class="design-summary">{d.summary}</span>
            </a>
        </li>
    }
}
