//! What the list says when nothing matches.

use crate::state::url::{use_go_to_list, use_list_query};
use leptos::prelude::*;

/// "No question matches …", with a way out.
#[component]
pub fn EmptyState() -> impl IntoView {
    let query = use_list_query();
    let go = use_go_to_list();
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
            <button
                type="button"
                class="button"
                on:click=move |_| go(&query.get_untracked().cleared(), false)
            >
                "Clear search and filters"
            </button>
        </div>
    }
}
