//! `/`: the question list with instant search, filter chips and sorting. The URL holds the view
//! (`?q=…&level=…&topic=…&sort=…`), so every view is a link and back/forward restore it.

use crate::bank;
use crate::components::empty_state::EmptyState;
use crate::components::keyboard::use_keys;
use crate::components::list_filters::FilterChips;
use crate::components::next_step::NextStepButton;
use crate::components::question_row::{row_id, QuestionRow};
use crate::keys::{self, Action, Place};
use crate::platform::{clock, dom};
use crate::state::startup;
use crate::state::url::{use_go, use_go_to_list, use_list_query};
use crate::state::use_app_state;
use crate::{list_view::ListQuery, search};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The list page's title for view `q`.
pub fn title(q: &ListQuery) -> String {
    if !q.q.trim().is_empty() {
        format!("Search: {}", q.q.trim())
    } else if q.is_filtered() {
        "Filtered questions".to_string()
    } else {
        String::new()
    }
}

/// The question list.
#[component]
pub fn ListPage() -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    let go = use_go_to_list();
    let results = Memo::new(move |_| {
        let (shown, matched) = state.list(&query.get());
        (shown, Arc::new(matched))
    });
    let facets = Memo::new(move |_| state.facet_counts(&query.get()));
    // What is due today, worked out once per schedule change for the count and every row's mark.
    let due = Memo::new(move |_| {
        state
            .schedule
            .read()
            .due_ids(clock::end_of_today(), |id| bank::question(id).is_some())
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
    // The keyboard selection belongs to the view it was made in: a new view starts with none.
    let selection = RwSignal::new((ListQuery::default(), None::<usize>));
    let selected = Memo::new(move |_| {
        let (made_in, pos) = selection.get();
        if made_in == query.get() {
            pos
        } else {
            None
        }
    });
    let input_ref: NodeRef<leptos::html::Input> = NodeRef::new();
    Effect::new(move |_| dom::set_title(&title(&query.read())));
    // Search covers the answers once their texts are in: fetch them now, off the first render.
    Effect::new(move |_| state.load_search_texts());
    // Results of a search are partial (wordings only) until then.
    let busy = move || !state.search_complete.get() && !query.read().q.trim().is_empty();
    // Keep the selected row on screen.
    Effect::new(move |_| {
        let row = selected
            .get()
            .and_then(|pos| results.with(|r| r.0.get(pos).copied()));
        if let Some(i) = row {
            dom::scroll_into_view(&row_id(bank::questions()[i].id));
        }
    });
    use_list_keys(query, results, selection, selected, input_ref);
    let slices = use_slices(bank::questions().len().div_ceil(ROWS_PER_SLICE));
    // Back from a question (`#r-<id>`): its row is selected and in view again, once built.
    let location = use_location();
    Effect::new(move |_| {
        let hash = location.hash.get();
        let Some(id) = hash.strip_prefix("#r-") else {
            return;
        };
        if slices.get() != usize::MAX {
            return;
        }
        let pos =
            results.with_untracked(|r| r.0.iter().position(|&i| bank::questions()[i].id == id));
        if let Some(pos) = pos {
            selection.set((query.get_untracked(), Some(pos)));
        }
    });
    // Once the rows are built and the page is quiet, the questions at the top of this view are
    // fetched, so opening one shows its answer at once (the browser keeps the files too).
    Effect::new(move |_| {
        if slices.get() != usize::MAX {
            return;
        }
        let top =
            move || results.with(|r| r.0.iter().take(PREFETCHED).copied().collect::<Vec<_>>());
        let first = top();
        set_timeout(
            move || {
                // Only a view that stayed (not each step of a search being typed).
                if results.try_with_untracked(|_| ()).is_none() || untrack(top) != first {
                    return;
                }
                for i in first {
                    state.content.prefetch(&bank::questions()[i]);
                }
            },
            std::time::Duration::from_millis(1500),
        );
    });
    // Back (or forward) to this list: the window's scroll position saved in the history entry
    // comes back, and the row of the question last shown is selected and focused, once built.
    // A new visit of the list from a question (the header's link, say) starts at the top.
    let remembered = dom::remembered_scroll()
        .or_else(|| state.last_question.get_value().is_some().then_some(0.0));
    if let Some(y) = remembered {
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || slices.get() != usize::MAX {
                return done.unwrap_or(false);
            }
            if !location.hash.get_untracked().is_empty() {
                return true;
            }
            dom::scroll_to_y(y);
            let last = state.last_question.get_value();
            let pos = results.with_untracked(|r| {
                r.0.iter()
                    .position(|&i| Some(bank::questions()[i].id) == last)
            });
            if let (Some(pos), Some(id)) = (pos, last) {
                selection.set((query.get_untracked(), Some(pos)));
                dom::focus_link_in(&row_id(id));
            }
            true
        });
    }

    // The filters fold away (one next step, then search, then the questions) and open when one
    // is on (and stay open after, until the learner closes them).
    let fold_open = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || query.read().filter_count() > 0
    });
    let go_input = go.clone();
    let total = bank::questions().len();
    view! {
        <section class="list-page" aria-labelledby="list-heading">
            <h1 id="list-heading">"Backend interview questions"</h1>
            // The controls come with the first slice of rows, after the page around them (see
            // `use_slices`): the first task stays short.
            <Show when=move || { slices.get() > 0 }>
                <ListLead
                    query=query
                    results=results
                    due_today=due_today
                    practised=practised
                    readiness=readiness
                />
                <search class="controls">
                    <label for="search" class="visually-hidden">
                        "Search questions"
                    </label>
                    // Enabled in the prerendered page too: what is typed before the app starts
                    // is applied when it takes over (`boot::take_over`).
                    <input
                        id="search"
                        type="search"
                        node_ref=input_ref
                        placeholder=format!("Search {total} questions  (press /)")
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || query.read().q.clone()
                        on:input={
                            let go_input = go_input.clone();
                            move |ev| {
                                let mut next = query.get_untracked();
                                next.q = event_target_value(&ev);
                                go_input(&next, true);
                            }
                        }
                    />
                    <details class="filter-fold" open=move || fold_open.get().then_some("")>
                        <summary data-testid="filters-toggle">
                            {move || match query.read().filter_count() {
                                0 => "Filters and sort".to_string(),
                                n => format!("Filters and sort ({n} on)"),
                            }}
                        </summary>
                        <FilterChips facets=facets due_today=due_today practised=practised />
                    </details>
                </search>
            </Show>
            <DesignMatches query=query />
            <QuestionRows
                query=query
                results=results
                slices=slices
                selected=selected
                due=due
                busy=Signal::derive(busy)
            />
            // Resetting lives with export and import on the dashboard (its confirmation panel
            // cost this page about 8 KB gzip of wasm).
            <Show when=move || practised.get() || !state.progress.read().read.is_empty()>
                <p class="muted data-link">
                    <a href=dom::href("/progress#data-h") data-testid="data-link">
                        "Back up or reset your progress"
                    </a>
                </p>
            </Show>
            <Show when=move || results.read().0.is_empty()>
                <EmptyState />
            </Show>
        </section>
    }
}

