//! "Reset progress": everything, or one topic, after an explicit confirmation.

use crate::app::use_app_state;
use crate::bank;
use crate::progress::Progress;
use crate::storage::{local, Mode};
use leptos::prelude::*;

/// What a reset of `scope` (`""` = everything, else a topic id) removes from `p`. Bookmarks and
/// notes are the user's own writing, not progress: they stay.
fn apply_reset(p: &Progress, scope: &str) -> Progress {
    let mut next = p.clone();
    if scope.is_empty() {
        next.reset(|_| true);
        next.quizzes.clear();
    } else {
        next.reset(|id| bank::question(id).is_some_and(|q| q.topics.contains(&scope)));
    }
    next
}

/// A button that opens a confirmation panel.
#[component]
pub fn ResetProgress() -> impl IntoView {
    let state = use_app_state();
    let open = RwSignal::new(false);
    let scope = RwSignal::new(String::new());
    let affected = move || {
        let p = state.progress.read();
        let next = apply_reset(&p, &scope.read());
        let count = |p: &Progress| p.attempts.values().map(Vec::len).sum::<usize>() + p.read.len();
        count(&p) - count(&next)
    };
    let confirm = move |_| {
        let next = apply_reset(&state.progress.get_untracked(), &scope.get_untracked());
        // Written as is: the usual save merges with what is stored, which would undo the reset.
        if state.mode.get_untracked() == Mode::ReadWrite {
            let _ = local::replace(&next);
        }
        state.progress.set(next);
        open.set(false);
    };
    view! {
        <div class="reset" data-testid="reset">
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button type="button" class="link-button" on:click=move |_| open.set(true)>"Reset progress…"</button>
                }
            >
                <div class="reset-panel" role="group" aria-labelledby="reset-h">
                    <h2 id="reset-h">"Reset progress"</h2>
                    <label for="reset-scope">"What to reset"</label>
                    <select id="reset-scope" on:change=move |ev| scope.set(event_target_value(&ev)) prop:value=move || scope.get()>
                        <option value="">"Everything"</option>
                        {bank::topics().iter().map(|t| view! { <option value=t.id>{t.name}</option> }).collect_view()}
                    </select>
                    <p class="warning" data-testid="reset-warning">
                        {move || format!("This deletes {} saved answers and read marks (bookmarks and notes stay). It cannot be undone; export your data first to keep a copy.", affected())}
                    </p>
                    <button type="button" class="button danger" on:click=confirm>"Yes, reset"</button>
                    " "
                    <button type="button" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </Show>
        </div>
    }
}
