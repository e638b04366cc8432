//! `/`: every question, optionally filtered by `?topic=` and `?level=` (comma-separated).

use crate::app::use_app_state;
use crate::bank::{self, Level, Question};
use crate::components::badges::{LevelBadge, TopicLink};
use crate::web;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn split(v: Option<String>) -> Vec<String> {
    v.unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn matches(q: &Question, levels: &[String], topics: &[String]) -> bool {
    (levels.is_empty() || levels.iter().any(|l| l == q.level.id()))
        && (topics.is_empty() || q.topics.iter().any(|t| topics.iter().any(|f| f == t)))
}

/// The question list.
#[component]
pub fn ListPage() -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let levels = Memo::new(move |_| split(query.read().get("level")));
    let topics = Memo::new(move |_| split(query.read().get("topic")));
    let shown = Memo::new(move |_| {
        let (l, t) = (levels.get(), topics.get());
        bank::questions()
            .iter()
            .filter(|q| matches(q, &l, &t))
            .collect::<Vec<&'static Question>>()
    });
    Effect::new(move |_| {
        web::set_title(if topics.read().is_empty() && levels.read().is_empty() {
            ""
        } else {
            "Filtered questions"
        })
    });

    let filter_names = move || {
        let mut names: Vec<String> = topics
            .get()
            .iter()
            .filter_map(|t| bank::topic(t))
            .map(|t| t.name.to_string())
            .collect();
        names.extend(
            levels
                .get()
                .iter()
                .filter_map(|l| Level::from_id(l))
                .map(|l| l.name().to_string()),
        );
        names
    };

    view! {
        <section class="list-page" aria-labelledby="list-heading">
            <h1 id="list-heading">"Backend interview questions"</h1>
            <p class="lede" data-testid="list-count">
                {move || {
                    let total = bank::questions().len();
                    let n = shown.read().len();
                    let read = state.progress.read().read_count(bank::questions().iter().map(|q| q.id));
                    if n == total {
                        format!("{total} questions · {read} read")
                    } else {
                        format!("{n} of {total} questions")
                    }
                }}
            </p>
            <Show when=move || !filter_names().is_empty()>
                <p class="active-filters">
                    "Showing: " {move || filter_names().join(", ")} " · "
                    <a href=web::href("/")>"show all"</a>
                </p>
            </Show>
            <ol class="question-list" data-testid="question-list">
                <For each=move || shown.get() key=|q| q.id let:q>
                    <li class="question-item" data-testid="question-item">
                        <a class="question-link" href=web::href(&format!("/questions/{}", q.id))>
                            {q.question}
                        </a>
                        <div class="meta">
                            <LevelBadge level=q.level />
                            {q.topic_list().map(|t| view! { <TopicLink topic=t /> }).collect_view()}
                            <Show when=move || state.progress.read().is_read(q.id)>
                                <span class="read-mark" title="You have opened this question">
                                    "✓ read"
                                </span>
                            </Show>
                        </div>
                    </li>
                </For>
            </ol>
            <Show when=move || shown.read().is_empty()>
                <p class="empty">"No question matches these filters. " <a href=web::href("/")>"Show all questions"</a></p>
            </Show>
        </section>
    }
}