/// The list's lead: the one next step, the count and readiness, today's plan and reviews.
#[component]
fn ListLead(
    query: Memo<ListQuery>,
    results: Results,
    due_today: Memo<usize>,
    practised: Memo<bool>,
    readiness: Memo<u32>,
) -> impl IntoView {
    let state = use_app_state();
    let total = bank::questions().len();
    let shown = Memo::new(move |_| {
        results
            .read()
            .0
            .iter()
            .map(|&i| bank::questions()[i].id)
            .collect::<Vec<_>>()
    });
    view! {
        <div class="next-step">
            <NextStepButton query=query due=due_today shown=shown />
            <Show when=move || query.read().is_filtered() && !results.read().0.is_empty()>
                <a
                    class="button secondary"
                    data-testid="interview-these"
                    href=move || {
                        shown
                            .with(|ids| {
                                dom::href(
                                    &format!(
                                        "/interview{}",
                                        query.read().selection_query_string(ids),
                                    ),
                                )
                            })
                    }
                >
                    "Mock interview on these"
                </a>
            </Show>
            <p class="lede" data-testid="list-count">
                {move || {
                    let n = results.read().0.len();
                    let read = state
                        .progress
                        .read()
                        .read_count(bank::questions().iter().map(|q| q.id));
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
            </p>
            {move || {
                state
                    .plan_today()
                    .map(|plan| {
                        let text = match plan {
                            Ok(t) => {
                                format!(
                                    "Interview plan: {}",
                                    crate::components::plan_panel::today_line(&t),
                                )
                            }
                            Err(problem) => problem.message().to_string(),
                        };
                        view! {
                            <p class="plan-line" data-testid="plan-line">
                                {text}
                                " "
                                <a href=dom::href("/progress#plan-h")>"Your plan"</a>
                            </p>
                        }
                    })
            }}
            <Show when=move || practised.get()>
                <p class="due-today" data-testid="due-today">
                    {move || match due_today.get() {
                        0 => "Nothing due for review today.".to_string(),
                        1 => "1 question due for review today.".to_string(),
                        n => format!("{n} questions due for review today."),
                    }}
                </p>
            </Show>
        </div>
    }
}

/// The design exercises a search names ("rate limiter", "url shortner"), above the questions.
#[component]
fn DesignMatches(query: Memo<ListQuery>) -> impl IntoView {
    let found = Memo::new(move |_| {
        search::designs::matching(bank::designs(), &query.read().q)
            .into_iter()
            .map(|d| (d.id, d.title))
            .collect::<Vec<_>>()
    });
    move || {
        let found = found.get();
        (!found.is_empty()).then(|| {
            view! {
                <section
                    class="design-matches"
                    aria-labelledby="design-matches-h"
                    data-testid="design-matches"
                >
                    <h2 id="design-matches-h">"System design exercises"</h2>
                    <ul>
                        {found
                            .into_iter()
                            .map(|(id, title)| {
                                view! {
                                    <li>
                                        <a href=dom::href(&format!("/designs/{id}"))>{title}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// The rows, built in slices on the first render (see `use_slices`).
#[component]
fn QuestionRows(
    query: Memo<ListQuery>,
    results: Results,
    slices: RwSignal<usize>,
    selected: Memo<Option<usize>>,
    due: Memo<BTreeSet<String>>,
    busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <ol
            class="question-list"
            data-testid="question-list"
            aria-label="Questions"
            aria-busy=move || busy.get().then_some("true")
        >
            {move || {
                let (shown, matched) = results.get();
                let qs = query.with(|q| q.to_query_string());
                let searching = !query.read().q.trim().is_empty();
                shown
                    .chunks(ROWS_PER_SLICE)
                    .enumerate()
                    .map(|(n, slice)| {
                        let (slice, matched, qs) = (slice.to_vec(), matched.clone(), qs.clone());
                        let start = n * ROWS_PER_SLICE;
                        // In slices, each shown once `slices` reaches it (see `use_slices`).
                        view! {
                            <Show when=move || {
                                slices.get() > n
                            }>
                                {slice
                                    .iter()
                                    .enumerate()
                                    .map(|(k, &i)| {
                                        let q = &bank::questions()[i];
                                        let pos = start + k;
                                        let snippet = searching
                                            .then(|| search::bank_search().snippet_for(i, &matched))
                                            .flatten();
                                        view! {
                                            <QuestionRow
                                                q=q
                                                qs=qs.clone()
                                                matched=matched.clone()
                                                snippet=snippet
                                                selected=Signal::derive(move || selected.get() == Some(pos))
                                                due=Signal::derive(move || due.read().contains(q.id))
                                            />
                                        }
                                    })
                                    .collect_view()}
                            </Show>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

/// Rows built per task during the first render (measured: about 1 ms a row on a fast machine, so
/// a slice stays well under the 50 ms that counts as a long task on a 4x slower phone).
const ROWS_PER_SLICE: usize = 8;

/// How many slices of rows to show: on the first render in the browser one more per task until
/// all `total` are in, so no task blocks for long; the takeover of the prerendered page waits for
/// the rows in view (see `state::startup`). Everything at once on the host and later.
fn use_slices(total: usize) -> RwSignal<usize> {
    if !dom::live() {
        return RwSignal::new(usize::MAX);
    }
    // The first task builds the page around the list; the rows follow.
    let slices = RwSignal::new(0);
    let needed = startup::rows_in_view().div_ceil(ROWS_PER_SLICE).min(total);
    fn grow(slices: RwSignal<usize>, total: usize, needed: usize, hold: Option<startup::Hold>) {
        set_timeout(
            move || {
                // The list may have been left (a route change) before its rows were all built.
                let Some(built) = slices.try_get_untracked() else {
                    return;
                };
                let next = built + 1;
                slices.set(if next >= total { usize::MAX } else { next });
                let hold = hold.filter(|_| next < needed);
                if next < total {
                    grow(slices, total, needed, hold);
                }
            },
            std::time::Duration::ZERO,
        );
    }
    grow(slices, total, needed, Some(startup::hold()));
    slices
}

/// How many questions at the top of a list view are fetched ahead (about two screens).
const PREFETCHED: usize = 12;

type Results = Memo<(Vec<usize>, Arc<BTreeSet<String>>)>;

/// The list's keys: `/` searches, j/k (or arrows) select, Enter opens, Esc clears.
fn use_list_keys(
    query: Memo<ListQuery>,
    results: Results,
    selection: RwSignal<(ListQuery, Option<usize>)>,
    selected: Memo<Option<usize>>,
    input_ref: NodeRef<leptos::html::Input>,
) {
    let go = use_go_to_list();
    let open = use_go();
    let select = move |forward: bool| {
        let len = results.with_untracked(|r| r.0.len());
        let next = keys::step(selected.get_untracked(), len, forward);
        selection.set((query.get_untracked(), next));
    };
    use_keys(
        || Place::List,
        move |action, _| {
            match action {
                Action::FocusSearch => {
                    if let Some(input) = input_ref.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                }
                Action::Next => select(true),
                Action::Previous => select(false),
                Action::Open => {
                    let pos = selected.get_untracked().unwrap_or(0);
                    let Some(i) = results.with_untracked(|r| r.0.get(pos).copied()) else {
                        return true;
                    };
                    let qs = query.with_untracked(|q| q.to_query_string());
                    dom::remember_scroll();
                    open(&format!("/questions/{}{qs}", bank::questions()[i].id));
                }
                Action::Clear => {
                    let q = query.get_untracked();
                    if q.is_filtered() {
                        go(&q.cleared(), false);
                    } else if let Some(input) = input_ref.get_untracked() {
                        let _ = input.blur();
                    }
                    // Esc keeps its browser meaning too (leaving the search box).
                    return false;
                }
                _ => return false,
            }
            true
        },
    );
}
