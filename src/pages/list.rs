//! `/`: the question list with instant search, filter chips and sorting. The URL holds the view
//! (`?q=…&level=…&topic=…&sort=…`), so every view is a link and back/forward restore it.

use crate::app::use_app_state;
use crate::bank::{self, Level};
use crate::components::badges::{LevelBadge, TopicLink};
use crate::components::highlight::Highlighted;
use crate::keys::{self, Action, Place, Press};
use crate::progress::Status;
use crate::search::{self, ListQuery, Only, Sort};
use crate::web;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The list view's state, read from the URL.
pub fn use_list_query() -> Memo<ListQuery> {
    let map = use_query_map();
    Memo::new(move |_| {
        let m = map.get();
        ListQuery::from_params(|k| m.get(k), |t| bank::topic(t).is_some())
    })
}

/// A function that shows another list view by changing the URL (`replace` while typing, so each
/// keystroke is not a history entry).
pub fn use_go_to_list() -> impl Fn(&ListQuery, bool) + Clone + 'static {
    let navigate = use_navigate();
    move |q: &ListQuery, replace: bool| {
        navigate(
            &web::nav_path(&format!("/{}", q.to_query_string())),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        )
    }
}

/// The question list.
#[component]
pub fn ListPage() -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    let go = use_go_to_list();
    let navigate = use_navigate();
    let data = search::bank_search();
    let results = Memo::new(move |_| {
        let (shown, matched) = state.list(&query.get());
        (shown, Arc::new(matched))
    });
    let facets = Memo::new(move |_| state.facet_counts(&query.get()));
    // What is due today, worked out once per schedule change for the count and every row's mark.
    let due = Memo::new(move |_| {
        let due_by = web::end_of_today();
        state
            .schedule
            .read()
            .due_ids(due_by, |id| bank::question(id).is_some())
            .into_iter()
            .map(str::to_string)
            .collect::<BTreeSet<String>>()
    });
    let due_today = Memo::new(move |_| due.read().len());
    let practised = Memo::new(move |_| !state.progress.read().attempts.is_empty());
    let readiness = Memo::new(move |_| {
        // Readiness is the share of the bank known, as on the dashboard.
        let m = state.progress.read().mastery(bank::questions());
        crate::stats::percent(m.known, m.total)
    });
    // Build the search index just after the first paint, so the first keystroke does not wait.
    set_timeout(move || data.warm(), std::time::Duration::from_millis(50));
    let selected = RwSignal::new(None::<usize>);
    let input_ref: NodeRef<leptos::html::Input> = NodeRef::new();

    // A new view starts with nothing selected.
    Effect::new(move |_| {
        query.track();
        selected.set(None);
    });
    Effect::new(move |_| {
        let q = query.get();
        web::set_title(
            if q.q.trim().is_empty() {
                if q.is_filtered() {
                    "Filtered questions".to_string()
                } else {
                    String::new()
                }
            } else {
                format!("Search: {}", q.q.trim())
            }
            .as_str(),
        );
    });
    // Keep the selected row on screen.
    Effect::new(move |_| {
        if let Some(pos) = selected.get() {
            if let Some(&i) = results.read().0.get(pos) {
                web::scroll_into_view(&format!("r-{}", bank::questions()[i].id));
            }
        }
    });

    let open = {
        let navigate = navigate.clone();
        move |pos: usize| {
            let i = results.with_untracked(|r| r.0.get(pos).copied());
            if let Some(i) = i {
                let qs = query.with_untracked(|q| q.to_query_string());
                navigate(
                    &format!("/questions/{}{}", bank::questions()[i].id, qs),
                    Default::default(),
                );
            }
        }
    };
    let keys_go = go.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let (typing, on_control) = web::key_target(&ev);
        let key = ev.key();
        if on_control && key == "Enter" {
            return;
        }
        let press = Press {
            key: &key,
            modified: ev.ctrl_key() || ev.meta_key() || ev.alt_key(),
            typing,
        };
        let len = results.with_untracked(|r| r.0.len());
        match keys::action(Place::List, press) {
            Some(Action::FocusSearch) => {
                ev.prevent_default();
                if let Some(input) = input_ref.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
            }
            Some(Action::Next) => {
                ev.prevent_default();
                selected.update(|s| *s = keys::step(*s, len, true));
            }
            Some(Action::Previous) => {
                ev.prevent_default();
                selected.update(|s| *s = keys::step(*s, len, false));
            }
            Some(Action::Open) => {
                ev.prevent_default();
                open(selected.get_untracked().unwrap_or(0));
            }
            Some(Action::Clear) => {
                let q = query.get_untracked();
                if q.is_filtered() {
                    keys_go(&q.cleared(), false);
                } else if let Some(input) = input_ref.get_untracked() {
                    let _ = input.blur();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());

    let go_input = go.clone();
    let go_status = go.clone();
    let go_only = go.clone();
    let go_sort = go.clone();
    let go_clear = go.clone();
    let total = bank::questions().len();

    view! {
        <section class="list-page" aria-labelledby="list-heading">
            <h1 id="list-heading">"Backend interview questions"</h1>
            <p class="lede" data-testid="list-count">
                {move || {
                    let n = results.read().0.len();
                    let read = state.progress.read().read_count(bank::questions().iter().map(|q| q.id));
                    if query.read().is_filtered() {
                        format!("{n} of {total} questions")
                    } else {
                        format!("{total} questions · {read} read")
                    }
                }}
                <Show when=move || practised.get()>
                    <span class="readiness" data-testid="readiness">
                        {move || format!(" · readiness {}%", readiness.get())}
                    </span>
                </Show>
                " "
                <a class="button quiz-these" href=move || web::href(&format!("/quiz{}", query.read().to_query_string()))>
                    {move || if query.read().is_filtered() { "Quiz me on these" } else { "Start a quiz" }}
                </a>
            </p>
            <Show when=move || practised.get()>
                <p class="due-today" data-testid="due-today">
                    {move || match due_today.get() {
                        0 => "Nothing due for review today.".to_string(),
                        1 => "1 question due for review today.".to_string(),
                        n => format!("{n} questions due for review today."),
                    }}
                    " "
                    <Show when=move || { due_today.get() > 0 }>
                        <a class="button" data-testid="review-due" href=web::href("/quiz?only=due")>"Review due"</a>
                    </Show>
                    " "
                    <a href=web::href("/progress")>"Your progress"</a>
                </p>
            </Show>
            <search class="controls">
                <label for="search" class="visually-hidden">"Search questions"</label>
                <input
                    id="search"
                    type="search"
                    node_ref=input_ref
                    placeholder=format!("Search {total} questions  (press /)")
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || query.read().q.clone()
                    on:input=move |ev| {
                        let mut next = query.get_untracked();
                        next.q = event_target_value(&ev);
                        go_input(&next, true);
                    }
                />
                <div class="filters" role="group" aria-label="Filter by level">
                    {Level::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(n, level)| {
                            let go = go.clone();
                            view! {
                                <button
                                    type="button"
                                    class=format!("chip level-chip level-{}", level.id())
                                    aria-pressed=move || query.read().levels.contains(&level).to_string()
                                    on:click=move |_| go(&query.get_untracked().toggle_level(level), false)
                                >
                                    {level.name()}
                                    <span class="count">{move || facets.read().0[n].1}</span>
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="filters" role="group" aria-label="Filter by topic">
                    {bank::topics()
                        .iter()
                        .enumerate()
                        .map(|(n, topic)| {
                            let go = go.clone();
                            view! {
                                <button
                                    type="button"
                                    class="chip"
                                    title=topic.description
                                    aria-pressed=move || query.read().topics.iter().any(|t| t == topic.id).to_string()
                                    on:click=move |_| go(&query.get_untracked().toggle_topic(topic.id), false)
                                >
                                    {topic.name}
                                    <span class="count">{move || facets.read().1[n]}</span>
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <div class="filters" role="group" aria-label="Show only">
                    {Only::ALL
                        .into_iter()
                        .map(|only| {
                            let go = go_only.clone();
                            view! {
                                <button
                                    type="button"
                                    class=format!("chip only-chip only-{}", only.id())
                                    aria-pressed=move || query.read().only.contains(&only).to_string()
                                    on:click=move |_| go(&query.get_untracked().toggle_only(only), false)
                                >
                                    {only.label()}
                                    {(only == Only::Due).then(|| view! { <span class="count">{move || due_today.get()}</span> })}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
                <Show when=move || practised.get()>
                    <div class="filters" role="group" aria-label="Filter by status">
                        {Status::ALL
                            .into_iter()
                            .map(|status| {
                                let go = go_status.clone();
                                view! {
                                    <button
                                        type="button"
                                        class=format!("chip status-chip status-{}", status.id())
                                        aria-pressed=move || query.read().statuses.contains(&status).to_string()
                                        on:click=move |_| go(&query.get_untracked().toggle_status(status), false)
                                    >
                                        {status.label()}
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </Show>
                <div class="sort-row">
                    <label for="sort">"Sort by"</label>
                    <select
                        id="sort"
                        prop:value=move || query.read().sort.id()
                        on:change=move |ev| {
                            let mut next = query.get_untracked();
                            next.sort = Sort::from_id(&event_target_value(&ev));
                            go_sort(&next, false);
                        }
                    >
                        {Sort::ALL.map(|s| view! { <option value=s.id()>{s.label()}</option> }).collect_view()}
                    </select>
                    <Show when=move || query.read().is_filtered()>
                        {
                            let go = go_clear.clone();
                            view! {
                                <button type="button" class="link-button" on:click=move |_| go(&query.get_untracked().cleared(), false)>
                                    "Clear search and filters"
                                </button>
                            }
                        }
                    </Show>
                </div>
            </search>
            <ol class="question-list" data-testid="question-list" aria-label="Questions">
                {move || {
                    let (shown, matched) = results.get();
                    let qs = query.with(|q| q.to_query_string());
                    let searching = !query.read().q.trim().is_empty();
                    shown
                        .into_iter()
                        .enumerate()
                        .map(|(pos, i)| {
                            let q = &bank::questions()[i];
                            let snippet = if searching { data.snippet_for(i, &matched) } else { None };
                            let matched = matched.clone();
                            let snippet_matched = matched.clone();
                            view! {
                                <li
                                    class="question-item"
                                    class:selected=move || selected.get() == Some(pos)
                                    id=format!("r-{}", q.id)
                                    data-testid="question-item"
                                >
                                    <a
                                        class="question-link"
                                        href=web::href(&format!("/questions/{}{}", q.id, qs))
                                        aria-current=move || (selected.get() == Some(pos)).then_some("true")
                                    >
                                        <Highlighted text=q.question matched=matched />
                                    </a>
                                    {snippet.map(|s| view! {
                                        <p class="snippet"><Highlighted text=s matched=snippet_matched /></p>
                                    })}
                                    <div class="meta">
                                        <LevelBadge level=q.level />
                                        {q.topic_list().map(|t| view! { <TopicLink topic=t /> }).collect_view()}
                                        {move || state.progress.read().is_bookmarked(q.id).then(|| view! {
                                            <span class="mark bookmark-mark" title="Bookmarked" data-testid="bookmark-mark">"★"<span class="visually-hidden">" bookmarked"</span></span>
                                        })}
                                        {move || state.progress.read().has_note(q.id).then(|| view! {
                                            <span class="mark note-mark" title="You have a note on this question">"✎ note"</span>
                                        })}
                                        {move || due.read().contains(q.id).then(|| view! {
                                            <span class="mark due-mark" data-testid="due-mark">"due"</span>
                                        })}
                                        {move || {
                                            let p = state.progress.read();
                                            match p.status(q.id) {
                                                Status::New if p.is_read(q.id) => Some(view! {
                                                    <span class="read-mark" title="You have opened this question">"✓ read"</span>
                                                }.into_any()),
                                                Status::New => None,
                                                s => Some(view! {
                                                    <span class=format!("status status-{}", s.id()) data-testid="status">{s.label()}</span>
                                                }.into_any()),
                                            }
                                        }}
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <Show when=move || practised.get() || !state.progress.read().read.is_empty()>
                <crate::components::reset::ResetProgress />
            </Show>
            <Show when=move || results.read().0.is_empty()>
                {
                    let go = go.clone();
                    view! {
                        <div class="empty" data-testid="empty-state">
                            <p>
                                {move || {
                                    let q = query.read();
                                    if q.q.trim().is_empty() {
                                        "No question matches these filters.".to_string()
                                    } else {
                                        format!("No question matches “{}” with these filters.", q.q.trim())
                                    }
                                }}
                            </p>
                            <button type="button" class="button" on:click=move |_| go(&query.get_untracked().cleared(), false)>
                                "Clear search and filters"
                            </button>
                        </div>
                    }
                }
            </Show>
        </section>
    }
}
