//! "Reset progress": everything, or one topic, after an explicit confirmation.

use crate::bank;
use crate::platform::dom;
use crate::state::change::reset_count;
use crate::state::{use_app_state, Change, ResetScope};
use leptos::prelude::*;

fn scope_of(value: &str) -> ResetScope {
    if value.is_empty() {
        ResetScope::Everything
    } else {
        ResetScope::Topic(value.to_string())
    }
}

/// A button that opens a confirmation panel.
#[component]
pub fn ResetProgress() -> impl IntoView {
    let state = use_app_state();
    let open = RwSignal::new(false);
    let scope = RwSignal::new(String::new());
    let affected = move || reset_count(&state.progress.read(), &scope_of(&scope.read()));
    let confirm = move |_| {
        let _ = state.change(Change::Reset(scope_of(&scope.get_untracked())));
        open.set(false);
    };
    view! {
        <div class="reset" data-testid="reset">
            <Show
                when=move || open.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="link-button"
                            disabled=!dom::live()
                            on:click=move |_| open.set(true)
                        >
                            "Reset progress…"
                        </button>
                    }
                }
            >
                <div class="reset-panel" role="group" aria-labelledby="reset-h">
                    <h2 id="reset-h">"Reset progress"</h2>
                    <label for="reset-scope">"What to reset"</label>
                    <select
                        id="reset-scope"
                        on:change=move |ev| scope.set(event_target_value(&ev))
                        prop:value=move || scope.get()
                    >
                        <option value="">"Everything"</option>
                        {bank::topics()
                            .iter()
                            .map(|t| view! { <option value=t.id>{t.name}</option> })
                            .collect_view()}
                    </select>
                    <p class="warning" data-testid="reset-warning">
                        {move || {
                            format!(
                                "This deletes {} saved answers and read marks (bookmarks and notes stay). It cannot be undone; export your data first to keep a copy.",
                                affected(),
                            )
                        }}
                    </p>
                    <button type="button" class="button danger" on:click=confirm>
                        "Yes, reset"
                    </button>
                    " "
                    <button type="button" on:click=move |_| open.set(false)>
                        "Cancel"
                    </button>
                </div>
            </Show>
        </div>
    }
}
