//! What the list says when nothing matches.

use crate::state::url::{use_go_to_list, use_list_query};
use crate::state::use_app_state;
use leptos::prelude::*;

/// Longest stretch of the query the message repeats (the rest is elided).
const SHOWN_CHARS: usize = 60;

/// "No question matches …", with "did you mean" when a correction finds something, and a way out.
#[component]
pub fn EmptyState() -> impl IntoView {
    let state = use_app_state();
    let query = use_list_query();
    let go = use_go_to_list();
    let go_suggested = go.clone();
    let suggestion = Memo::new(move |_| state.suggest(&query.read().q));
    view! {
        <div class="empty" data-testid="empty-state">
            <p class="empty-message">
                {move || {
                    let q = query.read();
                    let typed = q.q.trim();
                    if typed.is_empty() {
                        "No question matches these filters.".to_string()
                    } else {
                        format!("No question matches “{}” with these filters.", clip(typed))
                    }
                }}
            </p>
            {move || {
                suggestion
                    .get()
                    .map(|better| {
                        let shown = better.clone();
                        let go = go_suggested.clone();
                        view! {
                            <p data-testid="did-you-mean">
                                "Did you mean "
                                <button
                                    type="button"
                                    class="link-button"
                                    on:click=move |_| {
                                        let mut next = query.get_untracked();
                                        next.q = better.clone();
                                        go(&next, false);
                                    }
                                >
                                    {shown}
                                </button> "?"
                            </p>
                        }
                    })
            }}
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

/// `text` cut to [`SHOWN_CHARS`] characters, with an ellipsis when cut.
fn clip(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn long_queries_are_cut_with_an_ellipsis() {
        assert_eq!(clip("jwt"), "jwt");
        let long = "é".repeat(100);
        let cut = clip(&long);
        assert_eq!(cut.chars().count(), super::SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
