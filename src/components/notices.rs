//! Non-blocking messages: about the user's stored data, and a newer version waiting.

use crate::state::use_app_state;
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
                                    on:click=move |_| {
                                        state
                                            .notices
                                            .update(|v| {
                                                if i < v.len() {
                                                    v.remove(i);
                                                }
                                            })
                                    }
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

/// "A new version is ready", once a newer build is installed and waiting.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = use_app_state();
    view! {
        <Show when=move || state.update_ready.get()>
            <div class="notices" role="status">
                <div class="notice update" data-testid="update-ready">
                    <p>"A new version is ready."</p>
                    <button
                        type="button"
                        class="button"
                        on:click=|_| crate::platform::sw::apply_update()
                    >
                        "Reload"
                    </button>
                </div>
            </div>
        </Show>
    }
}
