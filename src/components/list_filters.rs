//! The list's filter chips (level, topic, personal filters, status) and the sort menu. Each chip
//! is a toggle in the URL; its count says how many questions it would show.

use crate::bank::{self, Level};
use crate::list_view::{ListQuery, PersonalFilter, Sort};
use crate::platform::dom;
use crate::progress::Status;
use crate::state::url::{use_go_to_list, use_list_query};
use leptos::prelude::*;

/// Chip counts: per level, and per topic in taxonomy order.
pub type Facets = (Vec<(Level, usize)>, Vec<usize>);

/// The chips and the sort row under the search box.
#[component]
pub fn FilterChips(
    /// The counts on the level and topic chips.
    facets: Memo<Facets>,
    /// How many questions are due today (the "Due" chip's count).
    due_today: Memo<usize>,
    /// Whether the user has practised at all (the status chips show only then).
    practised: Memo<bool>,
) -> impl IntoView {
    let query = use_list_query();
    let go = use_go_to_list();
    let chip_group = move |label: &'static str, chips: Vec<AnyView>| {
        view! {
            <div class="filters" role="group" aria-label=label>
                {chips}
            </div>
        }
    };
    let toggle = {
        let go = go.clone();
        move |next: ListQuery| go(&next, false)
    };
    let level_chips: Vec<AnyView> = Level::ALL
        .into_iter()
        .enumerate()
        .map(|(n, level)| {
            let toggle = toggle.clone();
            view! {
                <button
                    type="button"
                    disabled=!dom::live()
                    class=format!("chip level-chip level-{}", level.id())
                    aria-pressed=move || query.read().levels.contains(&level).to_string()
                    on:click=move |_| toggle(query.get_untracked().toggle_level(level))
                >
                    {level.label()}
                    <span class="count">{move || facets.read().0[n].1}</span>
                </button>
            }
            .into_any()
        })
        .collect();
    let topic_chips: Vec<AnyView> = bank::topics()
        .iter()
        .enumerate()
        .map(|(n, topic)| {
            let toggle = toggle.clone();
            view! {
                <button
                    type="button"
                    disabled=!dom::live()
                    class="chip"
                    title=topic.description
                    aria-pressed=move || {
                        query.read().topics.iter().any(|t| t == topic.id).to_string()
                    }
                    on:click=move |_| toggle(query.get_untracked().toggle_topic(topic.id))
                >
                    {topic.name}
                    <span class="count">{move || facets.read().1[n]}</span>
                </button>
            }
            .into_any()
        })
        .collect();
    let only_chips: Vec<AnyView> = PersonalFilter::ALL
        .into_iter()
        .map(|only| {
            let toggle = toggle.clone();
            view! {
                <button
                    type="button"
                    disabled=!dom::live()
                    class=format!("chip only-chip only-{}", only.id())
                    aria-pressed=move || query.read().only.contains(&only).to_string()
                    on:click=move |_| toggle(query.get_untracked().toggle_only(only))
                >
                    {only.label()}
                    {(only == PersonalFilter::Due)
                        .then(|| view! { <span class="count">{move || due_today.get()}</span> })}
                </button>
            }
            .into_any()
        })
        .collect();
    let status_chips = {
        let toggle = toggle.clone();
        move || {
            Status::ALL
                .into_iter()
                .map(|status| {
                    let toggle = toggle.clone();
                    view! {
                        <button
                            type="button"
                            disabled=!dom::live()
                            class=format!("chip status-chip status-{}", status.id())
                            aria-pressed=move || query.read().statuses.contains(&status).to_string()
                            on:click=move |_| toggle(query.get_untracked().toggle_status(status))
                        >
                            {status.label()}
                        </button>
                    }
                    .into_any()
                })
                .collect::<Vec<_>>()
        }
    };
    let go_sort = go.clone();
    view! {
        {chip_group("Filter by level", level_chips)}
        {chip_group("Filter by topic", topic_chips)}
        {chip_group("Show only", only_chips)}
        <Show when=move || practised.get()>{chip_group("Filter by status", status_chips())}</Show>
        <div class="sort-row">
            <label for="sort">"Sort by"</label>
            <select
                id="sort"
                disabled=!dom::live()
                prop:value=move || query.read().sort.id()
                on:change=move |ev| {
                    let mut next = query.get_untracked();
                    next.sort = Sort::from_id(&event_target_value(&ev)).unwrap_or_default();
                    go_sort(&next, false);
                }
            >
                {Sort::ALL
                    .map(|s| view! { <option value=s.id()>{s.label()}</option> })
                    .collect_view()}
            </select>
            <Show when=move || {
                query.read().is_filtered()
            }>
                {
                    let go = go.clone();
                    view! {
                        <button
                            type="button"
                            disabled=!dom::live()
                            class="link-button"
                            on:click=move |_| go(&query.get_untracked().cleared(), false)
                        >
                            "Clear search and filters"
                        </button>
                    }
                }
            </Show>
        </div>
    }
}
