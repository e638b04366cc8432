//! One row of the question list: the question (with search matches marked), a snippet of where
//! it matched, its level and topics, and the user's own marks on it. The whole card is the
//! question's link (its title's link stretched over it), so it is one large target on a phone.

use crate::bank::Question;
use crate::components::badges::{LevelBadge, TopicTag};
use crate::components::highlight::Highlighted;
use crate::platform::dom;
use crate::progress::Status;
use crate::state::use_app_state;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The DOM id of question `id`'s row (for keeping the selected row in view).
pub fn row_id(id: &str) -> String {
    format!("r-{id}")
}

/// A row.
#[component]
pub fn QuestionRow(
    /// The question.
    q: &'static Question,
    /// The list view's query string, carried into the question's link.
    qs: String,
    /// Words to mark.
    matched: Arc<BTreeSet<String>>,
    /// Where it matched, when searching.
    snippet: Option<String>,
    /// Whether the keyboard selection is on this row.
    #[prop(into)]
    selected: Signal<bool>,
    /// Whether it is due for review today.
    #[prop(into)]
    due: Signal<bool>,
) -> impl IntoView {
    let state = use_app_state();
    let snippet_matched = matched.clone();
    // The user's marks, in one reactive piece per row (a row is built 111 times on start).
    let marks = move || {
        let p = state.progress.read();
        let mut marks: Vec<AnyView> = Vec::new();
        if p.is_bookmarked(q.id) {
            marks.push(
                view! {
                    <span class="mark bookmark-mark" title="Bookmarked" data-testid="bookmark-mark">
                        "★"
                        <span class="visually-hidden">" bookmarked"</span>
                    </span>
                }
                .into_any(),
            );
        }
        if p.has_note(q.id) {
            marks.push(
                view! {
                    <span class="mark note-mark" title="You have a note on this question">
                        "✎ note"
                    </span>
                }
                .into_any(),
            );
        }
        if due.get() {
            marks.push(
                view! {
                    <span class="mark due-mark" data-testid="due-mark">
                        "due"
                    </span>
                }
                .into_any(),
            );
        }
        match p.status(q.id) {
            Status::New if p.is_read(q.id) => marks.push(
                view! {
                    <span class="read-mark" title="You have opened this question">
                        "✓ read"
                    </span>
                }
                .into_any(),
            ),
            Status::New => {}
            s => marks.push(
                view! {
                    <span class=format!("status status-{}", s.id()) data-testid="status">
                        {s.label()}
                    </span>
                }
                .into_any(),
            ),
        }
        marks
    };
    view! {
        <li
            class="question-item"
            class:selected=move || selected.get()
            id=row_id(q.id)
            data-testid="question-item"
        >
            <a
                class="question-link"
                href=dom::href(&format!("/questions/{}{qs}", q.id))
                aria-current=move || selected.get().then_some("true")
            >
                <Highlighted text=q.question matched=matched />
            </a>
            {snippet
                .map(|s| {
                    view! {
                        <p class="snippet">
                            <Highlighted text=s matched=snippet_matched />
                        </p>
                    }
                })}
            <div class="meta">
                <LevelBadge level=q.level />
                {q.topic_list().map(|t| view! { <TopicTag topic=t /> }).collect_view()}
                {marks}
            </div>
        </li>
    }
}
