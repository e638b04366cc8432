//! Non-blocking messages about the user's stored data.

use crate::app::use_app_state;
use leptos::prelude::*;

/// Shows every pending notice with a button to dismiss it.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="notices" role="status" aria-live="polite" data-testid="notices">
            {move || {
                state
                    .notices
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| {
                        view! {
                            <div class="notice">
                                <p>{n.text}</p>
                                <button
                                    type="button"
                                    on:click=move |_| state.notices.update(|v| {
                                        if i < v.len() {
                                            v.remove(i);
                                        }
                                    })
                                >
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
