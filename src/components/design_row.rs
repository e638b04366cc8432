//! One design exercise as a card in a list (the design list, and the question list's search).

use crate::bank::designs::Design;
use crate::components::badges::{LevelBadge, TopicTag};
use crate::platform::dom;
use leptos::prelude::*;

/// One exercise in the list: the whole card is one link.
#[component]
pub fn DesignRow(
    /// The exercise shown.
    d: &'static Design,
) -> impl IntoView {
    view! {
        <li class="design-item">
            <a class="design-link" href=dom::href(&format!("/designs/{}", d.id))>
                <span class="design-title">{d.title}</span>
                <span class="design-meta">
                    <LevelBadge level=d.level />
                    {d.topic_list().map(|t| view! { <TopicTag topic=t /> }).collect_view()}
                </span>
                <span class="design-summary">{d.summary}</span>
            </a>
        </li>
    }
}
