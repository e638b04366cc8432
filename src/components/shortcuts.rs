//! The `?` overlay listing every keyboard shortcut.

use crate::keys::{self, Action, Place, Press};
use crate::web;
use leptos::prelude::*;

/// Listens for `?` anywhere (outside text fields) and shows the shortcut list; Esc or the close
/// button hides it and returns focus.
#[component]
pub fn ShortcutHelp() -> impl IntoView {
    let open = RwSignal::new(false);
    let close_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let (typing, _) = web::key_target(&ev);
        let key = ev.key();
        if open.get_untracked() && key == "Escape" {
            ev.prevent_default();
            ev.stop_immediate_propagation();
            open.set(false);
            return;
        }
        let press = Press {
            key: &key,
            modified: ev.ctrl_key() || ev.meta_key() || ev.alt_key(),
            typing,
        };
        // Place does not matter for `?`.
        if keys::action(Place::List, press) == Some(Action::ToggleHelp) {
            ev.prevent_default();
            open.update(|o| *o = !*o);
        }
    });
    on_cleanup(move || handle.remove());
    Effect::new(move |_| {
        if open.get() {
            if let Some(b) = close_ref.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || open.get()>
            <div class="overlay" on:click=move |_| open.set(false)>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="shortcuts-h"
                    data-testid="shortcuts"
                    on:click=|ev| ev.stop_propagation()
                >
                    <h2 id="shortcuts-h">"Keyboard shortcuts"</h2>
                    <table class="shortcut-table">
                        <tbody>
                            {keys::HELP
                                .iter()
                                .map(|(k, what)| view! { <tr><td><kbd>{*k}</kbd></td><td>{*what}</td></tr> })
                                .collect_view()}
                        </tbody>
                    </table>
                    <button type="button" class="button" node_ref=close_ref on:click=move |_| open.set(false)>
                        "Close"
                    </button>
                </div>
            </div>
        </Show>
    }
}
