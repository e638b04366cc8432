//! Level and topic labels.

use crate::bank::{Level, Topic};
use crate::platform::dom;
use leptos::prelude::*;

/// A question's level as a coloured label.
#[component]
pub fn LevelBadge(
    /// The level shown.
    level: Level,
) -> impl IntoView {
    view! { <span class=format!("badge level-{}", level.id())>{level.label()}</span> }
}

/// A topic as a link to the list filtered by it.
#[component]
pub fn TopicLink(
    /// The topic shown.
    topic: &'static Topic,
) -> impl IntoView {
    view! {
        <a class="topic" href=dom::href(&format!("/?topic={}", topic.id)) title=topic.description>
            {topic.name}
        </a>
    }
}

/// A topic's name as a plain label (inside a list row, whose whole card is one link).
#[component]
pub fn TopicTag(
    /// The topic shown.
    topic: &'static Topic,
) -> impl IntoView {
    view! {
        <span class="topic" title=topic.description>
            {topic.name}
        </span>
    }
}
